//! Task tables in text laid out with spaces (`pdftotext -layout`, a table pasted from a
//! report): the columns stand at fixed character positions, so reading line by line
//! interleaves the cells of a row ("Xây dựng kho dữ liệu dùng   Sở Thông tin và   Các
//! sở, ban, ngành   Quý II/2024"). Each line becomes a [`PageLine`] whose words sit at
//! their character columns, [`columns::find_tables`] finds the tables by their gutters as
//! it does on a PDF page, and each row is written as a pipe row on its first line. The
//! other lines of a row are left empty, so every line keeps its number.

use std::borrow::Cow;

use super::columns::{self, PageLine, Word};

/// `text` with its space-aligned tables as pipe rows; the text itself when it has none.
pub fn rebuild_tables(text: &str) -> Cow<'_, str> {
    // Byte searches rule out most text before any line is looked at.
    if !(text.contains("  ") || text.contains('\t')) || !text.split('\n').any(shows_columns) {
        return Cow::Borrowed(text);
    }
    let lines: Vec<&str> = text.split('\n').collect();
    // The lines with words, as page lines at their character columns.
    let placed: Vec<(usize, PageLine)> = lines
        .iter()
        .enumerate()
        .filter_map(|(i, l)| page_line(i, l).map(|p| (i, p)))
        .collect();
    let mut rows_at: Vec<(usize, String)> = Vec::new();
    let mut emptied: Vec<usize> = Vec::new();
    let mut prev: Option<columns::Table> = None;
    let mut prev_lines: &[(usize, PageLine)] = &[];
    // Windows bound the search (it grows a table line by line); a row cut by a window
    // edge joins its table across it, as a row cut by a page break does in a PDF.
    for window in placed.chunks(WINDOW) {
        let page: Vec<PageLine> = window.iter().map(|(_, p)| p.clone()).collect();
        let mut tables = columns::find_tables(&page);
        if let (Some(p), Some(next)) = (prev.as_mut(), tables.first_mut())
            && next.start == 0
        {
            columns::join_carried_row(p, next);
        }
        if let Some(p) = prev.take() {
            emit(&p, prev_lines, &mut rows_at, &mut emptied);
        }
        let last = tables.pop();
        for t in &tables {
            emit(t, window, &mut rows_at, &mut emptied);
        }
        prev = last;
        prev_lines = window;
    }
    if let Some(p) = prev {
        emit(&p, prev_lines, &mut rows_at, &mut emptied);
    }
    if rows_at.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out: Vec<Cow<'_, str>> = lines.iter().map(|l| Cow::Borrowed(*l)).collect();
    for i in emptied {
        out[i] = Cow::Borrowed("");
    }
    for (i, row) in rows_at {
        out[i] = Cow::Owned(row);
    }
    Cow::Owned(out.join("\n"))
}

/// Whether `line` could open a table: a table's first line shows at least
/// `MIN_COLUMNS` cells side by side, so it has two gutters (runs of two spaces or more,
/// or a tab) between words. Checked on bytes, so text without such a line costs one
/// pass and no allocation.
fn shows_columns(line: &str) -> bool {
    let line = line.trim_start();
    if !(line.contains("  ") || line.contains('\t')) || line.contains('|') {
        return false;
    }
    let bytes = line.as_bytes();
    let mut gutters = 0;
    let mut run = 0usize;
    let mut tab = false;
    for &b in bytes {
        if b == b' ' || b == b'\t' {
            run += 1;
            tab |= b == b'\t';
        } else {
            if run >= 2 || tab {
                gutters += 1;
                if gutters + 1 >= columns::MIN_COLUMNS {
                    return true;
                }
            }
            run = 0;
            tab = false;
        }
    }
    false
}

/// Lines searched for tables at a time, about a printed page: the search is quadratic
/// in the lines it looks at, so a window bounds the cost of each line.
const WINDOW: usize = 64;

/// Characters per font size: a word space (one character) is narrower than a gutter
/// (`columns`' 0.6 of the size), two spaces are wider.
const CHARS_PER_SIZE: f64 = 2.0;

/// Write table `t` (found among `window`): each row's pipe text on its first line,
/// the other lines of the table emptied.
fn emit(
    t: &columns::Table,
    window: &[(usize, PageLine)],
    rows_at: &mut Vec<(usize, String)>,
    emptied: &mut Vec<usize>,
) {
    emptied.extend(window[t.start..t.end].iter().map(|(i, _)| *i));
    for (row, &k) in t.rows.iter().zip(&t.row_starts) {
        rows_at.push((window[k].0, columns::render_row(row)));
    }
}

/// Line `i` as a page line: one word per run of non-spaces, at its character column
/// (a tab advances to the next multiple of 8). None for a blank line or a pipe row,
/// which is a table already.
fn page_line(i: usize, line: &str) -> Option<PageLine> {
    if line.contains('|') {
        return None;
    }
    let mut words = Vec::new();
    let mut col = 0usize;
    let mut current: Option<(usize, String)> = None;
    for c in line.chars() {
        if c.is_whitespace() {
            if let Some((start, text)) = current.take() {
                words.push(word(start, col, text));
            }
            col = if c == '\t' {
                (col / 8 + 1) * 8
            } else {
                col + 1
            };
            continue;
        }
        current
            .get_or_insert_with(|| (col, String::new()))
            .1
            .push(c);
        col += 1;
    }
    if let Some((start, text)) = current {
        words.push(word(start, col, text));
    }
    (!words.is_empty()).then(|| PageLine {
        // Lines run down the page; a blank line is a step of two.
        y: -(i as f64),
        size: 1.0,
        words,
    })
}

fn word(start: usize, end: usize, text: String) -> Word {
    Word {
        x0: start as f64 / CHARS_PER_SIZE,
        x1: end as f64 / CHARS_PER_SIZE,
        text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TABLE: &str = "II. NHIỆM VỤ CỤ THỂ
 TT   Nhiệm vụ                         Cơ quan chủ trì       Cơ quan phối hợp        Thời gian
 1    Xây dựng kho dữ liệu dùng        Sở Thông tin và       Các sở, ban, ngành      Quý II/2024
      chung của tỉnh                   Truyền thông
 2    Số hóa hồ sơ thủ tục hành        Văn phòng UBND tỉnh   Sở Nội vụ               Tháng 9/2024
      chính

 3    Tập huấn kỹ năng số cho cán      Sở Nội vụ             UBND các huyện,         Năm 2024
      bộ, công chức                                          thành phố
III. TỔ CHỨC THỰC HIỆN";

    #[test]
    fn rows_become_pipe_rows_on_their_first_line() {
        let out = rebuild_tables(TABLE);
        let lines: Vec<&str> = out.split('\n').collect();
        assert_eq!(lines.len(), TABLE.split('\n').count());
        assert_eq!(lines[0], "II. NHIỆM VỤ CỤ THỂ");
        assert_eq!(
            lines[1],
            "| TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |"
        );
        assert_eq!(
            lines[2],
            "| 1 | Xây dựng kho dữ liệu dùng chung của tỉnh | Sở Thông tin và Truyền thông | Các sở, ban, ngành | Quý II/2024 |"
        );
        assert_eq!(lines[3], "");
        assert_eq!(lines[6], "");
        assert_eq!(
            lines[7],
            "| 3 | Tập huấn kỹ năng số cho cán bộ, công chức | Sở Nội vụ | UBND các huyện, thành phố | Năm 2024 |"
        );
        assert_eq!(lines[9], "III. TỔ CHỨC THỰC HIỆN");
    }

    /// The rebuilt rows are read as a task table, each row a task with its fields.
    #[test]
    fn layout_table_tasks() {
        let plan = crate::parse_text(TABLE);
        let got: Vec<(&str, &str, Option<String>)> = plan
            .tasks
            .iter()
            .map(|t| {
                (
                    t.id.as_str(),
                    t.lead[0].name.as_str(),
                    t.deadline
                        .as_ref()
                        .and_then(|d| d.due)
                        .map(|d| d.to_string()),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    "II.1",
                    "Sở Thông tin và Truyền thông",
                    Some("2024-06-30".into())
                ),
                ("II.2", "Văn phòng UBND tỉnh", Some("2024-09-30".into())),
                ("II.3", "Sở Nội vụ", Some("2024-12-31".into())),
            ]
        );
        assert!(plan.unparsed.is_empty());
    }

    /// Prose, a two-column header and a signature block are no tables.
    #[test]
    fn layout_prose_is_left_alone() {
        let text = "ỦY BAN NHÂN DÂN                  CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n  TỈNH HÀ TĨNH                     Độc lập - Tự do - Hạnh phúc\nSố: 45/KH-UBND                   Hà Tĩnh, ngày 12 tháng 3 năm 2024\n   Căn cứ Quyết định số 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng\nChính phủ;   Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:\nNơi nhận:                         TM. ỦY BAN NHÂN DÂN\n- Bộ Công an;                     CHỦ TỊCH\n- Lưu: VT.                        Nguyễn Văn A";
        assert!(matches!(rebuild_tables(text), Cow::Borrowed(_)));
    }

    #[test]
    fn lines_that_could_open_a_table() {
        for (line, want) in [
            (" 1    Xây dựng kho        Sở Nội vụ", true),
            ("1\tXây dựng\tSở Nội vụ", true),
            ("   Căn cứ Quyết định số 06/QĐ-TTg ngày", false),
            ("Chính phủ;   Ủy ban nhân dân tỉnh ban hành", false),
            ("Số: 45/KH-UBND                   Hà Tĩnh, ngày 12", false),
            ("| 1 | Xây dựng  kho  dữ liệu |", false),
            ("a  b  c", true),
            ("a b c d e", false),
            ("", false),
        ] {
            assert_eq!(shows_columns(line), want, "{line:?}");
        }
    }
}
