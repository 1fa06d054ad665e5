//! `kehoach check`: the library's findings on the corpus, and the command's output,
//! codes and exit status.

use kehoach::check::{self, Level, Policy, Severity};

fn kon_tum() -> kehoach::Plan {
    crate::parse_file(&crate::root().join("corpus/text/kon-tum-2024.txt"))
}

#[test]
fn kon_tum_repeated_d_is_reported_with_its_line() {
    let findings = check::check(&kon_tum(), &Policy::default());
    let dup = findings
        .iter()
        .find(|f| f.code == "duplicate-label")
        .expect("duplicate-label");
    assert_eq!(dup.severity, Severity::Error);
    assert_eq!(dup.task.as_deref(), Some("II.3.d#2"));
    assert_eq!(dup.span.map(|s| s.line_start), Some(518));
    let line = check::format_finding("kon-tum-2024.txt", dup);
    assert!(
        line.starts_with("kon-tum-2024.txt:518: error: duplicate-label: "),
        "{line}"
    );
}

#[test]
fn kon_tum_typo_year_is_suspicious() {
    let findings = check::check(&kon_tum(), &Policy::default());
    let f = findings
        .iter()
        .find(|f| f.code == "suspicious-year")
        .expect("suspicious-year");
    assert!(f.message.contains("20210"), "{}", f.message);
    assert_eq!(f.task.as_deref(), Some("II.3.d"));
}

#[test]
fn rules_on_a_small_plan() {
    let text = "KẾ HOẠCH\nThực hiện nhiệm vụ năm 2024\nII. NHIỆM VỤ\n\
        1. Rà soát văn bản, hoàn thành trước ngày 30/6/2024.\n- Cơ quan chủ trì: Sở Tư pháp.\n- Thời gian hoàn thành: Quý IV/2024.\n\
        2. Cập nhật dữ liệu.\n- Thời gian hoàn thành: năm 2026.\n\
        3. Rà soát văn bản, hoàn thành trước ngày 30/6/2024.\n- Cơ quan chủ trì: Sở Tư pháp.\n- Thời gian hoàn thành: tháng 9/2024.\n\
        4. Báo cáo kết quả.\n- Cơ quan chủ trì: Sở Nội vụ.\n";
    let plan = kehoach::parse_text(text);
    let findings = check::check(&plan, &Policy::default());
    let codes = |task: &str| -> Vec<&str> {
        findings
            .iter()
            .filter(|f| f.task.as_deref() == Some(task))
            .map(|f| f.code.as_str())
            .collect()
    };
    assert!(
        codes("II.1").contains(&"conflicting-deadlines"),
        "{findings:#?}"
    );
    assert!(codes("II.2").contains(&"missing-lead"), "{findings:#?}");
    if plan.document.year == Some(2024) {
        assert!(
            codes("II.2").contains(&"deadline-outside-plan-year"),
            "{findings:#?}"
        );
    }
    assert!(
        codes("II.3").contains(&"conflicting-deadlines"),
        "{findings:#?}"
    );
    assert_eq!(codes("II.4"), vec!["missing-deadline"]);
    assert!(check::has_errors(&findings));
}

#[test]
fn policy_allows_and_denies_known_codes_only() {
    let plan = kon_tum();
    let mut policy = Policy::default();
    policy.set("duplicate-label", Level::Allow).unwrap();
    policy.set("suspicious-year", Level::Allow).unwrap();
    policy.set("missing-deadline", Level::Error).unwrap();
    let findings = check::check(&plan, &policy);
    assert!(!findings.iter().any(|f| f.code == "duplicate-label"));
    assert!(
        findings
            .iter()
            .filter(|f| f.code == "missing-deadline")
            .all(|f| f.severity == Severity::Error)
    );
    assert!(policy.set("no-such-code", Level::Error).is_err());
    // Every documented code is in the README's table.
    let readme = std::fs::read_to_string(crate::root().join("README.md")).unwrap();
    for c in check::CODES {
        assert!(
            readme.contains(&format!("| `{}` | {} |", c.code, c.severity.as_str())),
            "README lacks {}",
            c.code
        );
    }
}
