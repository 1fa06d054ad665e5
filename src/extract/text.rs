//! Plain-text decoding: UTF-8 with or without BOM, UTF-16 LE/BE with BOM, and the legacy
//! Vietnamese encodings (TCVN3, VNI, VISCII) when detection is confident or asked for.

use crate::error::ErrorKind;
use crate::legacy::{self, Choice};

/// [`decode`] with the `--encoding` choice. In `auto`, bytes that are not UTF-8 are tried
/// as legacy encodings, and UTF-8 text that is a legacy encoding read as Latin-1
/// ("KÕ ho¹ch") is repaired; a valid Unicode document is never converted.
pub fn decode_with(bytes: &[u8], choice: Choice) -> Result<(String, String), ErrorKind> {
    match (choice, decode(bytes)) {
        (Choice::Utf8, r) => r.map(|(t, e)| (t, e.to_owned())),
        (Choice::Auto, Ok((t, e))) => Ok(match legacy::detect_mojibake(&t) {
            Some(l) => (legacy::decode_latin_text(l, &t), l.name().to_owned()),
            None => (t, e.to_owned()),
        }),
        (Choice::Auto, Err(err @ ErrorKind::InvalidUtf8 { .. })) => {
            match legacy::detect_bytes(bytes) {
                Some(l) => legacy_bytes(bytes, l),
                None => Err(err),
            }
        }
        (Choice::Auto, Err(err)) => Err(err),
        // Unicode text (a converted file read as Latin-1) or raw legacy bytes.
        (Choice::Forced(l), Ok((t, _))) if !t.is_ascii() => {
            Ok((legacy::decode_latin_text(l, &t), l.name().to_owned()))
        }
        (Choice::Forced(l), Ok(_) | Err(ErrorKind::InvalidUtf8 { .. })) => legacy_bytes(bytes, l),
        (Choice::Forced(_), Err(err)) => Err(err),
    }
}

fn legacy_bytes(bytes: &[u8], enc: legacy::Legacy) -> Result<(String, String), ErrorKind> {
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(ErrorKind::Binary { offset });
    }
    let text = legacy::decode_bytes(enc, bytes);
    if text.trim().is_empty() {
        return Err(ErrorKind::Empty);
    }
    Ok((text, enc.name().to_owned()))
}

/// Decode text bytes; returns the text and the encoding name recorded in `source.encoding`.
pub fn decode(bytes: &[u8]) -> Result<(String, &'static str), ErrorKind> {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return utf8(rest, 3).map(|t| (t, "utf-8"));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, u16::from_le_bytes).map(|t| (t, "utf-16le"));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, u16::from_be_bytes).map(|t| (t, "utf-16be"));
    }
    utf8(bytes, 0).map(|t| (t, "utf-8"))
}

fn utf8(bytes: &[u8], base: usize) -> Result<String, ErrorKind> {
    // Validation runs on every input: the vectorised check first, the standard one
    // (which says where the text goes wrong) only for text that fails it.
    let text = match simdutf8::basic::from_utf8(bytes) {
        Ok(text) => text,
        Err(_) => std::str::from_utf8(bytes).map_err(|e| ErrorKind::InvalidUtf8 {
            offset: base + e.valid_up_to(),
        })?,
    };
    if let Some(offset) = memchr::memchr(0, text.as_bytes()) {
        return Err(ErrorKind::Binary {
            offset: base + offset,
        });
    }
    if text.trim().is_empty() {
        return Err(ErrorKind::Empty);
    }
    Ok(text.to_owned())
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, ErrorKind> {
    if !bytes.len().is_multiple_of(2) {
        return Err(ErrorKind::InvalidUtf16 {
            offset: 2 + bytes.len() - 1,
        });
    }
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    let mut text = String::with_capacity(bytes.len());
    for (i, r) in char::decode_utf16(units).enumerate() {
        match r {
            Ok('\0') => return Err(ErrorKind::Binary { offset: 2 + 2 * i }),
            Ok(c) => text.push(c),
            Err(_) => return Err(ErrorKind::InvalidUtf16 { offset: 2 + 2 * i }),
        }
    }
    if text.trim().is_empty() {
        return Err(ErrorKind::Empty);
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings() {
        assert_eq!(
            decode("Kế hoạch".as_bytes()).unwrap(),
            ("Kế hoạch".into(), "utf-8")
        );
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice("Số".as_bytes());
        assert_eq!(decode(&bom).unwrap().0, "Số");
        let mut le = vec![0xFF, 0xFE];
        le.extend("Sở".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(&le).unwrap(), ("Sở".into(), "utf-16le"));
        let mut be = vec![0xFE, 0xFF];
        be.extend("Sở".encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode(&be).unwrap(), ("Sở".into(), "utf-16be"));
    }

    #[test]
    fn bad_inputs() {
        assert!(matches!(decode(b""), Err(ErrorKind::Empty)));
        assert!(matches!(decode(b" \n\t"), Err(ErrorKind::Empty)));
        assert!(matches!(
            decode(b"ab\xFFcd"),
            Err(ErrorKind::InvalidUtf8 { offset: 2 })
        ));
        assert!(matches!(
            decode(b"ab\0cd"),
            Err(ErrorKind::Binary { offset: 2 })
        ));
        assert!(matches!(
            decode(&[0xFF, 0xFE, 0x00]),
            Err(ErrorKind::InvalidUtf16 { .. })
        ));
        assert!(matches!(
            decode(&[0xFF, 0xFE, 0x00, 0xD8]),
            Err(ErrorKind::InvalidUtf16 { .. })
        ));
    }
}
