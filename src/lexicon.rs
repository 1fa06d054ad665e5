//! The structure and header vocabulary from `grammar/labels.toml`, loaded once.
//!
//! The file is compiled in (`include_str!`) so the binary has no run-time data files;
//! a unit test proves it parses, so a bad edit fails the build's tests, not a user's run.

use std::sync::LazyLock;

use serde::Deserialize;

use crate::fold::fold;

/// What a field line carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldRole {
    Lead,
    Support,
    Deadline,
    /// Recognised but kept in the task text ("Sản phẩm: ...").
    Other,
}

/// A document-type line, read by [`Lexicon::type_line`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypeLine<'a, 'l> {
    /// "KH", "PL".
    pub abbrev: &'a str,
    /// The document's own number ("PHỤ LỤC II" → "II").
    pub number: Option<&'l str>,
    /// A title on the same line ("PHỤ LỤC I: DANH MỤC NHIỆM VỤ"), else "".
    pub title: &'l str,
    /// An appendix (its type carries a number): attached after a plan, it numbers its
    /// items afresh.
    pub appendix: bool,
    /// A header item the line runs into the type ("Hà Nội, ngày 29 tháng 01 năm 2015"
    /// before "QUYẾT ĐỊNH …"), else "".
    pub before: &'l str,
}

impl TypeLine<'_, '_> {
    /// Whether `line`, read as this, opens a document inside a body: an appendix
    /// heading, or a type printed in capitals alone on its line.
    pub fn opens_document(&self, line: &str) -> bool {
        self.appendix || crate::blocks::is_all_caps(line)
    }
}

/// What the items of a top-level part are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartKind {
    Tasks,
    Responsibilities,
    Purpose,
    Funding,
    /// Solutions: tasks unless the plan has a tasks part (then as [`PartKind::Unknown`]).
    Measures,
    Unknown,
}

/// The loaded vocabulary, every phrase already folded.
pub struct Lexicon {
    /// (phrase, role), longest phrase first.
    pub fields: Vec<(String, FieldRole)>,
    pub parts: Vec<(String, PartKind)>,
    /// Headings of an item that lists figures to reach ("6. Chỉ tiêu chủ yếu đến năm
    /// 2030"), at any level, folded.
    pub targets: Vec<String>,
    /// Closing words of an article that introduces the work below it ("… đề nghị Ủy ban
    /// nhân dân tỉnh chỉ đạo thực hiện một số công việc sau:"), folded.
    pub task_intros: Vec<String>,
    /// Openings of a heading that names a field of work ("Về lĩnh vực …"), folded.
    pub topic_openers: Vec<String>,
    /// (phrase, abbreviation), longest phrase first.
    pub doc_types: Vec<(String, String)>,
    /// Types whose line may end with a number ("phụ lục", folded).
    pub numbered_doc_types: Vec<String>,
    /// The first letters of the document types.
    type_initials: Vec<char>,
    /// The first words of the signers' titles, folded ("bộ", "chủ", "phó").
    title_heads: Vec<String>,
    pub motto: Vec<String>,
    /// The gazette's section headings printed above a document, folded.
    pub gazette_sections: Vec<String>,
    pub preamble_openers: Vec<String>,
    pub attachment_openers: Vec<String>,
    pub closing_openers: Vec<String>,
    /// Requests that close the document when nothing but prose follows them.
    pub closing_requests: Vec<String>,
    pub recipients: Vec<String>,
    pub signer_authority: Vec<String>,
    pub signer_titles: Vec<String>,
    /// Titles read as titles only right after an authority line (`signature_titles`).
    pub signature_titles: Vec<String>,
    pub signature_marks: Vec<String>,
    /// (folded, proper spelling), longest first.
    pub casing: Vec<(String, String)>,
    pub place_heads: Vec<String>,
    /// The place heads of a province-level name (folded).
    pub province_heads: Vec<String>,
    /// (folded, spelling) of abbreviations that keep their capitals.
    pub keep_upper: Vec<(String, String)>,
    /// Task-table header cells: the number column and the task column.
    pub table_number: Vec<String>,
    pub table_name: Vec<String>,
    /// Other task-table column headings (folded).
    pub table_other: Vec<String>,
    /// Words that end a wrapped line of a table cell, never a cell ("và", "của").
    pub table_joiners: Vec<String>,
    /// Nouns that end on a joining word ("nhà ở"): a line ending with one is not cut.
    pub table_joiner_nouns: Vec<String>,
    /// Words that open a wrapped line of a table cell, never a cell ("và", "hoặc").
    pub table_continuers: Vec<String>,
    /// Appendix titles that list only some of the plan's tasks ("Một số nhiệm vụ trọng
    /// tâm …"), folded.
    pub table_partial: Vec<String>,
    /// Title phrases that hold a word of `table_partial` and say nothing of the table
    /// ("quy định chi tiết một số điều của Luật …"), folded.
    table_not_partial: Vec<String>,
    /// The first line of an e-signed PDF's stamp ("Ký bởi"), and the labels of its other
    /// lines ("Cơ quan", "Thời gian ký"), folded.
    pub stamp_openers: Vec<String>,
    pub stamp_fields: Vec<String>,
    /// Byte length of the longest phrase matched at the start of a text (fields,
    /// openers, recipients, signer lines): [`Lexicon::fold_head`] folds this much.
    longest: usize,
}

/// The vocabulary, parsed on first use.
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
        Lexicon::from_toml(include_str!("../grammar/labels.toml"))
            .expect("grammar/labels.toml is valid (checked by a unit test)")
    });
    &LEXICON
}

impl Lexicon {
    /// Parse the vocabulary file.
    pub fn from_toml(src: &str) -> Result<Self, toml::de::Error> {
        let raw: Raw = toml::from_str(src)?;
        let mut fields: Vec<(String, FieldRole)> = Vec::new();
        for (list, role) in [
            (&raw.fields.lead, FieldRole::Lead),
            (&raw.fields.support, FieldRole::Support),
            (&raw.fields.deadline, FieldRole::Deadline),
            (&raw.fields.other, FieldRole::Other),
        ] {
            fields.extend(list.iter().map(|p| (fold(p), role)));
        }
        fields.sort_by_key(|f| std::cmp::Reverse(f.0.len()));
        let mut parts = Vec::new();
        for (list, kind) in [
            (&raw.parts.responsibilities, PartKind::Responsibilities),
            (&raw.parts.tasks, PartKind::Tasks),
            (&raw.parts.purpose, PartKind::Purpose),
            (&raw.parts.funding, PartKind::Funding),
            (&raw.parts.measures, PartKind::Measures),
        ] {
            parts.extend(list.iter().map(|p| (fold(p), kind)));
        }
        let h = raw.header;
        let mut doc_types: Vec<(String, String)> = h
            .doc_types
            .into_iter()
            .map(|[p, a]| (fold(&p), a))
            .collect();
        doc_types.sort_by_key(|d| std::cmp::Reverse(d.0.len()));
        let mut casing: Vec<(String, String)> =
            h.casing.into_iter().map(|c| (fold(&c), c)).collect();
        casing.sort_by_key(|c| std::cmp::Reverse(c.0.len()));
        let folded = |v: Vec<String>| v.iter().map(|s| fold(s)).collect::<Vec<_>>();
        let mut lexicon = Lexicon {
            fields,
            parts,
            targets: folded(raw.parts.targets),
            task_intros: folded(raw.parts.task_intros),
            topic_openers: folded(raw.parts.topic_openers),
            doc_types,
            numbered_doc_types: folded(h.numbered_doc_types),
            type_initials: Vec::new(),
            title_heads: Vec::new(),
            motto: folded(h.motto),
            gazette_sections: folded(h.gazette_sections),
            preamble_openers: folded(h.preamble_openers),
            attachment_openers: folded(h.attachment_openers),
            closing_openers: folded(h.closing_openers),
            closing_requests: folded(h.closing_requests),
            recipients: folded(h.recipients),
            signer_authority: folded(h.signer_authority),
            signer_titles: folded(h.signer_titles),
            signature_titles: folded(h.signature_titles),
            signature_marks: folded(h.signature_marks),
            casing,
            place_heads: folded(h.place_heads),
            province_heads: folded(h.province_heads),
            keep_upper: h.keep_upper.into_iter().map(|u| (fold(&u), u)).collect(),
            table_number: folded(raw.table.number),
            table_name: folded(raw.table.name),
            table_other: folded(raw.table.other),
            table_joiners: folded(raw.table.joiners),
            table_joiner_nouns: folded(raw.table.joiner_nouns),
            table_continuers: folded(raw.table.continuers),
            table_partial: folded(raw.table.partial),
            table_not_partial: folded(raw.table.not_partial),
            stamp_openers: folded(raw.furniture.stamp_openers),
            stamp_fields: folded(raw.furniture.stamp_fields),
            longest: 0,
        };
        lexicon.longest = lexicon.prefix_phrases().map(str::len).max().unwrap_or(0);
        lexicon.type_initials = lexicon
            .doc_types
            .iter()
            .filter_map(|(p, _)| p.chars().next())
            .collect();
        lexicon.type_initials.sort_unstable();
        lexicon.type_initials.dedup();
        lexicon.title_heads = lexicon
            .signer_titles
            .iter()
            .filter_map(|t| t.split(' ').next().map(str::to_owned))
            .collect();
        lexicon.title_heads.sort_unstable();
        lexicon.title_heads.dedup();
        Ok(lexicon)
    }

    /// Every folded phrase that is matched at the start of a line or block.
    fn prefix_phrases(&self) -> impl Iterator<Item = &str> {
        let lists = [
            &self.preamble_openers,
            &self.attachment_openers,
            &self.closing_openers,
            &self.closing_requests,
            &self.recipients,
            &self.signer_authority,
            &self.signer_titles,
        ];
        self.fields
            .iter()
            .map(|(p, _)| p)
            .chain(lists.into_iter().flatten())
            .map(String::as_str)
    }

    /// Whether the fold of `text` starts with one of `phrases` (folded, from this
    /// lexicon) as whole words: [`starts_with_any`] on [`Lexicon::fold_head`], but most
    /// texts are ruled out by their first few folded bytes.
    pub fn text_starts_with_any(&self, text: &str, phrases: &[String]) -> bool {
        // A phrase that starts the fold and a short folded head are both prefixes of the
        // fold, so one of them starts the other.
        let head = crate::fold::fold_prefix(text, 4);
        phrases
            .iter()
            .any(|p| head.starts_with(p.as_str()) || p.starts_with(head.as_str()))
            && starts_with_any(&self.fold_head(text), phrases)
    }

    /// The folded head of `text`: enough of [`fold`]`(text)` that [`starts_with_any`]
    /// and [`starts_with_words`] answer as on the whole fold for every prefix phrase,
    /// without folding a whole paragraph to test its first words.
    pub fn fold_head(&self, text: &str) -> String {
        // One more character (up to 4 bytes) after the longest phrase: the word-boundary test.
        crate::fold::fold_prefix(text, self.longest + 4)
    }

    /// The role of a field label (the text before ':'), if it is one.
    pub fn field_role(&self, label: &str) -> Option<FieldRole> {
        let f = self.fold_head(label);
        self.fields
            .iter()
            .find(|(p, _)| starts_with_words(&f, p))
            .map(|(_, r)| *r)
    }

    /// Whether a folded column heading names the task column: one of `[table] name`, or
    /// alternatives of them written with "/" ("Nội dung/nhiệm vụ").
    pub fn is_task_column(&self, folded: &str) -> bool {
        names_column(&self.table_name, folded)
    }

    /// Whether a folded column heading names another column of a task table (`[table]
    /// other`), also with alternatives written with "/" ("Cấp trình/ Phê duyệt").
    pub fn is_other_column(&self, folded: &str) -> bool {
        names_column(&self.table_other, folded)
    }

    /// Whether an appendix title says its table lists only some of the plan's tasks, or
    /// targets (`[table] partial`, outside the phrases of `[table] not_partial`).
    pub fn lists_some_tasks(&self, title: &str) -> bool {
        let mut f = fold(title);
        for p in &self.table_not_partial {
            while let Some(at) = find_words(&f, p) {
                f.replace_range(at..at + p.len(), " ");
            }
        }
        self.table_partial
            .iter()
            .any(|p| find_words(&f, p).is_some())
    }

    /// The role of a field label that is exactly one of the field phrases ("Cơ quan chủ
    /// trì", not "Cơ quan chủ trì: Sở Y tế"): a table column heading.
    pub fn field_role_exact(&self, label: &str) -> Option<FieldRole> {
        let f = fold(label);
        self.fields.iter().find(|(p, _)| f == *p).map(|(_, r)| *r)
    }

    /// The kind of a part from its heading: the phrase that starts earliest wins.
    pub fn part_kind(&self, heading: &str) -> PartKind {
        let f = fold(heading);
        self.parts
            .iter()
            .filter_map(|(p, k)| find_words(&f, p).map(|at| (at, std::cmp::Reverse(p.len()), *k)))
            .min_by_key(|(at, len, _)| (*at, *len))
            .map_or(PartKind::Unknown, |(_, _, k)| k)
    }

    /// Where the first phrase of the part kind `kind` stands in the folded `heading`:
    /// "MỤC TIÊU, NHIỆM VỤ VÀ GIẢI PHÁP" names tasks after its aims, "Nhiệm vụ và giải
    /// pháp chủ yếu" opens with them (0).
    pub fn part_kind_at(&self, heading: &str, kind: PartKind) -> Option<usize> {
        let f = fold(heading);
        self.parts
            .iter()
            .filter(|(_, k)| *k == kind)
            .filter_map(|(p, _)| find_words(&f, p))
            .min()
    }

    /// Whether an item's heading names figures to reach ("6. Chỉ tiêu chủ yếu đến năm
    /// 2030"): it opens with a `[parts] targets` phrase.
    pub fn is_targets_heading(&self, heading: &str) -> bool {
        let f = fold(heading);
        self.targets.iter().any(|t| find_words(&f, t) == Some(0))
    }

    /// Whether a heading names only a field of work ("Về lĩnh vực Tư pháp", "Về đầu tư
    /// xây dựng"): it opens with one of `[parts] topic_openers`.
    pub fn is_topic_heading(&self, heading: &str) -> bool {
        let f = fold(heading.trim());
        self.topic_openers
            .iter()
            .any(|t| find_words(&f, t) == Some(0))
    }

    /// Whether an article's heading introduces the work set out below it: it ends with
    /// ":" right after one of `[parts] task_intros` ("… chỉ đạo thực hiện một số công
    /// việc sau:").
    pub fn introduces_tasks(&self, heading: &str) -> bool {
        let Some(head) = heading.trim_end().strip_suffix(':') else {
            return false;
        };
        let f = fold(head.trim_end());
        self.task_intros
            .iter()
            .any(|t| f.ends_with(t.as_str()) && f[..f.len() - t.len()].ends_with([' ', ',']))
    }

    /// The abbreviation of a document-type line ("KẾ HOẠCH" → "KH"); the whole line must be
    /// it, or an appendix heading (see [`Lexicon::type_line`]).
    pub fn doc_type_line(&self, line: &str) -> Option<&str> {
        self.type_line(line).map(|t| t.abbrev)
    }

    /// A line that opens a document: its type, alone on the line ("KẾ HOẠCH"), or a
    /// type that carries its own number with that number and a title after it
    /// ("PHỤ LỤC", "PHỤ LỤC II", "Phụ lục số 01: Danh mục nhiệm vụ", "PHỤ LỤC KÈM THEO
    /// KẾ HOẠCH"). A title needs the number or the type in capitals: "Phụ lục kèm theo
    /// Kế hoạch này gồm …" is a sentence.
    pub fn type_line<'a, 'l>(&'a self, line: &'l str) -> Option<TypeLine<'a, 'l>> {
        let line = line.trim().trim_end_matches([':', '.']);
        // Both tests read bytes: this runs on most lines of a document. An abbreviated
        // authority ("KT.", "TM.") opens a signature; ", ngày" follows a place.
        let authority = line
            .bytes()
            .take(5)
            .position(|b| b == b'.')
            .is_some_and(|p| p > 0 && line[..p].chars().all(char::is_uppercase));
        let dated =
            || memchr::memchr_iter(b',', line.as_bytes()).any(|i| line[i..].starts_with(", ngày "));
        // A signer's title in capitals ("BỘ TRƯỞNG Đặng Quốc Khánh CHƯƠNG TRÌNH …"): the
        // first word is letters in capitals, which rules out most lines (and every
        // numbered one) at once.
        let titled = || {
            let first = line.split(' ').next().unwrap_or("");
            first.chars().count() > 1
                && first
                    .chars()
                    .all(|c| crate::fold::is_letter(c) && !c.is_lowercase())
                && self.title_heads.binary_search(&fold(first)).is_ok()
                && self.text_starts_with_any(line, &self.signer_titles)
        };
        if (authority || dated() || titled())
            && let Some(t) = self.type_after_prefix(line)
        {
            return Some(t);
        }
        // Most lines are ruled out by their first letter, most others by their first
        // folded bytes; only the rest are folded whole. (A phrase that starts the fold
        // and a short folded head are both prefixes of the fold, so one starts the other.)
        let first = line.chars().next().map(crate::fold::lower_char)?;
        if !self.type_initials.contains(&first) {
            return None;
        }
        let head = crate::fold::fold_prefix(line, 8);
        if !self
            .doc_types
            .iter()
            .any(|(p, _)| p.starts_with(head.as_str()) || head.starts_with(p.as_str()))
        {
            return None;
        }
        let f = fold(line);
        // The type of phrase `p` (abbreviation `a`), with `title` on its line.
        let plain = |p: &String, a, title| TypeLine {
            abbrev: a,
            number: None,
            title,
            appendix: self.numbered_doc_types.contains(p),
            before: "",
        };
        if let Some((p, a)) = self.doc_types.iter().find(|(p, _)| f == *p) {
            return Some(plain(p, a, ""));
        }
        // "CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA CHÍNH PHỦ": the type and whose it is, in capitals;
        // the title is on the lines below ("thực hiện Chỉ thị số 49-CT/TW …").
        if let Some((p, a)) = self.doc_types.iter().find(|(p, _)| {
            f.strip_prefix(p.as_str())
                .is_some_and(|r| r.starts_with(" của "))
        }) && crate::blocks::is_all_caps(line)
        {
            return Some(plain(p, a, ""));
        }
        // "CHƯƠNG TRÌNH HÀNH ĐỘNG. TRIỂN KHAI KẾ HOẠCH … (Ban hành kèm theo …)": a type
        // set off from its title on one line (a converted page joins them), in capitals
        // up to the bracket that says what it is attached to.
        if let Some((p, a)) = self.doc_types.iter().find(|(p, _)| {
            f.strip_prefix(p.as_str())
                .is_some_and(|r| r.starts_with(['.', ':']))
        }) && crate::blocks::is_all_caps(line.split('(').next().unwrap_or(line))
            && let Some(mark) = line.find(['.', ':'])
        {
            let title = line[mark..].trim_start_matches(['.', ':', ' ']).trim();
            if !title.is_empty() {
                return Some(plain(p, a, title));
            }
        }
        let phrase = self
            .numbered_doc_types
            .iter()
            .find(|p| starts_with_words(&f, p))?;
        let abbrev = &self.doc_types.iter().find(|(p, _)| p == phrase)?.1;
        // The type's words, then "[số] [number] [:.-] title".
        let words = phrase.split(' ').count();
        let type_end = line
            .char_indices()
            .filter(|(_, c)| *c == ' ')
            .nth(words - 1)
            .map_or(line.len(), |(i, _)| i);
        let type_words = &line[..type_end];
        let mut rest = line[type_end..].trim_start();
        if let Some(r) = ["số ", "Số ", "SỐ "]
            .iter()
            .find_map(|p| rest.strip_prefix(p))
        {
            rest = r.trim_start();
        }
        let token_end = rest
            .find(|c: char| c.is_whitespace() || matches!(c, ':' | '.' | '-' | '–'))
            .unwrap_or(rest.len());
        let token = &rest[..token_end];
        let is_number = !token.is_empty()
            && (token.chars().all(|c| c.is_ascii_digit())
                || token.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L'))
                || (token.chars().count() == 1 && token.chars().all(char::is_uppercase)));
        let number = is_number.then_some(token);
        if is_number {
            rest = &rest[token_end..];
        }
        // "Phụ lục 01: Danh mục …" sets its title off; "Phụ lục 01 kèm theo Kế hoạch này
        // là …" runs on as a sentence.
        let set_off = rest.trim_start().starts_with([':', '.', '-', '–']);
        let title = rest.trim_start_matches([':', '.', '-', '–', ' ']).trim();
        let capitals = crate::blocks::is_all_caps(type_words);
        (title.is_empty() || (number.is_some() && set_off) || capitals).then_some(TypeLine {
            abbrev,
            number,
            title,
            appendix: true,
            before: "",
        })
    }

    /// A page flattened to text may run a header item into the type and title that
    /// follow it: a decision's signature into the plan it issues ("KT. BỘ TRƯỞNG THỨ
    /// TRƯỞNG Đinh Trung Tụng KẾ HOẠCH TRIỂN KHAI … (Ban hành kèm theo …)"), whose title
    /// runs to the bracket that says it is attached, or a place and date into the
    /// document's own type and title ("Hà Nội, ngày 29 tháng 01 năm 2015 QUYẾT ĐỊNH BAN
    /// HÀNH KẾ HOẠCH …"). The type stands in capitals after words in lower case.
    fn type_after_prefix<'a, 'l>(&'a self, line: &'l str) -> Option<TypeLine<'a, 'l>> {
        let attached = if self.opens_signature(line) {
            // The title runs to the bracket that says the plan is attached, or, in
            // capitals, to the end of the line (the bracket on a later one).
            match line.find(" (") {
                Some(at) if fold(&line[at..]).contains("kèm theo") => at,
                Some(_) => return None,
                None => line.len(),
            }
        } else if line.contains(", ngày ") && line.contains(" năm ") {
            line.find(" (").unwrap_or(line.len())
        } else {
            return None;
        };
        // Folding keeps offsets in this text, so a phrase found in the fold is found in it.
        let f = crate::fold::fold_aligned(line)?;
        // The first type named ("KẾ HOẠCH TRIỂN KHAI … CHƯƠNG TRÌNH PHỐI HỢP …" is a plan),
        // the longest phrase where two start together.
        let (at, p, a) = self
            .doc_types
            .iter()
            .filter_map(|(p, a)| {
                let at = f.match_indices(p.as_str()).map(|(i, _)| i).find(|&i| {
                    i > 0
                        && i < attached
                        && f[..i].ends_with(' ')
                        && f[i + p.len()..].starts_with(' ')
                        // The signer's name or the date, in lower case, before the type.
                        && line[..i].chars().any(char::is_lowercase)
                        && crate::blocks::is_all_caps(&line[i..attached])
                })?;
                Some((at, p, a))
            })
            .min_by_key(|(at, p, _)| (*at, std::cmp::Reverse(p.len())))?;
        Some(TypeLine {
            abbrev: a,
            number: None,
            title: line[at + p.len()..].trim(),
            appendix: self.numbered_doc_types.contains(p),
            before: line[..at].trim(),
        })
    }

    /// Whether `text` opens with a signature's authority or a signer's title ("KT. BỘ
    /// TRƯỞNG …", "BỘ TRƯỞNG Đặng Quốc Khánh").
    pub fn opens_signature(&self, text: &str) -> bool {
        self.text_starts_with_any(text, &self.signer_authority)
            || self.text_starts_with_any(text, &self.signer_titles)
    }

    /// Whether `text` opens a document's tail: "Nơi nhận:", or a signature authority
    /// line in capitals ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH").
    pub fn opens_tail(&self, text: &str) -> bool {
        self.text_starts_with_any(text, &self.recipients)
            || (crate::blocks::is_all_caps(text)
                && self.text_starts_with_any(text, &self.signer_authority))
    }
}

/// Whether `folded` is one of `headings`, or alternatives of them joined by "/".
fn names_column(headings: &[String], folded: &str) -> bool {
    let name = |p: &str| headings.iter().any(|n| n == p.trim());
    name(folded) || (folded.contains('/') && folded.split('/').all(name))
}

/// True when `folded` is `phrase` or starts with it followed by a non-letter.
pub fn starts_with_words(folded: &str, phrase: &str) -> bool {
    folded.strip_prefix(phrase).is_some_and(|rest| {
        rest.chars()
            .next()
            .is_none_or(|c| !crate::fold::is_alnum(c))
    })
}

/// Byte position of `phrase` in `folded` at word boundaries.
pub fn find_words(folded: &str, phrase: &str) -> Option<usize> {
    let mut from = 0;
    // memchr's search sets up faster than `str::find` on these short texts; a match of
    // a whole UTF-8 phrase always starts on a character boundary.
    while let Some(i) = memchr::memmem::find(&folded.as_bytes()[from..], phrase.as_bytes()) {
        let at = from + i;
        let before_ok = folded[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !crate::fold::is_alnum(c));
        let after_ok = folded[at + phrase.len()..]
            .chars()
            .next()
            .is_none_or(|c| !crate::fold::is_alnum(c));
        if before_ok && after_ok {
            return Some(at);
        }
        from = at + phrase.chars().next().map_or(1, char::len_utf8);
    }
    None
}

/// True when `folded` starts with any of `phrases` (at a word boundary).
pub fn starts_with_any(folded: &str, phrases: &[String]) -> bool {
    phrases.iter().any(|p| starts_with_words(folded, p))
}

#[derive(Deserialize)]
struct Raw {
    fields: RawFields,
    parts: RawParts,
    header: RawHeader,
    table: RawTable,
    furniture: RawFurniture,
}

#[derive(Deserialize)]
struct RawFurniture {
    stamp_openers: Vec<String>,
    stamp_fields: Vec<String>,
}

#[derive(Deserialize)]
struct RawTable {
    number: Vec<String>,
    name: Vec<String>,
    other: Vec<String>,
    joiners: Vec<String>,
    joiner_nouns: Vec<String>,
    continuers: Vec<String>,
    partial: Vec<String>,
    not_partial: Vec<String>,
}

#[derive(Deserialize)]
struct RawFields {
    lead: Vec<String>,
    support: Vec<String>,
    deadline: Vec<String>,
    other: Vec<String>,
}

#[derive(Deserialize)]
struct RawParts {
    tasks: Vec<String>,
    responsibilities: Vec<String>,
    purpose: Vec<String>,
    funding: Vec<String>,
    measures: Vec<String>,
    targets: Vec<String>,
    task_intros: Vec<String>,
    topic_openers: Vec<String>,
}

#[derive(Deserialize)]
struct RawHeader {
    doc_types: Vec<[String; 2]>,
    numbered_doc_types: Vec<String>,
    motto: Vec<String>,
    gazette_sections: Vec<String>,
    preamble_openers: Vec<String>,
    attachment_openers: Vec<String>,
    closing_openers: Vec<String>,
    closing_requests: Vec<String>,
    recipients: Vec<String>,
    signer_authority: Vec<String>,
    signer_titles: Vec<String>,
    signature_titles: Vec<String>,
    signature_marks: Vec<String>,
    casing: Vec<String>,
    place_heads: Vec<String>,
    province_heads: Vec<String>,
    keep_upper: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grammar_file_parses() {
        Lexicon::from_toml(include_str!("../grammar/labels.toml")).unwrap();
    }

    /// The folded head is long enough for every phrase matched at a start.
    #[test]
    fn heads_cover_every_prefix_phrase() {
        let lx = lexicon();
        for p in lx.prefix_phrases() {
            let text = format!(
                "{}   và các nội dung khác của văn bản này",
                p.to_uppercase()
            );
            assert!(starts_with_words(&lx.fold_head(&text), p), "{p}");
            assert!(
                lx.text_starts_with_any(&text, std::slice::from_ref(&p.to_owned())),
                "{p}"
            );
            assert!(
                !lx.text_starts_with_any(&format!("x{text}"), &[p.to_owned()]),
                "{p}"
            );
        }
    }

    #[test]
    fn field_roles() {
        let lx = lexicon();
        for (label, role) in [
            ("Cơ quan chủ trì", Some(FieldRole::Lead)),
            ("- Đơn vị chủ trì", None), // callers strip bullets first
            ("Đơn vị phối hợp", Some(FieldRole::Support)),
            ("Cơ quan thực hiện", Some(FieldRole::Lead)),
            (
                "Thời gian hoàn thành tích hợp, đồng bộ dữ liệu",
                Some(FieldRole::Deadline),
            ),
            ("Thời hạn", Some(FieldRole::Deadline)),
            ("Tiến độ thực hiện", Some(FieldRole::Deadline)),
            ("Sản phẩm", Some(FieldRole::Other)),
            ("Thành phần", Some(FieldRole::Other)),
            ("Địa điểm", Some(FieldRole::Other)),
            ("Chủ trì", Some(FieldRole::Lead)),
            ("Sở, ngành chủ trì tham mưu", Some(FieldRole::Lead)),
            ("Đơn vị phối hợp thực hiện", Some(FieldRole::Support)),
            ("Phân công thực hiện", Some(FieldRole::Lead)),
            ("Cơ quan được giao", Some(FieldRole::Lead)),
            ("Đơn vị triển khai", Some(FieldRole::Lead)),
            ("Dự kiến thời gian hoàn thành", Some(FieldRole::Deadline)),
            ("Lộ trình thực hiện", Some(FieldRole::Deadline)),
            ("Hạn chót", Some(FieldRole::Deadline)),
            ("Thời điểm thực hiện", Some(FieldRole::Deadline)),
            ("Chủ tịch", None),
            ("Trong đó", None),
        ] {
            assert_eq!(lx.field_role(label), role, "{label}");
        }
    }

    #[test]
    fn part_kinds() {
        let lx = lexicon();
        for (h, k) in [
            ("MỤC ĐÍCH, YÊU CẦU", PartKind::Purpose),
            ("NHIỆM VỤ CỤ THỂ", PartKind::Tasks),
            ("NHIỆM VỤ, GIẢI PHÁP", PartKind::Tasks),
            ("GIẢI PHÁP THỰC HIỆN", PartKind::Measures),
            ("NỘI DUNG, NHIỆM VỤ THỰC HIỆN", PartKind::Tasks),
            ("PHÂN CÔNG TRÁCH NHIỆM", PartKind::Responsibilities),
            ("TỔ CHỨC THỰC HIỆN", PartKind::Responsibilities),
            ("PHÂN CÔNG NHIỆM VỤ", PartKind::Responsibilities),
            ("NHIỆM VỤ VÀ GIẢI PHÁP", PartKind::Tasks),
            ("MỤC TIÊU HOẠT ĐỘNG", PartKind::Purpose),
            ("KINH PHÍ THỰC HIỆN", PartKind::Funding),
            ("CHỈ TIÊU XUẤT KHẨU ĐẾN NĂM 2030", PartKind::Purpose),
            ("LỜI NÓI ĐẦU", PartKind::Unknown),
        ] {
            assert_eq!(lx.part_kind(h), k, "{h}");
        }
    }

    /// "Một số" marks a partial table, but not in "một số điều" (a law's articles).
    #[test]
    fn partial_tables() {
        let lx = lexicon();
        for (title, partial) in [
            ("MỘT SỐ NHIỆM VỤ TRỌNG TÂM CỦA CÁC SỞ, BAN, NGÀNH", true),
            ("PHÂN CÔNG THỰC HIỆN CÁC CHỈ TIÊU", true),
            (
                "DANH MỤC NHIỆM VỤ TRIỂN KHAI THI HÀNH NGHỊ ĐỊNH QUY ĐỊNH CHI TIẾT MỘT SỐ ĐIỀU CỦA LUẬT PHÒNG THỦ DÂN SỰ",
                false,
            ),
            ("MỘT SỐ ĐIỀU CỦA LUẬT; MỘT SỐ NHIỆM VỤ", true),
            ("DANH MỤC NHIỆM VỤ", false),
        ] {
            assert_eq!(lx.lists_some_tasks(title), partial, "{title}");
        }
    }

    #[test]
    fn doc_types() {
        let lx = lexicon();
        assert_eq!(lx.doc_type_line(" KẾ HOẠCH "), Some("KH"));
        assert_eq!(lx.doc_type_line("CHƯƠNG TRÌNH HÀNH ĐỘNG"), Some("CTr"));
        assert_eq!(lx.doc_type_line("QUYẾT ĐỊNH:"), Some("QĐ"));
        assert_eq!(lx.doc_type_line("Kế hoạch triển khai"), None);
        // The type and whose it is, in capitals; not a sentence that names one.
        assert_eq!(
            lx.doc_type_line("CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA CHÍNH PHỦ"),
            Some("CTr")
        );
        assert_eq!(
            lx.doc_type_line("Chương trình hành động của Chính phủ thực hiện Chỉ thị"),
            None
        );
        let t = |line: &str| {
            lx.type_line(line).map(|t| {
                (
                    t.abbrev.to_owned(),
                    t.number.map(str::to_owned),
                    t.title.to_owned(),
                )
            })
        };
        let pl = |n: Option<&str>, title: &str| {
            Some(("PL".to_owned(), n.map(str::to_owned), title.to_owned()))
        };
        // A type and its title on one line, as a converted page joins them.
        assert_eq!(
            t(
                "CHƯƠNG TRÌNH HÀNH ĐỘNG. TRIỂN KHAI KẾ HOẠCH SỐ 119-KH/TU (Ban hành kèm theo Quyết định số 435/QĐ-UBND)"
            ),
            Some((
                "CTr".to_owned(),
                None,
                "TRIỂN KHAI KẾ HOẠCH SỐ 119-KH/TU (Ban hành kèm theo Quyết định số 435/QĐ-UBND)"
                    .to_owned()
            ))
        );
        assert_eq!(t("Kế hoạch: triển khai năm 2025"), None);
        // A flattened page runs a signature or a place and date into a type and title.
        assert_eq!(
            t(
                "KT. BỘ TRƯỞNG THỨ TRƯỞNG Đinh Trung Tụng KẾ HOẠCH TRIỂN KHAI CHƯƠNG TRÌNH PHỐI HỢP NĂM 2015 (Ban hành kèm theo Quyết định số 173/QĐ-BTP)"
            ),
            Some((
                "KH".to_owned(),
                None,
                "TRIỂN KHAI CHƯƠNG TRÌNH PHỐI HỢP NĂM 2015 (Ban hành kèm theo Quyết định số 173/QĐ-BTP)"
                    .to_owned()
            ))
        );
        let placed = lx
            .type_line("Hà Nội, ngày 29 tháng 01 năm 2015 QUYẾT ĐỊNH BAN HÀNH KẾ HOẠCH NĂM 2015")
            .unwrap();
        assert_eq!(
            (placed.abbrev, placed.before, placed.title),
            (
                "QĐ",
                "Hà Nội, ngày 29 tháng 01 năm 2015",
                "BAN HÀNH KẾ HOẠCH NĂM 2015"
            )
        );
        // A signer's title with no authority before it, the title's bracket on a later
        // line.
        let titled = lx
            .type_line("BỘ TRƯỞNG Đặng Quốc Khánh CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA NGÀNH TÀI NGUYÊN VÀ MÔI TRƯỜNG")
            .unwrap();
        assert_eq!(
            (titled.abbrev, titled.before, titled.title),
            (
                "CTr",
                "BỘ TRƯỞNG Đặng Quốc Khánh",
                "CỦA NGÀNH TÀI NGUYÊN VÀ MÔI TRƯỜNG"
            )
        );
        // Not a signature with nothing attached, nor a sentence.
        assert_eq!(t("KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn Văn A KẾ HOẠCH"), None);
        assert_eq!(t("CHỦ TỊCH Nguyễn Văn A ký Kế hoạch triển khai"), None);
        assert_eq!(
            t("Hà Nội, ngày 10 tháng 5 năm 2025 Kế hoạch triển khai"),
            None
        );
        // An attached list is an appendix.
        assert_eq!(t("DANH MỤC"), pl(None, ""));
        assert_eq!(
            t("DANH MỤC CÁC NHIỆM VỤ CHỦ YẾU"),
            pl(None, "CÁC NHIỆM VỤ CHỦ YẾU")
        );
        assert_eq!(t("Danh mục các dự án được nêu tại Phụ lục"), None);
        assert_eq!(lx.doc_type_line("KẾ HOẠCH HÀNH ĐỘNG"), Some("KH"));
        assert_eq!(t("PHỤ LỤC"), pl(None, ""));
        assert_eq!(t("PHỤ LỤC II"), pl(Some("II"), ""));
        assert_eq!(t("Phụ lục số 01:"), pl(Some("01"), ""));
        assert_eq!(
            t("PHỤ LỤC SỐ 02 DANH MỤC CÁC ĐỀ ÁN"),
            pl(Some("02"), "DANH MỤC CÁC ĐỀ ÁN")
        );
        assert_eq!(t("PHỤ LỤC A"), pl(Some("A"), ""));
        assert_eq!(
            t("PHỤ LỤC I: DANH MỤC NHIỆM VỤ"),
            pl(Some("I"), "DANH MỤC NHIỆM VỤ")
        );
        assert_eq!(
            t("Phụ lục 02. Danh mục dự án"),
            pl(Some("02"), "Danh mục dự án")
        );
        assert_eq!(
            t("PHỤ LỤC KÈM THEO KẾ HOẠCH"),
            pl(None, "KÈM THEO KẾ HOẠCH")
        );
        // A sentence about an appendix; a number on a type that carries none.
        assert_eq!(t("Phụ lục kèm theo Kế hoạch này gồm 05 biểu."), None);
        assert_eq!(
            t("Phụ lục 01 kèm theo Kế hoạch này là danh mục thủ tục."),
            None
        );
        assert_eq!(lx.doc_type_line("KẾ HOẠCH 2"), None);
        assert!(!lx.type_line("KẾ HOẠCH").unwrap().appendix);
    }
}
