//! A seeded mutation loop over the text entry points (cargo-fuzz needs a nightly
//! toolchain; this runs everywhere, deterministically): corpus plans with random line
//! deletions, duplications, swaps, truncations, control characters, NFD, byte flips.
//! Every mutant must parse without panicking and with every line accounted for.

use unicode_normalization::UnicodeNormalization;

/// xorshift64*: a small deterministic generator, so failures reproduce from the seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn mutate(lines: &mut Vec<String>, rng: &mut Rng) {
    if lines.is_empty() {
        lines.push(String::new());
    }
    let i = rng.below(lines.len());
    let j = rng.below(lines.len());
    match rng.below(9) {
        0 => {
            lines.remove(i);
        }
        1 => {
            let l = lines[i].clone();
            lines.insert(j, l);
        }
        2 => lines.swap(i, j),
        3 => lines.truncate(i.max(1)),
        4 => lines[i].insert(0, char::from_u32(rng.below(32) as u32).unwrap_or('\0')),
        5 => lines[i] = lines[i].nfd().collect(),
        6 => {
            // Cut a line in the middle (on a char boundary): a new hard wrap.
            let l = lines[i].clone();
            let cut = l
                .char_indices()
                .nth(rng.below(l.chars().count()))
                .map_or(0, |(k, _)| k);
            lines[i] = l[..cut].to_owned();
            lines.insert(i + 1, l[cut..].to_owned());
        }
        7 => lines[i].push_str(&"&".repeat(rng.below(4))),
        _ => {
            let l = lines[i].clone();
            lines[j].push_str(&l);
        }
    }
}

#[test]
fn seeded_mutations_of_the_corpus() {
    let seed_texts: Vec<String> = crate::corpus_texts()
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    let mut rng = Rng(0x6b65_686f_6163_6821);
    for round in 0..600 {
        let base = &seed_texts[round % seed_texts.len()];
        let mut lines: Vec<String> = base.lines().map(str::to_owned).collect();
        for _ in 0..1 + rng.below(12) {
            mutate(&mut lines, &mut rng);
        }
        let text = lines.join("\n");
        let acc = kehoach::parse_text_accounted(&text, "mutant");
        assert!(
            acc.conflicts.is_empty(),
            "round {round}: lines claimed twice {:?}",
            acc.conflicts
        );
        for line in kehoach::normalize::normalize(&text) {
            if !line.text.is_empty() {
                assert!(
                    acc.owners[line.no as usize - 1].is_some(),
                    "round {round}: line {} lost: {:?}",
                    line.no,
                    line.text
                );
            }
        }
        // Byte-level damage goes through the bytes entry point.
        let mut bytes = text.into_bytes();
        for _ in 0..rng.below(8) {
            if !bytes.is_empty() {
                let k = rng.below(bytes.len());
                bytes[k] ^= 1 << rng.below(8);
            }
        }
        let _ = kehoach::parse_bytes("mutant.txt", &bytes);
    }
}
