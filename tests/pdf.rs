//! PDF extraction through the isolated worker (`kehoach __pdf-worker`) over the
//! project's PDF corpus (`corpus/pdf/`, see its MANIFEST.md): real plans, adversarial
//! files, and fake workers that crash, hang or flood in each way.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use kehoach::extract::isolate::{PdfLimits, PdfOptions, extract_isolated};
use kehoach::extract::pdf::{Backend, PdfError, PdfText, pdftotext_available};
use unicode_normalization::is_nfc;

fn corpus() -> PathBuf {
    crate::root().join("corpus/pdf")
}

fn opts(backend: Backend, password: Option<&str>) -> PdfOptions {
    PdfOptions {
        worker_exe: PathBuf::from(env!("CARGO_BIN_EXE_kehoach")),
        password: password.map(str::to_string),
        backend,
        limits: PdfLimits::default(),
    }
}

fn run(
    dir: &Path,
    file: &str,
    backend: Backend,
    password: Option<&str>,
) -> Result<PdfText, PdfError> {
    let bytes = std::fs::read(dir.join(file)).expect("corpus file readable");
    extract_isolated(&bytes, &opts(backend, password))
}

fn words(text: &str) -> Vec<&str> {
    text.split_whitespace().collect()
}

/// Share of `reference` words found in order in `got` (word-level LCS
/// length / reference length), so line breaks and hyphenation-free
/// re-wrapping do not matter.
fn in_order_ratio(reference: &[&str], got: &[&str]) -> f64 {
    if reference.is_empty() {
        return 1.0;
    }
    let mut prev = vec![0u32; got.len() + 1];
    let mut cur = vec![0u32; got.len() + 1];
    for r in reference {
        for (j, g) in got.iter().enumerate() {
            cur[j + 1] = if r == g {
                prev[j] + 1
            } else {
                cur[j].max(prev[j + 1])
            };
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    f64::from(prev[got.len()]) / reference.len() as f64
}

fn reference(dir: &Path, stem: &str) -> String {
    std::fs::read_to_string(dir.join(format!("{stem}.ref.txt"))).expect("reference text readable")
}

fn assert_matches_reference(dir: &Path, stem: &str, text: &PdfText, min: f64) {
    let reference = reference(dir, stem);
    let joined = text.pages.join("\n");
    let ratio = in_order_ratio(&words(&reference), &words(&joined));
    eprintln!(
        "{stem} via {}: {:.4} of reference words in order",
        text.backend, ratio
    );
    assert!(
        ratio >= min,
        "{stem} via {}: only {ratio:.4} of reference words in order",
        text.backend
    );
}

/// Pages 2+ of the ND30 layout carry a page number at the top centre.
fn assert_no_page_numbers(text: &PdfText) {
    for (i, page) in text.pages.iter().enumerate() {
        let first = page.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
        let last = page
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("");
        for edge in [first, last] {
            assert!(
                !edge.trim().chars().all(|c| c.is_ascii_digit()),
                "page {} still has number {edge:?}",
                i + 1
            );
        }
    }
}

#[test]
fn plain_plans_match_reference_with_every_backend() {
    let dir = corpus();
    let mut backends = vec![Backend::Auto, Backend::PdfExtract];
    if pdftotext_available() {
        backends.push(Backend::Pdftotext);
    }
    for backend in backends {
        for (stem, pages) in [("qn2023_plain", 14), ("kt2024_plain", 13)] {
            let text =
                run(&dir, &format!("{stem}.pdf"), backend, None).expect("plain plan extracts");
            assert_eq!(text.pages.len(), pages, "{stem} {backend:?}");
            assert!(
                text.page_warnings.is_empty(),
                "{stem}: {:?}",
                text.page_warnings
            );
            assert_matches_reference(&dir, stem, &text, 0.98);
            assert_no_page_numbers(&text);
        }
    }
}

#[test]
fn header_fields_are_present() {
    let dir = corpus();
    let text = run(&dir, "qn2023_plain.pdf", Backend::Auto, None).expect("extracts");
    assert_eq!(text.backend, "pdf-extract");
    assert!(text.pages[0].contains("Số: 1234/KH-UBND"));
    assert!(text.pages[0].contains("Quảng Nam, ngày 10 tháng 3 năm 2023"));
    assert!(text.pages[0].contains("KẾ HOẠCH"));
}

#[test]
fn user_password_file_needs_the_password() {
    let dir = corpus();
    let file = "adv_encrypted_userpw.pdf";
    for backend in [Backend::Auto, Backend::PdfExtract] {
        assert_eq!(
            run(&dir, file, backend, None),
            Err(PdfError::PasswordRequired)
        );
        assert_eq!(
            run(&dir, file, backend, Some("wrong")),
            Err(PdfError::WrongPassword)
        );
        let text = run(&dir, file, backend, Some("secret")).expect("opens with secret");
        assert_eq!(text.pages.len(), 14);
        assert_matches_reference(&dir, "qn2023_plain", &text, 0.98);
    }
    if pdftotext_available() {
        assert_eq!(
            run(&dir, file, Backend::Pdftotext, None),
            Err(PdfError::PasswordRequired)
        );
        assert!(run(&dir, file, Backend::Pdftotext, Some("secret")).is_ok());
    }
}

#[test]
fn nfd_tounicode_gives_nfc_text() {
    let dir = corpus();
    let text = run(&dir, "adv_nfd_tounicode.pdf", Backend::PdfExtract, None).expect("extracts");
    assert!(text.pages.iter().all(|p| is_nfc(p)));
    assert_matches_reference(&dir, "qn2023_plain", &text, 0.98);
}

/// What one corpus file must give under `Backend::Auto`.
enum Expect {
    /// Success: page count (if fixed), reference stem to compare, or a
    /// snippet that must appear.
    Text {
        pages: Option<usize>,
        reference: Option<&'static str>,
        contains: &'static str,
    },
    Error(fn(&PdfError) -> bool),
}

fn expectation(file: &str, pdftotext: bool) -> Expect {
    use Expect::*;
    let text = |pages, reference, contains| Text {
        pages,
        reference,
        contains,
    };
    match file {
        "adv_encrypted_ownerpw_aes256.pdf"
        | "adv_encrypted_ownerpw_rc4.pdf"
        | "adv_nfd_tounicode.pdf"
        | "qn2023_plain.pdf" => text(Some(14), Some("qn2023_plain"), "Số: 1234/KH-UBND"),
        "kt2024_plain.pdf" => text(Some(13), Some("kt2024_plain"), "KẾ HOẠCH"),
        "adv_font_fallback.pdf" => text(None, Some("kt2024_plain"), "KẾ HOẠCH"),
        "large_qn2023_x50.pdf" => text(Some(651), None, "Số: 1234/KH-UBND"),
        // The task table is rebuilt from pdftotext's word boxes, cell by cell.
        "cp2025_table.pdf" if pdftotext => text(
            Some(8),
            None,
            "| TT | Tên nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Kết quả | Thời gian hoàn thành |",
        ),
        "cp2025_table.pdf" => text(Some(8), None, "PHỤ LỤC II"),
        "adv_page_tree_cycle.pdf" => text(Some(1), None, "Ke hoach"),
        "adv_type3_tounicode.pdf" => text(Some(1), None, "KẾ HOẠCH"),
        "adv_flate_bomb_200mb.pdf" if pdftotext => text(Some(1), None, "Ke hoach"),
        "adv_type3_glyphnames.pdf" if pdftotext => text(Some(1), None, "Số: 1234/KH-UBND"),
        "adv_xobject_recursion.pdf" if pdftotext => text(Some(1), None, "Ke hoach so 1"),
        "adv_flate_bomb_200mb.pdf" | "adv_xobject_recursion.pdf" | "adv_missing_font.pdf" => {
            Error(|e| matches!(e, PdfError::Damaged(_)))
        }
        "adv_type3_glyphnames.pdf" | "adv_type3_opaque.pdf" | "adv_no_tounicode.pdf" => {
            Error(|e| *e == PdfError::Undecodable)
        }
        "adv_encrypted_userpw.pdf" => Error(|e| *e == PdfError::PasswordRequired),
        "adv_not_a_pdf.pdf" => Error(|e| matches!(e, PdfError::NotPdf { .. })),
        "adv_scanned_image_only.pdf" | "adv_text_as_outlines.pdf" => {
            Error(|e| *e == PdfError::NoTextLayer)
        }
        "adv_truncated_half.pdf" => Error(|e| *e == PdfError::Truncated),
        "adv_zero_bytes.pdf" => Error(|e| *e == PdfError::Empty),
        other => panic!("no expectation for new corpus file {other}"),
    }
}

fn check(dir: &Path, file: &str, got: &Result<PdfText, PdfError>, want: &Expect) {
    match (got, want) {
        (
            Ok(text),
            Expect::Text {
                pages,
                reference,
                contains,
            },
        ) => {
            if let Some(n) = pages {
                assert_eq!(text.pages.len(), *n, "{file}: page count");
            }
            if let Some(stem) = reference {
                assert_matches_reference(dir, stem, text, 0.98);
            }
            assert!(
                text.pages.join("\n").contains(contains),
                "{file}: missing {contains:?}"
            );
            assert!(text.pages.iter().all(|p| is_nfc(p)), "{file}: not NFC");
        }
        (Err(e), Expect::Error(ok)) => assert!(ok(e), "{file}: unexpected error {e:?}"),
        (Ok(t), Expect::Error(_)) => panic!(
            "{file}: expected an error, got {} pages via {}",
            t.pages.len(),
            t.backend
        ),
        (Err(e), Expect::Text { .. }) => panic!("{file}: expected text, got {e:?}: {e}"),
    }
}

/// The whole corpus in one batch, adversarial files first, so the good
/// files must still succeed after every bad one; reports each time.
#[test]
fn batch_over_corpus_auto() {
    let dir = corpus();
    let pdftotext = pdftotext_available();
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .expect("corpus dir")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".pdf"))
        .collect();
    files.sort_by_key(|n| (!n.starts_with("adv_"), n.clone()));
    for file in &files {
        let start = Instant::now();
        let got = run(&dir, file, Backend::Auto, None);
        let summary = match &got {
            Ok(t) => format!(
                "ok, {} pages via {}, {} warnings",
                t.pages.len(),
                t.backend,
                t.page_warnings.len()
            ),
            Err(e) => format!("error: {e}"),
        };
        eprintln!("{file}: {summary} ({:.2?})", start.elapsed());
        check(&dir, file, &got, &expectation(file, pdftotext));
    }
}

/// pdf-extract alone on every file: errors are fine, but the parent must
/// get a typed answer for each (no crash, no hang).
#[test]
fn pdf_extract_backend_never_takes_parent_down() {
    let dir = corpus();
    for entry in std::fs::read_dir(&dir)
        .expect("corpus dir")
        .filter_map(Result::ok)
    {
        let name = entry.file_name().to_string_lossy().to_string();
        if !name.starts_with("adv_") {
            continue;
        }
        let got = run(&dir, &name, Backend::PdfExtract, None);
        eprintln!("{name}: {:?}", got.as_ref().map(|t| t.pages.len()));
        assert!(
            !matches!(
                got,
                Err(PdfError::WorkerCrashed { .. }
                    | PdfError::Timeout { .. }
                    | PdfError::Worker(_))
            ),
            "{name}: {got:?}"
        );
    }
}

#[test]
fn large_file_fits_default_limits() {
    let dir = corpus();
    let start = Instant::now();
    let text = run(&dir, "large_qn2023_x50.pdf", Backend::PdfExtract, None)
        .expect("651 pages within default limits");
    eprintln!(
        "large_qn2023_x50.pdf: {} pages via pdf-extract in {:.2?}",
        text.pages.len(),
        start.elapsed()
    );
    assert_eq!(text.pages.len(), 651);
    assert!(text.page_warnings.is_empty());
}

// ---------------------------------------------------------------------------
// Isolation: fake workers (shell scripts) that misbehave in each way.

fn fake_worker(name: &str, body: &str) -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let dir = std::env::temp_dir().join(format!("kehoach-fake-workers-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).expect("write script");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    path
}

fn run_fake(name: &str, body: &str, limits: PdfLimits) -> (Result<PdfText, PdfError>, Duration) {
    let opts = PdfOptions {
        worker_exe: fake_worker(name, body),
        password: None,
        backend: Backend::Auto,
        limits,
    };
    let start = Instant::now();
    let got = extract_fake(b"%PDF-1.4 fake", &opts);
    (got, start.elapsed())
}

/// A freshly written script can briefly be "Text file busy" when another
/// test thread forks at the same moment; retry that case only.
fn extract_fake(bytes: &[u8], opts: &PdfOptions) -> Result<PdfText, PdfError> {
    for _ in 0..20 {
        match extract_isolated(bytes, opts) {
            Err(PdfError::Worker(m)) if m.contains("Text file busy") => {
                std::thread::sleep(Duration::from_millis(50))
            }
            other => return other,
        }
    }
    extract_isolated(bytes, opts)
}

fn short_limits() -> PdfLimits {
    PdfLimits {
        timeout: Duration::from_secs(2),
        memory_bytes: 100 << 20,
        max_output_bytes: 1 << 20,
    }
}

#[test]
fn crash_by_signal_is_typed() {
    let (got, _) = run_fake("segv", "kill -SEGV $$", short_limits());
    let Err(PdfError::WorkerCrashed { signal, detail, .. }) = got else {
        panic!("{got:?}")
    };
    assert_eq!(signal, Some(11));
    assert_eq!(detail, "killed by signal 11 (SIGSEGV)");
}

#[test]
fn stack_overflow_abort_is_typed() {
    let body = "echo \"thread 'main' has overflowed its stack\" >&2; kill -ABRT $$";
    let (got, _) = run_fake("overflow", body, short_limits());
    let Err(e @ PdfError::WorkerCrashed { .. }) = got else {
        panic!("{got:?}")
    };
    assert_eq!(
        e.to_string(),
        "PDF worker crashed (killed by signal 6 (SIGABRT): stack overflow); the file is probably malformed, try --pdf-backend pdftotext"
    );
}

#[test]
fn allocation_failure_is_memory_limit() {
    let body = "echo 'memory allocation of 209715200 bytes failed' >&2; kill -ABRT $$";
    let (got, _) = run_fake("oom", body, short_limits());
    assert_eq!(got, Err(PdfError::MemoryLimit { mib: 100 }));
}

#[test]
fn address_space_limit_is_applied() {
    // ulimit -v reports KiB; exit 0 with no reply would be a protocol error.
    let (got, _) = run_fake(
        "ulimit",
        "[ \"$(ulimit -v)\" = 102400 ] && kill -SEGV $$; exit 3",
        short_limits(),
    );
    assert_killed_by_segv(&got);
}

#[test]
fn hang_is_killed_at_timeout() {
    let (got, took) = run_fake("hang", "sleep 30 & sleep 30; wait", short_limits());
    assert_eq!(got, Err(PdfError::Timeout { secs: 2 }));
    assert!(took < Duration::from_secs(5), "took {took:?}");
}

#[test]
fn endless_output_is_capped() {
    let (got, took) = run_fake("flood", "cat /dev/zero", short_limits());
    assert_eq!(got, Err(PdfError::OutputTooLarge { max_bytes: 1 << 20 }));
    assert!(took < Duration::from_secs(5), "took {took:?}");
}

/// Auto retries a crashed pdf-extract worker once with pdftotext.
#[test]
fn auto_retries_crash_with_pdftotext() {
    if !pdftotext_available() {
        return;
    }
    let reply = r#"{"Ok":{"pages":["retried"],"backend":"pdftotext","page_warnings":[]}}"#;
    let body = format!(
        "cat >/dev/null; [ \"$3\" = pdftotext ] && echo '{reply}' && exit 0; kill -SEGV $$"
    );
    let (got, _) = run_fake("retry", &body, short_limits());
    assert_eq!(got.map(|t| t.pages), Ok(vec!["retried".to_string()]));
    let opts = PdfOptions {
        worker_exe: fake_worker("retry2", &body),
        password: None,
        backend: Backend::PdfExtract,
        limits: short_limits(),
    };
    assert!(matches!(
        extract_fake(b"%PDF-", &opts),
        Err(PdfError::WorkerCrashed { .. })
    ));
}

#[test]
fn garbage_reply_is_a_worker_error() {
    let (got, _) = run_fake("garbage", "cat >/dev/null; echo not json", short_limits());
    assert!(matches!(got, Err(PdfError::Worker(_))), "{got:?}");
}

#[test]
fn missing_worker_is_a_worker_error() {
    let opts = PdfOptions {
        worker_exe: PathBuf::from("/nonexistent/kehoach"),
        password: None,
        backend: Backend::Auto,
        limits: PdfLimits::default(),
    };
    assert!(matches!(
        extract_isolated(b"%PDF-", &opts),
        Err(PdfError::Worker(_))
    ));
}

#[test]
fn password_reaches_worker_by_env_only() {
    let body = "cat >/dev/null; case \"$*\" in *sekrit*) exit 9;; esac; [ \"$KEHOACH_PDF_PASSWORD\" = sekrit ] && kill -SEGV $$; exit 3";
    let opts = PdfOptions {
        worker_exe: fake_worker("pw", body),
        password: Some("sekrit".into()),
        backend: Backend::Auto,
        limits: short_limits(),
    };
    let got = extract_fake(b"%PDF-", &opts);
    assert_killed_by_segv(&got);
}

/// Messages are part of the interface (the CLI prints them after the file
/// name); changing one is a deliberate, reviewed change.
#[test]
fn error_messages_are_stable() {
    let cases = [
        (PdfError::Empty, "empty file (0 bytes)"),
        (
            PdfError::PasswordRequired,
            "encrypted: a user password is required; pass --password",
        ),
        (
            PdfError::WrongPassword,
            "encrypted: the password is wrong; check --password",
        ),
        (
            PdfError::NoTextLayer,
            "no text layer — run OCR first, e.g. ocrmypdf -l vie FILE out.pdf",
        ),
        (
            PdfError::Truncated,
            "truncated PDF: the cross-reference table or trailer is missing; the file is incomplete, download or copy it again",
        ),
        (
            PdfError::Timeout { secs: 60 },
            "PDF extraction timed out after 60 s; the file is pathological or too large",
        ),
        (
            PdfError::MemoryLimit { mib: 1024 },
            "PDF extraction exceeded the memory limit of 1024 MiB (a decompression bomb?)",
        ),
        (
            PdfError::OutputTooLarge { max_bytes: 10 },
            "extracted text exceeds the output limit of 10 bytes",
        ),
    ];
    for (e, msg) in cases {
        assert_eq!(e.to_string(), msg);
    }
}

// ---------------------------------------------------------------------------
// End to end: PDF → plan.

fn parse_pdf(file: &str) -> Result<kehoach::Plan, kehoach::Error> {
    let bytes = std::fs::read(corpus().join(file)).unwrap();
    let opts = kehoach::extract::ExtractOptions {
        pdf_worker: Some(PathBuf::from(env!("CARGO_BIN_EXE_kehoach"))),
        ..Default::default()
    };
    kehoach::parse_bytes_with(file, &bytes, &opts)
}

/// Every adversarial file: the rendered error (or a summary of the parse), snapshotted.
#[test]
fn adversarial_pdfs_snapshot() {
    insta::glob!("../corpus/pdf", "adv_*.pdf", |path| {
        let name = path.file_name().unwrap().to_str().unwrap();
        let shown = match parse_pdf(name) {
            Ok(plan) => format!(
                "ok: {} pages via {}, {} tasks, {} warnings",
                plan.source.pages.unwrap_or(0),
                plan.source.backend.as_deref().unwrap_or("?"),
                plan.tasks.len(),
                plan.warnings.len()
            ),
            Err(e) => e.to_string(),
        };
        insta::assert_snapshot!(shown);
    });
}

#[test]
fn pdf_header_fields_are_filled() {
    let qn = parse_pdf("qn2023_plain.pdf").unwrap();
    let d = &qn.document;
    assert_eq!(qn.source.format, kehoach::model::SourceFormat::Pdf);
    assert_eq!(qn.source.pages, Some(14));
    assert_eq!(d.number.as_deref(), Some("1234/KH-UBND"));
    assert_eq!(d.place.as_deref(), Some("Quảng Nam"));
    assert_eq!(d.issued_on, chrono::NaiveDate::from_ymd_opt(2023, 3, 10));
    assert_eq!(d.issuer.as_deref(), Some("Ủy ban nhân dân tỉnh Quảng Nam"));
    let signer = d.signer.as_ref().unwrap();
    assert_eq!(
        (signer.title.as_deref(), signer.name.as_deref()),
        (Some("Phó Chủ tịch"), Some("Phạm Minh Đức"))
    );
    assert!(qn.tasks.iter().all(|t| t.span.page.is_some()));
    let kt = parse_pdf("kt2024_plain.pdf").unwrap();
    assert_eq!(kt.document.number.as_deref(), Some("250/KH-TCT"));
    assert_eq!(
        kt.document.issued_on,
        chrono::NaiveDate::from_ymd_opt(2024, 1, 26)
    );
    assert_eq!(
        kt.document.signer.as_ref().and_then(|s| s.name.as_deref()),
        Some("Lê Ngọc Tuấn")
    );
}

#[test]
fn large_pdf_parses_within_default_limits() {
    let plan = parse_pdf("large_qn2023_x50.pdf").unwrap();
    assert_eq!(plan.source.pages, Some(651));
    assert!(plan.tasks.len() > 26 * 40, "{} tasks", plan.tasks.len());
}

/// All PDFs in one CLI call: the bad ones are reported, the good ones written.
#[test]
fn cli_batch_over_all_pdfs() {
    let out = std::env::temp_dir().join(format!("kehoach-pdf-batch-{}", std::process::id()));
    std::fs::create_dir_all(&out).unwrap();
    let mut files: Vec<String> = std::fs::read_dir(corpus())
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".pdf") && !n.starts_with("large"))
        .map(|n| format!("corpus/pdf/{n}"))
        .collect();
    files.sort();
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_kehoach"))
        .arg("parse")
        .args(&files)
        .args(["-o", out.to_str().unwrap()])
        .current_dir(crate::root())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    for bad in [
        "adv_zero_bytes.pdf",
        "adv_not_a_pdf.pdf",
        "adv_truncated_half.pdf",
        "adv_encrypted_userpw.pdf",
        "adv_scanned_image_only.pdf",
    ] {
        assert!(stderr.contains(bad), "{bad} not reported: {stderr}");
    }
    for good in [
        "qn2023_plain",
        "kt2024_plain",
        "adv_encrypted_ownerpw_aes256",
        "adv_nfd_tounicode",
    ] {
        let v: serde_json::Value =
            serde_json::from_slice(&std::fs::read(out.join(format!("{good}.json"))).unwrap())
                .unwrap();
        crate::schema::assert_valid(&v, good);
        assert!(v["tasks"].as_array().unwrap().len() > 20, "{good}");
    }
    std::fs::remove_dir_all(&out).unwrap();
}

#[test]
fn cli_exit_codes_for_pdf_problems() {
    for (file, code, extra) in [
        ("adv_encrypted_userpw.pdf", 8, None),
        ("adv_encrypted_userpw.pdf", 0, Some("secret")),
        ("adv_scanned_image_only.pdf", 9, None),
        ("adv_no_tounicode.pdf", 9, None),
        ("adv_not_a_pdf.pdf", 7, None),
        ("adv_truncated_half.pdf", 7, None),
        ("adv_zero_bytes.pdf", 5, None),
    ] {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_kehoach"));
        cmd.args(["parse", &format!("corpus/pdf/{file}")])
            .current_dir(crate::root())
            .env_remove("KEHOACH_PASSWORD");
        if let Some(p) = extra {
            cmd.args(["--password", p]);
        }
        let o = cmd.output().unwrap();
        assert_eq!(
            o.status.code(),
            Some(code),
            "{file}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
    }
}

fn assert_killed_by_segv(got: &Result<PdfText, PdfError>) {
    assert!(
        matches!(
            got,
            Err(PdfError::WorkerCrashed {
                signal: Some(11),
                ..
            })
        ),
        "{got:?}"
    );
}
