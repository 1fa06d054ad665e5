//! Stage 4, structure: blocks → section tree, with ids and sequence checks.
//!
//! Nesting comes from the order labels appear in, not from a fixed hierarchy: a label
//! whose level is already open closes it and becomes its sibling; any other label opens
//! a child of the innermost open item. So "II > 1 > 1.1 > a" and "II > a > -" both work,
//! and so does a plan that starts at decimal labels with no Roman parts.

use crate::blocks::{Block, is_heading_text, sentences};
use crate::lexicon::{FieldRole, lexicon};
use crate::lines::{Label, Level, LineKind, next_latin_letter, next_letter};

/// Index of a node in [`Body::nodes`]; 0 is the root.
pub type NodeId = usize;

/// A numbered item, bullet, or the document root.
#[derive(Debug, Clone)]
pub struct Node {
    pub parent: Option<NodeId>,
    pub children: Vec<NodeId>,
    pub kind: NodeKind,
    /// The label as printed ("2.2.1", "a", "-").
    pub label: String,
    /// Block index of the heading (the labelled block).
    pub head: Option<usize>,
    /// Prose blocks that follow the heading.
    pub body: Vec<usize>,
    /// Field blocks ("Cơ quan chủ trì: ...").
    pub fields: Vec<(FieldRole, usize)>,
    /// The fields are a group's, written under its last item (which owns their lines):
    /// read here, never claimed here.
    pub borrowed_fields: bool,
    /// The id per the contract ("II.2.2.4.a", "II.3.d#2", "III.1#3").
    pub id: String,
}

impl Node {
    /// The field blocks whose lines this node owns: none when they are borrowed.
    pub fn owned_field_blocks(&self) -> impl Iterator<Item = usize> + '_ {
        let owned = if self.borrowed_fields {
            &[][..]
        } else {
            &self.fields[..]
        };
        owned.iter().map(|(_, b)| *b)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NodeKind {
    Root,
    Labelled(Label),
    Bullet(char),
}

/// The body of a document, structured.
#[derive(Debug, Default)]
pub struct Body {
    pub blocks: Vec<Block>,
    pub nodes: Vec<Node>,
    /// Prose before the first label.
    pub preamble: Vec<usize>,
    /// Prose after the last part that closes the document.
    pub closing: Vec<usize>,
    /// Page numbers and the like.
    pub furniture: Vec<usize>,
    /// Blocks that could not be placed.
    pub unplaced: Vec<usize>,
    /// (code, message, block index, node) problems found on the way.
    pub problems: Vec<Problem>,
}

#[derive(Debug, Clone)]
pub struct Problem {
    pub code: &'static str,
    pub message: String,
    pub block: usize,
    pub node: Option<NodeId>,
}

/// Build the tree from body blocks.
pub fn build(blocks: Vec<Block>) -> Body {
    build_under(blocks, "")
}

/// [`build`], with every id under `root` ("PL" + "." + "1.a" for the items of an
/// appendix attached after the plan). An empty root gives the ids of [`build`].
pub fn build_under(blocks: Vec<Block>, root: &str) -> Body {
    let mut b = Body {
        nodes: vec![Node {
            parent: None,
            children: Vec::new(),
            kind: NodeKind::Root,
            label: String::new(),
            head: None,
            body: Vec::new(),
            fields: Vec::new(),
            borrowed_fields: false,
            id: root.to_owned(),
        }],
        ..Body::default()
    };
    let lx = lexicon();
    // Open items, outermost first; the root is implicit below them.
    let mut stack: Vec<NodeId> = Vec::new();
    let mut seen_part = false;
    let mut closing = false;
    // The last item, bullet or field: a request after it closes the document.
    let last_item = blocks.iter().rposition(|b| {
        matches!(
            b.kind,
            LineKind::Label { .. } | LineKind::Bullet { .. } | LineKind::Field { .. }
        )
    });
    for (bi, block) in blocks.iter().enumerate() {
        match &block.kind {
            LineKind::PageNumber | LineKind::Furniture => b.furniture.push(bi),
            LineKind::Label { label, row, .. } => {
                closing = false;
                seen_part |= matches!(
                    label.level,
                    Level::Roman | Level::Part | Level::Chapter | Level::Article
                );
                pop_bullets(&b.nodes, &mut stack);
                // Rows and items close only their own kind: a table inside item "1."
                // numbers its rows 1, 2 … under that item, and item "2." after the table
                // closes item "1.", not row 2.
                let is_row = |n: NodeId| {
                    b.nodes[n].head.is_some_and(|h| {
                        matches!(blocks[h].kind, LineKind::Label { row: true, .. })
                    })
                };
                let same = |n: NodeId| same_level(&b.nodes[n].kind, &label.level);
                // An item after a table at the top of a part ("3." after rows 1, 2)
                // closes the row of its level when no item of it is open.
                let own_kind = stack.iter().rposition(|&n| same(n) && *row == is_row(n));
                let any_kind = (!*row)
                    .then(|| stack.iter().rposition(|&n| same(n)))
                    .flatten();
                if let Some(p) = own_kind.or(any_kind) {
                    stack.truncate(p);
                }
                let parent = stack.last().copied().unwrap_or(0);
                let id = b.add(
                    parent,
                    NodeKind::Labelled(label.clone()),
                    label.text.clone(),
                    bi,
                );
                stack.push(id);
            }
            LineKind::Bullet { .. } if stack.is_empty() => {
                // A list before the first label is part of the preamble ("Căn cứ: - Luật ...").
                if closing || seen_part {
                    b.closing.push(bi)
                } else {
                    b.preamble.push(bi)
                }
            }
            LineKind::Bullet { mark, body } => {
                if let Some(p) = stack
                    .iter()
                    .rposition(|&n| b.nodes[n].kind == NodeKind::Bullet(*mark))
                {
                    stack.truncate(p);
                }
                let parent = stack.last().copied().unwrap_or(0);
                // The mark as printed: "-", or a bracketed number "(2)".
                let printed = match mark {
                    '(' => block.text[..*body].trim().to_owned(),
                    _ => mark.to_string(),
                };
                let id = b.add(parent, NodeKind::Bullet(*mark), printed, bi);
                stack.push(id);
            }
            LineKind::Field { role, .. } => {
                // A role field marked as an outer bullet ("- Cơ quan thực hiện: …" after
                // "- Nội dung gồm:" / "+ …" / "+ …") closes that bullet's sub-points: it
                // is that bullet's, or, when the bullet only introduced them (it ends
                // with ":"), the item's. ("- Sản phẩm …: …" may be a bullet of its own.)
                let mark = block
                    .text
                    .chars()
                    .next()
                    .filter(|_| *role != FieldRole::Other);
                if let Some(p) = mark.and_then(|m| {
                    stack
                        .iter()
                        .rposition(|&n| b.nodes[n].kind == NodeKind::Bullet(m))
                }) && p + 1 < stack.len()
                {
                    let intro = b.nodes[stack[p]]
                        .head
                        .is_some_and(|h| blocks[h].text.trim_end().ends_with(':'));
                    stack.truncate(if intro { p } else { p + 1 });
                }
                // Under a bare heading, bullets are the tasks and a field after one is
                // that bullet's ("- Rà soát ...", "+ Cơ quan chủ trì: ..."); under an
                // item with its own text, bullets are sub-points and fields are the item's.
                // A cell of the bullet's own table row is the bullet's, whatever the
                // item above it holds (a row of a table keyed by time).
                let bullet_row = stack.last().is_some_and(|&top| {
                    matches!(b.nodes[top].kind, NodeKind::Bullet(_))
                        && b.nodes[top]
                            .head
                            .is_some_and(|h| blocks[h].last_line() == block.first_line())
                });
                let item = stack
                    .iter()
                    .rev()
                    .find(|&&n| matches!(b.nodes[n].kind, NodeKind::Labelled(_)))
                    .copied();
                let bullet_task = bullet_row
                    || stack.last().is_some_and(|&top| {
                        matches!(b.nodes[top].kind, NodeKind::Bullet(_))
                            && item.is_none_or(|l| {
                                b.nodes[l]
                                    .head
                                    .is_some_and(|h| is_heading_text(blocks[h].body()))
                                    && b.nodes[l].body.is_empty()
                            })
                    });
                // A field marked as an earlier field of the item, after points that hung
                // under that one ("- Nội dung:" / "+ …" / "+ …" / "- Cơ quan thực hiện:
                // …"): the item's too. (Marked unlike the bullets alone, it may be one
                // level down: "- Chỉ đạo …" / "+ Thời gian hoàn thành: …".)
                let outer_mark = mark.is_some_and(|m| {
                    matches!(m, '-' | '+' | '•' | '*')
                        && stack.last().is_some_and(
                            |&top| matches!(b.nodes[top].kind, NodeKind::Bullet(k) if k != m),
                        )
                        && !stack
                            .iter()
                            .any(|&n| b.nodes[n].kind == NodeKind::Bullet(m))
                        && item.is_some_and(|l| {
                            b.nodes[l]
                                .fields
                                .iter()
                                .any(|&(_, f)| blocks[f].text.starts_with(m))
                        })
                });
                if !bullet_task || outer_mark {
                    pop_bullets(&b.nodes, &mut stack);
                }
                // Before any item, a cell of a row whose first cell went to the preamble
                // or the closing goes with it: the row's line keeps one owner.
                let row_in = |list: &[usize]| {
                    list.last()
                        .is_some_and(|&p| blocks[p].last_line() == block.first_line())
                };
                match stack.last() {
                    Some(&n) => b.nodes[n].fields.push((*role, bi)),
                    None if row_in(&b.preamble) => b.preamble.push(bi),
                    None if row_in(&b.closing) => b.closing.push(bi),
                    None => b.unplaced.push(bi),
                }
            }
            LineKind::Prose if seen_part && !closing && captions_table(&blocks, bi) => {
                // The table attached after the plan's parts, under a caption of its own
                // and numbered afresh ("NỘI DUNG CHI TIẾT" / "I | GIAI ĐOẠN 1 …"): an
                // appendix without its "PHỤ LỤC" line. Its rows are under "PL".
                stack.clear();
                let label = Label {
                    level: Level::Part,
                    text: "PL".to_owned(),
                    ordinal: 1,
                };
                let id = b.add(0, NodeKind::Labelled(label), "PL".to_owned(), bi);
                stack.push(id);
            }
            LineKind::Prose | LineKind::Blank => {
                if stack.is_empty() {
                    if closing || seen_part {
                        b.closing.push(bi);
                    } else {
                        b.preamble.push(bi);
                    }
                } else if closing
                    || (seen_part
                        && !shares_a_line(&blocks, bi)
                        && (lx.text_starts_with_any(&block.text, &lx.closing_openers)
                            || (lx.text_starts_with_any(&block.text, &lx.closing_requests)
                                && last_item.is_none_or(|l| l < bi))))
                {
                    closing = true;
                    b.closing.push(bi);
                } else {
                    let top = *stack.last().expect("non-empty");
                    b.nodes[top].body.push(bi);
                }
            }
        }
    }
    b.blocks = blocks;
    b.adopt_closing_fields();
    b.hand_repeated_fields_to_bullets();
    b.share_group_fields();
    b.assign_ids();
    b
}

impl Body {
    /// Field lines after an item's last bullet, when no earlier bullet has a field
    /// ("- …", "- …", "Trách nhiệm chỉ đạo thực hiện: …"; "- …", "- Đơn vị chủ trì: …"),
    /// close the item: they are its fields, and its bullets are sub-points.
    fn adopt_closing_fields(&mut self) {
        for n in 0..self.nodes.len() {
            let bullets: Vec<NodeId> = self.nodes[n]
                .children
                .iter()
                .copied()
                .filter(|&c| matches!(self.nodes[c].kind, NodeKind::Bullet(_)))
                .collect();
            let [earlier @ .., last] = bullets.as_slice() else {
                continue;
            };
            // Unmarked, or marked as the bullets are ("- Thời gian thực hiện: …" after
            // "- …"): a field one level down ("+ Thời gian: …") is the bullet's.
            let NodeKind::Bullet(mark) = self.nodes[*last].kind else {
                continue;
            };
            let closes = |&(_, b): &(FieldRole, usize)| {
                self.blocks[b]
                    .text
                    .starts_with(|c: char| c.is_alphanumeric() || c == mark)
            };
            let closing = self.nodes[n].children.last() == Some(last)
                && self.nodes[*last].children.is_empty()
                && !self.nodes[*last].fields.is_empty()
                && self.nodes[*last].fields.iter().all(closes)
                && earlier.iter().all(|&c| self.nodes[c].fields.is_empty());
            if closing {
                let fields = std::mem::take(&mut self.nodes[*last].fields);
                self.nodes[n].fields.extend(fields);
            }
        }
    }

    /// An item with text of its own keeps the fields written under its bullets ("5.
    /// Nghiên cứu giải pháp …; sử dụng … pháp luật." / "- Nghiên cứu …" / "Đơn vị chủ
    /// trì: …" / "- Các cơ quan …" / "Đơn vị chủ trì: …"), but when it would hold a
    /// role twice, each group is the bullet's above it: the bullets are the tasks.
    /// Fields above the first bullet stay the item's.
    fn hand_repeated_fields_to_bullets(&mut self) {
        for n in 0..self.nodes.len() {
            let node = &self.nodes[n];
            if !matches!(node.kind, NodeKind::Labelled(_)) {
                continue;
            }
            let repeated = node
                .fields
                .iter()
                .enumerate()
                .any(|(k, (r, _))| node.fields[..k].iter().any(|(e, _)| e == r));
            if !repeated {
                continue;
            }
            let bullets: Vec<(usize, NodeId)> = node
                .children
                .iter()
                .filter(|&&c| matches!(self.nodes[c].kind, NodeKind::Bullet(_)))
                .filter_map(|&c| Some((self.nodes[c].head?, c)))
                .collect();
            let owner = |bi: usize| bullets.iter().rev().find(|(h, _)| *h < bi).map(|(_, c)| *c);
            let mut moves: Vec<(NodeId, (FieldRole, usize))> = Vec::new();
            let mut keep = Vec::new();
            for &(role, bi) in &node.fields {
                match owner(bi) {
                    Some(c) => moves.push((c, (role, bi))),
                    None => keep.push((role, bi)),
                }
            }
            // Each bullet takes one group: a role twice under one bullet is no grouping
            // this reading explains.
            let clash = moves
                .iter()
                .enumerate()
                .any(|(k, (c, (r, _)))| moves[..k].iter().any(|(d, (e, _))| d == c && e == r));
            let owners = moves
                .iter()
                .map(|(c, _)| *c)
                .collect::<std::collections::BTreeSet<_>>();
            if clash || owners.len() < 2 {
                continue;
            }
            self.nodes[n].fields = keep;
            for (c, field) in moves {
                self.nodes[c].fields.push(field);
            }
        }
    }

    /// "3. Giải quyết tranh chấp lao động" / "3.1. …" / "3.2. …" / "3.3. …" / "- Cơ quan
    /// thực hiện: …" / "- Thời gian thực hiện: …": fields after the last of a group of
    /// numbered items, none of which has fields of its own, are the group's: each item
    /// gets them. Only where the document gives its other items fields of their own, so
    /// fields are how it assigns work.
    fn share_group_fields(&mut self) {
        let labelled = |nodes: &[Node], n: NodeId| -> Vec<NodeId> {
            nodes[n]
                .children
                .iter()
                .copied()
                .filter(|&c| matches!(nodes[c].kind, NodeKind::Labelled(_)))
                .collect()
        };
        let with_fields = self
            .nodes
            .iter()
            .filter(|n| n.fields.iter().any(|(r, _)| *r == FieldRole::Lead))
            .count();
        let mut shared = Vec::new();
        for n in 0..self.nodes.len() {
            let items = labelled(&self.nodes, n);
            let [earlier @ .., last] = items.as_slice() else {
                continue;
            };
            let leaf = |c: NodeId| labelled(&self.nodes, c).is_empty();
            // An item that names its own lead ("Sở X chủ trì, phối hợp …") or whose
            // bullets carry fields is assigned already.
            let unassigned = |c: NodeId| {
                let node = &self.nodes[c];
                let mut own = node.head.into_iter().chain(node.body.iter().copied());
                node.children
                    .iter()
                    .all(|&b| self.nodes[b].fields.is_empty())
                    && own.all(|b| {
                        sentences(self.blocks[b].body()).all(|s| {
                            crate::agency::parse_inline_assignment(s)
                                .is_none_or(|a| a.lead.is_empty())
                        })
                    })
            };
            // The cheap tests first: reading the items' sentences for a lead is the
            // costly one, and most groups fail before it.
            let group = !earlier.is_empty()
                && with_fields > 1
                && self.nodes[n].fields.is_empty()
                && self.nodes[n].children.last() == Some(last)
                && self.nodes[*last]
                    .fields
                    .iter()
                    .any(|(r, _)| *r == FieldRole::Lead)
                && earlier.iter().all(|&c| self.nodes[c].fields.is_empty())
                && items.iter().all(|&c| leaf(c))
                && earlier.iter().all(|&c| unassigned(c));
            if group {
                let fields = self.nodes[*last].fields.clone();
                shared.extend(earlier.iter().map(|&c| (c, fields.clone())));
            }
        }
        for (c, fields) in shared {
            self.nodes[c].fields = fields;
            self.nodes[c].borrowed_fields = true;
        }
    }

    fn add(&mut self, parent: NodeId, kind: NodeKind, label: String, head: usize) -> NodeId {
        let id = self.nodes.len();
        self.nodes.push(Node {
            parent: Some(parent),
            children: Vec::new(),
            kind,
            label,
            head: Some(head),
            body: Vec::new(),
            fields: Vec::new(),
            borrowed_fields: false,
            id: String::new(),
        });
        self.nodes[parent].children.push(id);
        id
    }

    /// Ids per the contract, plus duplicate-label and numbering-gap checks.
    fn assign_ids(&mut self) {
        let parts_in = self.article_with_parts();
        let mut order = vec![0];
        while let Some(n) = order.pop() {
            let children = self.nodes[n].children.clone();
            let mut seen: Vec<(String, u32)> = Vec::new();
            let mut bullets = 0;
            let mut prev: Option<Label> = None;
            for &c in &children {
                let parent_id = self.nodes[n].id.clone();
                let id = match self.nodes[c].kind.clone() {
                    NodeKind::Bullet(_) => {
                        bullets += 1;
                        format!("{parent_id}#{bullets}")
                    }
                    NodeKind::Labelled(label) => {
                        self.check_sequence(n, c, prev.as_ref(), &label);
                        let dup = match seen.iter_mut().find(|(l, _)| *l == label.text) {
                            Some((_, count)) => {
                                *count += 1;
                                Some(*count)
                            }
                            None => {
                                seen.push((label.text.clone(), 1));
                                None
                            }
                        };
                        // "Điều 1. Phê duyệt Đề án … với các nội dung sau: I. … II. …": the
                        // parts are the plan's top-level sections, and ids start at them.
                        let mut own =
                            if parts_in.is_some_and(|(a, level)| a == n && level == label.level) {
                                self.id_base(0, &label)
                            } else {
                                self.id_base(n, &label)
                            };
                        if let Some(k) = dup {
                            let head = self.nodes[c].head.unwrap_or(0);
                            self.problems.push(Problem {
                                code: "duplicate-label",
                                message: format!(
                                    "label \"{}\" repeats under the same parent; this one is #{k}",
                                    label.text
                                ),
                                block: head,
                                node: Some(c),
                            });
                            own = format!("{own}#{k}");
                        }
                        prev = Some(label);
                        own
                    }
                    NodeKind::Root => continue,
                };
                self.nodes[c].id = id;
                order.push(c);
            }
        }
    }

    /// The first article of a decision that holds Roman parts, and their level: the text
    /// it approves or issues, set out in the article itself. Parts numbered "1.", "2."
    /// count when the article announces them ("… với các nội dung chủ yếu sau:"). Only
    /// one article's parts can start ids at the top, so that ids stay unique.
    fn article_with_parts(&self) -> Option<(NodeId, Level)> {
        let at_level = |c: &NodeId, level: Level| matches!(&self.nodes[*c].kind, NodeKind::Labelled(l) if l.level == level);
        let root = &self.nodes[0];
        let first_article = root
            .children
            .iter()
            .copied()
            .find(|c| at_level(c, Level::Article))?;
        let announces = self.nodes[first_article]
            .head
            .is_some_and(|h| self.blocks[h].text.trim_end().ends_with(':'));
        [Level::Roman, Level::Decimal(1)]
            .into_iter()
            .filter(|&level| level == Level::Roman || announces)
            // Parts of the document itself would share the top with the article's.
            .filter(|&level| !root.children.iter().any(|c| at_level(c, level)))
            .find_map(|level| {
                root.children
                    .iter()
                    .copied()
                    .find(|&c| {
                        at_level(&c, Level::Article)
                            && self.nodes[c].children.iter().any(|k| at_level(k, level))
                    })
                    .map(|c| (c, level))
            })
            .filter(|&(c, level)| level == Level::Roman || c == first_article)
    }

    /// The id of child label `label` under node `parent`: parent id + "." + label, except
    /// that a decimal label extending its parent's decimal label replaces it.
    fn id_base(&self, parent: NodeId, label: &Label) -> String {
        let p = &self.nodes[parent];
        if p.kind == NodeKind::Root {
            if p.id.is_empty() {
                return label.text.clone();
            }
            return format!("{}.{}", p.id, label.text);
        }
        // "2.2.1" under "2.2" and "III.1.2" under "III.1": the label repeats its parent's
        // number, which the id already holds.
        let nested = matches!(
            (&p.kind, &label.level),
            (
                NodeKind::Labelled(Label {
                    level: Level::Decimal(_),
                    ..
                }),
                Level::Decimal(_)
            ) | (
                NodeKind::Labelled(Label {
                    level: Level::RomanDecimal(_),
                    ..
                }),
                Level::RomanDecimal(_)
            )
        );
        if let NodeKind::Labelled(pl) = &p.kind
            && nested
            && label.text.starts_with(&format!("{}.", pl.text))
        {
            let base = p.id.strip_suffix(&pl.text).unwrap_or(&p.id);
            return format!("{base}{}", label.text);
        }
        format!("{}.{}", p.id, label.text)
    }

    fn check_sequence(
        &mut self,
        parent: NodeId,
        node: NodeId,
        prev: Option<&Label>,
        label: &Label,
    ) {
        let expected = match prev {
            Some(p) if p.level == label.level => successor_ok(p, label),
            Some(_) => true,
            None => label.ordinal <= 1 || self.continues_cousins(parent, label),
        };
        if !expected && prev.is_none_or(|p| p.text != label.text) {
            let after = prev.map_or("the start of its parent".to_owned(), |p| {
                format!("\"{}\"", p.text)
            });
            let head = self.nodes[node].head.unwrap_or(0);
            self.problems.push(Problem {
                code: "numbering-gap",
                message: format!("label \"{}\" does not follow {after}", label.text),
                block: head,
                node: Some(node),
            });
        }
    }

    /// Numbering that runs on across groups (group II's items start at 14 when group I
    /// ended at 13) is a convention, not a gap.
    fn continues_cousins(&self, parent: NodeId, label: &Label) -> bool {
        let Some(grand) = self.nodes[parent].parent else {
            return false;
        };
        let siblings = &self.nodes[grand].children;
        let Some(pos) = siblings.iter().position(|&c| c == parent) else {
            return false;
        };
        siblings[..pos].iter().rev().find_map(|&uncle| {
            self.nodes[uncle]
                .children
                .iter()
                .rev()
                .find_map(|&c| match &self.nodes[c].kind {
                    NodeKind::Labelled(l) if l.level == label.level => {
                        Some(l.ordinal + 1 == label.ordinal)
                    }
                    _ => None,
                })
        }) == Some(true)
    }
}

/// Whether block `bi` shares a line with the block before or after it: a cell of a
/// table row cut into blocks ("|  | Trong quá trình thực hiện … | Sở Y tế |"), which goes
/// with its row, never a closing paragraph of its own.
/// Whether block `bi` is the caption of a task table numbered afresh: a title in
/// capitals ("NỘI DUNG CHI TIẾT", "DANH MỤC CÁC NHIỆM VỤ CHỦ YẾU …", perhaps with "(Kèm
/// theo …)" after it), then (after the table's header, which is furniture) a row
/// labelled 1 or I.
fn captions_table(blocks: &[Block], bi: usize) -> bool {
    // The row first: it rules out almost every block without reading its text.
    let first_row = blocks[bi + 1..]
        .iter()
        .find(|b| {
            !matches!(
                b.kind,
                LineKind::Furniture | LineKind::PageNumber | LineKind::Blank
            )
        })
        .is_some_and(
            |b| matches!(&b.kind, LineKind::Label { row: true, label, .. } if label.ordinal == 1),
        );
    let text = blocks[bi].text.trim();
    first_row && crate::blocks::is_all_caps(text.split_once(" (").map_or(text, |(t, _)| t))
}

fn shares_a_line(blocks: &[Block], bi: usize) -> bool {
    let b = &blocks[bi];
    bi.checked_sub(1)
        .and_then(|p| blocks.get(p))
        .is_some_and(|p| p.last_line() == b.first_line())
        || blocks
            .get(bi + 1)
            .is_some_and(|n| n.first_line() == b.last_line())
}

/// Does `next` follow `prev` in its sequence?
fn successor_ok(prev: &Label, next: &Label) -> bool {
    match next.level {
        Level::Letter => {
            let (p, n) = (prev.text.chars().next(), next.text.chars().next());
            p.and_then(next_letter) == n || p.and_then(next_latin_letter) == n
        }
        _ => next.ordinal == prev.ordinal + 1,
    }
}

fn same_level(kind: &NodeKind, level: &Level) -> bool {
    matches!(kind, NodeKind::Labelled(l) if l.level == *level)
}

fn pop_bullets(nodes: &[Node], stack: &mut Vec<NodeId>) {
    while stack
        .last()
        .is_some_and(|&n| matches!(nodes[n].kind, NodeKind::Bullet(_)))
    {
        stack.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blocks::join;
    use crate::lines::classify;
    use crate::normalize::normalize;

    fn ids(text: &str) -> (Vec<String>, Vec<&'static str>) {
        let lines = classify(&normalize(text));
        let body = build(join(&lines, &[]));
        let ids = body.nodes.iter().skip(1).map(|n| n.id.clone()).collect();
        (ids, body.problems.iter().map(|p| p.code).collect())
    }

    #[test]
    fn contract_ids() {
        let (ids, problems) = ids(
            "II. NHIỆM VỤ\n2. Triển khai\n2.2. Về dịch vụ công\n2.2.4. Triển khai\na) Mô hình\nb) Mô hình\n2.2.5. Hướng dẫn\nIII. PHÂN CÔNG\n1. Công an tỉnh\n- Chủ trì\n- Phối hợp\n- Thực hiện\n",
        );
        assert_eq!(
            ids,
            vec![
                "II",
                "II.2",
                "II.2.2",
                "II.2.2.4",
                "II.2.2.4.a",
                "II.2.2.4.b",
                "II.2.2.5",
                "III",
                "III.1",
                "III.1#1",
                "III.1#2",
                "III.1#3"
            ]
        );
        assert_eq!(problems, vec!["numbering-gap"; 4]);
    }

    /// "Điều 1. Phê duyệt Đề án … với những nội dung sau:" setting the scheme out in
    /// parts: ids start at the parts, as for a plan of its own.
    #[test]
    fn parts_inside_an_article() {
        let (flat, _) = ids(
            "Điều 1. Phê duyệt Đề án với những nội dung sau:\nI. QUAN ĐIỂM\nII. NHIỆM VỤ\n1. Hoàn thiện thể chế\na) Rà soát\nĐiều 2. Tổ chức thực hiện\n1. Bộ Tài chính\n",
        );
        assert_eq!(
            flat,
            ["Điều 1", "I", "II", "II.1", "II.1.a", "Điều 2", "Điều 2.1"]
        );
        // Only the first article's parts start at the top.
        let (two, _) = ids("Điều 1. Phê duyệt\nI. QUAN ĐIỂM\nĐiều 2. Sửa đổi\nI. PHẠM VI\n");
        assert_eq!(two, ["Điều 1", "I", "Điều 2", "Điều 2.I"]);
        // Parts numbered 1, 2 when the article announces them; not an article's points.
        let (decimal, _) = ids(
            "Điều 1. Phê duyệt Chương trình với các nội dung chủ yếu sau:\n1. Quan điểm:\n2. Tổ chức thực hiện\na) Bộ Tài chính\nĐiều 2. Trách nhiệm\n1. Bộ Tài chính\n",
        );
        assert_eq!(decimal, ["Điều 1", "1", "2", "2.a", "Điều 2", "Điều 2.1"]);
        let (points, _) = ids("Điều 1. Giao nhiệm vụ\n1. Bộ Tài chính\nĐiều 2. Hiệu lực\n");
        assert_eq!(points, ["Điều 1", "Điều 1.1", "Điều 2"]);
    }

    #[test]
    fn numbering_running_on_across_groups_is_no_gap() {
        let (_, problems) = ids("I. A\n1. x\n2. y\nII. B\n3. z\n4. w\nIII. C\n7. v\n");
        assert_eq!(problems, vec!["numbering-gap"]);
    }

    #[test]
    fn duplicates_and_gaps() {
        let (ids, problems) = ids("I. A\n1. x\na. y\nb. y\nd. y\nd. z\nđ. w\n");
        assert_eq!(
            ids,
            vec!["I", "I.1", "I.1.a", "I.1.b", "I.1.d", "I.1.d#2", "I.1.đ"]
        );
        assert_eq!(problems, vec!["numbering-gap", "duplicate-label"]);
    }

    #[test]
    fn closing_and_preamble() {
        let lines = classify(&normalize(
            "Thực hiện Quyết định số 06.\nI. MỤC ĐÍCH\n1. Một.\nTrên đây là Kế hoạch của tỉnh./.\n",
        ));
        let body = build(join(&lines, &[]));
        assert_eq!(body.preamble, vec![0]);
        assert_eq!(body.closing, vec![3]);
    }

    /// A request to every body to carry the plan out, after the last item's bullets,
    /// closes the document; the same words before another item are that part's text.
    #[test]
    fn closing_requests_after_the_last_item() {
        let text = "I. TỔ CHỨC THỰC HIỆN
1. Sở Du lịch
- Tổ chức hội nghị.
- Tổng hợp báo cáo.
Yêu cầu các sở, ngành, UBND các xã và các đơn vị liên quan triển khai thực hiện. Trong quá trình thực hiện, nếu có khó khăn, báo cáo UBND tỉnh./.
";
        let body = build(join(&classify(&normalize(text)), &[]));
        assert_eq!(body.closing, vec![4]);
        for (lead, closed) in [
            (
                "Ủy ban nhân dân tỉnh yêu cầu các sở thực hiện nghiêm túc./.",
                true,
            ),
            ("UBND tỉnh yêu cầu Thủ trưởng các sở thực hiện./.", true),
            (
                "Đề nghị Ủy ban Mặt trận Tổ quốc tỉnh phối hợp thực hiện.",
                false,
            ),
        ] {
            let text = format!("I. NHIỆM VỤ\n1. Sở Du lịch\n- Tổ chức hội nghị.\n{lead}\n7\n");
            let body = build(join(&classify(&normalize(&text)), &[]));
            assert_eq!(body.closing.len(), usize::from(closed), "{lead}");
        }
        let text = "I. NHIỆM VỤ\n1. Sở Du lịch\n- Tổ chức hội nghị.\nYêu cầu các sở, ngành triển khai thực hiện.\n2. Sở Y tế\n- Tập huấn.\n";
        let body = build(join(&classify(&normalize(text)), &[]));
        assert!(body.closing.is_empty());
    }
}
