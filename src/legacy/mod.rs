//! Pre-Unicode Vietnamese encodings: TCVN3 (ABC, the `.VnTime` fonts), VNI-Windows (the
//! `VNI-Times` fonts) and VISCII. Plans typed in the 1990s–2010s are still on file in
//! them, as raw bytes in text files, as Latin-1 characters in Word runs set in a legacy
//! font, and as Latin-1 mojibake in PDF text layers. The tables are data in
//! `grammar/encodings/`; [`detect`] decides from the text itself when to use them.

pub mod detect;
mod tables;

use unicode_normalization::UnicodeNormalization;

pub use detect::{detect_bytes, detect_mojibake, syllable_score};

/// A legacy Vietnamese encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Legacy {
    /// TCVN 5712:1993 VN3 (with the VN1 capitals in byte streams).
    Tcvn3,
    /// VNI-Windows: base letter followed by a diacritic code.
    Vni,
    /// VISCII (RFC 1456).
    Viscii,
}

/// Every legacy encoding, in the order detection tries them.
pub const ALL: [Legacy; 3] = [Legacy::Tcvn3, Legacy::Vni, Legacy::Viscii];

/// What `--encoding` asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Choice {
    /// Detect from byte/character statistics and font names.
    #[default]
    Auto,
    /// Unicode only: never convert.
    Utf8,
    /// This legacy encoding, whatever detection says.
    Forced(Legacy),
}

impl Legacy {
    /// The name recorded in `source.encoding`.
    pub fn name(self) -> &'static str {
        match self {
            Legacy::Tcvn3 => "tcvn3",
            Legacy::Vni => "vni",
            Legacy::Viscii => "viscii",
        }
    }

    /// The encoding a font is set in, from its name: `.VnTime`, `.VnTimeH`, `.VnArial` …
    /// are TCVN3; `VNI-Times`, `VNI-Helve` … are VNI; `VISCII`/`VI…` fonts are VISCII.
    /// Returns whether the font is an all-capitals face too (`.VnTimeH`: its lower-case
    /// code points draw capitals).
    pub fn of_font(font: &str) -> Option<(Legacy, bool)> {
        let f = font.trim();
        if let Some(rest) = f
            .strip_prefix(".Vn")
            .or_else(|| f.strip_prefix(".vn"))
            .or_else(|| f.strip_prefix(".VN"))
        {
            // ".VnTimeH", ".VnArialH", ".VnTime H"? The capitals faces end in "H".
            let caps = rest.trim_end().ends_with('H') && rest.len() > 1;
            return Some((Legacy::Tcvn3, caps));
        }
        let lower = f.to_ascii_lowercase();
        if lower.starts_with("vni-") || lower.starts_with("vni ") {
            return Some((Legacy::Vni, false));
        }
        if lower.starts_with("viscii") || lower.starts_with("vps ") {
            return Some((Legacy::Viscii, false));
        }
        None
    }
}

/// Decode a byte stream (a text file) in `enc`. ASCII stays ASCII; a byte the table does
/// not map is read as Windows-1252. The result is NFC.
pub fn decode_bytes(enc: Legacy, bytes: &[u8]) -> String {
    let t = tables::tables();
    let out: String = match enc {
        Legacy::Vni => decode_vni(&bytes.iter().map(|&b| cp1252(b)).collect::<String>()),
        Legacy::Tcvn3 => bytes
            .iter()
            .map(|&b| t.tcvn3[usize::from(b)].unwrap_or_else(|| cp1252(b)))
            .collect(),
        Legacy::Viscii => bytes
            .iter()
            .map(|&b| t.viscii[usize::from(b)].unwrap_or_else(|| cp1252(b)))
            .collect(),
    };
    out.nfc().collect()
}

/// Map text set in a legacy font (a Word run, a PDF text layer): its characters are the
/// font's bytes read as Windows-1252. For TCVN3 only U+00A0–U+00FF go through the table
/// (the VN3 fonts have letters only there; 0x80–0x9F are Word's quotes and dashes); for
/// VISCII every Windows-1252 character does. Everything else is kept. `caps` upper-cases
/// the result (the `.VnTimeH` faces).
pub fn decode_font_text(enc: Legacy, text: &str, caps: bool) -> String {
    let t = tables::tables();
    let latin = |c: char| u8::try_from(u32::from(c)).ok().filter(|&b| b >= 0xA0);
    let out: String = match enc {
        Legacy::Vni => decode_vni(text),
        Legacy::Tcvn3 => text
            .chars()
            .map(|c| latin(c).and_then(|b| t.tcvn3[usize::from(b)]).unwrap_or(c))
            .collect(),
        // VISCII puts letters in 0x80-0x9F and six control codes too.
        Legacy::Viscii => text
            .chars()
            .map(|c| {
                to_cp1252(c)
                    .and_then(|b| t.viscii[usize::from(b)])
                    .unwrap_or(c)
            })
            .collect(),
    };
    let out: String = out.nfc().collect();
    if caps { out.to_uppercase() } else { out }
}

/// Map Unicode text that is a legacy byte stream read as Windows-1252 (a TCVN3 text file
/// converted to UTF-8 as if it were Latin-1): every character with a Windows-1252 byte
/// goes through the whole table, so TCVN3's capitals at 0x01–0x17 and 0x80–0x9F come back
/// too (unlike [`decode_font_text`], which serves VN3 fonts).
pub fn decode_latin_text(enc: Legacy, text: &str) -> String {
    let t = tables::tables();
    match enc {
        Legacy::Tcvn3 => text
            .chars()
            .map(|c| {
                to_cp1252(c)
                    .and_then(|b| t.tcvn3[usize::from(b)])
                    .unwrap_or(c)
            })
            .collect::<String>()
            .nfc()
            .collect(),
        _ => decode_font_text(enc, text, false),
    }
}

/// Encode Unicode text as `enc` bytes (for tests and conversions). Characters the
/// encoding lacks are written as ASCII look-alikes ("“" → '"', "…" → "...") or '?'.
pub fn encode(enc: Legacy, text: &str) -> Vec<u8> {
    let t = tables::tables();
    let mut out = Vec::with_capacity(text.len());
    for c in text.nfc() {
        if c.is_ascii() {
            out.push(c as u8);
            continue;
        }
        let done = match enc {
            Legacy::Vni => t
                .vni_encode
                .get(&c)
                .map(|s| out.extend(s.chars().filter_map(to_cp1252)))
                .is_some(),
            Legacy::Tcvn3 => t.tcvn3_encode.get(&c).map(|&b| out.push(b)).is_some(),
            Legacy::Viscii => t.viscii_encode.get(&c).map(|&b| out.push(b)).is_some(),
        };
        if !done {
            out.extend_from_slice(ascii_fallback(c).as_bytes());
        }
    }
    out
}

/// [`encode`], then read the bytes as Latin-1/Windows-1252 characters: what a PDF or a
/// Word run set in a legacy font shows when read as Unicode.
pub fn encode_as_font_text(enc: Legacy, text: &str) -> String {
    encode(enc, text).into_iter().map(cp1252).collect()
}

fn ascii_fallback(c: char) -> &'static str {
    match c {
        '“' | '”' | '„' => "\"",
        '‘' | '’' => "'",
        '…' => "...",
        '–' | '—' => "-",
        '\u{a0}' => " ",
        _ => "?",
    }
}

fn decode_vni(text: &str) -> String {
    let t = tables::tables();
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if let Some(&next) = chars.get(i + 1)
            && let Some(&c) = t.vni_decode.get(&[chars[i], next][..])
        {
            out.push(c);
            i += 2;
            continue;
        }
        out.push(
            t.vni_decode
                .get(&[chars[i]][..])
                .copied()
                .unwrap_or(chars[i]),
        );
        i += 1;
    }
    out
}

/// Windows-1252: Latin-1 with punctuation in 0x80–0x9F (undefined bytes stay C1 controls).
pub fn cp1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

/// The Windows-1252 byte of a character, if it has one.
pub fn to_cp1252(c: char) -> Option<u8> {
    if let Ok(b) = u8::try_from(u32::from(c))
        && !(0x80..=0x9F).contains(&b)
    {
        return Some(b);
    }
    // The characters of 0x80..0x9F lie below U+0100 or in these two ranges; Vietnamese
    // letters (U+1E00..U+1EFF, "đ") are ruled out without a search. Detection asks this
    // of every non-ASCII letter of every input.
    if !matches!(u32::from(c), 0x80..=0x9F | 0x152..=0x2DC | 0x2013..=0x2122) {
        return None;
    }
    (0x80..=0x9Fu8).find(|&b| cp1252(b) == c)
}

#[cfg(test)]
mod tests;
