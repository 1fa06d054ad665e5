//! Every output validates against the published JSON Schema (`kehoach schema`).

use kehoach::render;

fn validator() -> jsonschema::Validator {
    let schema: serde_json::Value = serde_json::from_str(render::SCHEMA).expect("schema is JSON");
    jsonschema::validator_for(&schema).expect("schema is a valid JSON Schema")
}

pub fn assert_valid(json: &serde_json::Value, what: &str) {
    let v = validator();
    let errors: Vec<String> = v
        .iter_errors(json)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect();
    assert!(errors.is_empty(), "{what}: {errors:#?}");
}

#[test]
fn corpus_outputs_follow_the_schema() {
    for path in crate::corpus_texts() {
        let plan = crate::parse_file(&path);
        let json: serde_json::Value = serde_json::from_str(&render::json(&plan)).unwrap();
        assert_valid(&json, &path.display().to_string());
    }
}

#[test]
fn schema_rejects_contract_violations() {
    let plan = crate::parse_file(&crate::root().join("corpus/text/quang-nam-2023.txt"));
    let good: serde_json::Value = serde_json::from_str(&render::json(&plan)).unwrap();
    let v = validator();
    for (pointer, bad) in [
        ("/schema_version", serde_json::json!("2")),
        ("/tasks/0/kind", serde_json::json!("job")),
        ("/tasks/0/deadline/precision", serde_json::json!("week")),
        ("/tasks/0/lead/0/key", serde_json::json!("Công an")),
        ("/source/sha256", serde_json::json!("xyz")),
    ] {
        let mut j = good.clone();
        *j.pointer_mut(pointer)
            .unwrap_or_else(|| panic!("{pointer}")) = bad;
        assert!(!v.is_valid(&j), "{pointer} should be rejected");
    }
}
