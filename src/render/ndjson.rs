//! One task per line (NDJSON), so a tracker can ingest tasks without reading whole
//! plans. Each line is the task object of the v1 contract plus `document` (the source's
//! sha256, see [`super::document_id`]) and `source` (the source's name).

use serde::Serialize;

use crate::model::{Plan, Task};

/// One exported line: the task's own fields follow `document` and `source`.
#[derive(Debug, Serialize)]
pub struct TaskLine<'a> {
    pub document: &'a str,
    pub source: &'a str,
    #[serde(flatten)]
    pub task: &'a Task,
}

/// Every task of the plan, one compact JSON object per line, each line ending in "\n".
pub fn tasks(plan: &Plan) -> String {
    let document = super::document_id(plan);
    let mut out = String::new();
    for task in &plan.tasks {
        let line = TaskLine {
            document,
            source: &plan.source.name,
            task,
        };
        out.push_str(&serde_json::to_string(&line).expect("the model always serializes"));
        out.push('\n');
    }
    out
}

/// The JSON Schema of one line, derived from the plan schema's `$defs/task` so the two
/// can never drift apart.
pub fn task_schema() -> serde_json::Value {
    let plan: serde_json::Value =
        serde_json::from_str(super::SCHEMA).expect("the bundled schema is JSON");
    let defs = plan.get("$defs").cloned().unwrap_or_default();
    let task = defs.get("task").cloned().unwrap_or_default();
    let mut required = vec![serde_json::json!("document"), serde_json::json!("source")];
    required.extend(
        task.get("required")
            .and_then(|r| r.as_array())
            .cloned()
            .unwrap_or_default(),
    );
    let mut properties = serde_json::Map::new();
    properties.insert("document".into(), serde_json::json!({ "type": "string", "minLength": 1, "description": "The source's sha256 (or its name): which document the task belongs to." }));
    properties.insert("source".into(), serde_json::json!({ "type": "string", "description": "The source's name (source.name of the plan)." }));
    if let Some(p) = task.get("properties").and_then(|p| p.as_object()) {
        properties.extend(p.clone());
    }
    serde_json::json!({
        "$schema": plan.get("$schema").cloned().unwrap_or(serde_json::json!("https://json-schema.org/draft/2020-12/schema")),
        "$id": "https://kehoach.invalid/schema/task-ndjson-v1.json",
        "title": "kehoach task line (NDJSON, v1)",
        "description": "One line of `kehoach parse --format ndjson`: a task of the v1 contract with its document id and source name.",
        "type": "object",
        "required": required,
        "additionalProperties": false,
        "properties": properties,
        "$defs": defs,
    })
}

/// [`task_schema`] pretty-printed, with a trailing newline.
pub fn task_schema_text() -> String {
    let mut s = serde_json::to_string_pretty(&task_schema()).expect("JSON values serialize");
    s.push('\n');
    s
}
