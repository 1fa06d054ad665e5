//! Inputs processed in parallel (rayon), results handed on in input order as soon as
//! every earlier input is done, so output streams and never depends on timing.

use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::sync::mpsc;

use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

/// Run `work` on every item in parallel; call `sink` with each result in item order.
/// A progress bar is drawn on stderr when it is a terminal and there is more than one
/// item; `sink` gets it to print messages around it.
pub fn ordered<T, R>(items: &[T], work: impl Fn(&T) -> R + Sync, mut sink: impl FnMut(usize, R, &ProgressBar))
where
    T: Sync,
    R: Send,
{
    let bar = progress(items.len());
    let (tx, rx) = mpsc::channel::<(usize, R)>();
    std::thread::scope(|scope| {
        scope.spawn(|| {
            items.par_iter().enumerate().for_each_with(tx, |tx, (i, item)| {
                // The receiver lives until every result is in; a send cannot fail.
                let _ = tx.send((i, work(item)));
            });
        });
        let mut pending: BTreeMap<usize, R> = BTreeMap::new();
        let mut next = 0;
        for (i, r) in rx {
            bar.inc(1);
            pending.insert(i, r);
            while let Some(r) = pending.remove(&next) {
                sink(next, r, &bar);
                next += 1;
            }
        }
    });
    bar.finish_and_clear();
}

fn progress(len: usize) -> ProgressBar {
    if len < 2 || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(len as u64);
    if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} {elapsed}") {
        bar.set_style(style);
    }
    bar
}
