//! Stage 1, extract: input bytes → text. Detects the container format by its magic bytes
//! (or a `.pdf` name) and hands it to the right front end: [`text::decode`] for plain
//! text, [`pdf`] through the isolated worker of [`isolate`] for PDFs, [`docx`] for Word
//! documents ([`doc`] converts Word 97-2003 files to DOCX with LibreOffice first). Legacy
//! Vietnamese encodings ([`crate::legacy`]) are detected in all of them.

pub mod bar_cells;
mod bbox;
pub(crate) mod columns;
pub mod doc;
pub mod docx;
pub mod isolate;
pub mod layout;
pub mod pdf;
pub mod tab_cells;
pub mod text;
mod xml;

use std::path::PathBuf;

use crate::error::{Error, ErrorKind};
use crate::legacy::{self, Choice};
use crate::model::SourceFormat;

pub use isolate::{PdfLimits, WORKER_SUBCOMMAND, worker_main};
pub use pdf::{Backend, PdfError};

/// Text pulled out of an input, with what the `source` block records about it.
#[derive(Debug, Clone)]
pub struct Extracted {
    /// Pages are separated by form feeds, so page numbers survive into spans.
    pub text: String,
    pub format: SourceFormat,
    /// `utf-8`, `utf-16le`, `tcvn3`, `vni`, `viscii`, or `utf-8+tcvn3` for a Unicode
    /// document with runs in a legacy font.
    pub encoding: String,
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
    /// Text encoding: detect legacy Vietnamese encodings (auto), never convert (utf-8),
    /// or read everything as one legacy encoding.
    pub encoding: Choice,
}

/// Extract the text of any supported input. `name` is only used to recognise a file
/// that claims to be a PDF but is not one.
pub fn extract(name: &str, bytes: &[u8], opts: &ExtractOptions) -> Result<Extracted, Error> {
    let header = &bytes[..bytes.len().min(1024)];
    let claims_pdf = name.to_ascii_lowercase().ends_with(".pdf");
    if header.windows(5).any(|w| w == b"%PDF-") || claims_pdf {
        return extract_pdf(bytes, opts);
    }
    let docx = |text: String, encoding: String| Extracted {
        text,
        format: SourceFormat::Docx,
        encoding,
        pages: None,
        backend: None,
        page_warnings: Vec::new(),
    };
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        let (text, encoding) = docx::extract(bytes, opts.encoding)?;
        return Ok(docx(text, encoding));
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        let (text, encoding) = doc::extract(bytes, opts)?;
        return Ok(docx(text, encoding));
    }
    let (text, encoding) = text::decode_with(bytes, opts.encoding)?;
    Ok(Extracted {
        text,
        format: SourceFormat::Text,
        encoding,
        pages: None,
        backend: None,
        page_warnings: Vec::new(),
    })
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
    let (text, encoding) = legacy_pdf_text(got.pages.join("\n\u{c}"), opts.encoding);
    Ok(Extracted {
        text,
        format: SourceFormat::Pdf,
        encoding,
        pages,
        backend: Some(got.backend),
        page_warnings: got.page_warnings,
    })
}

/// A PDF text layer from legacy-font glyphs comes out as Latin-1 mojibake ("KÕ ho¹ch"):
/// convert it when detected (or when `--encoding` names the encoding).
fn legacy_pdf_text(text: String, choice: Choice) -> (String, String) {
    let enc = match choice {
        Choice::Auto => legacy::detect_mojibake(&text),
        Choice::Utf8 => None,
        Choice::Forced(e) => Some(e),
    };
    match enc {
        Some(e) => (
            legacy::decode_font_text(e, &text, false),
            e.name().to_owned(),
        ),
        None => (text, "utf-8".to_owned()),
    }
}
