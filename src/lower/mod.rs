//! Stage 6, lower: the section tree, header and tail become the output model.
//!
//! Which items are tasks depends on the part they are in (`grammar/labels.toml`,
//! `[parts]`): in a task part every leaf item is a task; under a per-agency heading each
//! bullet is a duty of that agency; elsewhere an item is a task only when it assigns work
//! itself (field lines or "X chủ trì, phối hợp Y ...").

use std::collections::HashMap;
use std::sync::Arc;

use crate::agency::{self, Assignment};
use crate::blocks::{Block, is_heading_text, sentences};
use crate::citation::find_citations;
use crate::deadline::{
    Parsed, closing_bracket_deadline, closing_condition_deadline, closing_time_deadline,
    deadline_after_assignment, find_inline_deadline, gapped_deadline, opening_clause_deadline,
    opening_ongoing_deadline, parse_deadline,
};
use crate::fold::collapse_ws;
use crate::header::{Header, Tail};
use crate::lexicon::{FieldRole, PartKind, lexicon};
use crate::lines::{Level, LineKind};
use crate::model::{
    Agency, Deadline, Detail, Document, Reference, Section, Span, Task, TaskKind, Unparsed, Warning,
};
use crate::structure::{Body, NodeId, NodeKind};

mod by_number;
mod field_items;

/// Who a physical line belongs to (every non-blank line has exactly one owner).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Owner {
    Header,
    Preamble,
    // Shared: every line of an item is claimed with its owner.
    Section(Arc<str>),
    Task(Arc<str>),
    Closing,
    Furniture,
    Tail,
    Unparsed,
}

/// Under the heading `asking` that asks a body for the work ("… đề nghị Ủy ban nhân dân
/// tỉnh chỉ đạo thực hiện các nhiệm vụ sau", without its colon), who does an item "Chỉ
/// đạo Sở Y tế …": the agencies the body is to direct.
fn directed_by(asking: &str, text: &str) -> Option<Vec<Agency>> {
    // "Về lĩnh vực Văn hóa - Xã hội: Chỉ đạo Sở …": the work after its topic.
    let text = after_topic(text);
    let asks =
        || agency::asked_agencies(asking).is_some() || agency::requested_agencies(asking).is_some();
    if !agency::opens_with_directing(text) || !asks() {
        return None;
    }
    agency::subject_agencies(first_sentence_of(text))
}

/// Whether `part` is a bullet task of the task or section `whole` ("II.3#1" of "II.3";
/// a table row whose cell's points are tasks is a section over them).
fn own_part(part: &Owner, whole: &Owner) -> bool {
    match (part, whole) {
        (Owner::Task(p), Owner::Task(w) | Owner::Section(w)) => p
            .strip_prefix(&**w)
            .is_some_and(|rest| rest.starts_with('#')),
        _ => false,
    }
}

/// Whether `a` and `b` are bullet tasks of one item ("1#2" and "1#4"): a table row's
/// cell may hold several numbered points, and the row is one line.
fn sibling_parts(a: &Owner, b: &Owner) -> bool {
    fn whole(o: &Owner) -> Option<&str> {
        match o {
            Owner::Task(t) => t.rsplit_once('#').map(|(w, _)| w),
            _ => None,
        }
    }
    whole(a).is_some_and(|w| whole(b) == Some(w))
}

/// The lowered plan parts and the line ownership map.
pub struct Lowered {
    pub document: Document,
    pub sections: Vec<Section>,
    pub tasks: Vec<Task>,
    pub unparsed: Vec<Unparsed>,
    pub warnings: Vec<Warning>,
    /// `owners[n - 1]` is the owner of line `n`; `None` for blank lines.
    pub owners: Vec<Option<Owner>>,
    /// Lines claimed twice (a bug if ever non-empty; tests check it).
    pub conflicts: Vec<u32>,
}

impl Lowered {
    /// Merge an attached document (the plan a decision issues) into this one.
    pub fn absorb(&mut self, other: Lowered) {
        let d = &mut self.document;
        let o = other.document;
        d.year = d.year.or(o.year);
        d.province = d.province.take().or(o.province);
        d.issuer = d.issuer.take().or(o.issuer);
        for r in o.references {
            if !d
                .references
                .iter()
                .any(|x| x.number.is_some() && x.number == r.number)
            {
                d.references.push(r);
            }
        }
        d.signer = d.signer.take().or(o.signer);
        d.recipients.extend(o.recipients);
        d.footnotes.extend(o.footnotes);
        d.attachments.push(crate::model::Attachment {
            doc_type: o.doc_type,
            title: o.title,
            preamble: o.preamble,
        });
        self.sections.extend(other.sections);
        self.tasks.extend(other.tasks);
        self.unparsed.extend(other.unparsed);
        self.warnings.extend(other.warnings);
        for (i, o) in other.owners.into_iter().enumerate() {
            match (&self.owners[i], o) {
                (_, None) => {}
                (None, o) => self.owners[i] = o,
                (Some(_), Some(_)) => self.conflicts.push(i as u32 + 1),
            }
        }
        self.conflicts.extend(other.conflicts);
    }
}

/// A task row of an appendix or table: its numbering under the appendix ("1.a" of
/// "PL.1.a"; a table's row keeps its whole id) and its heading.
pub struct AssignedRow {
    pub path: String,
    pub heading: String,
    /// From an appendix that lists only some of the plan's tasks.
    pub partial: bool,
}

/// The task rows that carry field lines: every item of an attached document (an
/// appendix), and the rows of a task table anywhere.
pub fn assigned_rows(body: &Body, partial: bool) -> Vec<AssignedRow> {
    let root = &body.nodes[0].id;
    // All items of an attached document; the rows of a task table anywhere.
    let row = |n: &crate::structure::Node| {
        n.head
            .is_some_and(|h| matches!(body.blocks[h].kind, LineKind::Label { row: true, .. }))
    };
    body.nodes
        .iter()
        .filter(|n| assigns_work(&n.fields) && (!root.is_empty() || row(n)))
        .filter_map(|n| {
            let path = n.id.strip_prefix(root.as_str())?.trim_start_matches('.');
            Some(AssignedRow {
                path: path.to_owned(),
                heading: body.blocks[n.head?].body().to_owned(),
                partial,
            })
        })
        .collect()
}

/// A row of [`AssignedRow`], ready for [`same_work`].
struct Covered {
    path: String,
    words: Vec<String>,
    /// From a table of some tasks, numbered on its own: only its words count.
    partial: bool,
}

/// The rows of an appendix, looked up by numbering and by their first heading words
/// (the same work opens with the same words, though a verb may differ: "Xây dựng, nâng
/// cấp nền tảng …" and "Triển khai nền tảng …"), so each item is compared with a few
/// rows only.
#[derive(Default)]
struct CoveredRows {
    rows: Vec<Covered>,
    by_path: HashMap<String, Vec<usize>>,
    by_word: HashMap<String, Vec<usize>>,
    /// Some row comes from a table that assigns all of the plan's work.
    exhaustive: bool,
}

impl CoveredRows {
    fn new(rows: &[AssignedRow]) -> Self {
        let mut out = CoveredRows::default();
        for (k, r) in rows.iter().enumerate() {
            out.exhaustive |= !r.partial;
            let words = heading_words(&r.heading);
            if !r.partial {
                out.by_path.entry(r.path.clone()).or_default().push(k);
            }
            for w in words.iter().take(LOOKUP_WORDS) {
                let at = out.by_word.entry(w.clone()).or_default();
                if at.last() != Some(&k) {
                    at.push(k);
                }
            }
            out.rows.push(Covered {
                path: r.path.clone(),
                words,
                partial: r.partial,
            });
        }
        out
    }

    /// Whether an item (its path below its part, and heading) repeats a row's work.
    fn covers(&self, path: &str, heading: &str) -> bool {
        if self.rows.is_empty() {
            return false;
        }
        let words = heading_words(heading);
        // Rows are filed under their first words; the item's first words may be a verb
        // the row does not have, so all of its words look.
        let by_word = words.iter().filter_map(|w| self.by_word.get(w));
        self.by_path
            .get(path)
            .into_iter()
            .chain(by_word)
            .flatten()
            .any(|&k| same_work(path, &words, &self.rows[k]))
    }
}

/// The most syllables of a bullet that introduces its points with work alone ("Nghiên
/// cứu, tham mưu Lãnh đạo Bộ:", 7); a longer one names its own object ("Lập hồ sơ hoàn
/// công cho từng hộ gia đình được hỗ trợ, gồm:"), which the points detail.
const SHORT_INTRO_WORDS: usize = 8;

/// Under how many of its first content words a row is filed.
const LOOKUP_WORDS: usize = 3;

/// Whether an item (its numbering below its part, and heading words) names the work of
/// an appendix row: with the same numbering ("II.1.c" and row "1.c"), two content words
/// in common and a third of the shorter heading's; otherwise most of them ("Tổ chức Hội
/// nghị phổ biến, triển khai nội dung của Nghị định …" and "Tổ chức Hội nghị phổ biến,
/// triển khai Nghị định …"). Generic verbs ("tổ chức", "triển khai") do not count.
fn same_work(path: &str, words: &[String], row: &Covered) -> bool {
    let shorter = words.len().min(row.words.len());
    let shared = words.iter().filter(|w| row.words.contains(w)).count();
    if path == row.path && !row.partial {
        shared >= 2 && shared * 10 >= shorter * 3
    } else {
        shared >= 3 && shared * 10 >= shorter * 6
    }
}

/// The first content words of a heading, for [`same_work`].
fn heading_words(heading: &str) -> Vec<String> {
    crate::compare::align::content_words(heading, 12)
}

/// Lower everything. `line_count` is the number of input lines. `covered`: the task
/// rows of an attached appendix (see [`assigned_rows`]); an item of this document that
/// repeats one without assigning anything is a section, so the work is listed once,
/// where its agencies and deadline are.
pub fn lower(
    header: Header,
    body: Body,
    tail: Tail,
    line_count: usize,
    covered: &[AssignedRow],
) -> Lowered {
    let headings = body
        .nodes
        .iter()
        .map(|node| {
            node.head
                .map_or_else(String::new, |h| collapse_ws(body.blocks[h].body()))
        })
        .collect();
    let mut l = Lowerer {
        body: &body,
        headings,
        year: header.document.year,
        bullet_tasks: std::collections::HashSet::new(),
        addressees: HashMap::new(),
        duty_heads: HashMap::new(),
        intro_partners: HashMap::new(),
        has_task_part: false,
        work_by_agency_only: false,
        topic_parts: Default::default(),
        covered: CoveredRows::new(covered),
        tasks: Vec::new(),
        warnings: Vec::new(),
        owners: vec![None; line_count],
        conflicts: Vec::new(),
        memo: FieldMemo::default(),
    };
    let mut document = header.document;
    for &n in &header.lines {
        l.claim(n, Owner::Header);
    }
    document.preamble = l.prose(&body.preamble, Owner::Preamble);
    document.closing = l.prose(&body.closing, Owner::Closing);
    for &f in &body.furniture {
        l.claim_block(f, &Owner::Furniture);
    }
    l.has_task_part = (1..body.nodes.len()).any(|n| l.own_part_kind(n) == Some(PartKind::Tasks));
    // A part of aims that holds tasks ("II. MỤC TIÊU, NHIỆM VỤ VÀ GIẢI PHÁP" / "2.
    // Nhiệm vụ và giải pháp chủ yếu") is a part of tasks too.
    let tasks_under_aims = |n: NodeId| {
        l.own_part_kind(n) == Some(PartKind::Purpose)
            && body.nodes[n]
                .children
                .iter()
                .any(|&c| l.tasks_under_purpose(c, PartKind::Purpose) == PartKind::Tasks)
    };
    l.work_by_agency_only = !l.has_task_part
        && !(1..body.nodes.len())
            .any(|n| l.own_part_kind(n) == Some(PartKind::Measures) || tasks_under_aims(n));
    if !l.has_task_part {
        l.topic_parts = topic_parts(&l);
        l.has_task_part = !l.topic_parts.is_empty();
    }
    let sections = l.children_sections(0, PartKind::Unknown);
    let mut unparsed = Vec::new();
    let root = &body.nodes[0];
    for &bi in body
        .unplaced
        .iter()
        .chain(&root.body)
        .chain(root.fields.iter().map(|(_, b)| b))
    {
        l.claim_block(bi, &Owner::Unparsed);
        unparsed.push(Unparsed {
            text: collapse_ws(&body.blocks[bi].text),
            span: span_of(&body.blocks, &[bi]),
        });
    }
    for &n in &tail.lines {
        l.claim(n, Owner::Tail);
    }
    for (n, text) in &tail.stray {
        l.claim(*n, Owner::Unparsed);
        unparsed.push(Unparsed {
            text: text.clone(),
            span: Span {
                line_start: *n,
                line_end: *n,
                page: None,
            },
        });
    }
    for u in &unparsed {
        l.warnings.push(Warning {
            code: "unparsed-text".into(),
            message: format!(
                "text not placed in any section or task: \"{}\"",
                preview(&u.text)
            ),
            span: Some(u.span),
            task: None,
        });
    }
    for p in &body.problems {
        let task = p.node.map(|n| body.nodes[n].id.clone());
        l.warnings.push(Warning {
            code: p.code.into(),
            message: p.message.clone(),
            span: Some(span_of(&body.blocks, &[p.block])),
            task,
        });
    }
    // Work a duty names by number ("chủ trì thực hiện nhiệm vụ số 1, 4"), read in the
    // plan's one tasks part.
    let task_parts: Vec<&str> = (1..body.nodes.len())
        .filter(|&n| l.own_part_kind(n) == Some(PartKind::Tasks))
        .map(|n| body.nodes[n].id.as_str())
        .collect();
    if let [part] = task_parts[..] {
        let heads: HashMap<String, Vec<Agency>> = l
            .duty_heads
            .iter()
            .chain(&l.addressees)
            .map(|(&n, h)| (body.nodes[n].id.clone(), h.clone()))
            .collect();
        by_number::assign_by_number(&mut l.tasks, part, &heads);
    }
    document.references = references(&body);
    document.recipients = tail.recipients;
    document.footnotes = tail.footnotes;
    document.signer = tail.signer;
    let Lowerer {
        tasks,
        mut warnings,
        owners,
        conflicts,
        ..
    } = l;
    warnings.sort_by_key(|w| w.span.map_or(0, |s| s.line_start));
    Lowered {
        document,
        sections,
        tasks,
        unparsed,
        warnings,
        owners,
        conflicts,
    }
}

struct Lowerer<'a> {
    body: &'a Body,
    /// Each node's heading text (after its label), read many times while lowering.
    headings: Vec<String>,
    year: Option<i32>,
    /// Bullets lowered as tasks of their own: not part of their parent's text.
    bullet_tasks: std::collections::HashSet<NodeId>,
    /// Items headed by an agency name whose numbered sub-items are that agency's work
    /// ("1. Sở Y tế" over "a) Chủ trì, phối hợp …"), with the heading's agencies.
    addressees: HashMap<NodeId, Vec<Agency>>,
    /// Per-agency headings lowered as duty groups, with the heading's agencies.
    duty_heads: HashMap<NodeId, Vec<Agency>>,
    /// The partners an addressee's heading names for all its items ("3. Bộ Tài chính chủ
    /// trì, phối hợp với các cơ quan, địa phương:"), or its introduction does ("Chủ trì,
    /// phối hợp với các cơ quan có liên quan …:").
    intro_partners: HashMap<NodeId, Vec<Agency>>,
    /// Whether some part's heading names tasks ("NỘI DUNG", "NHIỆM VỤ"), or some part
    /// is a topic part: then a "GIẢI PHÁP" part lists general measures.
    has_task_part: bool,
    /// No part of tasks or measures: the plan's work is only what it gives each agency
    /// ("IV. PHÂN CÔNG NHIỆM VỤ" / "1. Sở Công Thương:" / "- Chủ trì điều phối …").
    work_by_agency_only: bool,
    /// Parts named by their topic alone, between the aims and the measures or the
    /// organisation ("III. PHÁT TRIỂN NỀN MÓNG KINH TẾ SỐ" after "II. MỤC TIÊU", before
    /// "V. GIẢI PHÁP"), in a plan with no part named for its tasks: their items are the
    /// plan's tasks.
    topic_parts: std::collections::HashSet<NodeId>,
    /// The task rows of an attached appendix.
    covered: CoveredRows,
    tasks: Vec<Task>,
    warnings: Vec<Warning>,
    owners: Vec<Option<Owner>>,
    conflicts: Vec<u32>,
    memo: FieldMemo,
}

/// Field values repeat within a plan ("Các sở, ban, ngành, địa phương", "Thường
/// xuyên"), so each distinct value is parsed once per plan. The memo lives only as long
/// as one plan's lowering: a batch's memory stays flat, and a plan parsed twice is
/// parsed twice.
#[derive(Default)]
struct FieldMemo {
    agencies: HashMap<String, Vec<Agency>>,
    leads: HashMap<String, (Vec<Agency>, Vec<Agency>)>,
    deadlines: HashMap<String, Parsed>,
}

impl FieldMemo {
    /// [`agency::split_agencies`] of a field value.
    fn agencies(&mut self, value: &str) -> Vec<Agency> {
        if let Some(hit) = self.agencies.get(value) {
            return hit.clone();
        }
        let split = agency::split_agencies(value);
        self.agencies.insert(value.to_owned(), split.clone());
        split
    }

    /// A lead field's agencies, and the supporting ones when it names both roles
    /// ([`agency::split_roles`]).
    fn lead(&mut self, value: &str) -> (Vec<Agency>, Vec<Agency>) {
        if let Some(hit) = self.leads.get(value) {
            return hit.clone();
        }
        let split = match agency::split_roles(value) {
            // "Sở Nội vụ chủ trì; các sở, ngành thực hiện …" names no partner after its
            // role: its clauses say who does what.
            Some(split) if !split.1.is_empty() || !value.contains(';') => split,
            roles => self
                .lead_clauses(value)
                .or(roles)
                .unwrap_or_else(|| (self.agencies(value), Vec::new())),
        };
        self.leads.insert(value.to_owned(), split.clone());
        split
    }

    /// A lead field made of clauses with subjects of their own: "Bộ Công an tiến hành rà
    /// soát …; các bộ, Ủy ban nhân dân các tỉnh … rà soát …" (all lead). When the first
    /// says it leads ("Sở KH&CN chủ trì hướng dẫn, tổng hợp; Các sở, ngành … thực hiện
    /// …"), the others are its partners. A field read as a list whose names hold verbs
    /// ("Sở Thông tin và Truyền thông đôn đốc, hướng dẫn các đơn vị …") is such a
    /// sentence too. None for a plain list: a single name may hold a verb ("Ban Quản lý
    /// dự án đầu tư xây dựng") and stays whole.
    fn lead_clauses(&mut self, value: &str) -> Option<(Vec<Agency>, Vec<Agency>)> {
        let first_clause = value.split(';').next().unwrap_or(value);
        let leads = agency::names_lead_role(first_clause);
        let sentence = (leads && value.contains(';')) || {
            let listed = self.agencies(value);
            let before_last = &listed[..listed.len().saturating_sub(1)];
            before_last.iter().any(|a| agency::name_holds_verb(&a.name))
        };
        if !sentence {
            return None;
        }
        let mut clauses = value.split(';').filter_map(agency::subject_agencies);
        let first = clauses.next()?;
        let rest: Vec<Agency> = clauses.flatten().collect();
        Some(if leads {
            (first, rest)
        } else {
            (first.into_iter().chain(rest).collect(), Vec::new())
        })
    }

    /// [`parse_deadline`] of a field value; the year is the plan's, fixed per memo.
    fn deadline(&mut self, value: &str, year: Option<i32>) -> Parsed {
        if let Some(hit) = self.deadlines.get(value) {
            return hit.clone();
        }
        let parsed = parse_deadline(value, year);
        self.deadlines.insert(value.to_owned(), parsed.clone());
        parsed
    }
}

impl Lowerer<'_> {
    fn claim(&mut self, line: u32, owner: Owner) {
        let Some(slot) = (line as usize)
            .checked_sub(1)
            .and_then(|i| self.owners.get_mut(i))
        else {
            return;
        };
        // One owner may claim a line several times (a table row is several blocks).
        // So may a table row and a bullet of its own cell, when a cell's line runs on
        // into the next cell's: the line stays with the bullet, the narrower owner; and
        // two bullets of one row's cells: the line stays with the first.
        if let Some(o) = slot.as_ref()
            && *o != owner
        {
            if own_part(o, &owner) || sibling_parts(o, &owner) {
                return;
            }
            if !own_part(&owner, o) {
                self.conflicts.push(line);
            }
        }
        *slot = Some(owner);
    }

    fn claim_block(&mut self, bi: usize, owner: &Owner) {
        let block = &self.body.blocks[bi];
        // A block cut from the line of the block before it leaves that line to it.
        for &n in &block.lines[usize::from(block.run_in).min(block.lines.len())..] {
            self.claim(n, owner.clone());
        }
    }

    fn prose(&mut self, blocks: &[usize], owner: Owner) -> Option<String> {
        for &b in blocks {
            self.claim_block(b, &owner);
        }
        let text = blocks
            .iter()
            .map(|&b| self.body.blocks[b].text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        (!text.is_empty()).then(|| collapse_ws(&text))
    }

    /// Sections for the labelled children of `n`; tasks are collected on the way.
    fn children_sections(&mut self, n: NodeId, part: PartKind) -> Vec<Section> {
        let children = self.body.nodes[n].children.clone();
        let mut out = Vec::new();
        for c in children {
            if matches!(self.body.nodes[c].kind, NodeKind::Labelled(_))
                && let Some(s) = self.node(c, part)
            {
                out.push(s);
            }
        }
        out
    }

    /// Lower one labelled node: a section (returned) or a task/duty (collected).
    fn node(&mut self, n: NodeId, part: PartKind) -> Option<Section> {
        let node = &self.body.nodes[n];
        let NodeKind::Labelled(label) = &node.kind else {
            return None;
        };
        let part = match self.own_part_kind(n) {
            Some(PartKind::Unknown) if self.topic_parts.contains(&n) => PartKind::Tasks,
            None | Some(PartKind::Unknown) => part,
            Some(PartKind::Measures) if self.has_task_part => PartKind::Unknown,
            Some(PartKind::Measures) => PartKind::Tasks,
            Some(k) => k,
        };
        let part = self.tasks_under_purpose(n, part);
        let has_labelled_children = node
            .children
            .iter()
            .any(|&c| matches!(self.body.nodes[c].kind, NodeKind::Labelled(_)));
        let assigns = assigns_work(&node.fields);
        // "6. Chỉ tiêu chủ yếu đến năm 2030" over "6.1. …": figures to reach; so is a
        // bare heading "1. Mục tiêu" over "- Giai đoạn 2026 - 2027:" bullets.
        let aims_over_bullets = || {
            !assigns
                && !node.children.is_empty()
                && node.body.is_empty()
                && is_heading_text(&self.headings[n])
        };
        let part = if (has_labelled_children || aims_over_bullets())
            && lexicon().is_targets_heading(&self.headings[n])
        {
            PartKind::Purpose
        } else {
            part
        };
        // Parts by numbering only: a capitalised top-level item with fields is still a task.
        let structural = matches!(
            label.level,
            Level::Roman | Level::Part | Level::Chapter | Level::Article | Level::Heading
        );

        // "I. CÔNG TÁC …" over "1. Nội dung", "2. Cơ quan chủ trì, phối hợp", "3. Thời
        // gian thực hiện: …": one task whose fields are its sub-items.
        if part != PartKind::Responsibilities
            && let Some(kids) = self.field_items(n)
        {
            self.field_item_task(n, &kids);
            return None;
        }
        // "- Rà soát ..." with its own "+ Cơ quan chủ trì: ..." lines, or "- Sở Y tế: Rà
        // soát ...": each such bullet is a task (id: parent#n); the heading stays a
        // section.
        let mut agency_heads = self.agency_heading(n).or_else(|| self.agency_line_below(n));
        // "3. Bộ Tài chính chủ trì, phối hợp với các cơ quan, địa phương:" over "a) …",
        // "b) …": a heading that introduces its items names who does them.
        if agency_heads.is_none()
            && (has_labelled_children
                || part == PartKind::Responsibilities
                || self.topic_intro(n)
                || self.agency_intro(n)
                || self.assignment_intro(n)
                || self.asks_for_points(n))
            && let Some((heads, partners)) = self.intro_heading(n)
        {
            if !partners.is_empty() {
                self.intro_partners.insert(n, partners);
            }
            agency_heads = Some(heads);
        }
        // A document with no task part that sets its work out by agency (a directive:
        // "1. Sở Nội vụ" over "a) Tiếp tục tham mưu …") gives that work as its tasks.
        // So does an item there of one paragraph that opens with who does it ("19. Bộ
        // Công an, Bộ Quốc phòng khẩn trương xây dựng, trình Chính phủ …").
        let part = if part == PartKind::Unknown
            && !self.has_task_part
            && (agency_heads.is_some()
                || self.addressee(n).is_some()
                || (node.children.is_empty()
                    && !structural
                    && (self.opens_with_assignment(n)
                        || agency::colon_lead(&self.headings[n]).is_some())))
        {
            PartKind::Tasks
        } else {
            part
        };
        let mut bullet_tasks = false;
        if part != PartKind::Responsibilities && agency_heads.is_none() {
            let all = self.bullet_children(n);
            let own_fields = |c: NodeId| {
                assigns_work(&self.body.nodes[c].fields)
                    || agency::colon_lead(&self.headings[c]).is_some()
            };
            let mut bullets: Vec<NodeId> = all.iter().copied().filter(|&c| own_fields(c)).collect();
            // "- Hỗ trợ sản xuất …" over "+ Thiết lập diễn đàn …" / "Cơ quan chủ trì: …":
            // a bullet that assigns nothing over sub-bullets that do is their heading,
            // and they are the tasks (at any depth: "+ Thực hiện các hoạt động sau:" /
            // ". Tiếp tục hỗ trợ …").
            let mut headings: Vec<NodeId> =
                all.iter().copied().filter(|&c| !own_fields(c)).collect();
            while let Some(c) = headings.pop() {
                for &sub in &self.body.nodes[c].children {
                    if !matches!(self.body.nodes[sub].kind, NodeKind::Bullet(_)) {
                        continue;
                    }
                    if own_fields(sub) {
                        bullets.push(sub);
                    } else {
                        headings.push(sub);
                    }
                }
            }
            bullets.sort_unstable();
            // An item of a tasks part that assigns nothing itself, over bullets that each
            // open with their agency ("- Sở Công Thương chủ trì tham mưu …", "- Ủy ban
            // nhân dân cấp xã hướng dẫn …"): the bullets are its tasks, all of them when
            // at most one is not so assigned. Bullets with field lines decide alone. A
            // lone bullet ("* Sở … chủ trì, …") is the item's own assignment line.
            let field_lines = all
                .iter()
                .any(|&c| assigns_work(&self.body.nodes[c].fields));
            if part == PartKind::Tasks && all.len() >= 2 && !field_lines && !assigns {
                let assigned = all
                    .iter()
                    .filter(|&&c| {
                        own_fields(c)
                            || self.opens_with_assignment(c)
                            || self.bullet_agency_heading(c).is_some()
                    })
                    .count();
                // A heading that assigns work itself keeps it, unless it only introduces
                // bullets that each name their own doers ("b) Đề nghị UBND tỉnh chỉ đạo
                // các ngành … cụ thể sau:" / "- Chỉ đạo Ban Dân tộc tỉnh phối hợp …").
                if 2 * assigned >= all.len()
                    && (self.introduces_points(n) || !self.assigns_in_own_text(n))
                {
                    bullets = all;
                }
            }
            for b in bullets {
                bullet_tasks = true;
                // "- Chỉ đạo Sở Nông nghiệp và PTNT:" / "- Sở Y tế:" over "+ …": the
                // bullet names who does the points below it, and they are the tasks.
                if let Some(heads) = self.bullet_agency_heading(b) {
                    let points: Vec<NodeId> = self.bullet_children(b);
                    self.addressees.insert(b, heads);
                    for c in points {
                        self.bullet_tasks.insert(c);
                        self.task(c, TaskKind::Task);
                    }
                    continue;
                }
                self.bullet_tasks.insert(b);
                self.task(b, TaskKind::Task);
            }
        } else if part == PartKind::Responsibilities
            && agency_heads.is_none()
            && !assigns
            && !has_labelled_children
            && node.children.len() >= 2
        {
            // "1. Tuyên truyền, quán triệt …" over "- Đảng đoàn Quốc hội phối hợp với …",
            // "- Các Ủy ban của Quốc hội …": a topic whose bullets all open with who
            // does them holds a duty per bullet (tasks, where all the plan's work is
            // given by agency). Not all but one, as in a task part: here the others
            // are the part's rules and funding ("- Kinh phí thực hiện …").
            let all = self.bullet_children(n);
            // The cheap tests first: most topics' bullets do not all name their doers.
            if all.len() >= 2
                && all.iter().all(|&c| self.opens_with_assignment(c))
                && !self.assigns_in_own_text(n)
            {
                let kind = if self.work_by_agency_only {
                    TaskKind::Task
                } else {
                    TaskKind::Duty
                };
                for b in all {
                    bullet_tasks = true;
                    self.bullet_tasks.insert(b);
                    self.task(b, kind);
                }
            }
        }

        if !assigns && let Some(heads) = agency_heads {
            if !has_labelled_children && !structural {
                return self.duty_group(n, heads, part);
            }
            // "II. NHIỆM VỤ CỦA SỞ Y TẾ" over "1. Chủ trì, phối hợp với …": a part may
            // name who does its items too. "3. Sở Văn hóa …" / "Chủ trì, phối hợp với các
            // cơ quan có liên quan tham mưu cho …:" / "a) Tổ chức …": the heading's
            // introduction names its items' partners.
            let intro = self.joined_bodies(&self.body.nodes[n].body);
            if intro.trim_end().ends_with(':') {
                let (l, s) = agency::duty_agencies(&intro, &heads);
                if l == heads && !s.is_empty() {
                    self.intro_partners.entry(n).or_default().extend(s);
                }
            }
            self.addressees.insert(n, heads);
        }
        let leaf = !has_labelled_children && !structural;
        // When its bullets carry the tasks, the item itself is only their heading.
        let only_a_heading = bullet_tasks && !assigns;
        // "II. NỘI DUNG" listing the work that the appendix's table assigns.
        // "II.1.c" → "1.c": the numbering below a Roman part (a plan numbered 1, 2, 3
        // from the top keeps it whole).
        let path = match node.id.split_once('.') {
            Some((part, rest)) if part.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L')) => rest,
            _ => node.id.as_str(),
        };
        // An item that names neither who nor when, in a plan whose attached task table
        // assigns the work, is a heading over that table's rows, whatever its words.
        // (The inline assignment is looked for last: most plans attach no table.)
        let summary = !assigns
            && ((self.bullet_blocks(n).len() <= 1
                && self.covered.covers(path, &self.headings[n])
                // "Các bộ, ngành, địa phương tăng cường …": an item that opens with who
                // does it assigns the work, though a row repeats it.
                && agency::subject_agencies(first_sentence_of(&self.headings[n])).is_none())
                || (self.covered.exhaustive && self.assigns_nothing(n)))
            && self.assignment(n).is_none();
        let as_task = leaf
            && !only_a_heading
            && !summary
            && match part {
                PartKind::Tasks => true,
                // Aims and requirements ("Các đơn vị chủ trì nhiệm vụ … có trách nhiệm
                // hoàn thành đúng tiến độ") name who does the plan's work, not work.
                PartKind::Responsibilities | PartKind::Purpose => false,
                _ => assigns || self.assignment(n).is_some(),
            };
        // The time a programme runs for, under its scope ("3. Phạm vi, đối tượng và thời
        // gian thực hiện" / "- Thời gian thực hiện: Từ năm 2017 đến hết năm 2030"), is no
        // task: in an aims part only agencies make one.
        let assigns_here = assigns
            && (part != PartKind::Purpose
                || node
                    .fields
                    .iter()
                    .any(|(r, _)| matches!(r, FieldRole::Lead | FieldRole::Support)));
        if as_task || (assigns_here && !structural) {
            self.task(n, TaskKind::Task);
            if !has_labelled_children {
                return None;
            }
            // An item with its own fields and sub-items: the task owns its text, the
            // section only carries the tree.
            return Some(self.section(n, part, false));
        } else if leaf && part == PartKind::Responsibilities && !only_a_heading {
            let kind = if self.work_by_agency_only {
                TaskKind::Task
            } else {
                TaskKind::Duty
            };
            self.task(n, kind);
            return None;
        }
        Some(self.section(n, part, true))
    }

    /// "II. MỤC TIÊU, NHIỆM VỤ VÀ GIẢI PHÁP" over "1. Mục tiêu chung" and "2. Nhiệm vụ
    /// và giải pháp chủ yếu": a part named for its aims first and its tasks after holds
    /// its tasks under an item whose heading opens with the tasks' words.
    fn tasks_under_purpose(&self, n: NodeId, part: PartKind) -> PartKind {
        // A leaf is no item holding tasks: "2. Nội dung đào tạo, bồi dưỡng phải được thiết
        // kế …" under "III. ĐỐI TƯỢNG, NỘI DUNG VÀ HÌNH THỨC ĐÀO TẠO" describes them.
        if part != PartKind::Purpose
            || self.body.nodes[n].children.is_empty()
            || self.own_part_kind(n).is_some()
            || lexicon().part_kind_at(&self.headings[n], PartKind::Tasks) != Some(0)
        {
            return part;
        }
        let mut up = self.body.nodes[n].parent;
        while let Some(p) = up {
            if self.own_part_kind(p).is_some() {
                return if lexicon()
                    .part_kind_at(&self.headings[p], PartKind::Tasks)
                    .is_some()
                {
                    PartKind::Tasks
                } else {
                    part
                };
            }
            up = self.body.nodes[p].parent;
        }
        part
    }

    /// The kind a part heading gives its items; None when `n` is not a part. A top-level
    /// heading in capitals is a part whatever its numbering ("2. NHIỆM VỤ CỤ THỂ" in a
    /// plan numbered 1, 2, 3 from the top), and so are the numbered parts that an
    /// article sets out ("Điều 1. Phê duyệt … với các nội dung chủ yếu sau:" / "6. Tổ
    /// chức thực hiện"): their ids start at the top.
    fn own_part_kind(&self, n: NodeId) -> Option<PartKind> {
        let node = &self.body.nodes[n];
        let NodeKind::Labelled(label) = &node.kind else {
            return None;
        };
        let heading = &self.headings[n];
        let top_caps = node.parent == Some(0) && crate::blocks::is_all_caps(heading);
        let article_part = matches!(label.level, Level::Decimal(1))
            && node.id == label.text
            && node.parent.is_some_and(|p| {
                matches!(&self.body.nodes[p].kind, NodeKind::Labelled(l) if l.level == Level::Article)
            });
        let is_part = top_caps
            || article_part
            || matches!(label.level, Level::Roman | Level::Part | Level::Chapter);
        // "Điều 2. … đề nghị Ủy ban nhân dân tỉnh chỉ đạo thực hiện một số công việc
        // sau:": a resolution's article that introduces the work below it.
        if !is_part && label.level == Level::Article && lexicon().introduces_tasks(heading) {
            return Some(PartKind::Tasks);
        }
        is_part.then(|| lexicon().part_kind(heading))
    }

    /// A section for `n`; `owns_text` is false when a task already owns its lines.
    fn section(&mut self, n: NodeId, part: PartKind, owns_text: bool) -> Section {
        let node = &self.body.nodes[n];
        let id = node.id.clone();
        let owner = Owner::Section(Arc::from(id.as_str()));
        let mut own: Vec<usize> = node
            .head
            .into_iter()
            .chain(node.body.iter().copied())
            .collect();
        own.extend(node.owned_field_blocks());
        // Bullets of a section that is not a duty heading are part of its text.
        let mut text_parts: Vec<String> = node
            .body
            .iter()
            .map(|&b| self.body.blocks[b].text.clone())
            .collect();
        for b in self.bullet_blocks(n) {
            own.push(b);
            text_parts.push(self.body.blocks[b].text.clone());
        }
        let span = span_of(&self.body.blocks, &own);
        if owns_text {
            for &b in &own {
                self.claim_block(b, &owner);
            }
        } else {
            text_parts.clear();
        }
        let text = (!text_parts.is_empty()).then(|| collapse_ws(&text_parts.join(" ")));
        let label = node.label.clone();
        let title = self.heading(n);
        let children = self.children_sections(n, part);
        Section {
            id,
            label,
            title,
            text,
            span,
            children,
        }
    }

    /// The deadline a task's prose gives: a marked phrase ("…, hoàn thành trong năm
    /// 2026"), else one of [`Lowerer::unmarked_deadline`].
    fn prose_deadline(&self, text: &str) -> Option<Deadline> {
        find_inline_deadline(text, self.year)
            .map(|(_, d)| d)
            .or_else(|| self.unmarked_deadline(text))
    }

    /// A deadline with no marker: closing brackets ("(khi Bộ Y tế có văn bản triển
    /// khai)"), an opening clause ("Trong năm 2025, …"), a closing condition ("… khi
    /// Chính phủ ban hành …"), a closing time, an opening ongoing word, and last a time
    /// after a verb's object or addressee ("báo cáo Thủ tướng Chính phủ trong tháng 5").
    fn unmarked_deadline(&self, text: &str) -> Option<Deadline> {
        closing_bracket_deadline(text, self.year)
            .or_else(|| opening_clause_deadline(text, self.year))
            .or_else(|| closing_condition_deadline(text))
            .or_else(|| closing_time_deadline(text, self.year))
            .or_else(|| opening_ongoing_deadline(text))
            .or_else(|| gapped_deadline(text, self.year))
    }

    /// A per-agency heading with its duties: the heading is a section, each bullet a duty.
    /// In a tasks part ("II. NỘI DUNG" set out by agency) they are the plan's tasks, and
    /// so they are in a plan that has no part of tasks or measures.
    fn duty_group(&mut self, n: NodeId, heads: Vec<Agency>, part: PartKind) -> Option<Section> {
        let kind = if part == PartKind::Tasks
            || (part == PartKind::Responsibilities && self.work_by_agency_only)
        {
            TaskKind::Task
        } else {
            TaskKind::Duty
        };
        self.duty_heads.insert(n, heads.clone());
        let node = &self.body.nodes[n];
        let bullets = self.bullet_children(n);
        if bullets.is_empty() {
            // "9. Sở Tài nguyên và Môi trường" + one paragraph: the item is the duty.
            let blocks: Vec<usize> = node.body.clone();
            let text = self.joined(&blocks);
            // "2. Sở Khoa học và Công nghệ, Sở Nội vụ" over "Sở Khoa học và Công nghệ
            // chủ trì, phối hợp với Sở Nội vụ …": the paragraph says who does what.
            let first = first_sentence_of(&text);
            let own = agency::parse_inline_assignment(first).filter(|a| !a.lead.is_empty());
            let (lead, mut support, mut deadline) = match own {
                Some(a) => {
                    let rest = first.get(a.rest_start..).unwrap_or("");
                    (
                        a.lead,
                        a.support,
                        deadline_after_assignment(rest, self.year),
                    )
                }
                None => {
                    let (lead, support) = agency::duty_agencies(&text, &heads);
                    (lead, support, None)
                }
            };
            if support.is_empty() {
                support = clause_support(&text, &lead);
            }
            // The heading's own field lines ("- Kết quả: …") are the duty's too.
            let all: Vec<usize> = node
                .head
                .into_iter()
                .chain(blocks)
                .chain(node.owned_field_blocks())
                .collect();
            if deadline.is_none() {
                deadline = self.prose_deadline(&text);
            }
            self.push_task(
                n,
                kind,
                node.label.clone(),
                node.id.clone(),
                first_sentence(&text),
                text,
                lead,
                support,
                deadline,
                &all,
            );
            return None;
        }
        let id = node.id.clone();
        let owner = Owner::Section(Arc::from(id.as_str()));
        // Field lines of the heading itself ("- Kết quả: …" under "1. Các sở, ngành:")
        // belong to its section.
        let own: Vec<usize> = node
            .head
            .into_iter()
            .chain(node.body.iter().copied())
            .chain(node.owned_field_blocks())
            .collect();
        for &b in &own {
            self.claim_block(b, &owner);
        }
        let intro = (!node.body.is_empty()).then(|| self.joined(&node.body));
        let section = Section {
            id,
            label: node.label.clone(),
            title: self.heading(n),
            text: intro,
            span: span_of(&self.body.blocks, &own),
            children: Vec::new(),
        };
        // A bullet that only introduces its points is their heading, and the points are
        // the duties: "- Nghiên cứu, tham mưu Lãnh đạo Bộ:" (short, work and whom it is
        // for) or "- Bộ Tài chính:", "- UBND thành phố Hà Nội … cần tập trung … như sau:"
        // (who does the points) over "+ …" lines.
        // Read once: a group may hold many bullets.
        let asking = self.intro_text(n).map(str::to_owned);
        let mut duties: Vec<(NodeId, Vec<Agency>)> = Vec::new();
        let mut queue: std::collections::VecDeque<(NodeId, Vec<Agency>)> =
            bullets.into_iter().map(|b| (b, heads.clone())).collect();
        // "a) Bộ Tài chính chủ trì, phối hợp với các bộ, cơ quan, địa phương:": the
        // partners the heading names help with each of its points that names no partner
        // of its own ("Cử chuyên viên phối hợp với Ủy ban nhân dân xã …" keeps its own).
        let partners = self.intro_partners.get(&n).cloned().unwrap_or_default();
        while let Some((b, above)) = queue.pop_front() {
            match self.point_heads(b, &above) {
                Some((points, own)) => {
                    if let Some(h) = self.body.nodes[b].head {
                        self.claim_block(h, &owner);
                    }
                    for p in points.into_iter().rev() {
                        queue.push_front((p, own.clone()));
                    }
                }
                None => duties.push((b, above)),
            }
        }
        for (b, heads) in duties {
            let bn = &self.body.nodes[b];
            let mut blocks: Vec<usize> =
                bn.head.into_iter().chain(bn.body.iter().copied()).collect();
            blocks.extend(self.bullet_blocks(b));
            let text = self.joined_bodies(&blocks);
            // "c) Đề nghị Trung ương Mặt trận …" / "- Chỉ đạo Hội Nông dân Việt Nam …":
            // the body asked directs, the one it names does the work. ("- Chỉ đạo lực
            // lượng các cấp, phối hợp …" names no body: the work stays the asked one's.)
            let named = |d: &Vec<Agency>| d.iter().all(|a| !a.group);
            let (mut lead, mut support) = match handed_on(&text) {
                Some(subject) => (subject, Vec::new()),
                None => match asking
                    .as_deref()
                    .and_then(|a| directed_by(a, &text))
                    .filter(named)
                {
                    Some(directed) => agency::duty_agencies(&text, &directed),
                    None => agency::duty_agencies(&text, &heads),
                },
            };
            if support.is_empty() {
                support = clause_support(&text, &lead);
            }
            if support.is_empty() && lead == heads && !agency::names_support_role(&text) {
                support = partners.clone();
            }
            // A duty's own field lines ("+ Thời gian hoàn thành: ...") override the prose.
            let mut deadline = None;
            blocks.extend(bn.owned_field_blocks());
            for (role, fb) in &bn.fields {
                let value = self.body.blocks[*fb].body();
                match role {
                    FieldRole::Lead => {
                        let (l, s) = self.memo.lead(value);
                        lead = l;
                        if !s.is_empty() {
                            support = s;
                        }
                    }
                    FieldRole::Support => support = self.memo.agencies(value),
                    FieldRole::Deadline => {
                        deadline = Some(self.memo.deadline(value, self.year).deadline)
                    }
                    FieldRole::Other => {}
                }
            }
            let deadline = deadline.or_else(|| self.prose_deadline(&text));
            self.push_task(
                b,
                kind,
                bn.label.clone(),
                bn.id.clone(),
                first_sentence(&text),
                text,
                lead,
                support,
                deadline,
                &blocks,
            );
        }
        Some(section)
    }

    /// When bullet `b` of a duty group only introduces its points (see
    /// [`Lowerer::duty_group`]): the points and who does them (`above`, the group's
    /// agencies, unless the bullet names its own).
    fn point_heads(&self, b: NodeId, above: &[Agency]) -> Option<(Vec<NodeId>, Vec<Agency>)> {
        // The cheap tests first: most duties introduce nothing.
        if !self.introduces_points(b) || !self.body.nodes[b].fields.is_empty() {
            return None;
        }
        let points = self.bullet_children(b);
        // Numbers in brackets inside a paragraph ("(1) DVC trực tuyến; (2) …") are the
        // bullet's own objects, not duties of their own.
        if points.is_empty()
            || points
                .iter()
                .any(|&p| self.body.nodes[p].kind == NodeKind::Bullet('('))
        {
            return None;
        }
        let heading = self.headings[b].trim_end().trim_end_matches(':');
        if let Some(own) = self
            .bullet_agency_heading(b)
            .or_else(|| agency::subject_agencies(heading))
        {
            return Some((points, own));
        }
        let short = heading.split_whitespace().count() <= SHORT_INTRO_WORDS;
        (short && agency::opens_with_work(heading)).then(|| (points, above.to_vec()))
    }

    /// "- Thời gian thực hiện:" with no value, over "+ … trước ngày 15/12/2025." / "+ …
    /// trước ngày 31/12/2025.": the points right below a field of item `n` (up to its
    /// next field) are its value.
    fn points_below(&self, n: NodeId, field: usize) -> String {
        let next_field = self.body.nodes[n]
            .fields
            .iter()
            .map(|&(_, f)| f)
            .filter(|&f| f > field)
            .min()
            .unwrap_or(usize::MAX);
        let points: Vec<usize> = self
            .bullet_blocks(n)
            .into_iter()
            .filter(|&k| k > field && k < next_field)
            .collect();
        if points.first() != Some(&(field + 1)) {
            return String::new();
        }
        points
            .iter()
            .map(|&k| self.body.blocks[k].body())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// A task (or a duty outside an agency heading) from a labelled item.
    fn task(&mut self, n: NodeId, kind: TaskKind) {
        let node = &self.body.nodes[n];
        let heading = self.heading(n);
        let mut blocks: Vec<usize> = node
            .head
            .into_iter()
            .chain(node.body.iter().copied())
            .collect();
        let mut texts: Vec<String> = std::iter::once(heading.clone())
            .chain(
                node.body
                    .iter()
                    .map(|&b| collapse_ws(&self.body.blocks[b].text)),
            )
            .filter(|t| !t.is_empty())
            .collect();
        let mut assignment: Option<(Assignment, String)> = None;
        for b in self.bullet_blocks(n) {
            blocks.push(b);
            let body = self.body.blocks[b].body().to_owned();
            if assignment.is_none()
                && let Some(a) = agency::parse_inline_assignment(&body)
            {
                assignment = Some((a, body));
                continue;
            }
            texts.push(collapse_ws(&self.body.blocks[b].text));
        }
        let text = texts.join(" ");
        let (mut lead, mut support, mut deadline) = (Vec::new(), Vec::new(), None);
        blocks.extend(node.owned_field_blocks());
        for (role, b) in &node.fields {
            let points;
            let mut value = self.body.blocks[*b].body();
            if *role == FieldRole::Deadline && value.is_empty() {
                points = self.points_below(n, *b);
                value = &points;
            }
            match role {
                FieldRole::Lead => {
                    let (l, s) = self.memo.lead(value);
                    lead.extend(l);
                    support.extend(s);
                }
                FieldRole::Support => support.extend(self.memo.agencies(value)),
                FieldRole::Deadline if deadline.is_none() && !value.is_empty() => {
                    let parsed = self.memo.deadline(value, self.year);
                    if !parsed.understood {
                        self.warn_block(
                            "unrecognized-deadline",
                            format!("deadline not understood: \"{}\"", preview(value)),
                            *b,
                            &node.id,
                        );
                    }
                    deadline = Some(parsed.deadline);
                }
                _ => {}
            }
        }
        // The prose is searched for "X chủ trì, phối hợp Y ..." only when the field lines
        // left something open.
        if assignment.is_none() && (lead.is_empty() || support.is_empty() || deadline.is_none()) {
            // Each piece on its own: a heading without a full stop ("2. Phát triển hạ
            // tầng số") must not run into the sentence below it, whose subject it would
            // hide ("Sở Thông tin và Truyền thông chủ trì, ...").
            let all: Vec<&str> = texts.iter().flat_map(|t| sentences(t)).collect();
            assignment = all.iter().enumerate().find_map(|(k, s)| {
                let mut a = agency::parse_inline_assignment(s)?;
                let mut sentence = (*s).to_owned();
                // "Giao Sở Nội vụ chủ trì; Sở Tài chính, Sở Tư pháp phối hợp thực hiện
                // trong năm 2025.": the partners, and the time, in the sentence after ";"
                // (a capital opens it; within one sentence the assignment finds them).
                if a.support.is_empty()
                    && s.ends_with(';')
                    && let Some(next) = all.get(k + 1)
                    && let Some(partners) = agency::partners_by_role(next)
                {
                    a.support = partners;
                    sentence = format!("{s} {next}");
                }
                Some((a, sentence))
            });
        }
        if let Some((a, sentence)) = &assignment {
            if lead.is_empty() {
                lead = a.lead.clone();
            }
            if support.is_empty() {
                support = a.support.clone();
            }
            if deadline.is_none() {
                let rest = sentence.get(a.rest_start..).unwrap_or("");
                deadline = deadline_after_assignment(rest, self.year);
            }
        }
        // "1. Sở Y tế" over "a) Chủ trì, phối hợp với …": the heading names who does
        // the item, with the roles a duty's opening gives.
        // "8. Giám đốc Sở, Thủ trưởng cơ quan" / "b) Giao Thanh tra thành phố tổ chức …":
        // an item that hands its work on names who does it, whatever the heading.
        if lead.is_empty()
            && self.addressee(n).is_some()
            && let Some(subject) = handed_on(&text).or_else(|| self.directed(n, &text))
        {
            lead = subject;
        }
        if lead.is_empty()
            && let Some(heads) = self.addressee(n)
        {
            let (l, s) = agency::duty_agencies(&text, heads);
            lead = l;
            if support.is_empty() {
                support = s;
            }
            if support.is_empty() {
                support = clause_support(&text, &lead);
            }
            // The partners the heading or its introduction names support every item,
            // with any the item names itself ("3. Bộ Tài chính chủ trì, phối hợp với các
            // cơ quan, địa phương:" / "b) …; phối hợp với Bộ Công an rà soát …").
            if lead == heads
                && let Some(partners) = self.addressee_partners(n)
            {
                // One the item already names, perhaps more fully ("các bộ, cơ quan, địa
                // phương" for the heading's "các cơ quan, địa phương"), is not added twice.
                for p in partners {
                    let named = support
                        .iter()
                        .any(|s| p.key.split('-').all(|w| s.key.split('-').any(|x| x == w)));
                    if !named {
                        support.push(p.clone());
                    }
                }
            }
        }
        // "Chủ trì, phối hợp với X …" with no agency above it: X supports whoever
        // issued the plan; "Phối hợp với X …": X leads.
        if lead.is_empty() && support.is_empty() && agency::opens_with_role(&text) {
            (lead, support) = agency::duty_agencies(&text, &[]);
        }
        let mut assigned_in = None;
        if lead.is_empty()
            && let Some(p) = parenthetical_assignment(&text, self.year)
        {
            lead = p.lead;
            if support.is_empty() {
                support = p.support;
            }
            deadline = deadline.or(p.deadline);
            assigned_in = Some(p.group);
        }
        let colon_lead = agency::colon_lead(&heading);
        if lead.is_empty()
            && let Some((agencies, at)) = &colon_lead
        {
            // The work after the colon is a duty of the agencies before it: "Văn phòng
            // UBND tỉnh: Phối hợp với Công an tỉnh …" is led by Công an tỉnh.
            let (l, s) = agency::duty_agencies(&heading[*at..], agencies);
            lead = l;
            if support.is_empty() {
                support = s;
            }
            // "Ủy ban nhân dân cấp xã: đầu tư …; Chủ trì, phối hợp với các Sở, ban
            // ngành … thực hiện …": a later clause names who supports.
            if support.is_empty() {
                support = clause_support(&text, &lead);
            }
        }
        if lead.is_empty() {
            (lead, support) = inline_field_agencies(&text, support);
        }
        if lead.is_empty() {
            // The subject of the heading, else of a body paragraph's first sentence
            // ("Giao Sở Tư pháp thực hiện; ...", "Các sở, ban, ngành thực hiện rà soát").
            // A heading that names its topic first says who after the colon ("2. Đẩy
            // mạnh hoàn thiện thể chế: Các bộ khẩn trương trình Chính phủ …").
            let after_colon = first_sentence_of(&heading)
                .split_once(": ")
                .filter(|(topic, _)| crate::blocks::is_heading_text(topic))
                .map(|(_, rest)| first_sentence_of(rest));
            lead = std::iter::once(heading.as_str())
                .chain(after_colon)
                .chain(texts.iter().skip(1).map(|t| first_sentence_of(t)))
                .find_map(agency::subject_agencies)
                .unwrap_or_default();
            // "Các bộ, cơ quan ngang bộ … chủ động rà soát …; phối hợp với Bộ Nội vụ
            // hướng dẫn …": a later clause of the subject's work names its partners.
            if !lead.is_empty() && support.is_empty() {
                support = clause_support(&text, &lead);
            }
        }
        if kind == TaskKind::Task && lead.is_empty() && support.is_empty() {
            // A task of its part's doers ("…; chủ động phối hợp với Thanh tra Chính phủ,
            // các Bộ, ngành khác …"): a later clause still names who supports.
            support = clause_support(&text, &[]);
        }
        // A bare condition read from prose ("… di dời hộ dân theo lộ trình.") gives way
        // to a marked date elsewhere in the task ("…, hoàn thành trong năm 2026"); a
        // field's condition is the plan's word and stays.
        let from_prose = !node.fields.iter().any(|(r, _)| *r == FieldRole::Deadline);
        let only_condition = |d: &Deadline| d.due.is_none() && !d.ongoing && d.start.is_none();
        if (deadline.is_none() || (from_prose && deadline.as_ref().is_some_and(only_condition)))
            && let Some((_, d)) = find_inline_deadline(&text, self.year)
        {
            deadline = Some(d);
        }
        if deadline.is_none() {
            deadline = self.unmarked_deadline(&text);
        }
        if deadline.is_none() {
            deadline = self.heading_deadline(n);
        }
        let mut title = self.title(n);
        // The assignment in brackets is in `lead`, `support` and `deadline` now: the
        // title names the work only.
        if let Some(group) = assigned_in {
            title = without_group(&title, group);
        }
        // "Sở Y tế: Rà soát …": the agency is the lead, the title is the work.
        if let Some((_, at)) = colon_lead
            && heading.starts_with(title.as_str())
            && let Some(work) = title.get(at..).filter(|w| !w.is_empty())
        {
            title = work.to_owned();
        }
        self.push_task(
            n,
            kind,
            node.label.clone(),
            node.id.clone(),
            title,
            text,
            lead,
            support,
            deadline,
            &blocks,
        );
    }

    #[allow(clippy::too_many_arguments)]
    fn push_task(
        &mut self,
        n: NodeId,
        kind: TaskKind,
        label: String,
        id: String,
        title: String,
        text: String,
        lead: Vec<Agency>,
        support: Vec<Agency>,
        deadline: Option<Deadline>,
        blocks: &[usize],
    ) {
        debug_assert_eq!(text, collapse_ws(&text), "task text is collapsed");
        // An agency named twice for one task (a field and its sub-row) is listed once.
        let (lead, support) = (distinct(lead), distinct(support));
        let owner = Owner::Task(Arc::from(id.as_str()));
        for &b in blocks {
            self.claim_block(b, &owner);
        }
        let section = self.ancestors(n);
        let span = span_of(&self.body.blocks, blocks);
        let details = details(&self.body.blocks, blocks);
        self.tasks.push(Task {
            id,
            kind,
            section,
            label,
            title,
            // Every caller joins already collapsed pieces with single spaces.
            text,
            lead,
            support,
            deadline,
            details,
            span,
        });
    }

    /// Ids of the enclosing labelled items, outermost first.
    fn ancestors(&self, n: NodeId) -> Vec<String> {
        let mut out = Vec::new();
        let mut p = self.body.nodes[n].parent;
        while let Some(i) = p {
            if matches!(self.body.nodes[i].kind, NodeKind::Labelled(_)) {
                out.push(self.body.nodes[i].id.clone());
            }
            p = self.body.nodes[i].parent;
        }
        out.reverse();
        out
    }

    /// The unnumbered bullets right under `n`, in order.
    fn bullet_children(&self, n: NodeId) -> Vec<NodeId> {
        self.body.nodes[n]
            .children
            .iter()
            .copied()
            .filter(|&c| matches!(self.body.nodes[c].kind, NodeKind::Bullet(_)))
            .collect()
    }

    /// Block indices of all bullets (and their sub-bullets, fields and prose) under `n`.
    fn bullet_blocks(&self, n: NodeId) -> Vec<usize> {
        let mut out = Vec::new();
        for &c in &self.body.nodes[n].children {
            let cn = &self.body.nodes[c];
            if matches!(cn.kind, NodeKind::Bullet(_)) && !self.bullet_tasks.contains(&c) {
                out.extend(cn.head);
                out.extend(cn.body.iter().copied());
                out.extend(cn.owned_field_blocks());
                out.extend(self.bullet_blocks(c));
            }
        }
        out
    }

    /// The item's own heading text (after its label).
    fn heading(&self, n: NodeId) -> String {
        self.headings[n].clone()
    }

    /// Task title: a heading that stands alone, else the first sentence.
    fn title(&self, n: NodeId) -> String {
        let heading = self.heading(n);
        let body = &self.body.nodes[n].body;
        if heading.is_empty() {
            // "1." alone on its line, the text below it.
            return body.first().map_or_else(String::new, |&b| {
                first_sentence(&collapse_ws(&self.body.blocks[b].text))
            });
        }
        if self.heading_only(n) && !body.is_empty() {
            return heading;
        }
        first_sentence(&heading)
    }

    /// The heading block is a short title line, not the start of a paragraph.
    fn heading_only(&self, n: NodeId) -> bool {
        crate::blocks::is_heading_text(&self.headings[n])
    }

    /// The agencies of a per-agency responsibility heading ("3. Sở Thông tin và Truyền thông").
    fn agency_heading(&self, n: NodeId) -> Option<Vec<Agency>> {
        let node = &self.body.nodes[n];
        let has_content = !node.body.is_empty() || !node.children.is_empty();
        // A collective's members in brackets or after a colon may make a heading long
        // ("1. Các cơ quan đăng ký đầu tư (Sở Tài chính, Ban quản lý Khu Kinh tế …, …):",
        // "3. Các đơn vị chuyên môn: Khoa Lý luận Chính trị, Viện …"): its length is
        // counted without them.
        let short = || {
            let heading = &self.headings[n];
            let named = heading.split_once(':').map_or(heading.as_str(), |(h, _)| h);
            crate::blocks::is_heading_text(&outside_brackets(named))
        };
        if !has_content || !(self.heading_only(n) || short()) {
            return None;
        }
        agency::agency_heading(&self.headings[n])
    }

    /// The agencies a line of their own names between a heading and its bullets ("b)
    /// Hoàn thiện hạ tầng kỹ thuật …" / "Ủy ban nhân dân các tỉnh, thành phố trực thuộc
    /// trung ương:" / "- Rà soát …"): the heading's only paragraph, all agencies, ending
    /// with ":".
    fn agency_line_below(&self, n: NodeId) -> Option<Vec<Agency>> {
        let node = &self.body.nodes[n];
        let mut text = node
            .body
            .iter()
            .map(|&b| &self.body.blocks[b])
            .filter(|b| b.kind != LineKind::Blank);
        let (Some(only), None) = (text.next(), text.next()) else {
            return None;
        };
        let line = only.text.trim_end().strip_suffix(':')?;
        // Over bullets, or over lettered items ("1.2. Hỗ trợ khẩn cấp về nhà ở" / "Ủy ban
        // nhân dân các tỉnh, thành phố:" / "a) Huy động …").
        let items = || {
            node.children
                .iter()
                .any(|&c| matches!(self.body.nodes[c].kind, NodeKind::Labelled(_)))
        };
        if (self.bullet_children(n).is_empty() && !items()) || !node.fields.is_empty() {
            return None;
        }
        agency::agency_heading(line)
    }

    /// The agencies a bullet that only introduces its points names ("- Sở Y tế:",
    /// "- Chỉ đạo Sở Nông nghiệp và PTNT:", "- Bộ Công Thương" over "+ …"): a heading of
    /// one line that ends with ":" or is all agencies, with no paragraph or field of its
    /// own.
    fn bullet_agency_heading(&self, b: NodeId) -> Option<Vec<Agency>> {
        let bare = || self.body.nodes[b].body.is_empty() && !self.headings[b].ends_with('.');
        if !(self.introduces_points(b) || bare())
            || !self.body.nodes[b].fields.is_empty()
            || self.bullet_children(b).is_empty()
        {
            return None;
        }
        agency::agency_heading(&self.headings[b])
    }

    /// Whether item `n` (not a table row) names no agency and no time: no agencies as the
    /// subject of its heading or of a paragraph, no deadline phrase (the caller has found
    /// no inline assignment).
    fn assigns_nothing(&self, n: NodeId) -> bool {
        let node = &self.body.nodes[n];
        if node
            .head
            .is_some_and(|h| matches!(self.body.blocks[h].kind, LineKind::Label { row: true, .. }))
        {
            return false;
        }
        let mut blocks: Vec<usize> = node.body.clone();
        blocks.extend(self.bullet_blocks(n));
        let pieces: Vec<&str> = std::iter::once(self.headings[n].as_str())
            .chain(blocks.iter().map(|&b| self.body.blocks[b].body()))
            .collect();
        let text = collapse_ws(&pieces.join(" "));
        pieces.iter().all(|p| {
            agency::subject_agencies(first_sentence_of(p)).is_none() && !agency::opens_with_role(p)
        }) && find_inline_deadline(&text, self.year).is_none()
            && closing_bracket_deadline(&text, self.year).is_none()
            && opening_clause_deadline(&text, self.year).is_none()
    }

    /// The agencies of the nearest enclosing item headed by an agency name.
    fn addressee(&self, n: NodeId) -> Option<&[Agency]> {
        self.addressee_node(n)
            .map(|k| self.addressees[&k].as_slice())
    }

    /// The nearest item above `n` headed by an agency name.
    fn addressee_node(&self, n: NodeId) -> Option<NodeId> {
        let mut at = self.body.nodes[n].parent;
        while let Some(k) = at {
            if self.addressees.contains_key(&k) {
                return Some(k);
            }
            at = self.body.nodes[k].parent;
        }
        None
    }

    /// Under a heading that asks a body for the work ("Điều 2. … đề nghị Ủy ban nhân
    /// dân tỉnh chỉ đạo thực hiện các nhiệm vụ sau:"), an item "Chỉ đạo Sở Y tế …" is
    /// done by the agencies the body is to direct.
    fn directed(&self, n: NodeId, text: &str) -> Option<Vec<Agency>> {
        directed_by(self.intro_text(self.addressee_node(n)?)?, text)
    }

    /// The partners the nearest agency heading above `n` names for all its items.
    fn addressee_partners(&self, n: NodeId) -> Option<&[Agency]> {
        self.intro_partners
            .get(&self.addressee_node(n)?)
            .map(Vec::as_slice)
    }

    /// A heading of one sentence that opens with agencies (as its subject, or before a
    /// colon) and introduces the items below it (it ends with ":"): "Sở Y tế tập trung
    /// thực hiện các nhiệm vụ sau:", "Các bộ,
    /// cơ quan, địa phương căn cứ chức năng, nhiệm vụ, quyền hạn được giao:", "Bộ Tài
    /// chính chủ trì, phối hợp với các cơ quan, địa phương:". Its agencies, and the
    /// partners it names.
    fn intro_heading(&self, n: NodeId) -> Option<(Vec<Agency>, Vec<Agency>)> {
        let intro = self.intro_text(n)?;
        if sentences(intro).nth(1).is_some() {
            return None;
        }
        // "2. Các sở, ban, ngành, địa phương: Là các đơn vị được lấy ý kiến …, chịu
        // trách nhiệm … các nội dung sau:": the agencies before the first colon.
        // "4. Về lĩnh vực Tư pháp: Đề nghị UBND tỉnh chỉ đạo Công an tỉnh:": a topic,
        // then whom the items are for.
        let intro = after_topic(intro);
        // "Hội đồng nhân dân tỉnh đề nghị Ủy ban nhân dân tỉnh chỉ đạo thực hiện các
        // nhiệm vụ sau:": the items are for the body asked, not the one asking.
        if let Some(asked) = agency::asked_agencies(intro) {
            return Some((asked, Vec::new()));
        }
        let Some(subject) = agency::subject_agencies(intro) else {
            // "c) Đề nghị Trung ương Mặt trận Tổ quốc Việt Nam" over its points.
            return agency::colon_lead(intro)
                .map(|(heads, _)| heads)
                .or_else(|| agency::requested_agencies(intro))
                .map(|heads| (heads, Vec::new()));
        };
        match agency::parse_inline_assignment(intro) {
            Some(a) if a.lead == subject => Some((a.lead, a.support)),
            _ => Some((subject, Vec::new())),
        }
    }

    /// Whether `n` is a topic heading that says whom its bullets are for, and nothing
    /// else ("4. Về lĩnh vực Tư pháp: Đề nghị UBND tỉnh chỉ đạo Công an tỉnh:" over
    /// "- …").
    fn topic_intro(&self, n: NodeId) -> bool {
        self.introduces_points(n)
            && !self.bullet_children(n).is_empty()
            && after_topic(&self.headings[n]).len() < self.headings[n].len()
    }

    /// The heading of `n` when it introduces the points below it, without its colon: one
    /// that ends with ":", or a request with no text of its own over bullets ("c) Đề
    /// nghị Trung ương Mặt trận Tổ quốc Việt Nam" over "- Chỉ đạo …").
    fn intro_text(&self, n: NodeId) -> Option<&str> {
        let heading = self.headings[n].trim_end();
        let node = &self.body.nodes[n];
        heading.strip_suffix(':').or_else(|| {
            (node.body.is_empty()
                && node
                    .children
                    .iter()
                    .any(|&c| matches!(self.body.nodes[c].kind, NodeKind::Bullet(_)))
                && agency::requested_agencies(heading).is_some())
            .then_some(heading)
        })
    }

    /// Whether `n` is a request over bullets that has no colon ("c) Đề nghị Trung ương
    /// Mặt trận Tổ quốc Việt Nam" over "- Chỉ đạo Mặt trận Tổ quốc Việt Nam tại địa
    /// phương …"): it says who is asked for them, as "… đề nghị X:" does.
    fn asks_for_points(&self, n: NodeId) -> bool {
        !self.headings[n].trim_end().ends_with(':') && self.intro_text(n).is_some()
    }

    /// Whether `n` names its agency before a colon and introduces its bullets after it
    /// with work ("2. Vụ Tổ chức cán bộ: Tham mưu Lãnh đạo Bộ:" over "- …"; not "a) Đối
    /// với các bộ, ngành: Các hệ thống sử dụng …:", which says what is theirs).
    fn agency_intro(&self, n: NodeId) -> bool {
        let heading = &self.headings[n];
        self.introduces_points(n)
            && !self.bullet_children(n).is_empty()
            && agency::colon_lead(heading)
                .is_some_and(|(_, at)| agency::opens_with_work(&heading[at..]))
    }

    /// Whether `n`'s heading only introduces what is below it: it ends with ":" and no
    /// paragraph of its own follows.
    /// "a) Bộ Tài chính chủ trì, phối hợp với các bộ, cơ quan, địa phương:" over "-"
    /// bullets: a heading that is an assignment introducing its points names who does
    /// each of them.
    fn assignment_intro(&self, n: NodeId) -> bool {
        let heading = &self.headings[n];
        self.introduces_points(n)
            && self.bullet_children(n).len() >= 2
            && agency::parse_inline_assignment(heading).is_some_and(|a| !a.lead.is_empty())
    }

    fn introduces_points(&self, n: NodeId) -> bool {
        self.body.nodes[n].body.is_empty() && self.headings[n].trim_end().ends_with(':')
    }

    /// An inline assignment anywhere in the item's own text or bullets.
    fn assignment(&self, n: NodeId) -> Option<Assignment> {
        let node = &self.body.nodes[n];
        let mut blocks: Vec<usize> = node
            .head
            .into_iter()
            .chain(node.body.iter().copied())
            .collect();
        blocks.extend(self.bullet_blocks(n));
        blocks.iter().find_map(|&b| {
            let body = self.body.blocks[b].body();
            sentences(body).find_map(agency::parse_inline_assignment)
        })
    }

    /// A deadline that the headings give a task with none of its own: its heading ("Các
    /// nhiệm vụ cần làm ngay trong năm 2026"), else the nearest numbered item above it
    /// below the part ("3. Nhiệm vụ thường xuyên" over "3.1 …"). A date or an ongoing
    /// word counts; a condition alone does not.
    fn heading_deadline(&mut self, n: NodeId) -> Option<Deadline> {
        let mut at = Some(n);
        while let Some(k) = at {
            let node = &self.body.nodes[k];
            let NodeKind::Labelled(label) = &node.kind else {
                at = node.parent;
                continue;
            };
            if matches!(
                label.level,
                Level::Roman | Level::Part | Level::Chapter | Level::Article | Level::Heading
            ) {
                return None;
            }
            let heading = &self.headings[k];
            if crate::blocks::is_heading_text(heading) {
                // Memoised: every task below a heading asks about it.
                let parsed = self.memo.deadline(heading, self.year);
                let d = parsed.deadline;
                // A period ("trong năm 2026") or ongoing work; a bare day in a heading
                // is more likely the date of what it carries out than a deadline.
                let period = d.due.is_some() && d.precision != Some(crate::model::Precision::Day);
                if parsed.understood && (period || d.ongoing) && d.condition.is_none() {
                    return Some(d);
                }
                if let Some((_, d)) = find_inline_deadline(heading, self.year) {
                    return Some(d);
                }
            }
            at = node.parent;
        }
        None
    }

    /// Whether the first sentence of `n`'s heading names who does it: "X chủ trì …"
    /// or agencies as its subject ("Ủy ban nhân dân cấp xã hướng dẫn …").
    fn opens_with_assignment(&self, n: NodeId) -> bool {
        names_who(first_sentence_of(&self.headings[n]))
    }

    /// Whether `n`'s heading or its own paragraphs (not its bullets) assign the work:
    /// an inline assignment in any sentence, "Agency: work", or agencies as the subject
    /// of the heading or of a paragraph's first sentence.
    fn assigns_in_own_text(&self, n: NodeId) -> bool {
        let node = &self.body.nodes[n];
        let heading = self.headings[n].as_str();
        let paragraphs = || node.body.iter().map(|&b| self.body.blocks[b].text.as_str());
        agency::colon_lead(heading).is_some()
            || std::iter::once(heading)
                .chain(paragraphs())
                .flat_map(sentences)
                .any(|s| agency::parse_inline_assignment(s).is_some())
            || std::iter::once(heading)
                .chain(paragraphs().map(first_sentence_of))
                .any(names_who)
    }

    fn joined(&self, blocks: &[usize]) -> String {
        collapse_ws(
            &blocks
                .iter()
                .map(|&b| self.body.blocks[b].text.as_str())
                .collect::<Vec<_>>()
                .join(" "),
        )
    }

    /// Joined text with each block's bullet or label stripped from the first one only.
    fn joined_bodies(&self, blocks: &[usize]) -> String {
        let parts: Vec<&str> = blocks
            .iter()
            .enumerate()
            .map(|(k, &b)| {
                if k == 0 {
                    self.body.blocks[b].body()
                } else {
                    self.body.blocks[b].text.as_str()
                }
            })
            .collect();
        collapse_ws(&parts.join(" "))
    }

    fn warn_block(&mut self, code: &str, message: String, block: usize, task: &str) {
        self.warnings.push(Warning {
            code: code.into(),
            message,
            span: Some(span_of(&self.body.blocks, &[block])),
            task: Some(task.to_owned()),
        });
    }
}

/// Field lines that assign work (who or by when), not only "Sản phẩm: ...".
fn assigns_work(fields: &[(FieldRole, usize)]) -> bool {
    fields.iter().any(|(r, _)| {
        matches!(
            r,
            FieldRole::Lead | FieldRole::Support | FieldRole::Deadline
        )
    })
}

/// Who and when, from a parenthesis in the task's text.
struct Parenthetical<'a> {
    /// The bracketed text, brackets excluded.
    group: &'a str,
    lead: Vec<Agency>,
    support: Vec<Agency>,
    deadline: Option<Deadline>,
}

/// `agencies` without repeats (same key and note), first mention kept.
fn distinct(agencies: Vec<Agency>) -> Vec<Agency> {
    let mut out: Vec<Agency> = Vec::with_capacity(agencies.len());
    for a in agencies {
        if !out.iter().any(|o| o.key == a.key && o.note == a.note) {
            out.push(a);
        }
    }
    out
}

/// Field labels inside the prose, each opening a clause after the work: "Rà soát hạ
/// tầng mạng. Đơn vị thực hiện: Sở Khoa học và Công nghệ; thời gian: Quý III/2025." A
/// value counts only when all of it is an agency list. `support` found so far is kept
/// unless a support label names others.
fn inline_field_agencies(text: &str, support: Vec<Agency>) -> (Vec<Agency>, Vec<Agency>) {
    let mut lead = Vec::new();
    let mut named_support = Vec::new();
    // Most texts have no colon after their first clause.
    let Some(first_end) = text.find(['.', ';']) else {
        return (lead, support);
    };
    if !text[first_end..].contains(':') {
        return (lead, support);
    }
    for clause in text[first_end..].split(['.', ';']).map(str::trim) {
        let Some((at, role)) = crate::lines::field_value(clause) else {
            continue;
        };
        let Some(agencies) = agency::agency_heading(clause[at..].trim()) else {
            continue;
        };
        match role {
            FieldRole::Lead => lead.extend(agencies),
            FieldRole::Support => named_support.extend(agencies),
            _ => {}
        }
    }
    if named_support.is_empty() {
        (lead, support)
    } else {
        (lead, named_support)
    }
}

/// Whom a duty or an item under an agency heading hands its work on to: "Giao Thanh tra
/// thành phố tổ chức thanh tra …". Not "Yêu cầu các đơn vị khai thác khoáng sản …":
/// the agency requiring it does that work (`handoff_prefixes` in
/// `grammar/agencies.toml`).
fn handed_on(text: &str) -> Option<Vec<Agency>> {
    if !agency::opens_with_handoff(text) {
        return None;
    }
    agency::subject_agencies(first_sentence_of(text))
}

/// Who supports `lead` according to a later clause of its work: "…; Chủ trì, phối hợp
/// với Y …" or "…; phối hợp với Y xây dựng …" (split at ";" and "."), or a clause of
/// the first sentence after the doer's own work: "Chỉ đạo lực lượng các cấp, phối hợp
/// với Công an tỉnh, Ủy ban nhân dân các xã, phường tiến hành rà soát …".
fn clause_support(text: &str, lead: &[Agency]) -> Vec<Agency> {
    let mut sentences = text.split([';', '.']);
    let first = sentences.next().unwrap_or_default();
    // Clauses of the first sentence after a comma that open with a role; a list's
    // commas ("Chủ trì, phối hợp") open none the whole text has not already read.
    // (Most first sentences name no role: then none of their commas is looked at.)
    let named_role = first.contains(", ") && agency::mentions_role(first);
    let comma_clauses = first
        .match_indices(", ")
        .filter(move |_| named_role)
        .map(|(at, _)| &first[at + 2..])
        .filter(|clause| agency::opens_with_support_role(clause));
    // "Cử chuyên viên phối hợp với Ủy ban nhân dân xã, phường thống nhất …", "…
    // phối hợp chặt chẽ với chính quyền địa phương huy động …": the
    // partners named inside the first sentence's work, after its verb, when someone
    // leads it (with no lead, "Tăng cường phối hợp với …" names whom, not who helps).
    // (Looked for only when the clauses before name none: `flat_map` is lazy.)
    let inner_partners = std::iter::once(lead)
        .filter(|l| !l.is_empty())
        .flat_map(move |_| agency::support_role_offsets(first))
        .filter(|&at| at > 0)
        .map(move |at| &first[at..]);
    sentences
        // Most clauses name no role: they are skipped without being tokenized.
        .filter(|clause| agency::mentions_role(clause))
        .chain(comma_clauses)
        .chain(inner_partners)
        .find_map(|clause| {
            // "…; đồng thời, phối hợp chặt chẽ với Sở Tài chính …": the clause's work
            // after the word that joins it on.
            let clause = agency::after_clause_joiner(clause.trim());
            let (l, s) = agency::duty_agencies(clause, lead);
            if l == lead && !s.is_empty() {
                Some(s)
            } else if s == lead && l != lead && !l.is_empty() {
                Some(l)
            } else {
                None
            }
        })
        .unwrap_or_default()
}

/// "… (Sở Y tế chủ trì, phối hợp với Công an tỉnh thực hiện; hoàn thành trong Quý II/2024)"
/// or "… (Trách nhiệm: Sở Y tế; thời gian: năm 2024)": the first parenthesis that names
/// a lead, read as an inline assignment or as `label: value` fields.
fn parenthetical_assignment(text: &str, year: Option<i32>) -> Option<Parenthetical<'_>> {
    groups(text).into_iter().find_map(|inner| {
        let mut p = Parenthetical {
            group: inner,
            lead: Vec::new(),
            support: Vec::new(),
            deadline: None,
        };
        if let Some(a) = agency::parse_inline_assignment(inner) {
            p.lead = a.lead;
            p.support = a.support;
            let rest = inner.get(a.rest_start..).unwrap_or("");
            // "(… phối hợp với Văn phòng UBND tỉnh; Sở Tư pháp và các cơ quan có liên
            // quan tham mưu)": the partners go on after ";" up to the shared verb. (Partners
            // named by their role after ";", "(X chủ trì; Y phối hợp; …)", the assignment
            // found itself: they are not added twice.)
            if !p.support.is_empty()
                && let Some(more) = rest
                    .trim_start()
                    .strip_prefix(';')
                    .and_then(agency::subject_agencies)
            {
                let known: Vec<String> = p.support.iter().map(|a| a.key.clone()).collect();
                p.support
                    .extend(more.into_iter().filter(|a| !known.contains(&a.key)));
            }
            // "(Sở Y tế chủ trì; Sở Khoa học và Công nghệ phối hợp; hoàn thành …)": the
            // partners in a piece of their own, named by their role.
            p.deadline = deadline_after_assignment(rest, year);
            return Some(p);
        }
        // "(Giao Công an tỉnh tham mưu)": the agency given the work.
        if agency::opens_with_assignment_word(inner)
            && let Some(lead) = agency::subject_agencies(inner)
        {
            p.lead = lead;
            return Some(p);
        }
        for part in inner.split(';') {
            let part = part.trim();
            let Some(at) = crate::lines::field_value_start(part) else {
                continue;
            };
            let value = &part[at..];
            match lexicon().field_role(part) {
                Some(FieldRole::Lead) => p.lead.extend(agency::split_agencies(value)),
                Some(FieldRole::Support) => p.support.extend(agency::split_agencies(value)),
                Some(FieldRole::Deadline) => {
                    p.deadline = Some(parse_deadline(value, year).deadline)
                }
                _ => {}
            }
        }
        // "(Sở Xây dựng, Sở Tài chính theo chức năng, nhiệm vụ; năm 2026)": who and
        // when, with no labels, the agencies a whole list and the time a whole phrase.
        if p.lead.is_empty()
            && let Some((who, when)) = inner.split_once(';')
            && !when.contains(';')
            && let Some(lead) = agency::agency_heading(who)
        {
            let parsed = parse_deadline(when.trim(), year);
            if parsed.understood && !agency::opens_with_agency(when.trim()) {
                p.lead = lead;
                p.deadline = Some(parsed.deadline);
            }
        }
        (!p.lead.is_empty()).then_some(p)
    })
}

/// The contents of top-level parentheses in `text`.
fn groups(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    for (i, c) in text.char_indices() {
        match c {
            '(' => {
                if depth == 0 {
                    start = i + 1;
                }
                depth += 1;
            }
            ')' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    out.push(&text[start..i]);
                }
            }
            _ => {}
        }
    }
    out
}

/// `title` without the bracketed `group` ("Triển khai VNeID (Sở Tư pháp chủ trì)." →
/// "Triển khai VNeID."); unchanged when the group is not in it.
fn without_group(title: &str, group: &str) -> String {
    let bracketed = format!("({group})");
    let Some(at) = title.find(&bracketed) else {
        return title.to_owned();
    };
    let before = title[..at].trim_end();
    let after = title[at + bracketed.len()..].trim_start();
    let glue = if after.is_empty() || after.starts_with(['.', ',', ';', ':']) {
        ""
    } else {
        " "
    };
    format!("{before}{glue}{after}")
}

/// References cited anywhere in the body, first mention of each number.
fn references(body: &Body) -> Vec<Reference> {
    let mut out: Vec<Reference> = Vec::new();
    for b in &body.blocks {
        for c in find_citations(&b.text) {
            let r = c.reference;
            let key = r.number.clone().unwrap_or_else(|| r.text.clone());
            if !out
                .iter()
                .any(|o| o.number.as_ref().unwrap_or(&o.text) == &key)
            {
                out.push(r);
            }
        }
    }
    out
}

/// The task's field lines that name no lead, support or deadline ("Sản phẩm: …"), in
/// printed order, as label and value: the contract has no slot for them and the task's
/// text leaves field lines out.
fn details(all: &[Block], blocks: &[usize]) -> Vec<Detail> {
    let mut own: Vec<usize> = blocks
        .iter()
        .copied()
        .filter(|&b| {
            matches!(
                all[b].kind,
                LineKind::Field {
                    role: FieldRole::Other,
                    ..
                }
            )
        })
        .collect();
    own.sort_unstable();
    own.dedup();
    own.into_iter()
        .filter_map(|b| {
            let block = &all[b];
            let LineKind::Field { value, .. } = block.kind else {
                return None;
            };
            let text = collapse_ws(block.body());
            let label = block.text[..value]
                .trim_start_matches(['-', '+', '*', '•', ' '])
                .trim_end_matches([':', '*', ' ']);
            (!text.is_empty() && !label.is_empty()).then(|| Detail {
                label: collapse_ws(label),
                text,
            })
        })
        .collect()
}

/// `text` without its bracketed asides ("(…)"), brackets included; an unclosed bracket
/// runs to the end.
fn outside_brackets(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// The span covering `blocks`.
pub fn span_of(blocks: &[Block], which: &[usize]) -> Span {
    let first = which
        .iter()
        .map(|&b| blocks[b].first_line())
        .min()
        .unwrap_or(0);
    let last = which
        .iter()
        .map(|&b| blocks[b].last_line())
        .max()
        .unwrap_or(first);
    let page = which
        .iter()
        .min_by_key(|&&b| blocks[b].first_line())
        .and_then(|&b| blocks[b].page);
    Span {
        line_start: first,
        line_end: last,
        page,
    }
}

/// The topic parts of a plan with no part named for its tasks (see
/// [`Lowerer::topic_parts`]): unmatched parts after an aims part ("MỤC TIÊU", "QUAN
/// ĐIỂM") and before a measures, organisation or funding part.
fn topic_parts(l: &Lowerer) -> std::collections::HashSet<NodeId> {
    let parts: Vec<(NodeId, PartKind)> = (1..l.body.nodes.len())
        .filter_map(|n| l.own_part_kind(n).map(|k| (n, k)))
        .collect();
    let Some(first_aims) = parts.iter().position(|&(_, k)| k == PartKind::Purpose) else {
        return Default::default();
    };
    let Some(last_closing) = parts.iter().rposition(|&(_, k)| {
        matches!(
            k,
            PartKind::Measures | PartKind::Responsibilities | PartKind::Funding
        )
    }) else {
        return Default::default();
    };
    parts
        .iter()
        .enumerate()
        .filter(|&(i, &(_, k))| i > first_aims && i < last_closing && k == PartKind::Unknown)
        .map(|(_, &(n, _))| n)
        .collect()
}

/// The first sentence of `text`.
pub fn first_sentence(text: &str) -> String {
    first_sentence_of(text).to_owned()
}

/// Whether a sentence names who does its work: "X chủ trì …", "X phối hợp với Y …", or
/// agencies as its subject ("Ủy ban nhân dân cấp xã hướng dẫn …").
fn names_who(sentence: &str) -> bool {
    agency::parse_inline_assignment(sentence).is_some()
        || agency::subject_agencies(sentence).is_some()
}

/// `text` after a topic it opens with ("Về lĩnh vực Tư pháp: Đề nghị …" → "Đề nghị …";
/// `[parts] topic_openers`), or all of it.
fn after_topic(text: &str) -> &str {
    match text.split_once(':') {
        Some((topic, rest)) if lexicon().is_topic_heading(topic) => rest.trim_start(),
        _ => text,
    }
}

fn first_sentence_of(text: &str) -> &str {
    sentences(text).next().unwrap_or("")
}

fn preview(s: &str) -> String {
    let p: String = s.chars().take(60).collect();
    if p.len() < s.len() {
        format!("{p}…")
    } else {
        p
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::assert_accounted;
    use crate::test_support::roles;

    fn names(a: &[Agency]) -> Vec<&str> {
        a.iter().map(|x| x.name.as_str()).collect()
    }

    /// A task's due date (as text) and whether it is ongoing.
    fn due(t: &Task) -> (Option<String>, bool) {
        let d = t.deadline.as_ref();
        (
            d.and_then(|d| d.due).map(|d| d.to_string()),
            d.is_some_and(|d| d.ongoing),
        )
    }

    /// (text, lead, support, due)
    type Row<'a> = (&'a str, &'a [&'a str], &'a [&'a str], Option<&'a str>);

    /// Activities set out as bullets under bullets that assign nothing, written out or
    /// in a table whose rows carry no numbers: each activity with its agencies is a task.
    #[test]
    fn assigned_bullets_under_bullets_that_assign_nothing() {
        let written = "II. NHIỆM VỤ\n1. Nhóm hoạt động\n- Rà soát quy hoạch sử dụng rừng.\n+ Rà soát quy hoạch sử dụng đất.\nCơ quan chủ trì: Bộ Tài nguyên và Môi trường\nThời gian: 2017 - 2020\n+ Hỗ trợ lập quy hoạch cấp tỉnh.\nCơ quan chủ trì: Ủy ban nhân dân tỉnh\nThời gian: 2017 - 2020\n";
        let table = "PHỤ LỤC\n| TT | Nhóm hoạt động | Hoạt động | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |\n| --- | --- | --- | --- | --- | --- |\n\
            | a) | Nhóm hoạt động nhằm hạn chế mất rừng |\n\
            | - | Rà soát quy hoạch sử dụng rừng. | + Rà soát quy hoạch sử dụng đất. | Bộ Tài nguyên và Môi trường | Bộ Công Thương | 2017 - 2020 |\n\
            |  |  | + Hỗ trợ lập quy hoạch cấp tỉnh. | Ủy ban nhân dân tỉnh | Bộ Tài chính | 2017 - 2020 |\n\
            |  |  | + Thực hiện các hoạt động sau: |  |  |  |\n\
            |  |  | . Hỗ trợ mô hình quản lý rừng. | Ủy ban nhân dân tỉnh |  | 2017 - 2018 |\n\
            |  |  | . Tư vấn pháp lý cho người dân. | Bộ Tư pháp |  | 2017 - 2020 |\n";
        for (text, want) in [
            (
                written,
                &[
                    ("II.1#1#1", "Bộ Tài nguyên và Môi trường"),
                    ("II.1#1#2", "Ủy ban nhân dân tỉnh"),
                ][..],
            ),
            (
                table,
                &[
                    ("a#1#1", "Bộ Tài nguyên và Môi trường"),
                    ("a#1#2", "Ủy ban nhân dân tỉnh"),
                    ("a#1#3#1", "Ủy ban nhân dân tỉnh"),
                    ("a#1#3#2", "Bộ Tư pháp"),
                ][..],
            ),
        ] {
            let plan = crate::parse_text(text);
            let got: Vec<(&str, &str)> = plan
                .tasks
                .iter()
                .map(|t| {
                    (
                        t.id.as_str(),
                        t.lead.first().map_or("", |a| a.name.as_str()),
                    )
                })
                .collect();
            assert_eq!(got, want, "{text}");
            assert_accounted(text);
        }
    }

    /// The span a programme runs for, under its scope, is no task.
    #[test]
    fn a_programmes_span_is_no_task() {
        let plan = crate::parse_text(
            "I. PHẠM VI, ĐỐI TƯỢNG VÀ THỜI GIAN THỰC HIỆN\n1. Phạm vi: toàn quốc.\n- Thời gian thực hiện: Từ năm 2017 đến hết năm 2030.\nII. NHIỆM VỤ\n1. Rà soát quy hoạch.\n- Cơ quan chủ trì: Bộ Tài chính.\n",
        );
        let ids: Vec<&str> = plan.tasks.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, ["II.1"]);
    }

    /// An item heading without a full stop, then an inline assignment on the line
    /// below: the assignment's subject is the first words of its own sentence.
    #[test]
    fn inline_assignment_below_a_heading_without_a_stop() {
        for (body, lead, support) in [
            (
                "Sở Thông tin và Truyền thông chủ trì, phối hợp với Viettel Bình Định nâng cấp hạ tầng, hoàn thành trước ngày 30/9/2024.",
                &["Sở Thông tin và Truyền thông"][..],
                &["Viettel Bình Định"][..],
            ),
            (
                "Giao Sở Nội vụ chủ trì tổ chức các lớp bồi dưỡng kỹ năng số; hoàn thành trước ngày 30/9/2024.",
                &["Sở Nội vụ"][..],
                &[][..],
            ),
        ] {
            let text = format!("II. NHIỆM VỤ\n2. Phát triển hạ tầng số\n{body}\n");
            let plan = crate::parse_text(&text);
            let task = plan.tasks.first().unwrap_or_else(|| panic!("{text}"));
            assert_eq!(names(&task.lead), lead, "{text}");
            assert_eq!(names(&task.support), support, "{text}");
            let due = task
                .deadline
                .as_ref()
                .and_then(|d| d.due)
                .map(|d| d.to_string());
            assert_eq!(due.as_deref(), Some("2024-09-30"), "{text}");
        }
    }

    /// Leads named in the body rather than in a lead field: the subject of a paragraph's
    /// first sentence, and a responsibility field that gives both roles.
    #[test]
    fn leads_from_the_body_and_from_a_two_role_field() {
        let plan = crate::parse_text(
            "II. NHIỆM VỤ\n1. Cải cách thể chế\na) Xây dựng văn bản quy phạm pháp luật.\nTrách nhiệm: Sở Tư pháp chủ trì; các sở, ngành phối hợp.\nb) Kiểm tra, rà soát văn bản.\nGiao Sở Tư pháp thực hiện; thời gian hoàn thành: Quý III/2024.\n2. Cải cách thủ tục hành chính\nCác sở, ban, ngành thực hiện rà soát thủ tục; hoàn thành trước ngày 31/10/2024.\n",
        );
        let leads: Vec<(&str, Vec<&str>, Vec<&str>)> = plan
            .tasks
            .iter()
            .map(|t| (t.id.as_str(), names(&t.lead), names(&t.support)))
            .collect();
        assert_eq!(
            leads,
            [
                ("II.1.a", vec!["Sở Tư pháp"], vec!["các sở, ngành"]),
                ("II.1.b", vec!["Sở Tư pháp"], vec![]),
                ("II.2", vec!["Các sở, ban, ngành"], vec![]),
            ]
        );
    }

    /// "Agency: Phối hợp với X …" is that agency's duty: X leads, the agency supports;
    /// "Agency: Chủ trì, phối hợp với Y …" keeps the agency as lead, Y supports.
    #[test]
    fn agency_colon_duties_take_their_roles() {
        let plan = crate::parse_text(
            "III. PHÂN CÔNG NHIỆM VỤ\n1. Văn phòng UBND tỉnh: Phối hợp với Công an tỉnh và các cơ quan có liên quan tham mưu ban hành Quy chế.\n2. Sở Nội vụ: Chủ trì, phối hợp với Sở Tư pháp rà soát văn bản.\n3. Sở Tài chính: Bố trí kinh phí.\n",
        );
        assert_eq!(
            task_rows(&plan),
            [
                (
                    "III.1",
                    vec!["Công an tỉnh", "các cơ quan có liên quan"],
                    vec!["Văn phòng UBND tỉnh"]
                ),
                ("III.2", vec!["Sở Nội vụ"], vec!["Sở Tư pháp"]),
                ("III.3", vec!["Sở Tài chính"], vec![]),
            ]
        );
    }

    /// A lead field written as a sentence names its subject; a plain list with a
    /// qualifier keeps its note.
    #[test]
    fn lead_field_sentences() {
        let plan = crate::parse_text(
            "II. NHIỆM VỤ\n1. Tuyên truyền pháp luật lao động.\n- Cơ quan thực hiện: Sở Thông tin và Truyền thông đôn đốc, hướng dẫn các đơn vị, địa phương triển khai thực hiện.\n2. Mua sắm thiết bị.\n- Cơ quan chủ trì: Sở Tài chính, UBND cấp xã theo phân cấp quản lý nhà nước về đầu tư ứng dụng công nghệ thông tin.\n3. Xây dựng trụ sở.\n- Cơ quan chủ trì: Ban Quản lý dự án đầu tư xây dựng tỉnh.\n",
        );
        let got: Vec<(Vec<&str>, Vec<Option<&str>>)> = plan
            .tasks
            .iter()
            .map(|t| {
                (
                    names(&t.lead),
                    t.lead.iter().map(|a| a.note.as_deref()).collect(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (vec!["Sở Thông tin và Truyền thông"], vec![None]),
                (
                    vec!["Sở Tài chính", "UBND cấp xã"],
                    vec![
                        None,
                        Some(
                            "theo phân cấp quản lý nhà nước về đầu tư ứng dụng công nghệ thông tin"
                        )
                    ]
                ),
                (vec!["Ban Quản lý dự án đầu tư xây dựng tỉnh"], vec![None]),
            ]
        );
        // Clauses with subjects of their own: all lead, unless the first says it leads.
        let plan = crate::parse_text(
            "II. NHIỆM VỤ\n1. Rà soát văn bản.\n- Cơ quan thực hiện: Bộ Công an tiến hành rà soát các văn bản thuộc thẩm quyền; các bộ, cơ quan ngang bộ rà soát văn bản thuộc lĩnh vực quản lý.\n2. Công bố dữ liệu mở.\n- Chủ trì: Sở Khoa học và Công nghệ chủ trì hướng dẫn, tổng hợp; các sở, ngành, UBND cấp xã thực hiện công bố dữ liệu.\n\
             3. Phổ biến Luật.\n- Cơ quan thực hiện: Sở Nội vụ chủ trì tham mưu Ủy ban nhân dân Thành phố ban hành Kế hoạch; Sở Tư pháp và các sở, ban, ngành Thành phố chủ động tổ chức triển khai.\n\
             4. Tập huấn.\n- Cơ quan thực hiện: Sở Nội vụ chủ trì; các sở, ngành thực hiện.\n",
        );
        let got: Vec<(Vec<&str>, Vec<&str>)> = plan
            .tasks
            .iter()
            .map(|t| (names(&t.lead), names(&t.support)))
            .collect();
        assert_eq!(
            got,
            [
                (vec!["Bộ Công an", "các bộ, cơ quan ngang bộ"], vec![]),
                (
                    vec!["Sở Khoa học và Công nghệ"],
                    vec!["các sở, ngành", "UBND cấp xã"]
                ),
                (
                    vec!["Sở Nội vụ"],
                    vec!["Sở Tư pháp", "các sở, ban, ngành Thành phố"]
                ),
                (vec!["Sở Nội vụ"], vec!["các sở, ngành"]),
            ]
        );
    }

    /// Field labels inside an item's prose, after its work.
    #[test]
    fn field_labels_inside_prose() {
        let plan = crate::parse_text(
            "II. NHIỆM VỤ\n1. Rà soát hạ tầng mạng. Đơn vị thực hiện: Sở Khoa học và Công nghệ; thời gian: Quý III/2025.\n2. Số hóa hồ sơ. Cơ quan chủ trì: Sở Nội vụ; cơ quan phối hợp: các sở, ngành.\n3. Tập huấn. Nội dung: kỹ năng số cho cán bộ.\n",
        );
        assert_eq!(
            task_rows(&plan),
            [
                ("II.1", vec!["Sở Khoa học và Công nghệ"], vec![]),
                ("II.2", vec!["Sở Nội vụ"], vec!["các sở, ngành"]),
                ("II.3", vec![], vec![]),
            ]
        );
    }

    /// Bullets "Agency: work. Thời gian: …" under an item are tasks of their own.
    #[test]
    fn agency_colon_bullets_are_tasks() {
        let plan = crate::parse_text(
            "II. NHIỆM VỤ\n3. Hiện đại hóa nền hành chính\n- Sở Thông tin và Truyền thông: Nâng cấp hệ thống quản lý văn bản. Thời gian: tháng 5/2024.\n- Văn phòng UBND tỉnh: Vận hành Hệ thống thông tin báo cáo. Thời gian: thường xuyên.\n",
        );
        type Got<'a> = (&'a str, &'a str, Vec<&'a str>, Option<String>, bool);
        let got: Vec<Got> = plan
            .tasks
            .iter()
            .map(|t| {
                let (due, ongoing) = due(t);
                (
                    t.id.as_str(),
                    t.title.as_str(),
                    names(&t.lead),
                    due,
                    ongoing,
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    "II.3#1",
                    "Nâng cấp hệ thống quản lý văn bản.",
                    vec!["Sở Thông tin và Truyền thông"],
                    Some("2024-05-31".to_string()),
                    false
                ),
                (
                    "II.3#2",
                    "Vận hành Hệ thống thông tin báo cáo.",
                    vec!["Văn phòng UBND tỉnh"],
                    None,
                    true
                ),
            ]
        );
    }

    fn task_rows(plan: &crate::Plan) -> Vec<(&str, Vec<&str>, Vec<&str>)> {
        plan.tasks
            .iter()
            .map(|t| (t.id.as_str(), names(&t.lead), names(&t.support)))
            .collect()
    }

    /// Partners named by their role in the sentence after the lead's, and the time there.
    #[test]
    fn partners_in_the_sentence_after_the_lead() {
        let plan = crate::parse_text(
            "II. NHIỆM VỤ
1. Giao Sở Nội vụ chủ trì; Sở Tài chính, Sở Tư pháp phối hợp thực hiện trong năm 2025.
2. Giao Sở Y tế chủ trì; Sở Tài chính phối hợp với Sở Nội vụ bố trí kinh phí.
",
        );
        assert_eq!(
            task_rows(&plan),
            [
                (
                    "II.1",
                    vec!["Sở Nội vụ"],
                    vec!["Sở Tài chính", "Sở Tư pháp"]
                ),
                ("II.2", vec!["Sở Y tế"], vec![]),
            ]
        );
        let due = plan.tasks[0].deadline.as_ref().and_then(|d| d.due);
        assert_eq!(due.map(|d| d.to_string()).as_deref(), Some("2025-12-31"));
    }

    /// An agency heading whose introduction names partners and ends with ":" ("Chủ trì,
    /// phối hợp với các cơ quan có liên quan tham mưu cho …:") gives them to its items;
    /// an introduction that does not introduce (no colon) or names no partner gives none.
    #[test]
    fn an_introduction_gives_its_items_partners() {
        let plan = crate::parse_text(
            "II. NHIỆM VỤ
1. Rà soát quy hoạch.
III. TỔ CHỨC THỰC HIỆN
1. Sở Văn hóa, Thể thao và Du lịch
Chủ trì, phối hợp với các cơ quan có liên quan tham mưu cho Ủy ban nhân dân tỉnh:
a) Tổ chức quản lý nhà nước về văn hóa tại địa phương.
b) Phối hợp với Sở Tài chính bố trí vốn đối ứng.
2. Sở Xây dựng
Chủ trì thực hiện các nhiệm vụ được giao.
a) Quản lý quỹ đất.
",
        );
        assert_eq!(
            task_rows(&plan),
            [
                ("II.1", vec![], vec![]),
                (
                    "III.1.a",
                    vec!["Sở Văn hóa, Thể thao và Du lịch"],
                    vec!["các cơ quan có liên quan"]
                ),
                (
                    "III.1.b",
                    vec!["Sở Tài chính"],
                    vec!["Sở Văn hóa, Thể thao và Du lịch"]
                ),
                ("III.2.a", vec!["Sở Xây dựng"], vec![]),
            ]
        );
    }

    /// Who does an item that opens with a role and names no agency of its own: the
    /// agencies a heading names, in any of its wordings; "Phối hợp với X" makes X lead.
    #[test]
    fn roles_take_their_agency_from_a_heading_phrase() {
        let plan = crate::parse_text(
            "I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
2. Yêu cầu
- Các đơn vị chủ trì nhiệm vụ được giao có trách nhiệm hoàn thành đúng tiến độ.
II. NHIỆM VỤ CỦA SỞ Y TẾ
1. Chủ trì, phối hợp với các sở, ngành liên quan xây dựng quy chế phối hợp.
2. Phối hợp với Sở Tài chính bố trí kinh phí thực hiện.
III. TỔ CHỨC THỰC HIỆN
1. Trách nhiệm của Sở Nội vụ
a) Chủ trì, phối hợp với Sở Tư pháp rà soát thủ tục hành chính.
b) Phối hợp với Công an tỉnh triển khai tuyên truyền.
2. Sở Tài chính có trách nhiệm:
a) Hướng dẫn thanh quyết toán.
3. Sở Xây dựng, Sở Nội vụ
Sở Xây dựng chủ trì, phối hợp với Sở Nội vụ tổ chức tập huấn định kỳ hằng năm.
",
        );
        let rows: Vec<_> = plan
            .tasks
            .iter()
            .map(|t| {
                let canonical = |l: &[Agency]| -> Vec<String> {
                    l.iter().map(|a| a.canonical.clone()).collect()
                };
                (
                    t.id.as_str(),
                    t.kind,
                    canonical(&t.lead),
                    canonical(&t.support),
                )
            })
            .collect();
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        use TaskKind::{Duty, Task};
        assert_eq!(
            rows,
            [
                // "Yêu cầu" names who does the work, but is no work: not a task.
                (
                    "II.1",
                    Task,
                    s(&["Sở Y tế"]),
                    s(&["Các sở, ngành liên quan"])
                ),
                ("II.2", Task, s(&["Sở Tài chính"]), s(&["Sở Y tế"])),
                ("III.1.a", Duty, s(&["Sở Nội vụ"]), s(&["Sở Tư pháp"])),
                ("III.1.b", Duty, s(&["Công an tỉnh"]), s(&["Sở Nội vụ"])),
                ("III.2.a", Duty, s(&["Sở Tài chính"]), s(&[])),
                // The paragraph under the heading says who leads.
                ("III.3", Duty, s(&["Sở Xây dựng"]), s(&["Sở Nội vụ"])),
            ]
        );
        assert!(plan.tasks[5].deadline.as_ref().is_some_and(|d| d.ongoing));
    }

    /// A directive with no task part sets its work out by agency: the lettered items
    /// under each agency heading are its tasks. With no agency anywhere, "Chủ trì,
    /// phối hợp với X" still names X's role, and "Phối hợp <work>" names no one.
    #[test]
    fn work_set_out_by_agency_without_a_task_part() {
        let plan = crate::parse_text(
            "Chủ tịch UBND tỉnh yêu cầu thực hiện các nhiệm vụ sau:
**1. Sở
Khoa học và Công nghệ**
a) Chủ trì, phối hợp với Văn phòng UBND tỉnh triển khai tích hợp.
b) Tối ưu hóa Hệ thống thông tin giải quyết thủ tục hành chính.
**2. Sở Nội
vụ**
a) Phối hợp Văn phòng UBND tỉnh đánh giá chất lượng phục vụ.
",
        );
        assert_eq!(
            task_rows(&plan),
            [
                (
                    "1.a",
                    vec!["Sở Khoa học và Công nghệ"],
                    vec!["Văn phòng UBND tỉnh"]
                ),
                ("1.b", vec!["Sở Khoa học và Công nghệ"], vec![]),
                ("2.a", vec!["Văn phòng UBND tỉnh"], vec!["Sở Nội vụ"]),
            ]
        );
        assert!(plan.tasks.iter().all(|t| t.kind == TaskKind::Task));
        let plan = crate::parse_text(
            "II. NỘI DUNG
1. Chủ trì, phối hợp với Sở Tư pháp rà soát văn bản.
2. Phối hợp với Công an tỉnh cập nhật dữ liệu.
3. Phối hợp xây dựng phần mềm quản lý.
",
        );
        assert_eq!(
            task_rows(&plan),
            [
                ("II.1", vec![], vec!["Sở Tư pháp"]),
                ("II.2", vec!["Công an tỉnh"], vec![]),
                ("II.3", vec![], vec![]),
            ]
        );
    }

    /// Duties read their deadline from their prose as tasks do: a closing bracket, an
    /// opening clause.
    #[test]
    fn duties_take_unmarked_deadlines() {
        let plan = crate::parse_text(
            "I. NHIỆM VỤ
1. Rà soát văn bản.
II. TỔ CHỨC THỰC HIỆN
1. Sở Y tế
Chủ trì, phối hợp với các đơn vị liên quan triển khai Dự án 6 (khi Bộ Y tế có văn bản triển khai).
2. Sở Xây dựng
- Thường xuyên cập nhật, bảo đảm dữ liệu quy hoạch đầy đủ, chính xác.
",
        );
        let duties: Vec<(&str, Option<&Deadline>)> = plan
            .tasks
            .iter()
            .filter(|t| t.kind == TaskKind::Duty)
            .map(|t| (t.id.as_str(), t.deadline.as_ref()))
            .collect();
        assert_eq!(duties.len(), 2);
        assert!(
            duties[0].1.is_some_and(|d| d.condition.is_some()),
            "{duties:?}"
        );
        assert!(duties[1].1.is_some_and(|d| d.ongoing), "{duties:?}");
    }

    /// An item headed "Chỉ tiêu …" lists figures to reach, even inside a task part.
    #[test]
    fn targets_inside_a_task_part_are_no_tasks() {
        let plan = crate::parse_text(
            "II. NỘI DUNG TRỌNG TÂM
1. Tổ chức quán triệt, tuyên truyền về Chương trình.
2. Chỉ tiêu chủ yếu đến năm 2030
2.1. Hàng năm, giảm số người nghiện ma túy.
2.2. Phấn đấu 100% các điểm được phát hiện và triệt phá.
3. Đầu tư trang thiết bị cho lực lượng chuyên trách.
",
        );
        let ids: Vec<&str> = plan.tasks.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, ["II.1", "II.3"]);
        // Aims and a vision over items of their own, likewise.
        let plan = crate::parse_text(
            "II. NỘI DUNG CHỦ YẾU
1. Mục tiêu phát triển và tầm nhìn đến năm 2045
a) Mục tiêu phát triển
- Mạng lưới cơ sở văn hóa quốc gia đồng bộ, hiện đại.
b) Tầm nhìn đến năm 2045
- Hình thành các trung tâm văn hóa trọng điểm.
2. Rà soát, cập nhật danh mục dự án ưu tiên đầu tư.
",
        );
        let ids: Vec<&str> = plan.tasks.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, ["II.2"]);
        // A bare aims heading over bullets; an item that names its aims in a sentence
        // of work is a task.
        let plan = crate::parse_text(
            "II. NỘI DUNG
1. Mục tiêu
- Giai đoạn 2026 - 2027:
+ Hình thành 02 mô hình du lịch nghỉ dưỡng biển.
2. Nhiệm vụ và giải pháp cụ thể
2.1. Quy hoạch và đầu tư hạ tầng du lịch
- Rà soát, điều chỉnh, bổ sung các quy hoạch có liên quan.
3. Mục tiêu giảm nghèo được rà soát, cập nhật hằng năm.
- Sở Nội vụ chủ trì.
",
        );
        let ids: Vec<&str> = plan.tasks.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, ["II.2.1", "II.3"]);
    }

    /// In a part of responsibilities, a topic whose bullets all open with who does
    /// them holds a duty per bullet; one bullet that does not keeps the topic one duty.
    /// A heading that introduces its bullets and names who does them holds a duty each.
    #[test]
    fn a_topic_of_agency_bullets_holds_a_duty_each() {
        let plan = crate::parse_text(
            "II. NHIỆM VỤ
1. Rà soát văn bản quy phạm pháp luật.
III. TỔ CHỨC THỰC HIỆN
1. Chế độ phối hợp, báo cáo
- Các đơn vị có liên quan phối hợp kiểm tra, xử lý các vi phạm.
- Ủy ban nhân dân quận, huyện tổng hợp, báo cáo tiến độ hằng quý.
2. Kinh phí
- Kinh phí thực hiện từ ngân sách nhà nước.
- Sở Tài chính bố trí kinh phí.
3. Để triển khai Kế hoạch, Sở Y tế thực hiện các nội dung sau:
- Rà soát cơ sở khám bệnh.
- Báo cáo kết quả.
",
        );
        let got: Vec<(&str, TaskKind, Vec<&str>)> = plan
            .tasks
            .iter()
            .map(|t| {
                (
                    t.id.as_str(),
                    t.kind,
                    t.lead.iter().map(|a| a.name.as_str()).collect(),
                )
            })
            .collect();
        // The topic is a heading only (no duty of its own); the topic with a bullet that
        // names no doer stays one duty; a heading that introduces its bullets and names
        // who does them holds a duty each.
        assert_eq!(
            got[1..],
            [
                ("III.1#1", TaskKind::Duty, vec!["Các đơn vị có liên quan"]),
                (
                    "III.1#2",
                    TaskKind::Duty,
                    vec!["Ủy ban nhân dân quận, huyện"]
                ),
                ("III.2", TaskKind::Duty, vec!["Sở Tài chính"]),
                ("III.3#1", TaskKind::Duty, vec!["Sở Y tế"]),
                ("III.3#2", TaskKind::Duty, vec!["Sở Y tế"]),
            ]
        );
    }

    /// Under an agency heading, an item or duty that opens with "Giao X …" is X's work;
    /// one that opens "Yêu cầu X …" stays the heading's (it requires it of X).
    #[test]
    fn an_item_that_hands_its_work_on() {
        let plan = crate::parse_text(
            "II. NHIỆM VỤ
1. Rà soát văn bản quy phạm pháp luật.
III. TỔ CHỨC THỰC HIỆN
1. Giám đốc Sở, Thủ trưởng cơ quan, ban, ngành
a) Giao Công an thành phố kịp thời phát hiện và xử lý các hành vi vi phạm.
b) Tăng cường kiểm tra việc khai thác nước dưới đất.
2. Sở Nông nghiệp và Môi trường
- Giao Thanh tra thành phố tổ chức thanh tra định kỳ.
- Yêu cầu các đơn vị khai thác khoáng sản lắp đặt thiết bị giám sát.
",
        );
        let lead = |id: &str| -> Vec<String> {
            let task = plan.tasks.iter().find(|t| t.id == id).expect(id);
            task.lead.iter().map(|a| a.name.clone()).collect()
        };
        assert_eq!(lead("III.1.a"), ["Công an thành phố"]);
        assert_eq!(
            lead("III.1.b"),
            ["Giám đốc Sở", "Thủ trưởng cơ quan", "ban, ngành"]
        );
        assert_eq!(lead("III.2#1"), ["Thanh tra thành phố"]);
        assert_eq!(lead("III.2#2"), ["Sở Nông nghiệp và Môi trường"]);
    }

    /// Headings of a directive set out by agency: a collective with its members in
    /// brackets (long only for them), agencies before a colon and a sentence that
    /// introduces the items; a later clause joined by "đồng thời" names partners.
    #[test]
    fn directive_headings_and_later_partners() {
        let plan = crate::parse_text(
            "I. Trách nhiệm phối hợp trong công tác thẩm định
1. Các cơ quan đăng ký đầu tư (Sở Tài chính, Ban quản lý Khu Kinh tế Phú Yên, Ban quản lý Khu Nông nghiệp ứng dụng Công nghệ cao Phú Yên, Ban Quản lý các Khu công nghiệp tỉnh):
a) Là đầu mối tiếp nhận hồ sơ, tổ chức lấy ý kiến thẩm định.
2. Các sở, ban, ngành, địa phương: Là các đơn vị được lấy ý kiến thẩm định, chịu trách nhiệm các nội dung sau:
2.1. Trách nhiệm chung
a) Đánh giá sự phù hợp của dự án với quy hoạch tỉnh.
II. Trách nhiệm phối hợp giải quyết thủ tục đầu tư
1. Các Sở, ban, ngành, UBND cấp xã có trách nhiệm phối hợp cung cấp thông tin về quy hoạch; đồng thời, phối hợp chặt chẽ với Sở Tài chính trong việc xây dựng cơ sở dữ liệu.
",
        );
        let got = roles(&plan);
        assert_eq!(
            got,
            [
                ("I.1.a", vec!["Các cơ quan đăng ký đầu tư"], vec![]),
                ("I.2.1.a", vec!["Các sở, ban, ngành, địa phương"], vec![]),
                (
                    "II.1",
                    vec!["Các Sở, ban, ngành", "UBND cấp xã"],
                    vec!["Sở Tài chính"]
                ),
            ]
        );
    }

    /// An item whose heading opens with agencies and introduces its lettered items
    /// (it ends with ":") names who does them, and the partners it names support them
    /// (beside any an item names); in a document with no task part, those items are
    /// its tasks, and so is an item of one paragraph that opens with who does it.
    #[test]
    fn an_introducing_heading_names_who_does_its_items() {
        let plan = crate::parse_text(
            "I. VỀ CÔNG TÁC CHỈ ĐẠO
1. Sở Y tế tập trung thực hiện các nhiệm vụ sau:
a) Rà soát cơ sở khám bệnh.
b) Nâng cao chất lượng dịch vụ.
2. Sở Tài chính chủ trì, phối hợp với các cơ quan, địa phương:
a) Bố trí kinh phí thực hiện.
b) Chủ trì, phối hợp với Kho bạc Nhà nước hướng dẫn thanh quyết toán.
3. Các sở, ngành, địa phương căn cứ chức năng, nhiệm vụ được giao:
a) Xây dựng kế hoạch chi tiết.
4. Về công tác tuyên truyền:
a) Đẩy mạnh tuyên truyền.
5. Bộ Công an, Bộ Quốc phòng khẩn trương xây dựng, trình Chính phủ ban hành các Nghị định hướng dẫn.
",
        );
        let got = roles(&plan);
        let partners = vec!["các cơ quan, địa phương"];
        assert_eq!(
            got,
            [
                ("I.1.a", vec!["Sở Y tế"], vec![]),
                ("I.1.b", vec!["Sở Y tế"], vec![]),
                ("I.2.a", vec!["Sở Tài chính"], partners.clone()),
                (
                    "I.2.b",
                    vec!["Sở Tài chính"],
                    vec!["Kho bạc Nhà nước", "các cơ quan, địa phương"]
                ),
                ("I.3.a", vec!["Các sở, ngành, địa phương"], vec![]),
                // An item of one paragraph that opens with who does it, beside them.
                ("I.5", vec!["Bộ Công an", "Bộ Quốc phòng"], vec![]),
            ]
        );
    }

    /// Field lines that name no lead, support or deadline are kept in the task's
    /// details, label and value, in printed order: from field lines, from a duty's
    /// bullet, and from a task table's product column or one it names no role for.
    #[test]
    fn other_fields_are_kept_as_details() {
        let details = |plan: &crate::Plan, id: &str| -> Vec<(String, String)> {
            let task = plan.tasks.iter().find(|t| t.id == id).expect(id);
            task.details
                .iter()
                .map(|d| (d.label.clone(), d.text.clone()))
                .collect()
        };
        let plan = crate::parse_text(
            "II. NỘI DUNG
1. Tổ chức hội nghị quán triệt Nghị định.
Chủ trì: Vụ Tổ chức - Biên chế.
Sản phẩm: Hội nghị được tổ chức.
- Kinh phí: Từ nguồn ngân sách
nhà nước.
Tiến độ: Quý I/2025.
2. Xây dựng tài liệu hướng dẫn nghiệp vụ.
- Đơn vị thực hiện: Viện Khoa học tổ chức nhà nước.
",
        );
        assert_eq!(
            details(&plan, "II.1"),
            [
                ("Sản phẩm".to_owned(), "Hội nghị được tổ chức.".to_owned()),
                (
                    "Kinh phí".to_owned(),
                    "Từ nguồn ngân sách nhà nước.".to_owned()
                ),
            ]
        );
        assert_eq!(plan.tasks[0].text, "Tổ chức hội nghị quán triệt Nghị định.");
        assert!(details(&plan, "II.2").is_empty());
        let plan = crate::parse_text(
            "II. NHIỆM VỤ
1. Rà soát văn bản.
- Cơ quan chủ trì: Sở Tư pháp.
III. TỔ CHỨC THỰC HIỆN
1. Sở Tư pháp
- Tổng hợp báo cáo kết quả thực hiện.
+ Sản phẩm: Báo cáo gửi UBND tỉnh.
",
        );
        assert_eq!(
            details(&plan, "III.1#1"),
            [("Sản phẩm".to_owned(), "Báo cáo gửi UBND tỉnh.".to_owned())]
        );
        let plan = crate::parse_text(
            "II. NHIỆM VỤ
TT | Nội dung công việc | Sản phẩm, hình thức văn bản | Cơ quan chủ trì | Thời gian trình | Ghi chú
1 | Hoàn thành hồ sơ Dự án Luật Khoáng sản | Hồ sơ trình Quốc hội | Bộ Tài nguyên và Môi trường | Quý III năm 2022 | Theo NQ 01
",
        );
        assert_eq!(
            details(&plan, "II.1"),
            [
                (
                    "Sản phẩm, hình thức văn bản".to_owned(),
                    "Hồ sơ trình Quốc hội".to_owned()
                ),
                ("Ghi chú".to_owned(), "Theo NQ 01".to_owned())
            ]
        );
    }

    /// A plan with no part of tasks or measures gives its work by agency ("IV. PHÂN
    /// CÔNG NHIỆM VỤ" / "1. Sở Công Thương:" / "- …"): those bullets are its tasks.
    /// Beside a task part, the same bullets are duties.
    #[test]
    fn work_given_only_by_agency() {
        let by_agency = "IV. PHÂN CÔNG NHIỆM VỤ
1. Sở Công Thương:
- Chủ trì điều phối toàn bộ nguồn hàng hỗ trợ.
- Phối hợp Công an tỉnh tổ chức vận chuyển hàng.
2. Sở Y tế:
- Bố trí các đội y tế lưu động.
3. Đề nghị Công ty Điện lực tỉnh: Khẩn trương khắc phục sự cố lưới điện.
";
        let plan = crate::parse_text(&format!(
            "I. MỤC TIÊU\n1. Bảo đảm an sinh.\nII. KINH PHÍ\n1. Ngân sách tỉnh.\n{by_agency}"
        ));
        assert_eq!(
            task_rows(&plan),
            [
                ("IV.1#1", vec!["Sở Công Thương"], vec![]),
                ("IV.1#2", vec!["Công an tỉnh"], vec!["Sở Công Thương"]),
                ("IV.2#1", vec!["Sở Y tế"], vec![]),
                ("IV.3", vec!["Công ty Điện lực tỉnh"], vec![]),
            ]
        );
        assert!(plan.tasks.iter().all(|t| t.kind == TaskKind::Task));
        let plan = crate::parse_text(&format!(
            "I. NHIỆM VỤ\n1. Rà soát văn bản.\nII. KINH PHÍ\n1. Ngân sách tỉnh.\n{by_agency}"
        ));
        assert_eq!(
            plan.tasks
                .iter()
                .filter(|t| t.kind == TaskKind::Duty)
                .count(),
            4
        );
        // Nor where a part of aims holds the tasks.
        let plan = crate::parse_text(&format!(
            "I. MỤC TIÊU, NHIỆM VỤ VÀ GIẢI PHÁP\n1. Mục tiêu chung\nBảo đảm an sinh.\n2. Nhiệm vụ và giải pháp chủ yếu\na) Rà soát văn bản.\nII. KINH PHÍ\n1. Ngân sách tỉnh.\n{by_agency}"
        ));
        assert_eq!(
            plan.tasks
                .iter()
                .filter(|t| t.kind == TaskKind::Duty)
                .count(),
            4
        );
    }

    /// Bullets that each open with their agency, under an item of a tasks part that
    /// assigns nothing itself, are its tasks; all of them when at least half are so.
    #[test]
    fn bullets_opening_with_their_agency_are_tasks() {
        let plan = crate::parse_text(
            "II. NỘI DUNG
1. Thành lập mới các cụm công nghiệp:
- Sở Công Thương chủ trì tham mưu thủ tục thành lập cụm công nghiệp.
- Ủy ban nhân dân cấp xã hướng dẫn nhà đầu tư lập hồ sơ.
- San tạo mặt bằng sạch.
2. Di dời khu công nghiệp.
UBND phường Lào Cai chủ trì, phối hợp với Sở Xây dựng thực hiện.
- Lập phương án di dời.
- Bàn giao mặt bằng.
",
        );
        assert_eq!(
            task_rows(&plan),
            [
                ("II.1#1", vec!["Sở Công Thương"], vec![]),
                ("II.1#2", vec!["Ủy ban nhân dân cấp xã"], vec![]),
                ("II.1#3", vec![], vec![]),
                // The item assigns the work itself: its bullets are its text.
                ("II.2", vec!["UBND phường Lào Cai"], vec!["Sở Xây dựng"]),
            ]
        );
        // A lone bullet with the assignment is the item's own assignment line.
        let plan = crate::parse_text(
            "II. NHIỆM VỤ
1. Số hóa dữ liệu chuyên ngành.
* Sở Tư pháp chủ trì, phối hợp Công an tỉnh thực hiện trong năm 2024.
",
        );
        assert_eq!(
            task_rows(&plan),
            [("II.1", vec!["Sở Tư pháp"], vec!["Công an tỉnh"])]
        );
        // "Agency: work; Chủ trì, phối hợp với X …": a later clause names the support.
        let plan = crate::parse_text(
            "II. NỘI DUNG
1. Hoàn thiện hạ tầng
- Ủy ban nhân dân cấp xã: đầu tư hạ tầng kỹ thuật; Chủ trì, phối hợp với các Sở, ban ngành thực hiện giải phóng mặt bằng.
- Sở Xây dựng: hướng dẫn quy hoạch.
",
        );
        assert_eq!(
            task_rows(&plan),
            [
                (
                    "II.1#1",
                    vec!["Ủy ban nhân dân cấp xã"],
                    vec!["các Sở, ban ngành"]
                ),
                ("II.1#2", vec!["Sở Xây dựng"], vec![]),
            ]
        );
    }

    /// A "GIẢI PHÁP" part next to a tasks part lists general measures: only those that
    /// assign work are tasks. Alone, its items are the plan's tasks.
    #[test]
    fn measures_are_tasks_only_without_a_tasks_part() {
        let measures = "III. GIẢI PHÁP THỰC HIỆN
1. Giải pháp về chính sách
- Xây dựng chính sách hỗ trợ.
2. Giải pháp về nguồn lực
Sở Tài chính chủ trì, phối hợp các sở bố trí vốn.
";
        let with_tasks = format!(
            "II. NỘI DUNG
1. Thành lập cụm công nghiệp.
Cơ quan chủ trì: Sở Công Thương.
{measures}"
        );
        let ids = |plan: &crate::Plan| plan.tasks.iter().map(|t| t.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&crate::parse_text(&with_tasks)), ["II.1", "III.2"]);
        assert_eq!(ids(&crate::parse_text(measures)), ["III.1", "III.2"]);
    }

    /// A condition read from the assignment's sentence gives way to a marked date in a
    /// later sentence; a deadline field's condition stays.
    #[test]
    fn a_marked_date_outweighs_a_condition_in_prose() {
        let plan = crate::parse_text(
            "II. NỘI DUNG
1. Chuyển đổi khu công nghiệp.
Ban Quản lý Khu kinh tế chủ trì, phối hợp với các sở thực hiện di dời hộ dân theo lộ trình. Xây dựng phương án giá, hoàn thành trong năm 2026.
2. Cập nhật dữ liệu.
Cơ quan chủ trì: Sở Tư pháp.
Thời gian hoàn thành: theo lộ trình của Bộ Tư pháp. Hoàn thành trước năm 2026.
",
        );
        let d: Vec<(Option<String>, bool)> = plan
            .tasks
            .iter()
            .map(|t| {
                let d = t.deadline.as_ref().unwrap();
                (d.due.map(|d| d.to_string()), d.condition.is_some())
            })
            .collect();
        assert_eq!(d[0], (Some("2026-12-31".to_string()), false));
        assert!(d[1].1, "{d:?}");
    }

    /// Fields after the last of a group of numbered items, none of which has its own,
    /// are the group's; an item that names its lead inline keeps its own.
    #[test]
    fn fields_closing_a_group_of_items() {
        let leads = |text: &str| -> Vec<(String, Vec<String>, Option<String>)> {
            crate::parse_text(text)
                .tasks
                .into_iter()
                .map(|t| {
                    let due = t.deadline.and_then(|d| d.due).map(|d| d.to_string());
                    (t.id, t.lead.into_iter().map(|a| a.name).collect(), due)
                })
                .collect()
        };
        let plan = "II. NỘI DUNG
1. Tuyên truyền
1.1. Tổ chức hội nghị.
- Cơ quan thực hiện: Sở Tư pháp.
3. Giải quyết tranh chấp lao động
3.1. Rà soát các thiết chế hòa giải.
3.2. Tập huấn hòa giải viên.
- Cơ quan thực hiện: Sở Nội vụ chủ trì, phối hợp với Sở Y tế.
- Thời gian thực hiện: Quý II/2024.
";
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        let q2 = Some("2024-06-30".to_string());
        assert_eq!(
            leads(plan),
            [
                ("II.1.1".into(), s(&["Sở Tư pháp"]), None),
                ("II.3.1".into(), s(&["Sở Nội vụ"]), q2.clone()),
                ("II.3.2".into(), s(&["Sở Nội vụ"]), q2.clone()),
            ]
        );
        let inline = plan.replace(
            "3.1. Rà soát các thiết chế hòa giải.",
            "3.1. Rà soát các thiết chế. Sở Tài chính chủ trì thực hiện.",
        );
        // The group's field lines are its last item's; every line has one owner.
        assert_accounted(plan);
        // A sub-item run into its heading's line: the line is the heading's.
        let run_in = plan.replace("lao động\n3.1. Rà soát", "lao động 3.1. Rà soát");
        assert_eq!(leads(&run_in), leads(plan));
        assert_accounted(&run_in);
        // The same under a number alone on its line: the heading's second line holds the
        // sub-item's number, and only that line is shared.
        let bare = plan.replace(
            "3. Giải quyết tranh chấp lao động\n3.1. Rà soát",
            "3.\nGiải quyết tranh chấp lao động 3.1. Rà soát",
        );
        assert_eq!(leads(&bare), leads(plan));
        assert_accounted(&bare);
        // …and with the sub-item's text wrapped onto a third line of the heading block.
        let wrapped = bare.replace(
            "3.1. Rà soát các thiết chế hòa giải.",
            "3.1. Rà soát các thiết chế\nhòa giải.",
        );
        assert_accounted(&wrapped);
        assert_eq!(
            leads(&inline),
            [
                ("II.1.1".into(), s(&["Sở Tư pháp"]), None),
                ("II.3.1".into(), s(&["Sở Tài chính"]), None),
                ("II.3.2".into(), s(&["Sở Nội vụ"]), q2),
            ]
        );
    }

    /// Fields marked like the bullets before them, when no earlier bullet has fields,
    /// close the item ("- Đa dạng …" / "- Tập trung …" / "- Đơn vị chủ trì: …"); a field
    /// one level down ("+ Thời gian: …") is its bullet's.
    #[test]
    fn fields_marked_like_the_bullets_close_the_item() {
        let ids = task_leads;
        let plan = "II. NỘI DUNG
5.2. Tổ chức tuyên truyền về bầu cử
- Đa dạng hình thức tuyên truyền.
- Tập trung vào quyền và nghĩa vụ của công dân.
- Thời gian thực hiện: Từ tháng 12/2025 đến quý I/2026.
- Đơn vị chủ trì: Đồng chí Phó Chủ tịch Thường trực, phụ trách lĩnh vực Giám sát và Phản biện xã hội
";
        assert_eq!(
            ids(plan),
            [(
                "II.5.2".to_string(),
                vec!["Đồng chí Phó Chủ tịch Thường trực".to_string()]
            )]
        );
        let nested = plan
            .replace("- Thời gian", "+ Thời gian")
            .replace("- Đơn vị", "+ Đơn vị");
        assert_eq!(
            ids(&nested),
            [(
                "II.5.2#2".to_string(),
                vec!["Đồng chí Phó Chủ tịch Thường trực".to_string()]
            )]
        );
        // A field marked as the outer bullet after its "+" points closes them: it is the
        // item's when that bullet only introduced them ("… bao gồm:"), else the bullet's.
        let intro = "II. NỘI DUNG
5. Tổ chức các nội dung hỗ trợ thi hành Luật
- Các nội dung hỗ trợ thi hành Luật bao gồm:
+ Hướng dẫn áp dụng các văn bản;
+ Tổ chức tiếp nhận và xử lý các kiến nghị.
- Cơ quan thực hiện: Sở Tư pháp.
";
        assert_eq!(
            ids(intro),
            [("II.5".to_string(), vec!["Sở Tư pháp".to_string()])]
        );
        let own = intro.replace("bao gồm:", "theo quy định.");
        assert_eq!(
            ids(&own)
                .into_iter()
                .filter(|(_, l)| !l.is_empty())
                .collect::<Vec<_>>(),
            [("II.5#1".to_string(), vec!["Sở Tư pháp".to_string()])]
        );
    }

    /// Each task's id and lead names.
    fn task_leads(text: &str) -> Vec<(String, Vec<String>)> {
        crate::parse_text(text)
            .tasks
            .into_iter()
            .map(|t| (t.id, t.lead.into_iter().map(|a| a.name).collect()))
            .collect()
    }

    /// Under an item with text of its own, fields after its bullets are the item's; a
    /// role written twice means each group is the bullet's above it.
    #[test]
    fn field_groups_under_each_bullet_of_an_item_with_text() {
        let plan = "III. NHIỆM VỤ, GIẢI PHÁP
5. Nghiên cứu giải pháp thu hút, tuyển dụng; sử dụng hiệu quả nguồn nhân lực.
- Nghiên cứu cơ chế thu hút người có tài năng.
Đơn vị chủ trì: Sở Nội vụ.
Thời gian thực hiện: Năm 2026.
- Ưu tiên chọn lựa cán bộ có kinh nghiệm.
Đơn vị chủ trì: Sở Tư pháp.
Thời gian thực hiện: Thường xuyên.
";
        assert_eq!(
            task_leads(plan),
            [
                ("III.5#1".to_string(), vec!["Sở Nội vụ".to_string()]),
                ("III.5#2".to_string(), vec!["Sở Tư pháp".to_string()]),
            ]
        );
        // One group after all the bullets stays the item's.
        let one = plan.replace(
            "Đơn vị chủ trì: Sở Nội vụ.\nThời gian thực hiện: Năm 2026.\n",
            "",
        );
        assert_eq!(
            task_leads(&one),
            [("III.5".to_string(), vec!["Sở Tư pháp".to_string()])]
        );
    }

    /// "- Nội dung:" over "+" points, then "- Cơ quan thực hiện: …": the second field is
    /// the item's, like the first. A "+" field under a "-" bullet stays the bullet's.
    #[test]
    fn a_field_marked_like_an_earlier_field_is_the_items() {
        let plan = "III. NỘI DUNG HOẠT ĐỘNG
2. Duy trì các mô hình phòng ngừa
a) Hoạt động 1
- Nội dung:
+ Tổng kết mô hình một cửa.
+ Tập huấn nâng cao năng lực cho đội ngũ cán bộ.
- Cơ quan thực hiện: Sở Y tế chủ trì, phối hợp với các đơn vị có liên quan.
";
        assert_eq!(
            task_leads(plan),
            [("III.2.a".to_string(), vec!["Sở Y tế".to_string()])]
        );
        let nested = "III. NHIỆM VỤ
1. Công tác tuyên truyền
- Tổ chức hội nghị quán triệt.
+ Cơ quan chủ trì: Sở Nội vụ.
- Xây dựng chuyên mục.
+ Cơ quan chủ trì: Sở Tư pháp.
";
        assert_eq!(
            task_leads(nested),
            [
                ("III.1#1".to_string(), vec!["Sở Nội vụ".to_string()]),
                ("III.1#2".to_string(), vec!["Sở Tư pháp".to_string()]),
            ]
        );
    }

    /// A part named for its aims and then its tasks holds its tasks under the item named
    /// for them, not in an item of its own that only opens with their words; a table of
    /// one kind of work (the legal documents to draft) leaves the
    /// plan's own items tasks.
    #[test]
    fn tasks_under_a_purpose_part_beside_a_list_of_documents() {
        let plan = crate::parse_text(
            "KẾ HOẠCH
X
I. MỤC TIÊU, NHIỆM VỤ VÀ GIẢI PHÁP
1. Mục tiêu chung
1.1. Hoàn thành 100% chỉ tiêu được giao.
2. Nhiệm vụ và giải pháp chủ yếu
a) Tập trung hoàn thiện thể chế về tài nguyên nước.
b) Đẩy mạnh cải cách hành chính.
3. Nội dung đào tạo, bồi dưỡng phải được thiết kế phù hợp với từng nhóm đối tượng.
II. TỔ CHỨC THỰC HIỆN
Các đơn vị trực thuộc Bộ tổ chức thực hiện Chương trình này.
PHỤ LỤC 01 DANH MỤC VĂN BẢN QUY PHẠM PHÁP LUẬT NĂM 2024
| STT | Tên văn bản | Đơn vị chủ trì | Thời gian |
| --- | --- | --- | --- |
| 1 | Luật Đất đai | Vụ Đất đai | Tháng 9/2024 |
",
        );
        let ids: Vec<&str> = plan
            .tasks
            .iter()
            .filter(|t| t.kind == TaskKind::Task)
            .map(|t| t.id.as_str())
            .collect();
        assert_eq!(ids, ["I.2.a", "I.2.b", "PL01.1"]);
    }

    /// A task that names no lead of its own (its part's doers do it) still takes the
    /// partners a later clause names; a duty does not.
    #[test]
    fn partners_of_a_task_without_a_lead() {
        let plan = crate::parse_text(
            "II. NHIỆM VỤ
1. Giải quyết khiếu nại, tố cáo ở từng cấp; chủ động phối hợp với Thanh tra Chính phủ và các địa phương trong giải quyết các vụ việc tồn đọng.
",
        );
        let t = &plan.tasks[0];
        assert!(t.lead.is_empty());
        let support: Vec<&str> = t.support.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(support, ["Thanh tra Chính phủ", "các địa phương"]);
    }

    /// Items headed "Trách nhiệm của <agency>" are agency headings, not the numbered
    /// fields of their article: the article is no task of its own.
    #[test]
    fn responsibility_headings_are_no_fields() {
        let plan = crate::parse_text(
            "Điều 2. Tổ chức thực hiện
1. Trách nhiệm của Bộ Công an
a) Chủ trì xây dựng.
2. Trách nhiệm của Bộ Quốc phòng
Phối hợp với Bộ Công an, các cơ quan, tổ chức bố trí lực lượng.
",
        );
        let ids: Vec<&str> = plan.tasks.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, ["Điều 2.1.a", "Điều 2.2"]);
    }

    /// A task whose lead is the subject of its sentence takes the partners a later clause
    /// names; a partner list ends at the work ("định hướng", "lồng ghép").
    #[test]
    fn partners_of_a_subject_in_a_later_clause() {
        let plan = crate::parse_text(
            "II. NHIỆM VỤ
1. Các bộ, cơ quan ngang bộ chủ động rà soát các văn bản có liên quan; phối hợp với Bộ Nội vụ hướng dẫn, tháo gỡ khó khăn.
2. Bộ Văn hóa, Thể thao và Du lịch phối hợp với Ban Tuyên giáo và Dân vận Trung ương định hướng thông tin.
3. Bộ Kế hoạch và Đầu tư chủ trì, phối hợp với các Bộ, ngành và địa phương lồng ghép vấn đề quản lý phát thải.
",
        );
        let got: Vec<(Vec<&str>, Vec<&str>)> = plan
            .tasks
            .iter()
            .map(|t| {
                (
                    t.lead.iter().map(|a| a.name.as_str()).collect(),
                    t.support.iter().map(|a| a.name.as_str()).collect(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (vec!["Các bộ, cơ quan ngang bộ"], vec!["Bộ Nội vụ"]),
                (
                    vec!["Bộ Văn hóa, Thể thao và Du lịch"],
                    vec!["Ban Tuyên giáo và Dân vận Trung ương"]
                ),
                (
                    vec!["Bộ Kế hoạch và Đầu tư"],
                    vec!["các Bộ, ngành và địa phương"]
                ),
            ]
        );
    }

    /// A duty whose first sentence goes on, after the doer's own work, with "phối hợp
    /// với …" takes those partners as support (also inside the work, after its verb);
    /// the partners' list ends at "để".
    #[test]
    fn partners_in_a_duty_clause_after_a_comma() {
        let plan = crate::parse_text(
            "III. TỔ CHỨC THỰC HIỆN
1. Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh
- Chỉ đạo lực lượng các cấp, phối hợp với Công an tỉnh, Ủy ban nhân dân các xã, phường tiến hành rà soát người nghiện.
- Tuyên truyền, vận động nhân dân, phối hợp với các cơ quan báo chí để đưa tin.
- Tổ chức hội nghị, vận động hội viên tham gia.
- Bố trí các đội y tế lưu động phối hợp UBND các xã, phường cấp phát thuốc.
- Chỉ đạo Tổng Liên đoàn Lao động phối hợp chặt chẽ với chính quyền địa phương huy động công nhân.
- Tổ chức thực hiện các chương trình phối hợp phòng chống ma túy; tuyên truyền.
",
        );
        let support: Vec<Vec<&str>> = plan
            .tasks
            .iter()
            .map(|t| t.support.iter().map(|a| a.name.as_str()).collect())
            .collect();
        assert_eq!(
            support,
            [
                vec!["Công an tỉnh", "Ủy ban nhân dân các xã, phường"],
                vec!["các cơ quan báo chí"],
                vec![],
                // Inside the work, with or without "với"; not the work of a programme.
                vec!["UBND các xã, phường"],
                vec!["chính quyền địa phương"],
                vec![],
            ]
        );
        assert!(plan.tasks.iter().all(|t| t.lead.len() == 1));
    }

    /// A table attached after the plan's parts under a caption of its own, keyed by time
    /// rather than numbered: a two-row header, group rows printed short, a time cell
    /// merged with the one above, a column that only opens like a lead's, and a cell
    /// naming either of two bodies.
    #[test]
    fn time_keyed_table_after_the_plan() {
        let plan = crate::parse_text(
            "I. MỤC ĐÍCH
Lập quy hoạch đúng tiến độ.
II. TỔ CHỨC THỰC HIỆN
1. Các Vụ thực hiện nhiệm vụ được giao.
NỘI DUNG CHI TIẾT
Thời gian | Nội dung công việc | Cơ quan chịu trách nhiệm quản lý nhà nước | Thực hiện
 |  |  | Đơn vị chủ trì | Đơn vị phối hợp
I | GIAI ĐOẠN 1: LẬP NHIỆM VỤ
1 | Lập nhiệm vụ quy hoạch
10-11/2019 | Xây dựng khung định hướng quy hoạch. | Cơ quan lập quy hoạch | Ban Quản lý quy hoạch | - Vụ Vật liệu xây dựng; - Vụ Pháp chế.
 | Lấy ý kiến các Bộ, ngành. | Cơ quan tổ chức lập quy hoạch | Vụ Vật liệu xây dựng | - Văn phòng Bộ.
02-03/2020 | Lựa chọn tư vấn lập quy hoạch | Cơ quan lập quy hoạch | Vụ Pháp chế/ Ban Quản lý quy hoạch | - Văn phòng Bộ.
",
        );
        type Row = (String, Vec<String>, Vec<String>, Option<String>);
        let got: Vec<Row> = plan
            .tasks
            .iter()
            .filter(|t| t.kind == TaskKind::Task)
            .map(|t| {
                (
                    t.id.clone(),
                    t.lead.iter().map(|a| a.name.clone()).collect(),
                    t.support.iter().map(|a| a.name.clone()).collect(),
                    t.deadline
                        .as_ref()
                        .and_then(|d| d.due)
                        .map(|d| d.to_string()),
                )
            })
            .collect();
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(
            got,
            [
                (
                    "PL.I.1#1".to_string(),
                    s(&["Ban Quản lý quy hoạch"]),
                    s(&["Vụ Vật liệu xây dựng", "Vụ Pháp chế"]),
                    Some("2019-11-30".to_string())
                ),
                (
                    "PL.I.1#2".to_string(),
                    s(&["Vụ Vật liệu xây dựng"]),
                    s(&["Văn phòng Bộ"]),
                    Some("2019-11-30".to_string())
                ),
                (
                    "PL.I.1#3".to_string(),
                    s(&["Vụ Pháp chế", "Ban Quản lý quy hoạch"]),
                    s(&["Văn phòng Bộ"]),
                    Some("2020-03-31".to_string())
                ),
            ]
        );
    }

    /// A table with neither a number nor a time as its first column (here one rebuilt
    /// from cells between "|" lines, its "STT" heading lost) is no table keyed by time:
    /// every line keeps one owner. A mutant the seeded mutation loop found, reduced.
    #[test]
    fn table_without_a_number_or_time_key() {
        assert_accounted(
            "|\n**Tên nhiệm vụ**\n|\n**Cơ quan chủ trì**\n|\n|\nCác sở, ban, ngành tỉnh; UBND các xã, phường\n|\nThường xuyên\n|\n|\n2\n|",
        );
    }

    /// A plan with no part named for its tasks: the parts named by their topic, between
    /// the aims and the measures, hold its tasks; alone, such a part does not.
    #[test]
    fn topic_parts_hold_the_tasks() {
        let ids = |text: &str| -> Vec<String> {
            crate::parse_text(text)
                .tasks
                .into_iter()
                .filter(|t| t.kind == crate::model::TaskKind::Task)
                .map(|t| t.id)
                .collect()
        };
        let plan = "I. MỤC TIÊU
1. Kinh tế số chiếm 30% GRDP.
II. PHÁT TRIỂN HẠ TẦNG SỐ
1. Hạ tầng viễn thông
a) Phủ sóng 5G toàn tỉnh.
b) Nâng cấp mạng truyền số liệu chuyên dùng.
III. GIẢI PHÁP
1. Tăng cường tuyên truyền.
IV. TỔ CHỨC THỰC HIỆN
1. Sở Khoa học và Công nghệ
Chủ trì triển khai Kế hoạch.
";
        assert_eq!(ids(plan), ["II.1.a", "II.1.b"]);
        let without_aims = plan.replace("I. MỤC TIÊU\n1. Kinh tế số chiếm 30% GRDP.\n", "");
        assert_eq!(ids(&without_aims), ["III.1"]);
    }

    /// An appendix of "some key tasks" does not make the plan's own items headings over
    /// its rows: an item that names no agency stays a task, unless it is one piece of
    /// work that a row repeats. Numbering shared by chance does not make a repeat.
    #[test]
    fn appendix_of_some_tasks() {
        let items = "1. Rà soát quy hoạch khoáng sản
- Cập nhật số liệu các mỏ trên địa bàn tỉnh.
2. Công tác đấu giá quyền khai thác khoáng sản
- Rà soát các mỏ để đấu giá quyền khai thác.
- Không sử dụng tàu cuốc để khai thác khoáng sản.
3. Phát huy vai trò của Mặt trận Tổ quốc
- Tuyên truyền, vận động Nhân dân.";
        let ids = |text: String| -> Vec<String> {
            crate::parse_text(&text)
                .tasks
                .into_iter()
                .map(|t| t.id)
                .collect()
        };
        assert_eq!(
            ids(plan_with_appendix(items, "MỘT SỐ NHIỆM VỤ TRỌNG TÂM")),
            ["II.2", "II.3", "PL.1", "PL.2", "PL.3"]
        );
        // "Key tasks" are some of them too, and the repeat may open with another verb.
        let reworded = items.replacen(
            "1. Rà soát quy hoạch khoáng sản",
            "1. Xây dựng, cập nhật và rà soát quy hoạch khoáng sản trên địa bàn tỉnh",
            1,
        );
        assert_eq!(
            ids(plan_with_appendix(
                &reworded,
                "DANH MỤC CÁC NHIỆM VỤ TRỌNG TÂM"
            )),
            ["II.2", "II.3", "PL.1", "PL.2", "PL.3"]
        );
        // The same plan with a table that assigns all of its work: the items that name
        // no agency are headings over its rows.
        let items = "1. Công tác quy hoạch khoáng sản
- Rà soát quy hoạch khoáng sản trên địa bàn tỉnh.
2. Phát huy vai trò của Mặt trận Tổ quốc
- Tuyên truyền, vận động Nhân dân.";
        assert_eq!(
            ids(plan_with_appendix(items, "DANH MỤC NHIỆM VỤ")),
            ["PL.1", "PL.2", "PL.3"]
        );
        // An item that opens with who does the work assigns it, though a row repeats it.
        let items = "1. Các sở, ngành rà soát quy hoạch khoáng sản trên địa bàn tỉnh.
2. Phát huy vai trò của Mặt trận Tổ quốc
- Tuyên truyền, vận động Nhân dân.";
        assert_eq!(
            ids(plan_with_appendix(items, "DANH MỤC NHIỆM VỤ")),
            ["II.1", "PL.1", "PL.2", "PL.3"]
        );
    }

    /// A task part (`items`), the signature, and an appendix titled `title` with a
    /// three-row task table.
    fn plan_with_appendix(items: &str, title: &str) -> String {
        format!(
            "II. NHIỆM VỤ, GIẢI PHÁP
{items}
Nơi nhận:
- Như trên;
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Văn A
PHỤ LỤC
{title}
TT | Tên nhiệm vụ | Cơ quan chủ trì | Thời gian thực hiện
1 | Rà soát quy hoạch khoáng sản trên địa bàn tỉnh | Sở Nông nghiệp và Môi trường | Năm 2026
2 | Tham mưu kế hoạch đấu giá quyền khai thác khoáng sản | Sở Nông nghiệp và Môi trường | Hằng năm
3 | Kiểm tra các mỏ | Sở Công Thương | Quý IV/2026
"
        )
    }

    /// An appendix after the plan's signature, its task table one cell per line: its
    /// rows are tasks under "PL"; the plan's item repeating a row's work is a section.
    #[test]
    fn appendix_after_the_plan() {
        let plan = crate::parse_text(
            "KẾ HOẠCH
Chuyển đổi số năm 2024
II. NHIỆM VỤ
1. Xây dựng kho dữ liệu dùng chung của tỉnh.
2. Tổ chức tập huấn kỹ năng số.
Cơ quan chủ trì: Sở Nội vụ.
Nơi nhận:
- Như trên;
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Văn A
PHỤ LỤC
DANH MỤC NHIỆM VỤ
TT
Nhiệm vụ
Cơ quan chủ trì
Thời gian hoàn thành
1
Xây dựng kho dữ liệu dùng chung
Sở Thông tin và Truyền thông
Quý II/2024
",
        );
        assert_eq!(
            task_rows(&plan),
            [
                ("II.2", vec!["Sở Nội vụ"], vec![]),
                ("PL.1", vec!["Sở Thông tin và Truyền thông"], vec![]),
            ]
        );
        assert_eq!(
            plan.document.signer.as_ref().unwrap().name.as_deref(),
            Some("Nguyễn Văn A")
        );
        assert_eq!(plan.document.attachments[0].doc_type.as_deref(), Some("PL"));
        assert!(
            plan.sections
                .iter()
                .any(|s| s.children.iter().any(|c| c.id == "II.1"))
        );
        // No signature between the plan and its appendix.
        let plan = crate::parse_text(
            "II. NHIỆM VỤ
1. Tổ chức tập huấn.
Cơ quan chủ trì: Sở Nội vụ.
PHỤ LỤC II
TT
Nhiệm vụ
Thời gian hoàn thành
1
Rà soát văn bản
Quý I/2024
",
        );
        let ids: Vec<&str> = plan.tasks.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, ["II.1", "PLII.1"]);
        // Two appendices without a number; a title on the type line.
        let plan = crate::parse_text(
            "II. NHIỆM VỤ\n1. Tổ chức tập huấn.\nCơ quan chủ trì: Sở Nội vụ.\nPHỤ LỤC: DANH MỤC DỮ LIỆU\nTT\nNhiệm vụ\nCơ quan chủ trì\n1\nXây dựng kho dữ liệu\nSở Tài chính\nPHỤ LỤC\nTT\nNhiệm vụ\nCơ quan chủ trì\n1\nNâng cấp mạng\nSở Xây dựng\n",
        );
        let ids: Vec<&str> = plan.tasks.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, ["II.1", "PL.1", "PL#2.1"]);
        assert_eq!(
            plan.document.attachments[0].title.as_deref(),
            Some("DANH MỤC DỮ LIỆU")
        );
    }

    /// A resolution's signature, then the programme it issues under its own issuer and
    /// motto, each over a rule ("__________"): the rules and motto are the programme's
    /// header, not the signer's titles.
    #[test]
    fn programme_header_after_a_signature() {
        let plan = crate::parse_text(
            "NGHỊ QUYẾT
Ban hành Chương trình hành động
Điều 1. Ban hành kèm theo Nghị quyết này Chương trình hành động.
TM. CHÍNH PHỦ
KT. THỦ TƯỚNG
PHÓ THỦ TƯỚNG
Phạm Thị Thanh Trà
CHÍNH PHỦ
__________
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
________________
CHƯƠNG TRÌNH
Hành động thực hiện Kết luận số 210-KL/TW
II. NHIỆM VỤ
1. Tổ chức tập huấn.
Cơ quan chủ trì: Bộ Nội vụ.
",
        );
        let signer = plan.document.signer.as_ref().expect("a signer");
        assert_eq!(signer.title.as_deref(), Some("Phó Thủ tướng"));
        assert!(plan.unparsed.is_empty(), "{:?}", plan.unparsed);
        let ids: Vec<&str> = plan.tasks.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, ["II.1"]);
    }

    /// A field line after an item's bullets, itself unmarked, closes the item: its
    /// bullets are sub-points. Headings give a deadline to tasks without one.
    #[test]
    fn closing_field_and_deadlines_from_headings() {
        let plan = crate::parse_text(
            "III. NHIỆM VỤ VÀ GIẢI PHÁP
1. Các nhiệm vụ cần làm ngay trong năm 2026
Thực hiện theo Phụ lục kèm theo.
3. Nhiệm vụ thường xuyên
3.1. Tăng cường tuyên truyền
- Quán triệt quan điểm bảo vệ môi trường.
- Đưa chỉ tiêu môi trường vào đánh giá.
Trách nhiệm chỉ đạo thực hiện: Đảng ủy Ủy ban nhân dân tỉnh; các cấp ủy, tổ chức đảng.
3.2. Quản lý chất thải
Trách nhiệm chỉ đạo thực hiện: Đảng ủy Ủy ban nhân dân tỉnh.
",
        );
        let got: Vec<(&str, Vec<&str>, Option<String>, bool)> = plan
            .tasks
            .iter()
            .map(|t| {
                let (due, ongoing) = due(t);
                (t.id.as_str(), names(&t.lead), due, ongoing)
            })
            .collect();
        assert_eq!(
            got,
            [
                ("III.1", vec![], Some("2026-12-31".to_string()), false),
                (
                    "III.3.1",
                    vec!["Đảng ủy Ủy ban nhân dân tỉnh", "các cấp ủy, tổ chức đảng"],
                    None,
                    true
                ),
                ("III.3.2", vec!["Đảng ủy Ủy ban nhân dân tỉnh"], None, true),
            ]
        );
    }

    /// Field lines after a later bullet belong to that bullet; a heading's cited date is
    /// no deadline.
    #[test]
    fn bullet_fields_and_cited_dates_in_headings() {
        let plan = crate::parse_text(
            "II. NHIỆM VỤ\n1. Hoàn thiện thể chế\n- Rà soát văn bản.\n- Xây dựng quy chế dữ liệu.\nCơ quan chủ trì: Văn phòng UBND tỉnh.\n- Ban hành danh mục dữ liệu mở.\nCơ quan chủ trì: Sở Khoa học và Công nghệ.\n2. Triển khai Nghị quyết 57 ngày 22/12/2024\n2.1. Rà soát thủ tục.\nCơ quan chủ trì: Sở Tư pháp.\n",
        );
        let got: Vec<(&str, Vec<&str>, bool)> = plan
            .tasks
            .iter()
            .map(|t| (t.id.as_str(), names(&t.lead), t.deadline.is_some()))
            .collect();
        assert_eq!(
            got,
            [
                ("II.1#2", vec!["Văn phòng UBND tỉnh"], false),
                ("II.1#3", vec!["Sở Khoa học và Công nghệ"], false),
                ("II.2.1", vec!["Sở Tư pháp"], false),
            ]
        );
    }

    /// A task table inside a numbered item numbers its rows under that item; the next
    /// item after the table is the table's parent's sibling.
    #[test]
    fn a_table_inside_an_item() {
        let plan = crate::parse_text(
            "I. MỤC ĐÍCH\nNâng cao hiệu quả.\nII. NHIỆM VỤ\n1. Nhiệm vụ trọng tâm\nTT\nNhiệm vụ\nCơ quan chủ trì\nThời gian hoàn thành\n1\nXây dựng kho dữ liệu\nSở Thông tin và Truyền thông\nQuý II/2024\n2\nSố hóa hồ sơ\nSở Nội vụ\nQuý III/2024\n2. Tổ chức tập huấn kỹ năng số.\nCơ quan chủ trì: Sở Nội vụ.\n",
        );
        let ids: Vec<&str> = plan.tasks.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, ["II.1.1", "II.1.2", "II.2"]);
        assert!(plan.warnings.is_empty(), "{:?}", plan.warnings);
        // A table at the top of a part, then item "3.": the item follows the rows.
        let plan = crate::parse_text(
            "I. MỤC ĐÍCH\nNâng cao hiệu quả.\nII. NHIỆM VỤ\nTT\nNhiệm vụ\nCơ quan chủ trì\n1\nXây dựng kho dữ liệu\nSở Tài chính\n2\nNâng cấp mạng\nSở Xây dựng\n3. Tổ chức tập huấn cho cán bộ.\nCơ quan chủ trì: Sở Nội vụ.\n",
        );
        let ids: Vec<&str> = plan.tasks.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, ["II.1", "II.2", "II.3"]);
    }

    /// A task assigned in brackets keeps the brackets in its text, not in its title.
    #[test]
    fn bracketed_assignment_leaves_the_title() {
        let plan = crate::parse_text(
            "II. NHIỆM VỤ\n1. Triển khai ứng dụng VNeID (Sở Tư pháp chủ trì, phối hợp Công an tỉnh; hoàn thành trong tháng 8/2024).\n",
        );
        let task = &plan.tasks[0];
        assert_eq!(task.title, "Triển khai ứng dụng VNeID.");
        assert!(task.text.contains("(Sở Tư pháp chủ trì"));
        assert_eq!(names(&task.lead), ["Sở Tư pháp"]);
        assert_eq!(without_group("A (b) c", "b"), "A c");
        assert_eq!(without_group("A (b), c", "b"), "A, c");
        assert_eq!(without_group("A (b)", "x"), "A (b)");
    }

    #[test]
    fn parenthetical_assignments() {
        let rows: &[Row] = &[
            (
                "Xây dựng cơ sở dữ liệu (Sở Y tế chủ trì, phối hợp với Công an tỉnh thực hiện; hoàn thành trong Quý II/2024).",
                &["Sở Y tế"],
                &["Công an tỉnh"],
                Some("2024-06-30"),
            ),
            (
                "Xây dựng cơ sở dữ liệu ngành y tế (Sở Y tế chủ trì; Sở Khoa học và Công nghệ phối hợp; hoàn thành năm 2026).",
                &["Sở Y tế"],
                &["Sở Khoa học và Công nghệ"],
                Some("2026-12-31"),
            ),
            (
                "Nâng cấp hạ tầng mạng (Trách nhiệm: Sở Thông tin và Truyền thông; thời gian: năm 2024).",
                &["Sở Thông tin và Truyền thông"],
                &[],
                Some("2024-12-31"),
            ),
            (
                "Số hóa hồ sơ (ưu tiên hồ sơ đất đai) (Cơ quan chủ trì: Sở Tài nguyên và Môi trường; Cơ quan phối hợp: UBND cấp huyện).",
                &["Sở Tài nguyên và Môi trường"],
                &["UBND cấp huyện"],
                None,
            ),
            (
                "Xây dựng Quy chế (Giao Công an tỉnh chủ trì, phối hợp với Văn phòng UBND tỉnh; Sở Tư pháp và các cơ quan có liên quan tham mưu).",
                &["Công an tỉnh"],
                &[
                    "Văn phòng UBND tỉnh",
                    "Sở Tư pháp",
                    "các cơ quan có liên quan",
                ],
                None,
            ),
            (
                "Thành lập Đoàn kiểm tra (Giao Công an tỉnh tham mưu).",
                &["Công an tỉnh"],
                &[],
                None,
            ),
            // Who and when with no labels: a whole agency list, then a time.
            (
                "Xây dựng đề án (Sở Xây dựng, Sở Tài chính theo chức năng, nhiệm vụ; năm 2026).",
                &["Sở Xây dựng", "Sở Tài chính"],
                &[],
                Some("2026-12-31"),
            ),
        ];
        for (text, lead, support, due) in rows {
            let p = parenthetical_assignment(text, Some(2024)).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(names(&p.lead), *lead, "{text}");
            assert_eq!(names(&p.support), *support, "{text}");
            let got = p.deadline.and_then(|d| d.due).map(|d| d.to_string());
            assert_eq!(got.as_deref(), *due, "{text}");
        }
        for text in [
            "Rà soát văn bản (theo Quyết định số 06/QĐ-TTg).",
            "Tập huấn (02 lớp) cho cán bộ.",
            "Kiểm tra (giao nhận tài liệu mật).",
            "Hợp tác quốc tế (Mỹ, Nga; năm 2026).",
            "Trao đổi (Sở Y tế; Sở Tài chính).",
            "Không có ngoặc.",
        ] {
            assert!(
                parenthetical_assignment(text, Some(2024)).is_none(),
                "{text}"
            );
        }
    }

    /// A council's resolution on questioning: the article that asks the people's
    /// committee for "một số công việc sau:" holds the tasks; "Chỉ đạo X …" and "Đề
    /// nghị UBND tỉnh chỉ đạo X …" have X do the work; a bullet "- Chỉ đạo X:" names
    /// who does the points below it, and a topic heading may say whom its points are for.
    #[test]
    fn a_resolutions_requests_are_tasks() {
        let text = "NGHỊ QUYẾT\nVề chất vấn và trả lời chất vấn tại kỳ họp thứ năm\n\
             Điều 1. Hội đồng nhân dân tỉnh đánh giá cao tinh thần trách nhiệm của các sở.\n\
             Điều 2. Hội đồng nhân dân tỉnh đề nghị Ủy ban nhân dân tỉnh quan tâm chỉ đạo thực hiện một số công việc sau:\n\
             1. Về lĩnh vực Văn hóa - Xã hội:\n\
             Chỉ đạo Sở Văn hóa, Thể thao và Du lịch chủ động tham mưu các giải pháp quản lý các công trình văn hóa.\n\
             2. Về đầu tư xây dựng:\n\
             a) Thực hiện nghiêm kỷ luật, kỷ cương trong đầu tư.\n\
             b) Đề nghị\nUBND tỉnh chỉ đạo các ngành chức năng thực hiện đúng các cam kết sau:\n\
             - Chỉ đạo Ban Dân tộc tỉnh phối hợp với UBND huyện Hoàng Su Phì rà soát kinh phí còn thiếu.\n\
             - Chỉ đạo Sở Nông nghiệp và Phát triển nông thôn:\n\
             + Nghiệm thu, bàn giao công trình kè trong tháng 7/2017.\n\
             + Chủ động phối hợp với UBND huyện Vị Xuyên sửa chữa hồ chứa nước trong quý IV năm 2017.\n\
             3. Về lĩnh vực Quốc phòng:\n\
             Đề nghị UBND tỉnh chỉ đạo Bộ Chỉ huy Quân sự tỉnh phối hợp với Sở Tài chính xây dựng phương án đền bù; phối hợp với Sở Tài nguyên và Môi trường hoàn thiện thủ tục thu hồi đất.\n\
             4. Về lĩnh vực Tư pháp: Đề nghị UBND tỉnh chỉ đạo Công an tỉnh:\n\
             - Tăng cường kỷ luật, kỷ cương trong toàn ngành.\n\
             - Nghiên cứu chuyển thủ tục cấp chứng minh nhân dân về Trung tâm hành chính công.\n\
             Điều 3. Nghị quyết này có hiệu lực kể từ ngày ký.\n";
        let plan = crate::parse_text(text);
        assert_eq!(
            roles(&plan),
            [
                ("Điều 2.1", vec!["Sở Văn hóa, Thể thao và Du lịch"], vec![]),
                ("Điều 2.2.a", vec!["Ủy ban nhân dân tỉnh"], vec![]),
                (
                    "Điều 2.2.b#1",
                    vec!["Ban Dân tộc tỉnh"],
                    vec!["UBND huyện Hoàng Su Phì"]
                ),
                (
                    "Điều 2.2.b#2#1",
                    vec!["Sở Nông nghiệp và Phát triển nông thôn"],
                    vec![]
                ),
                (
                    "Điều 2.2.b#2#2",
                    vec!["UBND huyện Vị Xuyên"],
                    vec!["Sở Nông nghiệp và Phát triển nông thôn"]
                ),
                (
                    "Điều 2.3",
                    vec!["Bộ Chỉ huy Quân sự tỉnh"],
                    vec!["Sở Tài chính", "Sở Tài nguyên và Môi trường"]
                ),
                ("Điều 2.4#1", vec!["Công an tỉnh"], vec![]),
                ("Điều 2.4#2", vec!["Công an tỉnh"], vec![]),
            ]
        );
        assert_accounted(text);
    }

    /// A row and a bullet of its own share a line without conflict; other owners do not.
    #[test]
    fn a_row_and_its_own_bullet_share_a_line() {
        let task = |id: &str| Owner::Task(Arc::from(id));
        assert!(own_part(&task("PL.O.1#1"), &task("PL.O.1")));
        assert!(!own_part(&task("PL.O.1"), &task("PL.O.1#1")));
        assert!(!own_part(&task("PL.O.10#1"), &task("PL.O.1")));
        assert!(!own_part(&task("PL.O.2"), &task("PL.O.1")));
        assert!(!own_part(
            &Owner::Section(Arc::from("PL.O.1#1")),
            &task("PL.O.1")
        ));
        // A row whose cell's points are tasks is a section over them.
        assert!(own_part(&task("1#2"), &Owner::Section(Arc::from("1"))));
        // Two points of one row's cells share the row's line; other tasks do not.
        assert!(sibling_parts(&task("1#2"), &task("1#4")));
        assert!(!sibling_parts(&task("1#2"), &task("2#2")));
        assert!(!sibling_parts(&task("1"), &task("2")));
        // A row rebuilt from cells between "|" lines, its cells' numbered points on
        // the row's one line (a case the mutation test found).
        let text = "|\n**STT**\n|\n**Tên nhiệm vụ**\n|\n**Người đứng đầu chịu trách nhiệm**\n|\n**chủ trì**\n|\n**Thời hạn hoàn thành**\n|\n|\n1\n|\n|\n|\n|\n|\n|\nCÁC NHIỆM VỤ THỰC HIỆN KẾ HOẠCH CỦA BỘ\n|\nkhai xây dựng 03 nền tảng: (1) Nền tảng thông tin giải quyết thủ tục\nhành chính các lĩnh vực thuộc phạm vi quản lý nhà nước của Bộ VHTTDL; (2) Nền\n|\n(1) Giám đốc Trung tâm Chuyển đổi số VHTTDL;\n(2) Cục trưởng Cục DLQGVN\n|\nTrung tâm Chuyển đổi số VHTTDL; Cục DLQGVN\n|";
        crate::test_support::assert_accounted(text);
    }

    /// An agency line of its own between an item's heading and its lettered items
    /// names who does them, as it does over bullets.
    #[test]
    fn an_agency_line_over_lettered_items() {
        let plan = crate::parse_text(
            "II. NHIỆM VỤ\n1. Về nhà ở\n1.2. Hỗ trợ khẩn cấp về nhà ở\n\nỦy ban nhân dân các tỉnh, thành\nphố:\n\na) Huy động các nguồn lực hỗ trợ sửa chữa nhà.\n\nb) Chủ động rà soát quỹ đất tái định cư.\n",
        );
        let leads: Vec<(&str, Vec<&str>)> = plan
            .tasks
            .iter()
            .map(|t| {
                (
                    t.id.as_str(),
                    t.lead.iter().map(|a| a.name.as_str()).collect(),
                )
            })
            .collect();
        assert_eq!(
            leads,
            [
                ("II.1.2.a", vec!["Ủy ban nhân dân các tỉnh, thành phố"]),
                ("II.1.2.b", vec!["Ủy ban nhân dân các tỉnh, thành phố"]),
            ]
        );
    }

    /// An item that is an assignment introducing its bullets ("a) Bộ Tài chính chủ trì,
    /// phối hợp với …:") gives each bullet its lead, and its partners to each bullet
    /// that names none of its own; a bullet's own partners stay its own.
    #[test]
    fn an_assignment_over_bullets_leads_each() {
        let plan = crate::parse_text(
            "II. NHIỆM VỤ
6. Về tài chính
a) Bộ Tài chính chủ trì, phối hợp
với các bộ, cơ quan, địa phương:
- Tổng hợp tình hình thiệt hại, báo cáo Thủ tướng Chính phủ;
- Cử chuyên viên phối hợp với Ủy ban nhân dân các tỉnh rà soát hồ sơ;
- Đánh giá ảnh hưởng của thiên tai, hoàn thành trong tháng 12 năm 2025.
b) Ngân hàng Nhà nước Việt Nam chỉ đạo các tổ chức tín dụng cơ cấu lại nợ.
",
        );
        let rows: Vec<(&str, Vec<&str>, Vec<&str>)> = plan
            .tasks
            .iter()
            .map(|t| {
                (
                    t.id.as_str(),
                    t.lead.iter().map(|a| a.name.as_str()).collect(),
                    t.support.iter().map(|a| a.name.as_str()).collect(),
                )
            })
            .collect();
        assert_eq!(
            rows[..3],
            [
                (
                    "II.6.a#1",
                    vec!["Bộ Tài chính"],
                    vec!["các bộ, cơ quan, địa phương"]
                ),
                (
                    "II.6.a#2",
                    vec!["Bộ Tài chính"],
                    vec!["Ủy ban nhân dân các tỉnh"]
                ),
                (
                    "II.6.a#3",
                    vec!["Bộ Tài chính"],
                    vec!["các bộ, cơ quan, địa phương"]
                ),
            ]
        );
        assert_eq!(rows[3].0, "II.6.b");
        // One bullet under it is the item's own point, not a task of its own.
        let plan = crate::parse_text(
            "II. NHIỆM VỤ\n1. Sở Tài chính chủ trì, phối hợp với Sở Nội vụ:\n- Bố trí kinh phí thực hiện.\n",
        );
        let ids: Vec<&str> = plan.tasks.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, ["II.1"]);
    }

    /// A ministry's letter that gives work by unit with no task part ("Bộ trưởng giao:"):
    /// "Unit: work" items, "Unit: intro:" over bullets, a head of bodies over bullets
    /// whose short intro ("Nghiên cứu, tham mưu Lãnh đạo Bộ:") heads its points, and a
    /// report "hằng tháng" after its addressee.
    #[test]
    fn a_ministrys_letter_gives_work_by_unit() {
        let text = "Kính gửi: Thủ trưởng các cơ quan tham mưu, quản lý nhà nước thuộc Bộ\n\
             Thực hiện ý kiến chỉ đạo của Thủ tướng Chính phủ, Bộ trưởng giao:\n\
             1. Thủ trưởng các cơ quan tham mưu, quản lý nhà nước thuộc Bộ\n\
             - Nghiên cứu, tham mưu Lãnh đạo Bộ:\n\
             + Các chính sách thể chế hóa chủ trương của Đảng.\n\
             + Kiên quyết cắt giảm thủ tục hành chính.\n\
             - Siết chặt kỷ luật, kỷ cương hành chính.\n\
             2. Vụ Tổ chức cán bộ: Tham mưu Lãnh đạo Bộ:\n\
             - Đề xuất hoàn thiện tổ chức bộ máy.\n\
             - Phân cấp, phân quyền tối đa cho các cấp.\n\
             3. Vụ Kế hoạch, Tài chính\n\
             - Chủ trì, phối hợp với các cơ quan, đơn vị liên quan tổng hợp kết quả, báo cáo Thủ tướng Chính phủ hằng tháng.\n\
             4. Văn phòng Bộ: Thực hiện tốt công tác tiếp công dân.\n";
        let plan = crate::parse_text(text);
        let heads = "Thủ trưởng các cơ quan tham mưu, quản lý nhà nước thuộc Bộ";
        assert_eq!(
            roles(&plan),
            [
                ("1#1#1", vec![heads], vec![]),
                ("1#1#2", vec![heads], vec![]),
                ("1#2", vec![heads], vec![]),
                ("2#1", vec!["Vụ Tổ chức cán bộ"], vec![]),
                ("2#2", vec!["Vụ Tổ chức cán bộ"], vec![]),
                (
                    "3#1",
                    vec!["Vụ Kế hoạch, Tài chính"],
                    vec!["các cơ quan, đơn vị liên quan"]
                ),
                ("4", vec!["Văn phòng Bộ"], vec![]),
            ]
        );
        let monthly = plan.tasks.iter().find(|t| t.id == "3#1").unwrap();
        assert!(monthly.deadline.as_ref().is_some_and(|d| d.ongoing));
        assert_accounted(text);
    }

    /// A resolution's topics over bullets that name a body alone ("- Bộ Công Thương")
    /// over its "+" points, a request with no colon ("b) Đề nghị Trung ương Mặt trận Tổ
    /// quốc Việt Nam") over bullets that direct named bodies, and an agency line of its
    /// own between a topic and its bullets.
    #[test]
    fn bodies_named_alone_and_requests_without_a_colon() {
        let text = "III. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU\n\
             1. Phát động phong trào toàn dân tham gia bảo vệ môi trường\n\
             a) Tiếp tục hoàn thiện thể chế chính sách về quản lý rác thải\n\
             - Bộ Công Thương\n\
             + Ban hành các chính sách thúc đẩy phát triển năng lượng tái tạo.\n\
             + Rà soát các quy hoạch về năng lượng.\n\
             - Bộ Xây dựng\n\
             + Ban hành các quy định về an toàn kỹ thuật.\n\
             b) Đề nghị Trung ương Mặt trận Tổ quốc Việt Nam\n\
             - Chỉ đạo Hội Nông dân Việt Nam đẩy mạnh tuyên truyền hội viên.\n\
             - Chỉ đạo Tổng Liên đoàn\n\
             Lao động Việt Nam phát động phong trào trong công nhân.\n\
             c) Hoàn thiện hạ tầng thu gom\n\
             \n\
             Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương:\n\
             - Rà soát danh mục các dự án đầu tư.\n";
        let plan = crate::parse_text(text);
        assert_eq!(
            roles(&plan),
            [
                ("III.1.a#1#1", vec!["Bộ Công Thương"], vec![]),
                ("III.1.a#1#2", vec!["Bộ Công Thương"], vec![]),
                ("III.1.a#2#1", vec!["Bộ Xây dựng"], vec![]),
                ("III.1.b#1", vec!["Hội Nông dân Việt Nam"], vec![]),
                (
                    "III.1.b#2",
                    vec!["Tổng Liên đoàn Lao động Việt Nam"],
                    vec![]
                ),
                (
                    "III.1.c#1",
                    vec!["Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"],
                    vec![]
                ),
            ]
        );
        assert_accounted(text);
    }

    /// Fields numbered as letters and run into one line, as a scan's text gives them,
    /// read as when each has its own line.
    #[test]
    fn lettered_fields_run_into_one_line() {
        let text = "II. NỘI DUNG\n\
             1. Tổ chức triển khai Nghị quyết số 76/NQ-CP, cụ thể: a) Cơ quan chủ trì: Sở Nội vụ; b) Cơ quan phối hợp: Các cơ quan, đơn vị; c) Thời gian thực hiện: Năm 2025.\n\
             2. Xây dựng cơ sở dữ liệu.\n\
             a) Cơ quan chủ trì: Sở Khoa học và Công nghệ. b) Cơ quan phối hợp: Sở Tài chính. c) Thời gian thực hiện: Quý II/2026.\n";
        let plan = crate::parse_text(text);
        assert_eq!(
            roles(&plan),
            [
                ("II.1", vec!["Sở Nội vụ"], vec!["Các cơ quan, đơn vị"]),
                (
                    "II.2",
                    vec!["Sở Khoa học và Công nghệ"],
                    vec!["Sở Tài chính"]
                ),
            ]
        );
        let due: Vec<_> = plan.tasks.iter().map(|t| due(t).0).collect();
        assert_eq!(due, [Some("2025-12-31".into()), Some("2026-06-30".into())]);
        assert_accounted(text);
    }

    /// A conclusion notice's work: points numbered in brackets inside a paragraph, after
    /// an agency's colon or a heading's, are tasks of their own (a bracketed number set
    /// in bold at a line's end does not end the paragraph); a line cut after "phối hợp"
    /// goes on into the partners; the year a summary covers is no deadline.
    #[test]
    fn numbered_points_inside_a_paragraph() {
        let text = "III. NHIỆM VỤ\n\
             1. Khẩn trương xây dựng chiến lược dữ liệu: (1) Thanh tra Chính phủ ban hành trước ngày 25 tháng 11 năm 2025; (2) Bộ Công an chủ trì, phối hợp các bộ ban hành hướng dẫn.\n\
             2. Nhiệm vụ về chuyển đổi số\n\
             a) Bộ Khoa học và Công nghệ: (1) trình Thủ tướng Chính phủ Chương trình quốc gia, hoàn thành trong tháng 11 năm 2025; **(2)**\n\
             Phối hợp với Bộ Tài chính hướng dẫn các bộ, ngành.\n\
             b) Đài Truyền hình Việt Nam chủ trì, phối hợp\n\
             Bộ Quốc phòng, Văn phòng Chính phủ xây dựng video clip tổng kết năm 2025.\n\
             c) Bộ Y tế thực hiện các nội dung, bao gồm: (1) đánh giá tác động; (2) xây dựng chính sách.\n";
        let plan = crate::parse_text(text);
        assert_eq!(
            roles(&plan),
            [
                ("III.1#1", vec!["Thanh tra Chính phủ"], vec![]),
                ("III.1#2", vec!["Bộ Công an"], vec!["các bộ"]),
                ("III.2.a#1", vec!["Bộ Khoa học và Công nghệ"], vec![]),
                (
                    "III.2.a#2",
                    vec!["Bộ Tài chính"],
                    vec!["Bộ Khoa học và Công nghệ"]
                ),
                (
                    "III.2.b",
                    vec!["Đài Truyền hình Việt Nam"],
                    vec!["Bộ Quốc phòng", "Văn phòng Chính phủ"]
                ),
                ("III.2.c", vec!["Bộ Y tế"], vec![]),
            ]
        );
        let due: Vec<_> = plan.tasks.iter().map(|t| due(t).0).collect();
        assert_eq!(
            due,
            [
                Some("2025-11-25".into()),
                None,
                Some("2025-11-30".into()),
                None,
                None,
                None
            ]
        );
        assert_accounted(text);
    }

    /// A heading that names its topic before a colon says who does the work after it.
    #[test]
    fn subject_after_a_topic() {
        let plan = crate::parse_text(
            "III. NHIỆM VỤ\n1. Hoàn thiện thể chế, cơ chế chính sách: Các bộ khẩn trương trình Chính phủ ban hành các Nghị định hướng dẫn.\n2. Hoàn thiện dữ liệu: rà soát, cập nhật dữ liệu dân cư.\n",
        );
        assert_eq!(
            roles(&plan),
            [("III.1", vec!["Các bộ"], vec![]), ("III.2", vec![], vec![])]
        );
    }
}
