//! Citations of legal documents in running text: "Quyết định số 06/QĐ-TTg ngày
//! 06/01/2022 của Thủ tướng Chính phủ", "Nghị định 85/2016/NĐ-CP", "theo 1552/BTTTT-THH
//! ngày 26/4/2022".
//!
//! The type words and issuer stop words live in `grammar/citation.toml`; the shape is
//! in `grammar/deadline.ebnf`. Citations matter to deadlines too: a date inside a cited
//! document is the document's date, never a deadline, so `deadline` masks them.
//!
//! This module also owns `FoldedText`, the folded view with a byte map back to the
//! original that both grammars match on.

use std::ops::Range;
use std::sync::LazyLock;

use chrono::NaiveDate;
use nom::Parser;
use nom::bytes::complete::take_while1;
use nom::character::complete::{char, digit1};
use nom::combinator::{opt, recognize};
use nom::multi::{many1, separated_list1};
use serde::Deserialize;

use crate::deadline::{
    Lexicon, Res, calendar_date, day_word, fail, is_word_char, opt_space, space,
};
use crate::fold::collapse_ws;
use crate::model::Reference;

/// One cited document and where it is written.
#[derive(Debug, Clone, PartialEq)]
pub struct Citation {
    pub range: Range<usize>,
    pub reference: Reference,
}

/// Every citation in `text`, in order, non-overlapping; `range` is byte offsets into `text`.
pub fn find_citations(text: &str) -> Vec<Citation> {
    if number_starts(text).next().is_none() {
        return Vec::new();
    }
    citations_in(&FoldedText::new(text))
}

// ---------------------------------------------------------------------------------
// The folded view.

/// Folded text (see [`crate::fold::fold`]) built token by token, so every position maps
/// back to the original: matching ignores case and tone style, results quote the source.
#[derive(Debug, Clone)]
pub(crate) struct FoldedText<'a> {
    pub(crate) original: &'a str,
    /// Folded tokens; one space wherever the original had whitespace.
    pub(crate) folded: String,
    tokens: Vec<Token>,
}

/// A word (letters, digits, combining marks) or one punctuation character.
#[derive(Debug, Clone, Copy)]
struct Token {
    f_start: usize,
    f_end: usize,
    o_start: usize,
    o_end: usize,
    word: bool,
    spaced: bool,
}

/// Punctuation that glues a word to the previous one ("06/QĐ", "30-6", "6.2023"):
/// a word right after it is not a place to start a phrase.
const GLUE: [char; 6] = ['/', '-', '.', '–', '—', '_'];

impl<'a> FoldedText<'a> {
    pub(crate) fn new(original: &'a str) -> Self {
        Self::with_aligned(original, crate::fold::fold_aligned(original))
    }

    /// [`FoldedText::new`] given `original`'s aligned fold (see
    /// [`crate::fold::fold_aligned`]), when the caller has it already.
    pub(crate) fn with_aligned(original: &'a str, aligned: Option<String>) -> Self {
        let mut folded = String::with_capacity(original.len() + 8);
        let mut tokens = Vec::new();
        // Fold the whole text once when offsets survive folding; tokens are slices of it.
        let mut spaced = false;
        let mut chars = original.char_indices().peekable();
        while let Some((start, c)) = chars.next() {
            if c.is_whitespace() {
                spaced = true;
                continue;
            }
            let word = is_word_char(c);
            let mut end = start + c.len_utf8();
            while word && let Some(&(k, next)) = chars.peek() {
                if !is_word_char(next) {
                    break;
                }
                end = k + next.len_utf8();
                chars.next();
            }
            let spaced_here = spaced && !tokens.is_empty();
            if spaced_here {
                folded.push(' ');
            }
            let f_start = folded.len();
            match &aligned {
                Some(a) => folded.push_str(&a[start..end]),
                None => crate::fold::fold_into(&mut folded, &original[start..end]),
            }
            tokens.push(Token {
                f_start,
                f_end: folded.len(),
                o_start: start,
                o_end: end,
                word,
                spaced: spaced_here,
            });
            spaced = false;
        }
        FoldedText {
            original,
            folded,
            tokens,
        }
    }

    /// Folded offsets where a phrase may start: words not glued to a previous token.
    pub(crate) fn word_starts(&self) -> impl Iterator<Item = usize> + '_ {
        self.tokens.iter().enumerate().filter_map(|(k, t)| {
            let glued =
                k > 0 && !t.spaced && self.folded[self.tokens[k - 1].f_start..].starts_with(GLUE);
            (t.word && !glued).then_some(t.f_start)
        })
    }

    /// Original byte range for a folded range.
    pub(crate) fn orig_range(&self, f: Range<usize>) -> Range<usize> {
        let start = self.orig_start(f.start);
        start..self.orig_end(f.end).max(start)
    }

    fn orig_start(&self, f: usize) -> usize {
        let k = self.tokens.partition_point(|t| t.f_end <= f);
        match self.tokens.get(k) {
            Some(t) if f <= t.f_start => t.o_start,
            Some(t) => self.inside(t, f),
            None => self.original.len(),
        }
    }

    fn orig_end(&self, f: usize) -> usize {
        let k = self.tokens.partition_point(|t| t.f_start < f);
        match k.checked_sub(1).and_then(|k| self.tokens.get(k)) {
            Some(t) if f >= t.f_end => t.o_end,
            Some(t) => self.inside(t, f),
            None => 0,
        }
    }

    /// A position inside a token: exact when folding kept its length, else its start.
    fn inside(&self, t: &Token, f: usize) -> usize {
        let o = t.o_start + (f - t.f_start);
        let same_len = t.f_end - t.f_start == t.o_end - t.o_start;
        if same_len && self.original.is_char_boundary(o) {
            o
        } else {
            t.o_start
        }
    }

    /// The same view with every token inside `ranges` (original offsets, sorted)
    /// replaced by '#' of the same length: no phrase can match there, offsets hold.
    pub(crate) fn masked(&self, ranges: &[Range<usize>]) -> FoldedText<'a> {
        let mut out = self.clone();
        if ranges.is_empty() {
            return out;
        }
        let mut bytes = std::mem::take(&mut out.folded).into_bytes();
        let mut r = ranges.iter().peekable();
        for t in &mut out.tokens {
            while r.peek().is_some_and(|r| r.end <= t.o_start) {
                r.next();
            }
            if r.peek()
                .is_some_and(|r| r.start <= t.o_start && t.o_end <= r.end)
            {
                bytes[t.f_start..t.f_end].fill(b'#');
                t.word = false;
            }
        }
        out.folded = String::from_utf8(bytes).unwrap_or_default();
        out
    }
}

// ---------------------------------------------------------------------------------
// Vocabulary loaded from grammar/citation.toml.

static C: LazyLock<CitationGrammar> = LazyLock::new(|| {
    let raw: RawGrammar = toml::from_str(include_str!("../grammar/citation.toml"))
        .expect("grammar/citation.toml is valid (checked by tests)");
    CitationGrammar::from_raw(raw)
});

#[derive(Deserialize)]
struct RawGrammar {
    bare_default: String,
    number_words: Vec<String>,
    issuer_intro: Vec<String>,
    issuer_stop: Vec<String>,
    #[serde(rename = "type")]
    types: Vec<RawType>,
}

#[derive(Deserialize)]
struct RawType {
    abbr: String,
    words: Vec<String>,
    #[serde(default)]
    codes: Vec<String>,
    #[serde(default)]
    generic: bool,
}

struct CitationGrammar {
    bare_default: String,
    /// How far (folded bytes) a citation's document number can start after the
    /// citation: the longest type word, then " số: ".
    number_reach: usize,
    number_word: Lexicon<()>,
    issuer_intro: Lexicon<()>,
    issuer_stop: Lexicon<()>,
    /// Type word → index into `types`.
    type_word: Lexicon<usize>,
    /// Folded number code ("qđ", "qh") → index into `types`.
    codes: Vec<(String, usize)>,
    types: Vec<RawType>,
}

impl CitationGrammar {
    fn from_raw(raw: RawGrammar) -> Self {
        let plain = |ws: &[String]| Lexicon::new(ws.iter().map(|w| (w.clone(), ())));
        let type_word = Lexicon::new(
            raw.types
                .iter()
                .enumerate()
                .flat_map(|(k, t)| t.words.iter().map(move |w| (w.clone(), k))),
        );
        let codes = raw
            .types
            .iter()
            .enumerate()
            .filter(|(_, t)| !t.generic)
            .flat_map(|(k, t)| {
                let own = if t.codes.is_empty() {
                    vec![t.abbr.clone()]
                } else {
                    t.codes.clone()
                };
                own.into_iter().map(move |c| (crate::fold::fold(&c), k))
            })
            .collect();
        let number_word = plain(&raw.number_words);
        CitationGrammar {
            bare_default: raw.bare_default,
            // The type word, a space, "số", ":" and a space.
            number_reach: type_word.longest() + number_word.longest() + 3,
            number_word,
            issuer_intro: plain(&raw.issuer_intro),
            issuer_stop: plain(&raw.issuer_stop),
            type_word,
            codes,
            types: raw.types,
        }
    }
}

// ---------------------------------------------------------------------------------
// Grammar.

/// Longest issuer, in words; stops runaway issuers in unpunctuated text.
const MAX_ISSUER_WORDS: usize = 20;

/// Citations found in a folded view (shared with `deadline`, which masks them).
pub(crate) fn citations_in(view: &FoldedText) -> Vec<Citation> {
    let text = view.folded.as_str();
    // Every citation carries a document number ("06/QĐ-TTg") at most `lead` bytes after
    // its start (after the type word and "số:"), so only word starts that close to a
    // number are tried: most of a text is far from any.
    let lead = C.number_reach;
    let mut numbers = number_starts(text).peekable();
    let mut out = Vec::new();
    let mut resume = 0;
    for start in view.word_starts() {
        while numbers.next_if(|&n| n < start).is_some() {}
        let Some(&number) = numbers.peek() else {
            break;
        };
        if start < resume || number - start > lead {
            continue;
        }
        let Some(found) =
            typed_citation(&text[start..]).or_else(|| bare_citation(view, &text[start..]))
        else {
            continue;
        };
        let end = text.len() - found.rest_len;
        out.push(build(view, start..end, &found));
        resume = end;
    }
    out
}

/// A citation's parts as folded slices (positions are recovered from the pointers).
struct Found<'a> {
    doc_type: Option<usize>,
    number: &'a str,
    date: Option<(u32, u32, Option<i32>)>,
    issuer: Option<&'a str>,
    rest_len: usize,
}

/// type-word ["số" [":"]] number tail
fn typed_citation(i: &str) -> Option<Found<'_>> {
    let (rest, (doc_type, number)) = typed_head(i).ok()?;
    Some(with_tail(rest, Some(doc_type), number))
}

fn typed_head(i: &str) -> Res<'_, (usize, &str)> {
    let (rest, doc_type) = C.type_word.parse(i)?;
    let (rest, _) = opt((space, |i| C.number_word.parse(i), opt(char(':')))).parse(rest)?;
    let (rest, ()) = opt_space(rest)?;
    let (rest, number) = doc_number(rest)?;
    Ok((rest, (doc_type, number)))
}

/// A number with a document code but no type word: "1552/BTTTT-THH". The code must
/// start with a capital in the original ("3/tháng" is not a citation).
fn bare_citation<'a>(view: &FoldedText, i: &'a str) -> Option<Found<'a>> {
    let (rest, number) = doc_number(i).ok()?;
    let start = view.folded.len() - i.len();
    let orig = view
        .original
        .get(view.orig_range(start..start + number.len()))?;
    let first_letter = orig.chars().find(|c| crate::fold::is_letter(*c))?;
    first_letter
        .is_uppercase()
        .then(|| with_tail(rest, None, number))
}

/// [[","] "ngày" date] ["của" issuer] [[","] "ngày" date]; each part optional.
fn with_tail<'a>(rest: &'a str, doc_type: Option<usize>, number: &'a str) -> Found<'a> {
    let (rest, mut date) = opt(issue_date).parse(rest).unwrap_or((rest, None));
    let (rest, issuer) = opt(issuer_clause).parse(rest).unwrap_or((rest, None));
    let mut rest = rest;
    if date.is_none() && issuer.is_some() {
        (rest, date) = opt(issue_date).parse(rest).unwrap_or((rest, None));
    }
    Found {
        doc_type,
        number,
        date,
        issuer,
        rest_len: rest.len(),
    }
}

/// Where a [`doc_number`] can start in `text`: the first digit of each digit run
/// followed by "/", or by "-" and a word and then "/" (a Party document's "57-nq/tw");
/// folding leaves digits, "-" and "/" where they were.
fn number_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    let b = text.as_bytes();
    memchr::memchr_iter(b'/', b).filter_map(move |slash| {
        let digits = |end: usize| {
            b[..end]
                .iter()
                .rev()
                .take_while(|c| c.is_ascii_digit())
                .count()
        };
        let d = digits(slash);
        if d > 0 {
            return Some(slash - d);
        }
        // "57-nq/": the word before "/" follows "<digits>-".
        let word = b[..slash]
            .iter()
            .rev()
            .take_while(|c| !c.is_ascii_whitespace() && **c != b'-' && **c != b'/')
            .count();
        let dash = slash.checked_sub(word + 1)?;
        (word > 0 && b[dash] == b'-' && digits(dash) > 0).then(|| dash - digits(dash))
    })
}

/// digits "/" segment {"/" segment}, segment = word {"-" word}: "85/2016/nđ-cp"; or a
/// Party document's digits "-" word "/" segment {…}: "57-nq/tw".
fn doc_number(i: &str) -> Res<'_, &str> {
    let segment = || separated_list1(char('-'), take_while1(is_word_char));
    let state = (digit1, many1((char('/'), segment())));
    let party = (
        digit1,
        char('-'),
        take_while1(is_word_char),
        many1((char('/'), segment())),
    );
    recognize(nom::branch::alt((recognize(party), recognize(state)))).parse(i)
}

fn issue_date(i: &str) -> Res<'_, (u32, u32, Option<i32>)> {
    let (rest, (_, _, _, _, _, date)) = (
        opt_space,
        opt(char(',')),
        opt_space,
        day_word,
        opt_space,
        calendar_date,
    )
        .parse(i)?;
    Ok((rest, date))
}

fn issuer_clause(i: &str) -> Res<'_, &str> {
    let (rest, (_, _, _, issuer)) =
        (space, |i| C.issuer_intro.parse(i), space, issuer_words).parse(i)?;
    Ok((rest, issuer))
}

/// Words up to a stop word, punctuation other than a dash, another citation, or the
/// word limit. A trailing "và" is not part of the issuer.
fn issuer_words(i: &str) -> Res<'_, &str> {
    let mut rest = i;
    let mut end = i;
    let mut words = 0;
    while words < MAX_ISSUER_WORDS {
        let at = if words == 0 {
            rest
        } else {
            rest.strip_prefix(' ').unwrap_or("")
        };
        if at.is_empty() || C.issuer_stop.parse(at).is_ok() || typed_head(at).is_ok() {
            break;
        }
        if let Some(after) = at.strip_prefix(['-', '–', '&']) {
            rest = after;
            continue;
        }
        let Ok((after, w)) = take_while1::<_, _, nom::error::Error<&str>>(is_word_char).parse(at)
        else {
            break;
        };
        words += 1;
        rest = after;
        if w != "và" {
            end = after;
        }
    }
    if end.len() == i.len() {
        return fail(i);
    }
    Ok((end, &i[..i.len() - end.len()]))
}

/// The document type from a number's code: the first part of the last segment that has
/// letters, digits dropped ("85/2016/NĐ-CP" → NĐ, "59/2020/QH14" → QH). Unknown codes
/// name the issuing unit, which is how công văn are numbered.
fn type_from_code(number_folded: &str) -> String {
    let code = number_folded
        .rsplit('/')
        .find(|seg| seg.chars().any(crate::fold::is_letter))
        .and_then(|seg| seg.split('-').next())
        .map(|c| c.trim_end_matches(|ch: char| ch.is_ascii_digit()))
        .unwrap_or("");
    C.codes
        .iter()
        .find(|(c, _)| c == code)
        .and_then(|(_, k)| C.types.get(*k))
        .map_or_else(|| C.bare_default.clone(), |t| t.abbr.clone())
}

/// Turn folded slices into a `Citation` quoting the original.
fn build(view: &FoldedText, folded: Range<usize>, found: &Found) -> Citation {
    let base = view.folded.as_str();
    let quote = |s: &str| {
        let start = s.as_ptr() as usize - base.as_ptr() as usize;
        let range = view.orig_range(start..start + s.len());
        collapse_ws(view.original.get(range).unwrap_or(""))
    };
    let doc_type = match found.doc_type.and_then(|k| C.types.get(k)) {
        Some(t) if !t.generic => t.abbr.clone(),
        _ => type_from_code(found.number),
    };
    let range = view.orig_range(folded);
    let reference = Reference {
        doc_type: Some(doc_type),
        number: Some(quote(found.number)),
        issued_on: found
            .date
            .and_then(|(d, m, y)| NaiveDate::from_ymd_opt(y?, m, d)),
        issuer: found.issuer.map(quote).filter(|s| !s.is_empty()),
        text: collapse_ws(view.original.get(range.clone()).unwrap_or("")),
    };
    Citation { range, reference }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    /// (text, type, number, date, issuer, cited text)
    type Row = (
        &'static str,
        &'static str,
        &'static str,
        Option<NaiveDate>,
        Option<&'static str>,
        &'static str,
    );

    #[test]
    fn citation_table() {
        let rows: Vec<Row> = vec![
            // Party documents number "<n>-<type>/<issuer>".
            (
                "Triển khai Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá",
                "NQ",
                "57-NQ/TW",
                date(2024, 12, 22),
                Some("Bộ Chính trị"),
                "Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị",
            ),
            (
                "Căn cứ Quyết định số 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng Chính phủ phê duyệt Đề án",
                "QĐ",
                "06/QĐ-TTg",
                date(2022, 1, 6),
                Some("Thủ tướng Chính phủ"),
                "Quyết định số 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng Chính phủ",
            ),
            (
                "Thực hiện Kế hoạch số 1543/KH-UBND ngày 15 tháng 3 năm 2023 của UBND tỉnh về triển khai",
                "KH",
                "1543/KH-UBND",
                date(2023, 3, 15),
                Some("UBND tỉnh"),
                "Kế hoạch số 1543/KH-UBND ngày 15 tháng 3 năm 2023 của UBND tỉnh",
            ),
            (
                "theo Nghị định 85/2016/NĐ-CP về bảo đảm an toàn",
                "NĐ",
                "85/2016/NĐ-CP",
                None,
                None,
                "Nghị định 85/2016/NĐ-CP",
            ),
            (
                "Công văn số 1292/HTQTCT-QLHC ngày 20/5/2022 của Cục Hộ tịch, quốc tịch, chứng thực",
                "CV",
                "1292/HTQTCT-QLHC",
                date(2022, 5, 20),
                Some("Cục Hộ tịch"),
                "Công văn số 1292/HTQTCT-QLHC ngày 20/5/2022 của Cục Hộ tịch",
            ),
            (
                "Thông tư số 46/2022/TT-BCA ngày 01/11/2022 của Bộ Công an quy định",
                "TT",
                "46/2022/TT-BCA",
                date(2022, 11, 1),
                Some("Bộ Công an"),
                "Thông tư số 46/2022/TT-BCA ngày 01/11/2022 của Bộ Công an",
            ),
            (
                "theo 1552/BTTTT-THH ngày 26/4/2022 của Bộ Thông tin và Truyền thông.",
                "CV",
                "1552/BTTTT-THH",
                date(2022, 4, 26),
                Some("Bộ Thông tin và Truyền thông"),
                "1552/BTTTT-THH ngày 26/4/2022 của Bộ Thông tin và Truyền thông",
            ),
            (
                "Chỉ thị số 05/CT-TTg ngày 23/02/2023 của Thủ tướng Chính phủ",
                "CT",
                "05/CT-TTg",
                date(2023, 2, 23),
                Some("Thủ tướng Chính phủ"),
                "Chỉ thị số 05/CT-TTg ngày 23/02/2023 của Thủ tướng Chính phủ",
            ),
            (
                "Quyết định số 766/QĐ-TTg ngày  23 tháng 6 năm 2022 của Thủ tướng Chính phủ.",
                "QĐ",
                "766/QĐ-TTg",
                date(2022, 6, 23),
                Some("Thủ tướng Chính phủ"),
                "Quyết định số 766/QĐ-TTg ngày 23 tháng 6 năm 2022 của Thủ tướng Chính phủ",
            ),
            (
                "Nghị quyết số 01/NQ-CP ngày 06/01/2023 của Chính phủ;",
                "NQ",
                "01/NQ-CP",
                date(2023, 1, 6),
                Some("Chính phủ"),
                "Nghị quyết số 01/NQ-CP ngày 06/01/2023 của Chính phủ",
            ),
            (
                "Thông báo số 12/TB-VPCP ngày  01 tháng 11 năm 2023 của Văn phòng Chính phủ",
                "TB",
                "12/TB-VPCP",
                date(2023, 11, 1),
                Some("Văn phòng Chính phủ"),
                "Thông báo số 12/TB-VPCP ngày 01 tháng 11 năm 2023 của Văn phòng Chính phủ",
            ),
            (
                "Luật số 59/2020/QH14 ngày 17/6/2020",
                "Luật",
                "59/2020/QH14",
                date(2020, 6, 17),
                None,
                "Luật số 59/2020/QH14 ngày 17/6/2020",
            ),
            (
                "Văn bản số 85/2016/NĐ-CP",
                "NĐ",
                "85/2016/NĐ-CP",
                None,
                None,
                "Văn bản số 85/2016/NĐ-CP",
            ),
            (
                "Quy trình số 03/QTr-CAT ngày 10/02/2023 của Công an tỉnh (sau đây gọi tắt là Quy trình)",
                "QTr",
                "03/QTr-CAT",
                date(2023, 2, 10),
                Some("Công an tỉnh"),
                "Quy trình số 03/QTr-CAT ngày 10/02/2023 của Công an tỉnh",
            ),
            (
                "Hướng dẫn số 21/HD-BCA, ngày 05/5/2022 của Bộ Công an",
                "HD",
                "21/HD-BCA",
                date(2022, 5, 5),
                Some("Bộ Công an"),
                "Hướng dẫn số 21/HD-BCA, ngày 05/5/2022 của Bộ Công an",
            ),
            (
                "Đề án số 02/ĐA-UBND của Ủy ban nhân dân tỉnh Bà Rịa - Vũng Tàu ngày 02/3/2023",
                "ĐA",
                "02/ĐA-UBND",
                date(2023, 3, 2),
                Some("Ủy ban nhân dân tỉnh Bà Rịa - Vũng Tàu"),
                "Đề án số 02/ĐA-UBND của Ủy ban nhân dân tỉnh Bà Rịa - Vũng Tàu ngày 02/3/2023",
            ),
            (
                "Chương trình số 07/CTr-UBND ngày 31/02/2023",
                "CTr",
                "07/CTr-UBND",
                None,
                None,
                "Chương trình số 07/CTr-UBND ngày 31/02/2023",
            ),
            (
                "QUYẾT ĐỊNH SỐ 15/QĐ-UBND của Sở Kế hoạch và Đầu tư",
                "QĐ",
                "15/QĐ-UBND",
                None,
                Some("Sở Kế hoạch và Đầu tư"),
                "QUYẾT ĐỊNH SỐ 15/QĐ-UBND của Sở Kế hoạch và Đầu tư",
            ),
            (
                "Báo cáo số 100/BC-UBND của UBND huyện và Kế hoạch số 2/KH-UBND",
                "BC",
                "100/BC-UBND",
                None,
                Some("UBND huyện"),
                "Báo cáo số 100/BC-UBND của UBND huyện",
            ),
        ];
        assert!(rows.len() >= 15);
        for (text, doc_type, number, issued_on, issuer, cited) in rows {
            let found = find_citations(text);
            let c = found
                .first()
                .unwrap_or_else(|| panic!("no citation in {text}"));
            let r = &c.reference;
            assert_eq!(r.doc_type.as_deref(), Some(doc_type), "{text}");
            assert_eq!(r.number.as_deref(), Some(number), "{text}");
            assert_eq!(r.issued_on, issued_on, "{text}");
            assert_eq!(r.issuer.as_deref(), issuer, "{text}");
            assert_eq!(r.text, cited, "{text}");
            assert_eq!(collapse_ws(&text[c.range.clone()]), cited, "range: {text}");
        }
    }

    #[test]
    fn numbers_far_from_a_start_and_at_the_window_edge() {
        // The longest type word, "số" and a colon: the number sits as far from the
        // citation's start as the grammar allows, and is still found.
        let longest = C
            .types
            .iter()
            .flat_map(|t| t.words.iter())
            .max_by_key(|w| crate::fold::fold(w).len())
            .cloned()
            .unwrap_or_default();
        let text = format!("Căn cứ {longest} số: 12/2024/NQLT-BCA, và các văn bản khác.");
        let found = find_citations(&text);
        assert_eq!(found.len(), 1, "{text}");
        assert_eq!(
            found[0].reference.number.as_deref(),
            Some("12/2024/NQLT-BCA")
        );
        assert_eq!(found[0].range.start, "Căn cứ ".len(), "{text}");
        // A number many words after a type word is no citation of that type, but the
        // bare number with a capital code still is.
        let text = "Kế hoạch triển khai các nhiệm vụ của tỉnh theo 1552/BTTTT-THH.";
        let found = find_citations(text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].reference.doc_type.as_deref(), Some("CV"));
        assert_eq!(
            number_starts("a/b 12/c 3/ x/4 /5").collect::<Vec<_>>(),
            [4, 9]
        );
    }

    #[test]
    fn several_in_order() {
        let text = "Căn cứ Nghị định số 85/2016/NĐ-CP; Thông tư số 12/2022/TT-BTTTT; Kế hoạch số 2/KH-UBND ngày 3/1/2023.";
        let found = find_citations(text);
        let numbers: Vec<_> = found
            .iter()
            .filter_map(|c| c.reference.number.as_deref())
            .collect();
        assert_eq!(numbers, ["85/2016/NĐ-CP", "12/2022/TT-BTTTT", "2/KH-UBND"]);
        assert!(found.windows(2).all(|w| w[0].range.end <= w[1].range.start));
    }

    #[test]
    fn not_citations() {
        for text in [
            "Luật Hộ tịch năm 2014",
            "Kế hoạch này được triển khai",
            "Kế hoạch (văn bản kiểm tra) ban hành trong Quý I/2023.",
            "hoàn thành trước ngày 30/6/2023",
            "3/tháng một lần",
            "",
            "số 12/",
        ] {
            assert!(find_citations(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn folded_view_maps_back() {
        let text = "  Uỷ   BAN,  Hoà 06/QĐ-TTg ";
        let view = FoldedText::new(text);
        assert_eq!(view.folded, "ủy ban, hòa 06/qđ-ttg");
        let at = view.folded.find("06").unwrap_or(0);
        let r = view.orig_range(at..view.folded.len());
        assert_eq!(&text[r], "06/QĐ-TTg");
        let r = view.orig_range(0.."ủy ban".len());
        assert_eq!(&text[r], "Uỷ   BAN");
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        let big = "Quyết định số 1/QĐ-A của ".repeat(5_000);
        assert_eq!(find_citations(&big).len(), 5_000);
        for s in [
            "/",
            "số",
            "Quyết định số",
            "1/",
            "1/A",
            "\u{301}\u{301}",
            "Ǆ 1/İ",
        ] {
            let _ = find_citations(s);
        }
    }

    #[test]
    fn grammar_file_loads() {
        assert!(!C.types.is_empty());
        assert_eq!(type_from_code("06/qđ-ttg"), "QĐ");
        assert_eq!(type_from_code("1292/htqtct-qlhc"), "CV");
    }
}
