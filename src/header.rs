//! The header block (issuer, "Số: ...", place and date, document type, title) and the
//! tail (recipients after "Nơi nhận:", the signature block).
//!
//! Header lines come from a two-column layout that extraction may flatten onto one line
//! ("Số: 1234/KH-UBND Quảng Nam, ngày 10 tháng 3 năm 2023"), so each recogniser searches
//! inside a line rather than expecting a line to itself.

use chrono::NaiveDate;

use crate::blocks::is_all_caps;
use crate::fold::{capitalize_first, collapse_ws, fold};
use crate::lexicon::{lexicon, starts_with_any};
use crate::lines::{Line, LineKind};
use crate::model::{Document, Signer};

/// What the header occupies and what it says.
#[derive(Debug, Default)]
pub struct Header {
    pub document: Document,
    /// Index into the lines of the first body line.
    pub body_start: usize,
    /// Line numbers the header accounts for.
    pub lines: Vec<u32>,
    /// The number on the type line ("PHỤ LỤC II" → "II").
    pub type_number: Option<String>,
    /// The document is an appendix ("PHỤ LỤC").
    pub appendix: bool,
}

/// The header lines can only be near the top.
const HEADER_SCAN: usize = 60;
/// A title is at most this many lines.
const TITLE_LINES: usize = 8;

/// Parse the header at the top of `lines`.
pub fn parse_header(lines: &[Line]) -> Header {
    let lx = lexicon();
    let mut h = Header::default();
    // The header ends where numbered items begin: a type line after them ("PHỤ LỤC"
    // after the plan's parts) starts an attached document, not this one.
    let type_at = lines
        .iter()
        .take(HEADER_SCAN)
        .take_while(|l| !matches!(l.kind, LineKind::Label { .. }))
        .position(|l| matches!(l.kind, LineKind::Prose) && lx.doc_type_line(&l.text).is_some());
    let Some(type_at) = type_at else {
        // No type line: only a leading "Số:"/date/motto block can be header.
        let mut i = 0;
        while i < lines.len() && i < HEADER_SCAN {
            let l = &lines[i];
            if l.kind != LineKind::Blank && !header_line(l, &mut h) {
                break;
            }
            i += 1;
        }
        h.body_start = i;
        finish(&mut h, &[]);
        return h;
    };
    let mut org = Vec::new();
    let mut date_head: Option<String> = None;
    for l in &lines[..type_at] {
        if l.kind == LineKind::Blank {
            continue;
        }
        h.lines.push(l.no);
        // A running head above the header ("CÔNG BÁO/Số 286/…") names another document.
        if matches!(l.kind, LineKind::PageNumber | LineKind::Furniture) {
            continue;
        }
        // A converted document sets the two header columns as a table row ("| BỘ … |
        // CỘNG HÒA … |"): each cell is a line of its column.
        // A row with fewer cells ("ỦY BAN … |  | CỘNG HÒA …") is read the same way.
        let cells = if crate::table::is_row(&l.text) || l.text.contains(" | ") {
            crate::table::cells(&l.text)
        } else {
            vec![l.text.clone()]
        };
        for cell in cells {
            // "Cần Thơ, ngày 21" / "tháng 11 năm 2025": a place and date that wrap.
            let cell = match date_head.take() {
                Some(head) => format!("{head} {cell}"),
                None => cell,
            };
            // "Số:" alone, the number on the next line, and a place and date cut after
            // "ngày 21": read with the line that completes them.
            let number_cut = cell.trim_end().ends_with("Số:") && find_number(&cell).is_none();
            let date_cut = cell.contains(", ngày") && find_place_date(&cell).is_none();
            // "*Thành phố Hồ" / "Chí Minh, ngày 19 …*": an emphasis (the place and
            // date's italics) that the line leaves open goes on in the next one.
            // Cleaning removed the mark at the line's start; one inside a row stays.
            let emphasis_open = (l.bold.emphasis_open && !cell.trim().is_empty())
                || cell.trim_start().strip_prefix('*').is_some_and(|rest| {
                    !rest.starts_with('*') && !rest.contains('*') && !rest.trim().is_empty()
                });
            let emphasis_cut = emphasis_open && find_place_date(&cell).is_none();
            if number_cut || date_cut || emphasis_cut {
                date_head = Some(cell);
                continue;
            }
            let leftover = strip_header_items(&cell, &mut h.document);
            let leftover = leftover.trim_end_matches(['-', ' ']);
            if !leftover.is_empty() && is_all_caps(leftover) && !is_motto_piece(leftover) {
                org.push(leftover.to_owned());
            }
        }
    }
    let mut title: Vec<&str> = Vec::new();
    if let Some(t) = lx.type_line(&lines[type_at].text) {
        if !t.before.is_empty() {
            strip_header_items(t.before, &mut h.document);
        }
        h.document.doc_type = Some(t.abbrev.to_owned());
        h.type_number = t.number.map(str::to_owned);
        h.appendix = t.appendix;
        // "PHỤ LỤC I: DANH MỤC NHIỆM VỤ": the title starts on the type line.
        if !t.title.is_empty() {
            title.push(t.title);
        }
    }
    h.lines.push(lines[type_at].no);
    let mut i = type_at + 1;
    let mut after_blank = false;
    while i < lines.len() {
        let l = &lines[i];
        if l.kind == LineKind::Blank {
            after_blank = true;
            i += 1;
            continue;
        }
        let blank_before = std::mem::take(&mut after_blank);
        // A task table right under the title ("| TT | Nội dung | …", "TT" on its own
        // line) starts the body.
        if !matches!(l.kind, LineKind::Prose)
            || title.len() >= TITLE_LINES
            || crate::table::stacked::may_start(&l.text)
        {
            break;
        }
        let f = lx.fold_head(&l.text);
        if starts_with_any(&f, &lx.attachment_openers) {
            // "(Ban hành kèm theo Quyết định số ... ngày ... \n của ...)" may wrap.
            while i < lines.len() {
                h.lines.push(lines[i].no);
                i += 1;
                if lines[i - 1].text.contains(')') {
                    break;
                }
            }
            continue;
        }
        let starts_upper = l.text.chars().next().is_some_and(char::is_uppercase);
        let opener = starts_upper && starts_with_any(&f, &lx.preamble_openers);
        // A title set in capitals wraps in capitals ("… NĂM 2024 CỦA" / "THỦ TƯỚNG …");
        // capitals after a title in mixed case start the body.
        // The issuing authority of a decision ("BỘ TRƯỞNG BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG",
        // "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH") stands in capitals between the title
        // and the preamble.
        let authority = starts_with_any(&f, &lx.signer_titles)
            || (!org.is_empty() && fold(&l.text) == fold(&org.join(" ")));
        let caps_title = title.iter().all(|t| is_all_caps(t)) && !authority;
        let new_caps = is_all_caps(&l.text) && !caps_title;
        // A paragraph in mixed case after a title in capitals and a blank line is the
        // preamble, whatever its first words ("Thời gian qua, tỉnh …").
        let paragraph = caps_title && blank_before && starts_upper && !is_all_caps(&l.text);
        // A line without a letter or a digit (a table's "|") is no part of a title.
        let wordless = !l.text.chars().any(char::is_alphanumeric);
        if !title.is_empty()
            && (opener || new_caps || paragraph || wordless || l.text.starts_with('-'))
        {
            break;
        }
        // A short line in capitals alone is no title, unless the title wraps after its
        // first word ("VỀ" / "VIỆC TĂNG CƯỜNG …", "THỰC" / "HIỆN QUYẾT ĐỊNH …").
        if title.is_empty() && is_all_caps(&l.text) && l.text.chars().count() < 12 {
            let next = lines[i + 1..].iter().find(|n| n.kind != LineKind::Blank);
            let wraps = next.is_some_and(|n| {
                n.kind == LineKind::Prose
                    && is_all_caps(&n.text)
                    && !starts_with_any(&lx.fold_head(&n.text), &lx.signer_titles)
                    && !starts_with_any(&lx.fold_head(&l.text), &lx.signer_titles)
            });
            if !wraps {
                break;
            }
            title.push(&l.text);
            h.lines.push(l.no);
            i += 1;
            continue;
        }
        title.push(&l.text);
        h.lines.push(l.no);
        i += 1;
    }
    h.body_start = i;
    if !title.is_empty() {
        h.document.title = Some(collapse_ws(&title.join(" ")));
    }
    finish(&mut h, &org);
    h
}

/// A line at the very top with no type line: number, date, motto, or organisation.
fn header_line(l: &Line, h: &mut Header) -> bool {
    if !matches!(l.kind, LineKind::Prose) {
        return false;
    }
    let before = (h.document.number.is_some(), h.document.issued_on.is_some());
    let leftover = strip_header_items(&l.text, &mut h.document);
    let found = before != (h.document.number.is_some(), h.document.issued_on.is_some());
    if found || leftover.is_empty() {
        h.lines.push(l.no);
        return true;
    }
    false
}

/// Take the number, the place/date and the motto out of a header line; return the rest.
fn strip_header_items(line: &str, doc: &mut Document) -> String {
    let mut rest = line.to_owned();
    for m in &lexicon().motto {
        let f = fold(&rest);
        if let Some(at) = f.find(m.as_str()) {
            // Folding keeps byte lengths of Vietnamese letters only approximately; cut by chars.
            let start = f[..at].chars().count();
            let len = m.chars().count();
            let chars: Vec<char> = rest.chars().collect();
            rest = chars[..start]
                .iter()
                .chain(&chars[(start + len).min(chars.len())..])
                .collect();
        }
    }
    if let Some((before, number, after)) = find_number(&rest) {
        doc.number.get_or_insert(number);
        rest = format!("{before} {after}");
    }
    if let Some((before, place, date)) = find_place_date(&rest) {
        doc.place.get_or_insert(place);
        match date {
            IssueDate::Day(d) => {
                doc.issued_on.get_or_insert(d);
            }
            // The year stands until the title or a full date names one (`finish`).
            IssueDate::Year(y) => {
                doc.year.get_or_insert(y);
            }
        }
        rest = before;
    }
    collapse_ws(rest.trim_matches(|c: char| c.is_whitespace() || c == '-' || c == '_'))
}

/// A line of the national motto wrapped over two lines ("CỘNG HÒA XÃ HỘI" / "CHỦ NGHĨA
/// VIỆT NAM"): two or more whole words of a motto.
fn is_motto_piece(text: &str) -> bool {
    let f = fold(text);
    f.split_whitespace().count() >= 2
        && lexicon().motto.iter().any(|m| {
            m.match_indices(f.as_str()).any(|(at, _)| {
                let end = at + f.len();
                (at == 0 || m[..at].ends_with(' ')) && (end == m.len() || m[end..].starts_with(' '))
            })
        })
}

/// "Số: 1543/KH-UBND" → (text before, "1543/KH-UBND", text after).
fn find_number(s: &str) -> Option<(String, String, String)> {
    let at = s.find("Số")?;
    let after = s[at + "Số".len()..].trim_start();
    let after = after.strip_prefix(':').unwrap_or(after).trim_start();
    // A layout space before the slash ("134 /KH-UBND") is not part of the number.
    let digits = after.bytes().take_while(u8::is_ascii_digit).count();
    let spaced = after[digits..].trim_start();
    let glued;
    let after = if digits > 0 && spaced.starts_with('/') && spaced.len() < after.len() - digits {
        glued = format!("{}{spaced}", &after[..digits]);
        glued.as_str()
    } else {
        after
    };
    let end = after.find(char::is_whitespace).unwrap_or(after.len());
    let token = after[..end].trim_end_matches([',', '.', ';']);
    if !token.starts_with(|c: char| c.is_ascii_digit()) || !token.contains('/') {
        return None;
    }
    Some((
        s[..at].to_owned(),
        token.to_owned(),
        after[end..].to_owned(),
    ))
}

/// The date of a place-and-date line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum IssueDate {
    Day(NaiveDate),
    /// "ngày     tháng     năm 2026": a copy made before signing leaves the day and
    /// month blank; only the year is known.
    Year(i32),
}

/// "Quảng Nam, ngày 10 tháng 3 năm 2023" → (text before the place, place, date).
fn find_place_date(s: &str) -> Option<(String, String, IssueDate)> {
    let at = s.find(", ngày")?;
    let date = parse_long_date(&s[at + 2..])
        .map(IssueDate::Day)
        .or_else(|| blank_date_year(&s[at + 2..]).map(IssueDate::Year))?;
    let head = &s[..at];
    // The place is the capitalised words right before ", ngày" (an emphasis mark whose
    // close is on the next line, "*Cần Thơ, ngày 21", is not part of it).
    let words: Vec<&str> = head
        .split_whitespace()
        .map(|w| w.trim_start_matches(['*', '_']))
        .filter(|w| !w.is_empty())
        .collect();
    let n = words
        .iter()
        .rev()
        .take_while(|w| w.chars().next().is_some_and(char::is_uppercase) && !w.contains('/'))
        .count();
    if n == 0 {
        return None;
    }
    let place = words[words.len() - n..].join(" ");
    let before = words[..words.len() - n].join(" ");
    Some((before, place, date))
}

/// "ngày 10 tháng 3 năm 2023" or "ngày 10/3/2023" at the start of `s`.
pub fn parse_long_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim_start().strip_prefix("ngày")?.trim_start();
    let nums: Vec<u32> = s
        .split(|c: char| !c.is_ascii_digit())
        .filter(|t| !t.is_empty())
        .take(3)
        .map_while(|t| t.parse().ok())
        .collect();
    let [d, m, y] = nums[..] else { return None };
    NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)
}

/// "ngày     tháng     năm 2026", "ngày … tháng … năm 2026": the year of a date whose
/// day and month are left blank (spaces, dots, underscores).
fn blank_date_year(s: &str) -> Option<i32> {
    let blank = |t: &str| {
        t.chars()
            .all(|c| c.is_whitespace() || matches!(c, '.' | '…' | '_'))
    };
    let s = s.trim_start().strip_prefix("ngày")?;
    let (day, s) = s.split_once("tháng")?;
    let (month, s) = s.split_once("năm")?;
    let digits: String = s
        .trim_start()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let year: i32 = digits.parse().ok()?;
    (blank(day) && blank(month) && digits.len() == 4).then_some(year)
}

/// Fill what follows from what was found: issuer, type from the number, province, year.
fn finish(h: &mut Header, org: &[String]) {
    let doc = &mut h.document;
    if !org.is_empty() {
        doc.issuer = Some(issuer_from(org));
    }
    if doc.doc_type.is_none() {
        doc.doc_type = doc.number.as_deref().and_then(type_from_number);
    }
    // The place line names a province only for local bodies; a ministry signs in Hà Nội.
    let local = doc.issuer.as_deref().is_none_or(|i| {
        let f = fold(i);
        f.split_whitespace()
            .any(|w| lexicon().place_heads.iter().any(|p| p == w))
            || f.contains("ủy ban nhân dân")
    });
    // A district or commune body's place line names no province.
    let below_province = doc.issuer.as_deref().is_some_and(|i| {
        let lx = lexicon();
        let words: Vec<String> = i.split_whitespace().map(fold).collect();
        (0..words.len()).any(|k| {
            head_len_at(&words, k, &lx.place_heads).is_some()
                && head_len_at(&words, k, &lx.province_heads).is_none()
        })
    });
    // The parent body line ("UBND TỈNH ĐẮK LẮK" above "SỞ ...") names the province too.
    let org_line = org.first().map(|l| recase(l));
    doc.province = doc
        .issuer
        .as_deref()
        .and_then(province_in)
        .or_else(|| org_line.as_deref().and_then(province_in))
        .or_else(|| doc.title.as_deref().and_then(province_in))
        .or_else(|| doc.place.clone().filter(|_| local && !below_province));
    doc.year = doc
        .title
        .as_deref()
        .and_then(year_in_title)
        .or(doc.issued_on.map(|d| chrono::Datelike::year(&d)))
        .or(doc.year);
}

/// ND 30/2020 prints the parent body on the first line and the issuing body below it;
/// "ỦY BAN NHÂN DÂN / TỈNH QUẢNG NAM" is one body wrapped over two lines.
fn issuer_from(org: &[String]) -> String {
    let lx = lexicon();
    // The gazette's section heading above the document ("VĂN BẢN PHÁP LUẬT KHÁC") is no
    // part of the name, and a body printed twice (the gazette's heading and the
    // document's own, "CHÍNH PHỦ" / "CHÍNH PHỦ") is one.
    let mut own: Vec<String> = Vec::with_capacity(org.len());
    for line in org {
        let folded = fold(line.trim());
        if !lx.gazette_sections.contains(&folded)
            && own.last().is_none_or(|last| fold(last.trim()) != folded)
        {
            own.push(line.clone());
        }
    }
    let org = &own[..];
    let first_has_place = org.len() > 1
        && fold(&org[0])
            .split_whitespace()
            .any(|w| lx.place_heads.iter().any(|p| p == w));
    let lines = if first_has_place { &org[1..] } else { org };
    let recased = recase(&lines.join(" "));
    // Known agencies keep their usual spelling ("Bộ Thông tin và Truyền thông").
    let known = crate::agency::canonical(&recased);
    if fold(&known) == fold(&recased) {
        known
    } else {
        recased
    }
}

/// "1543/KH-UBND" → "KH".
fn type_from_number(number: &str) -> Option<String> {
    let code = number.rsplit('/').next()?.split('-').next()?;
    let known = lexicon().doc_types.iter().any(|(_, a)| a == code);
    known.then(|| code.to_owned())
}

/// "... tỉnh Quảng Nam năm 2023" → "Quảng Nam" (the heads are `province_heads` in
/// `grammar/labels.toml`).
pub fn province_in(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let folded: Vec<String> = words.iter().map(|w| fold(w)).collect();
    for i in 0..words.len() {
        let Some(skip) = head_len_at(&folded, i, &lexicon().province_heads) else {
            continue;
        };
        let name: Vec<&str> = words[i + skip..]
            .iter()
            .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
            .map(|w| w.trim_end_matches([',', '.', ';', ':']))
            .collect();
        if !name.is_empty() {
            return Some(name.join(" "));
        }
    }
    None
}

/// The length in words of the longest of `heads` (folded, possibly several words) that
/// starts at word `k` of `words` (folded).
fn head_len_at(words: &[String], k: usize, heads: &[String]) -> Option<usize> {
    heads.iter().filter_map(|h| words_at(words, k, h)).max()
}

/// How many words `phrase` (folded, single spaces) spans when `words` hold it from `k`.
fn words_at(words: &[String], k: usize, phrase: &str) -> Option<usize> {
    let mut n = 0;
    for part in phrase.split(' ') {
        if words.get(k + n)? != part {
            return None;
        }
        n += 1;
    }
    Some(n)
}

/// The plan year from the title: the last "năm YYYY" (a period "2022 - 2025" is not it).
fn year_in_title(title: &str) -> Option<i32> {
    let f = fold(title);
    let words: Vec<&str> = f.split_whitespace().collect();
    // "... năm 2024"; not the year of a full date ("ngày 22 tháng 12 năm 2024"), which
    // dates a cited document, nor a horizon ("từ nay đến năm 2020"), which is when the
    // work ends rather than the year the plan's dates fall in.
    (1..words.len()).rev().find_map(|k| {
        let dated = k >= 5 && words[k - 3] == "tháng" && words[k - 5] == "ngày";
        let horizon = k >= 2 && words[k - 2] == "đến";
        (words[k - 1] == "năm" && !dated && !horizon)
            .then(|| year_word(words[k]))
            .flatten()
    })
}

fn year_word(w: &str) -> Option<i32> {
    let w = w.trim_end_matches([',', '.', ';', ':', ')']);
    (w.len() == 4)
        .then(|| w.parse().ok())
        .flatten()
        .filter(|y| (1945..=2100).contains(y))
}

/// Proper casing for a header line printed in capitals:
/// "ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM" → "Ủy ban nhân dân tỉnh Quảng Nam".
pub fn recase(upper: &str) -> String {
    let lx = lexicon();
    let orig: Vec<&str> = upper.split_whitespace().collect();
    let folded: Vec<String> = orig.iter().map(|w| fold(w)).collect();
    let mut out: Vec<String> = folded.clone();
    // Abbreviations keep their capitals.
    for (k, w) in orig.iter().enumerate() {
        let bare = w.trim_matches(|c: char| !crate::fold::is_alnum(c));
        let bare_folded = fold(bare);
        if let Some((_, keep)) = lx.keep_upper.iter().find(|(f, _)| *f == bare_folded) {
            out[k] = w.replace(bare, keep);
        }
    }
    // Known phrases get their usual spelling.
    let mut k = 0;
    while k < folded.len() {
        let hit = lx
            .casing
            .iter()
            .find_map(|(f, proper)| Some((words_at(&folded, k, f)?, proper)));
        match hit {
            Some((n, proper)) => {
                for (j, p) in proper.split(' ').enumerate() {
                    out[k + j] = p.to_owned();
                }
                k += n;
            }
            None => k += 1,
        }
    }
    // Place names after "tỉnh", "thành phố", "huyện", ... are capitalised.
    let mut k = 0;
    while k < out.len() {
        let Some(head) = head_len_at(&folded, k, &lx.place_heads) else {
            k += 1;
            continue;
        };
        k += head;
        while k < out.len()
            && head_len_at(&folded, k, &lx.place_heads).is_none()
            && folded[k].chars().all(crate::fold::is_letter)
        {
            out[k] = capitalize_first(&out[k]);
            k += 1;
        }
    }
    capitalize_first(&out.join(" "))
}

/// What the tail of a document says: recipients and the signer.
#[derive(Debug, Default)]
pub struct Tail {
    pub recipients: Vec<String>,
    /// Notes after the signature ("[1] …"), wrapped lines joined.
    pub footnotes: Vec<String>,
    pub signer: Option<Signer>,
    /// Line numbers accounted for.
    pub lines: Vec<u32>,
    /// Lines that are neither (number, text).
    pub stray: Vec<(u32, String)>,
}

/// [`parse_tail`], when the next document's type line (`next`) opens with this one's
/// signature ("BỘ TRƯỞNG Đặng Quốc Khánh CHƯƠNG TRÌNH HÀNH ĐỘNG …", "KT. BỘ TRƯỞNG THỨ
/// TRƯỞNG Đinh Trung Tụng KẾ HOẠCH …"): the signature is read with the tail, and the
/// line stays the next document's.
pub fn parse_tail_before(lines: &[Line], next: Option<&Line>) -> Tail {
    let lx = lexicon();
    let signature = next.and_then(|l| {
        let before = lx.type_line(&l.text)?.before;
        lx.opens_signature(before).then_some((l, before))
    });
    let Some((line, before)) = signature else {
        return parse_tail(lines);
    };
    let mut with = lines.to_vec();
    with.extend(cell_pieces(before).into_iter().map(|text| Line {
        text,
        ..line.clone()
    }));
    let mut t = parse_tail(&with);
    t.lines.retain(|&n| n != line.no);
    t.stray.retain(|(n, _)| *n != line.no);
    t
}

/// Parse the lines after the body: "Nơi nhận:" list and signature block, in either order.
/// Extraction of the two-column layout may put a signature line at the end of a recipient
/// line ("- Bộ Công an (b/c); PHÓ CHỦ TỊCH"); such lines are split first.
pub fn parse_tail(lines: &[Line]) -> Tail {
    let lx = lexicon();
    let mut t = Tail::default();
    let mut in_recipients = false;
    // Authority lines as written ("TM. ỦY BAN NHÂN DÂN"), recased at the end.
    let mut authority: Vec<String> = Vec::new();
    let mut last_authority = false;
    let mut titles = Vec::new();
    let mut name: Option<String> = None;
    // A signature line came after the last recipient: an unmarked line then is not the
    // rest of that recipient ("- Lưu: MTTQ" / "TM. BAN THƯỜNG TRỰC" / "CHỦ TỊCH" / "Lan
    // Thị Vân").
    let mut signed_since_recipient = false;
    for l in lines {
        if l.text.is_empty() {
            continue;
        }
        let recipients_before = t.recipients.len();
        // A converted table's empty cell edge ("|" alone on its line) holds nothing.
        if l.text.bytes().all(|b| b == b'|' || b == b' ') {
            t.lines.push(l.no);
            continue;
        }
        // "[1] Chương trình số 30-CTr/TU …": the notes come last and run to the end.
        if footnote_mark(&l.text).is_some() {
            t.footnotes.push(l.text.clone());
            t.lines.push(l.no);
            continue;
        }
        if let Some(note) = t.footnotes.last_mut() {
            note.push(' ');
            note.push_str(&l.text);
            t.lines.push(l.no);
            continue;
        }
        let pieces: Vec<(String, bool)> = if crate::table::is_row(&l.text) {
            // Recipients and signature set side by side in a table row.
            let cells = crate::table::cells(&l.text);
            if crate::table::is_rule(&cells) {
                t.lines.push(l.no);
                continue;
            }
            cells
                .iter()
                .enumerate()
                .flat_map(|(k, c)| cell_pieces(c).into_iter().map(move |p| (p, k > 0)))
                .collect()
        } else {
            let (left, right) = split_right_column(&l.text, name.is_none());
            std::iter::once((left, false))
                .chain(right.map(|r| (r, true)))
                .collect()
        };
        let mut placed = true;
        for (text, right_column) in &pieces {
            let text = text.as_str();
            if text.is_empty() {
                continue;
            }
            let after_authority = std::mem::take(&mut last_authority);
            let f = fold(text);
            let right_column = *right_column;
            if right_column && is_person_name(text) && !starts_with_any(&f, &lx.signer_titles) {
                name = Some(collapse_ws(text));
            } else if starts_with_any(&f, &lx.recipients) {
                in_recipients = true;
                let after = text.split_once(':').map_or("", |(_, a)| a.trim());
                if !after.is_empty() {
                    t.recipients.push(clean_recipient(after));
                }
            } else if matches!(l.kind, LineKind::PageNumber | LineKind::Furniture)
                || lx.signature_marks.contains(&f)
            {
            } else if in_recipients && text.starts_with(['-', '+', '•']) {
                // "- CT, PCT UBND TP;": a recipient, though it reads like a title.
                t.recipients.push(clean_recipient(
                    text.trim_start_matches(['-', '+', '•', ' ']),
                ));
            } else if starts_with_any(&f, &lx.signer_authority) {
                authority.push(text.to_owned());
                last_authority = true;
                signed_since_recipient = true;
                continue;
            } else if after_authority
                && is_all_caps(text)
                && text.split_whitespace().count() <= 2
                && !starts_with_any(&f, &lx.signer_titles)
                && !starts_with_any(&f, &lx.signature_titles)
            {
                // "TM. ỦY BAN NHÂN" / "DÂN": the authority wrapped.
                let last = authority.last_mut().expect("an authority line came last");
                last.push(' ');
                last.push_str(text);
            } else if is_signer_title(&f, text) {
                titles.push(recase_mixed(text));
                signed_since_recipient = true;
            } else if in_recipients
                && (text.starts_with(['-', '+', '•']) || t.recipients.is_empty())
            {
                t.recipients.push(clean_recipient(
                    text.trim_start_matches(['-', '+', '•', ' ']),
                ));
            } else if in_recipients
                && !signed_since_recipient
                && t.recipients
                    .last()
                    .is_some_and(|r| !r.ends_with([';', '.']))
            {
                let last = t.recipients.last_mut().expect("checked");
                last.push(' ');
                last.push_str(text);
            } else if is_person_name(text) && name.is_none() {
                name = Some(collapse_ws(text));
            } else {
                placed = false;
            }
        }
        if t.recipients.len() > recipients_before {
            signed_since_recipient = false;
        }
        if placed {
            t.lines.push(l.no);
        } else {
            t.stray.push((l.no, l.text.clone()));
        }
    }
    for r in &mut t.recipients {
        *r = collapse_ws(r.trim_end_matches([';', ',']).trim());
    }
    if name.is_some() || !titles.is_empty() {
        t.signer = Some(Signer {
            title: (!titles.is_empty()).then(|| titles.join(", ")),
            name,
            authority: authority.iter().map(|a| recase_mixed(a)).collect(),
        });
    }
    t
}

/// The length of a footnote mark opening `text` ("[1]", "[12]").
fn footnote_mark(text: &str) -> Option<usize> {
    let rest = text.strip_prefix('[')?;
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    ((1..=3).contains(&digits) && rest[digits..].starts_with(']')).then_some(digits + 2)
}

/// The lines a table cell of the tail stands for, split back apart: recipients run
/// together ("Nơi nhận: - Như Điều 3; - Lưu: VT.") and a signature block run together
/// ("KT. BỘ TRƯỞNG THỨ TRƯỞNG Nguyễn Quốc Trị").
fn cell_pieces(cell: &str) -> Vec<String> {
    let lx = lexicon();
    let f = fold(cell);
    if starts_with_any(&f, &lx.signer_authority) || starts_with_any(&f, &lx.signer_titles) {
        let words: Vec<&str> = cell.split_whitespace().collect();
        // The signer's name: the last words, capitalised but not in capitals.
        let name_len = words
            .iter()
            .rev()
            .take_while(|w| w.chars().next().is_some_and(char::is_uppercase) && !is_all_caps(w))
            .count();
        let (head, name) = words.split_at(words.len() - name_len);
        let mut out: Vec<String> = Vec::new();
        let mut has_title = false;
        // The current line opened with an authority prefix and names its body already
        // ("KT. THỦ TƯỚNG", "TM. ỦY BAN NHÂN DÂN"): a title then starts the next line.
        let mut named_authority = false;
        for (k, w) in head.iter().enumerate() {
            let rest = fold(&head[k..].join(" "));
            let authority = starts_with_any(&rest, &lx.signer_authority);
            let title = starts_with_any(&rest, &lx.signer_titles)
                || (named_authority && starts_with_any(&rest, &lx.signature_titles));
            // A new line at each authority prefix, and at a title once the line has one.
            if out.is_empty() || authority || (title && (has_title || named_authority)) {
                out.push(String::new());
                has_title = false;
                named_authority = false;
            }
            let line = out.last_mut().expect("pushed");
            if !line.is_empty() {
                named_authority = starts_with_any(&fold(line), &lx.signer_authority);
                line.push(' ');
            }
            line.push_str(w);
            has_title |= title;
        }
        if (2..=6).contains(&name.len()) {
            out.push(name.join(" "));
        } else if let Some(last) = out.last_mut() {
            for w in name {
                last.push(' ');
                last.push_str(w);
            }
        }
        return out;
    }
    // "THỦ TƯỚNG Phạm Minh Chính": a title in capitals, then the signer's name.
    let words: Vec<&str> = cell.split_whitespace().collect();
    let caps = words.iter().take_while(|w| is_all_caps(w)).count();
    if (1..=6).contains(&caps) && is_person_name(&words[caps..].join(" ")) {
        return vec![words[..caps].join(" "), words[caps..].join(" ")];
    }
    let mut out = Vec::new();
    let mut rest = cell;
    while let Some(at) = rest
        .find(" - ")
        .filter(|&at| rest[..at].ends_with([';', ':']))
    {
        out.push(rest[..at].to_owned());
        rest = &rest[at + 1..];
    }
    out.push(rest.to_owned());
    out
}

/// Split a flattened two-column line into its left part and a right-column signature
/// part: after the last "; " or ": " ("- Bộ Công an (b/c); CHỦ TỊCH UBND TỈNH"), or a
/// person's name glued to a wrapped recipient ("... các huyện, thành Lê Ngọc Tuấn").
fn split_right_column(text: &str, want_name: bool) -> (String, Option<String>) {
    let lx = lexicon();
    let signer_like = |r: &str| {
        let f = fold(r);
        starts_with_any(&f, &lx.signer_authority)
            || (starts_with_any(&f, &lx.signer_titles) && r.chars().count() <= 60)
            || (want_name && is_person_name(r))
    };
    for sep in ["; ", ": "] {
        if let Some(at) = text.rfind(sep) {
            let right = text[at + sep.len()..].trim();
            if !right.is_empty() && signer_like(right) {
                return (
                    text[..at + sep.len() - 1].to_owned(),
                    Some(right.to_owned()),
                );
            }
        }
    }
    if want_name && text.starts_with(['-', '+', '•']) {
        let words: Vec<&str> = text.split_whitespace().collect();
        for k in (3..=5).rev() {
            if words.len() <= k + 1 {
                continue;
            }
            let (head, tail) = words.split_at(words.len() - k);
            let before = head.last().copied().unwrap_or("");
            let glued = before.chars().next().is_some_and(char::is_lowercase)
                && before.chars().all(crate::fold::is_letter)
                && !lx.place_heads.iter().any(|p| *p == fold(before));
            let name = tail.join(" ");
            if glued && is_person_name(&name) {
                return (head.join(" "), Some(name));
            }
        }
    }
    (text.to_owned(), None)
}

fn clean_recipient(s: &str) -> String {
    collapse_ws(s)
}

fn is_signer_title(folded: &str, text: &str) -> bool {
    let lx = lexicon();
    let short = text.chars().count() <= 60;
    short
        && (starts_with_any(folded, &lx.signer_titles)
            || (is_all_caps(text) && !text.contains(':')))
}

/// A person's name: 2 to 6 capitalised words of letters, not all in capitals.
fn is_person_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (2..=6).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(crate::fold::is_letter)
        })
        && !is_all_caps(text)
}

/// Recase a line only if it is printed in capitals.
fn recase_mixed(text: &str) -> String {
    if is_all_caps(text) {
        recase(text)
    } else {
        collapse_ws(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::classify;
    use crate::normalize::normalize;

    fn header(text: &str) -> Header {
        parse_header(&classify(&normalize(text)))
    }

    /// A copy made before signing: number, day and month blank, the two columns set
    /// as one row with an empty cell between them.
    #[test]
    fn unsigned_copy_header() {
        let h = header(
            "ỦY BAN NHÂN DÂN                                  TỈNH LÀO CAI |  | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc\nSố:           /KH-UBND |  | Lào Cai, ngày       tháng      năm 2026\n\nKẾ HOẠCH\nQuản lý khoáng sản\nI. MỤC ĐÍCH",
        );
        let d = h.document;
        assert_eq!(d.issuer.as_deref(), Some("Ủy ban nhân dân tỉnh Lào Cai"));
        assert_eq!(d.place.as_deref(), Some("Lào Cai"));
        assert_eq!((d.issued_on, d.year, d.number), (None, Some(2026), None));
        assert_eq!(d.province.as_deref(), Some("Lào Cai"));
        assert_eq!(d.title.as_deref(), Some("Quản lý khoáng sản"));
        for (line, year) in [
            ("Hà Nội, ngày … tháng … năm 2025", Some(2025)),
            ("Hà Nội, ngày ..... tháng ..... năm 2025", Some(2025)),
            ("Hà Nội, ngày __ tháng __ năm 2025", Some(2025)),
            ("Hà Nội, ngày 5 tháng năm 2025", None),
            ("Hà Nội, ngày tháng năm", None),
        ] {
            let got = find_place_date(line).and_then(|(_, _, d)| match d {
                IssueDate::Year(y) => Some(y),
                IssueDate::Day(_) => None,
            });
            assert_eq!(got, year, "{line}");
        }
    }

    /// The gazette's section heading and the body it prints above the document's own
    /// header are no part of the issuer.
    #[test]
    fn gazette_section_above_the_header() {
        let d = header(
            "VĂN BẢN PHÁP LUẬT KHÁC\n\nCHÍNH PHỦ\n\n CHÍNH PHỦ\n\nSố: 175/NQ-CP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nHà Nội, ngày 30 tháng 10 năm 2023\nNGHỊ QUYẾT\nPhê duyệt Đề án Trung tâm dữ liệu quốc gia\nCHÍNH PHỦ\nCăn cứ Luật Tổ chức Chính phủ;",
        )
        .document;
        assert_eq!(d.issuer.as_deref(), Some("Chính phủ"));
        assert_eq!(d.number.as_deref(), Some("175/NQ-CP"));
    }

    /// A party committee's header: "TỈNH ỦY" heads the province's name.
    #[test]
    fn party_committee_header() {
        let d = header(
            "TỈNH ỦY NGHỆ AN\nSố: 20-CTr/TU\nNghệ An, ngày 2 tháng 4 năm 2025\nCHƯƠNG TRÌNH HÀNH ĐỘNG\nthực hiện Nghị quyết số 57-NQ/TW\nI. MỤC TIÊU",
        )
        .document;
        assert_eq!(d.issuer.as_deref(), Some("Tỉnh ủy Nghệ An"));
        assert_eq!(d.province.as_deref(), Some("Nghệ An"));
        assert_eq!(d.doc_type.as_deref(), Some("CTr"));
        let d = header(
            "HUYỆN ỦY ĐỨC PHỔ\nSố: 12-KH/HU\nĐức Phổ, ngày 2 tháng 4 năm 2025\nKẾ HOẠCH\nthực hiện Nghị quyết\nI. MỤC TIÊU",
        )
        .document;
        assert_eq!(d.issuer.as_deref(), Some("Huyện ủy Đức Phổ"));
        assert_eq!(d.province, None);
    }

    #[test]
    fn full_header() {
        let h = header(
            "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NAM\nSố: 1234/KH-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nQuảng Nam, ngày 10 tháng 3 năm 2023\n\nKẾ HOẠCH\nTriển khai thực hiện nhiệm vụ Đề án năm 2023\ntrên địa bàn tỉnh Quảng Nam\n\nThực hiện Quyết định số 06/QĐ-TTg ...\nI. MỤC ĐÍCH",
        );
        let d = &h.document;
        assert_eq!(d.issuer.as_deref(), Some("Ủy ban nhân dân tỉnh Quảng Nam"));
        assert_eq!(d.number.as_deref(), Some("1234/KH-UBND"));
        assert_eq!(
            find_number("Số: 134 /KH-UBND   Lào Cai, ngày 26 tháng 3 năm 2026").map(|n| n.1),
            Some("134/KH-UBND".to_string())
        );
        assert_eq!(d.place.as_deref(), Some("Quảng Nam"));
        assert_eq!(d.issued_on, NaiveDate::from_ymd_opt(2023, 3, 10));
        assert_eq!(d.doc_type.as_deref(), Some("KH"));
        assert_eq!(
            d.title.as_deref(),
            Some("Triển khai thực hiện nhiệm vụ Đề án năm 2023 trên địa bàn tỉnh Quảng Nam")
        );
        assert_eq!(d.province.as_deref(), Some("Quảng Nam"));
        assert_eq!(d.year, Some(2023));
        assert_eq!(h.body_start, 11);
    }

    /// A district's plan names its district, not a province; a city at province level
    /// is a province.
    #[test]
    fn province_only_from_province_level_names() {
        let h = header(
            "ỦY BAN NHÂN DÂN\nHUYỆN ĐỨC PHỔ\nSố: 12/KH-UBND\nĐức Phổ, ngày 02 tháng 02 năm 2024\n\nKẾ HOẠCH\nTriển khai Đề án 06 trên địa bàn huyện năm 2024\nI. NHIỆM VỤ",
        );
        let d = &h.document;
        assert_eq!(d.issuer.as_deref(), Some("Ủy ban nhân dân huyện Đức Phổ"));
        assert_eq!(d.place.as_deref(), Some("Đức Phổ"));
        assert_eq!(d.province, None);
        let h = header(
            "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI\nSố: 5/KH-UBND\nHà Nội, ngày 02 tháng 02 năm 2024\n\nKẾ HOẠCH\nChuyển đổi số năm 2024\nI. NHIỆM VỤ",
        );
        assert_eq!(h.document.province.as_deref(), Some("Hà Nội"));
        assert_eq!(
            province_in("UBND huyện Đức Phổ, tỉnh Quảng Ngãi"),
            Some("Quảng Ngãi".into())
        );
    }

    /// Place names after every place head are capitalised, the two-word heads too.
    #[test]
    fn plan_year_from_the_title() {
        for (title, year) in [
            ("Triển khai Đề án 06 trên địa bàn tỉnh năm 2024", Some(2024)),
            ("KẾ HOẠCH NĂM 2025 VÀ GIAI ĐOẠN 2025 - 2030", Some(2025)),
            // The date of the resolution the plan carries out is not the plan's year.
            (
                "THỰC HIỆN NGHỊ QUYẾT SỐ 57-NQ/TW NGÀY 22 THÁNG 12 NĂM 2024 CỦA BỘ CHÍNH TRỊ",
                None,
            ),
            (
                "Thực hiện Nghị quyết ngày 22 tháng 12 năm 2024 trong năm 2025",
                Some(2025),
            ),
            // A month of the plan's year is not a date.
            ("Công tác tuyên truyền tháng 10 năm 2024", Some(2024)),
            // A horizon is when the work ends, not the plan's year.
            (
                "ĐỀ ÁN TÌM KIẾM TỪ NAY ĐẾN NĂM 2020 VÀ NHỮNG NĂM TIẾP THEO",
                None,
            ),
            (
                "Kế hoạch năm 2025 thực hiện Chiến lược đến năm 2030",
                Some(2025),
            ),
        ] {
            assert_eq!(year_in_title(title), year, "{title}");
        }
    }

    /// An appendix is a document type with its own number; its table starts the body.
    #[test]
    fn appendix_header() {
        let h = header(
            "PHỤ LỤC II
DANH MỤC NHIỆM VỤ
(Kèm theo Kế hoạch số 12/KH-UBND)
TT
Nội dung
Cơ quan chủ trì
1
Rà soát",
        );
        assert_eq!(h.document.doc_type.as_deref(), Some("PL"));
        assert_eq!(h.type_number.as_deref(), Some("II"));
        assert_eq!(h.document.title.as_deref(), Some("DANH MỤC NHIỆM VỤ"));
        assert_eq!(h.body_start, 3);
    }

    #[test]
    fn recased_place_names() {
        for (upper, want) in [
            (
                "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH",
                "Ủy ban nhân dân thành phố Hồ Chí Minh",
            ),
            (
                "ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM",
                "Ủy ban nhân dân tỉnh Quảng Nam",
            ),
            ("UBND THỊ XÃ ĐỨC PHỔ", "UBND thị xã Đức Phổ"),
            (
                "UBND HUYỆN ĐỨC PHỔ TỈNH QUẢNG NGÃI",
                "UBND huyện Đức Phổ tỉnh Quảng Ngãi",
            ),
        ] {
            assert_eq!(recase(upper), want, "{upper}");
        }
    }

    #[test]
    fn one_line_header_and_parent_body() {
        let h = header(
            "UBND TỈNH KON TUM CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỔ CÔNG TÁC Độc lập - Tự do - Hạnh phúc\nTRIỂN KHAI ĐỀ ÁN 06\nSố: 250/KH-TCT Kon Tum, ngày 26 tháng 01 năm 2024\nKẾ HOẠCH\nTriển khai Đề án giai đoạn 2022 - 2025\ntrên địa bàn tỉnh Kon Tum năm 2024\nThực hiện Quyết định",
        );
        let d = &h.document;
        assert_eq!(d.number.as_deref(), Some("250/KH-TCT"));
        assert_eq!(d.place.as_deref(), Some("Kon Tum"));
        assert_eq!(d.issued_on, NaiveDate::from_ymd_opt(2024, 1, 26));
        assert_eq!(d.issuer.as_deref(), Some("Tổ Công tác triển khai Đề án 06"));
        assert_eq!(d.year, Some(2024));
        assert_eq!(d.province.as_deref(), Some("Kon Tum"));
    }

    #[test]
    fn tail() {
        let lines = classify(&normalize(
            "Nơi nhận:\n- Bộ Công an (b/c);\n- Báo Kon Tum, Đài Phát thanh,\n  Cổng Thông tin điện tử tỉnh (đ/tin);\n- Lưu: VT, NCLTD.\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n(Đã ký)\nPhạm Minh Đức",
        ));
        let t = parse_tail(&lines);
        assert_eq!(
            t.recipients,
            vec![
                "Bộ Công an (b/c)",
                "Báo Kon Tum, Đài Phát thanh, Cổng Thông tin điện tử tỉnh (đ/tin)",
                "Lưu: VT, NCLTD."
            ]
        );
        let s = t.signer.unwrap();
        assert_eq!(s.name.as_deref(), Some("Phạm Minh Đức"));
        assert_eq!(s.title.as_deref(), Some("Phó Chủ tịch"));
        assert_eq!(s.authority, vec!["TM. Ủy ban nhân dân", "KT. Chủ tịch"]);
        assert!(t.stray.is_empty());
        // The last recipient left open ("- Lưu: MTTQ", no full stop): the name after the
        // signature lines is the signer's, not the rest of that recipient.
        let lines = classify(&normalize(
            "Nơi nhận:\n- Thường trực Đảng ủy xã;\n- Lưu: MTTQ  \n\nTM. BAN THƯỜNG TRỰC\n\nCHỦ TỊCH\n\n\n\nLan Thị Vân",
        ));
        let t = parse_tail(&lines);
        assert_eq!(t.recipients, vec!["Thường trực Đảng ủy xã", "Lưu: MTTQ"]);
        assert_eq!(t.signer.unwrap().name.as_deref(), Some("Lan Thị Vân"));
    }

    /// A converted document's tail: cell edges ("|") alone on their lines, a recipient
    /// that reads like a title, an authority that wraps, and footnotes after it all.
    #[test]
    fn converted_tail_with_footnotes() {
        let lines = classify(&normalize(
            "|\nNơi nhận:\n- Bộ Y tế (để b/c);\n- CT, PCT UBND TP;\n- Lưu: VT, MK.\n|\n**TM. ỦY BAN NHÂN\nDÂN **\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Thị Ngọc Điệp\n|\n\n** **\n[1]\nChương trình số 30-CTr/TU ngày 29/12/2017\ncủa Thành ủy.\n[2] Chỉ\nthị số 27/CT-TTg.",
        ));
        let t = parse_tail(&lines);
        assert_eq!(
            t.recipients,
            ["Bộ Y tế (để b/c)", "CT, PCT UBND TP", "Lưu: VT, MK."]
        );
        let s = t.signer.unwrap();
        assert_eq!(s.title.as_deref(), Some("Phó Chủ tịch"));
        assert_eq!(s.authority, ["TM. Ủy ban nhân dân", "KT. Chủ tịch"]);
        assert_eq!(
            t.footnotes,
            [
                "[1] Chương trình số 30-CTr/TU ngày 29/12/2017 của Thành ủy.",
                "[2] Chỉ thị số 27/CT-TTg."
            ]
        );
        assert!(t.stray.is_empty(), "{:?}", t.stray);
    }

    /// A converted header: the motto wrapped over two lines, the place and date wrapped
    /// inside an emphasis, and a title in capitals over three lines.
    #[test]
    fn converted_header_wraps() {
        let h = header(
            "|\n**ỦY BAN NHÂN DÂN\n**\nTHÀNH PHỐ CẦN THƠ\n-------\n|\n**CỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM**\nĐộc lập - Tự do - Hạnh phúc\n|\nSố: 165/KH-UBND\n|\n*Cần Thơ, ngày 21\ntháng 11 năm 2025 *\n|\n**KẾ HOẠCH**\nTHỰC HIỆN CHỈ THỊ SỐ 27/CT-TTG CỦA\nTHỦ TƯỚNG CHÍNH PHỦ VỀ CÔNG TÁC DÂN SỐ TRONG TÌNH\nHÌNH MỚI\nThực hiện Chỉ thị số 27/CT-TTg;\nI. MỤC ĐÍCH",
        );
        let d = &h.document;
        assert_eq!(
            d.issuer.as_deref(),
            Some("Ủy ban nhân dân thành phố Cần Thơ")
        );
        assert_eq!(d.place.as_deref(), Some("Cần Thơ"));
        assert_eq!(d.issued_on, NaiveDate::from_ymd_opt(2025, 11, 21));
        // The place itself cut inside the italics.
        let h = header(
            "|\n**ỦY BAN NHÂN\nDÂN **\nTHÀNH PHỐ HỒ CHÍ MINH\n|\nSố:\n2820/QĐ-UBND\n|\n*Thành phố Hồ\nChí Minh, ngày 19 tháng 11 năm 2025*\n|\n**QUYẾT ĐỊNH**\nBAN HÀNH KẾ HOẠCH\nCăn cứ Luật;",
        );
        assert_eq!(h.document.place.as_deref(), Some("Hồ Chí Minh"));
        assert_eq!(h.document.number.as_deref(), Some("2820/QĐ-UBND"));
        assert_eq!(h.document.issued_on, NaiveDate::from_ymd_opt(2025, 11, 19));
        assert_eq!(
            d.title.as_deref(),
            Some(
                "THỰC HIỆN CHỈ THỊ SỐ 27/CT-TTG CỦA THỦ TƯỚNG CHÍNH PHỦ VỀ CÔNG TÁC DÂN SỐ TRONG TÌNH HÌNH MỚI"
            )
        );
        assert_eq!(d.province.as_deref(), Some("Cần Thơ"));
        assert_eq!(d.year, Some(2025));
        // A paragraph in mixed case after a blank line ends a title in capitals, even
        // when no preamble opener starts it; without the blank line it goes on.
        let h = header(
            "**CHỈ THỊ**\n\nVỀ VIỆC TĂNG CƯỜNG CẢI CÁCH THỦ TỤC HÀNH CHÍNH\n\nThời gian qua, tỉnh Đắk Lắk\nđã có nhiều nỗ lực.\n1. Sở Nội vụ",
        );
        assert_eq!(
            h.document.title.as_deref(),
            Some("VỀ VIỆC TĂNG CƯỜNG CẢI CÁCH THỦ TỤC HÀNH CHÍNH")
        );
        // A title cut after its first word; a "|" line after it is none of it.
        for (first, rest) in [
            ("VỀ", "VIỆC TĂNG CƯỜNG XỬ LÝ LẤN CHIẾM RỪNG"),
            ("THỰC", "HIỆN QUYẾT ĐỊNH SỐ 1899/QĐ-TTG"),
        ] {
            let h = header(&format!(
                "**CHỈ THỊ**\n\n{first}\n{rest}\n|\n\nTrong những năm qua, tỉnh đã có nhiều nỗ lực.\n1. Sở Nội vụ"
            ));
            assert_eq!(h.document.title, Some(format!("{first} {rest}")));
        }
        let h = header("KẾ HOẠCH\nTRIỂN KHAI ĐỀ ÁN 06\nTrên địa bàn tỉnh năm 2024\n\nI. MỤC ĐÍCH");
        assert_eq!(
            h.document.title.as_deref(),
            Some("TRIỂN KHAI ĐỀ ÁN 06 Trên địa bàn tỉnh năm 2024")
        );
        assert!(is_motto_piece("CỘNG HÒA XÃ HỘI"));
        assert!(!is_motto_piece("THÀNH PHỐ CẦN THƠ"));
        assert!(!is_motto_piece("HÒA"));
    }

    /// Recipients and signature side by side in a table row of a converted document.
    #[test]
    fn tail_in_a_table_row() {
        let lines = classify(&normalize(
            "| *Nơi nhận:* - Như Điều 3; - Bộ trưởng (để báo cáo); - Lưu: VT, LNKL. | KT. BỘ TRƯỞNG  THỨ TRƯỞNG     Nguyễn Quốc Trị |\n| --- | --- |",
        ));
        let t = parse_tail(&lines);
        assert_eq!(
            t.recipients,
            ["Như Điều 3", "Bộ trưởng (để báo cáo)", "Lưu: VT, LNKL."]
        );
        let signer = t.signer.unwrap();
        assert_eq!(signer.name.as_deref(), Some("Nguyễn Quốc Trị"));
        assert_eq!(signer.authority, ["KT. Bộ trưởng"]);
        assert_eq!(signer.title.as_deref(), Some("Thứ trưởng"));
        assert_eq!(t.lines, [1, 2]);
        assert!(t.stray.is_empty());
    }

    /// A decision's signature run into the type line of the plan it issues is the
    /// decision's; the line stays the plan's.
    #[test]
    fn signature_run_into_the_next_type_line() {
        let lines = classify(&normalize(
            "Nơi nhận:\n- Như Điều 3;\n- Lưu: VT.\nKT. BỘ TRƯỞNG THỨ TRƯỞNG Đinh Trung Tụng KẾ HOẠCH TRIỂN KHAI NĂM 2015 (Ban hành kèm theo Quyết định số 173/QĐ-BTP)",
        ));
        let t = parse_tail_before(&lines[..3], Some(&lines[3]));
        let signer = t.signer.expect("a signer");
        assert_eq!(signer.name.as_deref(), Some("Đinh Trung Tụng"));
        assert_eq!(signer.title.as_deref(), Some("Thứ trưởng"));
        assert_eq!(signer.authority, ["KT. Bộ trưởng"]);
        assert_eq!(t.lines, [1, 2, 3]);
        assert!(t.stray.is_empty());
        // A place and date before a type is no signature.
        let dated = classify(&normalize(
            "Hà Nội, ngày 29 tháng 01 năm 2015 KẾ HOẠCH NĂM 2015",
        ));
        assert!(parse_tail_before(&[], Some(&dated[0])).signer.is_none());
    }

    /// A signature cell whose authority names its body before the title, and titles of
    /// the Prime Minister's office in their usual casing.
    #[test]
    fn signature_cell_authority_then_title() {
        for (cell, authority, title) in [
            (
                "KT. THỦ TƯỚNG PHÓ THỦ TƯỚNG     Trần Hồng Hà",
                vec!["KT. Thủ tướng"],
                "Phó Thủ tướng",
            ),
            (
                "TM. ỦY BAN NHÂN DÂN CHỦ TỊCH Lê Văn A",
                vec!["TM. Ủy ban nhân dân"],
                "Chủ tịch",
            ),
            (
                "KT. BỘ TRƯỞNG THỨ TRƯỞNG Nguyễn Quốc Trị",
                vec!["KT. Bộ trưởng"],
                "Thứ trưởng",
            ),
            (
                "TRƯỞNG BAN PHÓ THỦ TƯỚNG Nguyễn Thiện Nhân",
                vec![],
                "Trưởng ban, Phó Thủ tướng",
            ),
            ("THỦ TƯỚNG Phạm Minh Chính", vec![], "Thủ tướng"),
            (
                "TM. CHÍNH PHỦ THỦ TƯỚNG Phạm Minh Chính",
                vec!["TM. Chính phủ"],
                "Thủ tướng",
            ),
        ] {
            let lines = classify(&normalize(&format!("| Nơi nhận: - Lưu: VT. | {cell} |")));
            let signer = parse_tail(&lines).signer.expect(cell);
            assert_eq!(signer.authority, authority, "{cell}");
            assert_eq!(signer.title.as_deref(), Some(title), "{cell}");
        }
    }

    /// A short line in capitals after an authority line wraps it ("TM. ỦY BAN NHÂN" /
    /// "DÂN"), unless it is a title read only there ("TM. CHÍNH PHỦ" / "THỦ TƯỚNG").
    #[test]
    fn signature_lines_wrap_or_title() {
        for (text, authority, title) in [
            (
                "Nơi nhận:\n- Lưu: VT.\nTM. CHÍNH PHỦ\nTHỦ TƯỚNG\nPhạm Minh Chính",
                "TM. Chính phủ",
                "Thủ tướng",
            ),
            (
                "Nơi nhận:\n- Lưu: VT.\nTM. ỦY BAN NHÂN\nDÂN\nCHỦ TỊCH\nLê Văn A",
                "TM. Ủy ban nhân dân",
                "Chủ tịch",
            ),
            (
                "Nơi nhận:\n- Lưu: VT.\nKT. THỦ TƯỚNG\nPHÓ THỦ TƯỚNG\nTrần Hồng Hà",
                "KT. Thủ tướng",
                "Phó Thủ tướng",
            ),
        ] {
            let signer = parse_tail(&classify(&normalize(text))).signer.expect(text);
            assert_eq!(signer.authority, [authority], "{text}");
            assert_eq!(signer.title.as_deref(), Some(title), "{text}");
        }
    }

    #[test]
    fn two_column_tail_flattened() {
        let lines = classify(&normalize(
            "Nơi nhận: TỔ TRƯỞNG\n- Bộ Công an (b/c); CHỦ TỊCH UBND TỈNH\n- Văn phòng Chính phủ (b/c);\n- Tổ Công tác triển khai Đề án 06 các huyện, thành Lê Ngọc Tuấn\nphố (t/h);\n- Văn phòng UBND tỉnh: CVP, các PCVP;\n- Lưu: VT, TH.",
        ));
        let t = parse_tail(&lines);
        assert_eq!(
            t.recipients,
            vec![
                "Bộ Công an (b/c)",
                "Văn phòng Chính phủ (b/c)",
                "Tổ Công tác triển khai Đề án 06 các huyện, thành phố (t/h)",
                "Văn phòng UBND tỉnh: CVP, các PCVP",
                "Lưu: VT, TH."
            ]
        );
        let s = t.signer.unwrap();
        assert_eq!(s.name.as_deref(), Some("Lê Ngọc Tuấn"));
        assert_eq!(s.title.as_deref(), Some("Tổ trưởng, Chủ tịch UBND tỉnh"));
        assert!(t.stray.is_empty());
    }
}
