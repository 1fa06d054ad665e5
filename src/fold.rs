//! Text folding for matching: one tone-mark style, case folding, ASCII slugs.
//!
//! Vietnamese has two conventions for placing the tone mark on "oa", "oe", "uy"
//! ("hoà"/"hòa", "Uỷ"/"Ủy"); documents mix them. Everything that compares words goes
//! through [`fold`], which puts text in NFC, the modern style ("òa", "ủy") and lower case.

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization;

/// NFC and modern tone placement, case kept. `"Uỷ ban"` → `"Ủy ban"`.
///
/// The old style puts the mark on the second vowel of "oa", "oe", "uy" when the pair ends
/// the syllable ("hoà", "thuỷ"); the modern style puts it on the first ("hòa", "thủy").
/// In "hoàn", "khuỷu" both styles agree, so a pair followed by a letter is left alone.
/// One pass over the text; the common case (already NFC, nothing to move) allocates once.
pub fn tone_style(s: &str) -> String {
    let nfc = nfc(s);
    let mut out = String::with_capacity(nfc.len());
    let mut chars = nfc.chars().peekable();
    let mut prev = ' ';
    while let Some(c) = chars.next() {
        // In "qu" the u is part of the consonant: "Quý" is already modern.
        let after_q = matches!(prev, 'q' | 'Q');
        prev = c;
        if !after_q && let Some((first, second)) = take_old_pair(c, &mut chars, |x| x) {
            out.push(first);
            out.push(second);
            prev = second;
            continue;
        }
        out.push(c);
    }
    out
}

/// When `c` and the next character are an old-style pair that ends its syllable ("oà"
/// in "hoà", not in "hoàn"), consume the second one and return the modern pair. `map`
/// is applied to the next character first (lower-casing, for `fold`).
fn take_old_pair(
    c: char,
    chars: &mut std::iter::Peekable<std::str::Chars<'_>>,
    map: impl Fn(char) -> char,
) -> Option<(char, char)> {
    if !matches!(c, 'o' | 'O' | 'u' | 'U') {
        return None;
    }
    let next = *chars.peek()?;
    // The second vowel carries a tone mark, so it is never ASCII: most "o"/"u" stop here.
    if next.is_ascii() {
        return None;
    }
    let pair = modern_pair(c, map(next))?;
    let mut ahead = chars.clone();
    ahead.next();
    if ahead.next().is_some_and(is_letter) {
        return None;
    }
    chars.next();
    Some(pair)
}

/// The modern spelling of an old-style pair: ('o', 'à') → ('ò', 'a').
fn modern_pair(first: char, second: char) -> Option<(char, char)> {
    // (unmarked second vowel, the five marked forms) for a, e, y in both cases.
    const SECOND: [(char, [char; 5]); 6] = [
        ('a', ['à', 'á', 'ả', 'ã', 'ạ']),
        ('e', ['è', 'é', 'ẻ', 'ẽ', 'ẹ']),
        ('y', ['ỳ', 'ý', 'ỷ', 'ỹ', 'ỵ']),
        ('A', ['À', 'Á', 'Ả', 'Ã', 'Ạ']),
        ('E', ['È', 'É', 'Ẻ', 'Ẽ', 'Ẹ']),
        ('Y', ['Ỳ', 'Ý', 'Ỷ', 'Ỹ', 'Ỵ']),
    ];
    // The first vowel with each of the five marks.
    const FIRST: [(char, [char; 5]); 4] = [
        ('o', ['ò', 'ó', 'ỏ', 'õ', 'ọ']),
        ('u', ['ù', 'ú', 'ủ', 'ũ', 'ụ']),
        ('O', ['Ò', 'Ó', 'Ỏ', 'Õ', 'Ọ']),
        ('U', ['Ù', 'Ú', 'Ủ', 'Ũ', 'Ụ']),
    ];
    let (plain, mark) = SECOND
        .iter()
        .find_map(|(p, marked)| marked.iter().position(|m| *m == second).map(|k| (*p, k)))?;
    // "oa", "oe" take o; "uy" takes u.
    let valid = matches!(
        (first.to_ascii_lowercase(), plain.to_ascii_lowercase()),
        ('o', 'a') | ('o', 'e') | ('u', 'y')
    );
    if !valid {
        return None;
    }
    let marked_first = FIRST.iter().find(|(p, _)| *p == first)?.1[mark];
    Some((marked_first, plain))
}

/// The matching form: NFC, modern tone style, lower case, whitespace collapsed.
/// One pass and one allocation: it runs on every phrase the grammars compare.
pub fn fold(s: &str) -> String {
    if let Some(folded) = fold_aligned_with(s, true) {
        return folded;
    }
    let mut out = String::with_capacity(s.len());
    fold_into_until(&mut out, s, usize::MAX);
    out
}

/// [`fold`] character by character, keeping every byte offset: lower case and the modern
/// tone style, whitespace left as it is. `None` when some character is outside ASCII,
/// Latin up to U+024F, the Vietnamese block (U+1E00..U+1EFF) and common punctuation
/// (U+2010..U+2027) — there the text may not be NFC or a character may change length —
/// and callers fold piece by piece instead.
///
/// Folding a character looks only at its neighbours inside the same word ("qu", and
/// whether a letter follows an old-style pair), so the fold of a token that starts and
/// ends at a word boundary is the same slice of this string: tokenizers fold a text once
/// and slice it.
pub(crate) fn fold_aligned(s: &str) -> Option<String> {
    fold_aligned_with(s, false)
}

/// [`fold`]`(s)` when it is also [`fold_aligned`]`(s)` (offsets kept, whitespace
/// already single inner spaces); `None` otherwise.
pub(crate) fn fold_exact_aligned(s: &str) -> Option<String> {
    fold_aligned_with(s, true)
}

/// [`fold_aligned`]; with `collapsed`, also `None` unless the whitespace is single inner
/// spaces, so that the result is exactly [`fold`]`(s)`.
fn fold_aligned_with(s: &str, collapsed: bool) -> Option<String> {
    let mut out = String::with_capacity(s.len());
    fold_aligned_into(&mut out, s, collapsed).then_some(out)
}

/// [`fold_aligned_with`], appended to `out`; false (and `out` as it was) when the text
/// needs the slow path.
fn fold_aligned_into(out: &mut String, s: &str, collapsed: bool) -> bool {
    let base = out.len();
    let done = fold_aligned_append(out, s, collapsed).is_some();
    if !done {
        out.truncate(base);
    }
    done
}

fn fold_aligned_append(out: &mut String, s: &str, collapsed: bool) -> Option<()> {
    // Most characters fold to themselves: copy unchanged runs whole and write only the
    // characters that change (capitals, old-style pairs). Each case pair handled here
    // differs only in its last UTF-8 byte, so the test reads bytes.
    let b = s.as_bytes();
    let mut copied = 0;
    let mut i = 0;
    while i < b.len() {
        let x = b[i];
        // The commonest bytes first: ASCII that folds to itself, and lower-case letters
        // of the Vietnamese block (odd code points).
        if PLAIN_ASCII[usize::from(x)] {
            i += 1;
            continue;
        }
        if x == b' ' {
            // Only single spaces between words are already collapsed.
            if collapsed && (i == 0 || i + 1 == b.len() || b[i - 1] == b' ') {
                return None;
            }
            i += 1;
            continue;
        }
        // A lower-case "o"/"u" went by as plain: with the marked vowel after it, it may be
        // an old-style pair ("oà" → "òa"; "qu" is a consonant).
        if x >= 0x80
            && i > 0
            && matches!(b[i - 1], b'o' | b'u')
            && (i == 1 || !b[i - 2].eq_ignore_ascii_case(&b'q'))
            && let Some((pair, len)) = old_pair_at(s, i - 1, char::from(b[i - 1]))
        {
            out.push_str(&s[copied..i - 1]);
            out.push_str(&pair);
            i += len - 1;
            copied = i;
            continue;
        }
        if x == 0xE1
            && let [_, b1 @ 0xB8..=0xBB, b2, ..] = b[i..]
            && b2 & 1 == 1
            && !(b1 == 0xBA && (0x96..=0x9F).contains(&b2))
        {
            i += 3;
            continue;
        }
        let (len, upper) = if x < 0x80 {
            if collapsed && x <= b' ' {
                // Non-ASCII whitespace is outside the ranges below and ends the fast path.
                let lone_space = x == b' ' && i > 0 && i + 1 < b.len() && b[i - 1] != b' ';
                if !lone_space && (x == b' ' || (0x09..=0x0D).contains(&x)) {
                    return None;
                }
            }
            let lower = x.to_ascii_lowercase();
            // An old-style pair is "O"/"U" and a marked (non-ASCII) vowel; "QU" is a
            // consonant. (Lower-case "o"/"u" are plain; see above.)
            if matches!(lower, b'o' | b'u')
                && b.get(i + 1).is_some_and(|&n| n >= 0x80)
                && (i == 0 || !b[i - 1].eq_ignore_ascii_case(&b'q'))
                && let Some((pair, len)) = old_pair_at(s, i, char::from(lower))
            {
                out.push_str(&s[copied..i]);
                out.push_str(&pair);
                i += len;
                copied = i;
                continue;
            }
            (1, x != lower)
        } else {
            let b1 = b.get(i + 1).copied().unwrap_or(0);
            let b2 = b.get(i + 2).copied().unwrap_or(0);
            match (x, b1) {
                // U+0080..U+00BF: no case; U+0085 and U+00A0 are whitespace.
                (0xC2, 0x85 | 0xA0) if collapsed => return None,
                (0xC2, _) => (2, false),
                // U+00C0..U+00DE (not U+00D7 "×") are capitals; U+00DF..U+00FF are not.
                (0xC3, _) => (2, b1 <= 0x9E && b1 != 0x97),
                // Latin Extended-A pairs, capitals at even code points: U+0100..U+012F,
                // U+0132..U+0137, U+014A..U+0177.
                (0xC4, 0x80..=0xAF | 0xB2..=0xB7) | (0xC5, 0x8A..=0xB7) => (2, b1 & 1 == 0),
                // "Ơ", "Ư" (U+01A0, U+01AF) and their lower case.
                (0xC6, 0xA0 | 0xAF) => (2, true),
                (0xC6, 0xA1 | 0xB0) => (2, false),
                // U+1E00..U+1E95 and U+1EA0..U+1EFF, capitals at even code points.
                (0xE1, 0xB8 | 0xB9 | 0xBB) => (3, b2 & 1 == 0),
                (0xE1, 0xBA) if !(0x96..=0x9F).contains(&b2) => (3, b2 & 1 == 0),
                // U+2010..U+2027: punctuation, no case.
                (0xE2, 0x80) if (0x90..=0xA7).contains(&b2) => (3, false),
                _ => return None,
            }
        };
        if upper {
            let c = s[i..].chars().next()?;
            let lower = lower_fast(c)?;
            if lower.len_utf8() != len {
                return None;
            }
            out.push_str(&s[copied..i]);
            out.push(lower);
            copied = i + len;
        }
        i += len;
    }
    out.push_str(&s[copied..]);
    Some(())
}

/// ASCII bytes that [`fold_aligned_append`] copies without a look: not a capital, not
/// whitespace or a control. ("o"/"u" may start an old-style pair: that is checked at the
/// non-ASCII byte after them.)
const PLAIN_ASCII: [bool; 256] = {
    let mut t = [false; 256];
    let mut x = 0x21;
    while x < 0x7F {
        t[x] = !(x as u8).is_ascii_uppercase();
        x += 1;
    }
    t
};

/// At byte `i` of `s`, `first` ("o"/"u", lower case) starting an old-style pair that ends
/// its syllable: the modern pair and the input length it replaces.
fn old_pair_at(s: &str, i: usize, first: char) -> Option<(String, usize)> {
    let mut chars = s[i + 1..].chars().peekable();
    let next_len = chars.peek()?.len_utf8();
    let (a, b) = take_old_pair(first, &mut chars, lower_char)?;
    let pair: String = [a, b].into_iter().collect();
    // Both spellings have the same length ("oà" and "òa" are 3 bytes each).
    let len = 1 + next_len;
    (pair.len() == len).then_some((pair, len))
}

/// Whether `text` may hold the folded `phrase` as prose writes it: the phrase after its
/// first character occurs in `text` as is. Text in NFC (as every stage after normalizing
/// holds it) with the phrase in lower case after its first letter ("Hoàn thành", "hoàn
/// thành") passes, so a caller can skip folding text that cannot match; a phrase written
/// all in capitals ("HOÀN THÀNH") does not, which callers reading a task's prose accept.
/// Only for phrases that both tone styles spell alike (no "oa", "oe", "uy" ending a
/// syllable).
pub(crate) fn may_hold(text: &str, phrase: &str) -> bool {
    let tail = prose_tail(phrase);
    tail.is_empty() || memchr::memmem::find(text.as_bytes(), tail.as_bytes()).is_some()
}

/// A folded phrase after its first character: what [`may_hold`] looks for, the same in
/// prose whatever the case of the phrase's first letter.
pub(crate) fn prose_tail(phrase: &str) -> &str {
    let mut chars = phrase.chars();
    chars.next();
    chars.as_str()
}

/// [`fold`], appended to `out` (which may already hold text: a leading space is
/// only written between words). Lets a caller fold many tokens into one buffer.
pub(crate) fn fold_into(out: &mut String, s: &str) {
    // Whitespace inside `s` is collapsed as `fold` does; a space before it is the caller's.
    if !fold_aligned_into(out, s, true) {
        fold_into_until(out, s, usize::MAX);
    }
}

/// The start of [`fold`]`(s)`: at least `min_len` bytes of it (all of it when it is
/// shorter). Prefix tests against lexicon phrases need only the head of a line or block,
/// and folding whole paragraphs for them was a large share of the pipeline's time.
pub fn fold_prefix(s: &str, min_len: usize) -> String {
    // Folding keeps byte lengths in the Latin blocks and NFC and whitespace collapsing
    // only shrink text, so the head of the input usually suffices; a cut can change only
    // the last characters it produces (a tone pair, a mark composed across the cut),
    // hence the margin, and a cut that left too little (long runs of spaces or marks)
    // is retried with more.
    const MARGIN: usize = 16;
    let want = min_len.saturating_add(2 * MARGIN);
    let mut take = want.saturating_add(MARGIN);
    loop {
        let mut cut = take.min(s.len());
        while !s.is_char_boundary(cut) {
            cut += 1;
        }
        let head = s[..cut].trim_end_matches(' ');
        let mut out = match fold_aligned_with(head, true) {
            Some(folded) => folded,
            None => {
                let mut out = String::with_capacity(cut);
                fold_into_until(&mut out, head, want);
                out
            }
        };
        if cut == s.len() {
            return out;
        }
        if out.len() >= want {
            // Drop the last MARGIN bytes, which the cut may have disturbed; at least
            // `min_len` bytes remain.
            let mut keep = out.len() - MARGIN;
            while !out.is_char_boundary(keep) {
                keep -= 1;
            }
            out.truncate(keep);
            return out;
        }
        take = take.saturating_mul(2);
    }
}

/// [`fold_into`], stopping once `limit` bytes have been written.
fn fold_into_until(out: &mut String, s: &str, limit: usize) {
    let nfc = nfc(s);
    let base = out.len();
    let mut space = false;
    let mut prev = ' ';
    let mut chars = nfc.chars().peekable();
    while let Some(raw) = chars.next() {
        if out.len() - base >= limit {
            return;
        }
        // Most characters are ASCII letters, digits and punctuation that only need
        // lower-casing; "o"/"u" may start a tone pair and go the long way.
        if raw.is_ascii_graphic() && !matches!(raw as u8 | 0x20, b'o' | b'u') {
            if std::mem::take(&mut space) {
                out.push(' ');
            }
            prev = raw.to_ascii_lowercase();
            out.push(prev);
            continue;
        }
        if raw.is_whitespace() {
            space = out.len() > base;
            prev = ' ';
            continue;
        }
        if std::mem::take(&mut space) {
            out.push(' ');
        }
        let c = match lower_fast(raw) {
            Some(c) => c,
            // Outside the Latin blocks: the full Unicode mapping, which may give
            // several characters (they are all kept).
            None => {
                let mut lower = raw.to_lowercase();
                let c = lower.next().unwrap_or(raw);
                out.push(c);
                out.extend(lower);
                prev = c;
                continue;
            }
        };
        // Only "o"/"u" start an old-style pair; "qu" is a consonant.
        if prev != 'q'
            && let Some((first, second)) = take_old_pair(c, &mut chars, lower_char)
        {
            out.push(first);
            out.push(second);
            prev = second;
            continue;
        }
        out.push(c);
        prev = c;
    }
}

/// `s` in NFC, borrowed when it already is. Text the normalizer produced is NFC, so
/// the usual answer comes from a range check on each character, not a table lookup.
pub(crate) fn nfc(s: &str) -> Cow<'_, str> {
    // Below U+0300 nothing decomposes or combines; precomposed Vietnamese letters
    // (U+1E00..U+1EFF) and common punctuation (U+2010..U+2027) are NFC starters too.
    if is_nfc_fast(s.as_bytes()) {
        return Cow::Borrowed(s);
    }
    match unicode_normalization::is_nfc_quick(s.chars()) {
        unicode_normalization::IsNormalized::Yes => Cow::Borrowed(s),
        _ => Cow::Owned(s.nfc().collect()),
    }
}

/// Whether every character of `b` (UTF-8) is below U+0300, a precomposed Vietnamese
/// letter (U+1E00..U+1EFF) or common punctuation (U+2010..U+2027): then the text is NFC
/// (nothing there decomposes or combines). Decided from the lead bytes, without decoding.
fn is_nfc_fast(b: &[u8]) -> bool {
    let mut i = 0;
    while i < b.len() {
        let x = b[i];
        if x < 0x80 {
            i += 1;
            continue;
        }
        let at = |k: usize| b.get(i + k).copied().unwrap_or(0);
        i += match x {
            // Two-byte sequences up to U+02FF.
            0xC2..=0xCB => 2,
            // U+1E00..U+1EFF: E1 B8..BB xx.
            0xE1 if matches!(at(1), 0xB8..=0xBB) => 3,
            // U+2010..U+2027: E2 80 90..A7.
            0xE2 if at(1) == 0x80 && matches!(at(2), 0x90..=0xA7) => 3,
            _ => return false,
        };
    }
    true
}

/// Lower case of one character, for matching. Exact for the Latin blocks Vietnamese
/// uses (computed, not looked up); elsewhere the first character of the Unicode
/// mapping.
pub(crate) fn lower_char(c: char) -> char {
    lower_fast(c).unwrap_or_else(|| c.to_lowercase().next().unwrap_or(c))
}

/// Lower case by arithmetic where the Unicode layout allows it: ASCII, Latin-1,
/// the case pairs of Latin Extended-A ("Đ" → "đ"), "Ơ"/"Ư", and Latin Extended
/// Additional (every precomposed Vietnamese vowel with a tone mark). `None`: ask Unicode.
fn lower_fast(c: char) -> Option<char> {
    let u = c as u32;
    let lower = match u {
        0..=0x7F => return Some(c.to_ascii_lowercase()),
        0x80..=0xBF | 0xD7 => u,
        0xC0..=0xDE => u + 0x20,
        0xDF..=0xFF => u,
        // Upper case at even code points, lower case at odd ones. U+0130 ("İ")
        // lowers to two characters, so it is left to Unicode.
        0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 | 0x1E00..=0x1E95 | 0x1EA0..=0x1EFF => u | 1,
        0x1A0 | 0x1AF => u + 1,
        0x1A1 | 0x1B0 => u,
        _ => return None,
    };
    char::from_u32(lower)
}

/// Whether `c` is a letter; [`char::is_alphabetic`] with the Vietnamese Latin
/// blocks answered by a range check.
pub(crate) fn is_letter(c: char) -> bool {
    let u = c as u32;
    match u {
        0..=0x7F => c.is_ascii_alphabetic(),
        0xC0..=0x24F => u != 0xD7 && u != 0xF7,
        0x1E00..=0x1EFF => true,
        _ => c.is_alphabetic(),
    }
}

/// Whether `c` is a letter or a digit ([`char::is_alphanumeric`], fast on Latin).
pub(crate) fn is_alnum(c: char) -> bool {
    c.is_ascii_digit() || is_letter(c) || (!c.is_ascii() && c.is_numeric())
}

/// Collapse runs of whitespace to one space and trim.
pub fn collapse_ws(s: &str) -> String {
    // Block text from the normalizer is usually collapsed already: then this is a copy.
    if !needs_collapse(s.as_bytes()) {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Whether `b` (UTF-8) has whitespace other than single inner spaces. Runs on every
/// block of text, so it is a handful of vectorised byte searches: for double spaces, for
/// ASCII control whitespace, and for the lead bytes of non-ASCII whitespace, each hit of
/// which is then decoded.
fn needs_collapse(b: &[u8]) -> bool {
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return true;
    }
    // Agency names and field values are short: one scalar pass costs less there than
    // setting up the vectorised searches below.
    if b.len() < SHORT {
        return needs_collapse_scalar(b);
    }
    if memchr::memmem::find(b, b"  ").is_some()
        || memchr::memchr3(b'\t', b'\n', b'\r', b).is_some()
        || memchr::memchr2(0x0B, 0x0C, b).is_some()
        // U+1680: its lead byte 0xE1 also leads every Vietnamese letter in U+1Exx.
        || memchr::memmem::find(b, "\u{1680}".as_bytes()).is_some()
    {
        return true;
    }
    memchr::memchr3_iter(0xC2, 0xE2, 0xE3, b).any(|i| multibyte_space_at(b, i))
}

/// Inputs shorter than this take [`needs_collapse_scalar`].
const SHORT: usize = 128;

fn needs_collapse_scalar(b: &[u8]) -> bool {
    let mut prev_space = false;
    for (i, &x) in b.iter().enumerate() {
        match x {
            b' ' if prev_space => return true,
            b'\t' | b'\n' | 0x0B | 0x0C | b'\r' => return true,
            0xC2 | 0xE1 | 0xE2 | 0xE3 if multibyte_space_at(b, i) => return true,
            _ => {}
        }
        prev_space = x == b' ';
    }
    false
}

/// Whether a whitespace character other than ASCII starts at `b[i]`.
fn multibyte_space_at(b: &[u8], i: usize) -> bool {
    let at = |k: usize| b.get(i + k).copied().unwrap_or(0);
    match b[i] {
        // U+0085, U+00A0
        0xC2 => matches!(at(1), 0x85 | 0xA0),
        // U+1680
        0xE1 => at(1) == 0x9A && at(2) == 0x80,
        // U+2000..U+200A, U+2028, U+2029, U+202F, U+205F
        0xE2 => match at(1) {
            0x80 => matches!(at(2), 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF),
            0x81 => at(2) == 0x9F,
            _ => false,
        },
        // U+3000
        0xE3 => at(1) == 0x80 && at(2) == 0x80,
        _ => false,
    }
}

/// Strip every diacritic: `"Đắk Lắk"` → `"Dak Lak"`.
pub fn strip_diacritics(s: &str) -> String {
    s.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| match c {
            'đ' => 'd',
            'Đ' => 'D',
            other => other,
        })
        .collect()
}

/// ASCII slug: diacritics stripped, lower case, runs of anything else become one `-`.
/// `"Văn phòng Ủy ban nhân dân tỉnh"` → `"van-phong-uy-ban-nhan-dan-tinh"`.
pub fn slug(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut dash = false;
    for c in strip_diacritics(s).chars() {
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c.to_ascii_lowercase());
        } else {
            dash = true;
        }
    }
    out
}

/// Upper-case the first letter, keep the rest.
pub fn capitalize_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{CORPUS, random_strings};

    #[test]
    fn tone_styles_unify() {
        for (old, new) in [
            ("Uỷ ban nhân dân", "Ủy ban nhân dân"),
            ("hoà bình", "hòa bình"),
            ("Sở Văn hoá, Thể thao", "Sở Văn hóa, Thể thao"),
            ("sức khoẻ", "sức khỏe"),
            ("hoàn thành", "hoàn thành"),
            ("khuỷu", "khuỷu"),
            ("Thuỷ lợi", "Thủy lợi"),
            ("HOÀ BÌNH", "HÒA BÌNH"),
            ("Quý", "Quý"),
            ("uý", "úy"),
            ("khoẻ.", "khỏe."),
        ] {
            assert_eq!(tone_style(old), new, "{old}");
        }
    }

    #[test]
    fn decomposed_input_is_composed() {
        let nfd: String = "Ủy ban".nfd().collect();
        assert_ne!(nfd, "Ủy ban");
        assert_eq!(tone_style(&nfd), "Ủy ban");
    }

    /// The arithmetic fast paths agree with the Unicode tables on every character.
    #[test]
    fn fast_character_classes_match_unicode() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            if let Some(l) = lower_fast(c) {
                let mut full = c.to_lowercase();
                assert_eq!(Some(l), full.next(), "lower {c:?}");
                assert_eq!(full.next(), None, "lower {c:?} is one character");
            }
            assert_eq!(is_letter(c), c.is_alphabetic(), "letter {c:?}");
            assert_eq!(is_alnum(c), c.is_alphanumeric(), "alnum {c:?}");
            let one = c.to_string();
            let u = c as u32;
            match fold_aligned(&one) {
                Some(f) if !c.is_whitespace() => {
                    let mut slow = String::new();
                    fold_into_until(&mut slow, &one, usize::MAX);
                    assert_eq!(f, slow, "aligned fold {c:?}");
                }
                Some(_) => {}
                // Every letter Vietnamese is written with takes the aligned path.
                None => {
                    let vietnamese = u < 0x80
                        || (0xC0..=0xFF).contains(&u)
                        || (0x1EA0..=0x1EF9).contains(&u)
                        || "đĐăĂơƠưƯĩĨũŨ".contains(c);
                    assert!(!vietnamese, "{c:?} is folded the slow way");
                }
            }
            let fast_range =
                u < 0x300 || (0x1E00..=0x1EFF).contains(&u) || (0x2010..=0x2027).contains(&u);
            assert_eq!(is_nfc_fast(one.as_bytes()), fast_range, "fast nfc {c:?}");
            if matches!(nfc(&one), Cow::Borrowed(_)) {
                assert_eq!(one.nfc().collect::<String>(), one, "nfc {c:?}");
            }
        }
        // Starters in the fast ranges compose with a following mark: not "already NFC".
        let decomposed = "Ư\u{303}";
        assert_eq!(nfc(decomposed), "Ữ");
    }

    /// A folded prefix is a prefix of the full fold, long enough, whatever the cut hits:
    /// tone pairs, decomposed marks, long runs of spaces, multi-byte characters.
    #[test]
    fn prefix_is_a_long_enough_head_of_the_fold() {
        let pieces = [
            "Uỷ ban ",
            "hoà",
            "Ho\u{300}a ",
            "   \t  ",
            "Ư\u{303}",
            "QUÝ ",
            "İ",
            "x",
            "\u{a0}",
            "Đ",
        ];
        for s in random_strings(0x9E37_79B9, &pieces, 40, 3000) {
            let full = fold(&s);
            for min_len in [0, 1, 5, 17, 40, 200] {
                let head = fold_prefix(&s, min_len);
                assert!(
                    full.starts_with(&head),
                    "{s:?} {min_len}: {head:?} / {full:?}"
                );
                assert!(head.len() >= min_len.min(full.len()), "{s:?} {min_len}");
            }
        }
    }

    /// The aligned fold equals the character-by-character fold, keeps every offset, and
    /// a word sliced out of it is that word's own fold.
    #[test]
    fn aligned_fold_keeps_offsets() {
        let pieces = [
            "Uỷ",
            "hoà",
            "HOÀ",
            "thuỷ",
            "qu",
            "Quý",
            "ho\u{300}a",
            " ",
            "  ",
            "\u{a0}",
            "İ",
            "Đ",
            "ơ",
            "Ư",
            "x",
            "O",
            "u",
            "ỷ",
            "à",
            "-",
            "/",
            "“",
            "µ",
            "ß",
            "Ω",
            "9",
            "\t",
        ];
        let mut aligned_seen = 0;
        for s in random_strings(0x1234_5678, &pieces, 12, 20_000) {
            let mut slow = String::new();
            fold_into_until(&mut slow, &s, usize::MAX);
            assert_eq!(fold(&s), slow, "{s:?}");
            if let Some(exact) = fold_aligned_with(&s, true) {
                assert_eq!(exact, slow, "{s:?}");
                assert!(!needs_collapse(s.as_bytes()), "{s:?}");
            }
            let Some(aligned) = fold_aligned(&s) else {
                continue;
            };
            aligned_seen += 1;
            assert_eq!(aligned.len(), s.len(), "{s:?}");
            // Every maximal run of letters, digits and marks folds to its slice.
            let mut start = None;
            for (k, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
                match (start, is_alnum(c)) {
                    (None, true) => start = Some(k),
                    (Some(a), false) => {
                        assert_eq!(fold(&s[a..k]), aligned[a..k], "{s:?} {a}..{k}");
                        start = None;
                    }
                    _ => {}
                }
            }
        }
        assert!(aligned_seen > 1000);
    }

    /// The fast paths agree with the character-by-character fold on every line of the
    /// corpus plans and on each plan as one text.
    #[test]
    fn fast_paths_agree_on_the_corpus() {
        let slow = |s: &str| {
            let mut out = String::new();
            fold_into_until(&mut out, s, usize::MAX);
            out
        };
        for plan in CORPUS {
            for text in plan.lines().chain([plan]) {
                assert_eq!(fold(text), slow(text), "{text:?}");
                assert_eq!(
                    fold_prefix(text, 40),
                    slow(text)[..fold_prefix(text, 40).len()]
                );
                if let Some(aligned) = fold_aligned(text) {
                    for word in text.split(|c: char| !is_alnum(c)).filter(|w| !w.is_empty()) {
                        let at = word.as_ptr() as usize - text.as_ptr() as usize;
                        assert_eq!(aligned[at..at + word.len()], fold(word), "{word:?}");
                    }
                }
            }
        }
    }

    /// The byte test finds every Unicode whitespace character, on short inputs (the
    /// scalar pass) and long ones (the vectorised searches).
    #[test]
    fn collapse_finds_every_whitespace() {
        let pad = "x".repeat(SHORT);
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let expected = c.is_whitespace() && c != ' ';
            for inner in [
                format!("a{c}b"),
                format!("a{c}b{pad}"),
                format!("{pad}a{c}b"),
            ] {
                assert_eq!(needs_collapse(inner.as_bytes()), expected, "{c:?}");
            }
        }
        for s in ["a  b", "a b c", "a  b c", "a b  c"] {
            let long = format!("{s}{pad}");
            let expected = s.contains("  ");
            assert_eq!(needs_collapse(s.as_bytes()), expected, "{s:?}");
            assert_eq!(needs_collapse(long.as_bytes()), expected, "{s:?}");
        }
        assert_eq!(collapse_ws("  a \u{a0} b\n"), "a b");
        assert_eq!(collapse_ws("a b"), "a b");
        assert_eq!(collapse_ws("a  b"), "a b");
    }

    #[test]
    fn fold_keeps_multi_character_lower_case() {
        assert_eq!(fold("İ"), "i\u{307}");
        assert_eq!(fold("ΣΑ Ä\u{b}Ơ"), "σα ä ơ");
    }

    /// The cheap test passes prose whatever the case of its first letter.
    #[test]
    fn may_hold_prose_phrases() {
        for (text, phrase, want) in [
            ("Hoàn thành trong quý II", "hoàn thành", true),
            ("sẽ hoàn thành sớm", "hoàn thành", true),
            ("Báo cáo Ủy ban", "báo cáo", true),
            ("Tổ chức hội nghị", "hoàn thành", false),
        ] {
            assert_eq!(may_hold(text, phrase), want, "{text}");
        }
    }

    #[test]
    fn slugs() {
        assert_eq!(
            slug("Văn phòng Ủy ban nhân dân tỉnh"),
            "van-phong-uy-ban-nhan-dan-tinh"
        );
        assert_eq!(
            slug("Sở Lao động - Thương binh và Xã hội"),
            "so-lao-dong-thuong-binh-va-xa-hoi"
        );
        assert_eq!(slug("Đài Phát thanh"), "dai-phat-thanh");
        assert_eq!(fold("  Uỷ   BAN "), "ủy ban");
        assert_eq!(fold("HOÀ\tBÌNH\n"), "hòa bình");
        assert_eq!(fold("Quý I"), "quý i");
        assert_eq!(fold("THUỶ"), "thủy");
        assert_eq!(fold(""), "");
    }
}
