//! Task tables flattened to text ("| TT | Tên nhiệm vụ | Cơ quan chủ trì | ... |"):
//! each row becomes the blocks a written-out item would have — a label block for the
//! number and task cells, one field block per agency or deadline cell — so the structure
//! stage reads a table plan exactly like a plan written with field lines.

pub mod stacked;

use crate::blocks::Block;
use crate::fold::{collapse_ws, fold};
use crate::lexicon::{FieldRole, lexicon};
use crate::lines::{Line, LineKind, classify_text};

/// A line that looks like a pipe-table row.
pub fn is_row(text: &str) -> bool {
    // Called on every line: most have no bar at all, which one byte search settles.
    if memchr::memchr(b'|', text.as_bytes()).is_none() {
        return false;
    }
    if text.starts_with('|') {
        return memchr::memchr_iter(b'|', text.as_bytes()).nth(2).is_some();
    }
    // A row without outer bars, as some converters write them: "1 | Tổ chức … | Sở Y tế
    // | … | Quý II/2026 | ". Its bars stand between spaces.
    let t = text.trim_end();
    t.matches(" | ").count() + usize::from(t.ends_with(" |")) >= 3
}

/// A row printed with fewer cells, inside a run of rows: a group row whose cells after
/// its number and title were left out ("I | GIAI ĐOẠN 1: LẬP, THẨM ĐỊNH …").
pub fn is_short_row(text: &str) -> bool {
    text.split_once(" | ").is_some_and(|(first, rest)| {
        is_row_number(first.trim_start_matches('|')) && !rest.trim().is_empty()
    })
}

/// The header of the last task table seen in a document. A table broken by a page
/// break or by a row spanning all columns goes on without repeating its header; the
/// rows after the break are read with the columns of the header before it.
#[derive(Debug, Default)]
pub struct OpenTable {
    columns: Option<(Vec<String>, Vec<Column>)>,
}

/// Blocks for a run of table rows, or `None` when neither the run nor an earlier table
/// of the same width names task columns (then the rows are ordinary prose).
pub fn blocks(rows: &[&Line], pages: &[Option<u32>], open: &mut OpenTable) -> Option<Vec<Block>> {
    let continues_table = open.columns.is_some();
    // Whether the run's rows are written with outer bars, as its first row is.
    let outer = rows
        .first()
        .is_none_or(|r| r.text.trim_start().starts_with('|'));
    // A header in one row, or in two: "Thời gian | Nội dung công việc | … | Thực hiện"
    // over " |  |  | Đơn vị chủ trì | Đơn vị phối hợp", the second naming the columns
    // that a cell of the first spans.
    // A converter may put the rule under the first row and the second below it.
    let cells: Vec<Vec<String>> = rows.iter().map(|r| row_cells(&r.text, outer)).collect();
    let own = cells.iter().enumerate().find_map(|(i, cs)| {
        let below = match cells.get(i + 1) {
            Some(b) if is_rule(b) => i + 2,
            _ => i + 1,
        };
        let two_rows = cells
            .get(below)
            .and_then(|b| merge_header(cs, b))
            .and_then(|merged| header(&merged).map(|c| (below, merged, c)));
        two_rows.or_else(|| header(cs).map(|c| (i, cs.clone(), c)))
    });
    let (header_at, columns) = match own {
        Some((i, cs, c)) => {
            open.columns = Some((cs, c.clone()));
            (Some(i), c)
        }
        None => {
            let (_, c) = open.columns.as_ref()?;
            let width = cells.first().map(Vec::len)?;
            (width == c.len()).then_some(())?;
            (None, c.clone())
        }
    };
    let header_cells = open.columns.as_ref().map(|(h, _)| h.clone());
    let mut out = Vec::new();
    let mut keyed = KeyedRows::default();
    // Whether a numbered row came before in this run.
    let mut in_row = false;
    for (i, (row, cs)) in rows.iter().zip(cells).enumerate() {
        let page = pages.get(i).copied().flatten();
        // A table that goes on under a header of its own, after group rows that span
        // it ("B" / "PHÁT TRIỂN KINH TẾ SỐ …", "I" / "Phát triển …" above "Nội dung |
        // Đơn vị thực hiện | …"): those rows number the part and group.
        if let Some((text, group)) = header_at
            .filter(|&h| i < h && continues_table)
            .and_then(|_| group_row(&cs))
        {
            in_row = true;
            out.push(row_block(group, text, row.no, page));
            continue;
        }
        // Rows up to the header, rules, and the header repeated on a later page or
        // under a group row (there perhaps with a column fewer).
        if header_at.is_some_and(|h| i <= h)
            || is_rule(&cs)
            // A row of empty cells ("|  |  |  |") holds nothing, nor does one whose
            // cells hold only marks (a stray combining accent, a dash).
            || cs.iter().all(|c| !c.chars().any(char::is_alphanumeric))
            || is_column_numbers(&cs)
            || Some(&cs) == header_cells.as_ref()
            || (in_row && header(&cs).is_some())
        {
            out.push(furniture(row, page));
            continue;
        }
        let cell = |c: Column| {
            columns
                .iter()
                .position(|x| *x == c)
                .and_then(|k| cs.get(k))
                .map(String::as_str)
                .unwrap_or("")
        };
        if matches!(columns.first(), Some(Column::Field(FieldRole::Deadline, _))) {
            keyed.row(&mut out, &columns, &cs, row.no, page);
            in_row = true;
            continue;
        }
        // Activities set out as bullets, each row with agencies of its own: items under
        // the row above, as written-out bullets with their fields are.
        if let Some(bullets) = bullet_row(&columns, &cs) {
            in_row = true;
            let last = bullets.len() - 1;
            for (k, (text, kind)) in bullets.into_iter().enumerate() {
                out.push(Block {
                    kind,
                    text,
                    lines: vec![row.no],
                    page,
                    // The row is its activity's: a grouping bullet before it shares it.
                    run_in: k < last,
                });
            }
            push_fields(&mut out, &columns, &cs, row.no, page);
            copy_merged_agencies(&mut out, &columns, &cs, row.no);
            continue;
        }
        // A group row printed short ("| a) | Nhóm hoạt động nhằm … |"): its title is
        // the cell after the number.
        if cs.len() < columns.len()
            && let Some((text, group)) = group_row(&cs)
        {
            in_row = true;
            out.push(row_block(group, text, row.no, page));
            continue;
        }
        let number = cell(Column::Number);
        let (text, kind) = row_label(number, cell(Column::Name));
        let kind = match kind {
            Some(kind) => kind,
            None if number.trim().is_empty() && in_row => {
                // A row without a number under a numbered one: the rest of that row (a
                // sub-row of merged cells, or cells wrapped onto another line).
                continue_row(&mut out, &columns, &cs, row.no, page);
                continue;
            }
            None => {
                // Not an item (a damaged row): keep the row whole as prose, so its cells
                // stay together wherever it is placed.
                out.push(row_block(LineKind::Prose, row.text.clone(), row.no, page));
                continue;
            }
        };
        in_row = true;
        out.push(row_block(kind, text, row.no, page));
        push_fields(&mut out, &columns, &cs, row.no, page);
    }
    Some(out)
}

/// A field block for each filled field cell of a row.
fn push_fields(
    out: &mut Vec<Block>,
    columns: &[Column],
    cs: &[String],
    no: u32,
    page: Option<u32>,
) {
    for (k, col) in columns.iter().enumerate() {
        let Column::Field(role, head) = col else {
            continue;
        };
        let value = cs.get(k).map_or("", |v| v.trim());
        if value.is_empty() {
            continue;
        }
        out.push(field_block(*role, head, value, vec![no], page));
    }
}

/// A row that sets out an activity as a bullet, with agencies or a time of its own: no
/// number, or a bullet mark for one ("| - | Hỗ trợ sản xuất … | + Thiết lập diễn đàn …
/// | Bộ Nông nghiệp … |", "|  |  | + Hỗ trợ lập quy hoạch … | Ủy ban nhân dân tỉnh |"),
/// and a task cell that opens with a bullet. A bullet that introduces the rows below it
/// ("+ Thực hiện các hoạt động sau:") needs no agencies, and in such a table a full stop
/// may mark the bullets under it (". Tiếp tục hỗ trợ …"). Its bullets, outermost first:
/// the row's own text before the task cell under the number's mark (an activity that
/// groups the bullets below it), then the task cell.
fn bullet_row(columns: &[Column], cs: &[String]) -> Option<Vec<(String, LineKind)>> {
    let at = |c: &Column| columns.iter().position(|x| x == c);
    let number = at(&Column::Number)
        .and_then(|k| cs.get(k))
        .map_or("", |c| c.trim());
    let name_at = at(&Column::Name)?;
    let task = cs.get(name_at)?.trim();
    let bullet = |t: &str| match classify_text(t) {
        kind @ LineKind::Bullet { .. } => Some(kind),
        _ => None,
    };
    let mark = match number {
        "" => None,
        n if n.chars().count() == 1 && bullet(&format!("{n} x")).is_some() => Some(n),
        _ => return None,
    };
    let assigned = columns.iter().zip(cs).any(|(c, v)| {
        matches!(
            c,
            Column::Field(
                FieldRole::Lead | FieldRole::Support | FieldRole::Deadline,
                _
            )
        ) && !v.trim().is_empty()
    });
    let dot = task
        .strip_prefix(". ")
        .is_some_and(|rest| rest.starts_with(char::is_uppercase));
    let kind = match bullet(task) {
        Some(kind) if assigned || task.ends_with(':') => kind,
        None if dot && mark.is_none() => LineKind::Bullet { mark: '.', body: 2 },
        _ => return None,
    };
    // Text in the columns between the number and the task ("Nhóm hoạt động").
    let before: Vec<&str> = columns
        .iter()
        .zip(cs)
        .take(name_at)
        .filter(|(c, v)| **c == Column::Unknown && !v.trim().is_empty())
        .map(|(_, v)| v.trim())
        .collect();
    let mut out = Vec::new();
    match (mark, before.is_empty()) {
        (Some(m), false) => {
            let text = format!("{m} {}", before.join(" "));
            out.push((text.clone(), bullet(&text)?));
        }
        // A bullet mark for a number, and nothing between: the mark is the task's.
        (Some(_), true) | (None, true) => {}
        (None, false) => return None,
    }
    out.push((task.to_owned(), kind));
    Some(out)
}

/// Two header rows as one: the first row's cells, with the second's names where it has
/// them; the first row's last cell may span several columns of the second. None unless
/// the second row opens with empty cells (it names only the spanned columns), or is a
/// short row of names only (see [`fill_spans`]).
fn merge_header(first: &[String], second: &[String]) -> Option<Vec<String>> {
    let blank = |c: &String| c.trim().is_empty();
    if second.len() < first.len() {
        return fill_spans(first, second);
    }
    if !second.first().is_some_and(blank) || second.iter().all(blank) {
        return None;
    }
    let last = first.len().checked_sub(1)?;
    let merged = (0..second.len())
        .map(|k| {
            if !blank(&second[k]) {
                second[k].clone()
            } else {
                first.get(k.min(last)).cloned().unwrap_or_default()
            }
        })
        .collect();
    Some(merged)
}

/// A second header row written short: a converter that drops the cells a taller cell
/// covers keeps only the names under the first row's spanning cells, in order ("| TT |
/// Nội dung | Cơ quan thực hiện |  | Thời gian |" over "| Chủ trì | Phối hợp |"). A
/// spanning cell is one followed by empty cells; its columns take the second row's
/// names left to right. None unless every name is a short heading (no digit, at most
/// six words: a row of data is no header) and the spans have room for them all.
fn fill_spans(first: &[String], second: &[String]) -> Option<Vec<String>> {
    let blank = |c: &String| c.trim().is_empty();
    let names: Vec<&String> = second.iter().filter(|c| !blank(c)).collect();
    let heading =
        |c: &&String| !c.chars().any(|ch| ch.is_ascii_digit()) && c.split_whitespace().count() <= 6;
    if names.is_empty() || second.first().is_none_or(blank) || !names.iter().all(heading) {
        return None;
    }
    // The columns under spanning cells: each spanning cell's own and the empty ones after it.
    let mut named_before = false;
    let spanned: Vec<usize> = (0..first.len())
        .filter(|&k| {
            let here = !blank(&first[k]);
            let opens = here && first.get(k + 1).is_some_and(blank);
            let inside = !here && named_before;
            named_before |= here;
            opens || inside
        })
        .collect();
    if spanned.len() < names.len() {
        return None;
    }
    let mut merged = first.to_vec();
    for (&k, name) in spanned.iter().zip(names) {
        merged[k] = name.clone();
    }
    Some(merged)
}

/// The rows of a task table keyed by its first column, a time rather than a number
/// ("Thời gian | Nội dung công việc | … | Đơn vị chủ trì | Đơn vị phối hợp"). A row with
/// a number and a title only is a group row and numbers what follows ("I" / "GIAI ĐOẠN
/// 1 …", "1" / "Lập nhiệm vụ quy hoạch"); every other row with a task is a task of its
/// own, as an unnumbered bullet under its group. A key cell left empty was merged with
/// the one above: its row shares that row's time.
#[derive(Default)]
struct KeyedRows {
    /// The last time read from a leading deadline column, within the current group.
    time: Option<String>,
}

impl KeyedRows {
    fn row(
        &mut self,
        out: &mut Vec<Block>,
        columns: &[Column],
        cs: &[String],
        no: u32,
        page: Option<u32>,
    ) {
        if let Some((text, kind)) = group_row(cs) {
            self.time = None;
            out.push(Block {
                kind,
                text,
                lines: vec![no],
                page,
                run_in: false,
            });
            return;
        }
        let task = columns
            .iter()
            .position(|c| *c == Column::Name)
            .and_then(|k| cs.get(k))
            .map_or("", |t| t.trim());
        if task.is_empty() {
            continue_row(out, columns, cs, no, page);
            return;
        }
        out.push(Block {
            kind: LineKind::Bullet { mark: '-', body: 2 },
            text: format!("- {task}"),
            lines: vec![no],
            page,
            run_in: false,
        });
        for (k, col) in columns.iter().enumerate() {
            let Column::Field(role, ref head) = *col else {
                continue;
            };
            let mut value = cs.get(k).map_or("", |v| v.trim()).to_owned();
            if k == 0 && role == FieldRole::Deadline {
                if value.is_empty() {
                    value = self.time.clone().unwrap_or_default();
                } else {
                    self.time = Some(value.clone());
                }
            }
            if !value.is_empty() {
                out.push(field_block(role, head, &value, vec![no], page));
            }
        }
    }
}

/// A group row: a row number and a title, every other cell empty. Its label line and
/// kind.
fn group_row(cs: &[String]) -> Option<(String, LineKind)> {
    let [number, title, rest @ ..] = cs else {
        return None;
    };
    if !is_row_number(number)
        || title.trim().is_empty()
        || rest.iter().any(|c| !c.trim().is_empty())
    {
        return None;
    }
    let (text, kind) = row_label(number, title);
    kind.map(|k| (text, k))
}

/// A row's label line, its number cell as a label before its task ("1" and "Rà soát …"
/// → "1. Rà soát …"), and its kind: a row label, or None when the two make no label.
pub(crate) fn row_label(number: &str, task: &str) -> (String, Option<LineKind>) {
    let text = collapse_ws(&format!("{} {task}", label_text(number)));
    let kind = match classify_text(&text) {
        LineKind::Label { label, body, .. } => Some(LineKind::Label {
            label,
            body,
            row: true,
        }),
        _ => None,
    };
    (text, kind)
}

/// Add an unnumbered row's cells to the row above (whose blocks end `out`): its task
/// text as prose after the row's; each filled field cell either finishes the row's cell
/// of that column, when that one ends unfinished ("Sở Thông tin và" / "Truyền
/// thông"), or adds a field block of its own (a sub-row with its own agencies).
fn continue_row(
    out: &mut Vec<Block>,
    columns: &[Column],
    cs: &[String],
    no: u32,
    page: Option<u32>,
) {
    let mut placed = false;
    // Whether the task cell opened a text of its own: then the row's other cells go with
    // it, not on with the cells of the row above.
    let mut own_text = false;
    for (k, col) in columns.iter().enumerate() {
        let value = cs.get(k).map_or("", |v| v.trim());
        if value.is_empty() {
            continue;
        }
        placed |= !matches!(col, Column::Number | Column::Unknown);
        match col {
            Column::Name => {
                // "Xây dựng kho dữ liệu dùng" / "chung của tỉnh": the task cell wrapped.
                let heading = out
                    .iter_mut()
                    .rev()
                    .find(|b| matches!(b.kind, LineKind::Label { row: true, .. }));
                let wrapped = value.starts_with(char::is_lowercase);
                match heading {
                    Some(b) if wrapped && !b.text.ends_with(['.', ';', ':']) => {
                        b.text.push(' ');
                        b.text.push_str(value);
                        b.lines.push(no);
                    }
                    _ => {
                        own_text = true;
                        out.push(Block {
                            kind: LineKind::Prose,
                            text: value.to_owned(),
                            lines: vec![no],
                            page,
                            run_in: false,
                        });
                    }
                }
            }
            Column::Field(role, head) => {
                // Only a cell of the current row goes on: not one above a group row.
                let open_cell = cell_above(out, *role, head).map(|k| &mut out[k]);
                match open_cell {
                    Some(b) if !own_text && stacked::ends_joined(&b.text) => {
                        b.text.push(' ');
                        b.text.push_str(value);
                        b.lines.push(no);
                    }
                    _ => out.push(field_block(*role, head, value, vec![no], page)),
                }
            }
            Column::Number | Column::Unknown => {}
        }
    }
    if own_text {
        copy_merged_agencies(out, columns, cs, no);
    }
    // Cells only under columns that say nothing ("|  |  |  | Đơn vị chủ trì | Đơn vị phối
    // hợp" under a header of other columns): the row stays as prose, so its line is kept.
    let rest: Vec<&str> = cs
        .iter()
        .map(|c| c.trim())
        .filter(|c| !c.is_empty())
        .collect();
    if !placed && !rest.is_empty() {
        out.push(Block {
            kind: LineKind::Prose,
            text: rest.join(" | "),
            lines: vec![no],
            page,
            run_in: false,
        });
    }
}

/// A sub-row with work of its own and every agency cell empty: those cells were merged
/// with the ones above (a ministry's row over the pieces of work it leads, each with its
/// own time), so the sub-row's task gets the lead and partner cells nearest above it in
/// the same row. A merged cell spans the sub-row, so the copies are on the sub-row's
/// line.
fn copy_merged_agencies(out: &mut Vec<Block>, columns: &[Column], cs: &[String], no: u32) {
    let agency_cell =
        |col: &Column| matches!(col, Column::Field(FieldRole::Lead | FieldRole::Support, _));
    let named = columns
        .iter()
        .zip(cs)
        .any(|(col, value)| agency_cell(col) && !value.trim().is_empty());
    // A bullet that introduces the rows below it ("+ Thực hiện các hoạt động sau:")
    // is no task: its rows have the agencies.
    let introduces = columns
        .iter()
        .zip(cs)
        .any(|(col, value)| *col == Column::Name && value.trim_end().ends_with(':'));
    if named || introduces {
        return;
    }
    for col in columns.iter().filter(|c| agency_cell(c)) {
        let Column::Field(role, head) = col else {
            continue;
        };
        if let Some(mut copy) = cell_above(out, *role, head).map(|k| out[k].clone()) {
            copy.lines = vec![no];
            out.push(copy);
        }
    }
}

/// The index in `out` of the nearest field block of column (`role`, `head`) in the
/// current row: after its label, not above a group row.
fn cell_above(out: &[Block], role: FieldRole, head: &str) -> Option<usize> {
    let row_start = out
        .iter()
        .rposition(|b| matches!(b.kind, LineKind::Label { .. }))
        .unwrap_or(0);
    (row_start..out.len()).rev().find(|&k| {
        matches!(&out[k].kind, LineKind::Field { role: r, .. } if *r == role)
            && out[k].text.starts_with(head)
    })
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Column {
    Number,
    Name,
    Field(FieldRole, String),
    Unknown,
}

/// The cells of a row, Markdown emphasis removed.
pub(crate) fn cells(text: &str) -> Vec<String> {
    let inner = text.trim().trim_start_matches('|');
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    inner
        .split('|')
        .map(|c| {
            // Most cells have no emphasis: no copy and no search for it.
            if memchr::memchr2(b'*', b'_', c.as_bytes()).is_some() {
                collapse_ws(&c.replace("**", "").replace("__", ""))
            } else {
                collapse_ws(c)
            }
        })
        .collect()
}

/// The cells of a row of a table whose first row has no outer bars (`outer` false): a
/// row there that opens with a bar has an empty first cell (" | Lập báo cáo … | Ban
/// Quản lý …", its time cell merged with the row above).
fn row_cells(text: &str, outer: bool) -> Vec<String> {
    let mut cs = cells(text);
    if !outer && text.trim_start().starts_with('|') {
        cs.insert(0, String::new());
    }
    cs
}

/// The row under a header that numbers its columns: "| (1) | (2) | (3) |" or "| 1 |
/// 2 | 3 |".
pub(crate) fn is_column_numbers(cells: &[String]) -> bool {
    let numbers: Vec<&str> = cells
        .iter()
        .map(|c| c.trim())
        .filter(|c| !c.is_empty())
        .map(|c| c.trim_start_matches('(').trim_end_matches(')'))
        .collect();
    numbers.len() >= 3
        && numbers
            .iter()
            .zip(
                numbers[0]
                    .parse::<usize>()
                    .ok()
                    .into_iter()
                    .flat_map(|n| n..),
            )
            .all(|(c, n)| c.parse::<usize>().ok() == Some(n))
        && numbers.len()
            == numbers
                .iter()
                .filter(|c| c.parse::<usize>().is_ok())
                .count()
}

/// "|---|:--:|" rows.
pub(crate) fn is_rule(cells: &[String]) -> bool {
    cells
        .iter()
        .all(|c| !c.is_empty() && c.chars().all(|ch| matches!(ch, '-' | ':' | ' ')))
}

/// Column meanings, when the row is a task-table header.
pub(crate) fn header(cells: &[String]) -> Option<Vec<Column>> {
    let lx = lexicon();
    let cols: Vec<Column> = cells
        .iter()
        .map(|c| {
            let f = fold(c);
            if lx.table_number.contains(&f) {
                Column::Number
            } else if lx.is_task_column(&f) {
                Column::Name
            } else if let Some(role) = lx.field_role(c) {
                Column::Field(role, c.clone())
            } else {
                Column::Unknown
            }
        })
        .collect();
    // Two columns of one role ("Cơ quan chịu trách nhiệm quản lý nhà nước theo quy định"
    // beside "Đơn vị chủ trì"): the one whose heading is exactly a field name has it;
    // the other, a longer heading that only opens like one, is some other column.
    let role = |c: &Column| match c {
        Column::Field(r, _) if *r != FieldRole::Other => Some(*r),
        _ => None,
    };
    let repeated = cols
        .iter()
        .enumerate()
        .any(|(k, c)| role(c).is_some() && cols[..k].iter().any(|o| role(o) == role(c)));
    if !repeated {
        return (cols.contains(&Column::Name) && names_assignment(&cols))
            .then(|| named_others(cols, cells));
    }
    let exact = |c: &Column| matches!(c, Column::Field(r, h) if lx.field_role_exact(h) == Some(*r));
    let cols = cols
        .iter()
        .map(|c| match c {
            Column::Field(role, head)
                if *role != FieldRole::Other
                    && !exact(c)
                    && cols.iter().any(|o| {
                        o != c && exact(o) && matches!(o, Column::Field(r, _) if r == role)
                    }) =>
            {
                Column::Field(FieldRole::Other, head.clone())
            }
            _ => c.clone(),
        })
        .collect::<Vec<_>>();
    (cols.contains(&Column::Name) && names_assignment(&cols)).then(|| named_others(cols, cells))
}

/// A column after the task's whose heading names nothing the contract has a slot for
/// ("Ghi chú", "Dự kiến kinh phí"): its cells are kept as details under that heading.
/// Columns before the task's stay unknown: they group the rows ("Nhóm hoạt động").
fn named_others(mut cols: Vec<Column>, cells: &[String]) -> Vec<Column> {
    let Some(name_at) = cols.iter().position(|c| *c == Column::Name) else {
        return cols;
    };
    for (k, col) in cols.iter_mut().enumerate().skip(name_at + 1) {
        let head = cells.get(k).map_or("", |c| c.trim());
        if *col == Column::Unknown && head.chars().any(char::is_alphanumeric) {
            *col = Column::Field(FieldRole::Other, head.to_owned());
        }
    }
    cols
}

/// Whether a header names a lead, support or deadline column: what makes a table's
/// rows tasks.
pub(crate) fn names_assignment(columns: &[Column]) -> bool {
    columns.iter().any(|c| {
        matches!(
            c,
            Column::Field(
                FieldRole::Lead | FieldRole::Support | FieldRole::Deadline,
                _
            )
        )
    })
}

/// A cell as the field block a written-out item would have: "<heading>: <value>".
pub(crate) fn field_block(
    role: FieldRole,
    head: &str,
    value: &str,
    lines: Vec<u32>,
    page: Option<u32>,
) -> Block {
    Block {
        kind: LineKind::Field {
            role,
            value: head.len() + 2,
        },
        text: format!("{head}: {value}"),
        lines,
        page,
        run_in: false,
    }
}

/// A line of layout (a header row, a rule) as its own block.
/// A block of one row's line.
fn row_block(kind: LineKind, text: String, no: u32, page: Option<u32>) -> Block {
    Block {
        kind,
        text,
        lines: vec![no],
        page,
        run_in: false,
    }
}

pub(crate) fn furniture(line: &Line, page: Option<u32>) -> Block {
    Block {
        kind: LineKind::Furniture,
        text: line.text.clone(),
        lines: vec![line.no],
        page,
        run_in: false,
    }
}

/// Whether a number-column cell numbers a row: "1", "2.3", "II", "a", "A", with or
/// without a closing "." or ")".
pub(crate) fn is_row_number(cell: &str) -> bool {
    let c = cell.trim().trim_end_matches(['.', ')']);
    !c.is_empty()
        && c.chars().count() <= 10
        && (c.chars().all(|ch| ch.is_ascii_digit() || ch == '.') && c.chars().count() <= 6
            || is_roman_decimal(c)
            || c.chars().all(|ch| matches!(ch, 'I' | 'V' | 'X' | 'L'))
            || (c.chars().count() == 1 && c.chars().all(char::is_lowercase))
            || is_part_letter(c))
}

/// A sub-group numbered under its Roman group: "I.1", "III.1.2".
fn is_roman_decimal(cell: &str) -> bool {
    cell.split_once('.').is_some_and(|(roman, rest)| {
        !roman.is_empty()
            && roman.chars().all(|ch| matches!(ch, 'I' | 'V' | 'X' | 'L'))
            && !rest.is_empty()
            && rest
                .split('.')
                .all(|d| !d.is_empty() && d.len() <= 3 && d.chars().all(|ch| ch.is_ascii_digit()))
    })
}

/// A part of a table in a capital letter ("A" / "PHÁT TRIỂN NỀN MÓNG …" above its
/// Roman groups). Not one that reads as a Roman numeral.
fn is_part_letter(cell: &str) -> bool {
    let mut chars = cell.chars();
    matches!((chars.next(), chars.next()), (Some(c), None)
        if c.is_ascii_uppercase() && !matches!(c, 'I' | 'V' | 'X' | 'L'))
}

/// The number cell as a label: "1" → "1.", "I" → "I.", "A" → "A.", "a" → "a)".
pub(crate) fn label_text(cell: &str) -> String {
    let c = cell.trim();
    if c.is_empty() || c.ends_with(['.', ')']) {
        return c.to_owned();
    }
    if c.chars().all(|ch| ch.is_ascii_digit() || ch == '.')
        || c.chars().all(|ch| matches!(ch, 'I' | 'V' | 'X'))
        || is_roman_decimal(c)
        || is_part_letter(c)
    {
        format!("{c}.")
    } else if c.chars().count() == 1 && c.chars().all(char::is_lowercase) {
        format!("{c})")
    } else {
        c.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A leading bar is an empty cell only in a table written without outer bars.
    #[test]
    fn leading_bar_of_a_row() {
        let c = |t: &str, outer: bool| row_cells(t, outer);
        assert_eq!(
            c("| Lập báo cáo | Ban Quản lý", false),
            ["", "Lập báo cáo", "Ban Quản lý"]
        );
        assert_eq!(
            c("10-11/2019 | Lập báo cáo | Ban", false),
            ["10-11/2019", "Lập báo cáo", "Ban"]
        );
        assert_eq!(
            c("| 1 | Tổ chức | Sở Y tế", true),
            ["1", "Tổ chức", "Sở Y tế"]
        );
        assert_eq!(
            c("| 1 | Tổ chức | Sở Y tế |", true),
            ["1", "Tổ chức", "Sở Y tế"]
        );
    }
    use crate::lines::{Level, classify};
    use crate::normalize::normalize;

    /// An unnumbered row continues the row above: wrapped cells finish its cells, a
    /// sub-row's agencies are added to its fields.
    /// A table that a page break cuts and that goes on under group rows ("B", "I") and
    /// its header: the group rows number the rows after them.
    #[test]
    fn group_rows_above_a_repeated_header() {
        let text = "KẾ HOẠCH\nX\nPHỤ LỤC\n| STT | Nhiệm vụ | Đơn vị thực hiện | Thời gian |\n| A | NỀN MÓNG |\n| I | Thể chế |\n| 1.1 | Rà soát văn bản. | Sở Tư pháp | 2026 |\nTrang 5\n| B | NGÀNH, LĨNH VỰC |\n| I | Nông nghiệp |\n| STT | Nhiệm vụ | Đơn vị thực hiện | Thời gian |\n| 1.1 | Xây dựng kế hoạch. | Sở Nông nghiệp và Môi trường | 2026 |\n";
        let plan = crate::parse_text(text);
        let ids: Vec<&str> = plan.tasks.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, ["PL.A.I.1.1", "PL.B.I.1.1"]);
    }

    /// A converted table whose header's second row came out under the rule: the
    /// spanned "Đơn vị thực hiện" column splits into lead and support; a cell's bullets
    /// run together ("- Vụ Đất đai - Cục …") are one agency each.
    #[test]
    fn second_header_row_under_the_rule() {
        let text = "KẾ HOẠCH\nX\nPHỤ LỤC 02\n| STT | Tên đề án | Thời gian trình | Đơn vị thực hiện |  | Ghi chú |\n| --- | --- | --- | --- | --- | --- |\n|  |  |  | Chủ trì | Phối hợp |  |\n| 1 | Kiểm kê đất đai năm 2024. | Tháng 3/2024 | Cục Đăng ký và Dữ liệu thông tin đất đai | - Vụ Đất đai - Cục Quy hoạch và Phát triển tài nguyên đất - Các đơn vị khác có liên quan |  |\n";
        let plan = crate::parse_text(text);
        let t = &plan.tasks[0];
        assert_eq!(t.id, "PL02.1");
        let names = |v: &[crate::Agency]| v.iter().map(|a| a.name.clone()).collect::<Vec<_>>();
        assert_eq!(names(&t.lead), ["Cục Đăng ký và Dữ liệu thông tin đất đai"]);
        assert_eq!(
            names(&t.support),
            [
                "Vụ Đất đai",
                "Cục Quy hoạch và Phát triển tài nguyên đất",
                "Các đơn vị khác có liên quan"
            ]
        );
        assert_eq!(
            t.deadline
                .as_ref()
                .and_then(|d| d.due)
                .map(|d| d.to_string())
                .as_deref(),
            Some("2024-03-31")
        );
        // A row of empty cells closing the table is layout, not a lost line.
        let closed = format!("{text}|  |  |  |  |  |  |\n[1] Ghi chú.\n");
        crate::test_support::assert_accounted(&closed);
        // So is one whose cells hold only a stray mark.
        let marked = format!("{text}|  |  |  |  |  |  |\u{301}\n[1] Ghi chú.\n");
        crate::test_support::assert_accounted(&marked);
    }

    /// A header's second row written short, as converters that drop the cells a taller
    /// cell covers write it: its names go to the columns of the spanning cell, and its
    /// padding (an empty cell more than the span has room for) is ignored. A short row
    /// of data under the header is a row, not a second header.
    #[test]
    fn short_second_header_row() {
        let names = |v: &[crate::Agency]| v.iter().map(|a| a.name.clone()).collect::<Vec<_>>();
        for sub in ["| Chủ trì | Phối hợp |  |", "| Chủ trì |  | Phối hợp |"] {
            let text = format!(
                "KẾ HOẠCH\nX\nPHỤ LỤC 05\n| TT | Chỉ tiêu | Đơn vị | Đơn vị chủ trì theo dõi |  | Thời gian |\n| --- | --- | --- | --- | --- | --- |\n{sub}\n| 1 | Cập nhật dữ liệu trên Cổng Tham vấn. | % | Văn phòng Bộ | - Tổng cục KTTV - Các Cục trực thuộc Bộ | Quý II/2024 |\n"
            );
            let plan = crate::parse_text(&text);
            assert_eq!(plan.tasks.len(), 1, "{sub}");
            let t = &plan.tasks[0];
            assert_eq!(t.id, "PL05.1");
            assert_eq!(names(&t.lead), ["Văn phòng Bộ"], "{sub}");
            assert_eq!(
                names(&t.support),
                ["Tổng cục KTTV", "Các Cục trực thuộc Bộ"],
                "{sub}"
            );
            crate::test_support::assert_accounted(&text);
        }
        // Three names for a span of two columns: no second header.
        let first: Vec<String> = ["TT", "Nội dung", "Cơ quan thực hiện", "", "Thời gian"]
            .map(String::from)
            .to_vec();
        let three = ["Chủ trì", "Phối hợp", "Kinh phí"].map(String::from);
        assert_eq!(fill_spans(&first, &three), None);
        // A row of data (a number, a long text) is no header row.
        let data = [
            "1",
            "Rà soát văn bản quy phạm pháp luật liên quan đến đầu tư",
        ]
        .map(String::from);
        assert_eq!(fill_spans(&first, &data), None);
        let two = ["Chủ trì", "Phối hợp"].map(String::from);
        assert_eq!(
            fill_spans(&first, &two).unwrap(),
            ["TT", "Nội dung", "Chủ trì", "Phối hợp", "Thời gian"]
        );
    }

    /// A task column named by alternatives ("Nội dung/nhiệm vụ") is the task column when
    /// each alternative is one; "Nội dung/ghi chú" is not.
    #[test]
    fn task_column_alternatives() {
        let cells = |name: &str| -> Vec<String> {
            ["TT", name, "Cơ quan chủ trì", "Thời gian thực hiện"]
                .map(str::to_owned)
                .to_vec()
        };
        for name in [
            "Nội dung/nhiệm vụ",
            "Nhiệm vụ / Nội dung công việc",
            "NHIỆM VỤ VÀ GIẢI PHÁP",
            "Tên nhiệm vụ/dự án",
            "Tên đề án ưu tiên",
        ] {
            assert_eq!(
                header(&cells(name)).and_then(|c| c.get(1).cloned()),
                Some(Column::Name),
                "{name}"
            );
        }
        assert!(header(&cells("Nội dung/ghi chú")).is_none());
    }

    /// A sub-row with work of its own and empty agency cells takes the agency cells
    /// right above it (merged in the original); a bullet that introduces the rows below
    /// it does not.
    #[test]
    fn sub_rows_take_merged_agency_cells() {
        let plan = crate::parse_text(
            "II. NHIỆM VỤ\n| TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |\n| 2 | Quản lý hệ thống. | Sở Tài chính | Sở Nội vụ | Quý IV/2026 |\n|  | - Sao lưu dữ liệu. | Sở Khoa học và Công nghệ | Sở Tài chính | Quý I/2026 |\n|  | - Kiểm tra dữ liệu. |  |  | Quý II/2026 |\n| 3 | Đào tạo. | Sở Nội vụ | Sở Y tế | Năm 2026 |\n|  | - Thực hiện các hoạt động sau: |  |  |  |\n|  | + Mở lớp. | Sở Giáo dục và Đào tạo |  | Quý III/2026 |\n",
        );
        fn names(v: &[crate::Agency]) -> Vec<&str> {
            v.iter().map(|a| a.name.as_str()).collect()
        }
        let rows: Vec<(&str, Vec<&str>, Vec<&str>)> = plan
            .tasks
            .iter()
            .map(|t| (t.id.as_str(), names(&t.lead), names(&t.support)))
            .collect();
        assert_eq!(
            rows,
            [
                (
                    "II.2#1",
                    vec!["Sở Khoa học và Công nghệ"],
                    vec!["Sở Tài chính"]
                ),
                (
                    "II.2#2",
                    vec!["Sở Khoa học và Công nghệ"],
                    vec!["Sở Tài chính"]
                ),
                ("II.2", vec!["Sở Tài chính"], vec!["Sở Nội vụ"]),
                ("II.3#1", vec!["Sở Giáo dục và Đào tạo"], vec![]),
                ("II.3", vec!["Sở Nội vụ"], vec!["Sở Y tế"]),
            ]
        );
    }

    #[test]
    fn unnumbered_rows_continue_the_row_above() {
        let plan = crate::parse_text(
            "II. NHIỆM VỤ\n| TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |\n| 1 | Xây dựng kho dữ liệu dùng | Sở Thông tin và | Các sở, ban, ngành | Quý II/2024 |\n|  | chung của tỉnh | Truyền thông |  |  |\n| 2 | Quản lý hệ thống. | Sở Tài chính | Sở Nội vụ | Quý IV/2026 |\n|  | Sao lưu dữ liệu. | Sở Khoa học và Công nghệ | Sở Tài chính |  |\n",
        );
        let t = &plan.tasks;
        assert_eq!(t.len(), 2);
        assert_eq!(t[0].title, "Xây dựng kho dữ liệu dùng chung của tỉnh");
        let names =
            |a: &[crate::model::Agency]| a.iter().map(|x| x.name.clone()).collect::<Vec<_>>();
        assert_eq!(names(&t[0].lead), ["Sở Thông tin và Truyền thông"]);
        assert_eq!(
            names(&t[1].lead),
            ["Sở Tài chính", "Sở Khoa học và Công nghệ"]
        );
        assert_eq!(names(&t[1].support), ["Sở Nội vụ", "Sở Tài chính"]);
        assert!(t[1].text.contains("Sao lưu dữ liệu"));
    }

    /// Rows without outer bars are rows too; a row numbering the columns is furniture.
    #[test]
    fn rows_without_outer_bars() {
        assert!(is_row(
            "1 | Tổ chức quán triệt | Sở Tư pháp | Các sở | Quý II/2026 | "
        ));
        assert!(is_row(
            "TT | Tên nhiệm vụ | Sở, ngành chủ trì tham mưu | Thời gian"
        ));
        assert!(!is_row("Ghi chú: A | B"));
        assert!(!is_row("a|b|c|d"));
        let plan = crate::parse_text(
            "II. NHIỆM VỤ
TT | Tên nhiệm vụ | Sở, ngành chủ trì tham mưu | Đơn vị phối hợp thực hiện | Thời gian thực hiện | Ghi chú
 | (1) | (2) | (3) | (4) | (5)
1 | Rà soát quy hoạch khoáng sản. | Sở Nông nghiệp và Môi trường | Các sở, ngành liên quan | Trong năm 2026 | 
2 | Kiểm tra thiết kế mỏ. | Sở Công Thương; Sở Xây dựng | Các địa phương liên quan | Thường xuyên | 
",
        );
        let rows: Vec<(&str, usize, usize)> = plan
            .tasks
            .iter()
            .map(|t| (t.id.as_str(), t.lead.len(), t.support.len()))
            .collect();
        assert_eq!(rows, [("II.1", 1, 1), ("II.2", 2, 1)]);
        assert_eq!(
            plan.tasks[0].deadline.as_ref().and_then(|d| d.due),
            chrono::NaiveDate::from_ymd_opt(2026, 12, 31)
        );
        let c = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert!(is_column_numbers(&c(&["(1)", "(2)", "(3)", "(4)"])));
        assert!(is_column_numbers(&c(&["", "1", "2", "3"])));
        assert!(!is_column_numbers(&c(&["1", "Rà soát", "Sở Y tế", "2026"])));
        assert!(!is_column_numbers(&c(&["(1)", "(3)", "(2)"])));
    }

    #[test]
    fn rows_become_items_with_fields() {
        let text = "| TT | Tên nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Kết quả | Thời gian hoàn thành |\n|---|---|---|---|---|---|\n| **I.** | Nâng cao nhận thức | | | | |\n| 1 | Xây dựng chương trình | Bộ Nội vụ | Các bộ, ngành | Đề án | 6/2025 |\n";
        let lines = classify(&normalize(text));
        let refs: Vec<&Line> = lines.iter().collect();
        let b = blocks(&refs, &[], &mut OpenTable::default()).unwrap();
        let kinds: Vec<String> = b
            .iter()
            .map(|b| match &b.kind {
                LineKind::Label { label, .. } => format!("label {:?} {}", label.level, b.body()),
                LineKind::Field { role, .. } => format!("field {role:?} {}", b.body()),
                LineKind::Furniture => "furniture".into(),
                k => format!("{k:?}"),
            })
            .collect();
        assert_eq!(
            kinds,
            vec![
                "furniture",
                "furniture",
                &format!("label {:?} Nâng cao nhận thức", Level::Roman),
                &format!("label {:?} Xây dựng chương trình", Level::Decimal(1)),
                "field Lead Bộ Nội vụ",
                "field Support Các bộ, ngành",
                "field Other Đề án",
                "field Deadline 6/2025",
            ]
        );
    }

    #[test]
    fn a_table_broken_by_a_page_keeps_its_header() {
        let header = "| TT | Tên nhiệm vụ | Cơ quan chủ trì | Thời gian hoàn thành |\n";
        // The header repeated at the top of the next page, in the same run of rows.
        let first = format!(
            "{header}| 1 | Rà soát | Sở Tư pháp | 2025 |\n{header}| 2 | Cập nhật | Công an tỉnh | Quý I/2025 |\n"
        );
        // After a row spanning all columns: no header.
        let second = "| 3 | Báo cáo | Sở Nội vụ | 6/2025 |\n";
        let mut open = OpenTable::default();
        let kinds = |text: &str, open: &mut OpenTable| {
            let lines = classify(&normalize(text));
            let refs: Vec<&Line> = lines.iter().collect();
            blocks(&refs, &[], open).map(|b| {
                b.iter()
                    .map(|b| match &b.kind {
                        LineKind::Label { .. } => format!("label {}", b.text),
                        LineKind::Field { role, .. } => format!("{role:?} {}", b.body()),
                        LineKind::Furniture => "furniture".into(),
                        k => format!("{k:?}"),
                    })
                    .collect::<Vec<_>>()
            })
        };
        // Without a header seen before, the continuation is not a task table.
        assert!(kinds(second, &mut OpenTable::default()).is_none());
        assert_eq!(
            kinds(&first, &mut open).unwrap(),
            vec![
                "furniture",
                "label 1. Rà soát",
                "Lead Sở Tư pháp",
                "Deadline 2025",
                "furniture",
                "label 2. Cập nhật",
                "Lead Công an tỉnh",
                "Deadline Quý I/2025",
            ]
        );
        assert_eq!(
            kinds(second, &mut open).unwrap(),
            vec!["label 3. Báo cáo", "Lead Sở Nội vụ", "Deadline 6/2025"]
        );
        // A table of another width does not inherit it.
        assert!(kinds("| a | b |\n| c | d |\n", &mut open).is_none());
    }

    #[test]
    fn tables_without_task_columns_are_prose() {
        let text = "| Chỉ tiêu | 2023 | 2024 |\n|---|---|---|\n| Hồ sơ trực tuyến | 50% | 80% |";
        let lines = classify(&normalize(text));
        let refs: Vec<&Line> = lines.iter().collect();
        assert!(blocks(&refs, &[], &mut OpenTable::default()).is_none());
    }
}
