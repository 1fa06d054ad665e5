//! A batch of generated plans through `kehoach parse --format ndjson DIR`: throughput on
//! both cores, and the peak memory of a 10,000-plan batch (which must stay under 100 MB:
//! outputs stream, nothing is held for the whole batch). The plans are the corpus plans
//! varied: province, year and agency names changed, parts cut, lines reordered.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const PLANS: &[&str] = &[
    include_str!("../corpus/text/quang-nam-2023.txt"),
    include_str!("../corpus/text/kon-tum-2024.txt"),
];
const PROVINCES: &[&str] = &[
    "Lào Cai",
    "Hà Giang",
    "Nghệ An",
    "Bình Định",
    "Đắk Lắk",
    "Cà Mau",
    "An Giang",
    "Sơn La",
];
const PEAK_LIMIT_MB: u64 = 100;

/// Write `n` plan variants into a fresh directory; returns it and the total bytes.
fn generate(n: usize) -> (PathBuf, u64) {
    let dir = std::env::temp_dir().join(format!("kehoach-batch-{n}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    let mut total = 0;
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for i in 0..n {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let base = PLANS[i % PLANS.len()];
        let province = PROVINCES[(seed % PROVINCES.len() as u64) as usize];
        let year = 2020 + (seed >> 8) % 8;
        let lines: Vec<&str> = base.lines().collect();
        // Keep 50–100% of the plan, from the top (the header stays).
        let keep = lines.len() / 2 + (seed >> 16) as usize % (lines.len() / 2);
        let text = lines[..keep]
            .join("\n")
            .replace("Quảng Nam", province)
            .replace("Kon Tum", province)
            .replace("2023", &year.to_string())
            .replace("2024", &year.to_string());
        total += text.len() as u64;
        std::fs::write(dir.join(format!("plan-{i:05}.txt")), text).expect("write plan");
    }
    (dir, total)
}

fn run_batch(dir: &Path) {
    let status = Command::new(env!("CARGO_BIN_EXE_kehoach"))
        .args(["parse", "--format", "ndjson"])
        .arg(dir)
        .stdout(Stdio::null())
        .status()
        .expect("run kehoach");
    assert!(status.success(), "batch failed");
}

/// Peak resident memory of the largest child process so far, in MB (Linux: KiB).
fn children_peak_mb() -> u64 {
    // SAFETY: getrusage fills the struct it is given.
    let usage = unsafe {
        let mut u: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_CHILDREN, &mut u);
        u
    };
    u64::try_from(usage.ru_maxrss).unwrap_or(0) / 1024
}

fn batch(c: &mut Criterion) {
    // Memory first, on the full-size batch, before any other child inflates the figure.
    let (big, big_bytes) = generate(10_000);
    let start = std::time::Instant::now();
    run_batch(&big);
    let peak = children_peak_mb();
    eprintln!(
        "batch of 10000 plans ({} MB of text): {:.1} s, peak memory {peak} MB (limit {PEAK_LIMIT_MB} MB)",
        big_bytes / 1_000_000,
        start.elapsed().as_secs_f64()
    );
    assert!(
        peak < PEAK_LIMIT_MB,
        "peak memory {peak} MB over {PEAK_LIMIT_MB} MB"
    );
    let _ = std::fs::remove_dir_all(&big);

    let (dir, bytes) = generate(500);
    let mut g = c.benchmark_group("batch_ndjson");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(bytes));
    g.bench_function("500 plans", |b| b.iter(|| run_batch(&dir)));
    g.finish();
    let _ = std::fs::remove_dir_all(&dir);
}

criterion_group!(benches, batch);
criterion_main!(benches);
