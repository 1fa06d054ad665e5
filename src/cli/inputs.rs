//! Which inputs a run reads: files as given, directories searched recursively for plan
//! files, "-" for standard input.

use std::path::{Path, PathBuf};

use super::config::Input;

/// Whether a file found inside a directory is a plan this build reads. The one place
/// that decides it: a new input format only needs its extension here.
pub fn is_plan_file(path: &Path) -> bool {
    const EXTENSIONS: [&str; 4] = ["txt", "pdf", "docx", "doc"];
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// Command-line paths → inputs, directories expanded in sorted order (so output order
/// never depends on the file system). Files named explicitly are kept whatever their
/// extension: the user asked for them.
pub fn expand(paths: Vec<PathBuf>) -> Result<Vec<Input>, String> {
    let mut out = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            out.push(Input::Stdin);
        } else if p.is_dir() {
            let before = out.len();
            walk(&p, &mut out)?;
            if out.len() == before {
                return Err(format!(
                    "{}: the directory holds no plan files (.txt, .pdf, .docx, .doc)",
                    p.display()
                ));
            }
        } else {
            out.push(Input::File(p));
        }
    }
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<Input>) -> Result<(), String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("{}: cannot list: {e}", dir.display()))?;
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        // Symlinked directories are not followed (no loops); symlinked files are read.
        let is_real_dir = std::fs::symlink_metadata(&p).is_ok_and(|m| m.is_dir());
        if is_real_dir {
            walk(&p, out)?;
        } else if p.is_file() && is_plan_file(&p) {
            out.push(Input::File(p));
        }
    }
    Ok(())
}
