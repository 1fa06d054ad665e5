//! Stage 2, normalize: one cleaned line per input line, numbered as in the original.
//!
//! Repairs what PDF text extraction does to a document without ever merging or dropping
//! lines, so line numbers stay those of the input: Unicode NFC, control and zero-width
//! characters removed, runs of spaces collapsed, and "&" restored to "…" where the
//! extractor substituted it. Joining wrapped lines is the job of `blocks`.

/// A cleaned line with its 1-based number in the original text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CleanLine {
    pub no: u32,
    pub text: String,
    /// The page, when the text marks page breaks (form feeds).
    pub page: Option<u32>,
    /// Markdown bold at the line's edges, which cleaning removes.
    pub bold: Bold,
}

/// Whether a line opens or closes Markdown bold at its edges ("**4. Sở Văn" … "… Cần
/// Thơ**"): converted documents set headings in bold, and the end of the bold is the
/// end of a heading that wraps without punctuation.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Bold {
    pub opens: bool,
    pub closes: bool,
    /// An odd number of "**" marks: bold open before the line is closed after it, or
    /// the other way round ("**Điều 3. **Chánh" opens and closes; "**2. Sở" leaves
    /// bold open for the next line).
    pub toggles: bool,
    /// Emphasis ("*…") opened at the line's start and left open for the lines below
    /// ("*Thành phố Hồ" / "Chí Minh, ngày 19 …*"); cleaning removes the mark.
    pub emphasis_open: bool,
}

impl Bold {
    /// Whether the line closes bold that a heading opened: at the line's start, or on a
    /// line above ("**4. Sở Văn" / "… Cần Thơ**"). A short run opened and closed inside
    /// the line ("… điện tử; **(4)**") is emphasis in running text.
    pub fn ends_heading(&self) -> bool {
        self.closes && (self.opens || self.toggles)
    }

    fn of(raw: &str) -> Self {
        let t = raw.trim();
        // A line of marks alone ("**", "** **") opens and closes nothing.
        let marks_only = t.chars().all(|c| c == '*' || c.is_whitespace());
        Bold {
            opens: !marks_only && t.starts_with("**"),
            closes: !marks_only && t.ends_with("**"),
            toggles: !marks_only && t.matches("**").count() % 2 == 1,
            emphasis_open: !marks_only
                && t.strip_prefix('*')
                    .is_some_and(|rest| !rest.starts_with(['*', ' ']) && !rest.contains('*')),
        }
    }
}

/// Split and clean `text`. Form feeds (page breaks in extracted text) count pages.
pub fn normalize(text: &str) -> Vec<CleanLine> {
    let has_pages = text.contains('\u{c}');
    let mut page = 1u32;
    let mut out = Vec::new();
    for (i, raw) in text.split('\n').enumerate() {
        let no = u32::try_from(i + 1).unwrap_or(u32::MAX);
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        // "# II. NỘI DUNG", "## Sở Y tế": a converted document's Markdown heading is a
        // line set apart, as a bold one is; the marks are not text.
        let (raw, heading) = match strip_atx_heading(raw) {
            Some(text) => (text, true),
            None => (raw, false),
        };
        // A form feed starts a new page; the text after it is on that page.
        if has_pages {
            page += raw.matches('\u{c}').count() as u32;
        }
        out.push(CleanLine {
            no,
            text: clean_line(raw),
            page: has_pages.then_some(page),
            bold: if heading {
                Bold {
                    opens: true,
                    closes: true,
                    ..Bold::of(raw)
                }
            } else {
                Bold::of(raw)
            },
        });
    }
    // A trailing newline does not make an extra line.
    if text.ends_with('\n') {
        out.pop();
    }
    out
}

/// The text of a Markdown ATX heading line ("## Sở Y tế" → "Sở Y tế"): up to three
/// spaces, one to six "#", then a space. None for any other line ("#1", "#hashtag").
fn strip_atx_heading(raw: &str) -> Option<&str> {
    let t = raw.trim_start_matches(' ');
    if raw.len() - t.len() > 3 || !t.starts_with('#') {
        return None;
    }
    let after = t.trim_start_matches('#');
    let hashes = t.len() - after.len();
    (hashes <= 6 && (after.starts_with([' ', '\t']) || after.is_empty()))
        .then(|| after.trim_start_matches([' ', '\t']))
}

/// Clean one line: NFC, controls and invisible characters removed, spaces collapsed,
/// "word&" → "word…".
pub fn clean_line(raw: &str) -> String {
    let trimmed = raw.strip_prefix(' ').unwrap_or(raw);
    let trimmed = trimmed.strip_suffix(' ').unwrap_or(trimmed);
    if is_clean(trimmed.as_bytes()) {
        return trimmed.to_owned();
    }
    let nfc = crate::fold::nfc(raw);
    let mut s = String::with_capacity(nfc.len());
    let mut last_space = true; // trims leading spaces
    for c in nfc.chars() {
        // Printable ASCII and Vietnamese letters, the bulk of the text, need no tests.
        if matches!(c, '!'..='~' | '\u{c0}'..='\u{24f}' | '\u{1e00}'..='\u{1eff}') {
            s.push(c);
            last_space = false;
            continue;
        }
        let c = match c {
            '\t' | '\u{a0}' | '\u{2007}' | '\u{202f}' | '\u{3000}' | '\r' | '\u{c}' => ' ',
            '\u{200b}'..='\u{200d}' | '\u{feff}' | '\u{ad}' | '\u{2060}' => continue,
            c if c.is_control() => continue,
            c if c.is_whitespace() => ' ',
            c => c,
        };
        if c == ' ' {
            if !last_space {
                s.push(' ');
            }
            last_space = true;
        } else {
            s.push(c);
            last_space = false;
        }
    }
    if s.ends_with(' ') {
        s.pop();
    }
    // Markdown emphasis from converted documents ("**PHỤ LỤC II**", "*Hà Nội, ngày
    // …*", an empty "* *") is not text.
    if s.contains('*') {
        s = strip_emphasis(&s.replace("**", ""));
    }
    repair_ellipsis(&s)
}

/// Whether cleaning would leave `b` (UTF-8) as it is: printable ASCII other than "&"
/// and "*", Latin letters up to U+024F, precomposed Vietnamese letters and common
/// punctuation (U+2010..U+2027), with single inner spaces. Most lines of a plan are like
/// this (after one space is trimmed at either end); the test reads bytes, not characters.
fn is_clean(b: &[u8]) -> bool {
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return false;
    }
    let mut i = 0;
    while i < b.len() {
        let x = b[i];
        // Printable ASCII other than the space, "&" and "*": most bytes of a line.
        if (0x21..0x7F).contains(&x) && x != b'&' && x != b'*' {
            i += 1;
            continue;
        }
        let next = b.get(i + 1).copied().unwrap_or(0);
        i += match x {
            b'&' | b'*' => return false,
            b' ' if next == b' ' => return false,
            b' '..=b'~' => 1,
            // U+00C0..U+024F.
            0xC3..=0xC9 => 2,
            // U+1E00..U+1EFF.
            0xE1 if matches!(next, 0xB8..=0xBB) => 3,
            // U+2010..U+2027.
            0xE2 if next == 0x80 && matches!(b.get(i + 2), Some(0x90..=0xA7)) => 3,
            _ => return false,
        };
    }
    true
}

/// Remove Markdown emphasis marks: a "*" that opens (after the line start, a space,
/// "|" or "(", before a non-space) paired with the next one that closes (after a
/// non-space, before the end, a space, "|", ")" or punctuation). A bullet "* item" and
/// a lone "*" stay; a line of marks and spaces only ("* *") becomes empty.
pub(crate) fn strip_emphasis(s: &str) -> String {
    if s.chars().all(|c| c == '*' || c == ' ') {
        return String::new();
    }
    let chars: Vec<char> = s.chars().collect();
    let opens = |i: usize| {
        (i == 0 || matches!(chars[i - 1], ' ' | '|' | '('))
            && chars
                .get(i + 1)
                .is_some_and(|n| !n.is_whitespace() && *n != '*')
    };
    let closes = |i: usize| {
        i > 0
            && !chars[i - 1].is_whitespace()
            && chars
                .get(i + 1)
                .is_none_or(|n| matches!(n, ' ' | '|' | ')' | '.' | ',' | ';' | ':'))
    };
    // Converters also close emphasis after the space that follows a label's colon
    // ("*Đơn vị chủ trì: *Sở Tư pháp"): Markdown would read that mark as an opener, but
    // no emphasis opens right after one that is still open.
    // So do they after a bullet's mark ("*- *Thứ trưởng …"): the mark alone in italics.
    let closes_after_label = |i: usize| {
        i >= 2
            && chars[i - 1] == ' '
            && (matches!(chars[i - 2], ':' | '.' | ',' | ';' | ')')
                || (i == 3 && chars[0] == '*' && matches!(chars[1], '-' | '+')))
    };
    let mut drop = vec![false; chars.len()];
    let mut open: Option<usize> = None;
    let mut closed_before = false;
    for (i, &c) in chars.iter().enumerate() {
        if c != '*' {
            continue;
        }
        match open {
            Some(o) if closes(i) || closes_after_label(i) => {
                drop[o] = true;
                drop[i] = true;
                open = None;
                closed_before = true;
            }
            None if opens(i) => open = Some(i),
            // The end of emphasis opened on a line above ("*1.1." / "Trưởng Ban Chỉ
            // đạo*"): the line's last character, after the first word at least.
            None if !closed_before && i + 1 == chars.len() && closes(i) => drop[i] = true,
            _ => {}
        }
    }
    // Emphasis that a line below closes: the line's first character, on a word (a
    // Markdown bullet is "* " with a space).
    if open == Some(0) {
        drop[0] = true;
    }
    // A label whose italics opened on the line above ("*Đơn vị chủ trì tham mưu thực" /
    // "hiện: *Sở Tư pháp."): the mark after its colon closes them.
    if let Some(o) = open
        && !closed_before
        && o >= 2
        && chars[o - 2] == ':'
        && chars[o - 1] == ' '
    {
        drop[o] = true;
    }
    let out: String = chars
        .iter()
        .zip(&drop)
        .filter(|(_, d)| !**d)
        .map(|(c, _)| *c)
        .collect();
    crate::fold::collapse_ws(&out)
}

/// PDF extraction turns "…" into "&" ("máy tính&)"); "&" between letters is an
/// abbreviation ("TT&TT") and stays.
fn repair_ellipsis(s: &str) -> String {
    if !s.contains('&') {
        return s.to_owned();
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len() + 4);
    for (i, &c) in chars.iter().enumerate() {
        let prev_letter = i > 0 && chars[i - 1].is_alphanumeric();
        let next_word = chars.get(i + 1).is_some_and(|n| {
            crate::fold::is_alnum(*n) || *n == ' ' && chars.get(i + 2).is_some_and(|m| *m == '&')
        });
        if c == '&' && prev_letter && !next_word && !abbreviation_before(&chars[..i]) {
            out.push('…');
        } else {
            out.push(c);
        }
    }
    out
}

/// "TT& TT" style spacing inside an abbreviation: upper-case letters right before "&".
fn abbreviation_before(before: &[char]) -> bool {
    let word: Vec<&char> = before
        .iter()
        .rev()
        .take_while(|c| crate::fold::is_alnum(**c))
        .collect();
    word.len() <= 3 && word.iter().all(|c| c.is_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{CORPUS, random_strings};
    use unicode_normalization::UnicodeNormalization;

    #[test]
    fn cleaning() {
        assert_eq!(clean_line("  Sở  Y\ttế \u{200b}"), "Sở Y tế");
        assert_eq!(clean_line("máy tính&) để"), "máy tính…) để");
        assert_eq!(clean_line("cấp xã&)."), "cấp xã…).");
        assert_eq!(clean_line("Sở TT&TT và KH&ĐT"), "Sở TT&TT và KH&ĐT");
        assert_eq!(clean_line("QLHC & TTXH"), "QLHC & TTXH");
        assert_eq!(clean_line("khác&"), "khác…");
        let nfd: String = "Ủy ban".nfd().collect();
        assert_eq!(clean_line(&nfd), "Ủy ban");
    }

    #[test]
    fn markdown_headings_lose_their_marks_and_stand_apart() {
        let lines = normalize(
            "# II. NỘI DUNG\n## **5. PHỤ LỤC**\n   ### Sở Y tế\n#1 là số thứ tự\n####### bảy\n#\nVăn bản",
        );
        let got: Vec<(&str, bool)> = lines
            .iter()
            .map(|l| (l.text.as_str(), l.bold.opens && l.bold.closes))
            .collect();
        assert_eq!(
            got,
            [
                ("II. NỘI DUNG", true),
                ("5. PHỤ LỤC", true),
                ("Sở Y tế", true),
                // No space after the marks, or more than six: text.
                ("#1 là số thứ tự", false),
                ("####### bảy", false),
                ("", true),
                ("Văn bản", false),
            ]
        );
    }

    #[test]
    fn markdown_emphasis_is_removed() {
        for (raw, clean) in [
            ("**PHỤ LỤC II**", "PHỤ LỤC II"),
            (
                "*Hà Nội, ngày 10 tháng 6 năm 2026*",
                "Hà Nội, ngày 10 tháng 6 năm 2026",
            ),
            (
                "| Số: 2200/QĐ-BNNMT | *Hà Nội, ngày 10* |",
                "| Số: 2200/QĐ-BNNMT | Hà Nội, ngày 10 |",
            ),
            (
                "*(Kèm theo Quyết định số 2200/QĐ-BNNMT)*",
                "(Kèm theo Quyết định số 2200/QĐ-BNNMT)",
            ),
            ("| *Nơi nhận:* - Như Điều 3;", "| Nơi nhận: - Như Điều 3;"),
            ("* *", ""),
            ("*", ""),
            // A bullet, a lone mark and a product are text.
            ("* Rà soát văn bản", "* Rà soát văn bản"),
            ("Ghi chú (*): số liệu", "Ghi chú (*): số liệu"),
            ("3 * 4 = 12", "3 * 4 = 12"),
            // Emphasis over several lines: opened on a word at the line's start, closed
            // after a word at its end.
            (
                "*(Kèm theo Quyết định số 2200",
                "(Kèm theo Quyết định số 2200",
            ),
            ("*1.1.", "1.1."),
            ("Trưởng Ban Chỉ đạo*", "Trưởng Ban Chỉ đạo"),
            ("ngày 10/6/2026)*", "ngày 10/6/2026)"),
            // A mark inside a line that does not close emphasis stays.
            ("Chỉ tiêu (*) và *", "Chỉ tiêu (*) và *"),
            // A label set in italics with the space after its colon.
            ("*Đơn vị chủ trì: *Sở Tư", "Đơn vị chủ trì: Sở Tư"),
            ("*- Đơn vị phối hợp: *Văn", "- Đơn vị phối hợp: Văn"),
            (
                "*- *Thứ trưởng Tạ Quang Đông;",
                "- Thứ trưởng Tạ Quang Đông;",
            ),
            (
                "*Thời gian thực hiện*: Thường",
                "Thời gian thực hiện: Thường",
            ),
            ("hiện: *Sở Tư pháp.", "hiện: Sở Tư pháp."),
            ("Ghi chú: *nội dung* khác", "Ghi chú: nội dung khác"),
        ] {
            assert_eq!(clean_line(raw), clean, "{raw:?}");
        }
    }

    /// The byte test never skips a line that cleaning would change.
    #[test]
    fn clean_lines_are_recognised_exactly() {
        let pieces = [
            "Sở", " ", "  ", "Ủy", "&", "*", "**", "\t", "\u{a0}", "a\u{301}", "Ư", "…", "x",
            "\u{200b}", "9", "\u{2028}", "“",
        ];
        for s in random_strings(0x2545_F491, &pieces, 8, 20_000) {
            if is_clean(s.trim_matches(' ').as_bytes()) {
                let nfc = crate::fold::nfc(&s).into_owned();
                assert_eq!(clean_line_slow(&s), s.trim_matches(' '), "{s:?}");
                assert_eq!(nfc, s, "{s:?}");
            }
            assert_eq!(clean_line(&s), clean_line_slow(&s), "{s:?}");
        }
    }

    /// The fast path agrees with the full cleaning on every line of the corpus plans.
    #[test]
    fn clean_lines_of_the_corpus() {
        for plan in CORPUS {
            for line in plan.lines() {
                assert_eq!(clean_line(line), clean_line_slow(line), "{line:?}");
            }
        }
    }

    /// `clean_line` without its fast path.
    fn clean_line_slow(s: &str) -> String {
        // A leading NUL is removed by cleaning and defeats the fast path.
        clean_line(&format!("\u{0}{s}"))
    }

    #[test]
    fn numbering_is_kept() {
        let lines = normalize("a\r\n\n b \n");
        assert_eq!(lines.len(), 3);
        assert_eq!(
            lines[2],
            CleanLine {
                no: 3,
                text: "b".into(),
                page: None,
                bold: Bold::default(),
            }
        );
        let paged = normalize("p1\n\u{c}p2\nx");
        assert_eq!(paged[1].page, Some(2));
        assert_eq!(paged[0].page, Some(1));
    }
}
