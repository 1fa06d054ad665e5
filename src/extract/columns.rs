//! Tables on a PDF page, rebuilt from word positions.
//!
//! Plans list their tasks in tables ("TT | Tên nhiệm vụ | Cơ quan chủ trì | ..."). In the
//! text layer the cells of one row sit side by side on the same baselines, so reading
//! the page line by line interleaves them ("tuyên truyền về nội học và"). A table shows
//! up as vertical gutters: x ranges that stay empty on every line of a run of lines,
//! which ordinary paragraphs never have (their word gaps fall in different places on
//! every line). Such a run is cut into columns at its gutters and into rows where the
//! first column has text, and is written out as a pipe table (`| 1. | ... | ... |`),
//! which the text pipeline reads like any other task table (`crate::table`).

/// A word on a page: its horizontal extent and text.
#[derive(Debug, Clone)]
pub struct Word {
    pub x0: f64,
    pub x1: f64,
    pub text: String,
}

/// A line of words on one baseline, left to right.
#[derive(Debug, Clone)]
pub struct PageLine {
    /// Baseline (PDF y grows upwards).
    pub y: f64,
    /// Font size, the unit of every distance here.
    pub size: f64,
    pub words: Vec<Word>,
}

/// A table found on a page: lines `start..end`, rendered as pipe rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub start: usize,
    pub end: usize,
    pub rows: Vec<Vec<String>>,
    /// The line (index into the lines searched) where each row starts.
    pub row_starts: Vec<usize>,
}

/// Tables among `lines` (top to bottom), in order, not overlapping.
pub fn find_tables(lines: &[PageLine]) -> Vec<Table> {
    let mut tables = Vec::new();
    let mut a = 0;
    while a < lines.len() {
        match table_at(lines, a) {
            Some(t) => {
                a = t.end;
                tables.push(t);
            }
            None => a += 1,
        }
    }
    tables
}

/// Pipe-table text for one row.
pub fn render_row(cells: &[String]) -> String {
    let mut out = String::from("|");
    for c in cells {
        out.push(' ');
        // A "|" inside a cell would shift the columns.
        out.push_str(&c.replace('|', "/"));
        out.push_str(" |");
    }
    out
}

/// A gutter is at least this wide (fraction of the font size): wider than a word
/// space (about 0.25–0.33), narrower than cell padding on both sides of a rule.
const MIN_GUTTER: f64 = 0.6;
/// A table has at least this many columns.
pub(super) const MIN_COLUMNS: usize = 3;
/// ... this many lines ...
const MIN_LINES: usize = 3;
/// ... and this many rows after its header.
const MIN_ROWS: usize = 2;
/// The first column holds the item numbers ("TT", "1.", "II."): it is narrow (in font
/// sizes) and its cells are short. Justified paragraphs whose wide word gaps happen to
/// line up never start with such a column.
const MAX_NUMBER_WIDTH: f64 = 4.0;
const MAX_NUMBER_CHARS: usize = 6;
/// A baseline step larger than this (in font sizes) ends a table: what follows is
/// a footer or a new block of text.
const MAX_LINE_STEP: f64 = 3.5;

/// The longest table starting at line `a`, if one does.
fn table_at(lines: &[PageLine], a: usize) -> Option<Table> {
    // The first line shows the columns side by side, the number column first.
    let first = blocks(&lines[a..=a]);
    if first.len() < MIN_COLUMNS || first[0].1 - first[0].0 > MAX_NUMBER_WIDTH * lines[a].size {
        return None;
    }
    let mut end = a + 1;
    while end < lines.len() {
        let step = lines[end - 1].y - lines[end].y;
        if step > MAX_LINE_STEP * lines[end].size.max(lines[end - 1].size) {
            break;
        }
        // A line that fills the number column's gutter ("III. TỔ CHỨC THỰC HIỆN" right
        // under the last row) is no row of the table.
        let with_line = blocks(&lines[a..=end]);
        let size = lines[a].size.max(lines[end].size);
        if with_line.len() < MIN_COLUMNS
            || with_line[0].1 - with_line[0].0 > MAX_NUMBER_WIDTH * size
        {
            break;
        }
        end += 1;
    }
    if end - a < MIN_LINES {
        return None;
    }
    let columns = blocks(&lines[a..end]);
    let size = lines[a].size;
    if columns[0].1 - columns[0].0 > MAX_NUMBER_WIDTH * size {
        return None;
    }
    let (rows_here, starts_here) = rows(&lines[a..end], &columns);
    let short_numbers = rows_here
        .iter()
        .all(|r| r[0].chars().count() <= MAX_NUMBER_CHARS);
    if rows_here.len() <= MIN_ROWS || !short_numbers {
        return None;
    }
    // Lines right above that fit the columns, with nothing in the number column, end a
    // row begun on the previous page: the table takes them in as a first row of its own.
    let mut start = a;
    while start > 0 {
        let step = lines[start - 1].y - lines[start].y;
        let above = blocks(&lines[start - 1..end]);
        let numbered = lines[start - 1].words.iter().any(|w| w.x0 <= columns[0].1);
        if step > MAX_LINE_STEP * lines[start].size.max(lines[start - 1].size)
            || above.len() != columns.len()
            || numbered
        {
            break;
        }
        start -= 1;
    }
    let (rows, starts) = if start < a {
        rows(&lines[start..end], &blocks(&lines[start..end]))
    } else {
        (rows_here, starts_here)
    };
    let row_starts = starts.into_iter().map(|k| start + k).collect();
    Some(Table {
        start,
        end,
        rows,
        row_starts,
    })
}

/// When the table continued on this page opens with a row carried over from the
/// previous page (nothing in its number column), that row's cells are appended to the
/// last row of the previous page's table (`prev`) and removed here. Both tables must
/// have the same columns. Returns whether anything was moved.
pub fn join_carried_row(prev: &mut Table, next: &mut Table) -> bool {
    let carried = next.rows.first().is_some_and(|r| r[0].is_empty());
    let (Some(last), Some(first)) = (prev.rows.last(), next.rows.first()) else {
        return false;
    };
    if !carried || last.len() != first.len() || next.rows.len() < 2 {
        return false;
    }
    let first = next.rows.remove(0);
    next.row_starts.remove(0);
    let last = prev.rows.last_mut().expect("checked above");
    for (cell, more) in last.iter_mut().zip(first) {
        if more.is_empty() {
            continue;
        }
        if !cell.is_empty() {
            cell.push(' ');
        }
        cell.push_str(&more);
    }
    true
}

/// The x ranges covered by the words of `lines`, merged across gaps narrower than a
/// gutter: one range per column when the lines are a table.
fn blocks(lines: &[PageLine]) -> Vec<(f64, f64)> {
    let size = lines.iter().map(|l| l.size).fold(0.0, f64::max);
    let mut spans: Vec<(f64, f64)> = lines
        .iter()
        .flat_map(|l| l.words.iter().map(|w| (w.x0, w.x1)))
        .collect();
    spans.sort_by(|p, q| p.0.total_cmp(&q.0));
    let mut merged: Vec<(f64, f64)> = Vec::new();
    for (x0, x1) in spans {
        match merged.last_mut() {
            Some(last) if x0 - last.1 < MIN_GUTTER * size => last.1 = last.1.max(x1),
            _ => merged.push((x0, x1)),
        }
    }
    merged
}

/// Cells of each row, and the line each row starts at: a row starts at a line with text
/// in the first column (the number column); lines before the first such line form a
/// row of their own (a row carried over from the previous page).
fn rows(lines: &[PageLine], columns: &[(f64, f64)]) -> (Vec<Vec<String>>, Vec<usize>) {
    let column_of = |w: &Word| {
        columns
            .iter()
            .position(|&(_, x1)| w.x0 <= x1)
            .unwrap_or(columns.len() - 1)
    };
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut starts = Vec::new();
    for (k, line) in lines.iter().enumerate() {
        let mut cells = vec![String::new(); columns.len()];
        for w in &line.words {
            let cell = &mut cells[column_of(w)];
            if !cell.is_empty() {
                cell.push(' ');
            }
            cell.push_str(&w.text);
        }
        let starts_row = !cells[0].is_empty() || rows.is_empty();
        if starts_row {
            rows.push(cells);
            starts.push(k);
            continue;
        }
        let row = rows.last_mut().expect("a row was started above");
        for (k, text) in cells.into_iter().enumerate() {
            if text.is_empty() {
                continue;
            }
            if !row[k].is_empty() {
                row[k].push(' ');
            }
            row[k].push_str(&text);
        }
    }
    (rows, starts)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A line from `(x, text)` pieces at font size 10: each piece is one word per
    /// space-separated token, 5 units per character.
    fn line(y: f64, pieces: &[(f64, &str)]) -> PageLine {
        let mut words = Vec::new();
        for &(x, text) in pieces {
            let mut at = x;
            for t in text.split(' ') {
                let w = 5.0 * t.chars().count() as f64;
                words.push(Word {
                    x0: at,
                    x1: at + w,
                    text: t.to_owned(),
                });
                at += w + 4.0; // a word space: 0.4 of the font size
            }
        }
        PageLine {
            y,
            size: 10.0,
            words,
        }
    }

    #[test]
    fn a_table_is_cut_at_its_gutters_and_rows() {
        let lines = vec![
            line(
                800.0,
                &[(50.0, "KẾ HOẠCH triển khai nhiệm vụ năm 2025 của tỉnh")],
            ),
            line(
                780.0,
                &[
                    (50.0, "TT"),
                    (80.0, "Nhiệm vụ"),
                    (300.0, "Cơ quan"),
                    (400.0, "Thời"),
                ],
            ),
            line(768.0, &[(300.0, "chủ trì"), (400.0, "gian")]),
            line(
                750.0,
                &[
                    (50.0, "1."),
                    (80.0, "Xây dựng kế hoạch"),
                    (300.0, "Sở Nội"),
                    (400.0, "Quý"),
                ],
            ),
            line(
                738.0,
                &[(80.0, "chuyển đổi số"), (300.0, "vụ"), (400.0, "I/2025")],
            ),
            line(
                720.0,
                &[
                    (50.0, "2."),
                    (80.0, "Rà soát dữ liệu"),
                    (300.0, "Công an"),
                    (400.0, "2025"),
                ],
            ),
            line(708.0, &[(300.0, "tỉnh")]),
            line(
                660.0,
                &[(
                    50.0,
                    "Nơi nhận: như trên; lưu VT, văn phòng ủy ban nhân dân tỉnh.",
                )],
            ),
        ];
        let tables = find_tables(&lines);
        assert_eq!(tables.len(), 1);
        let t = &tables[0];
        assert_eq!((t.start, t.end), (1, 7));
        let rendered: Vec<String> = t.rows.iter().map(|r| render_row(r)).collect();
        assert_eq!(
            rendered,
            vec![
                "| TT | Nhiệm vụ | Cơ quan chủ trì | Thời gian |",
                "| 1. | Xây dựng kế hoạch chuyển đổi số | Sở Nội vụ | Quý I/2025 |",
                "| 2. | Rà soát dữ liệu | Công an tỉnh | 2025 |",
            ]
        );
    }

    /// The top of a page: the end of a row begun on the page before (text in the
    /// agency column only), then the table goes on. The carried lines join the table as
    /// a row with no number, which then joins the last row of the previous page's table.
    #[test]
    fn rows_broken_across_pages_are_joined() {
        let row = |y: f64, n: &'static str, task: &'static str, lead: &'static str| {
            line(
                y,
                &[(50.0, n), (80.0, task), (300.0, lead), (400.0, "2025")],
            )
        };
        let page_one = vec![
            row(780.0, "TT", "Nhiệm vụ", "Chủ trì"),
            row(760.0, "1.", "Xây dựng kế hoạch", "Sở Nội vụ"),
            row(740.0, "2.", "Rà soát dữ liệu", "Sở Khoa học"),
        ];
        let page_two = vec![
            line(800.0, &[(300.0, "và Công nghệ")]),
            row(780.0, "3.", "Cập nhật dữ liệu", "Công an tỉnh"),
            row(760.0, "4.", "Tập huấn", "Sở Nội vụ"),
            row(740.0, "5.", "Kiểm tra", "Văn phòng"),
        ];
        let mut first = find_tables(&page_one).remove(0);
        let mut second = find_tables(&page_two).remove(0);
        assert_eq!((second.start, second.end), (0, 4));
        assert_eq!(second.rows[0], ["", "", "và Công nghệ", ""]);
        assert!(join_carried_row(&mut first, &mut second));
        assert_eq!(first.rows[2][2], "Sở Khoa học và Công nghệ");
        assert_eq!(second.rows[0][0], "3.");
        // Nothing is carried now: the tables stay as they are.
        assert!(!join_carried_row(&mut first, &mut second));
    }

    #[test]
    fn paragraphs_are_not_tables() {
        // Justified text: wide word gaps, but never at the same x on every line.
        let lines = vec![
            line(
                800.0,
                &[
                    (50.0, "Căn cứ Quyết định"),
                    (160.0, "số 06/QĐ-TTg"),
                    (260.0, "ngày 06 tháng 01"),
                ],
            ),
            line(
                788.0,
                &[
                    (50.0, "năm 2022 của"),
                    (140.0, "Thủ tướng Chính phủ phê duyệt"),
                    (330.0, "Đề án"),
                ],
            ),
            line(
                776.0,
                &[(
                    50.0,
                    "phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử",
                )],
            ),
            line(
                764.0,
                &[
                    (50.0, "phục vụ chuyển"),
                    (150.0, "đổi số quốc gia"),
                    (270.0, "giai đoạn 2022"),
                ],
            ),
        ];
        assert!(find_tables(&lines).is_empty());
    }
}
