//! Checks that need the finished plan. Each returns raw findings
//! `(code, message, span, task)`; severities are applied by the caller.

use std::collections::HashMap;

use chrono::Datelike;

use crate::model::{Plan, Span, Task};

pub(super) type Raw = (String, String, Option<Span>, Option<String>);

/// Every rule, in a fixed order.
pub(super) fn findings(plan: &Plan) -> Vec<Raw> {
    let mut out = Vec::new();
    for task in &plan.tasks {
        missing_lead(task, &mut out);
        missing_deadline(task, &mut out);
        deadline_years(plan, task, &mut out);
        suspicious_years(task, &mut out);
        field_vs_inline(plan, task, &mut out);
    }
    same_task_two_dues(plan, &mut out);
    out
}

fn raw(code: &str, message: String, task: &Task) -> Raw {
    (
        code.to_owned(),
        message,
        Some(task.span),
        Some(task.id.clone()),
    )
}

fn missing_lead(task: &Task, out: &mut Vec<Raw>) {
    if task.lead.is_empty() {
        out.push(raw(
            "missing-lead",
            format!("task {} names no lead agency (Cơ quan chủ trì)", task.id),
            task,
        ));
    }
}

fn missing_deadline(task: &Task, out: &mut Vec<Raw>) {
    if task.deadline.is_none() {
        out.push(raw(
            "missing-deadline",
            format!("task {} has no deadline", task.id),
            task,
        ));
    }
}

fn deadline_years(plan: &Plan, task: &Task, out: &mut Vec<Raw>) {
    let Some(d) = &task.deadline else { return };
    let Some(due) = d.due else { return };
    if let Some(year) = plan.document.year
        && due.year() != year
    {
        out.push(raw(
            "deadline-outside-plan-year",
            format!(
                "task {} is due {due} (\"{}\"), outside the plan year {year}",
                task.id, d.text
            ),
            task,
        ));
    }
    if let Some(issued) = plan.document.issued_on
        && due < issued
    {
        out.push(raw(
            "deadline-before-issue-date",
            format!(
                "task {} is due {due} (\"{}\"), before the plan's issue date {issued}",
                task.id, d.text
            ),
            task,
        ));
    }
}

fn suspicious_years(task: &Task, out: &mut Vec<Raw>) {
    let mut seen: Vec<String> = Vec::new();
    let texts = task
        .deadline
        .iter()
        .map(|d| d.text.as_str())
        .chain([task.text.as_str()]);
    for text in texts {
        for (at, year) in year_tokens(text) {
            if is_suspicious(year) && !seen.iter().any(|s| s == year) {
                seen.push(year.to_owned());
                let context = context_before(text, at);
                out.push(raw(
                    "suspicious-year",
                    format!(
                        "task {}: \"{context}{year}\": {year} is not a plausible year",
                        task.id
                    ),
                    task,
                ));
            }
        }
    }
}

/// Digit runs written where a year goes: after "năm" or after a "/" that follows a day,
/// month or quarter ("31/12/2024", "Quý I/2024").
fn year_tokens(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        let before = &text[..start];
        // The last "/"-part only: "31/12/2024" has its year after the second slash.
        let after_slash = before.ends_with('/')
            && bytes.get(i) != Some(&b'/')
            && before[..before.len() - 1]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_ascii_digit() || matches!(c, 'I' | 'V'));
        if after_slash || before.trim_end().to_lowercase().ends_with("năm") {
            out.push((start, &text[start..i]));
        }
    }
    out
}

/// Up to six words before byte `at`, so the message shows where the year is written.
fn context_before(text: &str, at: usize) -> String {
    let before = text.get(..at).unwrap_or_default();
    let words: Vec<&str> = before.split(' ').collect();
    let keep = words.len().saturating_sub(6);
    let s = words[keep..].join(" ");
    if keep > 0 { format!("…{s}") } else { s }
}

/// Five digits or more, or four outside the years a plan can mean.
fn is_suspicious(year: &str) -> bool {
    match year.len() {
        4 => year
            .parse::<u32>()
            .is_ok_and(|y| !(1945..=2100).contains(&y)),
        n => n >= 5,
    }
}

/// The deadline (from a field) says one thing, the task's prose another.
fn field_vs_inline(plan: &Plan, task: &Task, out: &mut Vec<Raw>) {
    let Some(d) = &task.deadline else { return };
    let Some(due) = d.due else { return };
    let Some((_, inline)) = crate::deadline::find_inline_deadline(&task.text, plan.document.year)
    else {
        return;
    };
    let Some(inline_due) = inline.due else { return };
    // "số hóa hồ sơ trước năm 2022" in a 2024 plan states a fact about the past, not a
    // second deadline: only phrases due within or after the plan year can conflict.
    if plan.document.year.is_some_and(|y| inline_due.year() < y) {
        return;
    }
    if inline_due != due && inline.text != d.text {
        out.push(raw(
            "conflicting-deadlines",
            format!("task {}: the deadline \"{}\" (due {due}) disagrees with \"{}\" in its text (due {inline_due})", task.id, d.text, inline.text),
            task,
        ));
    }
}

/// The same task text given two different due dates.
fn same_task_two_dues(plan: &Plan, out: &mut Vec<Raw>) {
    let mut first: HashMap<String, &Task> = HashMap::new();
    for task in &plan.tasks {
        let Some(due) = task.deadline.as_ref().and_then(|d| d.due) else {
            continue;
        };
        let key = crate::fold::fold(&task.text)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if key.is_empty() {
            continue;
        }
        match first.get(&key) {
            Some(earlier) => {
                let earlier_due = earlier.deadline.as_ref().and_then(|d| d.due);
                if earlier_due.is_some_and(|e| e != due) {
                    out.push(raw(
                        "conflicting-deadlines",
                        format!(
                            "task {} repeats task {} (line {}) with another due date: {due} vs {}",
                            task.id,
                            earlier.id,
                            earlier.span.line_start,
                            earlier_due.map(|d| d.to_string()).unwrap_or_default()
                        ),
                        task,
                    ));
                }
            }
            None => {
                first.insert(key, task);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_years_where_years_go() {
        let years: Vec<&str> = year_tokens("Quý I/2024, trước ngày 31/12/20210 và năm 2025")
            .into_iter()
            .map(|(_, y)| y)
            .collect();
        assert_eq!(years, vec!["2024", "20210", "2025"]);
        assert!(year_tokens("Nghị định số 13/NĐ-CP; 85 đơn vị").is_empty());
        assert!(is_suspicious("20210"));
        assert!(is_suspicious("1024"));
        assert!(!is_suspicious("2024"));
    }
}
