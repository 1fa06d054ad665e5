//! Stage 8, render: a plan in the formats trackers ingest.
//!
//! - [`json`] / [`json_compact`] — the v1 contract ([`SCHEMA`]), one document per plan.
//! - [`ndjson`] — one task per line, each carrying its document id (schema:
//!   [`ndjson::task_schema`]).
//! - [`csv`] — one row per task, RFC 4180 ([`csv::COLUMNS`]).
//! - [`ics`] — RFC 5545 VTODOs for the tasks that have a due date.

pub mod csv;
pub mod ics;
mod json;
pub mod ndjson;

pub use json::{json, json_compact, plans_json};

/// The JSON Schema of the v1 contract.
pub const SCHEMA: &str = include_str!("../schema.json");

/// The document id written next to each exported task: the source's sha256, or its
/// name when there is no hash (never the case for parsed input, kept for hand-built plans).
pub fn document_id(plan: &crate::Plan) -> &str {
    if plan.source.sha256.is_empty() {
        &plan.source.name
    } else {
        &plan.source.sha256
    }
}
