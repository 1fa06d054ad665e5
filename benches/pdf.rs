//! PDF → JSON end to end (`kehoach parse FILE.pdf`, isolated worker included) against
//! poppler's `pdftotext FILE -` alone on the same files. The README reports the ratio.
//! Needs `pdftotext` (installed by `.ci/setup`).

use std::process::{Command, Stdio};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// (file, `--pdf-backend`): the table PDF runs the default backend, which reads its
/// table pages again from pdftotext's word boxes.
const FILES: &[(&str, &str)] = &[
    ("qn2023_plain.pdf", "pdf-extract"),
    ("kt2024_plain.pdf", "pdf-extract"),
    ("large_qn2023_x50.pdf", "pdf-extract"),
    ("cp2025_table.pdf", "auto"),
];

fn run(cmd: &mut Command) {
    let status = cmd
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("spawn");
    assert!(status.success(), "{cmd:?} failed");
}

fn pdf_vs_pdftotext(c: &mut Criterion) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/pdf");
    let kehoach = env!("CARGO_BIN_EXE_kehoach");
    for &(file, backend) in FILES {
        let path = dir.join(file);
        let bytes = std::fs::metadata(&path).expect("corpus PDF").len();
        let mut g = c.benchmark_group(format!("pdf/{file}"));
        g.throughput(Throughput::Bytes(bytes));
        if file.starts_with("large") {
            g.sample_size(10);
        }
        g.bench_function(format!("kehoach parse ({backend})"), |b| {
            b.iter(|| {
                run(Command::new(kehoach)
                    .args(["parse", "--pdf-backend", backend])
                    .arg(&path))
            })
        });
        g.bench_function("pdftotext", |b| {
            b.iter(|| run(Command::new("pdftotext").arg(&path).arg("-")))
        });
        g.finish();
    }
}

criterion_group!(benches, pdf_vs_pdftotext);
criterion_main!(benches);
