//! kehoach turns Vietnamese administrative plans ("Kế hoạch", "Quyết định ban hành Kế
//! hoạch", "Chương trình hành động") into structured tasks: who leads, who supports, by
//! when. The output follows the v1 contract in [`model`] (`kehoach schema` prints it as
//! JSON Schema).
//!
//! # Pipeline
//!
//! Data flows one way; each stage is one module:
//!
//! 1. [`extract`] — input bytes → text: format sniffing; UTF-8/UTF-16 and the legacy
//!    TCVN3/VNI/VISCII encodings ([`legacy`]); PDF in an isolated worker process; DOCX with
//!    Word numbering resolved. Tables laid out with spaces become pipe rows
//!    ([`extract::layout`]), for text of any origin.
//! 2. [`normalize`] — one cleaned line per input line: NFC, controls removed, "&" → "…".
//!    Line numbers are never changed, so every later span maps back to the input.
//! 3. [`lines`] — classify each line with the label grammar (nom): numbered label,
//!    bullet, field line, page number, prose; then [`blocks`] joins hard-wrapped lines
//!    and [`table`] turns task tables into the same blocks a written-out item gives;
//!    [`furniture`] marks running heads and signature stamps.
//! 4. [`header`] — issuer, number, place and date, type, title; recipients and signer.
//! 5. [`structure`] — blocks → section tree, task ids, duplicate and gap checks.
//! 6. Fields — [`agency`] splits agency lists and inline assignments, [`deadline`]
//!    normalizes deadline phrases, [`citation`] finds cited documents (their dates are
//!    never deadlines). The vocabulary of all three lives in `grammar/`.
//! 7. [`lower`] — tree → [`model::Plan`] (tasks, duties, sections, unparsed, warnings).
//! 8. [`render`] — JSON, per-task NDJSON, CSV, iCalendar out; [`check`] lints the plan;
//!    [`compare`] aligns two plans' tasks.
//!
//! ```
//! let plan = kehoach::parse_text("II. NHIỆM VỤ\n1. Rà soát văn bản.\n- Cơ quan chủ trì: Sở Tư pháp.\n- Thời gian hoàn thành: Quý I/2024.\n");
//! assert_eq!(plan.tasks[0].id, "II.1");
//! assert_eq!(plan.tasks[0].lead[0].name, "Sở Tư pháp");
//! ```

pub mod agency;
pub mod blocks;
pub mod check;
pub mod citation;
pub mod compare;
pub mod deadline;
pub mod error;
pub mod extract;
pub mod fold;
pub mod furniture;
pub mod header;
pub mod legacy;
pub mod lexicon;
pub mod lines;
pub mod lower;
pub mod model;
pub mod normalize;
pub mod render;
pub mod structure;
pub mod table;
#[cfg(test)]
mod test_support;

pub use error::{Error, ErrorKind};
pub use model::{
    Agency, Deadline, Detail, Plan, Precision, Section, Span, Task, TaskKind, Warning,
};

use sha2::{Digest, Sha256};

use crate::lines::Line;
use crate::lower::Owner;
use crate::model::{SCHEMA_VERSION, Source, SourceFormat};

/// Parse plan text (already decoded). Never fails: problems become warnings.
pub fn parse_text(text: &str) -> Plan {
    parse_text_accounted(text, "-").plan
}

/// Parse an input's bytes, detecting its format and encoding. `name` goes into
/// `source.name`. PDFs are extracted in this process; use [`parse_bytes_with`] and
/// [`extract::ExtractOptions::pdf_worker`] to isolate them.
pub fn parse_bytes(name: &str, bytes: &[u8]) -> Result<Plan, Error> {
    parse_bytes_with(name, bytes, &extract::ExtractOptions::default())
}

/// [`parse_bytes`] with extraction options (PDF worker, password, backend, limits).
pub fn parse_bytes_with(
    name: &str,
    bytes: &[u8],
    opts: &extract::ExtractOptions,
) -> Result<Plan, Error> {
    let extracted = extract::extract(name, bytes, opts).map_err(|e| e.with_input(name))?;
    // The source's hash is the input's, not its text's: hash once.
    let mut plan = parse_lines(&extracted.text, name, hex_sha256(bytes)).plan;
    plan.source = Source {
        name: name.to_owned(),
        format: extracted.format,
        sha256: std::mem::take(&mut plan.source.sha256),
        pages: extracted.pages.or(plan.source.pages),
        encoding: extracted.encoding,
        backend: extracted.backend,
    };
    for (page, message) in extracted.page_warnings {
        plan.warnings.push(Warning {
            code: "pdf-page-unreadable".into(),
            message: format!("page {page}: {message}"),
            span: None,
            task: None,
        });
    }
    Ok(plan)
}

/// A plan and, for each input line, the part of the plan that accounts for it.
pub struct Accounted {
    pub plan: Plan,
    /// `owners[n - 1]` owns line `n`; `None` only for blank lines.
    pub owners: Vec<Option<Owner>>,
    /// Lines claimed by two owners (always empty unless there is a bug).
    pub conflicts: Vec<u32>,
}

/// [`parse_text`], also returning who owns each input line (used to prove that
/// nothing is lost).
pub fn parse_text_accounted(text: &str, name: &str) -> Accounted {
    parse_lines(text, name, hex_sha256(text.as_bytes()))
}

/// [`parse_text_accounted`] with the source hash already computed.
fn parse_lines(text: &str, name: &str, sha256: String) -> Accounted {
    let input = text;
    // Tables with tabs between cells, laid out with spaces, or with a "|" line between
    // cells become pipe rows first; every line keeps its number.
    let text = extract::tab_cells::rebuild_tables(text);
    let text = match extract::layout::rebuild_tables(&text) {
        std::borrow::Cow::Owned(rebuilt) => std::borrow::Cow::Owned(rebuilt),
        std::borrow::Cow::Borrowed(_) => text,
    };
    let text = match extract::bar_cells::rebuild_tables(&text) {
        std::borrow::Cow::Owned(rebuilt) => std::borrow::Cow::Owned(rebuilt),
        std::borrow::Cow::Borrowed(_) => text,
    };
    let clean = normalize::normalize(&text);
    let pages: Vec<Option<u32>> = clean.iter().map(|l| l.page).collect();
    let mut lines: Vec<Line> = lines::classify_owned(clean);
    furniture::mark(&mut lines);
    let segments = segments(&lines, &pages);
    // The task rows of appendices and tables: the plan's own items that repeat them
    // are summaries.
    let covered: Vec<lower::AssignedRow> = segments
        .iter()
        .flat_map(|(head, body, _)| lower::assigned_rows(body, lists_some_tasks(head)))
        .collect();
    let mut parts = segments.into_iter();
    let mut merged = parts
        .next()
        .map(|(h, b, t)| lower::lower(h, b, t, lines.len(), &covered))
        .expect("at least one segment");
    // A decision that issues a plan: the plan follows the decision's signature.
    for (mut head, body, tail) in parts {
        head.document.year = head.document.year.or(merged.document.year);
        merged.absorb(lower::lower(head, body, tail, lines.len(), &covered));
    }
    if merged.tasks.is_empty() {
        merged.warnings.push(Warning {
            code: "no-tasks".into(),
            message: "no tasks found: no numbered item assigns work (check that this is a plan, and that its text was extracted)".into(),
            span: None,
            task: None,
        });
    }
    let plan = Plan {
        schema_version: SCHEMA_VERSION.to_owned(),
        source: Source {
            name: name.to_owned(),
            format: SourceFormat::Text,
            sha256,
            pages: pages.iter().flatten().max().copied(),
            encoding: "utf-8".to_owned(),
            backend: None,
        },
        document: merged.document,
        sections: merged.sections,
        tasks: merged.tasks,
        unparsed: merged.unparsed,
        warnings: merged.warnings,
    };
    // A table rebuilt as pipe rows left the other lines of each row empty: they belong
    // to whatever owns the row.
    let mut owners = merged.owners;
    if let std::borrow::Cow::Owned(rebuilt) = &text {
        let mut row_owner: Option<Owner> = None;
        let first_owner = owners.iter().flatten().next().cloned();
        for (k, (before, after)) in input.split('\n').zip(rebuilt.split('\n')).enumerate() {
            match owners.get(k).cloned().flatten() {
                Some(o) => row_owner = Some(o),
                None if after.trim().is_empty() && !before.trim().is_empty() => {
                    // An emptied last line is no line of the rebuilt text at all.
                    if owners.len() <= k {
                        owners.resize(k + 1, None);
                    }
                    // Lines emptied above the text's first row (its opening "|") go
                    // with that row, the first line anything owns.
                    owners[k] = row_owner.clone().or_else(|| first_owner.clone());
                }
                None => {}
            }
        }
    }
    Accounted {
        plan,
        owners,
        conflicts: merged.conflicts,
    }
}

/// Whether a segment is an appendix that says it lists only some of the plan's tasks
/// ("MỘT SỐ NHIỆM VỤ TRỌNG TÂM …"), or targets rather than tasks ("PHÂN CÔNG THỰC HIỆN
/// CÁC CHỈ TIÊU …"; `[table] partial` in `grammar/labels.toml`).
fn lists_some_tasks(head: &header::Header) -> bool {
    head.document
        .title
        .as_deref()
        .is_some_and(|t| lexicon::lexicon().lists_some_tasks(t))
}

/// Split the document into header/body/tail segments: one for a plain plan; two for a
/// decision followed by the plan it issues ("KẾ HOẠCH (Ban hành kèm theo ...)").
fn segments(
    lines: &[Line],
    pages: &[Option<u32>],
) -> Vec<(header::Header, structure::Body, header::Tail)> {
    let mut out = Vec::new();
    // The id roots given to appendices so far.
    let mut roots: Vec<String> = Vec::new();
    let mut start = 0;
    while start < lines.len() || out.is_empty() {
        let seg = &lines[start..];
        let mut head = header::parse_header(seg);
        let body_at = head.body_start.min(seg.len());
        let body_lines = &seg[body_at..];
        let all_blocks = blocks::join(body_lines, &pages[start + body_at..]);
        let tail_at = tail_start(&all_blocks);
        let (body_blocks, tail_lines) = match tail_at {
            Some(b) => {
                let first = all_blocks[b].first_line();
                let idx = body_lines
                    .iter()
                    .position(|l| l.no == first)
                    .unwrap_or(body_lines.len());
                (all_blocks[..b].to_vec(), &body_lines[idx..])
            }
            None => (all_blocks, &body_lines[body_lines.len()..]),
        };
        let (tail_lines, next) = match attachment_start(tail_lines) {
            Some(k) => (&tail_lines[..k], Some(tail_lines[k].no)),
            None => (tail_lines, None),
        };
        head.body_start += start;
        // An appendix after the plan numbers its items afresh: its ids start with its
        // type and number ("PLII.1"), so they never collide with the plan's.
        let root = match &head.document.doc_type {
            Some(t) if head.appendix && !out.is_empty() => {
                let root = format!("{t}{}", head.type_number.as_deref().unwrap_or(""));
                // Two appendices without a number: the second is "PL#2", as a repeated
                // label is.
                let repeats = roots.iter().filter(|r| **r == root).count();
                roots.push(root.clone());
                if repeats > 0 {
                    format!("{root}#{}", repeats + 1)
                } else {
                    root
                }
            }
            _ => String::new(),
        };
        out.push((
            head,
            structure::build_under(body_blocks, &root),
            header::parse_tail_before(
                tail_lines,
                next.and_then(|no| lines.iter().find(|l| l.no == no)),
            ),
        ));
        match next.and_then(|no| lines.iter().position(|l| l.no == no)) {
            Some(i) if i > start => start = i,
            _ => break,
        }
    }
    out
}

/// Where an attached document begins inside a tail: its type line ("KẾ HOẠCH") and the
/// issuer/motto lines right above it.
fn attachment_start(tail: &[Line]) -> Option<usize> {
    let lx = lexicon::lexicon();
    let k = tail
        .iter()
        .position(|l| lx.doc_type_line(&l.text).is_some())?;
    let mut s = k;
    while s > 0 {
        let l = &tail[s - 1];
        let f = fold::fold(&l.text);
        // A rule under the issuer or the motto ("__________") has no letter or digit.
        let headerish = !l.text.chars().any(char::is_alphanumeric)
            || lx.motto.iter().any(|m| f.contains(m.as_str()))
            || (blocks::is_all_caps(&l.text)
                && !lexicon::starts_with_any(&f, &lx.signer_authority)
                && !lexicon::starts_with_any(&f, &lx.signer_titles));
        if !headerish {
            break;
        }
        s -= 1;
    }
    while s < k && tail[s].text.is_empty() {
        s += 1;
    }
    Some(s)
}

/// The first block of the tail: "Nơi nhận:", a signature authority line ("TM.",
/// "KT.") or an appendix that follows the plan without a signature ("PHỤ LỤC").
fn tail_start(blocks: &[blocks::Block]) -> Option<usize> {
    let lx = lexicon::lexicon();
    blocks.iter().position(|b| {
        // A converted document may set recipients and signature side by side in a
        // table row ("| Nơi nhận: … | KT. BỘ TRƯỞNG … |").
        let text = b.text.trim_start_matches(['|', ' ']);
        lx.opens_tail(text)
            // "PHỤ LỤC" right after the plan's last part, with no signature.
            || lx.type_line(text).is_some_and(|t| t.appendix)
    })
}

fn hex_sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
