use super::*;

/// The 134 Vietnamese letters with diacritics (67 lower-case, 67 capitals).
fn letters() -> Vec<char> {
    let lower: Vec<char> = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
        .chars()
        .collect();
    let mut all = lower.clone();
    all.extend(lower.iter().flat_map(|c| c.to_uppercase()));
    all
}

#[test]
fn every_letter_round_trips_through_every_table() {
    let letters = letters();
    assert_eq!(letters.len(), 134);
    for enc in ALL {
        for &c in &letters {
            let s = c.to_string();
            let bytes = encode(enc, &s);
            assert!(!bytes.contains(&b'?'), "{enc:?} cannot encode {c}");
            assert_eq!(decode_bytes(enc, &bytes), s, "{enc:?} bytes {bytes:02X?}");
            // VN3 fonts have no toned capitals: those are the lower-case letter in a
            // capitals face (.VnTimeH).
            let in_font = if enc == Legacy::Tcvn3 && bytes[0] < 0xA0 {
                decode_font_text(enc, &encode_as_font_text(enc, &s.to_lowercase()), true)
            } else {
                decode_font_text(enc, &encode_as_font_text(enc, &s), false)
            };
            assert_eq!(in_font, s, "{enc:?} font text of {c}");
        }
        let word = "Kế hoạch triển khai Nghị quyết của Ủy ban nhân dân tỉnh Quảng Nam";
        assert_eq!(decode_bytes(enc, &encode(enc, word)), word);
    }
}

/// glibc's iconv is an independent implementation of TCVN3 (TCVN5712-1) and VISCII.
#[test]
fn tables_agree_with_iconv_letter_by_letter() {
    use std::io::Write;
    use std::process::{Command, Stdio};
    if Command::new("iconv").arg("--version").output().is_err() {
        eprintln!("iconv not installed: comparison skipped");
        return;
    }
    for (enc, codec) in [(Legacy::Tcvn3, "TCVN5712-1"), (Legacy::Viscii, "VISCII")] {
        for c in letters() {
            let bytes = encode(enc, &c.to_string());
            let mut child = Command::new("iconv")
                .args(["-f", codec, "-t", "UTF-8"])
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .spawn()
                .unwrap();
            child.stdin.take().unwrap().write_all(&bytes).unwrap();
            let out = child.wait_with_output().unwrap();
            let got: String = String::from_utf8(out.stdout).unwrap().nfc().collect();
            assert_eq!(got, c.to_string(), "{codec}: {bytes:02X?}");
        }
    }
}

#[test]
fn fonts_name_their_encoding() {
    assert_eq!(Legacy::of_font(".VnTime"), Some((Legacy::Tcvn3, false)));
    assert_eq!(Legacy::of_font(".VnTimeH"), Some((Legacy::Tcvn3, true)));
    assert_eq!(Legacy::of_font("VNI-Times"), Some((Legacy::Vni, false)));
    assert_eq!(Legacy::of_font("Times New Roman"), None);
}

#[test]
fn vni_reads_as_typed() {
    assert_eq!(
        decode_font_text(Legacy::Vni, "Keá hoaïch trieån khai", false),
        "Kế hoạch triển khai"
    );
    assert_eq!(
        decode_font_text(
            Legacy::Vni,
            "COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM",
            false
        ),
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    );
    assert_eq!(decode_font_text(Legacy::Vni, "Ñaây", false), "Đây");
    assert_eq!(
        decode_font_text(Legacy::Tcvn3, "KÕ ho¹ch", true),
        "KẾ HOẠCH"
    );
}

#[test]
fn syllables() {
    for w in [
        "kế",
        "hoạch",
        "nghiêng",
        "khuyến",
        "giữ",
        "gì",
        "Ủy",
        "uỷ",
        "trường",
        "quốc",
        "đường",
        "yêu",
    ] {
        assert!(detect::is_syllable(w), "{w} is a syllable");
    }
    for w in ["ho¹ch", "aự", "ắá", "tr¸ch", "đđ", "qÒ"] {
        assert!(!detect::is_syllable(w), "{w} is no syllable");
    }
}

#[test]
fn detection() {
    let text = "Kế hoạch triển khai thực hiện Nghị quyết số 03 của Chính phủ về nhiệm vụ, giải pháp chủ yếu; Sở Tài chính chủ trì, phối hợp với các sở, ban, ngành";
    for enc in ALL {
        assert_eq!(detect_bytes(&encode(enc, text)), Some(enc), "{enc:?}");
        assert_eq!(
            detect_mojibake(&encode_as_font_text(enc, text)),
            Some(enc),
            "{enc:?} mojibake"
        );
    }
    assert_eq!(detect_mojibake(text), None);
    // Too little to go on: stays an error.
    assert_eq!(detect_bytes(b"K\xea ho\xe1ch tri\xean khai\n"), None);
}

#[test]
fn windows_1252_bytes_of_every_character() {
    // The ranges `to_cp1252` searches hold every character of the code page.
    for c in (0..0x3000).filter_map(char::from_u32) {
        let searched = (0..=0xFFu8).find(|&b| cp1252(b) == c);
        assert_eq!(to_cp1252(c), searched, "{c:?} U+{:04X}", u32::from(c));
    }
}
