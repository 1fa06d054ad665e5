//! Word auto-numbering: the numbers a reader sees are not in the text. A paragraph's
//! `w:numPr` (direct, or through its paragraph style in `styles.xml`) names a numbering
//! instance (`w:num`) of `numbering.xml`, which points at an abstract numbering with up
//! to nine levels (start value, format, `lvlText` such as "%1.%2."). Instances of one
//! abstract numbering share its counters; an instance with `w:lvlOverride` /
//! `w:startOverride` restarts them the first time it is used. Starting a level resets
//! the deeper ones.

use std::collections::{HashMap, HashSet};

use quick_xml::Reader;
use quick_xml::events::Event;

use crate::extract::xml::{attr, name, num};

/// One level of a numbering definition.
#[derive(Debug, Clone)]
pub struct Level {
    pub start: i64,
    pub format: String,
    pub text: String,
    /// Legal numbering: every number in the label is decimal.
    pub legal: bool,
}

impl Default for Level {
    fn default() -> Self {
        Level {
            start: 1,
            format: "decimal".into(),
            text: String::new(),
            legal: false,
        }
    }
}

#[derive(Debug, Default, Clone)]
struct Instance {
    abstract_id: i64,
    /// ilvl → start override.
    starts: HashMap<usize, i64>,
    /// ilvl → a whole level replaced (`w:lvlOverride/w:lvl`).
    levels: HashMap<usize, Level>,
}

/// Paragraph numbering and font properties of a style, with what it is based on.
#[derive(Debug, Default, Clone)]
pub struct Style {
    pub based_on: Option<String>,
    pub num_id: Option<i64>,
    pub ilvl: Option<usize>,
    pub font: Option<String>,
}

/// The styles of `styles.xml` and the document's default font.
#[derive(Debug, Default)]
pub struct Styles {
    pub styles: HashMap<String, Style>,
    pub default_font: Option<String>,
    pub default_paragraph: Option<String>,
}

impl Styles {
    pub fn parse(xml: &str) -> Styles {
        let mut out = Styles::default();
        let mut reader = Reader::from_str(xml);
        let mut current: Option<(String, Style)> = None;
        let mut in_defaults = false;
        let mut in_ppr = false;
        loop {
            match reader.read_event() {
                Ok(Event::Start(e)) | Ok(Event::Empty(e)) => match name(&e) {
                    b"docDefaults" => in_defaults = true,
                    b"style" => {
                        if let Some(id) = attr(&e, b"styleId") {
                            if attr(&e, b"type").as_deref() == Some("paragraph")
                                && attr(&e, b"default").as_deref() == Some("1")
                            {
                                out.default_paragraph = Some(id.clone());
                            }
                            current = Some((id, Style::default()));
                        }
                    }
                    b"pPr" => in_ppr = true,
                    b"basedOn" => {
                        if let Some((_, s)) = current.as_mut() {
                            s.based_on = attr(&e, b"val");
                        }
                    }
                    b"numId" if in_ppr => {
                        if let Some((_, s)) = current.as_mut() {
                            s.num_id = num(&e, b"val");
                        }
                    }
                    b"ilvl" if in_ppr => {
                        if let Some((_, s)) = current.as_mut() {
                            s.ilvl = num(&e, b"val").and_then(|v| usize::try_from(v).ok());
                        }
                    }
                    b"rFonts" => {
                        let font = attr(&e, b"ascii").or_else(|| attr(&e, b"hAnsi"));
                        if let Some((_, s)) = current.as_mut() {
                            s.font = font.or(s.font.take());
                        } else if in_defaults {
                            out.default_font = font.or(out.default_font.take());
                        }
                    }
                    _ => {}
                },
                Ok(Event::End(e)) => match e.local_name().into_inner() {
                    b"docDefaults" => in_defaults = false,
                    b"pPr" => in_ppr = false,
                    b"style" => {
                        if let Some((id, s)) = current.take() {
                            out.styles.insert(id, s);
                        }
                    }
                    _ => {}
                },
                Ok(Event::Eof) | Err(_) => break,
                _ => {}
            }
        }
        out
    }

    /// A property of a style or the first style it is based on that has it.
    pub fn resolve<T>(&self, id: &str, get: impl Fn(&Style) -> Option<T>) -> Option<T> {
        let mut seen = HashSet::new();
        let mut cur = Some(id.to_owned());
        while let Some(id) = cur {
            if !seen.insert(id.clone()) {
                break;
            }
            let s = self.styles.get(&id)?;
            if let Some(v) = get(s) {
                return Some(v);
            }
            cur = s.based_on.clone();
        }
        None
    }
}

/// The numbering definitions of `numbering.xml` and the running counters.
#[derive(Debug, Default)]
pub struct Numbering {
    abstracts: HashMap<i64, Vec<Level>>,
    instances: HashMap<i64, Instance>,
    counters: HashMap<i64, [Option<i64>; 9]>,
    used: HashSet<i64>,
}

impl Numbering {
    pub fn parse(xml: &str) -> Numbering {
        let mut out = Numbering::default();
        let mut reader = Reader::from_str(xml);
        let mut abs: Option<(i64, Vec<Level>)> = None;
        let mut inst: Option<(i64, Instance)> = None;
        let mut over: Option<usize> = None;
        let mut lvl: Option<(usize, Level)> = None;
        loop {
            match reader.read_event() {
                Ok(Event::Start(e)) | Ok(Event::Empty(e)) => match name(&e) {
                    b"abstractNum" => {
                        abs = num(&e, b"abstractNumId").map(|id| (id, vec![Level::default(); 9]))
                    }
                    b"num" => inst = num(&e, b"numId").map(|id| (id, Instance::default())),
                    b"abstractNumId" => {
                        if let (Some((_, i)), Some(v)) = (inst.as_mut(), num(&e, b"val")) {
                            i.abstract_id = v;
                        }
                    }
                    b"lvlOverride" => {
                        over = num(&e, b"ilvl")
                            .and_then(|v| usize::try_from(v).ok())
                            .filter(|&v| v < 9)
                    }
                    b"startOverride" => {
                        if let (Some((_, i)), Some(l), Some(v)) =
                            (inst.as_mut(), over, num(&e, b"val"))
                        {
                            i.starts.insert(l, v);
                        }
                    }
                    b"lvl" => {
                        lvl = num(&e, b"ilvl")
                            .and_then(|v| usize::try_from(v).ok())
                            .filter(|&v| v < 9)
                            .map(|l| (l, Level::default()));
                    }
                    b"start" => {
                        if let (Some((_, l)), Some(v)) = (lvl.as_mut(), num(&e, b"val")) {
                            l.start = v;
                        }
                    }
                    b"numFmt" => {
                        if let (Some((_, l)), Some(v)) = (lvl.as_mut(), attr(&e, b"val")) {
                            l.format = v;
                        }
                    }
                    b"lvlText" => {
                        if let (Some((_, l)), Some(v)) = (lvl.as_mut(), attr(&e, b"val")) {
                            l.text = v;
                        }
                    }
                    b"isLgl" => {
                        if let Some((_, l)) = lvl.as_mut() {
                            l.legal = super::xml::on(&e);
                        }
                    }
                    _ => {}
                },
                Ok(Event::End(e)) => match e.local_name().into_inner() {
                    b"lvl" => {
                        if let Some((i, l)) = lvl.take() {
                            match (over, inst.as_mut(), abs.as_mut()) {
                                (Some(_), Some((_, ins)), _) => {
                                    ins.levels.insert(i, l);
                                }
                                (_, _, Some((_, levels))) => levels[i] = l,
                                _ => {}
                            }
                        }
                    }
                    b"lvlOverride" => over = None,
                    b"abstractNum" => {
                        if let Some((id, levels)) = abs.take() {
                            out.abstracts.insert(id, levels);
                        }
                    }
                    b"num" => {
                        if let Some((id, i)) = inst.take() {
                            out.instances.insert(id, i);
                        }
                    }
                    _ => {}
                },
                Ok(Event::Eof) | Err(_) => break,
                _ => {}
            }
        }
        out
    }

    /// The label Word shows for the next paragraph numbered `num_id` at `ilvl`, advancing
    /// the counters. `None` when the instance does not exist (`numId` 0 removes numbering).
    pub fn next_label(&mut self, num_id: i64, ilvl: usize) -> Option<String> {
        let ilvl = ilvl.min(8);
        let inst = self.instances.get(&num_id)?.clone();
        let levels = self.abstracts.get(&inst.abstract_id)?.clone();
        let level = |i: usize| inst.levels.get(&i).unwrap_or(&levels[i]).clone();
        let counters = self.counters.entry(inst.abstract_id).or_insert([None; 9]);
        if self.used.insert(num_id) {
            for (&l, _) in inst.starts.iter() {
                counters[l] = None;
            }
        }
        let start = |i: usize| {
            inst.starts
                .get(&i)
                .copied()
                .unwrap_or_else(|| level(i).start)
        };
        counters[ilvl] = Some(counters[ilvl].map_or_else(|| start(ilvl), |c| c + 1));
        for c in counters.iter_mut().skip(ilvl + 1) {
            *c = None;
        }
        let this = level(ilvl);
        let mut label = String::new();
        let mut chars = this.text.chars().peekable();
        while let Some(c) = chars.next() {
            match (c, chars.peek().and_then(|d| d.to_digit(10))) {
                ('%', Some(d @ 1..=9)) => {
                    chars.next();
                    let k = d as usize - 1;
                    let value = counters[k].unwrap_or_else(|| start(k));
                    let fmt = if this.legal && k != ilvl {
                        "decimal".to_owned()
                    } else {
                        level(k).format
                    };
                    label.push_str(&format_number(value, &fmt));
                }
                _ => label.push(c),
            }
        }
        Some(if this.format == "bullet" {
            bullet(&label)
        } else {
            label
        })
    }
}

/// A counter value in a Word number format.
pub fn format_number(n: i64, format: &str) -> String {
    match format {
        "lowerLetter" => letters(n),
        "upperLetter" => letters(n).to_uppercase(),
        "lowerRoman" => roman(n).to_lowercase(),
        "upperRoman" => roman(n),
        "decimalZero" if (0..10).contains(&n) => format!("0{n}"),
        "none" | "bullet" => String::new(),
        _ => n.to_string(),
    }
}

/// Word's letter numbering: a … z, then aa … zz, aaa … (no "đ": Word counts the Latin
/// alphabet, and the label must be what the reader sees).
fn letters(n: i64) -> String {
    if n < 1 {
        return n.to_string();
    }
    let n = n - 1;
    let letter = char::from(b'a' + u8::try_from(n % 26).unwrap_or(0));
    std::iter::repeat_n(letter, usize::try_from(n / 26 + 1).unwrap_or(1)).collect()
}

/// Word numbers Roman lists 1..3999; anything else falls back to digits.
fn roman(n: i64) -> String {
    match u32::try_from(n) {
        Ok(v) if (1..4000).contains(&v) => crate::lines::to_roman(v),
        _ => n.to_string(),
    }
}

/// A bullet as the text pipeline knows them: "-" and "+" stay, symbol-font glyphs (private
/// use code points such as U+F0B7) become "•".
fn bullet(text: &str) -> String {
    match text.trim() {
        "-" | "–" | "—" | "" => "-".to_owned(),
        "+" => "+".to_owned(),
        "*" => "*".to_owned(),
        _ => "•".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert_eq!(format_number(4, "lowerLetter"), "d");
        assert_eq!(format_number(5, "lowerLetter"), "e");
        assert_eq!(format_number(27, "lowerLetter"), "aa");
        assert_eq!(format_number(14, "upperRoman"), "XIV");
        assert_eq!(format_number(3, "lowerRoman"), "iii");
        assert_eq!(format_number(2, "upperLetter"), "B");
    }

    #[test]
    fn multilevel_labels_restart_and_override() {
        let xml = r#"<w:numbering xmlns:w="x">
          <w:abstractNum w:abstractNumId="0">
            <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
            <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
            <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2.%3."/></w:lvl>
            <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%4)"/></w:lvl>
          </w:abstractNum>
          <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
          <w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="1"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
        </w:numbering>"#;
        let mut n = Numbering::parse(xml);
        let got: Vec<String> = [
            (1, 0),
            (1, 1),
            (1, 1),
            (1, 2),
            (1, 2),
            (1, 3),
            (1, 3),
            (1, 0),
            (1, 1),
            (2, 1),
            (2, 1),
        ]
        .iter()
        .map(|&(id, l)| n.next_label(id, l).unwrap())
        .collect();
        assert_eq!(
            got,
            [
                "I.", "1.", "2.", "2.1.", "2.2.", "a)", "b)", "II.", "1.", "5.", "6."
            ]
        );
        assert_eq!(n.next_label(0, 0), None);
    }
}
