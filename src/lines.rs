//! Stage 3, lines: classify each cleaned physical line — numbered label, bullet, field
//! line, page number or prose — with the label grammar written out in `grammar/plan.ebnf`.
//!
//! Labels are recognised with nom over a [`nom_locate::LocatedSpan`], so the byte offset
//! where the label's text begins comes out of the parser rather than being recomputed.

use nom::branch::alt;
use nom::bytes::complete::{tag, take_while_m_n};
use nom::character::complete::{char as ch, digit1, one_of, space0, space1};
use nom::combinator::{eof, map_res, opt, peek, recognize, verify};
use nom::multi::{many0, many1, separated_list1};
use nom::sequence::{pair, preceded, terminated};
use nom::{IResult, Parser};
use nom_locate::LocatedSpan;

use crate::fold::fold;
use crate::lexicon::{FieldRole, lexicon};
use crate::normalize::{Bold, CleanLine};

type In<'a> = LocatedSpan<&'a str>;

/// A classified physical line.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// 1-based line number in the original text.
    pub no: u32,
    /// The cleaned text (NFC, whitespace collapsed, PDF damage repaired).
    pub text: String,
    pub kind: LineKind,
    /// Markdown bold at the line's edges (see [`Bold`]).
    pub bold: Bold,
}

#[derive(Debug, Clone, PartialEq)]
pub enum LineKind {
    Blank,
    /// A page number standing alone (page furniture).
    PageNumber,
    /// Other layout furniture: a table's header and rule rows.
    Furniture,
    /// A numbered label; the item's own text starts at byte `body`. `row`: the number of
    /// a task table's row (it numbers rows under the item the table stands in).
    Label {
        label: Label,
        body: usize,
        row: bool,
    },
    /// An unnumbered bullet; its text starts at byte `body`.
    Bullet {
        mark: char,
        body: usize,
    },
    /// "Cơ quan chủ trì: ..."; the value starts at byte `value`.
    Field {
        role: FieldRole,
        value: usize,
    },
    Prose,
}

/// A label as printed, with the level it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub level: Level,
    /// As printed, without the trailing "." or ")": "II", "2.2.1", "a", "đ", "A", "Điều 3".
    pub text: String,
    /// Position within its sequence (1-based): I=1, b=2, đ=5 (Vietnamese order), 2.2.1 → 1.
    pub ordinal: u32,
}

/// Numbering levels. Items of one level are siblings; the nesting between levels comes
/// from the order they appear in (see `structure`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Level {
    /// "Phần I", "PHẦN A", "A." — parts above Roman sections.
    Part,
    /// "Chương II".
    Chapter,
    /// "Mục 1" (followed by a number; "Mục tiêu" is prose).
    Heading,
    /// "Điều 1." — articles of a decision.
    Article,
    Roman,
    /// Decimal labels; the depth is the number of components (1. = 1, 2.2.1. = 3).
    Decimal(u8),
    /// Decimal labels written after their Roman part's numeral ("I.1.", "III.1.2"),
    /// between the part and its decimal items; the depth counts the decimal components.
    RomanDecimal(u8),
    Letter,
}

/// Vietnamese alphabetical order used by letter labels.
pub const VIETNAMESE_LETTERS: &str = "abcdđeghiklmnopqrstuvxy";

/// Classify cleaned lines.
pub fn classify(lines: &[CleanLine]) -> Vec<Line> {
    classify_owned(lines.to_vec())
}

/// [`classify`], taking the lines (their text moves into the result).
pub fn classify_owned(lines: Vec<CleanLine>) -> Vec<Line> {
    let mut out: Vec<Line> = lines.into_iter().map(classify_line).collect();
    demote_cut_fields(&mut out);
    out
}

/// A field label in lower case after a line cut on a joining word is the rest of that
/// line's sentence: "… ban hành Kế hoạch … với những" / "nội dung như sau:".
fn demote_cut_fields(lines: &mut [Line]) {
    let mut prev: Option<usize> = None;
    for i in 0..lines.len() {
        if lines[i].kind == LineKind::Blank {
            continue;
        }
        if matches!(lines[i].kind, LineKind::Field { .. })
            && lines[i].text.starts_with(char::is_lowercase)
            && prev.is_some_and(|p| {
                lines[p].kind == LineKind::Prose
                    && crate::table::stacked::ends_on_joining_word(&lines[p].text)
            })
        {
            lines[i].kind = LineKind::Prose;
        }
        prev = Some(i);
    }
}

fn classify_line(l: CleanLine) -> Line {
    Line {
        no: l.no,
        kind: classify_text(&l.text),
        text: l.text,
        bold: l.bold,
    }
}

/// Classify one cleaned line's text.
pub fn classify_text(text: &str) -> LineKind {
    if text.is_empty() {
        return LineKind::Blank;
    }
    if is_page_number(text) {
        return LineKind::PageNumber;
    }
    // No bullet mark is a letter or digit, and most lines start with one.
    let (mark, after_mark) = if text.starts_with(|c: char| c.is_ascii_alphanumeric()) {
        (None, 0)
    } else {
        match bullet(In::new(text)) {
            Ok((rest, m)) => (Some(m), rest.location_offset()),
            Err(_) => (None, 0),
        }
    };
    if let Some((value, role)) = field_value(&text[after_mark..]) {
        return LineKind::Field {
            role,
            value: after_mark + value,
        };
    }
    if let Some(mark) = mark {
        return LineKind::Bullet {
            mark,
            body: after_mark,
        };
    }
    if let Some(body) = bracketed_number(text) {
        return LineKind::Bullet { mark: '(', body };
    }
    if !may_be_label(text) {
        return LineKind::Prose;
    }
    match label(In::new(text)) {
        Ok((rest, label)) => LineKind::Label {
            label,
            body: rest.location_offset(),
            row: false,
        },
        Err(_) => LineKind::Prose,
    }
}

/// Whether [`label`] can match `text`: every label opens with a digit, a Roman numeral,
/// a keyword ("Phần", "Chương", "Mục", "Điều") or a letter closed by ".", ")" or "/".
/// Most prose lines fail this two-character test and skip the grammar.
fn may_be_label(text: &str) -> bool {
    let mut chars = text.chars();
    let first = chars.next();
    let second = chars.next();
    first.is_some_and(|c| c.is_ascii_digit() || "IVXPCMĐ".contains(c))
        || matches!(second, Some('.' | ')' | '/'))
}

/// If `text` is a field line ("Cơ quan chủ trì: X"), the byte offset of its value.
pub fn field_value_start(text: &str) -> Option<usize> {
    field_value(text).map(|(value, _)| value)
}

/// [`field_value_start`] and the label's role.
pub(crate) fn field_value(text: &str) -> Option<(usize, FieldRole)> {
    // The label is short: a colon further in belongs to prose ("... bao gồm: khách sạn").
    // 90 characters are at most 360 bytes; the byte search is the fast part.
    let head = &text.as_bytes()[..text.len().min(360)];
    let colon = head.iter().position(|&b| b == b':')?;
    if text[..colon].chars().count() >= 90 {
        return None;
    }
    let role = lexicon().field_role(&text[..colon])?;
    // "- Chủ trì, phối hợp với Văn phòng UBND tỉnh khẩn trương tham mưu: Phân công …"
    // opens with a label's words but names its partner: a duty's sentence, whose colon
    // introduces the work.
    if text[..colon].contains(" với ") {
        return None;
    }
    // A bare role ("Chủ trì:", "Chủ trì thực hiện:", "Phối hợp:") takes a word or two
    // more; "Chủ trì xây dựng về điều kiện, tiêu chuẩn … trong việc: …" is a duty.
    if matches!(role, FieldRole::Lead | FieldRole::Support) {
        let label = text[..colon].trim_start_matches(|c: char| !c.is_alphanumeric());
        let head = fold(
            label
                .split_whitespace()
                .take(2)
                .collect::<Vec<_>>()
                .join(" ")
                .as_str(),
        );
        let bare = ["chủ trì", "phối hợp"].iter().any(|r| head.starts_with(r));
        if bare
            && label
                .split_whitespace()
                .nth(MAX_BARE_ROLE_LABEL_WORDS)
                .is_some()
        {
            return None;
        }
    }
    let after = &text[colon + 1..];
    Some((colon + 1 + (after.len() - after.trim_start().len()), role))
}

/// Words a bare role label may have: "Chủ trì, phối hợp thực hiện".
const MAX_BARE_ROLE_LABEL_WORDS: usize = 6;

/// "7", "- 7 -", "Trang 7", "7/12" alone on a line.
fn is_page_number(text: &str) -> bool {
    // "- 7 -" is a page number; "7-" is a label ("1- Tổ chức ..." with its text below).
    let dash = |c: char| c == '-' || c == '–';
    let t = text.trim();
    let t = match (t.strip_prefix(dash), t.strip_suffix(dash)) {
        (Some(_), Some(_)) => t.trim_matches(|c: char| dash(c) || c.is_whitespace()),
        (None, None) => t,
        _ => return false,
    };
    let t = t.strip_prefix("Trang ").unwrap_or(t);
    let mut parts = t.splitn(2, '/');
    let num_ok = |s: Option<&str>| {
        s.is_some_and(|s| !s.is_empty() && s.len() <= 3 && s.bytes().all(|b| b.is_ascii_digit()))
    };
    let first = parts.next();
    match parts.next() {
        None => num_ok(first),
        Some(total) => num_ok(first) && num_ok(Some(total)),
    }
}

/// Bullet marks, including the private-use glyphs Word's Symbol/Wingdings bullets become in
/// extracted PDF text (U+F0B7, U+F0A7, U+F0D8, U+F076, U+F0FC, U+F06C, U+F0A8).
const BULLETS: &str =
    "-–—+*•·▪◦○❖➢✓●■□◆♦→⁃\u{f0b7}\u{f0a7}\u{f0d8}\u{f076}\u{f0fc}\u{f06c}\u{f0a8}";

fn bullet(i: In) -> IResult<In, char> {
    debug_assert!(!BULLETS.contains(|c: char| c.is_ascii_alphanumeric()));
    terminated(one_of(BULLETS), space0).parse(i)
}

/// Any numbered label, followed by its text (or the end of the line).
fn label(i: In) -> IResult<In, Label> {
    terminated(
        alt((
            keyword_label,
            // Before `roman_label`, which would take the "I." of "I.1." and fail.
            roman_decimal_label,
            roman_label,
            decimal_letter_label,
            decimal_label,
            letter_label,
            part_letter_label,
        )),
        alt((space1, eof)),
    )
    .parse(i)
}

/// "Phần I", "PHẦN THỨ HAI" is not supported (rare), "Chương 2", "Mục 1", "Điều 3."
fn keyword_label(i: In) -> IResult<In, Label> {
    let (rest, word) = terminated(
        alt((
            tag("PHẦN"),
            tag("Phần"),
            tag("CHƯƠNG"),
            tag("Chương"),
            tag("MỤC"),
            tag("Mục"),
            tag("ĐIỀU"),
            tag("Điều"),
        )),
        space1,
    )
    .parse(i)?;
    let (rest, (text, ordinal)) = terminated(
        alt((roman_value, number_value, upper_letter_value)),
        opt(one_of(".:)")),
    )
    .parse(rest)?;
    let level = match fold(word.fragment()).as_str() {
        "phần" => Level::Part,
        "chương" => Level::Chapter,
        "mục" => Level::Heading,
        _ => Level::Article,
    };
    let text = match level {
        Level::Article => format!("Điều {text}"),
        _ => text,
    };
    Ok((
        rest,
        Label {
            level,
            text,
            ordinal,
        },
    ))
}

fn roman_label(i: In) -> IResult<In, Label> {
    // "I." and "I)", and the older "I- MỤC ĐÍCH" / "II: NHIỆM VỤ" (closer then a space)
    // and "II/ NHIỆM VỤ" (a slash, then a space and a capital).
    let closer = alt((
        nom::combinator::value((), one_of(".)")),
        nom::combinator::value((), terminated(one_of("-:–"), peek(alt((space1, eof))))),
        nom::combinator::value((), slash_closer),
    ));
    let (rest, (text, ordinal)) = terminated(roman_value, closer).parse(i)?;
    Ok((
        rest,
        Label {
            level: Level::Roman,
            text,
            ordinal,
        },
    ))
}

/// "I.1.", "III.1.2 Nhóm …": sub-groups numbered under their Roman part's numeral, as
/// task tables number them ("I" / "I.1 | Cung cấp dịch vụ số …" / rows "1", "2" …) and
/// some plans their sections. The label's text is its decimal part; the numeral names
/// the part it is in. The closer may be left out before a capital, as in "2.2.1 Về …".
fn roman_decimal_label(i: In) -> IResult<In, Label> {
    let (rest, _) = terminated(roman_value, ch('.')).parse(i)?;
    let (rest, parts) =
        separated_list1(ch('.'), verify(digit1, |d: &In| d.len() <= 3)).parse(rest)?;
    let (rest, closer) = opt(one_of(".)")).parse(rest)?;
    if closer.is_none() {
        capital_follows(rest)?;
    }
    let text = parts
        .iter()
        .map(|p| *p.fragment())
        .collect::<Vec<_>>()
        .join(".");
    let ordinal = parts
        .last()
        .and_then(|p| p.fragment().parse().ok())
        .unwrap_or(0);
    Ok((
        rest,
        Label {
            level: Level::RomanDecimal(u8::try_from(parts.len()).unwrap_or(u8::MAX)),
            text,
            ordinal,
        },
    ))
}

fn roman_value(i: In) -> IResult<In, (String, u32)> {
    map_res(recognize(many0(one_of("IVX"))), |s: In| {
        roman_to_int(s.fragment())
            .map(|n| (s.fragment().to_string(), n))
            .ok_or(())
    })
    .parse(i)
}

fn number_value(i: In) -> IResult<In, (String, u32)> {
    map_res(
        take_while_m_n(1, 3, |c: char| c.is_ascii_digit()),
        |s: In| {
            s.fragment()
                .parse::<u32>()
                .map(|n| (s.fragment().to_string(), n))
        },
    )
    .parse(i)
}

fn upper_letter_value(i: In) -> IResult<In, (String, u32)> {
    map_res(one_of("ABCDĐEGHKLMNOPQRSTUY"), |c: char| {
        letter_ordinal(c.to_lowercase().next().unwrap_or(c))
            .map(|n| (c.to_string(), n))
            .ok_or(())
    })
    .parse(i)
}

/// "1.", "1)", "2.2.1.", "2.2.1" (a multi-level label may omit the final dot when a
/// capital letter follows).
fn decimal_label(i: In) -> IResult<In, Label> {
    let component = || {
        verify(digit1, |d: &In| {
            d.len() <= 3 && d.fragment().parse::<u32>().is_ok_and(|n| n <= 200)
        })
    };
    let (rest, (first, more)) = pair(
        component(),
        many0(preceded(ch('.'), verify(digit1, |d: &In| d.len() <= 3))),
    )
    .parse(i)?;
    let depth = 1 + more.len();
    // "1." "1)" and the older "1- Tổ chức ..." (a dash then a space; "2022 - 2025" has a
    // space before its dash and "1-2" none after, so neither is read as a label).
    let dash = terminated(one_of("-–"), peek(alt((space1, eof))));
    let (rest, closer) = opt(alt((one_of(".)"), dash, slash_closer))).parse(rest)?;
    if closer.is_none() {
        // "2.2.1 Về ..." is a label; "1 người", "2024 và" are not.
        if depth == 1 {
            return Err(nom::Err::Error(nom::error::Error::new(
                i,
                nom::error::ErrorKind::Verify,
            )));
        }
        capital_follows(rest)?;
    }
    let mut text = first.fragment().to_string();
    for m in &more {
        text.push('.');
        text.push_str(m.fragment());
    }
    let ordinal = more
        .last()
        .unwrap_or(&first)
        .fragment()
        .parse()
        .unwrap_or(0);
    let depth = u8::try_from(depth).unwrap_or(u8::MAX);
    Ok((
        rest,
        Label {
            level: Level::Decimal(depth),
            text,
            ordinal,
        },
    ))
}

/// "a)", "a.", "đ)" — lower-case letters of the Vietnamese alphabet (and f, j, w, z, which
/// some drafters use).
/// "2.1.a." — a letter written after its parent's decimal number: the letter item
/// (its parent is the "2.1." item above it, as for a bare "a)").
fn decimal_letter_label(i: In) -> IResult<In, Label> {
    let (rest, _) = many1(terminated(verify(digit1, |d: &In| d.len() <= 3), ch('.'))).parse(i)?;
    letter_label(rest)
}

fn letter_label(i: In) -> IResult<In, Label> {
    let (rest, c) = terminated(
        one_of("abcdđefghijklmnopqrstuvwxyz"),
        alt((one_of(".)"), slash_closer)),
    )
    .parse(i)?;
    let ordinal = letter_ordinal(c).unwrap_or(0);
    Ok((
        rest,
        Label {
            level: Level::Letter,
            text: c.to_string(),
            ordinal,
        },
    ))
}

/// The older slash closer of a label: "1/ Xây dựng …", "II/ NHIỆM VỤ", "a/ Tổ chức …".
/// A space and a capital must follow ("1/2024" is a date, "a/c" an abbreviation).
fn slash_closer(i: In) -> IResult<In, char> {
    terminated(ch('/'), capital_follows).parse(i)
}

/// A space, then a capital letter (not consumed): what may follow a label written
/// without its closer ("2.2.1 Về …", "III.1 Nhóm …") or with a slash ("1/ Xây dựng …").
fn capital_follows(i: In) -> IResult<In, ()> {
    nom::combinator::value(
        (),
        peek(preceded(
            space1,
            verify(nom::character::complete::anychar, |c: &char| {
                c.is_uppercase()
            }),
        )),
    )
    .parse(i)
}

/// "(1) Xây dựng …", "(12) Tổ chức …": a number in brackets before a capital enumerates
/// points, as a bullet does ("(1) của Quyết định" in a sentence does not start a line).
/// The length of the mark and the space after it.
fn bracketed_number(text: &str) -> Option<usize> {
    let rest = text.strip_prefix('(')?;
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let rest = rest[digits..].strip_prefix(')')?;
    let after = rest.trim_start_matches(' ');
    let ok = (1..=3).contains(&digits)
        && after.len() < rest.len()
        && after.starts_with(char::is_uppercase);
    ok.then(|| text.len() - after.len())
}

/// "A.", "B)" — part letters (I, V and X are read as Roman numerals).
fn part_letter_label(i: In) -> IResult<In, Label> {
    let (rest, (text, ordinal)) = terminated(upper_letter_value, one_of(".)")).parse(i)?;
    Ok((
        rest,
        Label {
            level: Level::Part,
            text,
            ordinal,
        },
    ))
}

/// 1-based position in the Vietnamese alphabet. Latin-only letters (f, j, w, z) share the
/// position of the letter before them.
pub fn letter_ordinal(c: char) -> Option<u32> {
    let base = match c {
        'f' => 'e',
        'j' => 'i',
        'w' => 'v',
        'z' => 'y',
        other => other,
    };
    VIETNAMESE_LETTERS
        .chars()
        .position(|x| x == base)
        .map(|p| p as u32 + 1)
}

/// The letter after `c` in the Latin alphabet (some drafters letter items a, b, ..., f).
pub fn next_latin_letter(c: char) -> Option<char> {
    match c {
        'a'..='y' => char::from_u32(c as u32 + 1),
        'đ' => Some('e'),
        _ => None,
    }
}

/// The letter that follows `c` in Vietnamese order.
pub fn next_letter(c: char) -> Option<char> {
    let mut it = VIETNAMESE_LETTERS.chars().skip_while(|x| *x != c);
    it.next()?;
    it.next()
}

pub(crate) fn roman_to_int(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 6 {
        return None;
    }
    let val = |c| match c {
        'I' => 1,
        'V' => 5,
        'X' => 10,
        'L' => 50,
        _ => 0,
    };
    let chars: Vec<u32> = s.chars().map(val).collect();
    let mut total = 0;
    for (k, v) in chars.iter().enumerate() {
        if chars.get(k + 1).is_some_and(|n| n > v) {
            total -= *v as i32;
        } else {
            total += *v as i32;
        }
    }
    let n = u32::try_from(total).ok().filter(|n| *n > 0)?;
    // Only canonical spellings: "IIII" or "VX" are not numerals.
    (to_roman(n) == s).then_some(n)
}

/// The canonical Roman numeral for `n` (1..3999), as labels and Word's upperRoman
/// numbering print it.
pub fn to_roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut s = String::new();
    for (v, r) in TABLE {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::CORPUS;

    fn lab(text: &str) -> Option<(Level, String, u32, String)> {
        match classify_text(text) {
            LineKind::Label { label, body, .. } => Some((
                label.level,
                label.text,
                label.ordinal,
                text[body..].to_string(),
            )),
            _ => None,
        }
    }

    /// A field label in lower case after a line cut on a joining word is prose; after a
    /// whole line, or in capitals, it stays a field.
    #[test]
    fn field_labels_cut_from_a_sentence() {
        let kinds = |text: &str| -> Vec<bool> {
            classify_owned(crate::normalize::normalize(text))
                .iter()
                .map(|l| matches!(l.kind, LineKind::Field { .. }))
                .collect()
        };
        assert_eq!(
            kinds("Chính phủ ban hành Kế hoạch với những\nnội dung như sau:"),
            [false, false]
        );
        assert_eq!(kinds("Rà soát văn bản.\nnội dung: Rà soát."), [false, true]);
        assert_eq!(
            kinds("Chính phủ ban hành Kế hoạch với những\nNội dung: Rà soát."),
            [false, true]
        );
    }

    /// (line, expected (level, label text, ordinal, text after the label)).
    type LabelRow<'a> = (&'a str, Option<(Level, &'a str, u32, &'a str)>);

    #[test]
    fn labels() {
        let cases: &[LabelRow] = &[
            (
                "I. MỤC ĐÍCH, YÊU CẦU",
                Some((Level::Roman, "I", 1, "MỤC ĐÍCH, YÊU CẦU")),
            ),
            (
                "IV. TỔ CHỨC THỰC HIỆN",
                Some((Level::Roman, "IV", 4, "TỔ CHỨC THỰC HIỆN")),
            ),
            (
                "1. Công tác tham mưu",
                Some((Level::Decimal(1), "1", 1, "Công tác tham mưu")),
            ),
            (
                "2.2.1. Đẩy mạnh",
                Some((Level::Decimal(3), "2.2.1", 1, "Đẩy mạnh")),
            ),
            (
                "2.1 Về hoàn thiện",
                Some((Level::Decimal(2), "2.1", 1, "Về hoàn thiện")),
            ),
            (
                "a) Mô hình điểm",
                Some((Level::Letter, "a", 1, "Mô hình điểm")),
            ),
            ("đ. Tiếp tục", Some((Level::Letter, "đ", 5, "Tiếp tục"))),
            (
                "2.1.a. Thành lập Ban Chỉ đạo",
                Some((Level::Letter, "a", 1, "Thành lập Ban Chỉ đạo")),
            ),
            ("4.1.c) Nhà ở", Some((Level::Letter, "c", 3, "Nhà ở"))),
            ("1.5a người", None),
            // Sub-groups under their Roman part's numeral.
            (
                "I.1. Cung cấp dịch vụ số",
                Some((Level::RomanDecimal(1), "1", 1, "Cung cấp dịch vụ số")),
            ),
            (
                "III.1.2 Nhóm các nền tảng",
                Some((Level::RomanDecimal(2), "1.2", 2, "Nhóm các nền tảng")),
            ),
            ("I.1 người", None),
            ("i. Các sở", Some((Level::Letter, "i", 9, "Các sở"))),
            ("A. PHẦN CHUNG", Some((Level::Part, "A", 1, "PHẦN CHUNG"))),
            ("L. Tiếp", Some((Level::Part, "L", 11, "Tiếp"))),
            ("Phần I. KẾT QUẢ", Some((Level::Part, "I", 1, "KẾT QUẢ"))),
            (
                "Điều 1. Ban hành",
                Some((Level::Article, "Điều 1", 1, "Ban hành")),
            ),
            (
                "3.  Sở Thông tin",
                Some((Level::Decimal(1), "3", 3, "Sở Thông tin")),
            ),
            ("1)", Some((Level::Decimal(1), "1", 1, ""))),
            ("2024 và các năm tiếp theo.", None),
            ("06/QĐ-TTg ngày", None),
            ("2025, tầm nhìn", None),
            ("I/2023.", None),
            ("Mục tiêu cụ thể", None),
            ("v.v... các", None),
            ("1.5 triệu người", None),
            ("IIII. x", None),
            (
                "I- MỤC ĐÍCH, YÊU CẦU",
                Some((Level::Roman, "I", 1, "MỤC ĐÍCH, YÊU CẦU")),
            ),
            ("II: NHIỆM VỤ", Some((Level::Roman, "II", 2, "NHIỆM VỤ"))),
            (
                "3- Tổ chức thực hiện",
                Some((Level::Decimal(1), "3", 3, "Tổ chức thực hiện")),
            ),
            ("2022 - 2025, tầm nhìn", None),
            (
                "4/ Nâng cấp hạ tầng mạng",
                Some((Level::Decimal(1), "4", 4, "Nâng cấp hạ tầng mạng")),
            ),
            ("6/2024 hoàn thành", None),
            ("1/ năm", None),
            (
                "II/ NHIỆM VỤ CỤ THỂ",
                Some((Level::Roman, "II", 2, "NHIỆM VỤ CỤ THỂ")),
            ),
            (
                "a/ Tổ chức hội nghị",
                Some((Level::Letter, "a", 1, "Tổ chức hội nghị")),
            ),
            ("I/ 2025", None),
            ("a/c Minh", None),
            ("b/ các", None),
            ("(1) Tổ chức hiệp thương", None),
            ("1-2 ngày", None),
            ("1-", Some((Level::Decimal(1), "1", 1, ""))),
            ("I-2023", None),
        ];
        for (text, want) in cases {
            let got = lab(text);
            let want = want.map(|(l, t, o, b)| (l, t.to_string(), o, b.to_string()));
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn fields_and_bullets() {
        let t = "- Cơ quan chủ trì: Công an tỉnh.";
        assert!(
            matches!(classify_text(t), LineKind::Field { role: FieldRole::Lead, value } if &t[value..] == "Công an tỉnh.")
        );
        assert!(matches!(
            classify_text("Đơn vị phối hợp: Sở Nội vụ"),
            LineKind::Field {
                role: FieldRole::Support,
                ..
            }
        ));
        assert!(matches!(
            classify_text("- Thời gian hoàn thành tích hợp, đồng bộ dữ liệu: Hoàn thành"),
            LineKind::Field {
                role: FieldRole::Deadline,
                ..
            }
        ));
        assert!(matches!(
            classify_text("- Cơ quan chủ trì:"),
            LineKind::Field {
                role: FieldRole::Lead,
                ..
            }
        ));
        assert!(matches!(
            classify_text("* Sở Thông tin và Truyền thông chủ trì"),
            LineKind::Bullet { mark: '*', body: 2 }
        ));
        assert!(matches!(
            classify_text("-Chủ trì, phối hợp"),
            LineKind::Bullet { mark: '-', body: 1 }
        ));
        assert!(matches!(
            classify_text("bao gồm: khách sạn"),
            LineKind::Prose
        ));
        assert!(matches!(
            classify_text("- Chủ trì xây dựng về điều kiện, tiêu chuẩn trong việc: Giám định"),
            LineKind::Bullet { mark: '-', body: 2 }
        ));
        assert!(matches!(
            classify_text("- Chủ trì, phối hợp thực hiện: Sở Y tế"),
            LineKind::Field {
                role: FieldRole::Lead,
                ..
            }
        ));
        // A duty that names its partner before a colon is no field line.
        assert!(matches!(
            classify_text("- Chủ trì, phối hợp với Văn phòng UBND tỉnh tham mưu: Phân công"),
            LineKind::Bullet { mark: '-', body: 2 }
        ));
        assert!(matches!(
            classify_text("\u{f0b7} Chỉ đạo các đơn vị"),
            LineKind::Bullet {
                mark: '\u{f0b7}',
                ..
            }
        ));
        assert!(matches!(
            classify_text("● Cơ quan chủ trì: Sở Y tế"),
            LineKind::Field {
                role: FieldRole::Lead,
                ..
            }
        ));
        // A bracketed number before a capital enumerates points, as a bullet does.
        assert_eq!(
            classify_text("(2) Tổ chức hiệp thương lần thứ hai: Chậm nhất ngày 03/02/2026"),
            LineKind::Bullet { mark: '(', body: 4 }
        );
        assert_eq!(classify_text("(2) của Quyết định"), LineKind::Prose);
        assert_eq!(classify_text("(2024) Tổ chức"), LineKind::Prose);
        assert_eq!(classify_text("7"), LineKind::PageNumber);
        assert_eq!(classify_text("- 12 -"), LineKind::PageNumber);
        assert_eq!(classify_text("Trang 3"), LineKind::PageNumber);
        assert_eq!(classify_text("2024"), LineKind::Prose);
    }

    #[test]
    fn letter_order() {
        assert_eq!(next_letter('d'), Some('đ'));
        assert_eq!(next_letter('h'), Some('i'));
        assert_eq!(next_letter('i'), Some('k'));
        assert_eq!(next_letter('y'), None);
        assert_eq!(letter_ordinal('f'), letter_ordinal('e'));
        assert!(letter_ordinal('f') < letter_ordinal('g'));
        assert_eq!(next_latin_letter('e'), Some('f'));
    }

    /// The two-character prefilter never hides a label: on every corpus line, and on
    /// every short string over label characters, a label the grammar reads passes it.
    #[test]
    fn label_prefilter_keeps_every_label() {
        let pieces = [
            "1", "12", ".", ")", "-", " ", "I", "V", "X", "a", "đ", "B", "Phần", "MỤC", "Điều",
            "Chương", "T", "Về", ":", "–",
        ];
        let mut generated = Vec::new();
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    generated.push(format!("{a}{b}{c}"));
                }
            }
        }
        let (mut labels, mut skipped) = (0, 0);
        for line in CORPUS.iter().flat_map(|t| t.lines()).map(str::trim) {
            let is_label = label(In::new(line)).is_ok();
            assert!(!is_label || may_be_label(line), "{line:?}");
            labels += usize::from(is_label);
            skipped += usize::from(!may_be_label(line));
        }
        for line in &generated {
            assert!(
                label(In::new(line)).is_err() || may_be_label(line),
                "{line:?}"
            );
        }
        assert!(labels > 150 && skipped > 1000, "{labels} {skipped}");
    }
}
