//! The `kehoach` binary's batch exports and `check` command.

use crate::cli::{kehoach, stderr};

const QN: &str = "corpus/text/quang-nam-2023.txt";
const KT: &str = "corpus/text/kon-tum-2024.txt";

fn temp_dir(tag: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("kehoach-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn ndjson_streams_one_task_per_line_in_input_order() {
    let o = kehoach(&["parse", "--format", "ndjson", QN, KT], None);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = String::from_utf8(o.stdout).unwrap();
    let sources: Vec<String> = text
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["source"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    let qn = crate::parse_file(&crate::root().join(QN)).tasks.len();
    let kt = crate::parse_file(&crate::root().join(KT)).tasks.len();
    assert_eq!(sources.len(), qn + kt);
    assert!(sources[..qn].iter().all(|s| s == "quang-nam-2023.txt"));
    assert!(sources[qn..].iter().all(|s| s == "kon-tum-2024.txt"));
    let schema = kehoach(&["schema", "--ndjson"], None);
    let printed: serde_json::Value = serde_json::from_slice(&schema.stdout).unwrap();
    assert_eq!(printed, kehoach::render::ndjson::task_schema());
}

#[test]
fn directories_are_searched_and_one_output_per_input_is_written() {
    let input = temp_dir("in");
    std::fs::create_dir_all(input.join("sub")).unwrap();
    std::fs::copy(crate::root().join(QN), input.join("quang-nam-2023.txt")).unwrap();
    std::fs::copy(crate::root().join(KT), input.join("sub/kon-tum-2024.TXT")).unwrap();
    std::fs::copy(
        crate::root().join("tests/invalid/binary.bin"),
        input.join("sub/notes.md"),
    )
    .unwrap();
    std::fs::copy(
        crate::root().join("tests/invalid/windows-1258.txt"),
        input.join("bad.txt"),
    )
    .unwrap();
    let out = temp_dir("out");
    let o = kehoach(
        &[
            "parse",
            "-f",
            "csv",
            input.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(
        o.status.code(),
        Some(1),
        "a bad file makes the run exit 1: {}",
        stderr(&o)
    );
    assert!(stderr(&o).contains("bad.txt"), "{}", stderr(&o));
    let mut written: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    written.sort();
    assert_eq!(
        written,
        ["kon-tum-2024.csv", "quang-nam-2023.csv"],
        "notes.md is not a plan file"
    );
    for name in written {
        let text = std::fs::read_to_string(out.join(&name)).unwrap();
        let rows = csv::Reader::from_reader(text.as_bytes()).records().count();
        assert!(rows > 50, "{name}: {rows} rows");
    }
    for (format, ext) in [("ics", "ics"), ("ndjson", "ndjson"), ("json", "json")] {
        let o = kehoach(
            &["parse", "-f", format, KT, "-o", out.to_str().unwrap()],
            None,
        );
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        assert!(
            out.join(format!("kon-tum-2024.{ext}")).is_file(),
            "{format}"
        );
    }
    std::fs::remove_dir_all(&input).unwrap();
    std::fs::remove_dir_all(&out).unwrap();
}

#[test]
fn csv_to_stdout_has_one_header_and_excel_a_bom() {
    let o = kehoach(&["parse", "-f", "csv", "--excel", QN, KT], None);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = String::from_utf8(o.stdout).unwrap();
    let body = text.strip_prefix('\u{feff}').expect("BOM");
    assert!(!body.contains('\u{feff}'), "one BOM only");
    assert_eq!(body.matches("document,source,task_id").count(), 1);
    assert_eq!(
        kehoach(&["parse", "-f", "json", "--excel", QN], None)
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn ics_notes_undated_tasks_on_stderr() {
    let o = kehoach(&["parse", "-f", "ics", KT, QN], None);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = String::from_utf8(o.stdout.clone()).unwrap();
    assert_eq!(text.matches("BEGIN:VCALENDAR").count(), 1);
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    let cal: icalendar::Calendar = text.parse().unwrap();
    assert!(cal.components.len() > 50);
    let err = stderr(&o);
    // The note lists exactly the tasks the parser gives no due date.
    let plan = crate::parse_file(&crate::root().join(KT));
    let undated: Vec<&str> = plan
        .tasks
        .iter()
        .filter(|t| t.deadline.as_ref().and_then(|d| d.due).is_none())
        .map(|t| t.id.as_str())
        .collect();
    assert!(undated.len() > 10);
    let want = format!(
        "kon-tum-2024.txt: {} tasks without a due date not exported: {}",
        undated.len(),
        undated.join(", ")
    );
    assert!(err.contains(&want), "{err}\nwant: {want}");
}

#[test]
fn check_reports_the_repeated_label_and_exits_1() {
    let o = kehoach(&["check", KT], None);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(
        out.contains(&format!("{KT}:518: error: duplicate-label: ")),
        "{out}"
    );
    let o = kehoach(
        &[
            "check",
            "--allow",
            "duplicate-label",
            "--allow",
            "suspicious-year",
            KT,
        ],
        None,
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    let o = kehoach(
        &[
            "check",
            "--deny",
            "missing-deadline",
            "--allow",
            "duplicate-label",
            "--allow",
            "suspicious-year",
            KT,
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(1));
    let o = kehoach(&["check", "--deny", "no-such-code", KT], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no-such-code"));
    let o = kehoach(&["check", "--format", "json", KT, QN], None);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let dup = v
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "duplicate-label")
        .unwrap();
    assert_eq!(dup["file"], KT);
    assert_eq!(dup["span"]["line_start"], 518);
    assert_eq!(dup["severity"], "error");
}
