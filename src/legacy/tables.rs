//! The encoding tables of `grammar/encodings/`, compiled in and indexed both ways.

use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

use serde::Deserialize;

pub(super) struct Tables {
    pub tcvn3: [Option<char>; 256],
    pub viscii: [Option<char>; 256],
    pub tcvn3_encode: HashMap<char, u8>,
    pub viscii_encode: HashMap<char, u8>,
    /// Letter → VNI spelling (Windows-1252 characters).
    pub vni_encode: HashMap<char, String>,
    /// VNI spelling (one or two characters) → letter.
    pub vni_decode: HashMap<Vec<char>, char>,
}

#[derive(Deserialize)]
struct ByteTable {
    bytes: BTreeMap<String, String>,
}

#[derive(Deserialize)]
struct LetterTable {
    letters: BTreeMap<String, String>,
}

pub(super) fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| {
        let (tcvn3, tcvn3_encode) = byte_table(include_str!("../../grammar/encodings/tcvn3.toml"));
        let (viscii, viscii_encode) =
            byte_table(include_str!("../../grammar/encodings/viscii.toml"));
        let raw: LetterTable = toml::from_str(include_str!("../../grammar/encodings/vni.toml"))
            .expect("grammar/encodings/vni.toml");
        let mut vni_encode = HashMap::new();
        let mut vni_decode = HashMap::new();
        for (letter, spelling) in raw.letters {
            let letter = single(&letter);
            vni_decode.insert(spelling.chars().collect::<Vec<char>>(), letter);
            vni_encode.insert(letter, spelling);
        }
        // A capital base with a lower-case code ("Aù") is a capital letter too: keyboards
        // with Caps Lock off and Shift on the first letter write it that way.
        let extra: Vec<(Vec<char>, char)> = vni_decode
            .iter()
            .filter(|(k, _)| k.len() == 2 && k[0].is_uppercase() && k[1].is_uppercase())
            .flat_map(|(k, &v)| k[1].to_lowercase().next().map(|m| (vec![k[0], m], v)))
            .collect();
        for (k, v) in extra {
            vni_decode.entry(k).or_insert(v);
        }
        Tables {
            tcvn3,
            viscii,
            tcvn3_encode,
            viscii_encode,
            vni_encode,
            vni_decode,
        }
    })
}

fn byte_table(src: &str) -> ([Option<char>; 256], HashMap<char, u8>) {
    let raw: ByteTable = toml::from_str(src).expect("grammar/encodings table");
    let mut dec = [None; 256];
    let mut enc = HashMap::new();
    for (hex, s) in raw.bytes {
        let b = u8::from_str_radix(&hex, 16).expect("byte key in hex");
        let c = single(&s);
        dec[usize::from(b)] = Some(c);
        enc.insert(c, b);
    }
    (dec, enc)
}

fn single(s: &str) -> char {
    let mut it = s.chars();
    match (it.next(), it.next()) {
        (Some(c), None) => c,
        _ => panic!("grammar/encodings: {s:?} is not one character"),
    }
}
