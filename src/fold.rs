//! Text folding for matching: one tone-mark style, case folding, ASCII slugs.
//!
//! Vietnamese has two conventions for placing the tone mark on "oa", "oe", "uy"
//! ("hoà"/"hòa", "Uỷ"/"Ủy"); documents mix them. Everything that compares words goes
//! through [`fold`], which puts text in NFC, the modern style ("òa", "ủy") and lower case.

use unicode_normalization::UnicodeNormalization;

/// NFC and modern tone placement, case kept. `"Uỷ ban"` → `"Ủy ban"`.
///
/// The old style puts the mark on the second vowel of "oa", "oe", "uy" when the pair ends
/// the syllable ("hoà", "thuỷ"); the modern style puts it on the first ("hòa", "thủy").
/// In "hoàn", "khuỷu" both styles agree, so a pair followed by a letter is left alone.
/// One pass over the text; the common case (already NFC, nothing to move) allocates once.
pub fn tone_style(s: &str) -> String {
    let nfc: std::borrow::Cow<'_, str> = match unicode_normalization::is_nfc_quick(s.chars()) {
        unicode_normalization::IsNormalized::Yes => std::borrow::Cow::Borrowed(s),
        _ => std::borrow::Cow::Owned(s.nfc().collect()),
    };
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
    let pair = modern_pair(c, map(*chars.peek()?))?;
    let mut ahead = chars.clone();
    ahead.next();
    if ahead.next().is_some_and(char::is_alphabetic) {
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
    let nfc: std::borrow::Cow<'_, str> = if s.is_ascii() {
        std::borrow::Cow::Borrowed(s)
    } else {
        match unicode_normalization::is_nfc_quick(s.chars()) {
            unicode_normalization::IsNormalized::Yes => std::borrow::Cow::Borrowed(s),
            _ => std::borrow::Cow::Owned(s.nfc().collect()),
        }
    };
    let lower = |c: char| {
        if c.is_ascii() {
            c.to_ascii_lowercase()
        } else {
            c.to_lowercase().next().unwrap_or(c)
        }
    };
    let mut out = String::with_capacity(nfc.len());
    let mut space = false;
    let mut prev = ' ';
    let mut chars = nfc.chars().peekable();
    while let Some(raw) = chars.next() {
        if raw.is_whitespace() {
            space = !out.is_empty();
            prev = ' ';
            continue;
        }
        if std::mem::take(&mut space) {
            out.push(' ');
        }
        let c = lower(raw);
        if prev != 'q'
            && let Some((first, second)) = take_old_pair(c, &mut chars, lower)
        {
            out.push(first);
            out.push(second);
            prev = second;
            continue;
        }
        // Characters whose lower case is several chars (rare outside Vietnamese) keep them all.
        if !c.is_ascii() && raw.to_lowercase().nth(1).is_some() {
            out.extend(raw.to_lowercase());
        } else {
            out.push(c);
        }
        prev = c;
    }
    out
}

/// Collapse runs of whitespace to one space and trim.
pub fn collapse_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
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
