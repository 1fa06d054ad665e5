//! The finding codes, their default severities and what they mean. This table is the
//! single source of truth: the README's table and `--deny/--allow` validation follow it.

use super::Severity;

/// One code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CodeInfo {
    pub code: &'static str,
    pub severity: Severity,
    pub meaning: &'static str,
}

const fn c(code: &'static str, severity: Severity, meaning: &'static str) -> CodeInfo {
    CodeInfo {
        code,
        severity,
        meaning,
    }
}

/// Every code `check` can report, errors first.
pub const CODES: &[CodeInfo] = &[
    c(
        "missing-lead",
        Severity::Error,
        "a task names no lead agency (Cơ quan chủ trì): nobody owns it",
    ),
    c(
        "duplicate-label",
        Severity::Error,
        "a label repeats under the same parent (two \"d.\"): references to it are ambiguous",
    ),
    c(
        "suspicious-year",
        Severity::Error,
        "a year that cannot be meant (20210, 1024) in a deadline or date",
    ),
    c(
        "deadline-before-issue-date",
        Severity::Error,
        "a task is due before the plan is issued",
    ),
    c(
        "conflicting-deadlines",
        Severity::Error,
        "a deadline field and an inline deadline disagree, or the same task is given two different dues",
    ),
    c(
        "no-tasks",
        Severity::Error,
        "no task was found in the document",
    ),
    c(
        "missing-deadline",
        Severity::Warning,
        "a task has no deadline at all",
    ),
    c(
        "deadline-outside-plan-year",
        Severity::Warning,
        "a task is due in another year than the plan's",
    ),
    c(
        "numbering-gap",
        Severity::Warning,
        "a label is skipped (1, 2, 4)",
    ),
    c(
        "unrecognized-deadline",
        Severity::Warning,
        "a deadline field whose value was not understood",
    ),
    c(
        "unparsed-text",
        Severity::Warning,
        "body text that belongs to no section or task",
    ),
    c(
        "pdf-page-unreadable",
        Severity::Warning,
        "a PDF page whose text could not be extracted",
    ),
];

/// Whether `code` is one of [`CODES`].
pub fn is_known(code: &str) -> bool {
    CODES.iter().any(|c| c.code == code)
}

/// The default severity of `code`; codes this version does not know are warnings.
pub fn default_severity(code: &str) -> Severity {
    CODES
        .iter()
        .find(|c| c.code == code)
        .map_or(Severity::Warning, |c| c.severity)
}
