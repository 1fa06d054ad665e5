//! kehoach turns Vietnamese administrative plans ("Kế hoạch", "Quyết định ban hành Kế
//! hoạch", "Chương trình hành động") into structured tasks: who leads, who supports, by
//! when. The output follows the v1 contract in [`model`] (`kehoach schema` prints it as
//! JSON Schema).
//!
//! # Pipeline
//!
//! Data flows one way; each stage is one module:
//!
//! 1. [`extract`] — input bytes → text (format sniffing, UTF-8/UTF-16 decoding).
//! 2. [`normalize`] — one cleaned line per input line: NFC, controls removed, "&" → "…".
//!    Line numbers are never changed, so every later span maps back to the input.
//! 3. [`lines`] — classify each line with the label grammar (nom): numbered label,
//!    bullet, field line, page number, prose; then [`blocks`] joins hard-wrapped lines.
//! 4. [`header`] — issuer, number, place and date, type, title; recipients and signer.
//! 5. [`structure`] — blocks → section tree, task ids, duplicate and gap checks.
//! 6. Fields — [`agency`] splits agency lists and inline assignments, [`deadline`]
//!    normalizes deadline phrases, [`citation`] finds cited documents (their dates are
//!    never deadlines). The vocabulary of all three lives in `grammar/`.
//! 7. [`lower`] — tree → [`model::Plan`] (tasks, duties, sections, unparsed, warnings).
//! 8. [`render`] — JSON out.
//!
//! ```
//! let plan = kehoach::parse_text("II. NHIỆM VỤ\n1. Rà soát văn bản.\n- Cơ quan chủ trì: Sở Tư pháp.\n- Thời gian hoàn thành: Quý I/2024.\n");
//! assert_eq!(plan.tasks[0].id, "II.1");
//! assert_eq!(plan.tasks[0].lead[0].name, "Sở Tư pháp");
//! ```

pub mod agency;
pub mod blocks;
pub mod citation;
pub mod deadline;
pub mod error;
pub mod extract;
pub mod fold;
pub mod header;
pub mod lexicon;
pub mod lines;
pub mod lower;
pub mod model;
pub mod normalize;
pub mod render;
pub mod structure;

pub use error::{Error, ErrorKind};
pub use model::{Agency, Deadline, Plan, Precision, Section, Span, Task, TaskKind, Warning};

use sha2::{Digest, Sha256};

use crate::lines::Line;
use crate::lower::Owner;
use crate::model::{SCHEMA_VERSION, Source, SourceFormat};

/// Parse plan text (already decoded). Never fails: problems become warnings.
pub fn parse_text(text: &str) -> Plan {
    parse_text_accounted(text, "-").plan
}

/// Parse an input's bytes, detecting its format and encoding. `name` goes into
/// `source.name`.
pub fn parse_bytes(name: &str, bytes: &[u8]) -> Result<Plan, Error> {
    let extracted = extract::extract(bytes).map_err(|e| e.with_input(name))?;
    let mut parsed = parse_text_accounted(&extracted.text, name);
    parsed.plan.source = Source {
        name: name.to_owned(),
        format: extracted.format,
        sha256: hex_sha256(bytes),
        pages: extracted.pages,
        encoding: extracted.encoding.to_owned(),
    };
    Ok(parsed.plan)
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
    let clean = normalize::normalize(text);
    let pages: Vec<Option<u32>> = clean.iter().map(|l| l.page).collect();
    let lines: Vec<Line> = lines::classify(&clean);
    let head = header::parse_header(&lines);
    let body_lines = &lines[head.body_start.min(lines.len())..];
    let body_pages = &pages[head.body_start.min(pages.len())..];
    let all_blocks = blocks::join(body_lines, body_pages);
    let tail_at = tail_start(&all_blocks);
    let (body_blocks, tail_lines) = match tail_at {
        Some(b) => {
            let first = all_blocks[b].first_line();
            let idx = body_lines.iter().position(|l| l.no == first).unwrap_or(body_lines.len());
            (all_blocks[..b].to_vec(), &body_lines[idx..])
        }
        None => (all_blocks, &body_lines[body_lines.len()..]),
    };
    let body = structure::build(body_blocks);
    let tail = header::parse_tail(tail_lines);
    let lowered = lower::lower(head, body, tail, lines.len());
    let plan = Plan {
        schema_version: SCHEMA_VERSION.to_owned(),
        source: Source {
            name: name.to_owned(),
            format: SourceFormat::Text,
            sha256: hex_sha256(text.as_bytes()),
            pages: pages.iter().flatten().max().copied(),
            encoding: "utf-8".to_owned(),
        },
        document: lowered.document,
        sections: lowered.sections,
        tasks: lowered.tasks,
        unparsed: lowered.unparsed,
        warnings: lowered.warnings,
    };
    Accounted { plan, owners: lowered.owners, conflicts: lowered.conflicts }
}

/// The first block of the tail: "Nơi nhận:" or a signature authority line ("TM.", "KT.").
fn tail_start(blocks: &[blocks::Block]) -> Option<usize> {
    let lx = lexicon::lexicon();
    blocks.iter().position(|b| {
        let f = fold::fold(&b.text);
        lexicon::starts_with_any(&f, &lx.recipients)
            || (blocks::is_all_caps(&b.text) && lexicon::starts_with_any(&f, &lx.signer_authority))
    })
}

fn hex_sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}
