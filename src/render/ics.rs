//! iCalendar (RFC 5545): one VTODO per task that has a due date.
//!
//! Dates stay dates (`DUE;VALUE=DATE`): a plan says "by March 2024", never an hour, so
//! none is invented. Tasks without a due date are not exported (there is nothing to put
//! on a calendar); [`Todos::undated`] lists them so the caller can say so. UIDs are the
//! document's sha256 and the task id, so re-exporting a plan updates the same to-dos.

use chrono::{DateTime, NaiveDate, Utc};

use crate::model::{Agency, Plan, Task};

/// Identifies this producer (RFC 5545 §3.7.3).
pub const PRODID: &str = "-//kehoach//Vietnamese plan tasks//VI";

/// The VTODOs of one plan, and the ids of the tasks left out for want of a due date.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Todos {
    /// Folded content lines, CRLF-terminated, without the VCALENDAR wrapper.
    pub text: String,
    /// Ids of tasks without a due date, in plan order.
    pub undated: Vec<String>,
}

/// A whole calendar for one plan: [`begin`] + [`todos`] + [`end`]. `stamp` is the
/// DTSTAMP (the time of export; pass a fixed value for reproducible output).
pub fn ics(plan: &Plan, stamp: DateTime<Utc>) -> Todos {
    let todos = todos(plan, stamp);
    Todos {
        text: format!("{}{}{}", begin(), todos.text, end()),
        undated: todos.undated,
    }
}

/// The calendar's opening lines.
pub fn begin() -> String {
    [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        &format!("PRODID:{PRODID}"),
        "CALSCALE:GREGORIAN",
    ]
    .iter()
    .map(|l| content_line(l))
    .collect()
}

/// The calendar's closing line.
pub fn end() -> String {
    content_line("END:VCALENDAR")
}

/// One VTODO per dated task of the plan.
pub fn todos(plan: &Plan, stamp: DateTime<Utc>) -> Todos {
    let mut out = Todos::default();
    for task in &plan.tasks {
        match task.deadline.as_ref().and_then(|d| d.due) {
            Some(due) => out.text.push_str(&vtodo(plan, task, due, stamp)),
            None => out.undated.push(task.id.clone()),
        }
    }
    out
}

/// Ids of the tasks [`todos`] leaves out: those without a due date.
pub fn undated(plan: &Plan) -> Vec<&str> {
    plan.tasks
        .iter()
        .filter(|t| t.deadline.as_ref().and_then(|d| d.due).is_none())
        .map(|t| t.id.as_str())
        .collect()
}

/// TEXT value escaping (RFC 5545 §3.3.11): backslash, semicolon, comma, newline.
/// Other control characters are not allowed in TEXT and are dropped.
pub fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A content line folded at 75 octets (RFC 5545 §3.1), never inside a UTF-8
/// character, with CRLF line ends. Continuation lines start with one space, which
/// counts toward their 75 octets.
pub fn content_line(line: &str) -> String {
    const LIMIT: usize = 75;
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3 + 2);
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > LIMIT {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
    out
}

fn vtodo(plan: &Plan, task: &Task, due: NaiveDate, stamp: DateTime<Utc>) -> String {
    let deadline = task.deadline.as_ref();
    let mut lines = vec![
        "BEGIN:VTODO".to_owned(),
        format!(
            "UID:{}",
            escape_text(&format!("{}-{}@kehoach", super::document_id(plan), task.id))
        ),
        format!("DTSTAMP:{}", stamp.format("%Y%m%dT%H%M%SZ")),
    ];
    if let Some(start) = deadline.and_then(|d| d.start).filter(|s| *s <= due) {
        lines.push(format!("DTSTART;VALUE=DATE:{}", date(start)));
    }
    lines.push(format!("DUE;VALUE=DATE:{}", date(due)));
    lines.push(format!("SUMMARY:{}", escape_text(&task.title)));
    lines.push(format!(
        "DESCRIPTION:{}",
        escape_text(&description(plan, task))
    ));
    if let Some(rule) = deadline
        .and_then(|d| d.recurrence.as_deref())
        .filter(|r| is_recur(r))
    {
        lines.push(format!("RRULE:{rule}"));
    }
    lines.push("END:VTODO".to_owned());
    lines.iter().map(|l| content_line(l)).collect()
}

/// Who leads, who supports, the deadline as written, the other field lines (product,
/// funding), and where the task comes from.
fn description(plan: &Plan, task: &Task) -> String {
    let mut parts = Vec::new();
    if !task.lead.is_empty() {
        parts.push(format!("Cơ quan chủ trì: {}", agencies(&task.lead)));
    }
    if !task.support.is_empty() {
        parts.push(format!("Cơ quan phối hợp: {}", agencies(&task.support)));
    }
    if let Some(d) = &task.deadline {
        parts.push(format!("Thời hạn: {}", d.text));
        if let Some(c) = &d.condition {
            parts.push(format!("Điều kiện: {c}"));
        }
    }
    for d in &task.details {
        parts.push(format!("{}: {}", d.label, d.text));
    }
    parts.push(format!("Nhiệm vụ {} — {}", task.id, plan.source.name));
    parts.join("\n")
}

fn agencies(list: &[Agency]) -> String {
    list.iter()
        .map(|a| a.canonical.as_str())
        .collect::<Vec<_>>()
        .join("; ")
}

fn date(d: NaiveDate) -> String {
    d.format("%Y%m%d").to_string()
}

/// An RRULE value is written unescaped, so only let through what a RECUR value can hold.
fn is_recur(r: &str) -> bool {
    r.starts_with("FREQ=")
        && r.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '=' | ';' | ',' | '+' | '-' | ':'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_text_values() {
        assert_eq!(escape_text("a\\b;c,d\ne"), "a\\\\b\\;c\\,d\\ne");
    }

    #[test]
    fn folds_at_75_octets_without_splitting_characters() {
        let line = format!("SUMMARY:{}", "Ủy ban nhân dân tỉnh ".repeat(10));
        let folded = content_line(&line);
        for physical in folded.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(
                physical.len() <= 75,
                "{} octets: {physical}",
                physical.len()
            );
        }
        let unfolded = folded.trim_end_matches("\r\n").replace("\r\n ", "");
        assert_eq!(unfolded, line);
    }

    #[test]
    fn short_lines_stay_whole() {
        assert_eq!(content_line("VERSION:2.0"), "VERSION:2.0\r\n");
    }
}
