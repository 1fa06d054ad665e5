//! Stage 1, extract: input bytes → text. Detects the container format by its magic bytes
//! (or a `.pdf` name) and hands it to the right front end: [`text::decode`] for plain
//! text, [`pdf`] through the isolated worker of [`isolate`] for PDFs.

pub mod isolate;
pub mod pdf;
pub mod text;

use std::path::PathBuf;

use crate::error::{Error, ErrorKind};
use crate::model::SourceFormat;

pub use isolate::{PdfLimits, WORKER_SUBCOMMAND, worker_main};
pub use pdf::{Backend, PdfError};

/// Text pulled out of an input, with what the `source` block records about it.
#[derive(Debug, Clone)]
pub struct Extracted {
    /// Pages are separated by form feeds, so page numbers survive into spans.
    pub text: String,
    pub format: SourceFormat,
    pub encoding: &'static str,
    pub pages: Option<u32>,
    /// The PDF backend that produced the text ("pdf-extract", "pdftotext").
    pub backend: Option<String>,
    /// (page, message) for PDF pages that could not be read.
    pub page_warnings: Vec<(u32, String)>,
}

/// How to read inputs that need more than decoding.
#[derive(Debug, Clone, Default)]
pub struct ExtractOptions {
    /// The executable that runs PDF extraction in a child process (`kehoach
    /// __pdf-worker`). `None` extracts in this process, which a hostile PDF can crash:
    /// the CLI always sets it.
    pub pdf_worker: Option<PathBuf>,
    /// User password of an encrypted PDF.
    pub password: Option<String>,
    pub backend: Backend,
    pub limits: PdfLimits,
}

/// Extract the text of any supported input. `name` is only used to recognise a file
/// that claims to be a PDF but is not one.
pub fn extract(name: &str, bytes: &[u8], opts: &ExtractOptions) -> Result<Extracted, Error> {
    let header = &bytes[..bytes.len().min(1024)];
    let claims_pdf = name.to_ascii_lowercase().ends_with(".pdf");
    if header.windows(5).any(|w| w == b"%PDF-") || claims_pdf {
        return extract_pdf(bytes, opts);
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return Err(ErrorKind::UnsupportedFormat { format: "DOCX/ZIP" }.into());
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(ErrorKind::UnsupportedFormat { format: "Word 97-2003 (.doc)" }.into());
    }
    let (text, encoding) = text::decode(bytes)?;
    Ok(Extracted { text, format: SourceFormat::Text, encoding, pages: None, backend: None, page_warnings: Vec::new() })
}

fn extract_pdf(bytes: &[u8], opts: &ExtractOptions) -> Result<Extracted, Error> {
    let result = match &opts.pdf_worker {
        Some(exe) => isolate::extract_isolated(
            bytes,
            &isolate::PdfOptions {
                worker_exe: exe.clone(),
                password: opts.password.clone(),
                backend: opts.backend,
                limits: opts.limits.clone(),
            },
        ),
        None => pdf::extract_in_process(bytes, opts.password.as_deref(), opts.backend),
    };
    let got = result.map_err(ErrorKind::Pdf)?;
    let pages = u32::try_from(got.pages.len()).ok();
    Ok(Extracted {
        text: got.pages.join("\n\u{c}"),
        format: SourceFormat::Pdf,
        encoding: "utf-8",
        pages,
        backend: Some(got.backend),
        page_warnings: got.page_warnings,
    })
}
