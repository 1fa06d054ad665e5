//! DOCX front end: the body of `word/document.xml` as text lines, as a reader sees it.
//!
//! - Word auto-numbering is resolved ([`numbering`]) and written in front of the
//!   paragraph ("2.2.1. …", "a) …"), so numbered items parse like typed ones.
//! - Tables with three or more columns become pipe-table rows (`| TT | Tên nhiệm vụ | … |`),
//!   one line per row, which [`crate::table`] reads as tasks when the header names task
//!   columns. One- and two-column tables are layout (the issuer/motto header, the
//!   recipients/signature tail): their cells are written as lines, left cell first.
//! - Runs set in a legacy Vietnamese font (`.VnTime`, `VNI-Times`, …) are converted from
//!   that font's encoding run by run, so a legacy heading in a Unicode file is fixed alone.
//! - Headers, footers, footnotes and comments live in other parts and are not read;
//!   deleted revisions, field codes and hidden text are skipped.

pub mod numbering;

use std::collections::BTreeSet;
use std::io::{Cursor, Read};

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::xml;

use crate::error::ErrorKind;
use crate::legacy::{self, Choice, Legacy};
use numbering::{Numbering, Styles};

/// The largest part read from the archive (a decompression bomb is a damaged file).
const MAX_PART: u64 = 256 << 20;
/// The most grid columns one cell may span (Word allows 63 columns).
const MAX_SPAN: usize = 64;

/// Text of a DOCX, and the encoding name recorded in `source.encoding`.
pub fn extract(bytes: &[u8], choice: Choice) -> Result<(String, String), ErrorKind> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| ErrorKind::DamagedDocx {
        reason: format!("not a readable ZIP archive ({e})"),
    })?;
    let Some(document) = part(&mut zip, "word/document.xml")? else {
        return Err(ErrorKind::NotDocx);
    };
    let styles = part(&mut zip, "word/styles.xml")?
        .map(|x| Styles::parse(&x))
        .unwrap_or_default();
    let numbering = part(&mut zip, "word/numbering.xml")?
        .map(|x| Numbering::parse(&x))
        .unwrap_or_default();
    let mut w = Walker::new(&styles, numbering, choice);
    w.walk(&document)?;
    Ok(w.finish())
}

fn part(zip: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str) -> Result<Option<String>, ErrorKind> {
    let damaged = |why: String| ErrorKind::DamagedDocx {
        reason: format!("{name}: {why}"),
    };
    let file = match zip.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(damaged(e.to_string())),
    };
    if file.size() > MAX_PART {
        return Err(damaged(format!(
            "{} bytes uncompressed, more than the {} MiB limit",
            file.size(),
            MAX_PART >> 20
        )));
    }
    let mut buf = Vec::new();
    file.take(MAX_PART + 1)
        .read_to_end(&mut buf)
        .map_err(|e| damaged(e.to_string()))?;
    if buf.len() as u64 > MAX_PART {
        return Err(damaged(format!(
            "more than the {} MiB limit uncompressed",
            MAX_PART >> 20
        )));
    }
    String::from_utf8(buf)
        .map(Some)
        .map_err(|e| damaged(format!("not UTF-8 XML ({e})")))
}

/// Text of a run, with the legacy font it is set in (and whether that face is capitals).
type Segment = (Option<(Legacy, bool)>, String);

#[derive(Default)]
struct Para {
    style: Option<String>,
    num_id: Option<i64>,
    ilvl: Option<usize>,
    segments: Vec<Segment>,
}

/// A table being read. Cells are laid out on the table's grid: a cell spanning several
/// grid columns (`w:gridSpan`) is followed by empty cells for the columns it covers, so
/// every row has its cells under the same headings.
#[derive(Default)]
struct Table {
    rows: Vec<Vec<Vec<String>>>,
    row: Vec<Vec<String>>,
    cell: Vec<String>,
    /// Grid columns the open cell spans, and whether it continues a vertical merge
    /// (`w:vMerge` without "restart": Word writes the merged text in the first cell
    /// and leaves the cells below it empty).
    span: usize,
    continues: bool,
    /// Whether the open row's first cell is still to come, and whether it continues the
    /// cell above (`w:vMerge`).
    first_cell: bool,
    row_continues: bool,
}

impl Table {
    /// Close the open cell: a cell that continues a merge takes the text of the cell
    /// above it (one lead agency or deadline written once for several task rows), unless
    /// the row's first cell continues one too. Such a row is a sub-row of the record above
    /// (one numbered task split over rows): its merged cells stay empty and the task
    /// table reader adds its own cells to the row above, as it does for tables
    /// transcribed without merges.
    fn end_cell(&mut self) {
        let mut cell = std::mem::take(&mut self.cell);
        let continues = std::mem::take(&mut self.continues);
        let span = std::mem::take(&mut self.span).max(1);
        if std::mem::take(&mut self.first_cell) {
            self.row_continues = continues;
        }
        if continues && cell.is_empty() && !self.row_continues {
            let column = self.row.len();
            if let Some(above) = self.rows.last().and_then(|r| r.get(column)) {
                cell.clone_from(above);
            }
        }
        self.row.push(cell);
        for _ in 1..span {
            self.row.push(Vec::new());
        }
    }
}

#[derive(Default)]
struct Run {
    font: Option<String>,
    style: Option<String>,
    hidden: bool,
}

struct Walker<'a> {
    styles: &'a Styles,
    numbering: Numbering,
    choice: Choice,
    lines: Vec<String>,
    paras: Vec<Para>,
    tables: Vec<Table>,
    run: Option<Run>,
    in_text: bool,
    in_ppr: bool,
    skip: usize,
    used: BTreeSet<&'static str>,
    unicode: bool,
}

impl<'a> Walker<'a> {
    fn new(styles: &'a Styles, numbering: Numbering, choice: Choice) -> Self {
        Walker {
            styles,
            numbering,
            choice,
            lines: Vec::new(),
            paras: Vec::new(),
            tables: Vec::new(),
            run: None,
            in_text: false,
            in_ppr: false,
            skip: 0,
            used: BTreeSet::new(),
            unicode: false,
        }
    }

    fn walk(&mut self, xml: &str) -> Result<(), ErrorKind> {
        let mut reader = Reader::from_str(xml);
        loop {
            let ev = reader.read_event().map_err(|e| ErrorKind::DamagedDocx {
                reason: format!(
                    "word/document.xml: {e} (at byte {})",
                    reader.error_position()
                ),
            })?;
            match ev {
                Event::Start(e) => self.start(&e, false),
                Event::Empty(e) => {
                    self.start(&e, true);
                    self.end(xml::name(&e));
                }
                Event::End(e) => self.end(e.local_name().into_inner()),
                Event::Text(t) if self.in_text && self.skip == 0 => {
                    let s = t.xml10_content().map_err(|e| ErrorKind::DamagedDocx {
                        reason: format!("word/document.xml: {e}"),
                    })?;
                    self.push_text(&s);
                }
                Event::GeneralRef(r) if self.in_text && self.skip == 0 => {
                    self.push_text(&xml::reference(&r))
                }
                Event::Eof => return Ok(()),
                _ => {}
            }
        }
    }

    fn start(&mut self, e: &BytesStart<'_>, empty: bool) {
        let name = xml::name(e);
        if self.skip > 0 || matches!(name, b"Fallback" | b"delText" | b"instrText" | b"del") {
            if !empty {
                self.skip += 1;
            }
            return;
        }
        match name {
            b"p" => self.paras.push(Para::default()),
            b"pPr" => self.in_ppr = true,
            b"pStyle" if self.in_ppr => {
                if let Some(p) = self.paras.last_mut() {
                    p.style = xml::attr(e, b"val");
                }
            }
            b"numId" if self.in_ppr => {
                if let Some(p) = self.paras.last_mut() {
                    p.num_id = xml::num(e, b"val");
                }
            }
            b"ilvl" if self.in_ppr => {
                if let Some(p) = self.paras.last_mut() {
                    p.ilvl = xml::num(e, b"val").and_then(|v| usize::try_from(v).ok());
                }
            }
            b"r" => self.run = Some(Run::default()),
            b"rFonts" => {
                if let Some(r) = self.run.as_mut() {
                    r.font = xml::attr(e, b"ascii")
                        .or_else(|| xml::attr(e, b"hAnsi"))
                        .or(r.font.take());
                }
            }
            b"rStyle" => {
                if let Some(r) = self.run.as_mut() {
                    r.style = xml::attr(e, b"val");
                }
            }
            b"vanish" => {
                if let Some(r) = self.run.as_mut() {
                    r.hidden = xml::on(e);
                }
            }
            b"t" => self.in_text = !empty,
            b"tab" if self.run.is_some() => self.push_text(" "),
            b"br" | b"cr" if self.run.is_some() => self.push_text("\n"),
            b"tbl" => self.tables.push(Table::default()),
            b"tr" => {
                if let Some(t) = self.tables.last_mut() {
                    t.first_cell = true;
                }
            }
            b"gridSpan" => {
                if let Some(t) = self.tables.last_mut() {
                    t.span = grid_columns(e).unwrap_or(1).max(1);
                }
            }
            b"vMerge" => {
                if let Some(t) = self.tables.last_mut() {
                    t.continues = xml::attr(e, b"val").as_deref() != Some("restart");
                }
            }
            // Grid columns skipped before a row's first cell.
            b"gridBefore" => {
                if let Some(t) = self.tables.last_mut() {
                    let n = grid_columns(e).unwrap_or(0);
                    t.row.extend(std::iter::repeat_n(Vec::new(), n));
                }
            }
            _ => {}
        }
    }

    fn end(&mut self, name: &[u8]) {
        if self.skip > 0 {
            if matches!(name, b"Fallback" | b"delText" | b"instrText" | b"del") {
                self.skip -= 1;
            }
            return;
        }
        match name {
            b"p" => self.end_paragraph(),
            b"pPr" => self.in_ppr = false,
            b"r" => self.run = None,
            b"t" => self.in_text = false,
            b"tc" => {
                if let Some(t) = self.tables.last_mut() {
                    t.end_cell();
                }
            }
            b"tr" => {
                if let Some(t) = self.tables.last_mut() {
                    let row = std::mem::take(&mut t.row);
                    t.rows.push(row);
                }
            }
            b"tbl" => {
                if let Some(t) = self.tables.pop() {
                    let lines = table_lines(t);
                    self.emit(lines);
                }
            }
            _ => {}
        }
    }

    fn push_text(&mut self, s: &str) {
        let Some(run) = self.run.as_ref() else { return };
        if run.hidden {
            return;
        }
        let para_style = self.paras.last().and_then(|p| p.style.clone());
        let styles = self.styles;
        let font = run
            .font
            .clone()
            .or_else(|| {
                run.style
                    .as_deref()
                    .and_then(|id| styles.resolve(id, |st| st.font.clone()))
            })
            .or_else(|| {
                para_style
                    .as_deref()
                    .or(styles.default_paragraph.as_deref())
                    .and_then(|id| styles.resolve(id, |st| st.font.clone()))
            })
            .or_else(|| styles.default_font.clone());
        let legacy_font = font.as_deref().and_then(Legacy::of_font);
        let Some(p) = self.paras.last_mut() else {
            return;
        };
        match p.segments.last_mut() {
            Some((f, text)) if *f == legacy_font => text.push_str(s),
            _ => p.segments.push((legacy_font, s.to_owned())),
        }
    }

    fn end_paragraph(&mut self) {
        let Some(p) = self.paras.pop() else { return };
        let mut text = String::new();
        for (font, s) in &p.segments {
            let enc = match self.choice {
                Choice::Auto => *font,
                Choice::Utf8 => None,
                Choice::Forced(e) => Some((e, font.is_some_and(|f| f.1))),
            };
            match enc {
                Some((e, caps)) if !s.is_ascii() => {
                    self.used.insert(e.name());
                    text.push_str(&legacy::decode_font_text(e, s, caps));
                }
                _ => {
                    self.unicode |= !s.is_ascii();
                    text.push_str(s);
                }
            }
        }
        let style = p
            .style
            .as_deref()
            .or(self.styles.default_paragraph.as_deref());
        let num_id = p
            .num_id
            .or_else(|| style.and_then(|s| self.styles.resolve(s, |st| st.num_id)));
        let ilvl = p
            .ilvl
            .or_else(|| style.and_then(|s| self.styles.resolve(s, |st| st.ilvl)))
            .unwrap_or(0);
        let label = num_id
            .filter(|&n| n != 0)
            .and_then(|n| self.numbering.next_label(n, ilvl));
        let body = text.trim();
        let line = match label {
            Some(l) if !l.is_empty() && !body.is_empty() => format!("{l} {body}"),
            _ => body.to_owned(),
        };
        let lines: Vec<String> = line.split('\n').map(|l| l.trim().to_owned()).collect();
        self.emit(lines);
    }

    /// Lines of a finished paragraph or table: into the enclosing table cell, or the body.
    fn emit(&mut self, lines: Vec<String>) {
        if !self.paras.is_empty() {
            // A text box or nested paragraph inside another paragraph: its own lines.
            self.lines.extend(lines);
            return;
        }
        match self.tables.last_mut() {
            Some(t) => t.cell.extend(lines.into_iter().filter(|l| !l.is_empty())),
            None => {
                self.lines.extend(lines);
                self.lines.push(String::new());
            }
        }
    }

    fn finish(self) -> (String, String) {
        let mut text = self.lines.join("\n");
        let mut used: Vec<&str> = self.used.iter().copied().collect();
        if used.is_empty()
            && self.choice == Choice::Auto
            && let Some(e) = legacy::detect_mojibake(&text)
        {
            text = legacy::decode_font_text(e, &text, false);
            used.push(e.name());
        }
        let encoding = match (used.is_empty(), self.unicode) {
            (true, _) => "utf-8".to_owned(),
            (false, true) => format!("utf-8+{}", used.join("+")),
            (false, false) => used.join("+"),
        };
        (text, encoding)
    }
}

/// A finished table as lines: pipe rows for data tables, cell lines for layout tables.
/// A count of grid columns (`w:gridSpan`, `w:gridBefore`), at most [`MAX_SPAN`].
fn grid_columns(e: &BytesStart<'_>) -> Option<usize> {
    let n = xml::num(e, b"val").and_then(|v| usize::try_from(v).ok())?;
    Some(n.min(MAX_SPAN))
}

fn table_lines(t: Table) -> Vec<String> {
    let columns = t.rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut out = Vec::new();
    if columns <= 2 {
        for row in t.rows {
            for cell in row {
                out.extend(cell);
                out.push(String::new());
            }
        }
        return out;
    }
    for row in t.rows {
        let cells: Vec<String> = row.iter().map(|c| c.join(" ").replace('|', "/")).collect();
        out.push(format!("| {} |", cells.join(" | ")));
    }
    out.push(String::new());
    out
}

#[cfg(test)]
mod tests;
