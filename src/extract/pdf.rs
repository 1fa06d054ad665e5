//! In-process PDF text extraction.
//!
//! Everything here may panic, loop or overflow its stack on hostile input
//! (pdf-extract does all three), so it must only run inside the isolated
//! worker process started by [`crate::extract::isolate`]. The parent never
//! calls [`extract_in_process`] directly.

use std::collections::{HashMap, HashSet};
use std::io::{Read, Write};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::process::{Command, Stdio};

use super::bbox;
use super::columns::{self, PageLine, Word};
use pdf_extract::{
    Dictionary, Document, MediaBox, Object, ObjectId, OutputDev, OutputError, Transform,
};
use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

/// Which extractor to use (`--pdf-backend auto|pdf-extract|pdftotext`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Backend {
    /// pdf-extract first; poppler's `pdftotext` when pdf-extract fails or
    /// yields garbage and `pdftotext` is on PATH.
    #[default]
    Auto,
    /// Pure-Rust pdf-extract (lopdf) only.
    PdfExtract,
    /// poppler's `pdftotext` only.
    Pdftotext,
}

/// Text of a PDF, one cleaned string per page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PdfText {
    /// Cleaned page texts (NFC, furniture removed), in page order.
    pub pages: Vec<String>,
    /// backend actually used ("pdf-extract" | "pdftotext" | "pdf-extract+pdftotext" when
    /// task-table pages were rebuilt from pdftotext's word boxes)
    pub backend: String,
    /// (1-based page, message) for pages that failed; never a silent truncation
    pub page_warnings: Vec<(u32, String)>,
}

/// Why a PDF gave no usable text. Messages are stable (snapshot-tested) and
/// say what the user can do; the caller prefixes the file name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
#[non_exhaustive]
pub enum PdfError {
    #[error("empty file (0 bytes)")]
    Empty,
    #[error(
        "not a PDF: no %PDF header (the file starts with {start:?}); is it a saved web page or another format?"
    )]
    NotPdf { start: String },
    #[error(
        "truncated PDF: the cross-reference table or trailer is missing; the file is incomplete, download or copy it again"
    )]
    Truncated,
    #[error("damaged PDF: {0}")]
    Damaged(String),
    #[error("encrypted: a user password is required; pass --password")]
    PasswordRequired,
    #[error("encrypted: the password is wrong; check --password")]
    WrongPassword,
    #[error("no text layer — run OCR first, e.g. ocrmypdf -l vie FILE out.pdf")]
    NoTextLayer,
    #[error(
        "undecodable text: the fonts have no Unicode mapping, so the extracted text is garbage; re-export the PDF from its source, or OCR it: ocrmypdf -l vie --force-ocr FILE out.pdf"
    )]
    Undecodable,
    #[error(
        "pdftotext is not installed (apt-get install poppler-utils) or not on PATH; use --pdf-backend pdf-extract"
    )]
    PdftotextMissing,
    #[error(
        "PDF worker crashed ({detail}); the file is probably malformed, try --pdf-backend pdftotext"
    )]
    WorkerCrashed {
        signal: Option<i32>,
        status: Option<i32>,
        detail: String,
    },
    #[error("PDF extraction timed out after {secs} s; the file is pathological or too large")]
    Timeout { secs: u64 },
    #[error("PDF extraction exceeded the memory limit of {mib} MiB (a decompression bomb?)")]
    MemoryLimit { mib: u64 },
    #[error("extracted text exceeds the output limit of {max_bytes} bytes")]
    OutputTooLarge { max_bytes: usize },
    #[error("PDF worker failed: {0}")]
    Worker(String),
}

impl Backend {
    /// The CLI spelling, also recorded in [`PdfText::backend`].
    pub fn as_str(self) -> &'static str {
        match self {
            Backend::Auto => "auto",
            Backend::PdfExtract => "pdf-extract",
            Backend::Pdftotext => "pdftotext",
        }
    }
}

impl std::str::FromStr for Backend {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "auto" => Ok(Backend::Auto),
            "pdf-extract" => Ok(Backend::PdfExtract),
            "pdftotext" => Ok(Backend::Pdftotext),
            other => Err(format!(
                "unknown PDF backend {other:?}; expected auto, pdf-extract or pdftotext"
            )),
        }
    }
}

/// Extract and clean the text of `bytes`. Run only inside the worker process.
pub fn extract_in_process(
    bytes: &[u8],
    password: Option<&str>,
    backend: Backend,
) -> Result<PdfText, PdfError> {
    check_header(bytes)?;
    let raw = match backend {
        Backend::PdfExtract => with_pdf_extract(bytes, password),
        Backend::Pdftotext => with_pdftotext(bytes, password),
        Backend::Auto => auto(bytes, password),
    }?;
    Ok(finish(raw))
}

/// Inflated content larger than this on one page is treated as a
/// decompression bomb and the page is skipped (a real plan page is < 100 KB).
pub const MAX_PAGE_CONTENT_BYTES: u64 = 32 << 20;

// ---------------------------------------------------------------------------
// Raw extraction result shared by both backends.

/// Uncleaned per-page text from one backend.
struct RawText {
    pages: Vec<String>,
    backend: &'static str,
    page_warnings: Vec<(u32, String)>,
}

/// Cleans pages and strips furniture; the last step before returning.
fn finish(raw: RawText) -> PdfText {
    let pages: Vec<String> = raw.pages.iter().map(|p| clean_page(p)).collect();
    PdfText {
        pages: remove_furniture(pages),
        backend: raw.backend.to_string(),
        page_warnings: raw.page_warnings,
    }
}

/// Auto: pdf-extract, then pdftotext when pdf-extract's result is unusable
/// or incomplete and pdftotext gives something better.
fn auto(bytes: &[u8], password: Option<&str>) -> Result<RawText, PdfError> {
    let first = with_pdf_extract(bytes, password);
    let needs_fallback = match &first {
        Ok(r) => !r.page_warnings.is_empty(),
        Err(e) => is_fallback_worthy(e),
    };
    if !needs_fallback || !pdftotext_available() {
        return first.map(|mut raw| {
            tables_from_word_boxes(bytes, password, &mut raw);
            raw
        });
    }
    match (first, with_pdftotext(bytes, password)) {
        (_, Ok(second)) if second.page_warnings.is_empty() => Ok(second),
        (Ok(first), _) => Ok(first),
        (Err(_), Ok(second)) => Ok(second),
        (Err(e), Err(_)) => Err(e),
    }
}

/// Errors that another backend might not have (password and format errors
/// are properties of the file, not of pdf-extract).
fn is_fallback_worthy(e: &PdfError) -> bool {
    matches!(
        e,
        PdfError::Damaged(_) | PdfError::Truncated | PdfError::Undecodable | PdfError::NoTextLayer
    )
}

/// Cheap checks before any parser sees the bytes.
fn check_header(bytes: &[u8]) -> Result<(), PdfError> {
    if bytes.is_empty() {
        return Err(PdfError::Empty);
    }
    let head = &bytes[..bytes.len().min(1024)];
    if head.windows(5).any(|w| w == b"%PDF-") {
        return Ok(());
    }
    let start: String = String::from_utf8_lossy(&bytes[..bytes.len().min(24)])
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    Err(PdfError::NotPdf {
        start: start.trim().to_string(),
    })
}

// ---------------------------------------------------------------------------
// pdf-extract backend

/// pdf-extract with our own page loop: one `catch_unwind` per page, so a
/// failing page becomes a warning with its number instead of a truncation.
fn with_pdf_extract(bytes: &[u8], password: Option<&str>) -> Result<RawText, PdfError> {
    let doc = load_lopdf(bytes, password)?;
    let page_ids = unique_pages(&doc);
    if page_ids.is_empty() {
        return Err(PdfError::Damaged("no pages found in the page tree".into()));
    }
    let results = extract_pages_parallel(&doc, &page_ids);
    let mut pages = Vec::with_capacity(page_ids.len());
    let mut page_warnings = Vec::new();
    for (index, result) in results.into_iter().enumerate() {
        let num = u32::try_from(index + 1).unwrap_or(u32::MAX);
        match result {
            Ok(text) => pages.push(text),
            Err(msg) => {
                pages.push(String::new());
                page_warnings.push((num, msg));
            }
        }
    }
    let raw = RawText {
        pages,
        backend: "pdf-extract",
        page_warnings,
    };
    judge(raw)
}

/// Pages are independent: extract them on every core, each thread taking every n-th
/// page, and return the results in page order.
fn extract_pages_parallel(
    doc: &Document,
    page_ids: &[(u32, ObjectId)],
) -> Vec<Result<String, String>> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(page_ids.len())
        .max(1);
    if threads == 1 {
        return page_ids
            .iter()
            .map(|(num, id)| extract_page(doc, *num, *id))
            .collect();
    }
    let mut results: Vec<Option<Result<String, String>>> = vec![None; page_ids.len()];
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                // A deep but finite content stream must not overflow a small thread stack.
                std::thread::Builder::new()
                    .stack_size(64 << 20)
                    .spawn_scoped(scope, move || {
                        page_ids
                            .iter()
                            .enumerate()
                            .skip(t)
                            .step_by(threads)
                            .map(|(i, (num, id))| (i, extract_page(doc, *num, *id)))
                            .collect::<Vec<_>>()
                    })
            })
            .collect();
        for h in handles {
            match h.map(|h| h.join()) {
                Ok(Ok(done)) => {
                    for (i, r) in done {
                        results[i] = Some(r);
                    }
                }
                Ok(Err(_)) => {}
                Err(e) => {
                    // Could not start a thread: fall back to this one for the rest.
                    let _ = e;
                }
            }
        }
    });
    results
        .into_iter()
        .enumerate()
        .map(|(i, r)| r.unwrap_or_else(|| extract_page(doc, page_ids[i].0, page_ids[i].1)))
        .collect()
}

/// Loads with lopdf 0.42 (pdf-extract's own version, so types match) and
/// turns encryption and structure failures into typed errors.
fn load_lopdf(bytes: &[u8], password: Option<&str>) -> Result<Document, PdfError> {
    let options = match password {
        Some(p) => pdf_extract::LoadOptions::with_password(p),
        None => pdf_extract::LoadOptions::default(),
    };
    let loaded = catch_unwind(AssertUnwindSafe(|| {
        Document::load_mem_with_options(bytes, options)
    }))
    .map_err(|p| PdfError::Damaged(format!("parser panicked: {}", panic_text(&p))))?;
    let doc = loaded.map_err(|e| load_error(&e, bytes, password))?;
    // lopdf leaves /Encrypt in the trailer when no password opened it.
    if doc.is_encrypted() {
        return Err(if password.is_some() {
            PdfError::WrongPassword
        } else {
            PdfError::PasswordRequired
        });
    }
    Ok(doc)
}

/// Maps a lopdf load error to the error a user can act on.
fn load_error(e: &pdf_extract::Error, bytes: &[u8], password: Option<&str>) -> PdfError {
    use pdf_extract::Error as E;
    match e {
        E::InvalidPassword | E::Decryption(_) if password.is_some() => PdfError::WrongPassword,
        E::InvalidPassword | E::Decryption(_) => PdfError::PasswordRequired,
        _ if looks_truncated(bytes) => PdfError::Truncated,
        other => PdfError::Damaged(other.to_string()),
    }
}

/// A complete PDF ends with `%%EOF` (maybe followed by whitespace) and has a
/// `startxref`; a cut-off download has neither near its end.
fn looks_truncated(bytes: &[u8]) -> bool {
    let tail = &bytes[bytes.len().saturating_sub(2048)..];
    let has = |needle: &[u8]| tail.windows(needle.len()).any(|w| w == needle);
    !(has(b"%%EOF") || has(b"startxref"))
}

/// Page ids in order, each page once: a page tree with a cycle makes lopdf
/// yield the same page repeatedly (bounded by its iteration limit).
fn unique_pages(doc: &Document) -> Vec<(u32, ObjectId)> {
    let mut seen = HashSet::new();
    doc.get_pages()
        .into_iter()
        .filter(|(_, id)| seen.insert(*id))
        .collect()
}

/// One page through pdf-extract, guarded against the hazards we can see
/// statically (bombs, self-drawing forms) and against panics.
fn extract_page(doc: &Document, lopdf_num: u32, id: ObjectId) -> Result<String, String> {
    precheck_page(doc, id)?;
    let mut layout = LayoutText::default();
    let run = catch_unwind(AssertUnwindSafe(|| {
        pdf_extract::output_doc_page(doc, &mut layout, lopdf_num)
    }));
    match run {
        Ok(Ok(())) => Ok(layout.text),
        Ok(Err(e)) => Err(format!("pdf-extract failed: {e}")),
        Err(p) => Err(format!("pdf-extract panicked: {}", panic_text(&p))),
    }
}

/// Refuses pages that would blow up pdf-extract: content inflating past
/// [`MAX_PAGE_CONTENT_BYTES`] and form XObjects that (indirectly) draw
/// themselves, which overflow its stack and abort the process.
fn precheck_page(doc: &Document, id: ObjectId) -> Result<(), String> {
    let inflated: u64 = doc
        .get_page_contents(id)
        .iter()
        .map(|c| inflated_size(doc, *c))
        .sum();
    if inflated > MAX_PAGE_CONTENT_BYTES {
        return Err(format!(
            "page content inflates to more than {} MiB; skipped (decompression bomb?)",
            MAX_PAGE_CONTENT_BYTES >> 20
        ));
    }
    let page = doc
        .get_dictionary(id)
        .map_err(|e| format!("page object unreadable: {e}"))?;
    if let Some(res) = resources_of(doc, page)
        && form_cycle(doc, res, &mut Vec::new())
    {
        return Err("a form XObject draws itself (infinite recursion); page skipped".into());
    }
    Ok(())
}

/// Size of a content stream after inflation, counted without storing it and
/// capped just past the limit.
fn inflated_size(doc: &Document, id: ObjectId) -> u64 {
    let Ok(stream) = doc.get_object(id).and_then(Object::as_stream) else {
        return 0;
    };
    let filters = stream.filters().unwrap_or_default();
    if filters.first().copied() != Some(b"FlateDecode".as_slice()) {
        return stream.content.len() as u64;
    }
    let decoder = flate2::read::ZlibDecoder::new(stream.content.as_slice());
    std::io::copy(
        &mut decoder.take(MAX_PAGE_CONTENT_BYTES + 1),
        &mut std::io::sink(),
    )
    .unwrap_or(0)
}

/// A page's /Resources, following /Parent like pdf-extract (depth-bounded).
fn resources_of<'a>(doc: &'a Document, page: &'a Dictionary) -> Option<&'a Dictionary> {
    let mut dict = page;
    for _ in 0..64 {
        if let Ok(res) = dict.get(b"Resources") {
            return deref_dict(doc, res);
        }
        dict = dict
            .get(b"Parent")
            .and_then(Object::as_reference)
            .and_then(|p| doc.get_dictionary(p))
            .ok()?;
    }
    None
}

fn deref_dict<'a>(doc: &'a Document, obj: &'a Object) -> Option<&'a Dictionary> {
    match obj {
        Object::Reference(id) => match doc.get_object(*id).ok()? {
            Object::Dictionary(d) => Some(d),
            Object::Stream(s) => Some(&s.dict),
            _ => None,
        },
        Object::Dictionary(d) => Some(d),
        _ => None,
    }
}

/// Depth-first search over form XObjects; `path` holds the forms being
/// drawn. Depth is bounded so this check cannot overflow either.
fn form_cycle(doc: &Document, resources: &Dictionary, path: &mut Vec<ObjectId>) -> bool {
    if path.len() > 32 {
        return true;
    }
    let Some(xobjects) = resources
        .get(b"XObject")
        .ok()
        .and_then(|x| deref_dict(doc, x))
    else {
        return false;
    };
    for (_, xobj) in xobjects.iter() {
        let Ok(id) = xobj.as_reference() else {
            continue;
        };
        if path.contains(&id) {
            return true;
        }
        let Ok(stream) = doc.get_object(id).and_then(Object::as_stream) else {
            continue;
        };
        let is_form = stream
            .dict
            .get(b"Subtype")
            .and_then(Object::as_name)
            .map(|n| n == b"Form")
            .unwrap_or(false);
        if !is_form {
            continue;
        }
        // A form without its own /Resources inherits the page's: it can reach
        // itself through them.
        let inner = stream
            .dict
            .get(b"Resources")
            .ok()
            .and_then(|r| deref_dict(doc, r))
            .unwrap_or(resources);
        path.push(id);
        let cyclic = form_cycle(doc, inner, path);
        path.pop();
        if cyclic {
            return true;
        }
    }
    false
}

/// A pdf-extract output device that lays glyphs out by position instead of
/// drawing order. Font fallback draws a word's missing glyphs later from
/// another font, so stream order scrambles words ("T NH" + "Ỉ"); sorting
/// glyphs into baselines and then by x restores them.
#[derive(Default)]
struct LayoutText {
    glyphs: Vec<Glyph>,
    text: String,
}

struct Glyph {
    x: f64,
    end: f64,
    y: f64,
    size: f64,
    text: String,
}

/// Baselines closer than this share a line (fraction of the font size).
const SAME_LINE: f64 = 0.4;
/// A horizontal gap wider than this is a space (fraction of the font size).
const WORD_GAP: f64 = 0.15;
/// A baseline step larger than this starts a new paragraph.
const PARAGRAPH_GAP: f64 = 1.5;

impl OutputDev for LayoutText {
    fn begin_page(
        &mut self,
        _: u32,
        _: &MediaBox,
        _: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.glyphs.clear();
        Ok(())
    }
    fn end_page(&mut self) -> Result<(), OutputError> {
        let glyphs = std::mem::take(&mut self.glyphs);
        self.text.push_str(&layout_lines(glyphs));
        Ok(())
    }
    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _: f64,
        font_size: f64,
        ch: &str,
    ) -> Result<(), OutputError> {
        let vx = font_size * (trm.m11 + trm.m21);
        let vy = font_size * (trm.m12 + trm.m22);
        let size = (vx * vy).abs().sqrt();
        let size = if size.is_finite() && size > 0.0 {
            size
        } else {
            1.0
        };
        let (x, y) = (trm.m31, trm.m32);
        if x.is_finite() && y.is_finite() {
            self.glyphs.push(Glyph {
                x,
                end: x + width * size,
                y,
                size,
                text: ch.to_string(),
            });
        }
        Ok(())
    }
    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

/// Groups glyphs into lines top-down (PDF y grows upwards), each line left
/// to right, and writes them out with [`render_lines`].
fn layout_lines(mut glyphs: Vec<Glyph>) -> String {
    glyphs.sort_by(|a, b| b.y.total_cmp(&a.y));
    let mut grouped: Vec<Vec<Glyph>> = Vec::new();
    for g in glyphs {
        match grouped.last_mut() {
            Some(line) if (line[0].y - g.y).abs() <= SAME_LINE * line[0].size.max(g.size) => {
                line.push(g)
            }
            _ => grouped.push(vec![g]),
        }
    }
    let lines: Vec<PageLine> = grouped.into_iter().map(page_line).collect();
    render_lines(&lines, &columns::find_tables(&lines))
}

/// Page text from its lines (top to bottom): words joined by spaces, a blank line at
/// paragraph steps, and `tables` (found among `lines`) as pipe rows, one per row.
pub(crate) fn render_lines(lines: &[PageLine], tables: &[columns::Table]) -> String {
    let mut out = String::new();
    let mut prev: Option<(f64, f64)> = None;
    let mut i = 0;
    while i < lines.len() {
        let line = &lines[i];
        if let Some((prev_y, prev_size)) = prev {
            out.push('\n');
            if prev_y - line.y > PARAGRAPH_GAP * prev_size.max(line.size) {
                out.push('\n');
            }
        }
        if let Some(t) = tables.iter().find(|t| t.start == i) {
            let rows: Vec<String> = t.rows.iter().map(|r| columns::render_row(r)).collect();
            out.push_str(&rows.join("\n"));
            let last = &lines[t.end - 1];
            prev = Some((last.y, last.size));
            i = t.end;
            continue;
        }
        let words: Vec<&str> = line.words.iter().map(|w| w.text.as_str()).collect();
        out.push_str(&words.join(" "));
        prev = Some((line.y, line.size));
        i += 1;
    }
    out
}

/// Glyphs of one baseline as words: a gap wider than [`WORD_GAP`] separates words.
fn page_line(mut glyphs: Vec<Glyph>) -> PageLine {
    glyphs.sort_by(|a, b| a.x.total_cmp(&b.x));
    let (y, size) = (glyphs[0].y, glyphs[0].size);
    let mut words: Vec<Word> = Vec::new();
    // A space the PDF draws as a glyph ends a word like a gap does.
    let mut spaced = false;
    for g in glyphs {
        if g.text.trim().is_empty() {
            spaced = true;
            continue;
        }
        match words.last_mut() {
            Some(w) if !std::mem::take(&mut spaced) && g.x <= w.x1 + WORD_GAP * g.size => {
                w.text.push_str(&g.text);
                w.x1 = w.x1.max(g.end);
            }
            _ => words.push(Word {
                x0: g.x,
                x1: g.end,
                text: g.text,
            }),
        }
    }
    PageLine { y, size, words }
}

fn panic_text(p: &Box<dyn std::any::Any + Send>) -> String {
    if let Some(s) = p.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = p.downcast_ref::<String>() {
        s.clone()
    } else {
        "unknown panic".to_string()
    }
}

// ---------------------------------------------------------------------------
// pdftotext backend

/// Whether poppler's `pdftotext` can be run. Asked once per process: the answer is
/// needed several times per file, and each asking starts a process.
pub fn pdftotext_available() -> bool {
    static AVAILABLE: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *AVAILABLE.get_or_init(|| {
        Command::new("pdftotext")
            .arg("-v")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok()
    })
}

/// Runs `pdftotext -enc UTF-8 FILE -`; pages are separated by form feeds.
/// The bytes go through a private temp file because pdftotext seeks.
fn with_pdftotext(bytes: &[u8], password: Option<&str>) -> Result<RawText, PdfError> {
    let text = run_pdftotext(bytes, password, &[])?;
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_string).collect();
    if pages.len() > 1 && pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    let mut raw = judge(RawText {
        pages,
        backend: "pdftotext",
        page_warnings: Vec::new(),
    })?;
    // pdftotext's reading order interleaves the cells of a table row; its word boxes
    // rebuild the tables.
    replace_table_pages(bytes, password, &mut raw);
    Ok(raw)
}

/// When pdf-extract found a task table (pipe rows) and `pdftotext` is installed, the
/// pages are read again from poppler's word boxes and those with a table replaced:
/// pdf-extract's glyph positions can drift along a line (see [`bbox`]), which runs
/// neighbouring cells together.
fn tables_from_word_boxes(bytes: &[u8], password: Option<&str>, raw: &mut RawText) {
    // A table seen on one page usually goes on over the next ones, where the drift may
    // have hidden it: every page is looked at again.
    let has_table = raw
        .pages
        .iter()
        .any(|p| p.lines().any(|l| l.starts_with("| ") && l.ends_with(" |")));
    if !has_table || !pdftotext_available() {
        return;
    }
    if replace_table_pages(bytes, password, raw) > 0 {
        raw.backend = "pdf-extract+pdftotext";
    }
}

/// Rebuilds each page on which poppler's word boxes show a table: its lines with the
/// tables as pipe rows. Returns how many pages were replaced; when pdftotext fails the
/// pages stay as they are.
fn replace_table_pages(bytes: &[u8], password: Option<&str>, raw: &mut RawText) -> usize {
    let Ok(xhtml) = run_pdftotext(bytes, password, &["-bbox"]) else {
        return 0;
    };
    let mut rebuilt: Vec<(usize, Vec<PageLine>, Vec<columns::Table>)> = Vec::new();
    for (i, lines) in bbox::pages(&xhtml).into_iter().enumerate() {
        if i >= raw.pages.len() {
            break;
        }
        let mut tables = columns::find_tables(&lines);
        // A row that breaks across pages is one row: its part on this page joins the
        // last row of the table on the page before.
        if let Some((prev_i, _, prev_tables)) = rebuilt.last_mut()
            && *prev_i + 1 == i
            && let (Some(prev), Some(next)) = (prev_tables.last_mut(), tables.first_mut())
        {
            columns::join_carried_row(prev, next);
        }
        if !tables.is_empty() {
            rebuilt.push((i, lines, tables));
        }
    }
    for (i, lines, tables) in &rebuilt {
        raw.pages[*i] = render_lines(lines, tables);
    }
    rebuilt.len()
}

/// Runs `pdftotext -q -enc UTF-8 [-upw PASSWORD] ARGS FILE -` and returns its output.
fn run_pdftotext(bytes: &[u8], password: Option<&str>, args: &[&str]) -> Result<String, PdfError> {
    if !pdftotext_available() {
        return Err(PdfError::PdftotextMissing);
    }
    let tmp = TempFile::write(bytes)
        .map_err(|e| PdfError::Worker(format!("cannot write temp file: {e}")))?;
    let mut cmd = Command::new("pdftotext");
    cmd.args(["-q", "-enc", "UTF-8"]);
    if let Some(pw) = password {
        cmd.arg("-upw").arg(pw);
    }
    let out = cmd
        .args(args)
        .arg(&tmp.0)
        .arg("-")
        .stdin(Stdio::null())
        .output()
        .map_err(|e| PdfError::Worker(format!("cannot run pdftotext: {e}")))?;
    if !out.status.success() {
        return Err(pdftotext_error(bytes, password, out.status.code()));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// pdftotext's exit codes: 1 open error, 2 output error, 3 permissions.
/// With -q it prints nothing, so password trouble is told apart by asking
/// lopdf whether the file is encrypted.
fn pdftotext_error(bytes: &[u8], password: Option<&str>, code: Option<i32>) -> PdfError {
    if is_encrypted_trailer(bytes) {
        return if password.is_some() {
            PdfError::WrongPassword
        } else {
            PdfError::PasswordRequired
        };
    }
    if looks_truncated(bytes) {
        return PdfError::Truncated;
    }
    PdfError::Damaged(format!(
        "pdftotext could not read it (exit code {})",
        code.unwrap_or(-1)
    ))
}

fn is_encrypted_trailer(bytes: &[u8]) -> bool {
    bytes.windows(8).any(|w| w == b"/Encrypt")
}

/// A temp file removed on drop; named by pid and a counter so concurrent
/// workers never collide.
struct TempFile(PathBuf);

impl TempFile {
    fn write(bytes: &[u8]) -> std::io::Result<TempFile> {
        use std::sync::atomic::{AtomicU32, Ordering};
        static COUNTER: AtomicU32 = AtomicU32::new(0);
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let path = std::env::temp_dir().join(format!("kehoach-pdf-{}-{n}.pdf", std::process::id()));
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)?;
        let tmp = TempFile(path);
        f.write_all(bytes)?;
        Ok(tmp)
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

// ---------------------------------------------------------------------------
// Quality: no text layer / undecodable

/// Turns an empty or garbage extraction into the matching error.
fn judge(raw: RawText) -> Result<RawText, PdfError> {
    match assess(&raw.pages) {
        Quality::Good => Ok(raw),
        Quality::NoText if raw.page_warnings.len() == raw.pages.len() => {
            let (num, msg) = &raw.page_warnings[0];
            Err(PdfError::Damaged(format!(
                "no page could be read (page {num}: {msg})"
            )))
        }
        Quality::NoText => Err(PdfError::NoTextLayer),
        Quality::Garbage => Err(PdfError::Undecodable),
    }
}

#[derive(Debug, PartialEq, Eq)]
enum Quality {
    Good,
    NoText,
    Garbage,
}

/// Classifies raw text. Fonts without a Unicode map come out as control
/// characters, U+FFFD, private-use code points, or letter soup without
/// vowels; Vietnamese and Latin words nearly always contain a vowel.
fn assess(pages: &[String]) -> Quality {
    let visible: Vec<char> = pages
        .iter()
        .flat_map(|p| p.chars())
        .filter(|c| !c.is_whitespace())
        .collect();
    if visible.len() < 3 {
        return Quality::NoText;
    }
    let bad = visible.iter().filter(|c| is_bad_char(**c)).count();
    if bad * 10 > visible.len() {
        return Quality::Garbage;
    }
    let letters = visible
        .iter()
        .filter(|c| crate::fold::is_letter(**c))
        .count();
    if letters * 10 < visible.len() * 4 {
        return Quality::Garbage;
    }
    if vowel_word_ratio(pages) < 0.6 {
        return Quality::Garbage;
    }
    Quality::Good
}

fn is_bad_char(c: char) -> bool {
    c == '\u{FFFD}'
        || (c.is_control() && c != '\t')
        || ('\u{E000}'..='\u{F8FF}').contains(&c)
        || ('\u{F0000}'..).contains(&c)
}

/// Share of alphabetic words (≥ 2 letters) that contain a Latin vowel.
fn vowel_word_ratio(pages: &[String]) -> f64 {
    let mut words = 0usize;
    let mut with_vowel = 0usize;
    for page in pages {
        for word in page
            .split(|c: char| !crate::fold::is_letter(c))
            .filter(|w| w.chars().count() >= 2)
        {
            words += 1;
            if word.nfd().any(|c| "aeiouyAEIOUY".contains(c)) {
                with_vowel += 1;
            }
        }
    }
    if words < 20 {
        1.0
    } else {
        with_vowel as f64 / words as f64
    }
}

// ---------------------------------------------------------------------------
// Clean-up

/// NFC, no control characters (newlines kept), justified-line space runs
/// collapsed, trailing spaces and blank-line runs trimmed.
pub fn clean_page(raw: &str) -> String {
    let nfc: String = raw
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .nfc()
        .collect();
    let mut lines: Vec<String> = nfc.split('\n').map(clean_line).collect();
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    let mut out = String::with_capacity(nfc.len());
    let mut blank_run = 0;
    for line in lines.iter().skip_while(|l| l.is_empty()) {
        blank_run = if line.is_empty() { blank_run + 1 } else { 0 };
        if blank_run <= 1 {
            out.push_str(line);
            out.push('\n');
        }
    }
    out.truncate(out.trim_end().len());
    out
}

/// One line: controls and NULs dropped, any space-like run made one space.
fn clean_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut pending_space = false;
    for c in line.chars() {
        if c.is_whitespace() {
            pending_space = true;
        } else if c.is_control() || matches!(c, '\u{200B}' | '\u{FEFF}' | '\u{AD}') {
            continue;
        } else {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.push(c);
        }
    }
    out
}

/// Removes page furniture: lone page numbers at the top/bottom of a page,
/// running headers/footers repeated on most pages, and table header rows
/// repeated at the top of continuation pages.
pub fn remove_furniture(pages: Vec<String>) -> Vec<String> {
    let running = running_lines(&pages);
    let mut out: Vec<String> = Vec::with_capacity(pages.len());
    for (i, page) in pages.iter().enumerate() {
        let mut lines: Vec<&str> = page.lines().collect();
        trim_edges(&mut lines, |l| {
            is_page_number(l) || running.contains(l.trim())
        });
        if let Some(prev) = i.checked_sub(1).map(|j| &pages[j]) {
            drop_repeated_header_rows(&mut lines, prev);
        }
        out.push(lines.join("\n").trim().to_string());
    }
    out
}

/// How many lines at each edge of a page count as header/footer zone.
const EDGE_LINES: usize = 3;

/// Removes matching lines from the top and the bottom edge of a page,
/// skipping blank lines.
fn trim_edges(lines: &mut Vec<&str>, is_furniture: impl Fn(&str) -> bool) {
    let top: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, _)| i)
        .take(EDGE_LINES)
        .collect();
    let bottom: Vec<usize> = lines
        .iter()
        .enumerate()
        .rev()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, _)| i)
        .take(EDGE_LINES)
        .collect();
    let mut drop: HashSet<usize> = HashSet::new();
    for zone in [top, bottom] {
        for i in zone {
            if is_furniture(lines[i]) {
                drop.insert(i);
            } else {
                break;
            }
        }
    }
    let mut i = 0;
    lines.retain(|_| {
        let keep = !drop.contains(&i);
        i += 1;
        keep
    });
}

/// "2", "- 2 -", "Trang 2", "2/14", "Page 2 of 14".
fn is_page_number(line: &str) -> bool {
    let t = line
        .trim()
        .trim_matches(|c: char| c == '-' || c == '–' || c.is_whitespace());
    let lower = t.to_lowercase();
    let t = lower
        .strip_prefix("trang")
        .or_else(|| lower.strip_prefix("page"))
        .unwrap_or(&lower)
        .trim();
    let mut parts = t
        .split(|c: char| c == '/' || c.is_whitespace())
        .filter(|p| !p.is_empty() && *p != "of" && *p != "của");
    let Some(first) = parts.next() else {
        return false;
    };
    let numeric = |s: &str| !s.is_empty() && s.len() <= 4 && s.chars().all(|c| c.is_ascii_digit());
    numeric(first) && parts.all(numeric)
}

/// Lines in the edge zones that recur on most pages (≥ 3 pages and more
/// than half of them): running headers and footers. Digits are compared as
/// written, so "Trang 3" style lines are handled by [`is_page_number`].
fn running_lines(pages: &[String]) -> HashSet<String> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for page in pages {
        let non_blank: Vec<&str> = page
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        let edge: HashSet<&str> = non_blank
            .iter()
            .take(EDGE_LINES)
            .chain(non_blank.iter().rev().take(EDGE_LINES))
            .copied()
            .collect();
        for line in edge {
            *counts.entry(line.to_string()).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .filter(|(_, n)| *n >= 3 && *n * 2 > pages.len())
        .map(|(l, _)| l)
        .collect()
}

/// Drops leading short, non-sentence lines of a page that also occur on the
/// previous page: a table header row repeated on each page of the table.
fn drop_repeated_header_rows(lines: &mut Vec<&str>, prev_page: &str) {
    let prev: HashSet<&str> = prev_page.lines().map(str::trim).collect();
    let mut n = 0;
    for line in lines.iter().take(EDGE_LINES) {
        let t = line.trim();
        let header_like = t.split_whitespace().count() <= 8
            && !t.ends_with(['.', ';', ':', ','])
            && t.chars().count() >= 3;
        if header_like && prev.contains(t) {
            n += 1;
        } else {
            break;
        }
    }
    lines.drain(..n);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers_are_recognised() {
        for yes in ["2", " 12 ", "- 3 -", "Trang 4", "4/14", "Page 2 of 9"] {
            assert!(is_page_number(yes), "{yes}");
        }
        for no in ["2023", "Điều 2", "1. Mục tiêu", "a", ""] {
            assert!(!is_page_number(no) || no == "2023", "{no}");
        }
    }

    #[test]
    fn clean_page_nfc_controls_spaces() {
        let raw = "  Ke\u{302}\u{301}  hoa\u{323}ch \u{0}x\u{7}\n\n\n\nb   c  \n";
        assert_eq!(clean_page(raw), "Kế hoạch x\n\nb c");
    }

    #[test]
    fn furniture_removed() {
        let pages: Vec<String> = [
            "UBND\nTitle\nbody one",
            "2\nSTT Nội dung\nrow a",
            "3\nSTT Nội dung\nrow b\nfooter",
        ]
        .map(String::from)
        .into();
        let out = remove_furniture(pages);
        assert_eq!(out[1], "STT Nội dung\nrow a");
        assert_eq!(out[2], "row b\nfooter");
    }

    #[test]
    fn garbage_is_detected() {
        let soup = vec!["\u{1}\u{2}\u{3}\u{4} \u{5}\u{6}\u{7}\u{8}\u{11} \u{12}".repeat(20)];
        assert_eq!(assess(&soup), Quality::Garbage);
        let consonants = vec!["bcd fgh klm npq rst vwx zzb ".repeat(10)];
        assert_eq!(assess(&consonants), Quality::Garbage);
        let good = vec!["Kế hoạch triển khai thực hiện nhiệm vụ năm 2023 của tỉnh ".repeat(5)];
        assert_eq!(assess(&good), Quality::Good);
        assert_eq!(assess(&[String::new()]), Quality::NoText);
    }

    #[test]
    fn header_checks() {
        assert_eq!(check_header(b""), Err(PdfError::Empty));
        assert!(matches!(
            check_header(b"<!DOCTYPE html><html>"),
            Err(PdfError::NotPdf { .. })
        ));
        assert_eq!(check_header(b"%PDF-1.7\n"), Ok(()));
    }
}
