//! Inputs processed in parallel, results handed on in input order as soon as every
//! earlier input is done, so output streams and never depends on timing.
//!
//! Workers claim inputs in order but never run more than [`WINDOW`] inputs ahead of the
//! output, so memory stays flat however long the batch is (a slow early input cannot make
//! thousands of later results wait in memory).

use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, mpsc};

use indicatif::{ProgressBar, ProgressStyle};

/// How many results may wait for an earlier one, per worker thread.
const WINDOW_PER_THREAD: usize = 4;

/// Run `work` on every item on all cores; call `sink` with each result in item order.
/// A progress bar is drawn on stderr when it is a terminal and there is more than one
/// item; `sink` gets it to print messages around it.
pub fn ordered<T, R>(
    items: &[T],
    work: impl Fn(&T) -> R + Sync,
    mut sink: impl FnMut(usize, R, &ProgressBar),
) where
    T: Sync,
    R: Send,
{
    let bar = progress(items.len());
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(items.len())
        .max(1);
    let window = threads * WINDOW_PER_THREAD;
    let claimed = AtomicUsize::new(0);
    // Inputs handed to `sink` so far; workers wait on it to stay within the window.
    let emitted = (Mutex::new(0usize), Condvar::new());
    let (tx, rx) = mpsc::channel::<(usize, R)>();
    std::thread::scope(|scope| {
        for _ in 0..threads {
            let tx = tx.clone();
            let (work, claimed, emitted) = (&work, &claimed, &emitted);
            scope.spawn(move || {
                loop {
                    let i = claimed.fetch_add(1, Ordering::SeqCst);
                    if i >= items.len() {
                        break;
                    }
                    let (lock, cvar) = emitted;
                    let mut done = lock.lock().unwrap_or_else(|e| e.into_inner());
                    while i >= *done + window {
                        done = cvar.wait(done).unwrap_or_else(|e| e.into_inner());
                    }
                    drop(done);
                    // The receiver lives until every result is in; a send cannot fail.
                    let _ = tx.send((i, work(&items[i])));
                }
            });
        }
        drop(tx);
        let mut pending: BTreeMap<usize, R> = BTreeMap::new();
        let mut next = 0;
        for (i, r) in rx {
            bar.inc(1);
            pending.insert(i, r);
            while let Some(r) = pending.remove(&next) {
                sink(next, r, &bar);
                next += 1;
                let (lock, cvar) = &emitted;
                *lock.lock().unwrap_or_else(|e| e.into_inner()) = next;
                cvar.notify_all();
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
