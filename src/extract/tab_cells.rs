//! Task tables copied out of a spreadsheet or a Word table as tab-separated lines:
//!
//! ```text
//! STT<TAB>Nội dung nhiệm vụ<TAB>Cơ quan chủ trì<TAB>Thời gian hoàn thành
//! 1<TAB>Xây dựng kho dữ liệu dùng chung<TAB>Sở Khoa học và Công nghệ<TAB>Quý II/2025
//! ```
//!
//! Cells do not line up at tab stops (each is as long as its text), so the gutter search
//! of [`super::layout`] cannot see the columns; the tabs themselves mark the cells. Each
//! line of such a table is written as a pipe row, empty cells kept so the columns stay in
//! place. Only a run whose first line is a task-table header is rewritten: a header or
//! signature block spaced with tabs ("ỦY BAN NHÂN DÂN<TAB><TAB>CỘNG HÒA …") stays as it
//! is. Lines keep their numbers.

use std::borrow::Cow;

use crate::table;

/// `text` with its tab-separated task tables as pipe rows; the text itself when it has
/// none.
pub fn rebuild_tables(text: &str) -> Cow<'_, str> {
    if !text.contains('\t') {
        return Cow::Borrowed(text);
    }
    let lines: Vec<&str> = text.split('\n').collect();
    let mut rewritten: Vec<(usize, String)> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let opens = cells(lines[i], false).is_some_and(|c| {
            c.iter().filter(|x| !x.is_empty()).count() >= MIN_CELLS && table::header(&c).is_some()
        });
        if !opens {
            i += 1;
            continue;
        }
        // The run: every following line with a tab between words, blank lines included
        // (a converter may put one between rows); it ends at a line without one.
        let mut k = i;
        while k < lines.len() {
            let line = lines[k];
            match cells(line, true) {
                Some(c) => rewritten.push((k, pipe_row(&c))),
                None if line.trim().is_empty() => {}
                None => break,
            }
            k += 1;
        }
        i = k.max(i + 1);
    }
    if rewritten.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out: Vec<Cow<'_, str>> = lines.iter().map(|l| Cow::Borrowed(*l)).collect();
    for (k, row) in rewritten {
        out[k] = Cow::Owned(row);
    }
    Cow::Owned(out.join("\n"))
}

/// A header names at least this many columns (number, task, and an agency or a time).
const MIN_CELLS: usize = 3;

/// The cells of a line with a tab between two pieces of text (leading tabs are
/// indentation), or inside a table (`in_table`) with a tab anywhere; None otherwise,
/// and for a line that is already a pipe row.
fn cells(line: &str, in_table: bool) -> Option<Vec<String>> {
    let line = line.trim_end_matches(['\r', ' ']);
    let body = line.trim_start_matches([' ', '\t']);
    let tabbed = if in_table {
        line.contains('\t')
    } else {
        body.trim_end_matches('\t').contains('\t')
    };
    if !tabbed || body.is_empty() || body.contains('|') {
        return None;
    }
    // An indented line keeps its empty leading cells: "<TAB>tiếp theo<TAB>…" continues
    // the row above in its second column.
    let lead = line.len() - body.len();
    let leading_tabs = line[..lead].matches('\t').count();
    let mut out = vec![String::new(); leading_tabs];
    out.extend(
        body.trim_end_matches('\t')
            .split('\t')
            .map(|c| crate::fold::collapse_ws(c.trim())),
    );
    Some(out)
}

fn pipe_row(cells: &[String]) -> String {
    format!("| {} |", cells.join(" | "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tab_separated_rows_become_pipe_rows() {
        let text = "II. NHIỆM VỤ\nSTT\tNội dung\tCơ quan chủ trì\tThời gian hoàn thành\n1\tXây dựng kho dữ liệu\tSở Nội vụ\tQuý II/2025\n\n2\tTập huấn\t\tThường xuyên\n\tkỹ năng số\t\t\nIII. TỔ CHỨC THỰC HIỆN";
        assert_eq!(
            rebuild_tables(text),
            "II. NHIỆM VỤ\n| STT | Nội dung | Cơ quan chủ trì | Thời gian hoàn thành |\n| 1 | Xây dựng kho dữ liệu | Sở Nội vụ | Quý II/2025 |\n\n| 2 | Tập huấn |  | Thường xuyên |\n|  | kỹ năng số |\nIII. TỔ CHỨC THỰC HIỆN"
        );
    }

    /// Through the whole pipeline: the rows are tasks with their columns' fields.
    #[test]
    fn tab_separated_table_gives_tasks() {
        let text = "KẾ HOẠCH\nChuyển đổi số năm 2025\nII. NHIỆM VỤ\nSTT\tNội dung nhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành\n1\tXây dựng kho dữ liệu dùng chung\tSở Khoa học và Công nghệ\tCác sở, ngành\tQuý II/2025\n2\tTập huấn kỹ năng số\tSở Nội vụ\t\tThường xuyên\n";
        let plan = crate::parse_text(text);
        let got: Vec<(&str, Vec<&str>, Vec<&str>, bool)> = plan
            .tasks
            .iter()
            .map(|t| {
                (
                    t.id.as_str(),
                    t.lead.iter().map(|a| a.name.as_str()).collect(),
                    t.support.iter().map(|a| a.name.as_str()).collect(),
                    t.deadline.as_ref().is_some_and(|d| d.ongoing),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    "II.1",
                    vec!["Sở Khoa học và Công nghệ"],
                    vec!["Các sở, ngành"],
                    false
                ),
                ("II.2", vec!["Sở Nội vụ"], vec![], true),
            ]
        );
        assert!(plan.unparsed.is_empty());
    }

    /// Tabs that space a header, a signature or an indented paragraph are no table.
    #[test]
    fn other_tabbed_lines_stay() {
        for text in [
            "ỦY BAN NHÂN DÂN\t\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH QUẢNG NAM\t\tĐộc lập - Tự do - Hạnh phúc",
            "\t- Rà soát các mỏ.\n1.\tXây dựng kho dữ liệu.",
            "Nơi nhận:\t\tTM. ỦY BAN NHÂN DÂN\n- Như trên;\t\tCHỦ TỊCH",
            "a\tb\tc\n| STT | Nội dung |",
        ] {
            assert!(matches!(rebuild_tables(text), Cow::Borrowed(_)), "{text}");
        }
    }
}
