//! Items whose fields are numbered sub-items of their own:
//!
//! ```text
//! I. CÔNG TÁC QUÁN TRIỆT, TRIỂN KHAI THỰC HIỆN
//! 1. Nội dung, biện pháp
//! a) Tổ chức Hội nghị quán triệt …
//! 2. Cơ quan chủ trì, phối hợp
//! a) Cơ quan chủ trì
//! - Ban Chỉ đạo quốc gia.
//! b) Cơ quan phối hợp
//! - Mặt trận Tổ quốc Việt Nam và Hội Cựu chiến binh các cấp.
//! 3. Thời gian thực hiện: Tháng 12/2013 và thường xuyên.
//! ```
//!
//! The item is one task: the work is its content sub-items, the agencies and the
//! deadline come from the sub-items named after the fields.

use crate::lexicon::{FieldRole, lexicon};
use crate::model::{Agency, Deadline, TaskKind};
use crate::structure::{NodeId, NodeKind};

use super::Lowerer;

/// A sub-item's place in a field-item: one of the fields, or part of the work.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Part {
    Field(FieldRole),
    Work,
}

impl Lowerer<'_> {
    /// The roles of `n`'s numbered sub-items when they are its fields: at least one names
    /// the lead or support agencies and another is a field too ("Nội dung", "Thời gian
    /// thực hiện: …"). None for an ordinary item.
    pub(super) fn field_items(&self, n: NodeId) -> Option<Vec<(NodeId, Part)>> {
        let node = &self.body.nodes[n];
        let kids: Vec<(NodeId, Part)> = node
            .children
            .iter()
            .filter(|&&c| matches!(self.body.nodes[c].kind, NodeKind::Labelled(_)))
            .map(|&c| (c, self.sub_item_part(c)))
            .collect();
        let roles = |want: &[FieldRole]| {
            kids.iter()
                .filter(|(_, p)| matches!(p, Part::Field(r) if want.contains(r)))
                .count()
        };
        let agencies = roles(&[FieldRole::Lead, FieldRole::Support]);
        let fields = roles(&[
            FieldRole::Lead,
            FieldRole::Support,
            FieldRole::Deadline,
            FieldRole::Other,
        ]);
        (agencies >= 1 && fields >= 2).then_some(kids)
    }

    /// Lower a field-item (see [`Lowerer::field_items`]) as one task.
    pub(super) fn field_item_task(&mut self, n: NodeId, kids: &[(NodeId, Part)]) {
        let node = &self.body.nodes[n];
        let mut blocks: Vec<usize> = node.head.into_iter().chain(node.body.clone()).collect();
        let mut texts = vec![self.heading(n)];
        texts.extend(node.body.iter().map(|&b| self.body.blocks[b].text.clone()));
        let (mut lead, mut support) = (Vec::new(), Vec::new());
        let mut deadline: Option<Deadline> = None;
        for &(c, part) in kids {
            let own = self.subtree_blocks(c);
            match part {
                Part::Work | Part::Field(FieldRole::Other) => {
                    texts.extend(own.iter().map(|&b| self.body.blocks[b].text.clone()));
                }
                Part::Field(FieldRole::Deadline) => {
                    let value = self.field_item_value(c);
                    if deadline.is_none() && !value.is_empty() {
                        deadline = Some(self.memo.deadline(&value, self.year).deadline);
                    }
                }
                Part::Field(role) => self.field_item_agencies(c, role, &mut lead, &mut support),
            }
            blocks.extend(own);
        }
        // The item's own bullets are work; its own field lines count as fields.
        for b in self.bullet_blocks(n) {
            texts.push(self.body.blocks[b].text.clone());
            blocks.push(b);
        }
        for (role, b) in self.body.nodes[n].fields.clone() {
            let value = self.body.blocks[b].body().to_owned();
            match role {
                FieldRole::Lead => lead.extend(self.memo.agencies(&value)),
                FieldRole::Support => support.extend(self.memo.agencies(&value)),
                FieldRole::Deadline if deadline.is_none() && !value.is_empty() => {
                    deadline = Some(self.memo.deadline(&value, self.year).deadline);
                }
                _ => {}
            }
        }
        blocks.extend(self.body.nodes[n].owned_field_blocks());
        let text = crate::fold::collapse_ws(&texts.join(" "));
        let title = self.title(n);
        self.push_task(
            n,
            TaskKind::Task,
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

    /// The part a sub-item plays: a field when its heading is a field label, alone
    /// ("Cơ quan chủ trì, phối hợp") or before a colon ("Thời gian thực hiện: …").
    fn sub_item_part(&self, c: NodeId) -> Part {
        let heading = &self.headings[c];
        // Counting stops at the limit: most headings are long sentences.
        let label = match heading.split_once(':') {
            Some((label, _)) => label,
            None if heading.split_whitespace().nth(8).is_none() => heading.as_str(),
            None => return Part::Work,
        };
        let label = label.trim().trim_end_matches('.');
        lexicon()
            .field_role(label)
            // The whole label must be the field's words, not a sentence that opens with
            // them ("Cơ quan chủ trì xây dựng …"), nor an agency heading that opens with
            // them ("Trách nhiệm của Bộ Quốc phòng").
            .filter(|_| {
                label.split_whitespace().nth(6).is_none()
                    && crate::agency::agency_heading(label).is_none()
            })
            .map_or(Part::Work, Part::Field)
    }

    /// The agencies of an agency sub-item: its own value, and those of its sub-items
    /// with roles of their own ("a) Cơ quan chủ trì" / "b) Cơ quan phối hợp").
    fn field_item_agencies(
        &mut self,
        c: NodeId,
        role: FieldRole,
        lead: &mut Vec<Agency>,
        support: &mut Vec<Agency>,
    ) {
        let value = self.field_item_value(c);
        let found = value
            .split(';')
            .flat_map(|piece| self.memo.agencies(piece.trim()))
            .collect::<Vec<_>>();
        match role {
            FieldRole::Support => support.extend(found),
            _ => lead.extend(found),
        }
        // Field lines of its own ("- Cơ quan phối hợp: …") keep their roles.
        let fields = self.body.nodes[c].fields.clone();
        for (r, b) in fields {
            let found = self.memo.agencies(self.body.blocks[b].body());
            match r {
                FieldRole::Lead => lead.extend(found),
                FieldRole::Support => support.extend(found),
                _ => {}
            }
        }
        let kids: Vec<NodeId> = self.body.nodes[c]
            .children
            .iter()
            .copied()
            .filter(|&k| matches!(self.body.nodes[k].kind, NodeKind::Labelled(_)))
            .collect();
        for k in kids {
            if let Part::Field(r @ (FieldRole::Lead | FieldRole::Support)) = self.sub_item_part(k) {
                self.field_item_agencies(k, r, lead, support);
            }
        }
    }

    /// A field sub-item's value: the text after the colon of its heading, then its
    /// paragraphs and bullets (without their marks), ";"-separated.
    fn field_item_value(&self, c: NodeId) -> String {
        let after_colon = self.headings[c]
            .split_once(':')
            .map(|(_, v)| v.trim().to_owned());
        let mut blocks = self.body.nodes[c].body.clone();
        blocks.extend(self.bullet_blocks(c));
        after_colon
            .into_iter()
            .chain(blocks.iter().map(|&b| {
                self.body.blocks[b]
                    .body()
                    .trim_end_matches(['.', ';'])
                    .to_owned()
            }))
            .filter(|v| !v.is_empty())
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// Every block of `c` and everything under it, in document order.
    fn subtree_blocks(&self, c: NodeId) -> Vec<usize> {
        let node = &self.body.nodes[c];
        let mut out: Vec<usize> = node.head.into_iter().chain(node.body.clone()).collect();
        out.extend(node.owned_field_blocks());
        for &k in &node.children {
            out.extend(self.subtree_blocks(k));
        }
        out.sort_unstable();
        out
    }
}

#[cfg(test)]
mod tests {
    fn names(a: &[crate::model::Agency]) -> Vec<&str> {
        a.iter().map(|x| x.name.as_str()).collect()
    }

    const PLAN: &str = "KẾ HOẠCH\nTriển khai công tác năm 2024\nI. NHIỆM VỤ\n1. CÔNG TÁC TUYÊN TRUYỀN\n1.1. Nội dung, biện pháp\na) Tổ chức hội nghị quán triệt;\nb) Biên soạn tài liệu.\n1.2. Cơ quan chủ trì, phối hợp\na) Cơ quan chủ trì\n- Sở Thông tin và Truyền thông.\n- Công an tỉnh; Sở Tư pháp.\nb) Cơ quan phối hợp\nCác sở, ban, ngành, địa phương.\n1.3. Thời gian thực hiện: Quý II/2024 và thường xuyên.\n2. KIỂM TRA\n2.1. Đơn vị thực hiện: Thanh tra tỉnh\n2.2. Thời hạn: tháng 11, 12/2024\n3. Công tác khác\n3.1. Rà soát hồ sơ\n3.2. Hoàn thiện cơ sở dữ liệu\n";

    /// Numbered sub-items that are fields make their item one task; sub-items of
    /// work keep an item an ordinary section.
    #[test]
    fn sub_items_named_after_fields() {
        let plan = crate::parse_text(PLAN);
        let ids: Vec<&str> = plan.tasks.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, ["I.1", "I.2", "I.3.1", "I.3.2"]);
        let t = &plan.tasks[0];
        assert_eq!(
            names(&t.lead),
            ["Sở Thông tin và Truyền thông", "Công an tỉnh", "Sở Tư pháp"]
        );
        assert_eq!(names(&t.support), ["Các sở, ban, ngành, địa phương"]);
        let d = t.deadline.as_ref().unwrap();
        assert_eq!(
            (d.due.map(|d| d.to_string()), d.ongoing),
            (Some("2024-06-30".into()), true)
        );
        assert!(t.text.contains("Biên soạn tài liệu"), "{}", t.text);
        assert!(!t.text.contains("Thời gian thực hiện"), "{}", t.text);
        let t = &plan.tasks[1];
        assert_eq!(names(&t.lead), ["Thanh tra tỉnh"]);
        assert_eq!(
            t.deadline
                .as_ref()
                .and_then(|d| d.due)
                .map(|d| d.to_string()),
            Some("2024-12-31".into())
        );
        assert!(plan.unparsed.is_empty(), "{:?}", plan.unparsed);
    }
}
