//! Task tables converted to text with each cell on lines of its own and a line holding
//! only "|" before every cell and after every row (an HTML table whose cells held
//! paragraphs, as some converters print it):
//!
//! ```text
//! |
//! **TT**
//! |
//! **Nhiệm vụ**
//! |
//! **Cơ quan chủ trì**
//! |
//! |
//! 1
//! |
//! Phối hợp rà soát, sửa đổi Luật
//! Quy hoạch …
//! |
//! Sở Tài chính
//! |
//! ```
//!
//! Two bars in a row close a row and open the next, or stand for an empty cell; more
//! bars mean empty cells before the row closes. Each row is written as a pipe row on its
//! first line and the rest of its lines are left empty, so every line keeps its number.
//! Only a run whose first row is a task-table header is rewritten: converters set the
//! header and signature blocks the same way, and those stay as they are.

use std::borrow::Cow;

use crate::lexicon::FieldRole;
use crate::table::{self, Column};

/// `text` with its bar-separated task tables as pipe rows; the text itself when it has
/// none.
pub fn rebuild_tables(text: &str) -> Cow<'_, str> {
    if !text.contains("\n|") {
        return Cow::Borrowed(text);
    }
    let lines: Vec<&str> = text.split('\n').collect();
    let mut out: Vec<Cow<'_, str>> = lines.iter().map(|l| Cow::Borrowed(*l)).collect();
    let mut changed = false;
    let mut i = 0;
    while i < lines.len() {
        if !is_bar(lines[i]) {
            i += 1;
            continue;
        }
        let end = run_end(&lines, i);
        if let Some(rows) = table_rows(&lines[i..end]) {
            for line in &mut out[i..end] {
                *line = Cow::Borrowed("");
            }
            for (at, row) in rows {
                out[i + at] = Cow::Owned(crate::extract::columns::render_row(&row));
            }
            changed = true;
        }
        i = end.max(i + 1);
    }
    if changed {
        Cow::Owned(out.join("\n"))
    } else {
        Cow::Borrowed(text)
    }
}

/// A cell runs to at most this many lines before the next bar.
const MAX_CELL_LINES: usize = 20;

fn is_bar(line: &str) -> bool {
    line.trim() == "|"
}

/// The end (exclusive) of the run of bars and short cells starting at bar `start`: it
/// stops before a cell that no bar follows within [`MAX_CELL_LINES`].
fn run_end(lines: &[&str], start: usize) -> usize {
    let mut end = start + 1;
    let mut i = start + 1;
    while i < lines.len() {
        if is_bar(lines[i]) {
            i += 1;
            end = i;
            continue;
        }
        let next_bar = (i..lines.len().min(i + MAX_CELL_LINES + 1)).find(|&k| is_bar(lines[k]));
        match next_bar {
            // A document's type line ("**PHỤ LỤC**" after a signature set in a table)
            // opens another document: the run ends before it.
            Some(k) if !lines[i..k].iter().any(|l| opens_document(l)) => i = k,
            _ => break,
        }
    }
    end
}

fn opens_document(line: &str) -> bool {
    let line = clean(line);
    crate::lexicon::lexicon()
        .type_line(&line)
        .is_some_and(|t| t.opens_document(&line))
}

/// The rows of a run (`lines` from its first bar to its last), each with the index of
/// its first line, when the first row is a task-table header; None otherwise.
fn table_rows(lines: &[&str]) -> Option<Vec<(usize, Vec<String>)>> {
    // Cells between bars, and how many bars stand between each cell and the next.
    let mut cells: Vec<(usize, String, usize)> = Vec::new();
    let mut bars_after = 0;
    let mut i = 0;
    while i < lines.len() {
        if is_bar(lines[i]) {
            if !cells.is_empty() {
                bars_after += 1;
            }
            i += 1;
            continue;
        }
        // Blank lines between two parts of a table ("…" / "|" / "" / "" / "|" / "B") are
        // a gap, not a cell.
        let blank = lines[i..]
            .iter()
            .take_while(|l| !is_bar(l) && l.trim().is_empty())
            .count();
        if blank >= 2 && lines.get(i + blank).is_none_or(|l| is_bar(l)) {
            i += blank;
            continue;
        }
        if let Some(last) = cells.last_mut() {
            last.2 = bars_after;
        }
        bars_after = 0;
        let start = i;
        let mut text = String::new();
        while i < lines.len() && !is_bar(lines[i]) {
            let line = lines[i].trim();
            if !text.is_empty() {
                text.push_str(if lists_apart(&text, line) { "; " } else { " " });
            }
            text.push_str(line);
            i += 1;
        }
        cells.push((start, text, 0));
    }
    if let Some(last) = cells.last_mut() {
        last.2 = bars_after;
    }
    // The header: cells up to the first double bar.
    let width = cells.iter().position(|c| c.2 >= 2).map(|k| k + 1)?;
    let head: Vec<String> = cells[..width].iter().map(|c| clean(&c.1)).collect();
    let columns = table::header(&head)?;
    let numbered = columns.first() == Some(&Column::Number);
    let due_at = columns
        .iter()
        .position(|c| matches!(c, Column::Field(FieldRole::Deadline, _)));
    let deadline_last = due_at.is_some_and(|d| d + 1 == columns.len());
    let mut rows: Vec<(usize, Vec<String>)> = vec![(cells[0].0, head)];
    let mut row: Vec<String> = Vec::new();
    let mut row_at = 0;
    for (k, (at, text, bars)) in cells.iter().enumerate().skip(width) {
        if row.is_empty() {
            row_at = *at;
            // A row without its number (a cell merged with the row above): its cells
            // start in the second column.
            if numbered && !table::is_row_number(&clean(text)) {
                row.push(String::new());
            }
        }
        row.push(clean(text));
        // Bars after the cell: one separates it from the next cell; two close the row
        // (or leave one cell empty, when the next cell is no row number and the row is
        // not full); each further bar is an empty cell.
        let next_starts_row = cells
            .get(k + 1)
            .is_none_or(|n| !numbered || table::is_row_number(&clean(&n.1)));
        // A sub-row without a number (its number cell merged with this row's): its work,
        // then agencies ("Thực hiện sao lưu dữ liệu …" / "Sở Khoa học và Công nghệ").
        // Tested only when the others have not decided: scanning for agencies is dear.
        let sub_row = || {
            cells
                .get(k + 2)
                .is_some_and(|n| crate::agency::opens_with_agency(&clean(&n.1)))
        };
        // A row without its number whose cells merged with the row above were left out
        // ends at its time, when the time is the last column (see `align_to_deadline`).
        let ends_at_time = || {
            deadline_last
                && row.len() >= 3
                && row[0].is_empty()
                && crate::deadline::is_deadline(&row[row.len() - 1])
        };
        let closes = *bars >= 2
            && (next_starts_row
                || sub_row()
                || row.len() + bars - 1 > width
                || header_from(&cells, k + 1)
                || ends_at_time());
        if closes {
            for _ in 2..*bars {
                row.push(String::new());
            }
            if let Some(due_at) = due_at {
                align_to_deadline(&mut row, due_at);
            }
            rows.push((row_at, std::mem::take(&mut row)));
        } else {
            for _ in 1..*bars {
                row.push(String::new());
            }
        }
    }
    if !row.is_empty() {
        rows.push((row_at, row));
    }
    (rows.len() > 2).then_some(rows)
}

/// A row without its number that holds fewer cells than the header and ends with a
/// time: the cells merged with the row above were left out at its start, not its end
/// ("| - Rà soát hướng dẫn … | - Bộ công cụ được ban hành | Giai đoạn 2026 - 2027 |"
/// under a row "| 1 | Bộ X | Bộ Y | Nhóm … | - Hoàn thiện … | … | Quý I/2026 |"). Its
/// cells move right until the time stands in the deadline column, so the row keeps the
/// lead and partners of the row above and its work lands in the task column. `due_at`:
/// the deadline column.
fn align_to_deadline(row: &mut Vec<String>, due_at: usize) {
    let unnumbered = row.first().is_some_and(|c| c.is_empty());
    let Some(last) = row.iter().rposition(|c| !c.is_empty()) else {
        return;
    };
    // At least the work and its time after the empty number cell.
    if !unnumbered || last < 2 || last >= due_at || !crate::deadline::is_deadline(&row[last]) {
        return;
    }
    row.truncate(last + 1);
    let pad = due_at - last;
    row.splice(1..1, std::iter::repeat_n(String::new(), pad));
}

/// Whether the cells from `k` to the next double bar are a task-table header: the
/// header repeated under a group row ("I" / "Phát triển …" / "Nội dung" / "Đơn vị thực
/// hiện" / …), which closes that row.
fn header_from(cells: &[(usize, String, usize)], k: usize) -> bool {
    let Some(len) = cells.get(k..).and_then(|c| c.iter().position(|c| c.2 >= 2)) else {
        return false;
    };
    let head: Vec<String> = cells[k..=k + len].iter().map(|c| clean(&c.1)).collect();
    table::header(&head).is_some()
}

/// Whether `next`, a line of a cell, starts a list of agencies apart from the cell's
/// text so far (`before`, all agencies): "Các sở, ngành, UBND xã, phường, đặc khu" /
/// "Sở Tài chính", two sub-rows' agencies in one cell. A name that wraps ("Sở Khoa học
/// và" / "Công nghệ", "Trung tâm Chuyển đổi số" / "Thành phố") goes on.
fn lists_apart(before: &str, next: &str) -> bool {
    // A line in lower case goes on the one above ("Bộ Công an, Văn" / "phòng Chính phủ").
    next.starts_with(char::is_uppercase)
        && !crate::table::stacked::ends_joined(before)
        && !before.ends_with(['.', ';', ':'])
        && crate::agency::opens_agency_list(next)
        && crate::agency::agency_heading(before).is_some()
        && crate::agency::agency_heading(next).is_some()
}

/// A cell's text as one line: Markdown bold removed, spaces collapsed.
fn clean(text: &str) -> String {
    if text.contains('*') {
        // Bold, then italic ("*III.1.1*", a sub-group's number set in italics).
        let unbolded = crate::fold::collapse_ws(&text.replace("**", " "));
        crate::normalize::strip_emphasis(&unbolded)
    } else {
        crate::fold::collapse_ws(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TABLE: &str = "PHỤ LỤC\n|\n**TT**\n|\n**Nhiệm vụ**\n|\n**Cơ quan chủ trì**\n|\n**Thời gian hoàn thành**\n|\n|\n**I**\n|\n**Hoàn\nthiện thể chế**\n|\n|\n1\n|\nPhối hợp rà soát, sửa đổi Luật\nQuy hoạch.\n|\nSở Tài chính\n|\nQuý IV/2025\n|\n|\nXây dựng hạ tầng dự phòng.\n|\nTrung tâm Chuyển đổi số\n|\n|\n2\n|\nTổng hợp kế hoạch.\n|\nSở Tài chính\n|\nHằng năm.\n|\n|\n|\n|\n3\n|\nBáo cáo.\n|\n|\nKhi có phát sinh.\n|\n|\nNơi nhận:";

    #[test]
    fn rows_become_pipe_rows_on_their_first_line() {
        let out = rebuild_tables(TABLE);
        let lines: Vec<&str> = out.split('\n').collect();
        assert_eq!(lines.len(), TABLE.split('\n').count());
        let rows: Vec<&str> = lines.iter().copied().filter(|l| !l.is_empty()).collect();
        assert_eq!(
            rows,
            [
                "PHỤ LỤC",
                "| TT | Nhiệm vụ | Cơ quan chủ trì | Thời gian hoàn thành |",
                "| I | Hoàn thiện thể chế |",
                "| 1 | Phối hợp rà soát, sửa đổi Luật Quy hoạch. | Sở Tài chính | Quý IV/2025 |",
                "|  | Xây dựng hạ tầng dự phòng. | Trung tâm Chuyển đổi số |",
                "| 2 | Tổng hợp kế hoạch. | Sở Tài chính | Hằng năm. |  |  |",
                "| 3 | Báo cáo. |  | Khi có phát sinh. |",
                "Nơi nhận:",
            ]
        );
        // The row sits on the line of its first cell.
        assert_eq!(
            lines[17],
            "| 1 | Phối hợp rà soát, sửa đổi Luật Quy hoạch. | Sở Tài chính | Quý IV/2025 |"
        );
    }

    /// Two sub-rows' agency lists in one cell stay apart; a name that wraps goes on.
    /// Parts in capital letters, a blank gap between them, and the header repeated
    /// under the next part's group row (there without its number column).
    #[test]
    fn parts_gaps_and_a_repeated_header() {
        let text = "|\n**STT**\n|\n**Nhiệm vụ**\n|\n**Đơn vị thực hiện**\n|\n**Thời gian**\n|\n|\n**A**\n|\n**NỀN MÓNG**\n|\n|\n**I**\n|\n**Thể chế**\n|\n|\n1.1\n|\nRà soát văn bản.\n|\nSở Tư pháp\n|\n2026\n|\n\n\n|\n**B**\n|\n**NGÀNH, LĨNH VỰC**\n|\n|\n**I**\n|\n**Nông nghiệp**\n|\n|\n**Nội dung**\n|\n**Đơn vị thực hiện**\n|\n**Thời gian**\n|\n|\n1.1\n|\nXây dựng kế hoạch.\n|\nSở Nông nghiệp và Môi trường\n|\n2026\n|\n|";
        let out = rebuild_tables(text);
        let rows: Vec<&str> = out.split('\n').filter(|l| !l.is_empty()).collect();
        assert_eq!(
            rows,
            [
                "| STT | Nhiệm vụ | Đơn vị thực hiện | Thời gian |",
                "| A | NỀN MÓNG |",
                "| I | Thể chế |",
                "| 1.1 | Rà soát văn bản. | Sở Tư pháp | 2026 |",
                "| B | NGÀNH, LĨNH VỰC |",
                "| I | Nông nghiệp |",
                "|  | Nội dung | Đơn vị thực hiện | Thời gian |",
                "| 1.1 | Xây dựng kế hoạch. | Sở Nông nghiệp và Môi trường | 2026 |",
            ]
        );
        // The whole table, read: the parts number the ids and the repeated header is
        // layout.
        let plan = crate::parse_text(&format!("KẾ HOẠCH\nX\nPHỤ LỤC\n{text}"));
        let ids: Vec<&str> = plan.tasks.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, ["PL.A.I.1.1", "PL.B.I.1.1"]);
    }

    /// Rows whose cells merged with the row above were left out at their start: each
    /// ends at its time and moves right until the time is in the deadline column.
    #[test]
    fn rows_without_merged_cells_end_at_their_time() {
        let text = "|\n**STT**\n|\n**Cơ quan chủ trì**\n|\n**Cơ quan phối hợp**\n|\n**Nội dung nhiệm vụ**\n|\n**Thời hạn hoàn thành**\n|\n|\n1\n|\nBộ Xây dựng\n|\nBộ Công an\n|\n- Ban hành quy chuẩn.\n|\nQuý I năm 2026\n|\n|\n- Rà soát hướng dẫn.\n|\nGiai đoạn 2026 - 2027\n|\n|\n- Xây dựng quy chế.\n|\nNăm 2026\n|\n|\n2\n|\nBộ Y tế\n|\n|\nBáo cáo.\n|\nHằng năm\n|\n|";
        let out = rebuild_tables(text);
        let rows: Vec<&str> = out.split('\n').filter(|l| !l.is_empty()).collect();
        assert_eq!(
            rows,
            [
                "| STT | Cơ quan chủ trì | Cơ quan phối hợp | Nội dung nhiệm vụ | Thời hạn hoàn thành |",
                "| 1 | Bộ Xây dựng | Bộ Công an | - Ban hành quy chuẩn. | Quý I năm 2026 |",
                "|  |  |  | - Rà soát hướng dẫn. | Giai đoạn 2026 - 2027 |",
                "|  |  |  | - Xây dựng quy chế. | Năm 2026 |",
                "| 2 | Bộ Y tế |  | Báo cáo. | Hằng năm |",
            ]
        );
    }

    #[test]
    fn agency_lists_in_one_cell() {
        assert!(lists_apart(
            "Các sở, ngành, UBND xã, phường",
            "Sở Tài chính"
        ));
        assert!(lists_apart(
            "Sở Tài chính",
            "Các sở, ngành, UBND xã, phường, đặc khu"
        ));
        assert!(!lists_apart("Sở Tài chính và", "các sở, ngành"));
        assert!(!lists_apart("Sở Tài chính, các", "sở, ngành"));
        assert!(!lists_apart("Sở Khoa học và", "Công nghệ"));
        assert!(!lists_apart("Trung tâm Chuyển đổi số", "Thành phố"));
        assert!(!lists_apart("Rà soát, cập nhật dữ liệu", "Sở Tài chính"));
        // A line in lower case goes on: "Văn" / "phòng" is one name cut.
        assert!(!lists_apart(
            "Bộ Công an, Văn",
            "phòng Chính phủ và các bộ, ngành khác có liên quan"
        ));
    }

    /// Sub-groups numbered under their group ("I.1", "*III.1.1*" in italics) start rows
    /// of their own.
    #[test]
    fn sub_group_numbers_start_rows() {
        let text = "|\n**TT**\n|\n**Nhiệm vụ**\n|\n**Cơ quan chủ trì**\n|\n|\n**III**\n|\n**Phát triển nền tảng số**\n|\n|\n**III.1**\n|\n**Nhóm nền tảng quốc gia**\n|\n|\n*III.1.1*\n|\n*Nhóm nền tảng dùng chung*\n|\n|\n1\n|\nTriển khai Cổng Dịch vụ công quốc gia.\n|\nBộ Công an\n|\n|";
        let rows: Vec<String> = rebuild_tables(text)
            .split('\n')
            .filter(|l| l.starts_with('|'))
            .map(str::to_owned)
            .collect();
        assert_eq!(
            rows,
            [
                "| TT | Nhiệm vụ | Cơ quan chủ trì |",
                "| III | Phát triển nền tảng số |",
                "| III.1 | Nhóm nền tảng quốc gia |",
                "| III.1.1 | Nhóm nền tảng dùng chung |",
                "| 1 | Triển khai Cổng Dịch vụ công quốc gia. | Bộ Công an |",
            ]
        );
        // The row nests under its sub-groups: "III.1.1" / "1".
        let plan = crate::parse_text(text);
        let ids: Vec<&str> = plan.tasks.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, ["III.1.1.1"]);
    }

    /// A signature set in bars right before an appendix: the appendix's type line ends
    /// the signature's run, and the appendix's own table (targets assigned to leads,
    /// "Chỉ tiêu | Chủ trì") is read from its header.
    #[test]
    fn a_type_line_ends_a_run() {
        let text = "|\n**TM. ỦY BAN NHÂN DÂN**\nKT. CHỦ TỊCH\n**Mai Sơn**\n|\n\n**PHỤ LỤC**\nPHÂN CÔNG THỰC HIỆN CÁC CHỈ TIÊU\n|\n**TT**\n|\n**Chỉ tiêu**\n|\n**Chủ trì**\n|\n|\n1\n|\nKinh tế số chiếm 45% GRDP tỉnh.\n|\nSở Tài chính\n|\n|\n2\n|\nTỷ lệ phủ sóng 5G đạt 100%.\n|\nSở Khoa học và Công nghệ\n|\n|";
        let out = rebuild_tables(text);
        let rows: Vec<&str> = out.split('\n').filter(|l| l.starts_with('|')).collect();
        assert_eq!(
            rows,
            [
                "|",
                "|",
                "| TT | Chỉ tiêu | Chủ trì |",
                "| 1 | Kinh tế số chiếm 45% GRDP tỉnh. | Sở Tài chính |",
                "| 2 | Tỷ lệ phủ sóng 5G đạt 100%. | Sở Khoa học và Công nghệ |"
            ]
        );
    }

    /// A header or signature block set out the same way is no task table.
    #[test]
    fn other_bar_runs_stay() {
        let text = "|\n**ỦY BAN NHÂN DÂN**\n|\n**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\n|\n|\nSố: 165/KH-UBND\n|\nCần Thơ, ngày 21 tháng 11 năm 2025\n|\n";
        assert!(matches!(rebuild_tables(text), Cow::Borrowed(_)));
    }
}
