//! Deadline phrases: "Trong Quý I/2023 và thực hiện thường xuyên", "trước ngày 15/3",
//! "Khi có hướng dẫn của Bộ Công an", "giai đoạn 2022 - 2025".
//!
//! The words live in `grammar/deadline.toml` (so they can be extended without Rust);
//! the shapes are nom parsers below, written down in `grammar/deadline.ebnf`. All
//! matching runs on folded text (see [`crate::fold`]); results are sliced from the
//! original. Dates inside cited documents ("Chỉ thị số 05/CT-TTg ngày 23/02/2023")
//! are masked first: they are never deadlines.
//!
//! Scanning tries the phrase parsers at each word start and jumps past every match,
//! so the work is linear in the input (each attempt looks at a bounded window, except
//! a condition, whose clause is measured once).

use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use nom::branch::alt;
use nom::bytes::complete::{tag, take_while1};
use nom::character::complete::{char, digit1};
use nom::combinator::{eof, opt, recognize, value, verify};
use nom::multi::{many_m_n, many0};
use nom::sequence::preceded;
use nom::{IResult, Parser};
use serde::Deserialize;

use crate::citation::{FoldedText, citations_in};
use crate::model::{Deadline, Precision};

/// A parsed deadline value and whether anything in it was recognised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    pub deadline: Deadline,
    /// true when at least one phrase (date, period, ongoing marker or condition) was recognised
    pub understood: bool,
}

/// Parse the value of a deadline field ("Thời gian hoàn thành: `<value>`"), or an inline
/// tail. `year` = the plan's year for phrases that omit it.
pub fn parse_deadline(text: &str, year: Option<i32>) -> Parsed {
    parse_located(text, year).0
}

/// Whether anything in `text` is recognised as a deadline: `parse_deadline(text,
/// None).understood` without building the value. Table rules ask this of every cell
/// line, most of which hold no deadline word at all.
pub fn is_deadline(text: &str) -> bool {
    let view = FoldedText::new(text);
    // Masking citations only takes words away, so text where no word may open an item
    // has none once masked either.
    let folded = view.folded.as_str();
    if !view.word_starts().any(|s| may_open_item(&folded[s..])) {
        return false;
    }
    scan(&mask_citations(&view), None).understood()
}

/// The deadline in the words after an inline assignment ("nâng cấp hạ tầng băng rộng,
/// hoàn thành trước ngày 30/9/2024"): parsed as a field value is, but its text starts
/// at the clause (after the last "," or ";" before it) that holds the first recognised
/// phrase, so the work named first is not quoted as the deadline. None when nothing in
/// it is recognised.
pub fn deadline_after_assignment(rest: &str, year: Option<i32>) -> Option<Deadline> {
    let (parsed, first) = parse_located(rest, year);
    if !parsed.understood {
        return None;
    }
    let mut deadline = parsed.deadline;
    if let Some(first) = first {
        let clause = rest[..first].rfind([',', ';']).map_or(0, |k| k + 1);
        deadline.text = clean_clause(&rest[clause..]);
    }
    Some(deadline)
}

/// The deadline in brackets that close a task's text: "… văn bản hướng dẫn (trong năm
/// 2013).", "… (Quý IV/2013, Quý I/2014 và thường xuyên)". The brackets must hold a
/// short time phrase from their first words on, with a date or ongoing work, or be a
/// condition as a whole ("(khi có yêu cầu)"): "(Mỹ, Nga, Trung Quốc...)" or a bracketed
/// list of work is not one.
pub fn closing_bracket_deadline(text: &str, year: Option<i32>) -> Option<Deadline> {
    let t = text.trim_end().trim_end_matches(['.', ';', ' ']);
    let inner = t.strip_suffix(')')?;
    let open = inner.rfind('(')?;
    let content = inner[open + 1..].trim();
    if content.split_whitespace().count() > 14 || content.contains(')') {
        return None;
    }
    // "Quyết định số 06/QĐ-TTg (ngày 06/01/2022)": the brackets date the citation.
    let dates_citation = crate::citation::find_citations(t).iter().any(|c| {
        c.range.contains(&open) || (c.range.end <= open && t[c.range.end..open].trim().is_empty())
    });
    if dates_citation {
        return None;
    }
    let (parsed, first) = parse_located(content, year);
    // The phrase starts within the first two words ("trong năm 2013", "năm 2013 và …").
    let lead_in = content
        .split_whitespace()
        .take(2)
        .map(str::len)
        .sum::<usize>()
        + 2;
    let dated = parsed.deadline.due.is_some() || parsed.deadline.ongoing;
    // "(khi có yêu cầu)": a bracket that is all condition ties the task to an event.
    let conditioned = parsed.deadline.condition.is_some() && first == Some(0);
    (parsed.understood && (dated || conditioned) && first.is_some_and(|f| f <= lead_in)).then(
        || {
            let mut deadline = parsed.deadline;
            deadline.text = clean_clause(content);
            deadline
        },
    )
}

/// The condition that closes a task's text: "… ban hành văn bản quy định chi tiết
/// theo lĩnh vực phụ trách khi Chính phủ và các Bộ, ngành ban hành các văn bản hướng
/// dẫn.": the work is due when that event comes. Only the end of the last sentence
/// counts, from its last `[condition] closing` word ("khi"; not "sau khi", "trước khi":
/// those order steps of the work), and only a short one that names an event.
pub fn closing_condition_deadline(text: &str) -> Option<Deadline> {
    /// Words a closing condition may have: an event, not a paragraph.
    const MAX_WORDS: usize = 24;
    let clause = last_clause(text);
    // Words and where they start, to find the trigger by its fold.
    let words: Vec<(usize, &str)> = clause
        .split(' ')
        .scan(0, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w))
        })
        .filter(|(_, w)| !w.is_empty())
        .collect();
    let is_in = |list: &[String], w: &str| list.contains(&crate::fold::fold(w));
    // The condition runs to the end, so its trigger is among the last words.
    let tail = words.len().saturating_sub(MAX_WORDS);
    let k = tail
        + words[tail..]
            .iter()
            .rposition(|(_, w)| is_in(&G.closing_trigger, w))?;
    if k == 0 || is_in(&G.closing_not_after, words[k - 1].1) {
        return None;
    }
    let condition = clean_clause(&clause[words[k].0..]);
    // An event is something that comes ("khi có hướng dẫn …") or that a body does
    // ("khi Chính phủ ban hành …"); "… lợi ích giữa các bên khi số hóa di sản" tells
    // of the work itself.
    let (event_at, first) = *words.get(k + 1)?;
    let comes = is_in(&G.event_openers, first);
    if !comes && crate::agency::subject_agencies(&clause[event_at..]).is_none() {
        return None;
    }
    Some(Deadline {
        text: condition.clone(),
        due: None,
        start: None,
        precision: None,
        ongoing: false,
        condition: Some(condition),
        recurrence: None,
    })
}

/// The time phrase that closes a task's text with no marker before it: "Hoàn thành,
/// báo cáo kết quả Ủy ban nhân dân tỉnh (qua Công an tỉnh) trong tháng 11/2025.", "Tổ
/// chức hội nghị sơ kết trong năm 2025.". Only the end of the last clause counts, from
/// one of its last `[inline] closing` words, and only when the rest of the clause is
/// periods (see [`closing_phrase`]): "… trong giai đoạn 2020-2023 dưới 15%" measures a
/// result, "… các nhiệm vụ trong Kế hoạch năm 2025" names a plan.
pub fn closing_time_deadline(text: &str, year: Option<i32>) -> Option<Deadline> {
    let clause = last_clause(text);
    // Where the clause's words start, from its last: the phrase is among the last few,
    // so only they are folded. Folding keeps the words, so the phrase's last words in the
    // fold are its last words as written.
    // (The clause's first word counts too: "…; nhiệm vụ thường xuyên.")
    let word_starts: Vec<usize> = std::iter::once(0)
        .chain(
            clause
                .match_indices(char::is_whitespace)
                .map(|(i, w)| i + w.len()),
        )
        .filter(|&i| !clause[i..].starts_with(char::is_whitespace))
        .rev()
        .take(MAX_CLOSING_WORDS)
        .collect();
    let tail = &clause[*word_starts.last()?..];
    let folded = crate::fold::fold(tail);
    // Most clauses hold no closing word at all.
    if !G.closing_time.occurs_in(&folded) {
        return None;
    }
    let words = std::iter::once(0)
        .chain(folded.match_indices(' ').map(|(i, _)| i + 1))
        .rev()
        .position(|i| closing_phrase(&folded[i..]).is_ok())?;
    let phrase = &clause[word_starts[words]..];
    let mut deadline = parse_deadline(phrase, year).deadline;
    deadline.text = clean_clause(phrase);
    Some(deadline)
}

/// The time of a completion or report verb written after the verb's object or
/// addressee, in the same clause: "hoàn thành việc phê duyệt quy hoạch trong quý II năm
/// 2026", "báo cáo Thủ tướng Chính phủ trong tháng 5 năm 2026" (the inline grammar wants
/// its time right after the marker). The verbs and limits are `[inline] object_markers`,
/// `addressed_markers`, `gap_connectors` and `max_gap` in `grammar/deadline.toml`. After
/// an addressed marker the words between must start with a capital (a name: "báo cáo
/// kết quả thực hiện trong năm 2023" reports on a year, it has no deadline). A verb in
/// the past ("đã hoàn thành") and dates of cited documents do not count.
pub fn gapped_deadline(text: &str, year: Option<i32>) -> Option<Deadline> {
    // Most texts that reach this last resort hold none of the verbs: no fold for them.
    if !G
        .gap_marker
        .phrases()
        .any(|m| crate::fold::may_hold(text, m))
    {
        return None;
    }
    let aligned = crate::fold::fold_exact_aligned(text);
    if aligned.as_ref().is_some_and(|f| !G.gap_marker.occurs_in(f)) {
        return None;
    }
    let view = match aligned {
        Some(f) => FoldedText::with_aligned(text, Some(f)),
        None => FoldedText::new(text),
    };
    let masked = mask_citations(&view);
    let folded = masked.folded.as_str();
    let starts: Vec<usize> = masked.word_starts().collect();
    for (k, &at) in starts.iter().enumerate() {
        let (rest, addressed) = match G.object_marker.parse(&folded[at..]) {
            Ok((rest, ())) => (rest, false),
            Err(_) => match G.addressed_marker.parse(&folded[at..]) {
                Ok((rest, ())) => (rest, true),
                Err(_) => continue,
            },
        };
        if ends_with_phrase(&folded[..at], &G.past_markers) {
            continue;
        }
        let marker_end = folded.len() - rest.len();
        if addressed {
            let after = masked.orig_range(marker_end..folded.len()).start;
            if !text[after..].trim_start().starts_with(char::is_uppercase) {
                continue;
            }
        }
        let gap_words = starts[k + 1..].iter().filter(|&&w| w >= marker_end);
        for &w in gap_words.take(G.max_gap + 1) {
            let gap = &folded[marker_end..w];
            if gap.contains([',', ';', '.', ':']) {
                break;
            }
            // The addressee comes first: its name is never the time.
            if addressed && gap.trim().is_empty() {
                continue;
            }
            // "báo cáo Thủ tướng Chính phủ hằng tháng": how often the report goes, as
            // the last words of its clause.
            if addressed && let Some(deadline) = closing_recurrence(text, &masked, w, year) {
                return Some(deadline);
            }
            let Ok((after, _)) =
                (word(|g| &g.gap_connector), space, point_item).parse(&folded[w..])
            else {
                continue;
            };
            let range = masked.orig_range(w..folded.len() - after.len());
            let Some(phrase) = text.get(range).map(str::trim) else {
                continue;
            };
            let mut deadline = parse_deadline(phrase, year).deadline;
            if deadline.due.is_none() {
                continue;
            }
            deadline.text = clean_clause(phrase);
            return Some(deadline);
        }
    }
    None
}

/// A recurrence at folded byte `w` that ends its clause ("hằng tháng." after a report's
/// addressee): nothing but the recurrence words before the next mark.
fn closing_recurrence(
    text: &str,
    masked: &FoldedText,
    w: usize,
    year: Option<i32>,
) -> Option<Deadline> {
    let folded = masked.folded.as_str();
    let end = folded[w..]
        .find([',', ';', '.'])
        .map_or(folded.len(), |k| w + k);
    let (rest, _) = recurrence_word(&folded[w..end]).ok()?;
    if !rest.trim().is_empty() {
        return None;
    }
    let phrase = text.get(masked.orig_range(w..end))?.trim();
    let parsed = parse_deadline(phrase, year);
    let mut deadline = parsed.deadline;
    (parsed.understood && deadline.recurrence.is_some()).then(|| {
        deadline.text = clean_clause(phrase);
        deadline
    })
}

/// The last clause of a task's text, where a closing condition or time stands: after
/// its last ". " and ";", closing marks trimmed.
fn last_clause(text: &str) -> &str {
    let body = text.trim_end().trim_end_matches(['.', ';', ' ']);
    let last_sentence = body.rsplit(". ").next().unwrap_or(body);
    last_sentence.rsplit(';').next().unwrap_or(last_sentence)
}

/// Words a closing time phrase may have: "trong năm 2025 và các năm tiếp theo".
const MAX_CLOSING_WORDS: usize = 12;

/// The deadline in a clause that opens a task's text and holds only its time: "Đến năm
/// 2020, phấn đấu đạt 100% …", "Trong quý III/2025, hoàn thành …". The clause runs to
/// the first comma and is a short time phrase from its first word, with a date or
/// ongoing work; a clause that opens otherwise ("Căn cứ …,") or runs long is not one.
pub fn opening_clause_deadline(text: &str, year: Option<i32>) -> Option<Deadline> {
    let clause = text.trim_start().split_once(',')?.0.trim();
    if clause.is_empty()
        || clause
            .split_whitespace()
            .nth(MAX_OPENING_CLAUSE_WORDS)
            .is_some()
    {
        return None;
    }
    let (parsed, first) = parse_located(clause, year);
    let dated = parsed.deadline.due.is_some() || parsed.deadline.ongoing;
    // The phrase starts at the first word, or at the second after a preposition ("Đến
    // năm 2020"), which is where the first word ends.
    let first_word = clause.split_whitespace().next().map_or(0, str::len);
    (parsed.understood && dated && first.is_some_and(|f| f <= first_word + 1)).then(|| {
        let mut deadline = parsed.deadline;
        deadline.text = clean_clause(clause);
        deadline
    })
}

/// Ongoing work named by the word that opens a task's text, with no comma after it:
/// "Thường xuyên kiểm tra chất lượng nước …", "Định kỳ tổ chức kiểm tra …" (a comma after
/// it makes an opening clause, [`opening_clause_deadline`]). The words are `[ongoing]` in
/// `grammar/deadline.toml`; the deadline's text is the word as printed.
pub fn opening_ongoing_deadline(text: &str) -> Option<Deadline> {
    let t = text.trim_start();
    let head: Vec<&str> = t.split_whitespace().take(4).collect();
    let folded = crate::fold::fold(&head.join(" "));
    let (rest, ()) = G.ongoing.parse(&folded).ok()?;
    // Whole words only, and work after them: not a task that is only the word.
    if !rest.starts_with(' ') {
        return None;
    }
    let words = folded[..folded.len() - rest.len()].split(' ').count();
    Some(Deadline {
        text: head[..words].join(" "),
        due: None,
        start: None,
        precision: None,
        ongoing: true,
        condition: None,
        recurrence: None,
    })
}

/// Words an opening time clause may have: "Trong 6 tháng đầu năm 2025".
const MAX_OPENING_CLAUSE_WORDS: usize = 7;

/// [`parse_deadline`], and the byte offset in `text` where its first recognised phrase
/// starts.
fn parse_located(text: &str, year: Option<i32>) -> (Parsed, Option<usize>) {
    let view = FoldedText::new(text);
    let masked = mask_citations(&view);
    let acc = scan(&masked, year);
    let first = acc.first.map(|f| view.orig_range(f..f).start);
    let understood = acc.understood();
    let condition = acc
        .condition
        .as_ref()
        .map(|r| clean_clause(text.get(view.orig_range(r.clone())).unwrap_or_default()))
        .filter(|c| !c.is_empty());
    let deadline = Deadline {
        text: clean_clause(text),
        due: acc.due.map(|(d, _)| d),
        start: acc.start,
        precision: acc.due.map(|(_, p)| p),
        ongoing: acc.ongoing,
        condition,
        recurrence: acc.rrule(),
    };
    (
        Parsed {
            deadline,
            understood,
        },
        first,
    )
}

/// Find a deadline phrase inside task prose, introduced by a marker ("Thời gian hoàn
/// thành trong tháng 02 năm 2024", "hoàn thành trước ngày 01/01/2025", "chậm nhất ngày
/// ..."). Returns the byte range of the phrase in `text` (marker included) and the
/// parsed deadline (its `text` = that slice, trimmed). None when the prose has no
/// marked deadline: a date without a marker ("sau ngày 31/12/2022 khi ...") is a fact
/// of the task, not its deadline.
pub fn find_inline_deadline(text: &str, year: Option<i32>) -> Option<(Range<usize>, Deadline)> {
    // Every phrase opens with a marker: prose whose fold has none (most of it) is done.
    // The check needs the fold to be the folded view's text, as the aligned fold is.
    let aligned = crate::fold::fold_exact_aligned(text);
    if aligned.as_ref().is_some_and(|f| !G.marker.occurs_in(f)) {
        return None;
    }
    let view = match aligned {
        Some(f) => FoldedText::with_aligned(text, Some(f)),
        None => FoldedText::new(text),
    };
    // Masking citations only removes matches (a masked token matches nothing), so prose
    // with no phrase at all, most of it, is done without looking for citations.
    let folded = view.folded.as_str();
    if !view
        .word_starts()
        .any(|start| inline_phrase(&folded[start..]).is_ok())
    {
        return None;
    }
    let masked = mask_citations(&view);
    let folded = masked.folded.as_str();
    let mut starts = masked.word_starts().peekable();
    while let Some(start) = starts.next() {
        let Ok((after, ())) = inline_phrase(&folded[start..]) else {
            continue;
        };
        let mut end = folded.len() - after.len();
        // A condition runs to the end of its clause.
        if inline_condition(&folded[start..]).is_ok_and(|(rest, ())| rest.len() == after.len()) {
            end = clause_end(folded, end);
        }
        let yielding = word(|g| &g.yielding_marker).parse(&folded[start..]);
        // "các nhiệm vụ đã hoàn thành trong năm 2023": work already done; "báo cáo kết
        // quả thực hiện trong năm 2023": a noun phrase. Neither is a deadline.
        let before = &folded[..start];
        if ends_with_phrase(before, &G.past_markers)
            || (yielding.is_ok() && ends_with_phrase(before, &G.yielding_nouns))
        {
            continue;
        }
        // After a yielding marker, a marker that reaches the same end is the phrase:
        // "thực hiện trước ngày 15 hằng tháng" is "trước ngày 15 hằng tháng", the minimal
        // phrase.
        let marker_end = yielding.map_or(end, |(rest, _)| folded.len() - rest.len());
        let mut start = start;
        while let Some(&next) = starts.peek() {
            if next >= end {
                break;
            }
            starts.next();
            if next >= marker_end
                && inline_phrase(&folded[next..]).is_ok_and(|(a, ())| a.len() == after.len())
            {
                start = next;
            }
        }
        let range = view.orig_range(start..end);
        let Some(slice) = text.get(range.clone()).map(str::trim) else {
            continue;
        };
        let mut deadline = parse_deadline(slice, year).deadline;
        deadline.text = slice.to_string();
        return Some((range, deadline));
    }
    None
}

/// Whether folded prose `before` a marker ends with one of `phrases` (folded), whole words.
fn ends_with_phrase(before: &str, phrases: &[String]) -> bool {
    let before = before.trim_end();
    phrases.iter().any(|p| {
        before
            .strip_suffix(p.as_str())
            .is_some_and(|head| head.is_empty() || head.ends_with(' '))
    })
}

/// Original byte ranges of a law's name up to its year ("Luật An ninh mạng 2025", "Luật
/// Đất đai năm 2024", "Bộ luật Lao động 2019"): the year names the law, not a time.
/// "pháp luật" is no name; a mark or a word of `[law_name] stops` in
/// `grammar/deadline.toml` ("trong", "đến", "trước") ends the search.
fn law_year_ranges(view: &FoldedText) -> Vec<Range<usize>> {
    let f = view.folded.as_str();
    if !f.contains("luật ") {
        return Vec::new();
    }
    let mut out = Vec::new();
    for start in view.word_starts() {
        let Some(rest) = f[start..].strip_prefix("luật ") else {
            continue;
        };
        let o = view.orig_range(start..start + 1).start;
        let named = view.original[o..].starts_with('L') || f[..start].ends_with("bộ ");
        if !named {
            continue;
        }
        let mut at = start + "luật ".len();
        for (k, word) in rest.split(' ').take(10).enumerate() {
            // A mark may be glued to the word ("2025.", "mạng,").
            let core = word.trim_end_matches(|c: char| !c.is_alphanumeric());
            let year = core.len() == 4
                && core.bytes().all(|b| b.is_ascii_digit())
                && core.starts_with(['1', '2']);
            if year && k > 0 {
                out.push(view.orig_range(start..at + core.len()));
                break;
            }
            let stops = core.len() < word.len()
                || core.is_empty()
                || !core.chars().all(char::is_alphabetic)
                || G.law_name_stops.iter().any(|w| w == core);
            if stops {
                break;
            }
            at += word.len() + 1;
        }
    }
    out
}

// ---------------------------------------------------------------------------------
// Shared lexical layer (also used by `citation`).

/// Parser result over folded text.
pub(crate) type Res<'a, T> = IResult<&'a str, T>;

/// A list of folded phrases, longest first, each with a payload.
pub(crate) struct Lexicon<T> {
    /// (folded phrase, payload, whether the phrase ends in a word character).
    entries: Vec<(String, T, bool)>,
    /// Indexes into `entries` by the phrase's first byte, longest first: a lookup
    /// compares only the phrases that can match (it runs at every word of a task).
    by_first_byte: Vec<Vec<usize>>,
}

impl<T: Copy> Lexicon<T> {
    /// Fold every phrase (so the data file may use any case or tone style).
    pub(crate) fn new(items: impl IntoIterator<Item = (String, T)>) -> Self {
        let mut entries: Vec<(String, T, bool)> = items
            .into_iter()
            .map(|(w, t)| {
                let w = crate::fold::fold(&w);
                let ends_in_word = w.chars().last().is_some_and(is_word_char);
                (w, t, ends_in_word)
            })
            .filter(|(w, _, _)| !w.is_empty())
            .collect();
        entries.sort_by_key(|(w, _, _)| std::cmp::Reverse(w.len()));
        let mut by_first_byte = vec![Vec::new(); 256];
        for (k, (w, _, _)) in entries.iter().enumerate() {
            by_first_byte[usize::from(w.as_bytes()[0])].push(k);
        }
        Lexicon {
            entries,
            by_first_byte,
        }
    }

    /// The folded phrases.
    pub(crate) fn phrases(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().map(|(w, _, _)| w.as_str())
    }

    /// The length of the longest phrase, in folded bytes.
    pub(crate) fn longest(&self) -> usize {
        self.entries
            .iter()
            .map(|(w, _, _)| w.len())
            .max()
            .unwrap_or(0)
    }

    /// Whether some phrase occurs anywhere in folded text `f` (a necessary condition
    /// for [`Lexicon::parse`] to match at any of its positions).
    pub(crate) fn occurs_in(&self, f: &str) -> bool {
        self.entries.iter().any(|(w, _, _)| f.contains(w.as_str()))
    }

    /// The longest phrase at the start of `i`, ending at a word boundary.
    pub(crate) fn parse<'a>(&self, i: &'a str) -> Res<'a, T> {
        let Some(&first) = i.as_bytes().first() else {
            return fail(i);
        };
        let second = i.as_bytes().get(1);
        for &k in &self.by_first_byte[usize::from(first)] {
            let (w, t, ends_in_word) = &self.entries[k];
            // The second byte rules out most candidates without a full comparison.
            if w.as_bytes().get(1).is_some_and(|b| Some(b) != second) {
                continue;
            }
            if let Some(rest) = i.strip_prefix(w.as_str())
                && (!ends_in_word || !starts_with_word_char(rest))
            {
                return Ok((rest, *t));
            }
        }
        fail(i)
    }
}

impl Lexicon<()> {
    fn plain(words: &[String]) -> Self {
        Lexicon::new(words.iter().map(|w| (w.clone(), ())))
    }
}

/// Letters, digits and combining marks make words; everything else is punctuation.
pub(crate) fn is_word_char(c: char) -> bool {
    crate::fold::is_alnum(c) || (!c.is_ascii() && unicode_normalization::char::is_combining_mark(c))
}

pub(crate) fn starts_with_word_char(s: &str) -> bool {
    s.chars().next().is_some_and(is_word_char)
}

pub(crate) fn fail<T>(i: &str) -> Res<'_, T> {
    Err(nom::Err::Error(nom::error::Error::new(
        i,
        nom::error::ErrorKind::Verify,
    )))
}

/// Folded text has exactly one space between spaced tokens.
pub(crate) fn space(i: &str) -> Res<'_, ()> {
    value((), char(' ')).parse(i)
}

pub(crate) fn opt_space(i: &str) -> Res<'_, ()> {
    value((), opt(char(' '))).parse(i)
}

/// An unsigned number of at most `max` digits, not glued to letters.
pub(crate) fn num<'a>(max: usize) -> impl FnMut(&'a str) -> Res<'a, u32> {
    move |i| {
        let (rest, digits) = digit1(i)?;
        if digits.len() > max || starts_with_word_char(rest) {
            return fail(i);
        }
        match digits.parse::<u32>() {
            Ok(n) => Ok((rest, n)),
            Err(_) => fail(i),
        }
    }
}

/// A plausible four-digit year (see `[limits]`); "20210" or "1800" fail.
pub(crate) fn year(i: &str) -> Res<'_, i32> {
    let (rest, digits) = digit1(i)?;
    let y: i32 = match digits.parse() {
        Ok(y) if digits.len() == 4 && !starts_with_word_char(rest) => y,
        _ => return fail(i),
    };
    if (G.min_year..=G.max_year).contains(&y) {
        Ok((rest, y))
    } else {
        fail(i)
    }
}

/// Three or more digits: something in year position, plausible or not.
fn long_number(i: &str) -> Res<'_, &str> {
    verify(digit1, |d: &str| d.len() >= 3).parse(i)
}

/// Whether `text` ends on a period noun ("Quý", "tháng", "ngày", "năm" in `[words]`),
/// which its number must follow: a line that does was cut inside a date ("- Thời gian
/// thực hiện: Quý" / "IV năm 2025 …").
pub(crate) fn ends_on_period_word(text: &str) -> bool {
    let Some(last) = text.trim_end().rsplit(' ').next() else {
        return false;
    };
    // The period words are short: longer words are ruled out before folding.
    if last.len() > 8 {
        return false;
    }
    let f = crate::fold::fold(last);
    [&G.day, &G.month, &G.quarter, &G.year_word]
        .iter()
        .any(|w| w.parse(&f).is_ok_and(|(rest, ())| rest.is_empty()))
}

/// A date cut between its period word and its number: "Trước ngày" / "01/3/2027",
/// "Năm" / "2026 (sau khi …)", "Quý" / "II/2026". (A period word with no number after
/// it ends its phrase: "Báo cáo hàng năm" / "Nhiệm vụ thường xuyên".)
pub(crate) fn cut_inside_date(prev: &str, next: &str) -> bool {
    let number = next.split([' ', '/', ',']).next().is_some_and(|w| {
        w.starts_with(|c: char| c.is_ascii_digit()) || crate::lines::roman_to_int(w).is_some()
    });
    number && (ends_on_period_word(prev) || ends_on_range_intro(prev))
}

/// Whether `text` ends on a range's intro (`[range] intro`: "Giai đoạn"), which its
/// years must follow.
fn ends_on_range_intro(text: &str) -> bool {
    let last: Vec<&str> = text.split_whitespace().rev().take(3).collect();
    // The intros are short words: a long last word rules the line out before folding.
    if last.first().is_none_or(|w| w.len() > 8) {
        return false;
    }
    let tail = crate::fold::fold(&last.into_iter().rev().collect::<Vec<_>>().join(" "));
    std::iter::once(0)
        .chain(tail.match_indices(' ').map(|(k, _)| k + 1))
        .any(|k| {
            G.range_intro
                .parse(&tail[k..])
                .is_ok_and(|(rest, ())| rest.is_empty())
        })
}

/// The day noun ("ngày"), for citations' issue dates.
pub(crate) fn day_word(i: &str) -> Res<'_, ()> {
    G.day.parse(i)
}

/// A calendar date as numbers: "30/6/2023", "30-6-2023", "30 tháng 6 năm 2023",
/// "15/3" (no year). Not validated: callers check the calendar.
pub(crate) fn calendar_date(i: &str) -> Res<'_, (u32, u32, Option<i32>)> {
    alt((numeric_dmy, textual_dmy)).parse(i)
}

/// Citations' byte ranges masked out of the folded view (borrowed when there are none).
fn mask_citations<'v, 'a>(view: &'v FoldedText<'a>) -> Cow<'v, FoldedText<'a>> {
    let mut ranges: Vec<Range<usize>> = citations_in(view).into_iter().map(|c| c.range).collect();
    let mut horizons = year_after_ranges(view, &G.horizon);
    horizons.extend(year_after_ranges(view, &G.topic_year));
    let laws = law_year_ranges(view);
    let idioms = not_time_ranges(view);
    if !horizons.is_empty() || !laws.is_empty() || !idioms.is_empty() {
        ranges.extend(horizons);
        ranges.extend(laws);
        ranges.extend(idioms);
        ranges.sort_by_key(|r| (r.start, r.end));
    }
    if ranges.is_empty() {
        Cow::Borrowed(view)
    } else {
        Cow::Owned(view.masked(&ranges))
    }
}

/// `words`, folded.
fn folded_words(words: &[String]) -> Vec<String> {
    words.iter().map(|w| crate::fold::fold(w)).collect()
}

/// Original byte ranges of the phrases in `[not_time]` ("chi thường xuyên").
fn not_time_ranges(view: &FoldedText) -> Vec<Range<usize>> {
    let f = view.folded.as_str();
    if !G.not_time.occurs_in(f) {
        return Vec::new();
    }
    view.word_starts()
        .filter_map(|start| {
            let (rest, ()) = G.not_time.parse(&f[start..]).ok()?;
            Some(view.orig_range(start..f.len() - rest.len()))
        })
        .collect()
}

/// Original byte ranges of `words` and the year after them: horizons ("tầm nhìn đến năm
/// 2045", "có xét đến năm 2050", the year a strategy looks ahead to) and the year a
/// summary covers ("tổng kết năm 2025"), neither a time for the work.
fn year_after_ranges(view: &FoldedText, words: &Lexicon<()>) -> Vec<Range<usize>> {
    let f = view.folded.as_str();
    if !words.occurs_in(f) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for start in view.word_starts() {
        let Ok((rest, ())) = words.parse(&f[start..]) else {
            continue;
        };
        let after = rest.trim_start();
        let after = G
            .year_word
            .parse(after)
            .map_or(after, |(r, ())| r.trim_start());
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 4 {
            let end = f.len() - after.len() + digits;
            out.push(view.orig_range(start..end));
        }
    }
    out
}

// ---------------------------------------------------------------------------------
// Vocabulary loaded from grammar/deadline.toml.

static G: LazyLock<Grammar> = LazyLock::new(|| {
    let raw: RawGrammar = toml::from_str(include_str!("../grammar/deadline.toml"))
        .expect("grammar/deadline.toml is valid (checked by tests)");
    Grammar::from_raw(raw)
});

#[derive(Deserialize)]
struct RawGrammar {
    words: RawWords,
    limits: RawLimits,
    half: Vec<RawHalf>,
    school_year: RawSchoolYear,
    tet: RawTet,
    range: RawRange,
    start: RawStart,
    ongoing: RawList,
    recurrence: Vec<RawRecurrence>,
    condition: RawTriggers,
    inline: RawInline,
    horizon: RawList,
    topic_year: RawList,
    not_time: RawList,
    law_name: RawLawName,
}

#[derive(Deserialize)]
struct RawLawName {
    stops: Vec<String>,
}

#[derive(Deserialize)]
struct RawWords {
    day: Vec<String>,
    month: Vec<String>,
    quarter: Vec<String>,
    year: Vec<String>,
    quarter_numerals: Vec<String>,
    date_separators: Vec<String>,
    day_month_intro: Vec<String>,
}

#[derive(Deserialize)]
struct RawLimits {
    min_year: i32,
    max_year: i32,
}

#[derive(Deserialize)]
struct RawHalf {
    end_month: u32,
    words: Vec<String>,
}

#[derive(Deserialize)]
struct RawSchoolYear {
    words: Vec<String>,
    start_month: u32,
    end_month: u32,
    terms: Vec<RawHalf>,
}

#[derive(Deserialize)]
struct RawTet {
    words: Vec<String>,
    stems: Vec<Vec<String>>,
    branches: Vec<Vec<String>>,
    first_year: i32,
    dates: Vec<NaiveDate>,
}

#[derive(Deserialize)]
struct RawRange {
    intro: Vec<String>,
    separator: Vec<String>,
}

#[derive(Deserialize)]
struct RawStart {
    words: Vec<String>,
    tail: Vec<String>,
}

#[derive(Deserialize)]
struct RawList {
    words: Vec<String>,
}

#[derive(Deserialize)]
struct RawRecurrence {
    rule: String,
    words: Vec<String>,
    #[serde(default)]
    day_of_month: bool,
}

#[derive(Deserialize)]
struct RawTriggers {
    triggers: Vec<String>,
    closing: Vec<String>,
    closing_not_after: Vec<String>,
    event_openers: Vec<String>,
    /// Relative deadlines: "trong 30 ngày kể từ ngày ký" (an event-bound condition).
    relative_intro: Vec<String>,
    relative_units: Vec<String>,
    relative_links: Vec<String>,
}

#[derive(Deserialize)]
struct RawInline {
    markers: Vec<String>,
    condition_markers: Vec<String>,
    yielding: Vec<String>,
    yielding_nouns: Vec<String>,
    connectors: Vec<String>,
    past: Vec<String>,
    time_of_day: Vec<String>,
    closing: Vec<String>,
    closing_links: Vec<String>,
    object_markers: Vec<String>,
    addressed_markers: Vec<String>,
    gap_connectors: Vec<String>,
    max_gap: usize,
    named_markers: Vec<String>,
    max_named: usize,
}

struct Rule {
    rule: String,
    day_of_month: bool,
}

struct Grammar {
    day: Lexicon<()>,
    month: Lexicon<()>,
    quarter: Lexicon<()>,
    year_word: Lexicon<()>,
    quarter_numeral: Lexicon<u32>,
    date_sep: Lexicon<()>,
    day_month_intro: Lexicon<()>,
    min_year: i32,
    max_year: i32,
    half: Lexicon<u32>,
    school_year: Lexicon<()>,
    /// A term's last month, by the words naming it ("học kỳ I").
    school_term: Lexicon<u32>,
    school_start_month: u32,
    school_end_month: u32,
    tet: Lexicon<()>,
    /// The year's name: its stem (0 = "Giáp") and its branch (0 = "Tý").
    tet_stem: Lexicon<u32>,
    tet_branch: Lexicon<u32>,
    tet_first_year: i32,
    tet_dates: Vec<NaiveDate>,
    range_intro: Lexicon<()>,
    range_sep: Lexicon<()>,
    start: Lexicon<()>,
    start_tail: Lexicon<()>,
    ongoing: Lexicon<()>,
    recurrence: Lexicon<usize>,
    rules: Vec<Rule>,
    trigger: Lexicon<()>,
    relative_intro: Lexicon<()>,
    relative_unit: Lexicon<()>,
    relative_link: Lexicon<()>,
    marker: Lexicon<()>,
    /// Markers after which a condition trigger starts the deadline (`condition_markers`).
    condition_marker: Lexicon<()>,
    /// Markers that give way to a marker after them (see `inline.yielding`).
    yielding_marker: Lexicon<()>,
    connector: Lexicon<()>,
    /// Units of a time of day after a number ("19h00", "16 giờ").
    time_of_day: Vec<String>,
    /// Words that open a time phrase closing a task's text, and that join its periods
    /// (`[inline] closing`, `closing_links`).
    closing_time: Lexicon<()>,
    closing_link: Lexicon<()>,
    /// Verbs whose time may follow their object or addressee, and the words that then
    /// open the time (`[inline] object_markers`, `addressed_markers`, `gap_connectors`).
    object_marker: Lexicon<()>,
    addressed_marker: Lexicon<()>,
    gap_marker: Lexicon<()>,
    gap_connector: Lexicon<()>,
    max_gap: usize,
    /// Time nouns a word or two may follow before the time, naming what is timed
    /// (`[inline] named_markers`, `max_named`).
    named_marker: Lexicon<()>,
    max_named: usize,
    /// Words that put a marker in the past ("đã hoàn thành"), folded.
    past_markers: Vec<String>,
    /// `[condition] closing`, `closing_not_after`, `event_openers`, folded.
    closing_trigger: Vec<String>,
    closing_not_after: Vec<String>,
    event_openers: Vec<String>,
    /// Words that make a yielding marker part of a noun phrase ("kết quả thực hiện").
    yielding_nouns: Vec<String>,
    /// Every phrase an item can open with (see [`may_open_item`]).
    item_openers: Lexicon<()>,
    /// Words before a horizon year ("tầm nhìn đến năm 2045"), masked like citations.
    horizon: Lexicon<()>,
    /// Words before the year a summary covers ("tổng kết năm 2025"), masked alike.
    topic_year: Lexicon<()>,
    /// Phrases that hold a time word but name something else ("chi thường xuyên",
    /// recurrent spending), masked like citations.
    not_time: Lexicon<()>,
    /// Words that end a law's name before any year ("Luật Đất đai trong năm 2025").
    law_name_stops: Vec<String>,
}

impl Grammar {
    fn from_raw(raw: RawGrammar) -> Self {
        let numerals = raw.words.quarter_numerals.iter().cloned().zip(1u32..=4);
        let halves = raw
            .half
            .iter()
            .flat_map(|h| h.words.iter().map(|w| (w.clone(), h.end_month)));
        let terms = raw
            .school_year
            .terms
            .iter()
            .filter(|t| (1..=12).contains(&t.end_month))
            .flat_map(|t| t.words.iter().map(|w| (w.clone(), t.end_month)));
        let numbered = |groups: &[Vec<String>]| {
            (0u32..)
                .zip(groups)
                .flat_map(|(k, words)| words.iter().map(move |w| (w.clone(), k)))
                .collect::<Vec<_>>()
        };
        let recurrence = raw
            .recurrence
            .iter()
            .enumerate()
            .flat_map(|(k, r)| r.words.iter().map(move |w| (w.clone(), k)));
        let mut g = Grammar {
            day: Lexicon::plain(&raw.words.day),
            month: Lexicon::plain(&raw.words.month),
            quarter: Lexicon::plain(&raw.words.quarter),
            year_word: Lexicon::plain(&raw.words.year),
            quarter_numeral: Lexicon::new(numerals),
            date_sep: Lexicon::plain(&raw.words.date_separators),
            day_month_intro: Lexicon::plain(&raw.words.day_month_intro),
            min_year: raw.limits.min_year,
            max_year: raw.limits.max_year,
            half: Lexicon::new(halves.filter(|(_, m)| (1..=12).contains(m))),
            school_year: Lexicon::plain(&raw.school_year.words),
            school_term: Lexicon::new(terms),
            school_start_month: raw.school_year.start_month.clamp(1, 12),
            school_end_month: raw.school_year.end_month.clamp(1, 12),
            tet: Lexicon::plain(&raw.tet.words),
            tet_stem: Lexicon::new(numbered(&raw.tet.stems)),
            tet_branch: Lexicon::new(numbered(&raw.tet.branches)),
            tet_first_year: raw.tet.first_year,
            tet_dates: raw.tet.dates,
            range_intro: Lexicon::plain(&raw.range.intro),
            range_sep: Lexicon::plain(&raw.range.separator),
            start: Lexicon::plain(&raw.start.words),
            start_tail: Lexicon::plain(&raw.start.tail),
            ongoing: Lexicon::plain(&raw.ongoing.words),
            recurrence: Lexicon::new(recurrence),
            rules: raw
                .recurrence
                .into_iter()
                .map(|r| Rule {
                    rule: r.rule,
                    day_of_month: r.day_of_month,
                })
                .collect(),
            trigger: Lexicon::plain(&raw.condition.triggers),
            relative_intro: Lexicon::plain(&raw.condition.relative_intro),
            relative_unit: Lexicon::plain(&raw.condition.relative_units),
            relative_link: Lexicon::plain(&raw.condition.relative_links),
            marker: Lexicon::plain(&raw.inline.markers),
            condition_marker: Lexicon::plain(&raw.inline.condition_markers),
            yielding_marker: Lexicon::plain(&raw.inline.yielding),
            connector: Lexicon::plain(&raw.inline.connectors),
            time_of_day: folded_words(&raw.inline.time_of_day),
            closing_time: Lexicon::plain(&raw.inline.closing),
            closing_link: Lexicon::plain(&raw.inline.closing_links),
            object_marker: Lexicon::plain(&raw.inline.object_markers),
            addressed_marker: Lexicon::plain(&raw.inline.addressed_markers),
            gap_marker: Lexicon::plain(
                &[
                    &raw.inline.object_markers[..],
                    &raw.inline.addressed_markers[..],
                ]
                .concat(),
            ),
            gap_connector: Lexicon::plain(&raw.inline.gap_connectors),
            max_gap: raw.inline.max_gap,
            named_marker: Lexicon::plain(&raw.inline.named_markers),
            max_named: raw.inline.max_named,
            past_markers: raw
                .inline
                .past
                .iter()
                .map(|w| crate::fold::fold(w))
                .collect(),
            closing_trigger: folded_words(&raw.condition.closing),
            closing_not_after: folded_words(&raw.condition.closing_not_after),
            event_openers: folded_words(&raw.condition.event_openers),
            yielding_nouns: raw
                .inline
                .yielding_nouns
                .iter()
                .map(|w| crate::fold::fold(w))
                .collect(),
            item_openers: Lexicon::new(Vec::new()),
            horizon: Lexicon::plain(&raw.horizon.words),
            topic_year: Lexicon::plain(&raw.topic_year.words),
            not_time: Lexicon::plain(&raw.not_time.words),
            law_name_stops: raw
                .law_name
                .stops
                .iter()
                .map(|w| crate::fold::fold(w))
                .collect(),
        };
        g.item_openers = Lexicon::new(
            [
                &g.trigger,
                &g.relative_intro,
                &g.day,
                &g.ongoing,
                &g.range_intro,
                &g.start,
                &g.quarter,
                &g.month,
                &g.year_word,
                &g.day_month_intro,
            ]
            .into_iter()
            .flat_map(Lexicon::phrases)
            .chain(g.recurrence.phrases())
            .chain(g.half.phrases())
            .chain(g.school_year.phrases())
            .chain(g.school_term.phrases())
            .chain(g.tet.phrases())
            .map(|p| (p.to_owned(), ()))
            .collect::<Vec<_>>(),
        );
        g
    }
}

/// A parser for one of the grammar's word lists.
fn word<'a>(
    pick: fn(&'static Grammar) -> &'static Lexicon<()>,
) -> impl FnMut(&'a str) -> Res<'a, ()> {
    move |i| pick(&G).parse(i)
}

// ---------------------------------------------------------------------------------
// Periods.

/// A date or period as written; the year may be missing (taken from the plan).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Period {
    Day {
        d: u32,
        m: u32,
        y: Option<i32>,
    },
    Month {
        m: u32,
        y: Option<i32>,
    },
    Quarter {
        q: u32,
        y: Option<i32>,
    },
    Half {
        end_month: u32,
        y: Option<i32>,
    },
    Year {
        y: i32,
    },
    /// A school year or one of its terms: "năm học 2024 - 2025" (`first` 2024) ends in
    /// `end_month` of 2025 (of 2024 for a month from `[school_year] start_month` on).
    School {
        first: i32,
        end_month: u32,
    },
    /// New Year's Day of the lunar year, by its number or by its name's place in the
    /// sixty-year cycle (0 = "Giáp Tý").
    Tet {
        y: Option<i32>,
        cycle: Option<u32>,
    },
}

impl Period {
    fn year(self) -> Option<i32> {
        match self {
            Period::Day { y, .. }
            | Period::Month { y, .. }
            | Period::Quarter { y, .. }
            | Period::Half { y, .. }
            | Period::Tet { y, .. } => y,
            Period::Year { y } => Some(y),
            Period::School { first, end_month } => Some(school_month_year(first, end_month)),
        }
    }

    /// First day, last day and precision; None for invalid dates or an unknown year.
    fn bounds(self, default_year: Option<i32>) -> Option<(NaiveDate, NaiveDate, Precision)> {
        if let Period::Tet { y: None, cycle } = self {
            let y = cycle_year(cycle?, default_year?);
            return tet_bounds(y);
        }
        let y = self.year().or(default_year)?;
        match self {
            Period::Day { d, m, .. } => {
                let date = NaiveDate::from_ymd_opt(y, m, d)?;
                Some((date, date, Precision::Day))
            }
            Period::Month { m, .. } => Some((first_of(y, m)?, last_of(y, m)?, Precision::Month)),
            Period::Quarter { q, .. } => Some((
                first_of(y, q * 3 - 2)?,
                last_of(y, q * 3)?,
                Precision::Quarter,
            )),
            Period::Half { end_month, .. } => {
                let first = end_month.saturating_sub(5).max(1);
                Some((first_of(y, first)?, last_of(y, end_month)?, Precision::Half))
            }
            Period::Year { .. } => Some((first_of(y, 1)?, last_of(y, 12)?, Precision::Year)),
            Period::School { first, end_month } => Some((
                first_of(first, G.school_start_month)?,
                last_of(y, end_month)?,
                Precision::Month,
            )),
            Period::Tet { .. } => tet_bounds(y),
        }
    }
}

/// The calendar year of a school year's month: months from `start_month` on are in the
/// first year.
fn school_month_year(first: i32, month: u32) -> i32 {
    if month >= G.school_start_month {
        first
    } else {
        first.saturating_add(1)
    }
}

/// The year of the sixty-year `cycle` place nearest `near` (a year Y is place
/// (Y - 4) mod 60).
fn cycle_year(cycle: u32, near: i32) -> i32 {
    let place = i64::from(near - 4).rem_euclid(60);
    let diff = (i64::from(cycle) - place).rem_euclid(60);
    // From 30 places on, the previous round is nearer.
    let diff = if diff >= 30 { diff - 60 } else { diff };
    near.saturating_add(i32::try_from(diff).unwrap_or(0))
}

fn tet_bounds(y: i32) -> Option<(NaiveDate, NaiveDate, Precision)> {
    let k = usize::try_from(y.checked_sub(G.tet_first_year)?).ok()?;
    let day = *G.tet_dates.get(k)?;
    Some((day, day, Precision::Day))
}

fn first_of(y: i32, m: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, 1)
}

fn last_of(y: i32, m: u32) -> Option<NaiveDate> {
    let next = if m == 12 {
        NaiveDate::from_ymd_opt(y.checked_add(1)?, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(y, m + 1, 1)
    };
    next?.pred_opt().filter(|d| d.month() == m)
}

/// period = school | half | tet | quarter | day | month | year
fn period(i: &str) -> Res<'_, Period> {
    alt((
        // Before halves: "đầu năm học 2024 - 2025" is no "đầu năm".
        school_period,
        half_period,
        tet_period,
        quarter_period,
        day_period,
        month_period,
        year_period,
    ))
    .parse(i)
}

/// "6 tháng đầu năm 2024", "cuối năm", "nửa đầu năm".
fn half_period(i: &str) -> Res<'_, Period> {
    let (rest, end_month) = G.half.parse(i)?;
    let (rest, y) = year_tail(true)(rest)?;
    Ok((rest, Period::Half { end_month, y }))
}

/// "năm học 2024 - 2025", "học kỳ I năm học 2024-2025": the school year's (or term's)
/// last month. The second year must follow the first.
fn school_period(i: &str) -> Res<'_, Period> {
    let (rest, term) =
        opt(nom::sequence::terminated(|i| G.school_term.parse(i), space)).parse(i)?;
    let (rest, (_, _, first, _, _, _, second)) = (
        word(|g| &g.school_year),
        space,
        year,
        opt_space,
        word(|g| &g.range_sep),
        opt_space,
        year,
    )
        .parse(rest)?;
    if second != first + 1 {
        return fail(i);
    }
    let end_month = term.unwrap_or(G.school_end_month);
    Ok((rest, Period::School { first, end_month }))
}

/// "Tết Nguyên đán 2025", "Tết Nguyên đán Giáp Thìn năm 2024", "Tết Ất Tỵ": the lunar
/// New Year's Day, by year number or by the year's name.
fn tet_period(i: &str) -> Res<'_, Period> {
    let name = (
        space,
        |i| G.tet_stem.parse(i),
        space,
        |i| G.tet_branch.parse(i),
    );
    let (rest, (_, named, y)) = (word(|g| &g.tet), opt(name), year_tail(true)).parse(i)?;
    // A stem and a branch name one place of the cycle only when both are even or both
    // odd ("Giáp Tý", not "Giáp Sửu").
    let cycle = match named {
        Some((_, s, _, b)) if s % 2 == b % 2 => {
            Some((0..60).find(|k| k % 10 == s && k % 12 == b).unwrap_or(0))
        }
        Some(_) => return fail(i),
        None => None,
    };
    if y.is_none() && cycle.is_none() {
        return fail(i);
    }
    Ok((rest, Period::Tet { y, cycle }))
}

/// "Quý I/2023", "quý II năm 2024", "quý 3", and lists sharing one year ("Quý I, II/2024",
/// "quý III và IV năm 2024"): the period is the last quarter listed.
fn quarter_period(i: &str) -> Res<'_, Period> {
    // A listed quarter is a whole token: in "Quý III, 2024" the "2" of 2024 is no quarter.
    let more = many0(preceded(
        (opt_space, alt((tag(","), tag("và"))), opt_space),
        nom::sequence::terminated(quarter_number, nom::combinator::not(digit1)),
    ));
    let (rest, (_, _, first, others, y)) = (
        word(|g| &g.quarter),
        space,
        quarter_number,
        more,
        year_tail(true),
    )
        .parse(i)?;
    let q = others.last().copied().unwrap_or(first);
    Ok((rest, Period::Quarter { q, y }))
}

/// "I".."IV" (from the grammar file) or 1..4.
fn quarter_number(i: &str) -> Res<'_, u32> {
    if let Ok(found) = G.quarter_numeral.parse(i) {
        return Ok(found);
    }
    verify(num(1), |q: &u32| (1..=4).contains(q)).parse(i)
}

/// "ngày 30/6/2023", "30-6-2023", "ngày 30 tháng 6 năm 2023", "ngày 15/3" and "trước
/// 31/12" (plan year). Without "ngày" or an intro word ("trước", "đến") a year is
/// required: a bare "15/3" is too ambiguous.
fn day_period(i: &str) -> Res<'_, Period> {
    let (rest, intro) = opt((word(|g| &g.day_month_intro), space)).parse(i)?;
    let (rest, day_word) = opt((word(|g| &g.day), opt_space)).parse(rest)?;
    if day_word.is_none() && intro.is_none() && mixed_separators(rest) {
        return fail(i);
    }
    let (rest, (d, m, y)) = calendar_date(rest)?;
    if y.is_none() && day_word.is_none() && intro.is_none() {
        return fail(i);
    }
    Ok((rest, Period::Day { d, m, y }))
}

/// "30/6/2023", "30-6-2023".
fn numeric_dmy(i: &str) -> Res<'_, (u32, u32, Option<i32>)> {
    let (rest, (d, _, m, y)) = (num(2), tight_sep, num(2), year_tail(false)).parse(i)?;
    Ok((rest, (d, m, y)))
}

/// Whether a numeric date at `i` joins its day and month with one separator and its
/// year with another: after "ngày" or "trước" that is a date ("ngày 30-6/2025"), alone
/// "10-11/2019" is months 10 to 11 (see [`month_range`]).
fn mixed_separators(i: &str) -> bool {
    let mut seps = (
        num(2),
        recognize(tight_sep),
        num(2),
        recognize(tight_sep),
        year,
    );
    seps.parse(i)
        .is_ok_and(|(_, (_, first, _, second, _))| first != second)
}

fn textual_dmy(i: &str) -> Res<'_, (u32, u32, Option<i32>)> {
    let (rest, (d, _, _, _, m, y)) = (
        num(2),
        space,
        word(|g| &g.month),
        space,
        num(2),
        year_tail(false),
    )
        .parse(i)?;
    Ok((rest, (d, m, y)))
}

/// "tháng 3/2023", "tháng 02 năm 2024", "tháng 6" (plan year), bare "6/2025".
fn month_period(i: &str) -> Res<'_, Period> {
    let (rest, (m, y)) = verify(alt((named_month, bare_month)), |x: &(u32, Option<i32>)| {
        (1..=12).contains(&x.0)
    })
    .parse(i)?;
    Ok((rest, Period::Month { m, y }))
}

/// "tháng 6/2024", "tháng 6 năm 2024", "tháng 6"; a list sharing one year ("tháng 11,
/// 12/2013", "tháng 11 và 12 năm 2013") is its last month, and needs the year.
fn named_month(i: &str) -> Res<'_, (u32, Option<i32>)> {
    let (rest, (_, _, m)) = (word(|g| &g.month), space, num(2)).parse(i)?;
    let more = many_m_n(
        1,
        11,
        preceded(
            (opt_space, alt((tag(","), tag("và"))), opt_space),
            nom::sequence::terminated(num(2), nom::combinator::not(digit1)),
        ),
    );
    if let Ok((after, (others, Some(y)))) = (more, year_tail(false)).parse(rest) {
        let last = others.last().copied().unwrap_or(m);
        return Ok((after, (last, Some(y))));
    }
    let (rest, y) = year_tail(false)(rest)?;
    Ok((rest, (m, y)))
}

fn bare_month(i: &str) -> Res<'_, (u32, Option<i32>)> {
    let (rest, (m, _, y)) = (num(2), tight_sep, year).parse(i)?;
    Ok((rest, (m, Some(y))))
}

/// "năm 2024", bare "2024".
fn year_period(i: &str) -> Res<'_, Period> {
    let (rest, y) = preceded(opt((word(|g| &g.year_word), space)), year).parse(i)?;
    Ok((rest, Period::Year { y }))
}

/// A date separator, optionally spaced: "/", " / ", "-", ".".
fn sep(i: &str) -> Res<'_, ()> {
    value((), (opt_space, tight_sep, opt_space)).parse(i)
}

/// A date separator glued to its neighbours, for numeric forms without a keyword.
fn tight_sep(i: &str) -> Res<'_, ()> {
    G.date_sep.parse(i)
}

/// Optional year after a day, month, quarter or half: "/2023", " năm 2023", and (when
/// `bare`) " 2023". A number of three or more digits in year position that is not a
/// plausible year ("tháng 3/20210") fails the whole phrase instead of being ignored.
fn year_tail<'a>(bare: bool) -> impl FnMut(&'a str) -> Res<'a, Option<i32>> {
    move |i| {
        let spelled = || (space, word(|g| &g.year_word), space);
        if let Ok((rest, y)) = preceded(sep, year).parse(i) {
            return Ok((rest, Some(y)));
        }
        if let Ok((rest, y)) = preceded(spelled(), year).parse(i) {
            return Ok((rest, Some(y)));
        }
        // "Quý III 2025", and "Quý III, 2025" where a comma stands for "năm".
        if bare && let Ok((rest, y)) = preceded((opt(char(',')), space), year).parse(i) {
            return Ok((rest, Some(y)));
        }
        let bad = preceded(sep, long_number).parse(i).is_ok()
            || preceded(spelled(), long_number).parse(i).is_ok()
            || (bare && preceded(space, long_number).parse(i).is_ok());
        if bad { fail(i) } else { Ok((i, None)) }
    }
}

// ---------------------------------------------------------------------------------
// Phrase items and the scan.

/// One recognised phrase.
#[derive(Debug, Clone, Copy)]
enum Item {
    Condition,
    Recurrence {
        rule: usize,
        day: Option<u32>,
    },
    /// "ngày 20" with no month: the day of a monthly recurrence elsewhere in the phrase
    /// ("Định kỳ hằng tháng, trước ngày 20").
    MonthDay(u32),
    Ongoing,
    Range(Period, Period),
    /// A start, and whether a tail ("trở đi") leaves the work open-ended.
    Start(Period, bool),
    Point(Period),
}

/// Whether an [`item`] can start at `i`. Every item opens with a number or with a phrase
/// of one of the lexicons its alternatives start with (their FIRST set, gathered in
/// `item_openers`), so one lookup rules out most word starts before the alternatives
/// are tried one by one.
fn may_open_item(i: &str) -> bool {
    i.as_bytes().first().is_some_and(u8::is_ascii_digit) || G.item_openers.parse(i).is_ok()
}

/// item = condition | recurrence | ongoing | range | start | point
fn item(i: &str) -> Res<'_, Item> {
    alt((
        value(Item::Condition, word(|g| &g.trigger)),
        relative_item,
        recurrence_on_day,
        recurrence_item,
        ongoing_item,
        range_item,
        start_item,
        point_item,
        month_day_item,
    ))
    .parse(i)
}

fn ongoing_item(i: &str) -> Res<'_, Item> {
    value(Item::Ongoing, word(|g| &g.ongoing)).parse(i)
}

/// "ngày 20" not followed by a month (a full date is a point, tried first).
fn month_day_item(i: &str) -> Res<'_, Item> {
    let (rest, (_, _, day)) = (
        word(|g| &g.day),
        space,
        verify(num(2), |d| (1..=31).contains(d)),
    )
        .parse(i)?;
    Ok((rest, Item::MonthDay(day)))
}

/// "trong (vòng) 30 ngày kể từ ngày ký", "15 ngày làm việc sau khi ...": a duration
/// counted from an event is a condition (the due date depends on the event).
fn relative_item(i: &str) -> Res<'_, Item> {
    let (rest, _) = (
        opt((word(|g| &g.relative_intro), space)),
        verify(digit1, |d: &str| d.len() <= 3),
        space,
        word(|g| &g.relative_unit),
        space,
        word(|g| &g.relative_link),
    )
        .parse(i)?;
    Ok((rest, Item::Condition))
}

/// "ngày 15 hàng tháng" → monthly on the 15th.
fn recurrence_on_day(i: &str) -> Res<'_, Item> {
    let (rest, (_, _, day, _, rule)) = (
        word(|g| &g.day),
        space,
        verify(num(2), |d| (1..=31).contains(d)),
        space,
        verify(recurrence_word, |k: &usize| {
            G.rules.get(*k).is_some_and(|r| r.day_of_month)
        }),
    )
        .parse(i)?;
    Ok((
        rest,
        Item::Recurrence {
            rule,
            day: Some(day),
        },
    ))
}

fn recurrence_word(i: &str) -> Res<'_, usize> {
    G.recurrence.parse(i)
}

fn recurrence_item(i: &str) -> Res<'_, Item> {
    let (rest, rule) = recurrence_word(i)?;
    Ok((rest, Item::Recurrence { rule, day: None }))
}

fn point_item(i: &str) -> Res<'_, Item> {
    let (rest, p) = period(i)?;
    Ok((rest, Item::Point(p)))
}

/// "[từ | giai đoạn] <period> (- | đến) <period>", or [`month_range`].
fn range_item(i: &str) -> Res<'_, Item> {
    if let Ok((rest, (from, to))) = month_range(i) {
        return Ok((rest, Item::Range(from, to)));
    }
    let (rest, (_, from, _, _, _)) = (
        opt((word(|g| &g.range_intro), space)),
        period,
        opt_space,
        word(|g| &g.range_sep),
        opt_space,
    )
        .parse(i)?;
    // "Quý III - IV/2024": after a quarter, the second may omit "Quý".
    let (rest, to) = match from {
        Period::Quarter { .. } => alt((bare_quarter, period)).parse(rest)?,
        _ => period(rest)?,
    };
    Ok((rest, Item::Range(from, to)))
}

/// Months of one year, the year written once: "10-11/2019", "01-4/2021" (a time column
/// of a task table). The first month comes first.
fn month_range(i: &str) -> Res<'_, (Period, Period)> {
    let (rest, (m1, _, _, _, m2, _, y)) = (
        num(2),
        opt_space,
        word(|g| &g.range_sep),
        opt_space,
        num(2),
        tight_sep,
        year,
    )
        .parse(i)?;
    if !(1..=12).contains(&m1) || !(1..=12).contains(&m2) || m1 >= m2 {
        return fail(i);
    }
    let month = |m| Period::Month { m, y: Some(y) };
    Ok((rest, (month(m1), month(m2))))
}

/// A quarter number without "Quý", ending a range of quarters: "IV/2024", "4 năm 2024".
fn bare_quarter(i: &str) -> Res<'_, Period> {
    let (rest, (q, _, y)) = (
        quarter_number,
        nom::combinator::not(digit1),
        year_tail(true),
    )
        .parse(i)?;
    Ok((rest, Period::Quarter { q, y }))
}

/// "bắt đầu từ <period> [trở đi]"; the tail leaves the work open-ended (ongoing).
fn start_item(i: &str) -> Res<'_, Item> {
    let (rest, (_, _, p, tail)) = (
        word(|g| &g.start),
        opt_space,
        period,
        opt((space, word(|g| &g.start_tail))),
    )
        .parse(i)?;
    Ok((rest, Item::Start(p, tail.is_some())))
}

/// closing = closing-word period { link period } end: "trong tháng 11/2025", "trong năm
/// 2025 và các năm tiếp theo", the whole of what is left of a task's last clause.
fn closing_phrase(i: &str) -> Res<'_, ()> {
    let period = || alt((range_item, point_item, ongoing_item));
    let link = (
        opt(char(',')),
        space,
        opt((word(|g| &g.closing_link), space)),
    );
    value(
        (),
        (
            word(|g| &g.closing_time),
            space,
            period(),
            many0(preceded(link, period())),
            eof,
        ),
    )
    .parse(i)
}

/// "<marker> {connector} <range | period>": the inline deadline shape.
fn inline_phrase(i: &str) -> Res<'_, ()> {
    // "báo cáo trước ngày 15 hằng tháng": a periodic duty, not a one-off date.
    // "... định kỳ hằng quý": a period word after the marker is a recurrence.
    // "Thời gian: thường xuyên": ongoing work after a marker.
    // "trước ngày 25/12 hàng năm": a recurrence right after the date is the phrase's,
    // also joined by a link ("trước ngày 20/11/2025 và hàng tháng": then monthly).
    let point = nom::combinator::map(
        (
            point_item,
            opt(preceded(
                (space, opt((word(|g| &g.closing_link), space))),
                recurrence_word,
            )),
        ),
        |(item, _)| item,
    );
    let target = alt((
        recurrence_on_day,
        range_item,
        point,
        recurrence_item,
        ongoing_item,
    ));
    // Both shapes open with a marker (condition markers are markers too): most word
    // starts fail here, with one lookup.
    word(|g| &g.marker).parse(i)?;
    // "trước 19h00’ hằng ngày": the hour of a daily report stands before its period.
    let hour = opt((time_of_day, space));
    // "thời gian quan trắc từ tháng 3 …": a word or two between a time noun and its
    // time name what is timed; letters only, so a clause mark ends the search.
    let named = (
        word(|g| &g.named_marker),
        many_m_n(
            1,
            G.max_named,
            preceded(space, take_while1(char::is_alphabetic)),
        ),
        connectors,
        opt_space,
        alt((range_item, point_item)),
    );
    alt((
        value(
            (),
            (word(|g| &g.marker), connectors, opt_space, hour, target),
        ),
        inline_condition,
        value((), named),
    ))
    .parse(i)
}

/// A time of day: "19h00", "9h00’", "16 giờ" (`[inline] time_of_day`).
fn time_of_day(i: &str) -> Res<'_, ()> {
    // The unit may run on into the minutes ("19h00"): its letters only are the unit.
    let unit = verify(take_while1(char::is_alphabetic), |u: &str| {
        G.time_of_day.iter().any(|t| t == u)
    });
    let mark = opt(alt((tag("'"), tag("’"))));
    value((), (digit1, opt(space), unit, opt(digit1), mark)).parse(i)
}

/// The words allowed between a marker and its time, at most 4 (`[inline] connectors`):
/// "hoàn thành trong thời hạn …", "chậm nhất là ngày …".
fn connectors(i: &str) -> Res<'_, ()> {
    value(
        (),
        many_m_n(0, 4, preceded(opt_space, word(|g| &g.connector))),
    )
    .parse(i)
}

/// "<condition marker> {connector} <trigger>": "Thời gian thực hiện sau khi …". Ends
/// after the trigger; the caller takes the clause to its end.
fn inline_condition(i: &str) -> Res<'_, ()> {
    value(
        (),
        (
            word(|g| &g.condition_marker),
            connectors,
            opt_space,
            word(|g| &g.trigger),
        ),
    )
    .parse(i)
}

/// What the scan found, in folded offsets where text is involved.
#[derive(Default)]
struct Acc {
    due: Option<(NaiveDate, Precision)>,
    start: Option<NaiveDate>,
    ongoing: bool,
    condition: Option<Range<usize>>,
    /// The first recurrence: its rule and the day it names.
    recurrence: Option<(usize, Option<u32>)>,
    /// The first "ngày N" without a month.
    month_day: Option<u32>,
    /// Where the first item starts (folded offset).
    first: Option<usize>,
}

impl Acc {
    fn understood(&self) -> bool {
        self.due.is_some()
            || self.start.is_some()
            || self.ongoing
            || self.condition.is_some()
            || self.recurrence.is_some()
    }

    /// The recurrence as an RRULE value. A monthly rule takes its day from "ngày N
    /// hằng tháng", else from a bare "ngày N" elsewhere in the phrase.
    fn rrule(&self) -> Option<String> {
        let (k, day) = self.recurrence?;
        let rule = G.rules.get(k)?;
        let day = day.or(self.month_day.filter(|_| rule.day_of_month));
        Some(match day {
            Some(d) => format!("{};BYMONTHDAY={d}", rule.rule),
            None => rule.rule.clone(),
        })
    }

    /// Several dated phrases: the latest wins, with its own precision; but a year and a
    /// part of that same year ("Riêng năm 2020 hoàn thành trong quý II/2020") give the
    /// part: the year only says which year the part is in.
    fn add_due(&mut self, date: NaiveDate, precision: Precision) {
        use chrono::Datelike;
        let Some((d, p)) = self.due else {
            self.due = Some((date, precision));
            return;
        };
        let same_year = d.year() == date.year();
        if same_year && p == Precision::Year && precision != Precision::Year {
            self.due = Some((date, precision));
        } else if same_year && precision == Precision::Year && p != Precision::Year {
            // The part already found stands.
        } else if date > d {
            self.due = Some((date, precision));
        }
    }

    fn add_start(&mut self, date: NaiveDate) {
        if self.start.is_none_or(|s| date < s) {
            self.start = Some(date);
        }
    }

    fn apply(&mut self, item: Item, year: Option<i32>) {
        match item {
            Item::Point(p) => {
                if let Some((_, end, precision)) = p.bounds(year) {
                    self.add_due(end, precision);
                }
            }
            Item::Range(from, to) => self.apply_range(from, to, year),
            Item::Start(p, open_ended) => {
                if let Some((first, _, _)) = p.bounds(year) {
                    self.add_start(first);
                }
                self.ongoing |= open_ended;
            }
            Item::Recurrence { rule, day } => {
                self.ongoing = true;
                match &mut self.recurrence {
                    None => self.recurrence = Some((rule, day)),
                    // "Hằng quý, trước ngày 20 tháng cuối quý": the same rule again, naming
                    // its day.
                    Some((first, first_day @ None)) if *first == rule => *first_day = day,
                    Some(_) => {}
                }
            }
            Item::MonthDay(day) => {
                self.month_day = self.month_day.or(Some(day));
            }
            Item::Ongoing => self.ongoing = true,
            Item::Condition => {}
        }
    }

    /// The first period inherits the second's year ("từ tháng 3 đến tháng 6/2024").
    fn apply_range(&mut self, from: Period, to: Period, year: Option<i32>) {
        let Some((_, due, precision)) = to.bounds(year) else {
            return;
        };
        match from.bounds(to.year().or(year)) {
            Some((start, _, _)) if start <= due => self.add_start(start),
            // Written backwards ("2023 - 2022"): two dated phrases, the latest wins.
            Some((_, end, p)) => self.add_due(end, p),
            None => {}
        }
        self.add_due(due, precision);
    }
}

/// Try the item parsers at each word start of the (masked) view.
fn scan(view: &FoldedText, year: Option<i32>) -> Acc {
    let text = view.folded.as_str();
    let mut acc = Acc::default();
    let mut resume = 0;
    let mut first_inside = None;
    for start in view.word_starts() {
        if start < resume || !may_open_item(&text[start..]) {
            continue;
        }
        let Ok((after, found)) = item(&text[start..]) else {
            continue;
        };
        let end = text.len() - after.len();
        acc.first.get_or_insert(start);
        if let Item::Condition = found {
            // Only the first condition is kept; its clause is measured once.
            if acc.condition.is_none() {
                acc.condition = Some(start..clause_end(text, end));
            }
        } else {
            acc.apply(found, year);
            if first_inside.is_none() && acc.condition.as_ref().is_some_and(|c| c.contains(&start))
            {
                first_inside = Some(start);
            }
        }
        resume = end;
    }
    if let (Some(c), Some(cut)) = (acc.condition.as_mut(), first_inside) {
        c.end = condition_cut(text, c.start, cut);
    }
    acc
}

/// "Khi có hướng dẫn của Bộ Công an và thực hiện thường xuyên": when a date or ongoing
/// phrase follows inside the condition's clause, the condition ends at the last "và"
/// or "," before it.
fn condition_cut(text: &str, start: usize, item: usize) -> usize {
    let span = &text[start..item];
    let at_and = span.rfind(" và ");
    let at_comma = span.rfind(',');
    match at_and.max(at_comma) {
        Some(k) => start + k,
        None => text.len().min(item),
    }
}

/// End of the clause that starts before `from`: ";" or a "." that ends a sentence.
fn clause_end(text: &str, from: usize) -> usize {
    let tail = &text[from..];
    let mut chars = tail.char_indices().peekable();
    // "tháng 11/2025 (sau khi … ban hành Hướng dẫn)": a bracket opened before the
    // clause closes it.
    let mut depth = 0usize;
    while let Some((k, c)) = chars.next() {
        let next_is_space = chars.peek().is_none_or(|(_, n)| *n == ' ');
        match c {
            '(' => depth += 1,
            ')' if depth == 0 => return from + k,
            ')' => depth -= 1,
            ';' => return from + k,
            '.' if next_is_space => return from + k,
            _ => {}
        }
    }
    text.len()
}

/// Whitespace collapsed, trailing punctuation and spaces dropped.
fn clean_clause(s: &str) -> String {
    crate::fold::collapse_ws(s)
        .trim_end_matches(['.', ',', ';', ':', ' '])
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::CORPUS;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    use Precision::{Day, Half, Month, Quarter, Year};

    /// (input, plan year, due, precision, ongoing, has condition, start, recurrence)
    type Row = (
        &'static str,
        Option<i32>,
        Option<NaiveDate>,
        Option<Precision>,
        bool,
        bool,
        Option<NaiveDate>,
        Option<&'static str>,
    );

    fn rows() -> Vec<Row> {
        vec![
            // A year names where its part falls: the part is the deadline.
            (
                "Thực hiện định kỳ hằng năm; Riêng năm 2020 hoàn thành trong quý II/2020",
                None,
                d(2020, 6, 30),
                Some(Quarter),
                true,
                false,
                None,
                Some("FREQ=YEARLY"),
            ),
            (
                "Trong năm 2024, chậm nhất tháng 9/2024",
                None,
                d(2024, 9, 30),
                Some(Month),
                false,
                false,
                None,
                None,
            ),
            // Different years: the latest.
            (
                "Quý IV/2024 và năm 2025",
                None,
                d(2025, 12, 31),
                Some(Year),
                false,
                false,
                None,
                None,
            ),
            // Recurrent spending is not recurrent work.
            (
                "bố trí kinh phí chi thường xuyên theo quy định",
                None,
                None,
                None,
                false,
                false,
                None,
                None,
            ),
            // The older spelling "Quí", and a hyphen before the year.
            (
                "Quí IV-2025",
                None,
                d(2025, 12, 31),
                Some(Quarter),
                false,
                false,
                None,
                None,
            ),
            // Real field values.
            (
                "Quý I/2023.",
                None,
                d(2023, 3, 31),
                Some(Quarter),
                false,
                false,
                None,
                None,
            ),
            (
                "Kế hoạch (văn bản kiểm tra) ban hành trong Quý I/2023.",
                None,
                d(2023, 3, 31),
                Some(Quarter),
                false,
                false,
                None,
                None,
            ),
            (
                "Quý I/2023, đảm bảo thời hạn Thủ tướng Chính phủ giao tại Chỉ thị số 05/CT-TTg ngày 23/02/2023.",
                None,
                d(2023, 3, 31),
                Some(Quarter),
                false,
                false,
                None,
                None,
            ),
            (
                "Trong Quý I/2023.",
                None,
                d(2023, 3, 31),
                Some(Quarter),
                false,
                false,
                None,
                None,
            ),
            (
                "Thực hiện thường xuyên.",
                None,
                None,
                None,
                true,
                false,
                None,
                None,
            ),
            (
                "Trong Quý II/2023.",
                None,
                d(2023, 6, 30),
                Some(Quarter),
                false,
                false,
                None,
                None,
            ),
            (
                "01/6/2023.",
                None,
                d(2023, 6, 1),
                Some(Day),
                false,
                false,
                None,
                None,
            ),
            (
                "Trong Quý I/2023 và thực hiện thường xuyên.",
                None,
                d(2023, 3, 31),
                Some(Quarter),
                true,
                false,
                None,
                None,
            ),
            (
                "Thực hiện thường xuyên, theo chỉ tiêu Bộ Công an giao.",
                None,
                None,
                None,
                true,
                false,
                None,
                None,
            ),
            (
                "Sau khi có hướng dẫn của Bộ Công an.",
                None,
                None,
                None,
                false,
                true,
                None,
                None,
            ),
            (
                "30/6/2023.",
                None,
                d(2023, 6, 30),
                Some(Day),
                false,
                false,
                None,
                None,
            ),
            (
                "Hoàn thành trong Quý III/2023.",
                None,
                d(2023, 9, 30),
                Some(Quarter),
                false,
                false,
                None,
                None,
            ),
            (
                "Thực hiện thường xuyên, bắt đầu từ tháng 3/2023.",
                None,
                None,
                None,
                true,
                false,
                d(2023, 3, 1),
                None,
            ),
            (
                "Hoàn thành trước ngày 30/6/2023. Cập nhật thường xuyên dữ liệu về cán bộ công chức viên chức.",
                None,
                d(2023, 6, 30),
                Some(Day),
                true,
                false,
                None,
                None,
            ),
            (
                "ngày 30/6/2023.",
                None,
                d(2023, 6, 30),
                Some(Day),
                false,
                false,
                None,
                None,
            ),
            (
                "Trong năm 2024.",
                None,
                d(2024, 12, 31),
                Some(Year),
                false,
                false,
                None,
                None,
            ),
            (
                "Khi có hướng dẫn triển khai thực hiện đồng bộ của Tòa án nhân dân tối cao.",
                None,
                None,
                None,
                false,
                true,
                None,
                None,
            ),
            (
                "Trong tháng 6 năm 2024.",
                None,
                d(2024, 6, 30),
                Some(Month),
                false,
                false,
                None,
                None,
            ),
            (
                "Trong tháng 4 năm 2024.",
                None,
                d(2024, 4, 30),
                Some(Month),
                false,
                false,
                None,
                None,
            ),
            (
                "Trong tháng 6 năm 2024 và thực hiện thường xuyên.",
                None,
                d(2024, 6, 30),
                Some(Month),
                true,
                false,
                None,
                None,
            ),
            (
                "Theo tiến độ, yêu cầu tại Quyết định số 766/QĐ-TTg ngày 23 tháng 6 năm 2022 của Thủ tướng Chính phủ.",
                None,
                None,
                None,
                false,
                true,
                None,
                None,
            ),
            (
                "Trong năm 2024 và thực hiện thường xuyên.",
                None,
                d(2024, 12, 31),
                Some(Year),
                true,
                false,
                None,
                None,
            ),
            (
                "Khi có hướng dẫn của Bộ Công an, Bộ Tài chính.",
                None,
                None,
                None,
                false,
                true,
                None,
                None,
            ),
            (
                "Tháng 6 năm 2024 và thực hiện thường xuyên.",
                None,
                d(2024, 6, 30),
                Some(Month),
                true,
                false,
                None,
                None,
            ),
            (
                "Trong năm 2024 và các năm tiếp theo.",
                None,
                d(2024, 12, 31),
                Some(Year),
                true,
                false,
                None,
                None,
            ),
            (
                "Theo lộ trình Bộ Công an đề xuất.",
                None,
                None,
                None,
                false,
                true,
                None,
                None,
            ),
            (
                "Quý I năm 2024 và theo lộ trình của Trung ương.",
                None,
                d(2024, 3, 31),
                Some(Quarter),
                false,
                true,
                None,
                None,
            ),
            (
                "Quý II năm 2024 và theo lộ trình của Trung ương.",
                None,
                d(2024, 6, 30),
                Some(Quarter),
                false,
                true,
                None,
                None,
            ),
            (
                "Sau khi các Cơ sở dữ liệu này được Bộ Tư pháp hoàn thiện và có hướng dẫn kết nối, chia sẻ dữ liệu.",
                None,
                None,
                None,
                false,
                true,
                None,
                None,
            ),
            // A day and month without a year: the plan's year after an intro word.
            (
                "Trước 31/12",
                Some(2024),
                d(2024, 12, 31),
                Some(Day),
                false,
                false,
                None,
                None,
            ),
            (
                "Trước 15/10 hằng năm",
                Some(2024),
                d(2024, 10, 15),
                Some(Day),
                true,
                false,
                None,
                Some("FREQ=YEARLY"),
            ),
            ("30/6", Some(2024), None, None, false, false, None, None),
            (
                "Đạt 2/3 số xã",
                Some(2024),
                None,
                None,
                false,
                false,
                None,
                None,
            ),
            // Quarters.
            (
                "quý 3",
                Some(2024),
                d(2024, 9, 30),
                Some(Quarter),
                false,
                false,
                None,
                None,
            ),
            (
                "Quý III",
                Some(2023),
                d(2023, 9, 30),
                Some(Quarter),
                false,
                false,
                None,
                None,
            ),
            (
                "Quý IV/2025",
                None,
                d(2025, 12, 31),
                Some(Quarter),
                false,
                false,
                None,
                None,
            ),
            (
                "quý 2 năm 2024",
                None,
                d(2024, 6, 30),
                Some(Quarter),
                false,
                false,
                None,
                None,
            ),
            // Months and years.
            (
                "Trong tháng 02 năm 2024",
                None,
                d(2024, 2, 29),
                Some(Month),
                false,
                false,
                None,
                None,
            ),
            (
                "tháng 3/2023",
                None,
                d(2023, 3, 31),
                Some(Month),
                false,
                false,
                None,
                None,
            ),
            (
                "6/2025",
                None,
                d(2025, 6, 30),
                Some(Month),
                false,
                false,
                None,
                None,
            ),
            (
                "tháng 9",
                Some(2024),
                d(2024, 9, 30),
                Some(Month),
                false,
                false,
                None,
                None,
            ),
            (
                "2024",
                None,
                d(2024, 12, 31),
                Some(Year),
                false,
                false,
                None,
                None,
            ),
            (
                "năm 2025",
                None,
                d(2025, 12, 31),
                Some(Year),
                false,
                false,
                None,
                None,
            ),
            (
                "đến năm 2025",
                None,
                d(2025, 12, 31),
                Some(Year),
                false,
                false,
                None,
                None,
            ),
            // Days.
            (
                "trước ngày 30/6/2023",
                None,
                d(2023, 6, 30),
                Some(Day),
                false,
                false,
                None,
                None,
            ),
            (
                "ngày 30 tháng 6 năm 2023",
                None,
                d(2023, 6, 30),
                Some(Day),
                false,
                false,
                None,
                None,
            ),
            (
                "ngày  01 tháng 11 năm 2023",
                None,
                d(2023, 11, 1),
                Some(Day),
                false,
                false,
                None,
                None,
            ),
            (
                "30-6-2023",
                None,
                d(2023, 6, 30),
                Some(Day),
                false,
                false,
                None,
                None,
            ),
            (
                "30.6.2023",
                None,
                d(2023, 6, 30),
                Some(Day),
                false,
                false,
                None,
                None,
            ),
            (
                "trước ngày 15/3",
                Some(2023),
                d(2023, 3, 15),
                Some(Day),
                false,
                false,
                None,
                None,
            ),
            (
                "ngày 31/02/2024",
                None,
                None,
                None,
                false,
                false,
                None,
                None,
            ),
            // A schedule set elsewhere is a condition.
            (
                "Theo Kế hoạch riêng",
                None,
                None,
                None,
                false,
                true,
                None,
                None,
            ),
            // School years and their terms (`[school_year]`).
            (
                "Trong năm học 2024 - 2025",
                None,
                d(2025, 5, 31),
                Some(Month),
                false,
                false,
                None,
                None,
            ),
            (
                "Học kỳ I năm học 2024-2025",
                None,
                d(2025, 1, 31),
                Some(Month),
                false,
                false,
                None,
                None,
            ),
            (
                "Trước khai giảng năm học 2025 – 2026",
                None,
                d(2025, 9, 30),
                Some(Month),
                false,
                false,
                None,
                None,
            ),
            (
                "Đầu năm học 2024 - 2025",
                None,
                d(2024, 9, 30),
                Some(Month),
                false,
                false,
                None,
                None,
            ),
            // Not one school year: a range of years.
            (
                "năm học 2024 - 2026",
                None,
                d(2026, 12, 31),
                Some(Year),
                false,
                false,
                d(2024, 1, 1),
                None,
            ),
            // The lunar New Year (`[tet]`), by number or by the year's name.
            (
                "Trước Tết Nguyên đán 2025",
                None,
                d(2025, 1, 29),
                Some(Day),
                false,
                false,
                None,
                None,
            ),
            (
                "Trước Tết Nguyên đán Giáp Thìn",
                Some(2023),
                d(2024, 2, 10),
                Some(Day),
                false,
                false,
                None,
                None,
            ),
            (
                "Tết Nguyên đán Bính Ngọ năm 2026",
                None,
                d(2026, 2, 17),
                Some(Day),
                false,
                false,
                None,
                None,
            ),
            // Vietnam's calendar, not China's (the new moon before midnight in UTC+7).
            (
                "trước Tết 2030",
                None,
                d(2030, 2, 2),
                Some(Day),
                false,
                false,
                None,
                None,
            ),
            // No year, no name, or a name outside the cycle: not dated.
            (
                "Trước Tết Nguyên đán",
                Some(2024),
                None,
                None,
                false,
                false,
                None,
                None,
            ),
            (
                "Trước Tết Giáp Sửu",
                Some(2024),
                None,
                None,
                false,
                false,
                None,
                None,
            ),
            // Halves.
            (
                "6 tháng đầu năm 2024",
                None,
                d(2024, 6, 30),
                Some(Half),
                false,
                false,
                None,
                None,
            ),
            (
                "6 tháng cuối năm",
                Some(2024),
                d(2024, 12, 31),
                Some(Half),
                false,
                false,
                None,
                None,
            ),
            (
                "cuối năm 2024",
                None,
                d(2024, 12, 31),
                Some(Half),
                false,
                false,
                None,
                None,
            ),
            (
                "đầu năm",
                Some(2025),
                d(2025, 6, 30),
                Some(Half),
                false,
                false,
                None,
                None,
            ),
            (
                "giữa năm 2024",
                None,
                d(2024, 6, 30),
                Some(Half),
                false,
                false,
                None,
                None,
            ),
            (
                "nửa đầu năm 2024",
                None,
                d(2024, 6, 30),
                Some(Half),
                false,
                false,
                None,
                None,
            ),
            // Ranges.
            (
                "2026 - 2030",
                None,
                d(2030, 12, 31),
                Some(Year),
                false,
                false,
                d(2026, 1, 1),
                None,
            ),
            (
                "giai đoạn 2022 - 2025",
                None,
                d(2025, 12, 31),
                Some(Year),
                false,
                false,
                d(2022, 1, 1),
                None,
            ),
            // A horizon is no time for the work.
            (
                "giai đoạn 2021 - 2030, tầm nhìn đến năm 2045",
                None,
                d(2030, 12, 31),
                Some(Year),
                false,
                false,
                d(2021, 1, 1),
                None,
            ),
            (
                "giai đoạn 2021 - 2030, có xét đến năm 2050",
                None,
                d(2030, 12, 31),
                Some(Year),
                false,
                false,
                d(2021, 1, 1),
                None,
            ),
            // Nor is the year of a law's name.
            (
                "Theo tiến độ được giao của Luật An ninh mạng 2025.",
                None,
                None,
                None,
                false,
                true,
                None,
                None,
            ),
            (
                "Sau khi Luật Đất đai năm 2024 có hiệu lực, hoàn thành trong Quý II/2025",
                None,
                d(2025, 6, 30),
                Some(Quarter),
                false,
                true,
                None,
                None,
            ),
            (
                "Triển khai pháp luật 2025",
                None,
                d(2025, 12, 31),
                Some(Year),
                false,
                false,
                None,
                None,
            ),
            (
                "Từ năm 2024 đến năm 2025",
                None,
                d(2025, 12, 31),
                Some(Year),
                false,
                false,
                d(2024, 1, 1),
                None,
            ),
            (
                "năm 2024-2025",
                None,
                d(2025, 12, 31),
                Some(Year),
                false,
                false,
                d(2024, 1, 1),
                None,
            ),
            (
                "từ tháng 3 đến tháng 6/2024",
                None,
                d(2024, 6, 30),
                Some(Month),
                false,
                false,
                d(2024, 3, 1),
                None,
            ),
            // Starts.
            (
                "bắt đầu từ tháng 3/2023",
                None,
                None,
                None,
                false,
                false,
                d(2023, 3, 1),
                None,
            ),
            (
                "từ tháng 3/2023 trở đi",
                None,
                None,
                None,
                true,
                false,
                d(2023, 3, 1),
                None,
            ),
            (
                "kể từ ngày 01/7/2024",
                None,
                None,
                None,
                false,
                false,
                d(2024, 7, 1),
                None,
            ),
            (
                "Trong 30 ngày kể từ ngày ký",
                Some(2024),
                None,
                None,
                false,
                true,
                None,
                None,
            ),
            (
                "Trong vòng 15 ngày làm việc sau khi nhận được hồ sơ",
                Some(2024),
                None,
                None,
                false,
                true,
                None,
                None,
            ),
            (
                "Quý I, II/2024",
                Some(2024),
                d(2024, 6, 30),
                Some(Quarter),
                false,
                false,
                None,
                None,
            ),
            (
                "Quý III và IV năm 2025",
                Some(2024),
                d(2025, 12, 31),
                Some(Quarter),
                false,
                false,
                None,
                None,
            ),
            (
                "Quý III, 2025",
                Some(2024),
                d(2025, 9, 30),
                Some(Quarter),
                false,
                false,
                None,
                None,
            ),
            // Months of one year, the year written once (a task table's time column); a
            // day and month joined by "-" and a year by "/" is no date without "ngày".
            (
                "10-11/2019",
                None,
                d(2019, 11, 30),
                Some(Month),
                false,
                false,
                d(2019, 10, 1),
                None,
            ),
            (
                "01-4/2021",
                None,
                d(2021, 4, 30),
                Some(Month),
                false,
                false,
                d(2021, 1, 1),
                None,
            ),
            ("12-11/2019", None, None, None, false, false, None, None),
            (
                "ngày 30-6/2025",
                None,
                d(2025, 6, 30),
                Some(Day),
                false,
                false,
                None,
                None,
            ),
            // A range of quarters whose second omits "Quý".
            (
                "Quý III - IV/2024",
                None,
                d(2024, 12, 31),
                Some(Quarter),
                false,
                false,
                d(2024, 7, 1),
                None,
            ),
            (
                "Từ Quý II-III năm 2025",
                Some(2024),
                d(2025, 9, 30),
                Some(Quarter),
                false,
                false,
                d(2025, 4, 1),
                None,
            ),
            // Ongoing and recurrence.
            (
                "Hằng năm",
                None,
                None,
                None,
                true,
                false,
                None,
                Some("FREQ=YEARLY"),
            ),
            (
                "hàng năm",
                None,
                None,
                None,
                true,
                false,
                None,
                Some("FREQ=YEARLY"),
            ),
            (
                "những năm tiếp theo",
                None,
                None,
                None,
                true,
                false,
                None,
                None,
            ),
            ("Liên tục", None, None, None, true, false, None, None),
            ("Định kỳ", None, None, None, true, false, None, None),
            (
                "Định kỳ hàng quý",
                None,
                None,
                None,
                true,
                false,
                None,
                Some("FREQ=MONTHLY;INTERVAL=3"),
            ),
            // Intervals written with "/lần".
            (
                "Báo cáo 06 tháng/lần",
                None,
                None,
                None,
                true,
                false,
                None,
                Some("FREQ=MONTHLY;INTERVAL=6"),
            ),
            (
                "Định kỳ 2 năm/lần, bắt đầu từ năm 2024",
                None,
                None,
                None,
                true,
                false,
                d(2024, 1, 1),
                Some("FREQ=YEARLY;INTERVAL=2"),
            ),
            (
                "mỗi quý",
                None,
                None,
                None,
                true,
                false,
                None,
                Some("FREQ=MONTHLY;INTERVAL=3"),
            ),
            (
                "trước ngày 15 tháng cuối quý",
                None,
                None,
                None,
                true,
                false,
                None,
                Some("FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=15"),
            ),
            (
                "trước ngày 15 hàng tháng",
                None,
                None,
                None,
                true,
                false,
                None,
                Some("FREQ=MONTHLY;BYMONTHDAY=15"),
            ),
            (
                "Hàng tuần",
                None,
                None,
                None,
                true,
                false,
                None,
                Some("FREQ=WEEKLY"),
            ),
            (
                "hằng tháng",
                None,
                None,
                None,
                true,
                false,
                None,
                Some("FREQ=MONTHLY"),
            ),
            (
                "Định kỳ hằng tháng, trước ngày 20",
                None,
                None,
                None,
                true,
                false,
                None,
                Some("FREQ=MONTHLY;BYMONTHDAY=20"),
            ),
            // A quarterly duty takes its day too.
            (
                "Báo cáo hằng quý, trước ngày 20 của tháng cuối quý",
                None,
                None,
                None,
                true,
                false,
                None,
                Some("FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=20"),
            ),
            (
                "Định kỳ hàng quý, trước ngày 20 tháng cuối quý",
                None,
                None,
                None,
                true,
                false,
                None,
                Some("FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=20"),
            ),
            (
                "Báo cáo trước ngày 20 tháng 12 năm 2024, sau đó hằng tháng",
                None,
                d(2024, 12, 20),
                Some(Precision::Day),
                true,
                false,
                None,
                Some("FREQ=MONTHLY"),
            ),
            // Conditions.
            (
                "Theo lộ trình của Trung ương",
                None,
                None,
                None,
                false,
                true,
                None,
                None,
            ),
            (
                "đảm bảo hoàn thành theo lộ trình kế hoạch",
                None,
                None,
                None,
                false,
                true,
                None,
                None,
            ),
            ("theo quy định", None, None, None, false, false, None, None),
            // Tone style and case never matter.
            (
                "TRONG QUÝ II/2023",
                None,
                d(2023, 6, 30),
                Some(Quarter),
                false,
                false,
                None,
                None,
            ),
            (
                "Thực hiện thường xuyên",
                None,
                None,
                None,
                true,
                false,
                None,
                None,
            ),
            // Suspicious years and invalid dates.
            ("năm 20210", None, None, None, false, false, None, None),
            ("tháng 13/2024", None, None, None, false, false, None, None),
            ("ngày 32/1/2024", None, None, None, false, false, None, None),
            (
                "tháng 3/20210",
                Some(2024),
                None,
                None,
                false,
                false,
                None,
                None,
            ),
            ("năm 1800", None, None, None, false, false, None, None),
            (
                "năm 2023 - 2022",
                None,
                d(2023, 12, 31),
                Some(Year),
                false,
                false,
                None,
                None,
            ),
        ]
    }

    #[test]
    fn deadline_table() {
        let rows = rows();
        assert!(rows.len() >= 45);
        for (input, year, due, precision, ongoing, cond, start, rec) in rows {
            let p = parse_deadline(input, year);
            let dl = &p.deadline;
            assert_eq!(dl.due, due, "due: {input}");
            assert_eq!(dl.precision, precision, "precision: {input}");
            assert_eq!(dl.ongoing, ongoing, "ongoing: {input}");
            assert_eq!(
                dl.condition.is_some(),
                cond,
                "condition: {input} → {:?}",
                dl.condition
            );
            assert_eq!(dl.start, start, "start: {input}");
            assert_eq!(dl.recurrence.as_deref(), rec, "recurrence: {input}");
            let anything = due.is_some() || ongoing || cond || start.is_some();
            assert_eq!(p.understood, anything, "understood: {input}");
            if year.is_none() {
                assert_eq!(is_deadline(input), anything, "is_deadline: {input}");
            }
        }
    }

    /// The quick answer agrees with the full parse on every corpus line, on two lines
    /// joined (as table cells are), and on random mixes of deadline words and citations.
    #[test]
    fn is_deadline_agrees_with_the_parse() {
        let mut texts: Vec<String> = Vec::new();
        for plan in crate::test_support::CORPUS {
            let lines: Vec<&str> = plan.lines().map(str::trim).collect();
            texts.extend(lines.iter().map(|l| (*l).to_owned()));
            texts.extend(lines.windows(2).map(|w| format!("{} {}", w[0], w[1])));
        }
        let pieces = [
            "Quý IV/2025",
            "theo Quyết định số 12/2024/QĐ-UBND",
            "năm 2025",
            "thường xuyên",
            "Luật Đất đai năm 2024",
            "hằng năm",
            "giai đoạn 2021-2025",
            "đến năm 2030",
            "khi có hướng dẫn",
            "chi thường xuyên",
            "Báo cáo",
            "ngày 20",
            "tháng 6",
            " ",
            "Nghị định 13/2023/NĐ-CP",
            ",",
            "trước ngày 30/6",
        ];
        texts.extend(crate::test_support::random_strings(7, &pieces, 6, 4000));
        for t in &texts {
            assert_eq!(is_deadline(t), parse_deadline(t, None).understood, "{t}");
        }
    }

    /// Each entry of `[tet] dates` is its own year's, and the lunar New Year always
    /// falls between 21 January and 20 February.
    #[test]
    fn tet_dates_are_one_per_year() {
        use chrono::Datelike;
        assert!(G.tet_dates.len() >= 50);
        for (k, day) in G.tet_dates.iter().enumerate() {
            assert_eq!(day.year(), G.tet_first_year + k as i32, "{day}");
            let (m, dd) = (day.month(), day.day());
            assert!((m == 1 && dd >= 21) || (m == 2 && dd <= 20), "{day}");
        }
        // A year's name is read as the nearest year of that name.
        assert_eq!(cycle_year(40, 2023), 2024); // Giáp Thìn
        assert_eq!(cycle_year(40, 2053), 2024);
        assert_eq!(cycle_year(40, 2055), 2084);
        assert_eq!(cycle_year(0, 1990), 1984); // Giáp Tý
    }

    #[test]
    fn condition_texts() {
        let cases = [
            (
                "Khi có hướng dẫn của Bộ Công an",
                "Khi có hướng dẫn của Bộ Công an",
            ),
            (
                "Sau khi có hướng dẫn của Bộ Công an.",
                "Sau khi có hướng dẫn của Bộ Công an",
            ),
            (
                "Quý I năm 2024 và theo lộ trình của Trung ương.",
                "theo lộ trình của Trung ương",
            ),
            (
                "Khi có hướng dẫn của Bộ Công an, Bộ Tài chính.",
                "Khi có hướng dẫn của Bộ Công an, Bộ Tài chính",
            ),
            (
                "Theo tiến độ, yêu cầu tại Quyết định số 766/QĐ-TTg ngày 23 tháng 6 năm 2022 của Thủ tướng Chính phủ.",
                "Theo tiến độ, yêu cầu tại Quyết định số 766/QĐ-TTg ngày 23 tháng 6 năm 2022 của Thủ tướng Chính phủ",
            ),
            (
                "Theo lộ trình Bộ Công an đề xuất.",
                "Theo lộ trình Bộ Công an đề xuất",
            ),
            (
                "Khi có hướng dẫn của Bộ Công an và thực hiện thường xuyên.",
                "Khi có hướng dẫn của Bộ Công an",
            ),
            (
                "Sau khi Bộ ban hành, chậm nhất trong Quý II/2024",
                "Sau khi Bộ ban hành",
            ),
            (
                "Dự kiến tháng 11/2025 (sau khi Ban Thường trực tỉnh ban hành Hướng dẫn)",
                "sau khi Ban Thường trực tỉnh ban hành Hướng dẫn",
            ),
            (
                "Khi có hướng dẫn (bằng văn bản) của Bộ Công an.",
                "Khi có hướng dẫn (bằng văn bản) của Bộ Công an",
            ),
        ];
        for (input, want) in cases {
            assert_eq!(
                parse_deadline(input, None).deadline.condition.as_deref(),
                Some(want),
                "{input}"
            );
        }
    }

    #[test]
    fn text_is_kept_as_written() {
        let p = parse_deadline("  Trong   Quý I/2023. ", None);
        assert_eq!(p.deadline.text, "Trong Quý I/2023");
        let p = parse_deadline("không rõ", Some(2024));
        assert!(!p.understood);
        assert_eq!(p.deadline, Deadline::unrecognized("không rõ"));
    }

    #[test]
    fn old_tone_style_and_decomposed_input() {
        use unicode_normalization::UnicodeNormalization;
        let nfd: String = "Trong Quý II/2023 và thực hiện thường xuyên"
            .nfd()
            .collect();
        let p = parse_deadline(&nfd, None);
        assert_eq!(p.deadline.due, d(2023, 6, 30));
        assert!(p.deadline.ongoing);
        let p = parse_deadline("Khi có hướng dẫn của Uỷ ban nhân dân tỉnh", None);
        assert_eq!(
            p.deadline.condition.as_deref(),
            Some("Khi có hướng dẫn của Uỷ ban nhân dân tỉnh")
        );
    }

    /// (prose, year, expected phrase or None, due, precision)
    type InlineRow = (
        &'static str,
        Option<i32>,
        Option<&'static str>,
        Option<NaiveDate>,
        Option<Precision>,
    );

    #[test]
    fn inline_recurrence() {
        let (range, dl) = find_inline_deadline(
            "Xây dựng kế hoạch cụ thể, báo cáo kết quả thực hiện trước ngày 15 hằng tháng.",
            Some(2024),
        )
        .unwrap();
        assert_eq!(dl.recurrence.as_deref(), Some("FREQ=MONTHLY;BYMONTHDAY=15"));
        assert!(dl.ongoing);
        assert_eq!(dl.due, None);
        assert_eq!(dl.text, "trước ngày 15 hằng tháng");
        assert!(range.start > 0);
    }

    /// Open-ended periods: a start with "trở đi", a range "và tiếp theo"; a month list
    /// without its year stays one month.
    #[test]
    fn open_ended_periods_and_month_lists() {
        let p = |s: &str| parse_deadline(s, Some(2013)).deadline;
        let dl = p("Từ tháng 11/2013 trở đi");
        assert_eq!((dl.start, dl.due, dl.ongoing), (d(2013, 11, 1), None, true));
        let dl = p("Từ ngày 01/7/2013");
        assert_eq!((dl.start, dl.ongoing), (d(2013, 7, 1), false));
        let dl = p("Từ năm 2013 đến năm 2020 và tiếp theo");
        assert_eq!(
            (dl.start, dl.due, dl.ongoing),
            (d(2013, 1, 1), d(2020, 12, 31), true)
        );
        let dl = p("Tháng 11, 12/2013 và bổ sung, sửa đổi hàng năm");
        assert_eq!((dl.due, dl.ongoing), (d(2013, 12, 31), true));
        // "12 xã" is no month: the list needs its year.
        let dl = p("trong tháng 11, 12 xã hoàn thành");
        assert_eq!(dl.due, d(2013, 11, 30));
    }

    /// Brackets closing a task's text that hold only its time.
    #[test]
    fn closing_brackets() {
        let found = |s: &str| closing_bracket_deadline(s, Some(2013));
        let dl = found("Ban hành các văn bản hướng dẫn (trong năm 2013).").unwrap();
        assert_eq!(
            (dl.text.as_str(), dl.due),
            ("trong năm 2013", d(2013, 12, 31))
        );
        let dl = found("Quán triệt, triển khai (Quý IV/2013, Quý I/2014 và thường xuyên)").unwrap();
        assert_eq!((dl.due, dl.ongoing), (d(2014, 3, 31), true));
        let dl = found("Đề xuất sửa đổi danh mục (khi có yêu cầu).").unwrap();
        assert_eq!(
            (dl.due, dl.condition.as_deref()),
            (None, Some("khi có yêu cầu"))
        );
        for none in [
            "Mở rộng hợp tác với một số nước khác (Mỹ, Nga, Trung Quốc...).",
            "Triển khai Quyết định số 06/QĐ-TTg (ngày 06/01/2022).",
            "Rà soát hồ sơ (xây dựng cơ sở dữ liệu về liệt sĩ trong năm 2013; lập bản đồ).",
            "Triển khai (năm 2013) các nhiệm vụ còn lại.",
            "Tập huấn cho cán bộ (nếu có nhu cầu của địa phương khi cần).",
            "Không có ngoặc năm 2013.",
        ] {
            assert!(found(none).is_none(), "{none}");
        }
    }

    /// A clause that opens a task with its time.
    /// A task's text that ends on "khi" and an event: a conditional deadline.
    #[test]
    fn closing_conditions() {
        let condition = |text: &str| closing_condition_deadline(text).and_then(|d| d.condition);
        assert_eq!(
            condition(
                "Sở, ban, ngành có trách nhiệm rà soát, tham mưu ban hành văn bản quy định chi tiết theo lĩnh vực phụ trách khi Chính phủ và các Bộ, ngành ban hành các văn bản quy định chi tiết, hướng dẫn thi hành."
            )
            .as_deref(),
            Some(
                "khi Chính phủ và các Bộ, ngành ban hành các văn bản quy định chi tiết, hướng dẫn thi hành"
            )
        );
        assert_eq!(
            condition("Cử công chức tham gia tổ công tác khi có yêu cầu.").as_deref(),
            Some("khi có yêu cầu")
        );
        for text in [
            // The work itself, not an event.
            "Đề xuất giải pháp phân phối lợi ích công bằng giữa các bên khi số hóa di sản.",
            // Steps of the work in order.
            "Tổng hợp, báo cáo sau khi Sở Tài chính có ý kiến.",
            // Not at the end of the text.
            "Khi có yêu cầu, Sở Y tế báo cáo. Thực hiện rà soát hồ sơ.",
        ] {
            assert_eq!(condition(text), None, "{text}");
        }
    }

    /// A time phrase with no marker that closes a task's text, and only that.
    #[test]
    fn closing_times() {
        let found = |s: &str| closing_time_deadline(s, Some(2025));
        for (text, due, ongoing) in [
            (
                "Hoàn thành, báo cáo kết quả Ủy ban nhân dân tỉnh (qua Công an tỉnh) trong tháng 11/2025.",
                d(2025, 11, 30),
                false,
            ),
            (
                "Trình Thủ tướng Chính phủ trong quý 1/2019.",
                d(2019, 3, 31),
                false,
            ),
            (
                "Tổ chức tập huấn cho cán bộ trong năm 2025 và các năm tiếp theo",
                d(2025, 12, 31),
                true,
            ),
            (
                "Rà soát, báo cáo; hoàn thành trong Quý II năm 2026;",
                d(2026, 6, 30),
                false,
            ),
            // A conclusion notice's "the task is ongoing".
            (
                "Tiếp tục rà soát văn bản quy phạm pháp luật; nhiệm vụ thường xuyên.",
                None,
                true,
            ),
        ] {
            let dl = found(text);
            assert_eq!(dl.as_ref().and_then(|dl| dl.due), due, "{text}");
            assert_eq!(dl.is_some_and(|dl| dl.ongoing), ongoing, "{text}");
        }
        assert_eq!(
            found("Tổ chức hội nghị sơ kết trong tháng 11/2025.").map(|dl| dl.text),
            Some("trong tháng 11/2025".to_string())
        );
        for none in [
            // A measured result, not a time.
            "Đối với các bộ có kết quả cắt giảm chi phí trong giai đoạn 2020-2023 dưới 15%",
            // A plan's name.
            "Triển khai các nhiệm vụ trong Kế hoạch năm 2025.",
            // Not at the end of the text.
            "Hoàn thành trong năm 2025. Tổ chức tổng kết.",
            // A date with no word that opens a closing phrase.
            "Báo cáo Ủy ban nhân dân tỉnh tháng 11/2025.",
        ] {
            assert!(found(none).is_none(), "{none}");
        }
    }

    /// A completion or report verb whose time follows its object or addressee.
    #[test]
    fn gapped_times() {
        let found = |s: &str| gapped_deadline(s, Some(2026)).map(|dl| (dl.due, dl.text));
        for (text, due, phrase) in [
            (
                "Đẩy nhanh tiến độ, hoàn thành việc phê duyệt quy hoạch trong quý II năm 2026, bảo đảm tuân thủ",
                d(2026, 6, 30),
                "trong quý II năm 2026",
            ),
            (
                "Hoàn thiện Chiến lược, báo cáo Thủ tướng Chính phủ trong tháng 5 năm 2026 theo ý kiến chỉ đạo tại Thông báo số 211/TB-VPCP ngày 24 tháng 4 năm 2026.",
                d(2026, 5, 31),
                "trong tháng 5 năm 2026",
            ),
            (
                "Xây dựng quy chế, trình UBND tỉnh (qua Sở Nội vụ) trước ngày 30/9/2026.",
                d(2026, 9, 30),
                "trước ngày 30/9/2026",
            ),
            // A quarter without its year takes the plan's.
            (
                "Hoàn thành dứt điểm trong Quý IV.",
                d(2026, 12, 31),
                "trong Quý IV",
            ),
        ] {
            assert_eq!(found(text), Some((due, phrase.to_string())), "{text}");
        }
        // How often a report goes, after its addressee, closing the clause.
        let monthly = gapped_deadline(
            "Tổng hợp kết quả thực hiện, trình Lãnh đạo Bộ báo cáo Thủ tướng Chính phủ hằng tháng.",
            Some(2026),
        )
        .expect("a monthly report");
        assert!(monthly.ongoing);
        assert_eq!(monthly.recurrence.as_deref(), Some("FREQ=MONTHLY"));
        assert_eq!(monthly.text, "hằng tháng");
        for none in [
            // The recurrence qualifies what is reported, not when.
            "Báo cáo Bộ trưởng hằng tháng tình hình thực hiện các nhiệm vụ.",
            // Results of a year reported: no addressee, a noun phrase.
            "Báo cáo kết quả thực hiện trong năm 2023.",
            // Work already done.
            "Các đơn vị đã hoàn thành việc sắp xếp trong năm 2025.",
            // The time is in another clause.
            "Hoàn thành việc sắp xếp, bố trí trong năm 2025.",
            // A cited document's date.
            "Hoàn thành theo Quyết định số 06/QĐ-TTg ngày 06/01/2022.",
            // Too far from the verb.
            "Hoàn thành việc rà soát toàn bộ hệ thống văn bản quy phạm pháp luật do tỉnh ban hành có liên quan trong năm 2026.",
        ] {
            assert_eq!(found(none), None, "{none}");
        }
    }

    #[test]
    fn opening_clauses() {
        let found = |s: &str| opening_clause_deadline(s, Some(2018));
        for (text, due) in [
            (
                "Đến năm 2020, phấn đấu đạt 100% gia đình có mức sống khá.",
                d(2020, 12, 31),
            ),
            (
                "Trong quý III/2025, hoàn thành kết nối dữ liệu.",
                d(2025, 9, 30),
            ),
            ("Năm 2018, hoàn thành việc hỗ trợ nhà ở.", d(2018, 12, 31)),
        ] {
            assert_eq!(found(text).and_then(|dl| dl.due), due, "{text}");
        }
        for none in [
            "Căn cứ Quyết định số 06/QĐ-TTg ngày 06/01/2022, các sở xây dựng kế hoạch.",
            "Rà soát, cập nhật dữ liệu năm 2020.",
            "Tổ chức tập huấn cho cán bộ trong năm 2020 và các năm tiếp theo, bảo đảm chất lượng.",
            "Khi có hướng dẫn, triển khai ngay.",
        ] {
            assert!(found(none).is_none(), "{none}");
        }
    }

    /// A word of ongoing work opening the task, no comma after it.
    #[test]
    fn opening_ongoing_words() {
        for (text, word) in [
            ("Thường xuyên kiểm tra chất lượng nước cấp.", "Thường xuyên"),
            ("Định kỳ báo cáo kết quả triển khai.", "Định kỳ"),
            ("Hằng năm tổ chức sơ kết.", "Hằng năm"),
        ] {
            let dl = opening_ongoing_deadline(text).expect(text);
            assert!(dl.ongoing, "{text}");
            assert_eq!((dl.text.as_str(), dl.due), (word, None), "{text}");
        }
        for none in [
            "Thường xuyên",
            "Thường xuyênkiểm tra",
            "Kiểm tra thường xuyên chất lượng nước.",
            "Liên tục",
        ] {
            assert!(opening_ongoing_deadline(none).is_none(), "{none}");
        }
    }

    /// "đến hết năm 2019" closes a task, also right after a citation's issuer.
    #[test]
    fn inline_end_of_period() {
        for text in [
            "Hỗ trợ nhà ở cho các hộ gia đình đến hết năm 2019.",
            "Hỗ trợ nhà ở theo Quyết định số 22/2013/QĐ-TTg ngày 26 tháng 4 năm 2013 của Thủ tướng Chính phủ đến hết năm 2019.",
        ] {
            let (_, dl) = find_inline_deadline(text, None).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(
                (dl.text.as_str(), dl.due),
                ("đến hết năm 2019", d(2019, 12, 31))
            );
        }
    }

    /// "thời gian quan trắc từ tháng 3 …": a word or two naming what is timed may stand
    /// between a time noun and its time; more words, a mark or no time is no phrase.
    #[test]
    fn inline_named_time() {
        for (text, phrase, due) in [
            (
                "Quan trắc với tần suất 2 lần/tháng; thời gian quan trắc từ tháng 3 đến tháng 10 năm 2026.",
                "thời gian quan trắc từ tháng 3 đến tháng 10 năm 2026",
                d(2026, 10, 31),
            ),
            (
                "Tổ chức hội nghị sơ kết; thời gian tổ chức: tháng 5/2026.",
                "thời gian tổ chức: tháng 5/2026",
                d(2026, 5, 31),
            ),
            (
                "Kiểm tra việc chấp hành pháp luật; thời gian kiểm tra trong quý III/2026.",
                "thời gian kiểm tra trong quý III/2026",
                d(2026, 9, 30),
            ),
            // Three words: the noun is no marker; the date's own marker is the phrase.
            (
                "Tiếp nhận hồ sơ, thời hạn tiếp nhận hồ sơ trước ngày 15/3/2026.",
                "trước ngày 15/3/2026",
                d(2026, 3, 15),
            ),
        ] {
            let (_, dl) = find_inline_deadline(text, None).unwrap_or_else(|| panic!("{text}"));
            assert_eq!((dl.text.as_str(), dl.due), (phrase, due), "{text}");
        }
        for none in [
            "Trong thời gian qua, các sở đã triển khai nhiều nhiệm vụ.",
            "Bố trí thời gian quan trắc hợp lý, bảo đảm chất lượng mẫu.",
            "Rút ngắn thời gian giải quyết thủ tục hành chính cho doanh nghiệp năm 2026.",
            "Thời gian quan trắc, tần suất: từ tháng 3 đến tháng 10 năm 2026.",
        ] {
            assert!(find_inline_deadline(none, None).is_none(), "{none}");
        }
    }

    /// "hoàn thành theo chỉ đạo tại …": completion when other instructions say, a
    /// condition; a cited telegram's date after it is no deadline.
    #[test]
    fn inline_completion_by_instructions() {
        let text = "Khôi phục trường, lớp học, hoàn thành theo chỉ đạo tại các công điện của Thủ tướng Chính phủ;";
        let (_, dl) = find_inline_deadline(text, Some(2025)).expect("a condition");
        assert_eq!(
            dl.text,
            "hoàn thành theo chỉ đạo tại các công điện của Thủ tướng Chính phủ"
        );
        assert!(dl.condition.is_some());
        assert_eq!(dl.due, None);
    }

    /// "…; thực hiện thường xuyên": ongoing work after the yielding marker.
    #[test]
    fn inline_ongoing_after_thuc_hien() {
        let (_, dl) =
            find_inline_deadline("Cập nhật dữ liệu dân cư; thực hiện thường xuyên.", None).unwrap();
        assert_eq!(dl.text, "thực hiện thường xuyên");
        assert!(dl.ongoing);
        assert_eq!(dl.due, None);
        // A later, stronger marker reaching the same end is the phrase.
        let (_, dl) = find_inline_deadline(
            "Tổng hợp, báo cáo; thực hiện trước ngày 15 hằng tháng.",
            None,
        )
        .unwrap();
        assert_eq!(dl.text, "trước ngày 15 hằng tháng");
    }

    /// "Thời gian:" alone is a marker, and ongoing work may follow a marker.
    #[test]
    fn inline_time_label_and_ongoing() {
        let found = |s: &str| find_inline_deadline(s, Some(2024)).map(|(_, d)| d);
        let dl = found("Nâng cấp hệ thống. Thời gian: tháng 5/2024.").unwrap();
        assert_eq!(
            (dl.text.as_str(), dl.due),
            ("Thời gian: tháng 5/2024", d(2024, 5, 31))
        );
        let dl = found("Vận hành hệ thống báo cáo. Thời gian: thường xuyên.").unwrap();
        assert_eq!(
            (dl.text.as_str(), dl.ongoing, dl.due),
            ("Thời gian: thường xuyên", true, None)
        );
        assert_eq!(found("Trong thời gian tới, tăng cường kiểm tra."), None);
        assert_eq!(found("Rút ngắn thời gian giải quyết thủ tục."), None);
    }

    #[test]
    fn inline_past_is_not_a_deadline() {
        let text = "duy trì thường xuyên và phát huy kết quả các nhiệm vụ đã hoàn thành trong năm 2023, góp phần thực hiện";
        assert!(find_inline_deadline(text, Some(2024)).is_none());
        let (_, dl) =
            find_inline_deadline("Các đơn vị hoàn thành trong năm 2024.", Some(2024)).unwrap();
        assert_eq!(dl.due, d(2024, 12, 31));
    }

    #[test]
    fn inline_periodic() {
        let (_, dl) = find_inline_deadline(
            "Cập nhật dữ liệu lên Cổng dịch vụ công định kỳ hằng quý.",
            Some(2024),
        )
        .unwrap();
        assert_eq!(dl.recurrence.as_deref(), Some("FREQ=MONTHLY;INTERVAL=3"));
        assert!(dl.ongoing);
        assert_eq!(dl.text, "định kỳ hằng quý");
        assert!(find_inline_deadline("Họp định kỳ để đánh giá kết quả.", Some(2024)).is_none());
    }

    #[test]
    fn inline_table() {
        let rows: Vec<InlineRow> = vec![
            (
                "Các đơn vị gửi báo cáo về Công an tỉnh để theo dõi, tổng hợp. Thời gian hoàn thành trong tháng 02 năm 2024.",
                Some(2024),
                Some("Thời gian hoàn thành trong tháng 02 năm 2024"),
                d(2024, 2, 29),
                Some(Month),
            ),
            (
                "Triển khai cấp tài khoản định danh điện tử, hoàn thành trong Quý I/2023 (áp dụng đối với công dân đã có thẻ Căn cước công dân).",
                None,
                Some("hoàn thành trong Quý I/2023"),
                d(2023, 3, 31),
                Some(Quarter),
            ),
            (
                "Sở Tư pháp thực hiện việc số hóa Sổ hộ tịch hoàn thành trước ngày 01/01/2025.",
                None,
                Some("hoàn thành trước ngày 01/01/2025"),
                d(2025, 1, 1),
                Some(Day),
            ),
            (
                "Gửi báo cáo trước ngày 15/3/2023 để tổng hợp.",
                None,
                Some("trước ngày 15/3/2023"),
                d(2023, 3, 15),
                Some(Day),
            ),
            // The hour of a daily report stands before its period word.
            (
                "Tổng hợp nhu cầu, báo cáo UBND tỉnh trước 19h00’ hằng ngày và đột xuất khi cần thiết.",
                None,
                Some("trước 19h00’ hằng ngày"),
                None,
                None,
            ),
            (
                "Báo cáo trước 16 giờ hằng ngày.",
                None,
                Some("trước 16 giờ hằng ngày"),
                None,
                None,
            ),
            // A number that is no hour is no phrase.
            ("Hỗ trợ hoàn thành trước 19 hộ dân.", None, None, None, None),
            (
                "Nộp hồ sơ chậm nhất ngày 20/12/2023.",
                None,
                Some("chậm nhất ngày 20/12/2023"),
                d(2023, 12, 20),
                Some(Day),
            ),
            (
                "Báo cáo kết quả chậm nhất là ngày 15 tháng 3.",
                Some(2024),
                Some("chậm nhất là ngày 15 tháng 3"),
                d(2024, 3, 15),
                Some(Day),
            ),
            (
                "Thời hạn hoàn thành: Quý II/2024.",
                None,
                Some("Thời hạn hoàn thành: Quý II/2024"),
                d(2024, 6, 30),
                Some(Quarter),
            ),
            (
                "Tổ chức rà soát, hoàn thành trong giai đoạn 2022 - 2025.",
                None,
                Some("hoàn thành trong giai đoạn 2022 - 2025"),
                d(2025, 12, 31),
                Some(Year),
            ),
            (
                "Hoàn thành trong 6 tháng đầu năm 2024 theo chỉ đạo.",
                None,
                Some("Hoàn thành trong 6 tháng đầu năm 2024"),
                d(2024, 6, 30),
                Some(Half),
            ),
            (
                "Tổ chức thăm, tặng quà gia đình chính sách, hoàn thành trước Tết Nguyên đán Ất Tỵ 2025.",
                None,
                Some("hoàn thành trước Tết Nguyên đán Ất Tỵ 2025"),
                d(2025, 1, 29),
                Some(Day),
            ),
            // A recurrence right after the date belongs to the phrase.
            (
                "Báo cáo kết quả về Ủy ban nhân dân tỉnh trước ngày 25/12 hàng năm.",
                Some(2025),
                Some("trước ngày 25/12 hàng năm"),
                d(2025, 12, 25),
                Some(Day),
            ),
            // ... also after "và": a first date, then every month.
            (
                "Báo cáo kết quả trước ngày 20 tháng 11 năm 2025 và hàng tháng.",
                None,
                Some("trước ngày 20 tháng 11 năm 2025 và hàng tháng"),
                d(2025, 11, 20),
                Some(Day),
            ),
            // A condition after a time marker runs to the end of its clause.
            (
                "Tổ chức triển khai Chiến lược. Thời gian thực hiện sau khi Chiến lược tiêu chuẩn quốc gia được ban hành; báo cáo kết quả.",
                None,
                Some("Thời gian thực hiện sau khi Chiến lược tiêu chuẩn quốc gia được ban hành"),
                None,
                None,
            ),
            // Not after a marker that says nothing of time.
            (
                "Hoàn thiện theo hướng dẫn của Bộ Tài chính.",
                None,
                None,
                None,
                None,
            ),
            (
                "Rà soát đội ngũ giáo viên, hoàn thành trong học kỳ I năm học 2024 - 2025.",
                None,
                Some("hoàn thành trong học kỳ I năm học 2024 - 2025"),
                d(2025, 1, 31),
                Some(Month),
            ),
            // A list of months sharing one year is its last month.
            (
                "Rà soát, hoàn thành trong tháng 11, 12/2013.",
                None,
                Some("hoàn thành trong tháng 11, 12/2013"),
                d(2013, 12, 31),
                Some(Month),
            ),
            (
                "Thời gian thực hiện: tháng 11 và 12 năm 2024.",
                None,
                Some("Thời gian thực hiện: tháng 11 và 12 năm 2024"),
                d(2024, 12, 31),
                Some(Month),
            ),
            // "thực hiện" is a marker that gives way to a marker after it.
            (
                "Sở Y tế chủ trì, phối hợp với Sở Tài chính thực hiện trong năm 2025.",
                None,
                Some("thực hiện trong năm 2025"),
                d(2025, 12, 31),
                Some(Year),
            ),
            (
                "Tổ chức kiểm tra, giám sát; thực hiện trong Quý III/2024.",
                None,
                Some("thực hiện trong Quý III/2024"),
                d(2024, 9, 30),
                Some(Quarter),
            ),
            (
                "Rà soát hồ sơ, thực hiện hoàn thành trước ngày 30/6/2024.",
                None,
                Some("hoàn thành trước ngày 30/6/2024"),
                d(2024, 6, 30),
                Some(Day),
            ),
            (
                "Báo cáo tình hình thực hiện trước ngày 15/12/2025.",
                None,
                Some("trước ngày 15/12/2025"),
                d(2025, 12, 15),
                Some(Day),
            ),
            // Negatives.
            (
                "Báo cáo kết quả thực hiện trong năm 2024 về Sở Tư pháp.",
                None,
                None,
                None,
                None,
            ),
            (
                "Tổ chức thực hiện Kế hoạch số 12/KH-UBND ngày 05/3/2025 của tỉnh.",
                None,
                None,
                None,
                None,
            ),
            (
                "Hướng dẫn công dân thực hiện thủ tục sau ngày 31/12/2022 khi Sổ hộ khẩu, Sổ tạm trú giấy không còn giá trị sử dụng theo quy định.",
                Some(2023),
                None,
                None,
                None,
            ),
            (
                "Áp dụng từ ngày 01/01/2023 đối với toàn bộ hồ sơ.",
                None,
                None,
                None,
                None,
            ),
            (
                "Triển khai theo Quyết định số 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng Chính phủ.",
                None,
                None,
                None,
                None,
            ),
            (
                "Phấn đấu hoàn thành các chỉ tiêu được giao.",
                None,
                None,
                None,
                None,
            ),
            (
                "Hoàn thành trước Chỉ thị số 05/CT-TTg ngày 23/02/2023.",
                None,
                None,
                None,
                None,
            ),
            ("", None, None, None, None),
        ];
        assert!(rows.len() >= 12);
        for (prose, year, phrase, due, precision) in rows {
            let found = find_inline_deadline(prose, year);
            match phrase {
                None => assert!(found.is_none(), "{prose} → {found:?}"),
                Some(want) => {
                    let (range, dl) = found.unwrap_or_else(|| panic!("no deadline in {prose}"));
                    assert_eq!(&prose[range.clone()], want, "{prose}");
                    assert_eq!(dl.text, want);
                    assert_eq!(dl.due, due, "{prose}");
                    assert_eq!(dl.precision, precision, "{prose}");
                    // No date: the phrase is a condition, or a recurrence.
                    assert_eq!(
                        dl.condition.is_some(),
                        due.is_none() && dl.recurrence.is_none(),
                        "{prose}"
                    );
                }
            }
        }
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        for s in [
            "",
            "Quý",
            "tháng 13/2024",
            "ngày 32/1/2024",
            "năm 20210",
            "/",
            "-",
            "ngày",
            "ngày 15",
            "từ",
            "khi",
            "Ǆ İ ß ﬁ 𝟘𝟙",
            "1/1/1",
            "99999999999999999999/2023",
            "theo lộ trình.",
        ] {
            let p = parse_deadline(s, Some(2024));
            assert_eq!(p.deadline.due, None, "{s}");
            let _ = find_inline_deadline(s, Some(2024));
        }
        let p = parse_deadline("năm 20210", None);
        assert!(!p.understood);
    }

    #[test]
    fn long_input_is_linear() {
        let big = "Quý I/2023 ".repeat(10_000);
        assert!(big.len() >= 100_000);
        let t = std::time::Instant::now();
        let p = parse_deadline(&big, None);
        assert_eq!(p.deadline.due, d(2023, 3, 31));
        assert!(find_inline_deadline(&big, None).is_none());
        let noise: String = "hoàn thành trong khi ngày tháng năm quý 1/ ".repeat(3_000);
        let _ = parse_deadline(&noise, Some(2024));
        let _ = find_inline_deadline(&noise, Some(2024));
        assert!(t.elapsed().as_secs() < 20, "took {:?}", t.elapsed());
    }

    #[test]
    fn extreme_plan_years_do_not_panic() {
        for y in [i32::MAX, i32::MIN, 0] {
            for s in [
                "quý 3",
                "cuối năm",
                "tháng 12",
                "ngày 31/12",
                "từ tháng 3 đến tháng 12",
            ] {
                let _ = parse_deadline(s, Some(y));
            }
        }
    }

    /// Deterministic pseudo-random phrases built from grammar fragments: nothing panics.
    #[test]
    fn fuzzed_fragments_do_not_panic() {
        let parts = [
            "quý",
            "I",
            "IV",
            "/",
            "-",
            ".",
            " ",
            "  ",
            "2023",
            "20210",
            "31",
            "02",
            "ngày",
            "tháng",
            "năm",
            "từ",
            "đến",
            "khi",
            "theo lộ trình",
            "hàng tháng",
            ",",
            ";",
            "Quyết định số",
            "06/QĐ-TTg",
            "của",
            "cuối năm",
            "6 tháng đầu năm",
            "hoàn thành",
            "trước",
            "\u{301}",
            "Đ",
            "İ",
            "(",
            ")",
            "thường xuyên",
        ];
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..3_000 {
            let mut s = String::new();
            for _ in 0..12 {
                seed = seed
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                s.push_str(parts[(seed >> 33) as usize % parts.len()]);
            }
            let p = parse_deadline(&s, Some(2024));
            assert!(
                p.deadline
                    .due
                    .is_none_or(|d| (1945..=2101).contains(&d.year())),
                "{s}"
            );
            if let Some((r, _)) = find_inline_deadline(&s, Some(2024)) {
                assert!(s.get(r).is_some(), "{s}");
            }
            for c in crate::citation::find_citations(&s) {
                assert!(s.get(c.range).is_some(), "{s}");
            }
        }
    }

    /// After an inline assignment the deadline's text starts at the clause holding the
    /// first recognised phrase; what it says is the same as for a field value.
    #[test]
    fn deadline_after_an_assignment() {
        for (rest, text, due) in [
            (
                "nâng cấp hạ tầng băng rộng, hoàn thành trước ngày 30/9/2024.",
                "hoàn thành trước ngày 30/9/2024",
                d(2024, 9, 30),
            ),
            (
                "tổ chức các lớp bồi dưỡng cho cán bộ, công chức; thực hiện hằng năm",
                "thực hiện hằng năm",
                None,
            ),
            (
                "thực hiện trong năm 2024, hoàn thành trước ngày 30/6/2024",
                "thực hiện trong năm 2024, hoàn thành trước ngày 30/6/2024",
                d(2024, 6, 30),
            ),
            (
                "thực hiện, đảm bảo hoàn thành theo lộ trình kế hoạch.",
                "đảm bảo hoàn thành theo lộ trình kế hoạch",
                None,
            ),
        ] {
            let got =
                deadline_after_assignment(rest, Some(2024)).unwrap_or_else(|| panic!("{rest}"));
            assert_eq!(got.text, text, "{rest}");
            assert_eq!(got.due, due, "{rest}");
            assert_eq!(
                got,
                Deadline {
                    text: got.text.clone(),
                    ..parse_deadline(rest, Some(2024)).deadline
                }
            );
        }
        assert_eq!(
            deadline_after_assignment("triển khai các nội dung", Some(2024)),
            None
        );
    }

    /// The FIRST-set filter must never hide an item: at every word start of every corpus
    /// line and table phrase, an item that parses is one the filter lets through.
    #[test]
    fn item_openers_cover_every_item() {
        let phrases = rows().into_iter().map(|r| r.0);
        let (mut items, mut ruled_out) = (0, 0);
        for line in CORPUS.iter().flat_map(|t| t.lines()).chain(phrases) {
            let view = FoldedText::new(line);
            for start in view.word_starts() {
                let at = &view.folded[start..];
                let opens = may_open_item(at);
                if item(at).is_ok() {
                    items += 1;
                    assert!(opens, "filtered out an item at {at:?}");
                }
                ruled_out += usize::from(!opens);
            }
        }
        assert!(items > 300, "{items}");
        assert!(ruled_out > 10 * items, "{ruled_out}");
    }

    #[test]
    fn grammar_file_loads() {
        assert!(!G.rules.is_empty());
        assert!(G.min_year < G.max_year);
    }
}
