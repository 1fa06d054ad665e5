//! Stage 1, extract: input bytes → text. Detects the container format by its magic bytes
//! and hands text inputs to [`text::decode`].

pub mod text;

use crate::error::{Error, ErrorKind};
use crate::model::SourceFormat;

/// Text pulled out of an input, with what the `source` block records about it.
#[derive(Debug, Clone)]
pub struct Extracted {
    pub text: String,
    pub format: SourceFormat,
    pub encoding: &'static str,
    pub pages: Option<u32>,
}

/// Extract the text of any supported input.
pub fn extract(bytes: &[u8]) -> Result<Extracted, Error> {
    if bytes.starts_with(b"%PDF-") {
        return Err(ErrorKind::UnsupportedFormat { format: "PDF" }.into());
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return Err(ErrorKind::UnsupportedFormat { format: "DOCX/ZIP" }.into());
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(ErrorKind::UnsupportedFormat { format: "Word 97-2003 (.doc)" }.into());
    }
    let (text, encoding) = text::decode(bytes)?;
    Ok(Extracted { text, format: SourceFormat::Text, encoding, pages: None })
}
