//! A snapshot of the full JSON output per corpus document.

use kehoach::render;

#[test]
fn corpus_snapshots() {
    insta::glob!("../corpus", "{text,synthetic}/*.txt", |path| {
        let plan = crate::parse_file(path);
        insta::assert_snapshot!(render::json(&plan));
    });
}

#[test]
fn task_ids_are_unique() {
    for path in crate::corpus_texts() {
        let plan = crate::parse_file(&path);
        let mut ids: Vec<&str> = plan.tasks.iter().map(|t| t.id.as_str()).collect();
        ids.sort_unstable();
        let before = ids.len();
        ids.dedup();
        assert_eq!(before, ids.len(), "{}: duplicate task ids", path.display());
    }
}

#[test]
fn kon_tum_repeated_label_is_reported() {
    let plan = crate::parse_file(&crate::root().join("corpus/text/kon-tum-2024.txt"));
    let w = plan
        .warnings
        .iter()
        .find(|w| w.code == "duplicate-label")
        .expect("duplicate-label warning");
    assert_eq!(w.task.as_deref(), Some("II.3.d#2"));
    assert!(plan.tasks.iter().any(|t| t.id == "II.3.d#2"));
}

#[test]
fn header_of_text_plans() {
    let qn = crate::parse_file(&crate::root().join("corpus/text/quang-nam-2023.txt"));
    assert_eq!(qn.document.doc_type.as_deref(), Some("KH"));
    assert_eq!(qn.document.province.as_deref(), Some("Quảng Nam"));
    assert_eq!(qn.document.year, Some(2023));
    assert!(
        qn.document
            .references
            .iter()
            .any(|r| r.number.as_deref() == Some("06/QĐ-TTg"))
    );
    assert!(
        qn.document
            .references
            .iter()
            .any(|r| r.number.as_deref() == Some("85/2016/NĐ-CP"))
    );
    let kt = crate::parse_file(&crate::root().join("corpus/text/kon-tum-2024.txt"));
    assert_eq!(kt.document.year, Some(2024));
    assert_eq!(kt.document.province.as_deref(), Some("Kon Tum"));
    let signer = kt.document.signer.as_ref().expect("signer");
    assert_eq!(signer.name.as_deref(), Some("Lê Ngọc Tuấn"));
    assert_eq!(kt.document.recipients.len(), 12);
}
