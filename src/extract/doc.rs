//! Word 97-2003 (.doc, an OLE compound file): converted to DOCX by LibreOffice
//! (`soffice --headless --convert-to docx`) in a temporary directory, under the PDF time
//! limit, then read by [`super::docx`]. Without LibreOffice the error says how to convert.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use super::ExtractOptions;
use crate::error::ErrorKind;

/// The text and encoding of a .doc, through LibreOffice.
pub fn extract(bytes: &[u8], opts: &ExtractOptions) -> Result<(String, String), ErrorKind> {
    let soffice = converter().ok_or(ErrorKind::DocNeedsConverter)?;
    let failed = |reason: String| ErrorKind::DocConversionFailed { reason };
    let dir = tempfile::tempdir()
        .map_err(|e| failed(format!("cannot create a temporary directory: {e}")))?;
    let input = dir.path().join("input.doc");
    std::fs::write(&input, bytes)
        .map_err(|e| failed(format!("cannot write a temporary file: {e}")))?;
    // A private profile: a running LibreOffice of the user would otherwise take the job.
    let profile = format!(
        "-env:UserInstallation=file://{}",
        dir.path().join("profile").display()
    );
    let mut child = Command::new(&soffice)
        .args([
            profile.as_str(),
            "--headless",
            "--norestore",
            "--convert-to",
            "docx",
            "--outdir",
        ])
        .arg(dir.path())
        .arg(&input)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| failed(format!("cannot run {}: {e}", soffice.display())))?;
    let started = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(_)) => break,
            Ok(None) if started.elapsed() > opts.limits.timeout => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(failed(format!(
                    "timed out after {} s",
                    opts.limits.timeout.as_secs()
                )));
            }
            Ok(None) => std::thread::sleep(std::time::Duration::from_millis(100)),
            Err(e) => return Err(failed(e.to_string())),
        }
    }
    let out = std::fs::read(dir.path().join("input.docx"))
        .map_err(|_| failed("LibreOffice produced no DOCX (damaged or unsupported file)".into()))?;
    super::docx::extract(&out, opts.encoding)
}

/// `soffice` (or `libreoffice`) on PATH.
pub fn converter() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|d| ["soffice", "libreoffice"].map(|n| d.join(n)))
        .find(|p| is_executable(p))
}

fn is_executable(p: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    p.metadata()
        .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}
