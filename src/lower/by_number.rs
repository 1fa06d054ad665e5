//! Work assigned by number: a duty that names the plan's tasks by their numbers
//! ("Phòng Công tác Sinh viên" / "b) … chủ trì thực hiện nhiệm vụ, giải pháp số 1, 4, 5 của
//! Kế hoạch; phối hợp … thực hiện nhiệm vụ giải pháp số 6") gives those tasks its agency
//! as lead, or as a partner, where their own text names no lead. Some plans assign all
//! their work this way: the task part names no agency at all. The words are in
//! `grammar/references.toml`; the shape is `work_reference` in `grammar/plan.ebnf`.

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::Deserialize;

use crate::fold::{fold, prose_tail};
use crate::lexicon::{find_words, starts_with_words};
use crate::model::{Agency, Task, TaskKind};

/// Give the tasks that duties name by number their duty's agencies. `part` is the id
/// of the plan's one tasks part (numbers with no part named are read in it); `heads`
/// holds the agencies of each duty heading, by the heading's section id.
pub(super) fn assign_by_number(
    tasks: &mut [Task],
    part: &str,
    heads: &HashMap<String, Vec<Agency>>,
) {
    let mut grants: Vec<(Role, String, Vec<Agency>)> = Vec::new();
    for duty in tasks.iter().filter(|t| t.kind == TaskKind::Duty) {
        let refs = references(&duty.text, part);
        if refs.is_empty() {
            continue;
        }
        let heading = duty.section.last().and_then(|s| heads.get(s));
        for r in refs {
            // The heading's agency does the duty; a duty with no agency heading that
            // leads ("1. Sở Y tế chủ trì thực hiện các nhiệm vụ tại mục 2") names its own.
            let who = match (heading, r.role) {
                (Some(h), _) => h.clone(),
                (None, Role::Lead) if !duty.lead.is_empty() => duty.lead.clone(),
                _ => continue,
            };
            grants.extend(r.ids.into_iter().map(|id| (r.role, id, who.clone())));
        }
    }
    for (role, reference, who) in grants {
        let named = tasks
            .iter_mut()
            .filter(|t| t.kind == TaskKind::Task && refers_to(&reference, &t.id));
        for task in named {
            match role {
                Role::Lead if task.lead.is_empty() => task.lead = who.clone(),
                Role::Lead => {}
                Role::Support => {
                    for a in &who {
                        if !task
                            .lead
                            .iter()
                            .chain(&task.support)
                            .any(|b| b.key == a.key)
                        {
                            task.support.push(a.clone());
                        }
                    }
                }
            }
        }
    }
}

/// The role a reference gives its duty's agency in the work it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    Lead,
    Support,
}

/// One reference to the plan's work: the role and the task ids it names.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Reference {
    pub role: Role,
    pub ids: Vec<String>,
}

/// The references to numbered work in `text`, with ids resolved: numbers with no part
/// named are read in `part`.
pub(super) fn references(text: &str, part: &str) -> Vec<Reference> {
    let g = &*WORDS;
    if !may_refer(text) {
        return Vec::new();
    }
    let folded = fold(text);
    if !g
        .intro
        .iter()
        .chain(&g.levels)
        .any(|w| find_words(&folded, w).is_some())
    {
        return Vec::new();
    }
    let mut out = Vec::new();
    for clause in folded.split(';').flat_map(|s| s.split(". ")) {
        let mut from = 0;
        while let Some((at, len)) = next_noun(&clause[from..]) {
            let start = from + at;
            from = start + len;
            // "chủ trì" anywhere before wins: "Chủ trì, phối hợp với … thực hiện nhiệm vụ
            // số 1" leads task 1.
            let before = &clause[..start];
            let role = if g.lead.iter().any(|w| find_words(before, w).is_some()) {
                Role::Lead
            } else if g.support.iter().any(|w| find_words(before, w).is_some()) {
                Role::Support
            } else {
                continue;
            };
            if let Some((groups, used)) = numbers(&clause[start..]) {
                from = start + used;
                let ids = resolve(&groups, part);
                if !ids.is_empty() {
                    out.push(Reference { role, ids });
                }
            }
        }
    }
    out
}

/// Whether `text` may hold a reference, before anything is folded (most duties name
/// no work by number): a work noun with, soon after it, a digit or a level word (the
/// first label follows the nouns and one intro or level word).
fn may_refer(text: &str) -> bool {
    /// Bytes after a noun that reach its first label: "nhiệm vụ, giải pháp số 1".
    const WINDOW: usize = 64;
    let b = text.as_bytes();
    WORDS.nouns.iter().any(|n| {
        let noun = prose_tail(n).as_bytes();
        memchr::memmem::find_iter(b, noun).any(|at| {
            let from = at + noun.len();
            let after = &b[from..(from + WINDOW).min(b.len())];
            after.iter().any(u8::is_ascii_digit)
                || WORDS
                    .levels
                    .iter()
                    .any(|l| memchr::memmem::find(after, prose_tail(l).as_bytes()).is_some())
        })
    })
}

/// Whether a task id is the referenced item or lies under it.
fn refers_to(reference: &str, id: &str) -> bool {
    id.strip_prefix(reference)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '#']))
}

/// The first work noun in `s`: its position and length.
fn next_noun(s: &str) -> Option<(usize, usize)> {
    WORDS
        .nouns
        .iter()
        .filter_map(|n| find_words(s, n).map(|at| (at, n.len())))
        .min_by_key(|&(at, len)| (at, std::cmp::Reverse(len)))
}

/// After the nouns at the start of `s` ("nhiệm vụ, giải pháp"), the number lists of a
/// reference, innermost first ("điểm a, b khoản 1 mục II" → [a, b], [1], [II]), and
/// the bytes read. None unless an intro or level word stands before the first list.
fn numbers(s: &str) -> Option<(Vec<Vec<String>>, usize)> {
    let g = &*WORDS;
    let mut rest = s;
    // The nouns, joined by commas or spaces.
    while let Some(after) = strip_any(rest.trim_start_matches([' ', ',']), &g.nouns) {
        rest = after;
    }
    let mut introduced = false;
    if let Some(after) = strip_any(rest.trim_start(), &g.intro) {
        rest = after;
        introduced = true;
    }
    let mut groups: Vec<Vec<String>> = Vec::new();
    loop {
        let level = strip_any(rest.trim_start(), &g.levels);
        if level.is_none() && !(introduced && groups.is_empty()) {
            break;
        }
        let (labels, after) = label_list(level.unwrap_or(rest), level.is_some());
        if labels.is_empty() {
            break;
        }
        groups.push(labels);
        rest = after;
    }
    (!groups.is_empty()).then(|| (groups, s.len() - rest.len()))
}

/// Labels joined by commas or `joiners`: "1, 4, 5 và 7". Letters and Roman numerals
/// only after a level word ("điểm a, b", "mục II"); a number that goes on as a document
/// number ("số 06/QĐ-TTg") ends the list empty.
fn label_list(s: &str, levelled: bool) -> (Vec<String>, &str) {
    let mut labels = Vec::new();
    let mut rest = s;
    while let Some((found, after)) = label(rest.trim_start(), levelled) {
        if after.starts_with(['/', '-']) {
            return (Vec::new(), s);
        }
        labels.push(found);
        rest = after;
        let sep = rest.trim_start();
        let next = sep
            .strip_prefix(',')
            .or_else(|| strip_any(sep, &WORDS.joiners));
        // A joiner before no label ("số 2, 3 và các nội dung"): the list ended.
        match next {
            Some(after) if label(after.trim_start(), levelled).is_some() => rest = after,
            _ => break,
        }
    }
    (labels, rest)
}

/// One label at the start of `s` and what follows it: a number ("4", "2.1"), or after
/// a level word a Roman numeral ("ii") or a letter ("a", "đ"). Folded, so lower case.
fn label(s: &str, levelled: bool) -> Option<(String, &str)> {
    let end = s
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_alphanumeric() || c == '.' || c == 'đ'))
        .map_or(s.len(), |(i, _)| i);
    let word = s[..end].trim_end_matches('.');
    let rest = &s[word.len()..];
    let number = !word.is_empty()
        && word
            .split('.')
            .all(|p| !p.is_empty() && p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit()));
    let roman = !word.is_empty() && word.len() <= 5 && word.bytes().all(|b| b"ivxl".contains(&b));
    let letter =
        word.chars().count() == 1 && word.chars().all(|c| c.is_ascii_lowercase() || c == 'đ');
    if number {
        Some((word.to_owned(), rest))
    } else if levelled && roman {
        Some((word.to_uppercase(), rest))
    } else if levelled && letter {
        Some((word.to_owned(), rest))
    } else {
        None
    }
}

/// Task ids from number lists, innermost first: the outermost list is a Roman part, or
/// the numbers are read in `part`.
fn resolve(groups: &[Vec<String>], part: &str) -> Vec<String> {
    let outer_is_part = groups
        .last()
        .and_then(|g| g.first())
        .is_some_and(|l| l.bytes().all(|b| b"IVXL".contains(&b)));
    let mut ids: Vec<String> = vec![if outer_is_part {
        String::new()
    } else {
        part.to_owned()
    }];
    for group in groups.iter().rev() {
        ids = ids
            .iter()
            .flat_map(|prefix| {
                group.iter().map(move |l| {
                    if prefix.is_empty() {
                        l.clone()
                    } else {
                        format!("{prefix}.{l}")
                    }
                })
            })
            .collect();
    }
    ids.retain(|id| !id.is_empty());
    ids
}

/// `s` after the longest of `phrases` it starts with (at a word boundary).
fn strip_any<'s>(s: &'s str, phrases: &[String]) -> Option<&'s str> {
    phrases
        .iter()
        .filter(|p| starts_with_words(s, p))
        .max_by_key(|p| p.len())
        .map(|p| &s[p.len()..])
}

/// `grammar/references.toml`, folded.
struct Words {
    lead: Vec<String>,
    support: Vec<String>,
    nouns: Vec<String>,
    intro: Vec<String>,
    levels: Vec<String>,
    joiners: Vec<String>,
}

#[derive(Deserialize)]
struct Raw {
    roles: RawRoles,
    reference: RawReference,
}

#[derive(Deserialize)]
struct RawRoles {
    lead: Vec<String>,
    support: Vec<String>,
}

#[derive(Deserialize)]
struct RawReference {
    nouns: Vec<String>,
    intro: Vec<String>,
    levels: Vec<String>,
    joiners: Vec<String>,
}

static WORDS: LazyLock<Words> = LazyLock::new(|| {
    let raw: Raw = toml::from_str(include_str!("../../grammar/references.toml"))
        .expect("grammar/references.toml is valid (checked by a unit test)");
    let folded = |v: Vec<String>| v.iter().map(|w| fold(w)).collect::<Vec<_>>();
    Words {
        lead: folded(raw.roles.lead),
        support: folded(raw.roles.support),
        nouns: folded(raw.reference.nouns),
        intro: folded(raw.reference.intro),
        levels: folded(raw.reference.levels),
        joiners: folded(raw.reference.joiners),
    }
});

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(text: &str) -> Vec<(Role, Vec<String>)> {
        references(text, "III")
            .into_iter()
            .map(|r| (r.role, r.ids))
            .collect()
    }

    #[test]
    fn vocabulary_loads() {
        assert!(!WORDS.nouns.is_empty() && !WORDS.lead.is_empty());
    }

    /// Each reference shape, and text that names no work by number.
    #[test]
    fn references_by_number() {
        use Role::{Lead, Support};
        for (text, want) in [
            (
                "Chủ trì, phối hợp với Đoàn Thanh niên xây dựng Kế hoạch; chủ trì thực hiện nhiệm vụ, giải pháp số 1, 4, 5, 7 của Kế hoạch; phối hợp với các Đơn vị liên quan thực hiện nhiệm vụ giải pháp số 6 của Kế hoạch.",
                vec![
                    (Lead, vec!["III.1", "III.4", "III.5", "III.7"]),
                    (Support, vec!["III.6"]),
                ],
            ),
            (
                "Chủ trì triển khai nhiệm vụ số 2, 3 và các nội dung, mục tiêu, giải pháp liên quan của Kế hoạch.",
                vec![(Lead, vec!["III.2", "III.3"])],
            ),
            (
                "Chủ trì thực hiện các nhiệm vụ tại mục 2, 3 phần II Kế hoạch này.",
                vec![(Lead, vec!["II.2", "II.3"])],
            ),
            (
                "Phối hợp thực hiện nhiệm vụ tại điểm a, b khoản 1 Mục IV.",
                vec![(Support, vec!["IV.1.a", "IV.1.b"])],
            ),
            // No digit: the level words name the labels.
            (
                "Phối hợp thực hiện các nhiệm vụ tại điểm a, b Mục IV.",
                vec![(Support, vec!["IV.a", "IV.b"])],
            ),
            (
                "Chủ trì, phối hợp với Sở Tài chính thực hiện các nội dung tại mục 2.1 và 2.3.",
                vec![(Lead, vec!["III.2.1", "III.2.3"])],
            ),
        ] {
            let want: Vec<(Role, Vec<String>)> = want
                .into_iter()
                .map(|(role, ids)| (role, ids.into_iter().map(String::from).collect()))
                .collect();
            assert_eq!(ids(text), want, "{text}");
        }
        for none in [
            // A cited document's number.
            "Chủ trì thực hiện nhiệm vụ tại Quyết định số 06/QĐ-TTg.",
            "Chủ trì thực hiện nhiệm vụ số 1/2025 của Bộ.",
            // No role.
            "Theo dõi việc thực hiện nhiệm vụ số 1, 2.",
            // A word that is no number.
            "Chủ trì thực hiện nhiệm vụ số hóa dữ liệu.",
            "Chủ trì thực hiện các nhiệm vụ được giao tại Kế hoạch này.",
        ] {
            assert_eq!(ids(none), vec![], "{none}");
        }
    }

    /// A plan whose task part names no agency: its responsibilities part assigns the
    /// work by number, under agency headings (one a collective with its members).
    #[test]
    fn a_plan_that_assigns_its_tasks_by_number() {
        let plan = crate::parse_text(
            "I. NHIỆM VỤ, GIẢI PHÁP
1. Đổi mới nội dung giáo dục
a) Rà soát chương trình.
b) Biên soạn tài liệu.
2. Tổ chức các phong trào thi đua.
3. Nâng cao năng lực đội ngũ.
II. TỔ CHỨC THỰC HIỆN
1. Phòng Công tác Sinh viên
a) Chủ trì, phối hợp với các đơn vị xây dựng kế hoạch; chủ trì thực hiện nhiệm vụ, giải pháp số 1, 3 của Kế hoạch; phối hợp thực hiện nhiệm vụ số 2.
2. Đoàn Thanh niên
a) Chủ trì triển khai nhiệm vụ số 2 và các nội dung liên quan.
3. Các đơn vị chuyên môn: Khoa Lý luận Chính trị, Viện Sư phạm Kỹ thuật
a) Phối hợp thực hiện nhiệm vụ tại mục 3 phần I.
",
        );
        // The task part's tasks come first, then the duties.
        let roles = crate::test_support::roles(&plan);
        assert_eq!(
            roles[..4],
            [
                ("I.1.a", vec!["Phòng Công tác Sinh viên"], vec![]),
                ("I.1.b", vec!["Phòng Công tác Sinh viên"], vec![]),
                (
                    "I.2",
                    vec!["Đoàn Thanh niên"],
                    vec!["Phòng Công tác Sinh viên"]
                ),
                (
                    "I.3",
                    vec!["Phòng Công tác Sinh viên"],
                    vec!["Các đơn vị chuyên môn"]
                ),
            ]
        );
    }

    #[test]
    fn ids_under_a_reference() {
        assert!(refers_to("III.1", "III.1"));
        assert!(refers_to("III.1", "III.1.a"));
        assert!(refers_to("III.1", "III.1#2"));
        assert!(!refers_to("III.1", "III.10"));
    }
}
