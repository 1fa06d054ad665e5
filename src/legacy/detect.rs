//! Deciding whether text is in a legacy encoding, by how Vietnamese it reads.
//!
//! Every candidate decoding is scored by the share of its non-ASCII words that are
//! well-formed Vietnamese syllables (initial consonant, a real vowel cluster, a final
//! consonant, at most one tone mark). Right decodings score near 1; wrong ones put tone
//! marks on consonants, two tones in a word, symbols inside words. Detection only answers
//! when the best candidate is clearly Vietnamese and clearly better than the text as is,
//! so a valid Unicode document is never converted.

use unicode_normalization::UnicodeNormalization;

use super::{ALL, Legacy, decode_bytes, decode_latin_text};

/// Fewer scored words than this is too little evidence to convert anything.
pub const MIN_WORDS: usize = 8;
/// The score a decoding needs to be accepted.
pub const MIN_SCORE: f64 = 0.9;
/// How much better than the text as is a conversion must read.
pub const MIN_GAIN: f64 = 0.25;

/// The legacy encoding of bytes that are not UTF-8, when the evidence is clear.
pub fn detect_bytes(bytes: &[u8]) -> Option<Legacy> {
    best(
        ALL.iter()
            .map(|&e| (e, syllable_score(&decode_bytes(e, bytes)))),
        0.0,
    )
}

/// The legacy encoding of Unicode text that is really a legacy font's bytes read as
/// Latin-1 ("KÕ ho¹ch" for "Kế hoạch"), when the evidence is clear. Text with real
/// Vietnamese letters beyond Windows-1252 (ạ, ế, ơ …) is Unicode and is left alone.
pub fn detect_mojibake(text: &str) -> Option<Legacy> {
    let (mut latin, mut beyond) = (0usize, 0usize);
    // Only non-ASCII letters count: ASCII bytes are skipped without decoding.
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] < 0x80 {
            i += 1;
            continue;
        }
        // A letter of Windows-1252 takes two bytes in UTF-8, so the rest of the text holds
        // at most half its length of them: once the Vietnamese letters outnumber what
        // the test below could ever allow, the answer is None. Unicode plans stop within
        // their first pages instead of being read to the end.
        if beyond * 20 > latin + (b.len() - i) / 2 {
            return None;
        }
        let c = text[i..].chars().next().unwrap_or_default();
        i += c.len_utf8();
        if !crate::fold::is_letter(c) {
            continue;
        }
        if super::to_cp1252(c).is_some() {
            latin += 1
        } else {
            beyond += 1
        }
    }
    if latin < MIN_WORDS || beyond * 20 > latin {
        return None;
    }
    let (as_is, _) = syllable_score(text);
    best(
        ALL.iter()
            .map(|&e| (e, syllable_score(&decode_latin_text(e, text)))),
        as_is,
    )
}

fn best(scores: impl Iterator<Item = (Legacy, (f64, usize))>, as_is: f64) -> Option<Legacy> {
    let mut all: Vec<(Legacy, f64, usize)> = scores.map(|(e, (s, n))| (e, s, n)).collect();
    all.sort_by(|a, b| b.1.total_cmp(&a.1));
    let (enc, score, words) = *all.first()?;
    let runner_up = all.get(1).map_or(0.0, |r| r.1);
    (words >= MIN_WORDS
        && score >= MIN_SCORE
        && score - as_is >= MIN_GAIN
        && score - runner_up >= 0.05)
        .then_some(enc)
}

/// Share of the words with non-ASCII characters that are well-formed Vietnamese
/// syllables, and how many such words there were.
pub fn syllable_score(text: &str) -> (f64, usize) {
    let (mut good, mut total) = (0usize, 0usize);
    for raw in text.split(|c: char| {
        c.is_whitespace() || (c.is_ascii_punctuation() && c != '\'') || c.is_ascii_digit()
    }) {
        let word = raw.trim_matches(|c: char| !crate::fold::is_alnum(c) && !is_symbol_letter(c));
        if word.is_ascii() {
            continue;
        }
        total += 1;
        if is_syllable(word) {
            good += 1;
        }
    }
    (
        if total == 0 {
            0.0
        } else {
            good as f64 / total as f64
        },
        total,
    )
}

/// Latin-1 symbols that legacy bytes turn into: they count as part of the word (and make
/// it ill-formed) rather than as punctuation around it.
fn is_symbol_letter(c: char) -> bool {
    ('\u{a1}'..='\u{bf}').contains(&c) || ('\u{80}'..='\u{9f}').contains(&c)
}

const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];
const INITIALS: [&str; 27] = [
    "ngh", "ch", "gh", "gi", "kh", "ng", "nh", "ph", "qu", "th", "tr", "b", "c", "d", "đ", "g",
    "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x",
];
const FINALS: [&str; 9] = ["ng", "nh", "ch", "c", "m", "n", "p", "t", ""];
const VOWELS: &[&str] = &[
    "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "ai", "ao", "au", "ay", "âu", "ây",
    "eo", "êu", "ia", "iê", "iu", "oa", "oă", "oe", "oi", "ôi", "ơi", "oo", "ua", "uâ", "uê", "ui",
    "uô", "uơ", "uy", "ưa", "ưi", "ưu", "ươ", "yê", "iêu", "yêu", "oai", "oay", "oeo", "uây",
    "uôi", "ươi", "ươu", "uya", "uyê", "uyu",
];

/// A well-formed Vietnamese syllable (any case, either tone-mark style).
pub fn is_syllable(word: &str) -> bool {
    let mut tones = 0;
    let mut base = String::with_capacity(word.len());
    for c in word.to_lowercase().nfd() {
        if TONES.contains(&c) {
            tones += 1;
        } else {
            base.push(c);
        }
    }
    let base: String = base.nfc().collect();
    if tones > 1 || !base.chars().all(crate::fold::is_letter) {
        return false;
    }
    let rest_ok = |rest: &str| {
        FINALS
            .iter()
            .any(|f| rest.strip_suffix(f).is_some_and(|v| VOWELS.contains(&v)))
    };
    if rest_ok(&base) {
        return true;
    }
    INITIALS.iter().any(|i| {
        base.strip_prefix(i)
            .is_some_and(|rest| rest_ok(rest) || (*i == "gi" && FINALS.contains(&rest)))
    })
}
