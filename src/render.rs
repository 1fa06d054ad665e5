//! Stage 8, render: the plan as JSON (the v1 contract).

use crate::model::Plan;

/// Pretty JSON, with a trailing newline.
pub fn json(plan: &Plan) -> String {
    let mut s = serde_json::to_string_pretty(plan).expect("the model always serializes");
    s.push('\n');
    s
}

/// One line of JSON.
pub fn json_compact(plan: &Plan) -> String {
    serde_json::to_string(plan).expect("the model always serializes")
}

/// The JSON Schema of the v1 contract.
pub const SCHEMA: &str = include_str!("schema.json");
