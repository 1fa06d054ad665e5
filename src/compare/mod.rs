//! Comparing two plans of the same programme (`kehoach compare A B`): which tasks
//! correspond ([`align`]), which agencies carry the load ([`load`]), whose deadlines come
//! earlier ([`timeline`]); rendered as JSON, a terminal table ([`table`]) or one
//! self-contained HTML page ([`html`]).
//!
//! Everything here is deterministic: no hash-map order reaches the output, ties are
//! broken by task order, scores are rounded.

pub mod align;
pub mod html;
pub mod load;
pub mod table;
pub mod timeline;

use serde::{Deserialize, Serialize};

use crate::extract::ExtractOptions;
use crate::model::{Plan, Task, TaskKind};

/// Version of the comparison output (`kehoach schema --compare`).
pub const COMPARE_VERSION: &str = "compare-1";

/// The JSON Schema of [`Comparison`].
pub const SCHEMA: &str = include_str!("schema.json");

/// The comparison of two plans, left (A) and right (B).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    pub schema_version: String,
    pub left: PlanInfo,
    pub right: PlanInfo,
    pub alignment: Alignment,
    pub agency_load: AgencyLoad,
    pub timeline: Timelines,
}

/// What identifies a compared plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanInfo {
    pub name: String,
    pub number: Option<String>,
    pub title: Option<String>,
    pub province: Option<String>,
    pub year: Option<i32>,
    /// Tasks and duties of the plan (both are aligned).
    pub tasks: usize,
}

/// Corresponding tasks, grouped, and what each side has that the other lacks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Alignment {
    /// Connected groups of matched tasks, best score first.
    pub groups: Vec<Group>,
    pub unmatched_left: Vec<TaskRef>,
    pub unmatched_right: Vec<TaskRef>,
}

/// Tasks of the two plans that pursue the same aim. One task on one side and several on
/// the other when one plan splits what the other joins.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Group {
    pub relation: Relation,
    /// The best pair score of the group.
    pub score: f64,
    pub left: Vec<TaskRef>,
    pub right: Vec<TaskRef>,
    /// Every matched pair, best first.
    pub pairs: Vec<Pair>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Relation {
    OneToOne,
    OneToMany,
    ManyToOne,
    ManyToMany,
}

/// One matched pair and why it matched.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pair {
    pub left: String,
    pub right: String,
    /// 0..1: text similarity (TF-IDF cosine over words and word pairs), raised a little
    /// when a lead agency is shared.
    pub score: f64,
    /// The rare words and word pairs both texts use, most telling first.
    pub shared_terms: Vec<String>,
    /// Canonical keys of lead agencies both tasks name (collectives excluded).
    pub shared_leads: Vec<String>,
}

/// A task as shown in a comparison.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaskRef {
    pub id: String,
    pub kind: TaskKind,
    pub text: String,
    /// Canonical names of the lead agencies.
    pub lead: Vec<String>,
    /// The deadline as written.
    pub deadline: Option<String>,
}

/// Tasks led and supported per canonical agency, both plans side by side.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AgencyLoad {
    /// Named agencies, largest difference first.
    pub agencies: Vec<LoadRow>,
    /// Collectives ("các sở, ban, ngành"), reported apart.
    pub collectives: Vec<LoadRow>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LoadRow {
    pub key: String,
    pub name: String,
    pub left: Load,
    pub right: Load,
    /// (left lead + support) − (right lead + support).
    pub difference: i64,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Load {
    pub lead: usize,
    pub support: usize,
}

/// The deadline profile of each plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Timelines {
    pub left: Timeline,
    pub right: Timeline,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Timeline {
    /// Tasks due per calendar quarter (by `deadline.due`), every quarter from the first to
    /// the last of either plan, so the two lists line up.
    pub quarters: Vec<QuarterCount>,
    /// Tasks with a due date.
    pub dated: usize,
    /// Tasks marked ongoing ("thường xuyên", "hằng năm"); some also have a due date.
    pub ongoing: usize,
    /// Tasks without a due date whose deadline is an event or an external schedule.
    pub conditional: usize,
    /// Tasks with no due date, not ongoing and not conditional.
    pub undated: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuarterCount {
    /// "2024-Q1".
    pub quarter: String,
    pub tasks: usize,
}

/// Why an input could not be read for a comparison.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    /// The plan could not be parsed (bad bytes, PDF problems ...).
    #[error("{}", .0.kind())]
    Parse(#[from] crate::Error),
    /// A JSON object with `schema_version` that is not a `kehoach parse` output.
    #[error("not a valid `kehoach parse` output: {0}")]
    Json(#[from] serde_json::Error),
}

/// Read one side of a comparison: the JSON output of `kehoach parse` (an object with
/// `schema_version`), or any input `parse` reads, parsed with the same options.
pub fn load_plan(name: &str, bytes: &[u8], opts: &ExtractOptions) -> Result<Plan, InputError> {
    if looks_like_plan_json(bytes) {
        return Ok(serde_json::from_slice(bytes)?);
    }
    Ok(crate::parse_bytes_with(name, bytes, opts)?)
}

/// Compare two plans.
pub fn compare(left: &Plan, right: &Plan) -> Comparison {
    Comparison {
        schema_version: COMPARE_VERSION.to_owned(),
        left: info(left),
        right: info(right),
        alignment: align::align(&left.tasks, &right.tasks),
        agency_load: load::agency_load(&left.tasks, &right.tasks),
        timeline: timeline::timelines(&left.tasks, &right.tasks),
    }
}

/// Pretty JSON, with a trailing newline.
pub fn json(cmp: &Comparison) -> String {
    let mut s = serde_json::to_string_pretty(cmp).expect("the comparison always serializes");
    s.push('\n');
    s
}

/// A JSON object whose top level has "schema_version": decided without parsing it all.
fn looks_like_plan_json(bytes: &[u8]) -> bool {
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let Some(first) = text.iter().position(|b| !b.is_ascii_whitespace()) else {
        return false;
    };
    if text[first] != b'{' {
        return false;
    }
    match serde_json::from_slice::<serde_json::Value>(text) {
        Ok(serde_json::Value::Object(map)) => map.contains_key("schema_version"),
        _ => false,
    }
}

fn info(plan: &Plan) -> PlanInfo {
    let d = &plan.document;
    PlanInfo {
        name: plan.source.name.clone(),
        number: d.number.clone(),
        title: d.title.clone(),
        province: d.province.clone(),
        year: d.year,
        tasks: plan.tasks.len(),
    }
}

impl TaskRef {
    fn of(task: &Task) -> TaskRef {
        TaskRef {
            id: task.id.clone(),
            kind: task.kind,
            text: task.text.clone(),
            lead: task.lead.iter().map(|a| a.canonical.clone()).collect(),
            deadline: task.deadline.as_ref().map(|d| d.text.clone()),
        }
    }
}

impl Relation {
    /// "one-to-one" etc., as in the JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::OneToOne => "one-to-one",
            Relation::OneToMany => "one-to-many",
            Relation::ManyToOne => "many-to-one",
            Relation::ManyToMany => "many-to-many",
        }
    }
}

/// "task" or "duty".
pub fn kind_str(kind: TaskKind) -> &'static str {
    match kind {
        TaskKind::Task => "task",
        TaskKind::Duty => "duty",
    }
}

/// A short label for a plan: province and year when known, else the file name.
pub fn plan_label(p: &PlanInfo) -> String {
    match (&p.province, p.year) {
        (Some(prov), Some(y)) => format!("{prov} {y}"),
        (Some(prov), None) => prov.clone(),
        _ => p.name.clone(),
    }
}
