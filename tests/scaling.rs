//! No super-linear blow-up: work grows in proportion to input. Measured as the number of
//! heap allocations (an operation count, not time, so it is stable on a busy machine),
//! with a counting allocator installed for this test binary.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

pub struct Counting;

thread_local! {
    // Per thread, so tests running in parallel threads do not add to each other's
    // count. A const-initialised `Cell` needs no allocation, so the allocator can use it.
    static ALLOCATIONS: Cell<u64> = const { Cell::new(0) };
}

fn count_one() {
    // `try_with`: the slot is gone while a thread is being torn down; those
    // allocations belong to no measurement.
    let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
}

// SAFETY: forwards to the system allocator; only counts calls.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count_one();
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count_one();
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

/// Allocations made on this thread while parsing and rendering `text` (parsing one
/// text is single-threaded, so this is all of its work). A first, unmeasured run fills
/// the lazily loaded lexicons and per-thread caches, which are one-off costs.
fn allocations(text: &str) -> u64 {
    std::hint::black_box(kehoach::render::json(&kehoach::parse_text(text)));
    let before = ALLOCATIONS.with(Cell::get);
    let plan = kehoach::parse_text(text);
    let json = kehoach::render::json(&plan);
    std::hint::black_box(json);
    ALLOCATIONS.with(Cell::get) - before
}

/// Allocations for the large input over allocations for the small one: the input
/// ratio when linear. Allow slack for fixed costs, far below quadratic growth.
fn assert_linear(name: &str, unit: &str, small: usize, large: usize) {
    let a = allocations(&unit.repeat(small));
    let b = allocations(&unit.repeat(large));
    let ratio = b as f64 / a as f64;
    let linear = large as f64 / small as f64;
    assert!(
        ratio < linear * 1.6,
        "{name}: {a} → {b} allocations, ratio {ratio:.2} for {linear}x input"
    );
}

/// Allocations made on this thread by `f`, after a first, unmeasured call.
fn allocations_of(f: impl Fn()) -> u64 {
    f();
    let before = ALLOCATIONS.with(Cell::get);
    f();
    ALLOCATIONS.with(Cell::get) - before
}

/// The agency grammars on long runs of list pieces, brackets, fronted clauses, roles and
/// levels: work grows with the input, not with its square.
#[test]
fn agency_grammars_scale_linearly() {
    use kehoach::agency::*;
    let all = |input: &str| {
        std::hint::black_box(split_agencies(input));
        std::hint::black_box(agency_heading(input));
        std::hint::black_box(parse_inline_assignment(input));
        std::hint::black_box(subject_agencies(input));
        std::hint::black_box(duty_agencies(input, &[]));
    };
    for unit in [
        "các sở, ban, ",
        "Căn cứ a, ",
        "Phối hợp với Sở Y tế và ",
        "UBND cấp huyện, cấp xã, ",
        "x theo y ",
        "- Vụ Đất đai - Cục Quy hoạch và Phát triển tài nguyên đất ",
        "Bộ Tài chính chỉ đạo Sở Giao dịch chứng khoán Việt Nam và ",
    ] {
        let (small, large) = (250, 1_000);
        let a = allocations_of(|| all(&unit.repeat(small)));
        let b = allocations_of(|| all(&unit.repeat(large)));
        let ratio = b as f64 / a.max(1) as f64;
        assert!(
            ratio < 4.0 * 1.6,
            "{unit:?}: {a} → {b} allocations, ratio {ratio:.2} for 4x input"
        );
    }
    let brackets = |n: usize| "(".repeat(n) + &")".repeat(n);
    let (a, b) = (
        allocations_of(|| all(&brackets(2_500))),
        allocations_of(|| all(&brackets(10_000))),
    );
    assert!(
        (b as f64) < (a.max(1) as f64) * 4.0 * 1.6,
        "brackets: {a} → {b} allocations"
    );
}

#[test]
fn corpus_plans_scale_linearly() {
    let qn = std::fs::read_to_string(crate::root().join("corpus/text/quang-nam-2023.txt")).unwrap();
    assert_linear("quang-nam x2 → x8", &qn, 2, 8);
}

#[test]
fn bullets_scale_linearly() {
    assert_linear(
        "bullets",
        "- Phối hợp với Sở Nội vụ triển khai hoàn thành trong Quý I/2024.\n",
        2_000,
        8_000,
    );
}

/// Bullets under an agency heading (a duty group): each duty reads its heading once, not
/// the whole group again.
#[test]
fn duties_under_an_agency_heading_scale_linearly() {
    let group = |n: usize| {
        "II. NHIỆM VỤ\n1. Sở Y tế\n".to_owned() + &"- Chỉ đạo thực hiện kiểm tra.\n".repeat(n)
    };
    let (a, b) = (allocations(&group(2_000)), allocations(&group(8_000)));
    assert!((b as f64 / a as f64) < 4.0 * 1.6, "duty group: {a} → {b}");
}

#[test]
fn one_long_line_scales_linearly() {
    // Inside a task, so the line goes through the inline-assignment, agency and
    // deadline grammars (a line before the first section is only preamble).
    let task = |n: usize| {
        "II. NHIỆM VỤ\n1. Triển khai\n".to_owned()
            + &"Sở Y tế chủ trì, phối hợp các sở, ban, ngành thực hiện trong năm 2024; ".repeat(n)
    };
    let (a, b) = (allocations(&task(1_000)), allocations(&task(4_000)));
    assert!((b as f64 / a as f64) < 4.0 * 1.6, "long line: {a} → {b}");
}

/// Tables printed one cell per line: many rows, and a run of lines that each could
/// open a table header.
#[test]
fn stacked_tables_scale_linearly() {
    let table = |n: usize| {
        "TT\nNhiệm vụ\nCơ quan chủ trì\nThời gian hoàn thành\n".to_owned()
            + &(1..=n)
                .map(|k| format!("{k}\nRà soát dữ liệu\nSở Tư pháp\nQuý I/2025\n"))
                .collect::<String>()
    };
    let (a, b) = (allocations(&table(500)), allocations(&table(2_000)));
    let input_ratio = table(2_000).len() as f64 / table(500).len() as f64;
    assert!((b as f64 / a as f64) < input_ratio * 1.6, "rows: {a} → {b}");
    assert_linear("header-like lines", "TT\nNhiệm vụ\n", 2_000, 8_000);
}

/// Space-aligned tables, and aligned lines that never make a table (the search grows a
/// candidate from every such line), cost the same per line however many there are.
#[test]
fn layout_tables_scale_linearly() {
    assert_linear(
        "aligned rows",
        " 1    Rà soát dữ liệu dân cư      Sở Tư pháp        Quý I/2025\n",
        500,
        2_000,
    );
    assert_linear(
        "aligned non-rows",
        "1234567   Rà soát dữ liệu   Sở Tư pháp   Quý I/2025\n",
        500,
        2_000,
    );
    assert_linear(
        "wide first column",
        "Rà soát dữ liệu   Sở Tư pháp   Quý I/2025\n",
        500,
        2_000,
    );
}

#[test]
fn deep_numbering_scales_linearly() {
    let deep = |n: usize| {
        (1..=n)
            .map(|d| format!("{}. Mục\n", vec!["1"; d].join(".")))
            .collect::<String>()
    };
    let a = allocations(&deep(100));
    let b = allocations(&deep(200));
    // Label text grows with depth, so the input itself is quadratic in n: compare to it.
    let input_ratio = deep(200).len() as f64 / deep(100).len() as f64;
    assert!((b as f64 / a as f64) < input_ratio * 1.6, "{a} → {b}");
}

#[test]
fn ten_megabytes_on_one_line() {
    let line = "Rà soát, cập nhật dữ liệu dân cư; ".repeat(10 * 1024 * 1024 / 40);
    assert!(line.len() >= 10_000_000);
    let plan = kehoach::parse_text(&line);
    assert_eq!(
        plan.unparsed.len() + usize::from(plan.document.preamble.is_some()),
        1
    );
}

#[test]
fn a_hundred_thousand_bullets() {
    let text = "II. NHIỆM VỤ\n1. Sở Y tế\n".to_owned() + &"- Chỉ đạo thực hiện.\n".repeat(100_000);
    let plan = kehoach::parse_text(&text);
    assert_eq!(plan.tasks.len(), 100_000);
    assert_eq!(plan.tasks[99_999].id, "II.1#100000");
}
