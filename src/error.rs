//! The library's one error type: what went wrong, and with which input.

use std::fmt;
use std::path::PathBuf;

/// An input that could not be turned into a plan.
///
/// Parse problems inside a readable document are not errors: they are collected as
/// [`crate::model::Warning`]s and the parse goes on. An `Error` means there is no
/// document text to parse at all.
#[derive(Debug)]
pub struct Error {
    kind: ErrorKind,
    input: Option<PathBuf>,
}

/// What went wrong. New kinds may be added in minor releases.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input could not be read.
    #[error("cannot read: {0}")]
    Io(#[from] std::io::Error),
    /// The input has no bytes (or only whitespace).
    #[error("empty input: nothing to parse")]
    Empty,
    /// Bytes that are not valid UTF-8 text.
    #[error(
        "not valid UTF-8 text (invalid byte at offset {offset}); convert it to UTF-8 first, e.g. `iconv -f WINDOWS-1258 -t UTF-8 FILE`"
    )]
    InvalidUtf8 { offset: usize },
    /// A UTF-16 byte-order mark followed by invalid UTF-16.
    #[error("invalid UTF-16 text after the byte-order mark (at byte {offset})")]
    InvalidUtf16 { offset: usize },
    /// Binary data that is not a document kehoach reads.
    #[error("binary data, not a text document (NUL byte at offset {offset})")]
    Binary { offset: usize },
    /// A PDF without usable text, or whose extraction failed.
    #[error("{0}")]
    Pdf(crate::extract::PdfError),
    /// A ZIP archive that is not a Word document (no `word/document.xml`).
    #[error("a ZIP archive but not a Word (.docx) document: it has no word/document.xml")]
    NotDocx,
    /// A DOCX whose archive or XML is damaged.
    #[error("damaged Word (.docx) document: {reason}")]
    DamagedDocx { reason: String },
    /// A Word 97-2003 (.doc) file and no LibreOffice to convert it.
    #[error(
        "Word 97-2003 (.doc) files are read through LibreOffice, which is not installed (no `soffice` on PATH); convert it first, e.g. `soffice --headless --convert-to docx FILE`, or save it as .docx in Word, and parse the .docx"
    )]
    DocNeedsConverter,
    /// LibreOffice failed to convert a .doc, or took too long.
    #[error("Word 97-2003 (.doc) conversion with LibreOffice failed: {reason}")]
    DocConversionFailed { reason: String },
    /// A known document format that this build cannot read.
    #[error(
        "{format} input is not supported by this build; extract its text first (e.g. `pdftotext -layout FILE -`) and parse that"
    )]
    UnsupportedFormat { format: &'static str },
}

impl Error {
    /// An error about no particular input.
    pub fn new(kind: ErrorKind) -> Self {
        Error { kind, input: None }
    }

    /// Name the input this error is about.
    pub fn with_input(mut self, path: impl Into<PathBuf>) -> Self {
        self.input = Some(path.into());
        self
    }

    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    pub fn input(&self) -> Option<&std::path::Path> {
        self.input.as_deref()
    }
}

impl From<ErrorKind> for Error {
    fn from(kind: ErrorKind) -> Self {
        Error::new(kind)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.input {
            Some(p) => write!(f, "{}: {}", p.display(), self.kind),
            None => write!(f, "{}", self.kind),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            ErrorKind::Io(e) => Some(e),
            _ => None,
        }
    }
}
