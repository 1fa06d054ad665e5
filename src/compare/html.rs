//! The comparison as one self-contained HTML page: inline CSS and SVG, no scripts, no
//! fonts or images from anywhere, so it opens offline and can be mailed as one file.

use std::fmt::Write;

use super::{Comparison, LoadRow, TaskRef, Timeline, kind_str, plan_label};

const CSS: &str = r#"
:root{--a:#2563eb;--b:#d97706;--ink:#1f2937;--mute:#6b7280;--line:#e5e7eb;--bg:#f8fafc}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",sans-serif;color:var(--ink);background:var(--bg)}
main{max-width:1200px;margin:0 auto;padding:28px 24px 60px}
h1{font-size:24px;margin:0 0 4px}
h2{font-size:18px;margin:36px 0 12px;padding-bottom:6px;border-bottom:2px solid var(--line)}
.sub{color:var(--mute);margin:0 0 18px}
.a{color:var(--a)}.b{color:var(--b)}
.cards{display:grid;grid-template-columns:repeat(4,1fr);gap:12px}
.card{background:#fff;border:1px solid var(--line);border-radius:10px;padding:12px 14px}
.card .n{font-size:26px;font-weight:700}
.card .l{color:var(--mute);font-size:13px}
.group{background:#fff;border:1px solid var(--line);border-radius:10px;margin:0 0 12px;overflow:hidden}
.ghead{display:flex;gap:10px;align-items:center;padding:8px 14px;background:#f1f5f9;border-bottom:1px solid var(--line);font-size:13px}
.score{font-weight:700;padding:1px 8px;border-radius:999px;color:#fff}
.rel{color:var(--mute)}
.pairs{padding:4px 14px;font-size:12px;color:var(--mute);border-bottom:1px solid var(--line);font-family:ui-monospace,"DejaVu Sans Mono",monospace}
.terms{display:flex;flex-wrap:wrap;gap:4px}
.term{background:#ecfdf5;color:#065f46;border-radius:4px;padding:0 6px}
.cols{display:grid;grid-template-columns:1fr 1fr}
.cols>div{padding:10px 14px}
.cols>div+div{border-left:1px solid var(--line)}
.task{margin:0 0 8px}
.task:last-child{margin:0}
.id{font-weight:700;font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:13px}
.kind{font-size:11px;text-transform:uppercase;letter-spacing:.04em;color:var(--mute);border:1px solid var(--line);border-radius:4px;padding:0 4px;margin-left:4px}
.meta{color:var(--mute);font-size:13px}
.text{margin:2px 0 0}
.only{display:grid;grid-template-columns:1fr 1fr;gap:16px}
.only ul{list-style:none;margin:0;padding:0}
.only li{background:#fff;border:1px solid var(--line);border-radius:8px;padding:8px 12px;margin:0 0 8px;font-size:14px}
table{border-collapse:collapse;width:100%;background:#fff;border:1px solid var(--line);border-radius:10px;overflow:hidden;font-size:14px}
th,td{padding:6px 10px;border-bottom:1px solid var(--line);text-align:left}
th{background:#f1f5f9;font-weight:600}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.bar{display:inline-block;height:10px;border-radius:2px;vertical-align:middle}
.charts{display:grid;grid-template-columns:1fr 1fr;gap:16px}
.chart{background:#fff;border:1px solid var(--line);border-radius:10px;padding:12px 14px}
.chart h3{margin:0 0 8px;font-size:15px}
.counts{display:flex;gap:14px;color:var(--mute);font-size:13px;margin-top:6px}
details summary{cursor:pointer;color:var(--mute)}
"#;

/// Render the page.
pub fn html(cmp: &Comparison) -> String {
    let (a, b) = (plan_label(&cmp.left), plan_label(&cmp.right));
    let al = &cmp.alignment;
    let mut o = String::new();
    let _ = write!(
        o,
        "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{} ↔ {}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n",
        esc(&a),
        esc(&b)
    );
    let _ = writeln!(
        o,
        "<h1><span class=\"a\">{}</span> ↔ <span class=\"b\">{}</span></h1>",
        esc(&a),
        esc(&b)
    );
    let _ = writeln!(
        o,
        "<p class=\"sub\"><b class=\"a\">A</b> {} · <b class=\"b\">B</b> {}</p>",
        esc(&describe(&cmp.left)),
        esc(&describe(&cmp.right))
    );
    let matched_l = cmp.left.tasks - al.unmatched_left.len();
    let matched_r = cmp.right.tasks - al.unmatched_right.len();
    let _ = writeln!(o, "<div class=\"cards\">");
    for (n, l) in [
        (al.groups.len().to_string(), "matched groups".to_owned()),
        (
            format!("{matched_l}/{}", cmp.left.tasks),
            "tasks of A matched".to_owned(),
        ),
        (
            format!("{matched_r}/{}", cmp.right.tasks),
            "tasks of B matched".to_owned(),
        ),
        (
            format!("{} · {}", al.unmatched_left.len(), al.unmatched_right.len()),
            "only in A · only in B".to_owned(),
        ),
    ] {
        let _ = writeln!(
            o,
            "<div class=\"card\"><div class=\"n\">{}</div><div class=\"l\">{}</div></div>",
            esc(&n),
            esc(&l)
        );
    }
    let _ = writeln!(o, "</div>");

    let _ = writeln!(o, "<h2>Corresponding tasks</h2>");
    for g in &al.groups {
        let mut terms: Vec<&str> = Vec::new();
        for p in &g.pairs {
            for t in &p.shared_terms {
                if !terms.contains(&t.as_str()) && terms.len() < 8 {
                    terms.push(t);
                }
            }
        }
        let _ = writeln!(
            o,
            "<section class=\"group\"><div class=\"ghead\"><span class=\"score\" style=\"background:{}\">{:.2}</span><span class=\"rel\">{}</span><span class=\"terms\">{}</span></div>",
            score_color(g.score),
            g.score,
            g.relation.as_str(),
            terms
                .iter()
                .map(|t| format!("<span class=\"term\">{}</span>", esc(t)))
                .collect::<String>()
        );
        if g.pairs.len() > 1 {
            let pairs: Vec<String> = g
                .pairs
                .iter()
                .map(|p| format!("{} ↔ {} {:.2}", p.left, p.right, p.score))
                .collect();
            let _ = writeln!(o, "<div class=\"pairs\">{}</div>", esc(&pairs.join(" · ")));
        }
        let _ = writeln!(
            o,
            "<div class=\"cols\"><div>{}</div><div>{}</div></div></section>",
            tasks(&g.left),
            tasks(&g.right)
        );
    }

    let _ = writeln!(o, "<h2>Only in one plan</h2><div class=\"only\">");
    for (label, class, list) in [
        (&a, "a", &al.unmatched_left),
        (&b, "b", &al.unmatched_right),
    ] {
        let _ = writeln!(
            o,
            "<div><h3 class=\"{class}\">Only in {} ({})</h3><ul>",
            esc(label),
            list.len()
        );
        for t in list {
            let _ = writeln!(o, "<li>{}</li>", task(t));
        }
        let _ = writeln!(o, "</ul></div>");
    }
    let _ = writeln!(o, "</div>");

    let _ = writeln!(o, "<h2>Agency load</h2>");
    load_table(&mut o, &cmp.agency_load.agencies, &a, &b);
    if !cmp.agency_load.collectives.is_empty() {
        let _ = writeln!(o, "<h3>Collectives</h3>");
        load_table(&mut o, &cmp.agency_load.collectives, &a, &b);
    }

    let _ = writeln!(
        o,
        "<h2>Timeline: tasks due per quarter</h2><div class=\"charts\">"
    );
    let max = cmp
        .timeline
        .left
        .quarters
        .iter()
        .chain(&cmp.timeline.right.quarters)
        .map(|q| q.tasks)
        .max()
        .unwrap_or(0)
        .max(1);
    for (label, color, t) in [
        (&a, "var(--a)", &cmp.timeline.left),
        (&b, "var(--b)", &cmp.timeline.right),
    ] {
        let _ = writeln!(
            o,
            "<div class=\"chart\"><h3>{}</h3>{}",
            esc(label),
            chart(t, color, max)
        );
        let _ = writeln!(
            o,
            "<div class=\"counts\"><span>dated {}</span><span>ongoing {}</span><span>conditional {}</span><span>undated {}</span></div></div>",
            t.dated, t.ongoing, t.conditional, t.undated
        );
    }
    let _ = writeln!(o, "</div>\n</main>\n</body>\n</html>");
    o
}

fn describe(p: &super::PlanInfo) -> String {
    let mut parts = vec![p.name.clone()];
    if let Some(n) = &p.number {
        parts.push(format!("số {n}"));
    }
    parts.push(format!("{} tasks", p.tasks));
    parts.join(" · ")
}

fn tasks(list: &[TaskRef]) -> String {
    list.iter()
        .map(|t| format!("<div class=\"task\">{}</div>", task(t)))
        .collect()
}

fn task(t: &TaskRef) -> String {
    let mut meta: Vec<String> = Vec::new();
    if !t.lead.is_empty() {
        meta.push(format!("Lead: {}", t.lead.join(", ")));
    }
    if let Some(d) = &t.deadline {
        meta.push(format!("Due: {d}"));
    }
    let kind = if kind_str(t.kind) == "duty" {
        "<span class=\"kind\">duty</span>"
    } else {
        ""
    };
    format!(
        "<span class=\"id\">{}</span>{kind} <span class=\"meta\">{}</span><p class=\"text\">{}</p>",
        esc(&t.id),
        esc(&meta.join(" · ")),
        esc(&t.text)
    )
}

fn load_table(o: &mut String, rows: &[LoadRow], a: &str, b: &str) {
    let max = rows
        .iter()
        .map(|r| (r.left.lead + r.left.support).max(r.right.lead + r.right.support))
        .max()
        .unwrap_or(0)
        .max(1);
    let _ = writeln!(
        o,
        "<table><thead><tr><th>Agency</th><th class=\"a\">{} lead / support</th><th class=\"b\">{} lead / support</th><th>Difference</th></tr></thead><tbody>",
        esc(a),
        esc(b)
    );
    for r in rows {
        let bar = |lead: usize, support: usize, color: &str| {
            let w = |n: usize| n * 120 / max;
            format!(
                "<span class=\"bar\" style=\"width:{}px;background:{color}\"></span><span class=\"bar\" style=\"width:{}px;background:{color};opacity:.35\"></span> {lead} / {support}",
                w(lead),
                w(support)
            )
        };
        let _ = writeln!(
            o,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{:+}</td></tr>",
            esc(&r.name),
            bar(r.left.lead, r.left.support, "var(--a)"),
            bar(r.right.lead, r.right.support, "var(--b)"),
            r.difference
        );
    }
    let _ = writeln!(o, "</tbody></table>");
}

/// Bars per quarter as inline SVG, on a scale shared by both plans.
fn chart(t: &Timeline, color: &str, max: usize) -> String {
    let n = t.quarters.len().max(1);
    let (w, h, pad_l, pad_b, top) = (540.0, 200.0, 28.0, 34.0, 12.0);
    let plot_h = h - pad_b - top;
    let step = (w - pad_l) / n as f64;
    let mut s = format!(
        "<svg viewBox=\"0 0 {w} {h}\" width=\"100%\" role=\"img\" aria-label=\"tasks due per quarter\">"
    );
    for k in 0..=4 {
        let y = top + plot_h * (1.0 - k as f64 / 4.0);
        let v = max as f64 * k as f64 / 4.0;
        let _ = write!(
            s,
            "<line x1=\"{pad_l}\" x2=\"{w}\" y1=\"{y:.1}\" y2=\"{y:.1}\" stroke=\"#e5e7eb\"/><text x=\"{}\" y=\"{:.1}\" font-size=\"10\" text-anchor=\"end\" fill=\"#6b7280\">{v:.0}</text>",
            pad_l - 4.0,
            y + 3.0
        );
    }
    for (k, q) in t.quarters.iter().enumerate() {
        let bh = plot_h * q.tasks as f64 / max as f64;
        let x = pad_l + step * k as f64 + step * 0.15;
        let _ = write!(
            s,
            "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{bh:.1}\" rx=\"2\" fill=\"{color}\"><title>{}: {}</title></rect>",
            top + plot_h - bh,
            step * 0.7,
            esc(&q.quarter),
            q.tasks
        );
        if q.tasks > 0 {
            let _ = write!(
                s,
                "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"10\" text-anchor=\"middle\" fill=\"#1f2937\">{}</text>",
                x + step * 0.35,
                top + plot_h - bh - 3.0,
                q.tasks
            );
        }
        let every = n.div_ceil(12);
        if k % every == 0 {
            let _ = write!(
                s,
                "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"10\" text-anchor=\"middle\" fill=\"#6b7280\">{}</text>",
                x + step * 0.35,
                h - pad_b + 14.0,
                esc(&q.quarter.replace("-Q", " Q"))
            );
        }
    }
    s.push_str("</svg>");
    s
}

fn score_color(score: f64) -> &'static str {
    if score >= 0.45 {
        "#059669"
    } else if score >= 0.3 {
        "#0d9488"
    } else {
        "#64748b"
    }
}

/// Text for HTML element content and attribute values.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}
