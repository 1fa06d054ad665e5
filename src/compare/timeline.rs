//! Timeline: tasks per quarter by due date, and the tasks that have none.

use chrono::Datelike;

use super::{QuarterCount, Timeline, Timelines};
use crate::model::Task;

/// Longest run of quarters listed (a stray far deadline must not make thousands).
const MAX_QUARTERS: i32 = 80;

/// Both plans' timelines over one common range of quarters.
pub fn timelines(left: &[Task], right: &[Task]) -> Timelines {
    let quarters: Vec<i32> = left.iter().chain(right).filter_map(quarter_of).collect();
    let range: Vec<i32> = match (quarters.iter().min(), quarters.iter().max()) {
        (Some(&a), Some(&b)) => (a..=b.min(a + MAX_QUARTERS - 1)).collect(),
        _ => Vec::new(),
    };
    Timelines {
        left: timeline(left, &range),
        right: timeline(right, &range),
    }
}

fn timeline(tasks: &[Task], range: &[i32]) -> Timeline {
    let mut t = Timeline {
        quarters: Vec::new(),
        dated: 0,
        ongoing: 0,
        conditional: 0,
        undated: 0,
    };
    let mine: Vec<i32> = tasks.iter().filter_map(quarter_of).collect();
    for &q in range {
        t.quarters.push(QuarterCount {
            quarter: format!("{}-Q{}", q.div_euclid(4), q.rem_euclid(4) + 1),
            tasks: mine.iter().filter(|&&x| x == q).count(),
        });
    }
    for task in tasks {
        let d = task.deadline.as_ref();
        let due = d.is_some_and(|d| d.due.is_some());
        let ongoing = d.is_some_and(|d| d.ongoing);
        let conditional = !due && d.is_some_and(|d| d.condition.is_some());
        t.dated += usize::from(due);
        t.ongoing += usize::from(ongoing);
        t.conditional += usize::from(conditional);
        t.undated += usize::from(!due && !ongoing && !conditional);
    }
    t
}

/// Quarters counted from year 0: year * 4 + (quarter − 1).
fn quarter_of(task: &Task) -> Option<i32> {
    let due = task.deadline.as_ref()?.due?;
    Some(due.year() * 4 + (due.month0() / 3) as i32)
}
