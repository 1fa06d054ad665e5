//! The one integration-test binary: corpus snapshots and gold scores, the schema
//! contract, rendered errors for bad inputs, the CLI, and property tests.

mod check;
mod cli;
mod cli_exports;
mod compare;
mod corpus;
mod docx;
mod errors;
mod exports;
mod gold;
mod mutation;
mod pdf;
mod properties;
mod scaling;
mod schema;

#[global_allocator]
static ALLOCATOR: scaling::Counting = scaling::Counting;

use std::path::{Path, PathBuf};

/// The project root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Parse a corpus file the way `kehoach parse FILE` does.
pub fn parse_file(path: &Path) -> kehoach::Plan {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let name = path.file_name().unwrap().to_string_lossy();
    kehoach::parse_bytes(&name, &bytes).unwrap_or_else(|e| panic!("{e}"))
}

/// Every plan text in the corpus (real plans and synthetic wordings).
pub fn corpus_texts() -> Vec<PathBuf> {
    let mut out = Vec::new();
    for dir in ["corpus/text", "corpus/synthetic"] {
        let Ok(entries) = std::fs::read_dir(root().join(dir)) else {
            continue;
        };
        for e in entries.flatten() {
            if e.path().extension().is_some_and(|x| x == "txt") {
                out.push(e.path());
            }
        }
    }
    out.sort();
    assert!(!out.is_empty(), "corpus is empty");
    out
}
