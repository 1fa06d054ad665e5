//! Plan lint: defects a drafter should fix before a plan is signed, with stable codes
//! ([`CODES`]) and severities a [`Policy`] can adjust.
//!
//! The parser already reports what it sees while reading (duplicate-label,
//! numbering-gap, unparsed-text, unrecognized-deadline, ...): those warnings are reused
//! as findings, never re-detected. `rules` adds checks that need the finished plan
//! (missing lead or deadline, deadlines outside the plan year or before the issue date,
//! suspicious years, conflicting deadlines).

mod codes;
mod rules;

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::{Plan, Span};

pub use codes::{CODES, CodeInfo, default_severity, is_known};

/// How serious a finding is. An error makes `kehoach check` exit with 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// One defect of a plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// A stable code from [`CODES`] (or a parser warning code this version does not know).
    pub code: String,
    pub severity: Severity,
    pub message: String,
    /// Input lines (and page) the finding is about, when it is about a place.
    pub span: Option<Span>,
    /// The task it concerns, when there is one.
    pub task: Option<String>,
}

/// What to do with a code instead of its default severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Not reported.
    Allow,
    Warning,
    Error,
}

/// Per-code overrides of the default severities.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Policy {
    levels: BTreeMap<String, Level>,
}

/// A code that is not in [`CODES`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown check code \"{0}\" (known: {known})", known = CODES.iter().map(|c| c.code).collect::<Vec<_>>().join(", "))]
pub struct UnknownCode(pub String);

impl Policy {
    /// Set a code's level; unknown codes are refused so a typo cannot silently do nothing.
    pub fn set(&mut self, code: &str, level: Level) -> Result<(), UnknownCode> {
        if !is_known(code) {
            return Err(UnknownCode(code.to_owned()));
        }
        self.levels.insert(code.to_owned(), level);
        Ok(())
    }

    /// The severity a finding with this code gets, or None when it is allowed.
    pub fn severity(&self, code: &str) -> Option<Severity> {
        match self.levels.get(code) {
            Some(Level::Allow) => None,
            Some(Level::Warning) => Some(Severity::Warning),
            Some(Level::Error) => Some(Severity::Error),
            None => Some(default_severity(code)),
        }
    }
}

/// Lint a parsed plan: its parser warnings plus the `rules`, severities per `policy`,
/// in input-line order (findings without a place last).
pub fn check(plan: &Plan, policy: &Policy) -> Vec<Finding> {
    let mut raw: Vec<(String, String, Option<Span>, Option<String>)> = plan
        .warnings
        .iter()
        .map(|w| (w.code.clone(), w.message.clone(), w.span, w.task.clone()))
        .collect();
    raw.extend(rules::findings(plan));
    let mut out: Vec<Finding> = raw
        .into_iter()
        .filter_map(|(code, message, span, task)| {
            let severity = policy.severity(&code)?;
            Some(Finding {
                code,
                severity,
                message,
                span,
                task,
            })
        })
        .collect();
    out.sort_by_key(|f| {
        (
            f.span.map_or(u32::MAX, |s| s.line_start),
            f.span.map_or(u32::MAX, |s| s.line_end),
        )
    });
    out
}

/// True when any finding is an error.
pub fn has_errors(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity == Severity::Error)
}

/// `file:line: severity: code: message` (`file: severity: ...` without a place).
pub fn format_finding(file: &str, f: &Finding) -> String {
    let place = match f.span {
        Some(s) => format!("{file}:{}", s.line_start),
        None => file.to_owned(),
    };
    format!(
        "{place}: {}: {}: {}",
        f.severity.as_str(),
        f.code,
        f.message
    )
}

/// A finding with the file it belongs to (`kehoach check --format json`).
#[derive(Debug, Serialize)]
pub struct FileFinding<'a> {
    pub file: &'a str,
    #[serde(flatten)]
    pub finding: &'a Finding,
}
