//! No super-linear blow-up: work grows in proportion to input. Measured as the number of
//! heap allocations (an operation count, not time, so it is stable on a busy machine),
//! with a counting allocator installed for this test binary.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicU64, Ordering};

pub struct Counting;

static ALLOCATIONS: AtomicU64 = AtomicU64::new(0);

// SAFETY: forwards to the system allocator; only counts calls.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

/// Allocations made while parsing `text` (other tests run in parallel threads, so
/// measure on a dedicated thread count of one: the caller serialises with a lock).
fn allocations(text: &str) -> u64 {
    let _guard = LOCK.lock().unwrap_or_else(|e| e.into_inner());
    let before = ALLOCATIONS.load(Ordering::SeqCst);
    let plan = kehoach::parse_text(text);
    let json = kehoach::render::json(&plan);
    std::hint::black_box(json);
    ALLOCATIONS.load(Ordering::SeqCst) - before
}

static LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Allocations for 8 copies over allocations for 2 copies: 4 when linear. Other test
/// threads allocate too, so allow generous noise but not quadratic growth (16).
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

#[test]
fn one_long_line_scales_linearly() {
    assert_linear(
        "long line",
        "Sở Y tế chủ trì, phối hợp các sở, ban, ngành thực hiện trong năm 2024; ",
        1_000,
        4_000,
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
