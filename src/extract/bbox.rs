//! Word boxes from poppler's `pdftotext -bbox`, for rebuilding task tables.
//!
//! pdf-extract places glyphs by adding up advance widths, and for some fonts (Chromium's
//! subset fonts for Vietnamese letters, for one) the widths it reads are too large, so x
//! drifts along a line and neighbouring table cells run together. Poppler's word boxes
//! are exact, so pages where a table shows up are rebuilt from them (see `pdf`).

use quick_xml::Reader;
use quick_xml::events::Event;

use super::columns::{PageLine, Word};
use super::xml;

/// A word box is this much taller than the font size (ascent plus descent).
const BOX_PER_EM: f64 = 1.15;
/// Words whose bottoms are closer than this (in ems) share a line.
const SAME_LINE: f64 = 0.4;

/// The pages of `pdftotext -bbox` output, each as its lines top to bottom (`y` in PDF
/// coordinates, growing upwards, as [`PageLine`] has it). Unreadable markup ends the
/// reading: the pages read so far are returned.
pub fn pages(xhtml: &str) -> Vec<Vec<PageLine>> {
    let mut reader = Reader::from_str(xhtml);
    let mut pages = Vec::new();
    let mut height = 0.0;
    let mut words: Vec<(f64, f64, Word)> = Vec::new();
    let mut open: Option<(f64, f64, f64, f64)> = None;
    let mut text = String::new();
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => match xml::name(&e) {
                b"page" => {
                    height = number(&e, b"height");
                    words.clear();
                }
                b"word" => {
                    let at = |k: &[u8]| number(&e, k);
                    open = Some((at(b"xMin"), at(b"yMin"), at(b"xMax"), at(b"yMax")));
                    text.clear();
                }
                _ => {}
            },
            Ok(Event::Text(t)) if open.is_some() => {
                if let Ok(s) = t.xml10_content() {
                    text.push_str(&s);
                }
            }
            Ok(Event::GeneralRef(r)) if open.is_some() => text.push_str(&xml::reference(&r)),
            Ok(Event::End(e)) => match e.local_name().into_inner() {
                b"word" => {
                    if let Some((x0, y0, x1, y1)) = open.take()
                        && !text.trim().is_empty()
                    {
                        let size = ((y1 - y0) / BOX_PER_EM).max(1.0);
                        let word = Word {
                            x0,
                            x1,
                            text: text.trim().to_owned(),
                        };
                        words.push((height - y1, size, word));
                    }
                }
                b"page" => pages.push(lines(std::mem::take(&mut words))),
                _ => {}
            },
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    pages
}

fn number(e: &quick_xml::events::BytesStart<'_>, key: &[u8]) -> f64 {
    xml::attr(e, key)
        .and_then(|v| v.trim().parse::<f64>().ok())
        .filter(|v| v.is_finite())
        .unwrap_or(0.0)
}

/// Words (bottom y, size, word) grouped into lines, top to bottom, each left to right.
fn lines(mut words: Vec<(f64, f64, Word)>) -> Vec<PageLine> {
    words.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mut out: Vec<PageLine> = Vec::new();
    for (y, size, word) in words {
        match out.last_mut() {
            Some(line) if (line.y - y).abs() <= SAME_LINE * line.size.max(size) => {
                line.words.push(word);
            }
            _ => out.push(PageLine {
                y,
                size,
                words: vec![word],
            }),
        }
    }
    for line in &mut out {
        line.words.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_become_lines_top_down() {
        let xhtml = r#"<!DOCTYPE html><html><body><doc>
  <page width="612.000000" height="792.000000">
    <word xMin="80.0" yMin="100.0" xMax="100.0" yMax="111.5">B&amp;C</word>
    <word xMin="40.0" yMin="100.5" xMax="70.0" yMax="112.0">A</word>
    <word xMin="40.0" yMin="130.0" xMax="60.0" yMax="141.5">D</word>
  </page>
  <page width="612.000000" height="792.000000">
  </page>
</doc></body></html>"#;
        let pages = pages(xhtml);
        assert_eq!(pages.len(), 2);
        let texts: Vec<Vec<&str>> = pages[0]
            .iter()
            .map(|l| l.words.iter().map(|w| w.text.as_str()).collect())
            .collect();
        assert_eq!(texts, [vec!["A", "B&C"], vec!["D"]]);
        assert!(pages[0][0].y > pages[0][1].y, "PDF y grows upwards");
        assert!((pages[0][0].size - 10.0).abs() < 0.1);
        assert!(pages[1].is_empty());
    }

    #[test]
    fn broken_markup_keeps_what_was_read() {
        let pages = pages(
            r#"<page height="100"><word xMin="1" yMin="1" xMax="2" yMax="12">x</word></page><page"#,
        );
        assert_eq!(pages.len(), 1);
    }
}
