//! Page furniture that is not a page number: running heads printed on every page ("CÔNG
//! BÁO/Số 286/Ngày 27-05-2026" next to the page number) and the stamp an e-signed PDF
//! carries ("Ký bởi: …" / "Cơ quan: …" / "Ngày ký: …"). Text extracted from a PDF mixes
//! them into the body, where they would cut paragraphs, pose as the document's number
//! or end up unplaced. They are marked [`LineKind::Furniture`], so later stages keep
//! them out of the text and account for them as furniture.

use std::collections::HashMap;

use crate::lexicon::{lexicon, starts_with_words};
use crate::lines::{Line, LineKind};

/// Mark running heads and signature stamps in `lines` as furniture.
pub fn mark(lines: &mut [Line]) {
    mark_stamps(lines);
    mark_running_heads(lines);
}

/// A running head repeats at least this many times, each time beside a page number.
const MIN_REPEATS: usize = 3;

/// Lines between two running heads: a page holds more than this. Rows numbered "3",
/// "4", "5" on lines of their own look like page numbers, and a cell that repeats
/// beside them ("Thường xuyên") comes every few lines, not once a page.
const MIN_PAGE_LINES: usize = 12;

/// A running head is a short line: a title, a gazette's issue, a document number
/// (about 120 characters of Vietnamese text).
const MAX_HEAD_BYTES: usize = 360;

/// Lines that repeat, word for word, next to page numbers: the page's running head. A
/// line that repeats elsewhere ("Cơ quan chủ trì: Sở Nội vụ." under every task) is text,
/// so only the repeats beside a page number count, and they must be most of them.
fn mark_running_heads(lines: &mut [Line]) {
    // Candidates are the lines beside page numbers (a few per page), so most lines are
    // never hashed.
    let mut beside: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, l) in lines.iter().enumerate() {
        if l.kind == LineKind::Prose
            && l.text.len() <= MAX_HEAD_BYTES
            && beside_page_number(lines, i)
        {
            beside.entry(l.text.as_str()).or_default().push(i);
        }
    }
    // A signature ("TM. ỦY BAN NHÂN DÂN", "Nơi nhận:") or a document type ("KẾ HOẠCH")
    // repeats once per attached document and may end a page: never a running head.
    let lx = lexicon();
    beside.retain(|text, at| {
        at.len() >= MIN_REPEATS
            && few_short_pages(at)
            && !lx.opens_tail(text)
            && lx.type_line(text).is_none()
            && !mostly_ends_a_cut_date(lines, text, at)
            // The rest of a table cell ("có liên quan", "tiếp theo") beside row numbers.
            && !text.starts_with(char::is_lowercase)
            && pages_run_on(lines, at)
    });
    if beside.is_empty() {
        return;
    }
    // Every repeat of a candidate, beside a page number or not (a line of another
    // length is none).
    let lens: Vec<usize> = beside.keys().map(|t| t.len()).collect();
    let mut total: HashMap<&str, usize> = HashMap::new();
    for l in lines.iter().filter(|l| lens.contains(&l.text.len())) {
        if let Some((text, _)) = beside.get_key_value(l.text.as_str()) {
            *total.entry(text).or_default() += 1;
        }
    }
    let heads: Vec<usize> = beside
        .iter()
        .filter(|(text, at)| 2 * at.len() >= total[*text])
        .flat_map(|(_, at)| at.iter().copied())
        .collect();
    for i in heads {
        lines[i].kind = LineKind::Furniture;
    }
}

/// Whether, at most of its repeats, the line finishes a date that the line above cut
/// after its period word: a table's deadline cell ("Năm" / "2026 - 2027") beside row
/// numbers on lines of their own, not a running head.
fn mostly_ends_a_cut_date(lines: &[Line], text: &str, at: &[usize]) -> bool {
    let cut = at
        .iter()
        .filter(|&&i| {
            lines[..i]
                .iter()
                .rev()
                .find(|l| l.kind != LineKind::Blank)
                .is_some_and(|above| crate::deadline::cut_inside_date(&above.text, text))
        })
        .count();
    2 * cut >= at.len()
}

/// Whether the numbers beside the repeats at line indices `at` run on as pages do, by
/// one (or two, a head on every other page) from one repeat to the next, at least half
/// the time. Rows numbered on lines of their own run on only where the repeated cell
/// stands in consecutive rows.
fn pages_run_on(lines: &[Line], at: &[usize]) -> bool {
    let numbers: Vec<Option<u32>> = at.iter().map(|&i| page_number_beside(lines, i)).collect();
    let steps = numbers.len().saturating_sub(1);
    let on = numbers
        .windows(2)
        .filter(|w| matches!((w[0], w[1]), (Some(a), Some(b)) if b == a + 1 || b == a + 2))
        .count();
    2 * on >= steps
}

/// The number of the page number on the nearest non-blank line above or below line `i`
/// ("60", "- 5 -", "Trang 5": its digits).
fn page_number_beside(lines: &[Line], i: usize) -> Option<u32> {
    page_number_lines(lines, i).find_map(|l| {
        let digits: String = l.text.chars().filter(char::is_ascii_digit).collect();
        digits.parse().ok()
    })
}

/// The nearest non-blank lines above and below line `i` that are page numbers.
fn page_number_lines(lines: &[Line], i: usize) -> impl Iterator<Item = &Line> {
    let above = lines[..i].iter().rev().find(|l| l.kind != LineKind::Blank);
    let below = lines[i + 1..].iter().find(|l| l.kind != LineKind::Blank);
    [above, below]
        .into_iter()
        .flatten()
        .filter(|l| l.kind == LineKind::PageNumber)
}

/// Whether the repeats at line indices `at` stand a page apart: at most a quarter of the
/// gaps between them may be shorter than a page (a page that ends a document and holds
/// only its last lines), none when there are fewer than five repeats.
fn few_short_pages(at: &[usize]) -> bool {
    let gaps = at.len().saturating_sub(1);
    let short = at
        .windows(2)
        .filter(|w| w[1] - w[0] < MIN_PAGE_LINES)
        .count();
    4 * short <= gaps
}

/// Whether the nearest non-blank line above or below line `i` is a page number.
fn beside_page_number(lines: &[Line], i: usize) -> bool {
    page_number_lines(lines, i).next().is_some()
}

/// The stamp of an e-signed PDF: a line opening with a stamp opener ("Ký bởi:") and the
/// stamp's own field lines right after it ("Cơ quan: …", "Email: …", "Thời gian ký: …").
fn mark_stamps(lines: &mut [Line]) {
    let lx = lexicon();
    let mut i = 0;
    while i < lines.len() {
        if !is_stamp_line(&lines[i].text, &lx.stamp_openers) {
            i += 1;
            continue;
        }
        lines[i].kind = LineKind::Furniture;
        i += 1;
        while i < lines.len()
            && (lines[i].kind == LineKind::Blank || is_stamp_line(&lines[i].text, &lx.stamp_fields))
        {
            if lines[i].kind != LineKind::Blank {
                lines[i].kind = LineKind::Furniture;
            }
            i += 1;
        }
    }
}

/// A stamp's labels are short ("Thời gian ký").
const MAX_STAMP_LABEL_CHARS: usize = 20;

/// "Label: value" whose label is one of `labels` (folded) exactly.
fn is_stamp_line(text: &str, labels: &[String]) -> bool {
    // The label is a few words: its colon is within the first bytes of the line.
    let head = &text.as_bytes()[..text.len().min(4 * MAX_STAMP_LABEL_CHARS)];
    let Some(colon) = head.iter().position(|&b| b == b':') else {
        return false;
    };
    let (label, value) = (&text[..colon], &text[colon + 1..]);
    if value.trim().is_empty() || label.chars().count() > MAX_STAMP_LABEL_CHARS {
        return false;
    }
    let label = crate::fold::fold(label.trim());
    labels
        .iter()
        .any(|l| starts_with_words(&label, l) && label.len() == l.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(String, bool)> {
        let mut lines = crate::lines::classify_owned(crate::normalize::normalize(text));
        mark(&mut lines);
        lines
            .into_iter()
            .filter(|l| l.kind != LineKind::Blank)
            .map(|l| (l.text, l.kind == LineKind::Furniture))
            .collect()
    }

    fn furniture(text: &str) -> Vec<String> {
        kinds(text)
            .into_iter()
            .filter(|(_, f)| *f)
            .map(|(t, _)| t)
            .collect()
    }

    #[test]
    fn running_heads_beside_page_numbers() {
        let body = |n: u32| format!("Nội dung trang {n}.\n").repeat(MIN_PAGE_LINES);
        let page = |n: u32| format!("CÔNG BÁO/Số 286/Ngày 27-05-2026\n{n}\n\n{}", body(n));
        let text: String = (89..93).map(page).collect();
        assert_eq!(furniture(&text), vec!["CÔNG BÁO/Số 286/Ngày 27-05-2026"; 4]);
        // The number may come first, as on even pages.
        let page = |n: u32| format!("{n}\nKẾ HOẠCH SỐ 45\n{}", body(n));
        let text: String = (12..15).map(page).collect();
        assert_eq!(furniture(&text).len(), 3);
        // Page numbers printed with dashes run on by their digits.
        let page = |n: u32| format!("- {n} -\nKẾ HOẠCH SỐ 45\n{}", body(n));
        let text: String = (12..15).map(page).collect();
        assert_eq!(furniture(&text).len(), 3);
    }

    /// A document that ends part-way down a page, before its appendix starts a page:
    /// one gap between running heads is shorter than a page.
    #[test]
    fn a_short_page_among_full_ones() {
        let body = |n: usize| "Nội dung trang.\n".repeat(n);
        let page = |(no, lines): (u32, usize)| {
            format!("CÔNG BÁO/Số 242/Ngày 22-04-2026\n{no}\n\n{}", body(lines))
        };
        let text: String = [(55, 20), (56, 5), (57, 20), (58, 20), (59, 20)]
            .into_iter()
            .map(page)
            .collect();
        assert_eq!(furniture(&text).len(), 5);
        // Three repeats with a short gap are not enough evidence.
        let text: String = [(55, 20), (56, 5), (57, 20)]
            .into_iter()
            .map(page)
            .collect();
        assert!(furniture(&text).is_empty());
    }

    /// A stacked task table's rows are numbered on lines of their own, like pages; the
    /// deadline cell before each number repeats beside it, but every few lines.
    #[test]
    fn a_cell_beside_row_numbers_is_not_a_running_head() {
        let rows: String = (3..7)
            .map(|n| format!("{n}\nNhiệm vụ {n}.\nCục Lâm nghiệp\nVụ Pháp chế\nThường xuyên\n"))
            .collect();
        assert!(furniture(&rows).is_empty());
        // Rows a page long, their deadline cell cut after its period word ("Năm" /
        // "2026 - 2027"): the cut date's number beside the next row's number.
        let task = "Rà soát văn bản pháp luật.\n".repeat(MIN_PAGE_LINES);
        let rows: String = (1..6)
            .map(|n| format!("{n}\n{task}Bộ Tư pháp\nNăm\n2026 - 2027\n"))
            .collect();
        assert!(furniture(&rows).is_empty());
        // The rest of a cell in lower case ("Năm 2026" / "và các năm" / "tiếp theo").
        let rows: String = (1..6)
            .map(|n| format!("{n}\n{task}Bộ Tư pháp\nNăm 2026\nvà các năm\ntiếp theo\n"))
            .collect();
        assert!(furniture(&rows).is_empty());
        // A whole cell, in rows that do not follow each other: the numbers beside it do
        // not run on as pages do.
        let rows: String = [3, 7, 12, 20, 26]
            .into_iter()
            .map(|n| format!("{n}\n{task}Bộ Tư pháp\nCác đơn vị có liên quan\n"))
            .collect();
        assert!(furniture(&rows).is_empty());
    }

    #[test]
    fn repeated_text_is_not_a_running_head() {
        // Repeated under every task, never beside a page number.
        let text = "1. Rà soát.\nĐơn vị: Sở Nội vụ.\n2. Cập nhật.\nĐơn vị: Sở Nội vụ.\n3. Báo cáo.\nĐơn vị: Sở Nội vụ.\n4\n";
        assert!(furniture(text).is_empty());
        // Twice beside a page number is not enough.
        let text = "Tiêu đề\n1\nTiêu đề\n2\nMột.";
        assert!(furniture(text).is_empty());
        // Beside page numbers only now and then: text that happens to repeat.
        let text = "Thực hiện.\n1\nMột.\nThực hiện.\n2\nHai.\nThực hiện.\n3\nBa.\nThực hiện.\nBốn.\nThực hiện.\nNăm.\nThực hiện.\nSáu.\nThực hiện.\nBảy.";
        assert!(furniture(text).is_empty());
    }

    #[test]
    fn signature_stamps() {
        let text = "Phạm Thị Thanh Trà\n\nKý bởi: CÔNG BÁO NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nCơ quan: VĂN PHÒNG CHÍNH PHỦ\nNgày ký: 2026-05-27 07:55:25 +07:00\n\nPHỤ LỤC";
        assert_eq!(
            furniture(text),
            [
                "Ký bởi: CÔNG BÁO NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Cơ quan: VĂN PHÒNG CHÍNH PHỦ",
                "Ngày ký: 2026-05-27 07:55:25 +07:00"
            ]
        );
        // Without the opener, "Cơ quan:" is a field of the plan's text.
        assert!(furniture("Cơ quan: Sở Y tế\nThời gian ký: 10:00").is_empty());
    }

    /// Signatures that end pages, one per attached document, stay signatures.
    #[test]
    fn signatures_are_not_running_heads() {
        let text = "Một.\nTM. ỦY BAN NHÂN DÂN\n2\nHai.\nTM. ỦY BAN NHÂN DÂN\n5\nBa.\nTM. ỦY BAN NHÂN DÂN\n9";
        assert!(furniture(text).is_empty());
    }
}
