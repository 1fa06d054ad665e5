//! The output model: serde types that serialize to the v1 contract (`SCHEMA.md`).
//!
//! Field names and meanings here are binding for downstream trackers. Fields may be
//! added; renaming or removing one needs a `schema_version` bump.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The contract version written into every document.
pub const SCHEMA_VERSION: &str = "1";

/// One parsed document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    pub schema_version: String,
    pub source: Source,
    pub document: Document,
    pub sections: Vec<Section>,
    pub tasks: Vec<Task>,
    pub unparsed: Vec<Unparsed>,
    pub warnings: Vec<Warning>,
}

/// Where the text came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub name: String,
    pub format: SourceFormat,
    pub sha256: String,
    pub pages: Option<u32>,
    pub encoding: String,
    /// Added field: the PDF text extractor used ("pdf-extract", "pdftotext", or
    /// "pdf-extract+pdftotext" when task-table pages were rebuilt from pdftotext's word
    /// boxes), else null.
    pub backend: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceFormat {
    Text,
    Pdf,
    Docx,
}

/// The document header, references, signer and recipients.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Document-type abbreviation when recognised (KH, QĐ, CT, CTr, ...).
    #[serde(rename = "type")]
    pub doc_type: Option<String>,
    pub number: Option<String>,
    pub issuer: Option<String>,
    pub place: Option<String>,
    pub issued_on: Option<NaiveDate>,
    pub title: Option<String>,
    pub province: Option<String>,
    /// Plan year: resolves deadlines that omit the year.
    pub year: Option<i32>,
    pub references: Vec<Reference>,
    pub signer: Option<Signer>,
    pub recipients: Vec<String>,
    /// Added field: the opening paragraph(s) before the first section (legal basis).
    pub preamble: Option<String>,
    /// Added field: the closing paragraph after the last section ("Trên đây là ...").
    pub closing: Option<String>,
    /// Added field: notes printed after the signature ("[1] Chương trình số 30-CTr/TU
    /// …"), each with its mark, wrapped lines joined.
    pub footnotes: Vec<String>,
    /// Added field: documents issued with this one ("Ban hành kèm theo Quyết định ..."):
    /// a decision's attached plan. Their tasks are in `tasks`.
    pub attachments: Vec<Attachment>,
}

/// A document attached to the main one (the plan a decision issues).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Attachment {
    #[serde(rename = "type")]
    pub doc_type: Option<String>,
    pub title: Option<String>,
    pub preamble: Option<String>,
}

/// A cited legal document ("Quyết định số 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng Chính phủ").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reference {
    #[serde(rename = "type")]
    pub doc_type: Option<String>,
    pub number: Option<String>,
    pub issued_on: Option<NaiveDate>,
    pub issuer: Option<String>,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Signer {
    pub title: Option<String>,
    pub name: Option<String>,
    /// Added field: the authority lines above the title ("TM. Ủy ban nhân dân", "KT. Chủ tịch").
    pub authority: Vec<String>,
}

/// A numbered heading or item that is not itself a task.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    pub id: String,
    pub label: String,
    pub title: String,
    /// Added field: the section's own prose (not its children's), lines joined.
    pub text: Option<String>,
    pub span: Span,
    pub children: Vec<Section>,
}

/// One unit of assigned work.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Task {
    pub id: String,
    pub kind: TaskKind,
    pub section: Vec<String>,
    pub label: String,
    pub title: String,
    pub text: String,
    pub lead: Vec<Agency>,
    pub support: Vec<Agency>,
    pub deadline: Option<Deadline>,
    /// Added field: the task's other field lines, in order (see [`Detail`]).
    pub details: Vec<Detail>,
    pub span: Span,
}

/// A field line the contract has no slot for ("Sản phẩm: Quyết định của UBND tỉnh",
/// "Kinh phí: …", "Thành phần: …", a table's product column): kept with its label as
/// printed, so nothing a plan says about a task is lost from the output.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Detail {
    /// The field's name as printed, bullet and colon removed ("Sản phẩm").
    pub label: String,
    /// Its value, lines joined.
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TaskKind {
    /// An item of a task part (with field lines, an inline assignment, or none).
    Task,
    /// A bullet under a per-agency responsibility heading.
    Duty,
}

/// One agency, as written, with its canonical form and join key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agency {
    /// As written, qualifier removed.
    pub name: String,
    /// Abbreviations expanded, tone marks in one style.
    pub canonical: String,
    /// ASCII slug of `canonical`: the join key across plans.
    pub key: String,
    /// True for collectives: "các sở, ban, ngành, ...".
    pub group: bool,
    /// Parenthetical / "theo ..." / "đối với ..." qualifier.
    pub note: Option<String>,
}

/// A normalized deadline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deadline {
    /// The phrase as written.
    pub text: String,
    /// Last day by which the task must be done.
    pub due: Option<NaiveDate>,
    /// When the text names a start.
    pub start: Option<NaiveDate>,
    /// Granularity of `due`.
    pub precision: Option<Precision>,
    /// "thường xuyên", "các năm tiếp theo", "hằng năm" ...
    pub ongoing: bool,
    /// Event-bound deadlines and external schedules.
    pub condition: Option<String>,
    /// Periodic duties, as an RFC 5545 RRULE value.
    pub recurrence: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Day,
    Month,
    Quarter,
    Half,
    Year,
}

/// Body text that belongs to no section or task.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Unparsed {
    pub text: String,
    pub span: Span,
}

/// Something the reader should know about: a drafting error, text that could not be placed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Warning {
    pub code: String,
    pub message: String,
    pub span: Option<Span>,
    pub task: Option<String>,
}

/// 1-based lines of the extracted text, and the page when known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub line_start: u32,
    pub line_end: u32,
    pub page: Option<u32>,
}

impl Deadline {
    /// A deadline that carries only its text (nothing in it was understood).
    pub fn unrecognized(text: impl Into<String>) -> Self {
        Deadline {
            text: text.into(),
            due: None,
            start: None,
            precision: None,
            ongoing: false,
            condition: None,
            recurrence: None,
        }
    }
}
