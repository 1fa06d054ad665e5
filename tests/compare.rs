//! `kehoach compare`: alignment checked by reading both corpus plans, the JSON contract,
//! snapshots of the JSON and table outputs, and the HTML page rendered in Chromium.

use std::path::{Path, PathBuf};
use std::process::Command;

use kehoach::compare::{self, Comparison};

fn corpus_pair() -> (kehoach::Plan, kehoach::Plan) {
    let root = crate::root();
    (
        crate::parse_file(&root.join("corpus/text/quang-nam-2023.txt")),
        crate::parse_file(&root.join("corpus/text/kon-tum-2024.txt")),
    )
}

fn corpus_comparison() -> Comparison {
    let (a, b) = corpus_pair();
    compare::compare(&a, &b)
}

fn paired(cmp: &Comparison, left: &str, right: &str) -> bool {
    cmp.alignment
        .groups
        .iter()
        .flat_map(|g| &g.pairs)
        .any(|p| p.left == left && p.right == right)
}

/// Pairs verified by reading both plans (Quảng Nam 2023 ↔ Kon Tum 2024).
#[test]
fn corresponding_tasks_are_paired() {
    let cmp = corpus_comparison();
    for (a, b, why) in [
        (
            "II.2.4.1",
            "II.4.a",
            "chip ID cards and electronic identification accounts",
        ),
        (
            "III.1#6",
            "II.4.a",
            "Công an tỉnh issues ID cards and identification accounts",
        ),
        (
            "II.2.3.5",
            "II.5.k",
            "social-security allowances paid without cash",
        ),
        (
            "III.1#11",
            "II.5.i",
            "social-security accounts (Sở LĐ-TB&XH)",
        ),
        (
            "II.2.2.3",
            "III.1#2",
            "100% of civil servants use online public services",
        ),
        ("IV.2", "II.7.a", "funding from the state budget"),
        ("III.10", "II.7.a", "regular funding for Đề án 06"),
        (
            "IV.1",
            "II.1.a",
            "each agency writes its own implementation plan",
        ),
        ("II.2.1", "II.6.c", "review of legal normative documents"),
        (
            "IV.3",
            "III.2#1",
            "Công an tỉnh guides, checks and urges implementation",
        ),
        ("II.1.2", "III.2#1", "inspection and solving difficulties"),
        (
            "II.2.5.2",
            "II.1.c",
            "digitising sector data against the population database",
        ),
        (
            "II.2.5.3",
            "II.5.h",
            "civil-status (hộ tịch) data of the justice sector",
        ),
        (
            "II.2.5.1",
            "II.6.b",
            "security and safety conditions of IT systems",
        ),
    ] {
        assert!(paired(&cmp, a, b), "expected {a} ↔ {b} ({why})");
    }
}

#[test]
fn unrelated_tasks_are_not_paired() {
    let cmp = corpus_comparison();
    for (a, b) in [
        ("II.2.4.1", "II.7.a"),
        ("II.2.1", "II.4.a"),
        ("IV.2", "II.4.a"),
        ("II.2.3.5", "II.6.c"),
    ] {
        assert!(!paired(&cmp, a, b), "{a} ↔ {b} should not be paired");
    }
    // Guest registration (Quảng Nam) and house numbering (Kon Tum) have no counterpart.
    assert!(
        cmp.alignment
            .unmatched_left
            .iter()
            .any(|t| t.id == "II.2.3.4")
    );
    assert!(
        cmp.alignment
            .unmatched_right
            .iter()
            .any(|t| t.id == "II.5.n")
    );
}

#[test]
fn groups_say_how_tasks_correspond() {
    let cmp = corpus_comparison();
    let g = cmp
        .alignment
        .groups
        .iter()
        .find(|g| g.right.iter().any(|t| t.id == "II.4.a"))
        .expect("a group with II.4.a");
    assert_eq!(
        g.relation,
        compare::Relation::ManyToOne,
        "two Quảng Nam tasks join in one Kon Tum task"
    );
    let p = g.pairs.iter().find(|p| p.left == "II.2.4.1").unwrap();
    assert!(
        p.shared_terms
            .iter()
            .any(|t| t.contains("định danh điện tử")),
        "{:?}",
        p.shared_terms
    );
    assert_eq!(p.shared_leads, ["cong-an-tinh"]);
    // Every task is either in a group or unmatched, once.
    let (a, b) = corpus_pair();
    let left: usize = cmp
        .alignment
        .groups
        .iter()
        .map(|g| g.left.len())
        .sum::<usize>()
        + cmp.alignment.unmatched_left.len();
    let right: usize = cmp
        .alignment
        .groups
        .iter()
        .map(|g| g.right.len())
        .sum::<usize>()
        + cmp.alignment.unmatched_right.len();
    assert_eq!((left, right), (a.tasks.len(), b.tasks.len()));
}

#[test]
fn load_and_timeline_add_up() {
    let (a, b) = corpus_pair();
    let cmp = compare::compare(&a, &b);
    let police = cmp
        .agency_load
        .agencies
        .iter()
        .find(|r| r.key == "cong-an-tinh")
        .expect("Công an tỉnh");
    assert!(police.left.lead > 0 && police.right.lead > 0);
    assert!(
        cmp.agency_load
            .collectives
            .iter()
            .any(|r| r.key == "cac-so-ban-nganh-dia-phuong"),
        "collectives are listed apart"
    );
    assert!(
        !cmp.agency_load.agencies.iter().any(|r| cmp
            .agency_load
            .collectives
            .iter()
            .any(|c| c.key == r.key))
    );
    let diffs: Vec<i64> = cmp
        .agency_load
        .agencies
        .iter()
        .map(|r| r.difference.abs())
        .collect();
    assert!(
        diffs.windows(2).all(|w| w[0] >= w[1]),
        "sorted by difference"
    );
    for (t, plan) in [(&cmp.timeline.left, &a), (&cmp.timeline.right, &b)] {
        assert_eq!(t.quarters.iter().map(|q| q.tasks).sum::<usize>(), t.dated);
        assert!(t.dated + t.conditional + t.undated <= plan.tasks.len());
    }
    assert_eq!(
        cmp.timeline.left.quarters.len(),
        cmp.timeline.right.quarters.len()
    );
}

#[test]
fn json_follows_its_schema_and_is_deterministic() {
    let cmp = corpus_comparison();
    let text = compare::json(&cmp);
    assert_eq!(
        text,
        compare::json(&corpus_comparison()),
        "same input, same bytes"
    );
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let schema: serde_json::Value = serde_json::from_str(compare::SCHEMA).unwrap();
    let v = jsonschema::validator_for(&schema).expect("valid JSON Schema");
    let errors: Vec<String> = v
        .iter_errors(&json)
        .map(|e| format!("{e} at {}", e.instance_path))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let mut bad = json.clone();
    bad["alignment"]["groups"][0]["relation"] = serde_json::json!("some");
    assert!(!v.is_valid(&bad));
}

#[test]
fn snapshots() {
    let cmp = corpus_comparison();
    insta::assert_snapshot!("compare_json", compare::json(&cmp));
    insta::assert_snapshot!("compare_table", compare::table::table(&cmp, false));
}

fn kehoach(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_kehoach"))
        .args(args)
        .current_dir(crate::root())
        .output()
        .expect("run kehoach")
}

fn temp_dir(tag: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("kehoach-compare-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn cli_reads_parse_json_like_plans() {
    let dir = temp_dir("cli");
    let o = kehoach(&[
        "parse",
        "corpus/text/quang-nam-2023.txt",
        "corpus/text/kon-tum-2024.txt",
        "-o",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0));
    let from_json = kehoach(&[
        "compare",
        "-f",
        "json",
        dir.join("quang-nam-2023.json").to_str().unwrap(),
        dir.join("kon-tum-2024.json").to_str().unwrap(),
    ]);
    assert_eq!(
        from_json.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&from_json.stderr)
    );
    let from_text = kehoach(&[
        "compare",
        "--format",
        "json",
        "corpus/text/quang-nam-2023.txt",
        "corpus/text/kon-tum-2024.txt",
    ]);
    assert_eq!(
        from_json.stdout, from_text.stdout,
        "JSON inputs compare like the plans they came from"
    );
    let table = kehoach(&[
        "compare",
        "corpus/text/quang-nam-2023.txt",
        "corpus/text/kon-tum-2024.txt",
    ]);
    assert!(String::from_utf8_lossy(&table.stdout).contains("ALIGNED TASKS"));
    assert!(
        !table.stdout.contains(&0x1b),
        "no colour when not a terminal"
    );
    let schema = kehoach(&["schema", "--compare"]);
    let v: serde_json::Value = serde_json::from_slice(&schema.stdout).unwrap();
    assert_eq!(v["properties"]["schema_version"]["const"], "compare-1");
    let bad = dir.join("bad.json");
    std::fs::write(&bad, r#"{"schema_version": "1", "tasks": 3}"#).unwrap();
    let o = kehoach(&[
        "compare",
        bad.to_str().unwrap(),
        "corpus/text/kon-tum-2024.txt",
    ]);
    assert_eq!(o.status.code(), Some(7));
    assert!(String::from_utf8_lossy(&o.stderr).contains("bad.json"));
    let o = kehoach(&[
        "compare",
        "tests/invalid/empty.txt",
        "corpus/text/kon-tum-2024.txt",
    ]);
    assert_eq!(o.status.code(), Some(5));
    std::fs::remove_dir_all(&dir).unwrap();
}

const CHROMIUM: &str = "/usr/bin/chromium";

/// The HTML page renders offline in headless Chromium to a non-blank screenshot.
#[test]
fn html_renders_offline_in_chromium() {
    let html = compare::html::html(&corpus_comparison());
    let lower = html.to_lowercase();
    for attr in ["src=", "href=", "url(", "@import"] {
        for (k, _) in lower.match_indices(attr) {
            let after = lower[k + attr.len()..].trim_start_matches(['"', '\'', ' ']);
            assert!(
                !after.starts_with("http") && !after.starts_with("//"),
                "external reference at {k}: {}",
                &html[k..(k + 80).min(html.len())]
            );
        }
    }
    assert!(
        !lower.contains("http://") && !lower.contains("https://"),
        "no URLs at all"
    );
    assert!(
        Path::new(CHROMIUM).exists(),
        "{CHROMIUM} is missing: run `bash .ci/setup` (installs the Debian package chromium)"
    );

    let dir = temp_dir("html");
    let page = dir.join("compare.html");
    std::fs::write(&page, &html).unwrap();
    let png = dir.join("shot.png");
    let profile = dir.join("profile");
    let out = Command::new(CHROMIUM)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--host-resolver-rules=MAP * ~NOTFOUND",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--screenshot={}", png.display()))
        .arg("--window-size=1280,2000")
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("run chromium");
    assert!(
        png.exists(),
        "no screenshot: {}",
        String::from_utf8_lossy(&out.stderr)
    );

    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&png).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let channels = info.color_type.samples();
    let pixels = &buf[..info.buffer_size()];
    let luma: Vec<f64> = pixels
        .chunks(channels)
        .map(|p| p.iter().take(3).map(|&c| f64::from(c)).sum::<f64>() / 3.0)
        .collect();
    let mean = luma.iter().sum::<f64>() / luma.len() as f64;
    let var = luma.iter().map(|l| (l - mean).powi(2)).sum::<f64>() / luma.len() as f64;
    assert!(
        (info.width, info.height) == (1280, 2000),
        "{}x{}",
        info.width,
        info.height
    );
    assert!(
        var > 100.0,
        "screenshot looks blank (luma variance {var:.1})"
    );
    let dark = luma.iter().filter(|&&l| l < 100.0).count();
    assert!(dark > 5_000, "too little text drawn ({dark} dark pixels)");
    std::fs::remove_dir_all(&dir).unwrap();
}
