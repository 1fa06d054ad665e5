//! Helpers shared by the unit tests: the corpus texts, and seeded random strings for the
//! tests that check a fast path against the slow one.

/// Every plan text in the corpus, real and synthetic.
pub(crate) const CORPUS: [&str; 26] = [
    include_str!("../corpus/text/quang-nam-2023.txt"),
    include_str!("../corpus/text/kon-tum-2024.txt"),
    include_str!("../corpus/text/chinh-phu-2025-nq-03-phu-luc-ii.txt"),
    include_str!("../corpus/text/lao-cai-2026-khu-cum-cong-nghiep.txt"),
    include_str!("../corpus/text/bnnmt-2026-ke-hoach-nd-180.txt"),
    include_str!("../corpus/text/tinh-uy-lao-cai-2026-moi-truong.txt"),
    include_str!("../corpus/text/can-tho-2025-cong-tac-dan-so.txt"),
    include_str!("../corpus/text/bcdqg1237-2013-quy-tap-hai-cot-liet-si.txt"),
    include_str!("../corpus/text/tp-hcm-2025-co-so-du-lieu-quy-hoach.txt"),
    include_str!("../corpus/text/son-la-2023-bao-ve-bi-mat-nha-nuoc.txt"),
    include_str!("../corpus/text/bo-tnmt-2024-tin-chi-cac-bon.txt"),
    include_str!("../corpus/text/dak-lak-2025-cai-cach-thu-tuc-hanh-chinh.txt"),
    include_str!("../corpus/text/lao-cai-2026-quan-ly-khoang-san.txt"),
    include_str!("../corpus/text/mttq-xa-luong-minh-2025-cong-tac-bau-cu.txt"),
    include_str!("../corpus/text/ha-noi-2025-du-lieu-chuyen-doi-so.txt"),
    include_str!("../corpus/text/ha-tinh-2025-giao-duc-mam-non.txt"),
    include_str!("../corpus/text/nghe-an-2025-5g-iot-khu-cong-nghiep.txt"),
    include_str!("../corpus/text/thu-tuong-2025-luat-bao-ve-du-lieu-ca-nhan.txt"),
    include_str!("../corpus/text/dong-thap-2025-chuyen-doi-so-doanh-nghiep.txt"),
    include_str!("../corpus/synthetic/binh-dinh-2024-chuyen-doi-so.txt"),
    include_str!("../corpus/synthetic/bo-tttt-2025-quyet-dinh.txt"),
    include_str!("../corpus/synthetic/bullet-tasks-2024.txt"),
    include_str!("../corpus/synthetic/dak-lak-2024-ke-hoach.txt"),
    include_str!("../corpus/synthetic/ha-nam-2024-chuong-trinh.txt"),
    include_str!("../corpus/synthetic/lam-dong-2024-cai-cach-hanh-chinh.txt"),
    include_str!("../corpus/synthetic/lao-cai-2024-decimal-parts.txt"),
];

/// `count` strings, each of fewer than `max_pieces` pieces drawn from `pieces` by a
/// xorshift generator seeded with `seed`, so a failure reproduces.
pub(crate) fn random_strings<'a>(
    seed: u32,
    pieces: &'a [&'a str],
    max_pieces: u32,
    count: usize,
) -> impl Iterator<Item = String> + 'a {
    let mut state = seed.max(1);
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        state
    };
    (0..count).map(move |_| {
        let n = next() % max_pieces;
        (0..n)
            .map(|_| pieces[next() as usize % pieces.len()])
            .collect()
    })
}

#[test]
fn random_strings_vary() {
    let strings: Vec<String> = random_strings(7, &["a", "b"], 6, 200).collect();
    let distinct: std::collections::HashSet<&String> = strings.iter().collect();
    assert!(distinct.len() > 20);
    assert!(strings.iter().filter(|s| s.is_empty()).count() < 100);
}

/// `text` parsed with every non-blank line owned exactly once: no line claimed twice,
/// none left out.
pub(crate) fn assert_accounted(text: &str) {
    let acc = crate::parse_text_accounted(text, "-");
    assert!(
        acc.conflicts.is_empty(),
        "claimed twice: {:?}",
        acc.conflicts
    );
    for line in crate::normalize::normalize(text) {
        let owner = acc.owners.get(line.no as usize - 1).cloned().flatten();
        assert!(
            line.text.is_empty() || owner.is_some(),
            "line {} not accounted for: {:?}",
            line.no,
            line.text
        );
    }
}

/// Each task's id with its lead and support names, in order.
pub(crate) fn roles(plan: &crate::Plan) -> Vec<(&str, Vec<&str>, Vec<&str>)> {
    plan.tasks
        .iter()
        .map(|t| {
            (
                t.id.as_str(),
                t.lead.iter().map(|a| a.name.as_str()).collect(),
                t.support.iter().map(|a| a.name.as_str()).collect(),
            )
        })
        .collect()
}
