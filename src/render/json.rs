//! The v1 contract as JSON.

use crate::model::Plan;

/// Pretty JSON, with a trailing newline.
pub fn json(plan: &Plan) -> String {
    let mut s = serde_json::to_string_pretty(plan).expect("the model always serializes");
    s.push('\n');
    s
}

/// One line of JSON (no trailing newline).
pub fn json_compact(plan: &Plan) -> String {
    serde_json::to_string(plan).expect("the model always serializes")
}

/// Several plans as one pretty JSON array, with a trailing newline.
pub fn plans_json(plans: &[Plan]) -> String {
    let mut s = serde_json::to_string_pretty(plans).expect("the model always serializes");
    s.push('\n');
    s
}
