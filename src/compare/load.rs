//! Agency load: how many tasks each canonical agency leads and supports in each plan.

use std::collections::BTreeMap;

use super::{AgencyLoad, Load, LoadRow};
use crate::model::{Agency, Task};

/// Count, per `Agency.key`, the tasks led and supported in each plan. An agency named
/// twice in one task counts once. Rows are sorted by the size of the difference, then
/// by total load, then by key; collectives (`group: true`) go to their own list.
pub fn agency_load(left: &[Task], right: &[Task]) -> AgencyLoad {
    // key → (name, group, left, right)
    let mut rows: BTreeMap<String, (String, bool, Load, Load)> = BTreeMap::new();
    for (side, tasks) in [(0, left), (1, right)] {
        for t in tasks {
            count(&mut rows, side, &t.lead, true);
            let leads: Vec<&str> = t.lead.iter().map(|a| a.key.as_str()).collect();
            let support: Vec<Agency> = t
                .support
                .iter()
                .filter(|a| !leads.contains(&a.key.as_str()))
                .cloned()
                .collect();
            count(&mut rows, side, &support, false);
        }
    }
    let mut agencies = Vec::new();
    let mut collectives = Vec::new();
    for (key, (name, group, l, r)) in rows {
        let total = |x: Load| (x.lead + x.support) as i64;
        let row = LoadRow {
            key,
            name,
            left: l,
            right: r,
            difference: total(l) - total(r),
        };
        if group {
            collectives.push(row)
        } else {
            agencies.push(row)
        }
    }
    for list in [&mut agencies, &mut collectives] {
        list.sort_by(|a, b| {
            let size = |r: &LoadRow| r.left.lead + r.left.support + r.right.lead + r.right.support;
            b.difference
                .abs()
                .cmp(&a.difference.abs())
                .then(size(b).cmp(&size(a)))
                .then(a.key.cmp(&b.key))
        });
    }
    AgencyLoad {
        agencies,
        collectives,
    }
}

fn count(
    rows: &mut BTreeMap<String, (String, bool, Load, Load)>,
    side: usize,
    agencies: &[Agency],
    lead: bool,
) {
    let mut seen: Vec<&str> = Vec::new();
    for a in agencies {
        if a.key.is_empty() || seen.contains(&a.key.as_str()) {
            continue;
        }
        seen.push(&a.key);
        let row = rows.entry(a.key.clone()).or_insert_with(|| {
            (
                a.canonical.clone(),
                a.group,
                Load::default(),
                Load::default(),
            )
        });
        let load = if side == 0 { &mut row.2 } else { &mut row.3 };
        if lead {
            load.lead += 1
        } else {
            load.support += 1
        }
    }
}
