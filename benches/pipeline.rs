//! Throughput of the text pipeline: whole plans (text → JSON), deadline phrases and
//! agency lists. Run with `cargo bench`; the README quotes the figures.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

// The allocator the `kehoach` command uses, so the figures are the command's.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const PLANS: &[(&str, &str)] = &[
    (
        "quang-nam-2023",
        include_str!("../corpus/text/quang-nam-2023.txt"),
    ),
    (
        "kon-tum-2024",
        include_str!("../corpus/text/kon-tum-2024.txt"),
    ),
];

const DEADLINES: &[&str] = &[
    "Quý I/2023.",
    "Trong Quý I/2023, đảm bảo thời hạn Thủ tướng Chính phủ giao tại Chỉ thị số 05/CT-TTg ngày 23/02/2023.",
    "Thực hiện thường xuyên, bắt đầu từ tháng 3/2023.",
    "Hoàn thành trước ngày 30/6/2023. Cập nhật thường xuyên dữ liệu về cán bộ công chức viên chức.",
    "Trong tháng 6 năm 2024 và thực hiện thường xuyên.",
    "Theo tiến độ, yêu cầu tại Quyết định số 766/QĐ-TTg ngày 23 tháng 6 năm 2022 của Thủ tướng Chính phủ.",
    "Quý II năm 2024 và theo lộ trình của Trung ương.",
    "Khi có hướng dẫn triển khai thực hiện đồng bộ của Tòa án nhân dân tối cao.",
];

const AGENCIES: &[&str] = &[
    "Văn phòng UBND tỉnh và các sở, ban, ngành, đoàn thể, địa phương liên quan.",
    "Sở Thông tin và Truyền thông, Sở Tài chính, Sở Kế hoạch và Đầu tư, UBND cấp huyện (Phòng Tài chính - Kế hoạch), UBND cấp xã theo phân cấp quản lý nhà nước về đầu tư ứng dụng công nghệ thông tin.",
    "Công an tỉnh và các cơ quan, đơn vị liên quan; Ủy ban nhân dân cấp huyện, cấp xã.",
    "Sở Tài nguyên và Môi trường, Sở Văn hóa - Thể thao và Du lịch, Bưu điện tỉnh và Ủy ban nhân dân cấp huyện, cấp xã.",
];

fn plans(c: &mut Criterion) {
    let mut g = c.benchmark_group("text_to_json");
    for (name, text) in PLANS {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(*name, |b| {
            b.iter(|| kehoach::render::json(&kehoach::parse_text(black_box(text))))
        });
    }
    // Every real plan of the corpus, one after another: the two above are among the
    // quickest to read, and tables, long headers and inline assignments cost more.
    let corpus = corpus_texts();
    let bytes: usize = corpus.iter().map(String::len).sum();
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("whole-corpus", |b| {
        b.iter(|| {
            corpus
                .iter()
                .map(|t| kehoach::render::json(&kehoach::parse_text(black_box(t))).len())
                .sum::<usize>()
        })
    });
    g.finish();
}

/// The texts of `corpus/text`, in name order.
fn corpus_texts() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/text");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("corpus/text is part of the project")
        .map(|e| e.expect("a readable directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("corpus texts are UTF-8"))
        .collect()
}

fn deadlines(c: &mut Criterion) {
    let mut g = c.benchmark_group("deadline_phrases");
    g.throughput(Throughput::Elements(DEADLINES.len() as u64));
    g.bench_function("parse_deadline", |b| {
        b.iter(|| {
            for p in DEADLINES {
                black_box(kehoach::deadline::parse_deadline(black_box(p), Some(2024)));
            }
        })
    });
    g.finish();
}

fn agencies(c: &mut Criterion) {
    let mut g = c.benchmark_group("agency_lists");
    g.throughput(Throughput::Elements(AGENCIES.len() as u64));
    g.bench_function("split_agencies", |b| {
        b.iter(|| {
            for l in AGENCIES {
                black_box(kehoach::agency::split_agencies(black_box(l)));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, plans, deadlines, agencies);
criterion_main!(benches);
