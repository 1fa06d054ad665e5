//! Text folding for matching: one tone-mark style, case folding, ASCII slugs.
//!
//! Vietnamese has two conventions for placing the tone mark on "oa", "oe", "uy"
//! ("hoà"/"hòa", "Uỷ"/"Ủy"); documents mix them. Everything that compares words goes
//! through [`fold`], which puts text in NFC, the modern style ("òa", "ủy") and lower case.

use unicode_normalization::UnicodeNormalization;

/// Old-style tone placement and its modern equivalent, lower and upper case.
const OLD_TO_NEW: &[(&str, &str)] = &[
    ("oà", "òa"), ("oá", "óa"), ("oả", "ỏa"), ("oã", "õa"), ("oạ", "ọa"),
    ("oè", "òe"), ("oé", "óe"), ("oẻ", "ỏe"), ("oẽ", "õe"), ("oẹ", "ọe"),
    ("uỳ", "ùy"), ("uý", "úy"), ("uỷ", "ủy"), ("uỹ", "ũy"), ("uỵ", "ụy"),
    ("Oà", "Òa"), ("Oá", "Óa"), ("Oả", "Ỏa"), ("Oã", "Õa"), ("Oạ", "Ọa"),
    ("Oè", "Òe"), ("Oé", "Óe"), ("Oẻ", "Ỏe"), ("Oẽ", "Õe"), ("Oẹ", "Ọe"),
    ("Uỳ", "Ùy"), ("Uý", "Úy"), ("Uỷ", "Ủy"), ("Uỹ", "Ũy"), ("Uỵ", "Ụy"),
    ("OÀ", "ÒA"), ("OÁ", "ÓA"), ("OẢ", "ỎA"), ("OÃ", "ÕA"), ("OẠ", "ỌA"),
    ("OÈ", "ÒE"), ("OÉ", "ÓE"), ("OẺ", "ỎE"), ("OẼ", "ÕE"), ("OẸ", "ỌE"),
    ("UỲ", "ÙY"), ("UÝ", "ÚY"), ("UỶ", "ỦY"), ("UỸ", "ŨY"), ("UỴ", "ỤY"),
];

/// NFC and modern tone placement, case kept. `"Uỷ ban"` → `"Ủy ban"`.
///
/// The old style only differs when the vowel pair ends the syllable ("hoà", "thuỷ");
/// in "hoàn", "khuỷu" the mark sits where both styles put it, so those are left alone.
pub fn tone_style(s: &str) -> String {
    let nfc: String = s.nfc().collect();
    if !nfc.chars().any(is_old_style_candidate) {
        return nfc;
    }
    let mut out = String::with_capacity(nfc.len());
    let mut rest = nfc.as_str();
    'outer: while !rest.is_empty() {
        for (old, new) in OLD_TO_NEW {
            if let Some(after) = rest.strip_prefix(old) {
                let ends_syllable = after.chars().next().is_none_or(|c| !c.is_alphabetic());
                if ends_syllable {
                    out.push_str(new);
                    rest = after;
                    continue 'outer;
                }
            }
        }
        let c = rest.chars().next().expect("non-empty");
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

fn is_old_style_candidate(c: char) -> bool {
    matches!(
        c,
        'à' | 'á' | 'ả' | 'ã' | 'ạ' | 'è' | 'é' | 'ẻ' | 'ẽ' | 'ẹ' | 'ỳ' | 'ý' | 'ỷ' | 'ỹ' | 'ỵ'
            | 'À' | 'Á' | 'Ả' | 'Ã' | 'Ạ' | 'È' | 'É' | 'Ẻ' | 'Ẽ' | 'Ẹ' | 'Ỳ' | 'Ý' | 'Ỷ' | 'Ỹ' | 'Ỵ'
    )
}

/// The matching form: NFC, modern tone style, lower case, whitespace collapsed.
pub fn fold(s: &str) -> String {
    collapse_ws(&tone_style(s).to_lowercase())
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
        assert_eq!(slug("Văn phòng Ủy ban nhân dân tỉnh"), "van-phong-uy-ban-nhan-dan-tinh");
        assert_eq!(slug("Sở Lao động - Thương binh và Xã hội"), "so-lao-dong-thuong-binh-va-xa-hoi");
        assert_eq!(slug("Đài Phát thanh"), "dai-phat-thanh");
        assert_eq!(fold("  Uỷ   BAN "), "ủy ban");
    }
}
