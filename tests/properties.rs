//! Property tests: the parser never panics, accounts for every non-blank input line
//! exactly once, and is deterministic.

use proptest::prelude::*;

/// Every non-blank line has exactly one owner.
fn assert_accounted(text: &str) {
    let acc = kehoach::parse_text_accounted(text, "prop");
    assert!(
        acc.conflicts.is_empty(),
        "lines claimed twice: {:?}",
        acc.conflicts
    );
    for line in kehoach::normalize::normalize(text) {
        if !line.text.is_empty() {
            let owner = acc.owners.get(line.no as usize - 1).cloned().flatten();
            assert!(
                owner.is_some(),
                "line {} not accounted for: {:?}",
                line.no,
                line.text
            );
        }
    }
}

/// Lines per mutated window: most plans fit whole, and a case stays
/// cheap in an unoptimised build.
const WINDOW_LINES: usize = 2500;

/// The corpus plans strung together, read once for all cases.
fn corpus_lines() -> &'static [String] {
    static LINES: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    LINES.get_or_init(read_corpus_lines)
}

fn read_corpus_lines() -> Vec<String> {
    let mut out = Vec::new();
    for p in crate::corpus_texts() {
        out.extend(
            std::fs::read_to_string(p)
                .unwrap()
                .lines()
                .map(str::to_owned),
        );
    }
    out
}

/// A line a plan might contain: labels, bullets, fields, deadlines, agencies, furniture.
fn plan_line() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("I. NHIỆM VỤ".to_owned()),
        Just("II. TỔ CHỨC THỰC HIỆN".to_owned()),
        Just("1. Sở Y tế".to_owned()),
        Just("1.1. Rà soát văn bản".to_owned()),
        Just("2.2.1. Triển khai".to_owned()),
        Just("a) Mô hình điểm".to_owned()),
        Just("đ. Tiếp tục".to_owned()),
        Just("- Cơ quan chủ trì: Công an tỉnh.".to_owned()),
        Just("- Đơn vị phối hợp: Các sở, ban ngành, địa phương.".to_owned()),
        Just("- Thời gian hoàn thành: Trong Quý I/2024 và thực hiện thường xuyên.".to_owned()),
        Just("* Sở Tư pháp chủ trì, phối hợp Công an tỉnh thực hiện trong năm 2024.".to_owned()),
        Just("- Phối hợp với Sở Nội vụ triển khai hoàn thành trước ngày 30/6/2024.".to_owned()),
        Just("Nơi nhận:".to_owned()),
        Just("TM. ỦY BAN NHÂN DÂN".to_owned()),
        Just("KẾ HOẠCH".to_owned()),
        Just("7".to_owned()),
        Just(String::new()),
        "[a-zA-Zàáảãạăâđêôơưỳ0-9 ,.;:()&/*+-]{0,80}",
    ];
    pieces
}

proptest! {
    // Failing cases found so far are kept next to this file and replayed first.
    #![proptest_config(ProptestConfig {
        cases: 200,
        failure_persistence: Some(Box::new(proptest::test_runner::FileFailurePersistence::WithSource("proptest-regressions"))),
        ..ProptestConfig::default()
    })]

    #[test]
    fn arbitrary_text_never_panics_and_is_accounted(text in "\\PC{0,400}") {
        assert_accounted(&text);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let _ = kehoach::parse_bytes("bytes", &bytes);
    }

    #[test]
    fn plan_shaped_text_is_accounted(lines in proptest::collection::vec(plan_line(), 0..60)) {
        assert_accounted(&lines.join("\n"));
    }

    // Each case mutates a window of the corpus (the documents strung together), so a
    // case costs the same however large the corpus grows; windows may span two plans.
    #[test]
    fn mutated_corpus_is_accounted(
        start in any::<prop::sample::Index>(),
        ops in proptest::collection::vec((0u8..5, any::<prop::sample::Index>(), any::<prop::sample::Index>()), 1..25)
    ) {
        let corpus = corpus_lines();
        let from = start.index(corpus.len());
        let mut lines = corpus[from..corpus.len().min(from + WINDOW_LINES)].to_vec();
        for (op, a, b) in ops {
            if lines.is_empty() { break; }
            let (i, j) = (a.index(lines.len()), b.index(lines.len()));
            match op {
                0 => { lines.remove(i); }
                1 => { let l = lines[i].clone(); lines.insert(j, l); }
                2 => lines.swap(i, j),
                3 => lines.truncate(i.max(1)),
                _ => { let mut l = lines[i].clone(); l.insert(0, '\u{7}'); l.push('\u{301}'); lines[i] = l; }
            }
        }
        assert_accounted(&lines.join("\n"));
    }
}

/// A table row before any item: its bullet goes to the preamble, and its other cells
/// with it (the line keeps one owner).
#[test]
fn a_row_before_any_item_keeps_its_cells_together() {
    assert_accounted(
        "| TT | Nhóm hoạt động | Hoạt động | Cơ quan chủ trì | Thời gian |\n|  |  | + Quản lý chặt chẽ việc tổ chức. | Bộ Tài nguyên và Môi trường. | 2017 - 2020 |\n",
    );
}

/// Field lines of an agency heading itself, with or without duties under it.
#[test]
fn fields_under_an_agency_heading_are_accounted() {
    assert_accounted(
        "KẾ HOẠCH\nThử\nIII. TỔ CHỨC THỰC HIỆN\n1. Các sở, ngành và địa phương:\n- Kết quả: Hồ sơ nhân sự.\n- Tổ chức triển khai thực hiện.\n2. Sở Y tế\n- Kết quả: Báo cáo.\nTriển khai kế hoạch.\n",
    );
}

/// A table cell that reads like a closing paragraph ("Trong quá trình thực hiện …")
/// goes with its row, whose other cells are fields of the row above.
#[test]
fn a_cell_like_a_closing_paragraph_stays_in_its_row() {
    assert_accounted(
        "|\n**STT**\n|\n**Nhiệm vụ, giải\npháp**\n|\n**Đơn vị phối hợp**\n|\n|\n**II**\n|\n|\n|\n|\nTrong quá trình thực hiện nếu\n|\nKế hoạch\n|",
    );
}

/// A row whose only cells stand under columns the header does not name ("|  |  |  |
/// Đơn vị chủ trì | Đơn vị phối hợp" under a wider header) stays as text.
#[test]
fn a_row_of_cells_under_unnamed_columns_is_kept() {
    assert_accounted(
        "Thời gian | Nội dung công việc | Cơ quan chịu trách nhiệm | Thực hiện | Lập báo cáo | Cơ quan lập quy hoạch | Ban Quản lý | Vụ Vật liệu xây dựng\n |  |  | Đơn vị chủ trì | Đơn vị phối hợp\n",
    );
}

/// A cell that ends on a joining mark above a group row ("đạt tối thiểu 20%;" / "| V |
/// …") is not continued by a row under that group: the row's cell is its own.
#[test]
fn a_group_row_ends_the_cells_above_it() {
    assert_accounted(
        "| Nhiệm vụ, giải pháp | Đơn vị thực hiện | Đơn vị phối hợp |\n| VII | giao thông |\n| 2026-2030 | đạt tối thiểu 20%; |\n| V | phát triển kinh tế số và xã hội số |\n| ngành; UBND các phường, xã | 2026-2030 |\n",
    );
}

/// An unnumbered row whose task cell starts a text of its own ("Nơi nhận:") keeps its
/// other cells: they do not go on with a cell of the row above that ends on a joining
/// mark ("/&&&").
#[test]
fn a_row_with_a_text_of_its_own_keeps_its_cells() {
    assert_accounted(
        "| TT | Nội dung thực hiện | Cơ quan chủ trì |\n| 1 |  | /&&& |\n|  | Nơi nhận: | Sở Y tế |\n",
    );
}

/// A table printed one cell per line whose header names the task column twice: a cell
/// under the second one stays with its row (found by the property run above).
#[test]
fn a_cell_under_a_repeated_column_stays_with_its_row() {
    assert_accounted(
        "STT\nTên nhiệm vụ cụ thể\nTên nhiệm vụ cụ thể\nThời gian hoàn\nthành\nI. Đổi mới mạnh mẽ tư duy và hành động trong lãnh đạo\nBộ Y tế\n",
    );
}

/// Tables rebuilt as pipe rows (laid out with spaces, or a "|" line between cells)
/// leave their other lines to the row that took their text.
#[test]
fn rebuilt_tables_are_accounted() {
    assert_accounted(
        "II. NHIỆM VỤ\n TT   Nhiệm vụ               Cơ quan chủ trì     Thời gian\n 1    Xây dựng kho dữ        Sở Thông tin và     Quý II/2024\n      liệu dùng chung        Truyền thông\n 2    Số hóa hồ sơ           Sở Nội vụ           Năm 2024\n",
    );
    assert_accounted(
        "II. NHIỆM VỤ\n|\n**TT**\n|\n**Nhiệm vụ**\n|\n**Cơ quan chủ trì**\n|\n**Thời gian hoàn thành**\n|\n|\n1\n|\nRà soát\nvăn bản.\n|\nSở Tư pháp\n|\nQuý IV/2025\n|\n|\n2\n|\nBáo cáo.\n|\nSở Nội vụ\n|\nNăm 2025\n|\n",
    );
}

#[test]
fn corpus_is_accounted() {
    for p in crate::corpus_texts() {
        assert_accounted(&std::fs::read_to_string(p).unwrap());
    }
}

#[test]
fn output_is_deterministic_across_runs_and_threads() {
    for p in crate::corpus_texts() {
        let text = std::fs::read_to_string(&p).unwrap();
        let first = kehoach::render::json(&kehoach::parse_text(&text));
        let others: Vec<String> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..4)
                .map(|_| s.spawn(|| kehoach::render::json(&kehoach::parse_text(&text))))
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        for o in others {
            assert_eq!(first, o, "{}", p.display());
        }
    }
}

#[test]
fn pathological_shapes_stay_bounded() {
    // Deep numbering, many bullets, one huge line: no stack overflow, no blow-up.
    let deep: String = (1..=60)
        .map(|d| format!("{}. Mục\n", vec!["1"; d.min(6)].join(".")))
        .collect();
    assert_accounted(&deep);
    let bullets =
        "II. NHIỆM VỤ\n1. Sở Y tế\n".to_owned() + &"- Chỉ đạo thực hiện.\n".repeat(20_000);
    let plan = kehoach::parse_text(&bullets);
    assert_eq!(plan.tasks.len(), 20_000);
    let huge = "Rà soát ".repeat(200_000);
    assert_accounted(&huge);
}
