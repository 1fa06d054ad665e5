//! One row per task, RFC 4180 (quoting by the `csv` crate), for spreadsheets and
//! trackers that import tables. Columns: [`COLUMNS`].

use crate::model::{Agency, Plan, Precision, Task};

/// The header row, in order. Documented in the README.
pub const COLUMNS: [&str; 16] = [
    "document",   // the source's sha256 (or name)
    "source",     // the source's name
    "task_id",    // the task id (II.2.1, III.1#3)
    "kind",       // task | duty
    "section",    // the innermost section id
    "title",      // the task's first sentence
    "lead",       // lead agencies, canonical names joined with "; "
    "support",    // supporting agencies, same
    "deadline",   // the deadline as written
    "due",        // YYYY-MM-DD
    "precision",  // day | month | quarter | half | year
    "ongoing",    // true | false
    "condition",  // event-bound deadline / external schedule
    "recurrence", // RFC 5545 RRULE value
    "page",       // first page, when known
    "lines",      // input lines: "12" or "12-15"
];

/// The UTF-8 byte-order mark spreadsheet programs (Excel) need to read UTF-8 CSV.
pub const EXCEL_BOM: &str = "\u{feff}";

/// How to write the table.
#[derive(Debug, Clone, Copy, Default)]
pub struct CsvOptions {
    /// Start with the header row.
    pub header: bool,
    /// Start with a UTF-8 byte-order mark (implies nothing else; CRLF is always used).
    pub excel_bom: bool,
}

/// The plan's tasks as CSV rows (CRLF line ends, per RFC 4180).
pub fn csv(plan: &Plan, opts: CsvOptions) -> String {
    let mut out = Vec::new();
    if opts.excel_bom {
        out.extend_from_slice(EXCEL_BOM.as_bytes());
    }
    {
        let mut w = ::csv::WriterBuilder::new()
            .terminator(::csv::Terminator::CRLF)
            .from_writer(&mut out);
        // Writing to a Vec cannot fail; a failure here would be a bug in the csv crate.
        if opts.header {
            w.write_record(COLUMNS).expect("writing to memory");
        }
        for task in &plan.tasks {
            w.write_record(row(plan, task)).expect("writing to memory");
        }
        w.flush().expect("writing to memory");
    }
    String::from_utf8(out).expect("the csv writer keeps UTF-8 input UTF-8")
}

/// One task's cells, in [`COLUMNS`] order.
pub fn row(plan: &Plan, task: &Task) -> [String; 16] {
    let d = task.deadline.as_ref();
    let span = task.span;
    [
        super::document_id(plan).to_owned(),
        plan.source.name.clone(),
        task.id.clone(),
        serde_plain(&task.kind),
        task.section.last().cloned().unwrap_or_default(),
        task.title.clone(),
        agencies(&task.lead),
        agencies(&task.support),
        d.map(|d| d.text.clone()).unwrap_or_default(),
        d.and_then(|d| d.due)
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default(),
        d.and_then(|d| d.precision)
            .map(precision)
            .unwrap_or_default()
            .to_owned(),
        d.is_some_and(|d| d.ongoing).to_string(),
        d.and_then(|d| d.condition.clone()).unwrap_or_default(),
        d.and_then(|d| d.recurrence.clone()).unwrap_or_default(),
        span.page.map(|p| p.to_string()).unwrap_or_default(),
        if span.line_end > span.line_start {
            format!("{}-{}", span.line_start, span.line_end)
        } else {
            span.line_start.to_string()
        },
    ]
}

fn agencies(list: &[Agency]) -> String {
    list.iter()
        .map(|a| a.canonical.as_str())
        .collect::<Vec<_>>()
        .join("; ")
}

fn precision(p: Precision) -> &'static str {
    match p {
        Precision::Day => "day",
        Precision::Month => "month",
        Precision::Quarter => "quarter",
        Precision::Half => "half",
        Precision::Year => "year",
    }
}

/// A unit enum as its serde name ("task", "duty").
fn serde_plain<T: serde::Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}
