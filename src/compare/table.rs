//! The comparison as a readable terminal table: aligned tasks, what each side lacks,
//! agency load and timeline. With `color`, headings are bold and excerpts dim (ANSI);
//! without, plain text for pipes and files.

use std::fmt::Write;

use super::{Comparison, LoadRow, TaskRef, kind_str, plan_label};

/// Characters of task text shown per line.
const EXCERPT: usize = 72;

/// Render the comparison as text tables.
pub fn table(cmp: &Comparison, color: bool) -> String {
    let st = Style { color };
    let (a, b) = (plan_label(&cmp.left), plan_label(&cmp.right));
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        st.bold(&format!(
            "Comparing A = {a} ({}) with B = {b} ({})",
            cmp.left.name, cmp.right.name
        ))
    );
    let al = &cmp.alignment;
    let _ = writeln!(
        out,
        "A: {} tasks, B: {} tasks; {} matched groups; {} only in A, {} only in B",
        cmp.left.tasks,
        cmp.right.tasks,
        al.groups.len(),
        al.unmatched_left.len(),
        al.unmatched_right.len()
    );

    let _ = writeln!(out, "\n{}", st.bold("ALIGNED TASKS"));
    let _ = writeln!(
        out,
        "{:>5}  {:<16} {:<16} {:<12} shared terms",
        "score", "A", "B", "relation"
    );
    for g in &al.groups {
        for (k, p) in g.pairs.iter().enumerate() {
            let rel = if k == 0 { g.relation.as_str() } else { "" };
            let kind_of = |refs: &[TaskRef], id: &str| {
                refs.iter()
                    .find(|t| t.id == id)
                    .map_or("", |t| kind_str(t.kind))
            };
            let _ = writeln!(
                out,
                "{:>5.3}  {:<16} {:<16} {:<12} {}",
                p.score,
                format!("{} {}", p.left, short_kind(kind_of(&g.left, &p.left))),
                format!("{} {}", p.right, short_kind(kind_of(&g.right, &p.right))),
                rel,
                p.shared_terms.join(", ")
            );
        }
        for t in &g.left {
            let _ = writeln!(
                out,
                "{}",
                st.dim(&format!("       A {:<12} {}", t.id, excerpt(&t.text)))
            );
        }
        for t in &g.right {
            let _ = writeln!(
                out,
                "{}",
                st.dim(&format!("       B {:<12} {}", t.id, excerpt(&t.text)))
            );
        }
    }

    for (title, list) in [
        (format!("ONLY IN A ({a})"), &al.unmatched_left),
        (format!("ONLY IN B ({b})"), &al.unmatched_right),
    ] {
        let _ = writeln!(out, "\n{}", st.bold(&title));
        if list.is_empty() {
            let _ = writeln!(out, "  (none)");
        }
        for t in list {
            let _ = writeln!(
                out,
                "  {:<14} {} {}",
                t.id,
                short_kind(kind_str(t.kind)),
                excerpt(&t.text)
            );
        }
    }

    let _ = writeln!(out, "\n{}", st.bold("AGENCY LOAD (tasks led / supported)"));
    load_rows(&mut out, &cmp.agency_load.agencies);
    let _ = writeln!(out, "\n{}", st.bold("COLLECTIVES"));
    load_rows(&mut out, &cmp.agency_load.collectives);

    let _ = writeln!(out, "\n{}", st.bold("TIMELINE (tasks due per quarter)"));
    let _ = writeln!(out, "{:<10} {:>5} {:>5}", "quarter", "A", "B");
    let (tl, tr) = (&cmp.timeline.left, &cmp.timeline.right);
    for (l, r) in tl.quarters.iter().zip(&tr.quarters) {
        let _ = writeln!(out, "{:<10} {:>5} {:>5}", l.quarter, l.tasks, r.tasks);
    }
    for (name, l, r) in [
        ("dated", tl.dated, tr.dated),
        ("ongoing", tl.ongoing, tr.ongoing),
        ("conditional", tl.conditional, tr.conditional),
        ("undated", tl.undated, tr.undated),
    ] {
        let _ = writeln!(out, "{name:<10} {l:>5} {r:>5}");
    }
    out
}

fn load_rows(out: &mut String, rows: &[LoadRow]) {
    if rows.is_empty() {
        let _ = writeln!(out, "  (none)");
        return;
    }
    let _ = writeln!(out, "{:<48} {:>9} {:>9} {:>5}", "agency", "A", "B", "diff");
    for r in rows {
        let _ = writeln!(
            out,
            "{:<48} {:>9} {:>9} {:>+5}",
            truncate(&r.name, 48),
            format!("{}/{}", r.left.lead, r.left.support),
            format!("{}/{}", r.right.lead, r.right.support),
            r.difference
        );
    }
}

fn short_kind(kind: &str) -> &'static str {
    if kind == "duty" { "(duty)" } else { "" }
}

fn excerpt(text: &str) -> String {
    truncate(&crate::fold::collapse_ws(text), EXCERPT)
}

/// At most `n` characters, "…" marking a cut; padded by the caller's format width.
fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        return s.to_owned();
    }
    let mut t: String = s.chars().take(n.saturating_sub(1)).collect();
    t.push('…');
    t
}

struct Style {
    color: bool,
}

impl Style {
    fn bold(&self, s: &str) -> String {
        if self.color {
            format!("\x1b[1m{s}\x1b[0m")
        } else {
            s.to_owned()
        }
    }
    fn dim(&self, s: &str) -> String {
        if self.color {
            format!("\x1b[2m{s}\x1b[0m")
        } else {
            s.to_owned()
        }
    }
}
