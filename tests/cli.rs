//! The `kehoach` binary: exit codes, stdin, --output, batches with bad files.

use std::io::Write;
use std::process::{Command, Output, Stdio};

pub fn kehoach(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kehoach"))
        .args(args)
        .current_dir(crate::root())
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run kehoach");
    if let Some(input) = stdin {
        // The child may exit before reading (a usage error): a closed pipe is fine.
        let _ = child.stdin.take().unwrap().write_all(input);
    }
    child.wait_with_output().unwrap()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn parses_a_file_to_json() {
    let o = kehoach(&["parse", "corpus/text/quang-nam-2023.txt"], None);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["schema_version"], "1");
    assert_eq!(v["source"]["name"], "quang-nam-2023.txt");
}

#[test]
fn reads_stdin_as_dash() {
    let text = std::fs::read(crate::root().join("corpus/text/kon-tum-2024.txt")).unwrap();
    let o = kehoach(&["parse", "-"], Some(&text));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["source"]["name"], "-");
    assert!(v["tasks"].as_array().unwrap().len() > 50);
}

#[test]
fn exit_codes_name_the_problem() {
    for (file, code) in [
        ("tests/invalid/empty.txt", 5),
        ("tests/invalid/windows-1258.txt", 4),
        ("tests/invalid/binary.bin", 4),
        ("tests/invalid/legacy.doc", 6),
        ("tests/invalid/does-not-exist.txt", 3),
    ] {
        let o = kehoach(&["parse", file], None);
        assert_eq!(o.status.code(), Some(code), "{file}: {}", stderr(&o));
        let name = std::path::Path::new(file)
            .file_name()
            .unwrap()
            .to_str()
            .unwrap();
        assert!(stderr(&o).contains(name), "{file}: {}", stderr(&o));
        assert!(o.stdout.is_empty());
    }
}

#[test]
fn batch_goes_on_after_a_bad_file() {
    let dir = std::env::temp_dir().join(format!("kehoach-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let o = kehoach(
        &[
            "parse",
            "tests/invalid/binary.bin",
            "corpus/text/quang-nam-2023.txt",
            "corpus/text/kon-tum-2024.txt",
            "-o",
            dir.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("binary.bin"));
    for name in ["quang-nam-2023.json", "kon-tum-2024.json"] {
        let v: serde_json::Value =
            serde_json::from_slice(&std::fs::read(dir.join(name)).unwrap()).unwrap();
        assert!(!v["tasks"].as_array().unwrap().is_empty(), "{name}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn plans_ndjson_is_one_document_per_line() {
    let o = kehoach(
        &[
            "parse",
            "--format",
            "plans-ndjson",
            "corpus/text/quang-nam-2023.txt",
            "corpus/text/kon-tum-2024.txt",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = String::from_utf8(o.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2);
    for l in lines {
        let v: serde_json::Value = serde_json::from_str(l).unwrap();
        crate::schema::assert_valid(&v, "ndjson line");
    }
}

#[test]
fn schema_command_prints_the_contract() {
    let o = kehoach(&["schema"], None);
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["properties"]["schema_version"]["const"], "1");
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(kehoach(&["parse"], None).status.code(), Some(2));
    assert_eq!(kehoach(&["frobnicate"], None).status.code(), Some(2));
    let o = kehoach(&["parse", "-", "-"], Some(b"x"));
    assert_eq!(o.status.code(), Some(2));
    let help = kehoach(&["parse", "--help"], None);
    assert!(String::from_utf8_lossy(&help.stdout).contains("Exit codes"));
}
