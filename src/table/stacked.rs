//! Task tables printed one cell per line: what PDF text layers, copied tables and
//! document converters make of a table whose rules are lost.
//!
//! ```text
//! TT                      ← the header: one heading per line (or a pipe row),
//! Nội dung hoạt động        a heading may wrap over up to three lines
//! Cơ quan chủ trì
//! Thời gian thực hiện
//! 1                       ← a row starts at its number, alone on its line
//! Tổ chức hội nghị …        the cells follow in column order; empty cells are
//! Cục Lâm nghiệp …          simply missing, and a cell may wrap over several lines
//! Quý III/2026
//! ```
//!
//! Rows are found by their numbers, which must follow each other (1, 2 or a), b) under
//! a number, I, II for groups), so a stray number in a cell or a page number does not
//! start a row. Inside a row, cells are told apart by how lines begin and end (a wrap
//! continues in lower case or after "và", ","), and then by what they hold: the task
//! first, agency lists in the agency columns, a deadline phrase in the deadline column.
//! Each row becomes the blocks a written-out item gives, as pipe tables do.

use super::{Column, cells, field_block, furniture, is_row, is_rule, names_assignment, row_label};
use crate::agency;
use crate::blocks::Block;
use crate::deadline::{is_deadline, parse_deadline};
use crate::fold::fold;
use crate::lexicon::{FieldRole, lexicon};
use crate::lines::{Line, LineKind, letter_ordinal, roman_to_int};

/// Whether a stacked table may start at `text`: its header's first heading, the number
/// column ("TT", "STT"), alone or in a pipe row.
pub fn may_start(text: &str) -> bool {
    // Most lines are ruled out by their length alone.
    is_row(text) || (text.len() <= 16 && lexicon().table_number.contains(&fold(text)))
}

/// The table whose header starts at `lines[at]`: its blocks and the index of the first
/// line after it. None unless a header naming the number column, the task column and
/// a lead, support or deadline column is followed by at least one numbered row with
/// its cells on their own lines.
pub fn read(lines: &[Line], pages: &[Option<u32>], at: usize) -> Option<(Vec<Block>, usize)> {
    let header = read_header(lines, at)?;
    let page_of = |i: usize| pages.get(i).copied().flatten();
    let mut out: Vec<Block> = header
        .lines
        .iter()
        .map(|&i| furniture(&lines[i], page_of(i)))
        .collect();
    let deadline_last = matches!(
        header.columns.last(),
        Some(Column::Field(FieldRole::Deadline, _))
    );
    let mut numbering = Numbering::default();
    let mut inline_groups = InlineGroups::default();
    let mut rows: Vec<Row> = Vec::new();
    let mut k = header.end;
    while k < lines.len() {
        let line = &lines[k];
        if line.kind == LineKind::Blank {
            k += 1;
            continue;
        }
        if let Some(number) = row_number(&line.text).filter(|n| numbering.accepts(n)) {
            numbering.push(&number);
            rows.push(Row {
                number: line.text.clone(),
                number_at: k,
                head: None,
                lines: Vec::new(),
                breaks: Vec::new(),
            });
            k += 1;
            continue;
        }
        // A numbered point of the row's agency cell, whatever the numbering allows.
        if let Some(row) = rows.last_mut()
            && numbered_agency_point(line, row, lines, &header.columns)
        {
            row.lines.push(k);
            k += 1;
            continue;
        }
        // A row or group row whose text starts on the number's line.
        let inline = inline_row(lines, k, &numbering)
            .map(|(n, head)| (n, head, true))
            .or_else(|| {
                group_row(line).filter(|(n, head, marked)| {
                    numbering.accepts(n)
                        && (!marked || inline_groups.accepts(rows.is_empty(), head))
                })
            });
        if let Some((number, head, marked)) = inline {
            if matches!(number, RowNumber::Roman(_)) && marked {
                inline_groups.push(head);
            }
            numbering.push(&number);
            rows.push(Row {
                number: line.text[..line.text.len() - head.len()].to_owned(),
                number_at: k,
                head: Some(head.to_owned()),
                lines: Vec::new(),
                breaks: Vec::new(),
            });
            k += 1;
            continue;
        }
        let Some(row) = rows.last_mut() else {
            // Something other than a row right after the header: not a stacked table.
            return None;
        };
        let prev = row.lines.last().map_or("", |&i| lines[i].text.as_str());
        if ends_table(line, prev, deadline_last) {
            break;
        }
        // The header repeated at the top of the next page.
        if may_start(&line.text)
            && let Some(again) = read_header(lines, k).filter(|h| h.columns == header.columns)
        {
            out.extend(
                again
                    .lines
                    .iter()
                    .map(|&i| furniture(&lines[i], page_of(i))),
            );
            row.breaks.push(row.lines.len());
            k = again.end;
            continue;
        }
        if matches!(line.kind, LineKind::PageNumber | LineKind::Furniture) {
            // Page furniture between a row's lines (a page break inside the row).
            row.breaks.push(row.lines.len());
            out.push(Block {
                kind: line.kind.clone(),
                text: line.text.clone(),
                lines: vec![line.no],
                page: page_of(k),
                run_in: false,
            });
        } else {
            row.lines.push(k);
        }
        k += 1;
    }
    if rows.is_empty() {
        return None;
    }
    for row in &rows {
        out.extend(row_blocks(lines, &page_of, &header.columns, row));
    }
    // Blocks in line order, as the structure stage reads them.
    out.sort_by_key(Block::first_line);
    Some((out, k))
}

// ───────────────────────────── header ─────────────────────────────

struct Header {
    columns: Vec<Column>,
    /// Indices of the header's lines.
    lines: Vec<usize>,
    /// Index of the first line after the header.
    end: usize,
}

/// More headings than any task table has: a run of heading-like lines stops here, so
/// reading a header costs the same wherever it is tried.
const MAX_COLUMNS: usize = 16;

fn read_header(lines: &[Line], at: usize) -> Option<Header> {
    let mut columns = Vec::new();
    let mut used = Vec::new();
    let mut k = at;
    while columns.len() < MAX_COLUMNS {
        k = skip_blank(lines, k);
        let Some(line) = lines.get(k) else { break };
        if is_row(&line.text) {
            // A header typeset as a pipe row, with more headings on lines after it.
            let cs = cells(&line.text);
            if !is_rule(&cs) {
                let row: Option<Vec<Column>> = cs.iter().map(|c| heading(c)).collect();
                let Some(row) = row else { break };
                columns.extend(row);
            }
            used.push(k);
            k += 1;
            continue;
        }
        // One heading, wrapped over up to four lines ("Thời" / "gian" / "hoàn" /
        // "thành" in a narrow column): the longest reading that is one.
        let mut joined = String::new();
        let mut taken = Vec::new();
        let mut best = None;
        let mut j = k;
        for _ in 0..4 {
            j = skip_blank(lines, j);
            let Some(l) = lines.get(j).filter(|l| !is_row(&l.text)) else {
                break;
            };
            if !joined.is_empty() {
                joined.push(' ');
            }
            joined.push_str(&l.text);
            taken.push(j);
            j += 1;
            if let Some(c) = heading(&joined) {
                best = Some((c, taken.clone(), j));
            }
        }
        let Some((column, taken, next)) = best else {
            break;
        };
        columns.push(column);
        used.extend(taken);
        k = next;
    }
    let valid = columns.first() == Some(&Column::Number)
        && columns.get(1) == Some(&Column::Name)
        && names_assignment(&columns);
    valid.then_some(Header {
        columns,
        lines: used,
        end: k,
    })
}

/// The column a heading names. Whole headings only: a field line ("Cơ quan chủ trì: Sở
/// Y tế") or a sentence is not a heading.
fn heading(text: &str) -> Option<Column> {
    let lx = lexicon();
    let text = text.trim_matches(|c: char| c == '*' || c == ':' || c.is_whitespace());
    let f = fold(text);
    if lx.table_number.contains(&f) {
        Some(Column::Number)
    } else if lx.is_task_column(&f) {
        Some(Column::Name)
    } else if let Some(role) = lx.field_role_exact(text) {
        Some(Column::Field(role, text.to_owned()))
    } else if lx.is_other_column(&f) {
        Some(Column::Field(FieldRole::Other, text.to_owned()))
    } else {
        // A qualifier in brackets, often on a line of its own, says what the column
        // holds: "Đơn vị phối hợp" / "(Bộ/ngành/địa phương)". The words before it name it.
        let open = text
            .rfind('(')
            .filter(|&at| at > 0 && text.ends_with(')'))?;
        heading(&text[..open])
    }
}

fn skip_blank(lines: &[Line], mut k: usize) -> usize {
    while lines.get(k).is_some_and(|l| l.kind == LineKind::Blank) {
        k += 1;
    }
    k
}

// ───────────────────────────── rows ─────────────────────────────

struct Row {
    /// The number as printed ("1", "a)", "II").
    number: String,
    number_at: usize,
    /// The text printed after the number on its line: a group row's title, which spans
    /// the table's width and so is never cut into cells ("I. Đổi mới mạnh mẽ …").
    head: Option<String>,
    /// Indices of the row's other lines.
    lines: Vec<usize>,
    /// Positions in `lines` that a page break comes before.
    breaks: Vec<usize>,
}

/// Which numbered lines ("II. …") may be group rows printed on one line. Such a line
/// is also how the document's next section looks ("III. TỔ CHỨC THỰC HIỆN"), so the
/// table must open with one, and every one after it is written in the same case.
#[derive(Default)]
struct InlineGroups {
    /// Whether the first one's title is in capitals; None before the first.
    capitals: Option<bool>,
}

impl InlineGroups {
    fn accepts(&self, no_rows_yet: bool, head: &str) -> bool {
        match self.capitals {
            None => no_rows_yet,
            Some(caps) => caps == in_capitals(head),
        }
    }

    fn push(&mut self, head: &str) {
        self.capitals.get_or_insert(in_capitals(head));
    }
}

fn in_capitals(text: &str) -> bool {
    !text.chars().any(char::is_lowercase)
}

/// A row whose task starts on its number's line ("10. Xây dựng Luật …"): its number
/// and that text. The document's next item looks the same ("2. Tổ chức tập huấn …"),
/// so the row's own lines must show an agency cell (a line opening with an agency's
/// name) before anything that ends a row. Only a number that `numbering` accepts is
/// looked at further: the look ahead is the costly part.
fn inline_row<'a>(
    lines: &'a [Line],
    at: usize,
    numbering: &Numbering,
) -> Option<(RowNumber, &'a str)> {
    /// How far a wrapped task cell may run before its agency cell.
    const REACH: usize = 40;
    let line = &lines[at];
    let (number, head) = match &line.kind {
        LineKind::Label { label, body, .. } => {
            (row_number(&label.text)?, line.text[*body..].trim_start())
        }
        // A number with no mark after it, set apart from the task by spaces only ("7  Đề
        // án về chỉ số …"); only the row numbering tells it from a footnote ("1 Nghị
        // quyết số 66-NQ/TW …").
        LineKind::Prose => {
            let (number, head) = line.text.split_once(' ')?;
            let digits =
                (1..=3).contains(&number.len()) && number.bytes().all(|b| b.is_ascii_digit());
            if !digits || !head.starts_with(char::is_uppercase) {
                return None;
            }
            (row_number(number)?, head)
        }
        _ => return None,
    };
    if !matches!(number, RowNumber::Decimal(_)) || head.is_empty() || !numbering.accepts(&number) {
        return None;
    }
    let agency_cell = lines[at + 1..]
        .iter()
        .filter(|l| l.kind != LineKind::Blank)
        .take(REACH)
        // A task cell may list its points ("(1) Khẩn trương …"); a bullet is no cell.
        .take_while(|l| matches!(l.kind, LineKind::Prose | LineKind::Bullet { .. }))
        .any(|l| l.kind == LineKind::Prose && agency::opens_agency_list(&l.text));
    agency_cell.then_some((number, head))
}

/// A group row printed whole on one line ("I. Đổi mới …", "III Tiếp tục sắp xếp …"):
/// its number, its title, and whether the number has its mark. A numeral with no mark
/// is no section heading of the document ("III. TỔ CHỨC THỰC HIỆN"), so only the
/// numbering must allow it.
fn group_row(line: &Line) -> Option<(RowNumber, &str, bool)> {
    match &line.kind {
        LineKind::Label { label, body, .. } => {
            let head = line.text[*body..].trim_start();
            (label.level == crate::lines::Level::Roman && !head.is_empty()).then_some((
                RowNumber::Roman(label.ordinal),
                head,
                true,
            ))
        }
        LineKind::Prose => {
            let (number, head) = line.text.split_once(' ')?;
            let head = head.trim_start();
            let r = roman_to_int(number)?;
            head.starts_with(char::is_uppercase)
                .then_some((RowNumber::Roman(r), head, false))
        }
        _ => None,
    }
}

/// A row number alone on its line.
#[derive(Debug, Clone, PartialEq, Eq)]
enum RowNumber {
    /// "I", "II": a group row.
    Roman(u32),
    /// "1", "2.", "1.2".
    Decimal(Vec<u32>),
    /// "a)", "b.".
    Letter(u32),
}

fn row_number(text: &str) -> Option<RowNumber> {
    let t = text.trim().trim_end_matches(['.', ')']);
    if t.is_empty() || t.len() > 12 {
        return None;
    }
    if t.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        let parts: Option<Vec<u32>> = t.split('.').map(|p| p.parse().ok()).collect();
        return parts.filter(|p| p.len() <= 3).map(RowNumber::Decimal);
    }
    if let Some(n) = roman_to_int(t) {
        return Some(RowNumber::Roman(n));
    }
    // A letter needs its ")" or "." ("a)", "đ."): a bare letter may be a word.
    let mut chars = t.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if c.is_lowercase() && text.trim().len() > t.len() => {
            letter_ordinal(c).map(RowNumber::Letter)
        }
        _ => None,
    }
}

/// Which row numbers may come next: the next sibling at any open level, or the first
/// child of the last row. Numbers may run on across groups (II starts at 14).
#[derive(Default)]
struct Numbering {
    roman: u32,
    /// The last decimal number and whether a group row came after it.
    decimal: Vec<u32>,
    group_since_decimal: bool,
    letter: Option<u32>,
}

impl Numbering {
    fn accepts(&self, n: &RowNumber) -> bool {
        match n {
            RowNumber::Roman(r) => *r == self.roman + 1,
            RowNumber::Decimal(d) => match (d.as_slice(), self.decimal.as_slice()) {
                ([n], []) => *n == 1,
                ([n], [last, ..]) => *n == last + 1 || (*n == 1 && self.group_since_decimal),
                ([top, sub], [last]) => top == last && *sub == 1,
                ([top, sub], [last, last_sub]) => {
                    (top == last && *sub == last_sub + 1) || (*top == last + 1 && *sub == 1)
                }
                _ => false,
            },
            RowNumber::Letter(l) => match self.letter {
                None => *l == 1 && !self.decimal.is_empty(),
                Some(last) => *l == last + 1,
            },
        }
    }

    fn push(&mut self, n: &RowNumber) {
        match n {
            RowNumber::Roman(r) => {
                self.roman = *r;
                self.group_since_decimal = true;
                self.letter = None;
            }
            RowNumber::Decimal(d) => {
                self.decimal.clone_from(d);
                self.group_since_decimal = false;
                self.letter = None;
            }
            RowNumber::Letter(l) => self.letter = Some(*l),
        }
    }
}

/// Lines that end a table: the document goes on with a numbered item that is not the
/// next row ("2. Tổ chức tập huấn …", "IV. TỔ CHỨC THỰC HIỆN", "Điều 2."), a field
/// line, a closing paragraph ("Trên đây là …"), the recipients or signature, another
/// document, or a bullet right after a row's deadline cell (`prev`) when the deadline
/// is the last column.
fn ends_table(line: &Line, prev: &str, deadline_last: bool) -> bool {
    let lx = lexicon();
    match &line.kind {
        LineKind::Field { .. } => true,
        // Lettered points ("a) Báo Quảng Nam") may stand inside a cell.
        LineKind::Label { label, body, .. } => {
            label.level != crate::lines::Level::Letter && !line.text[*body..].trim().is_empty()
        }
        // After the deadline cell, when no column follows it.
        LineKind::Bullet { .. } => deadline_last && deadline_like(prev),
        _ => {
            lx.type_line(&line.text)
                .is_some_and(|t| t.opens_document(&line.text))
                || lx.opens_tail(&line.text)
                // A closing paragraph opens in capitals; in lower case the words go on
                // a cell ("…, vướng mắc trong" / "quá trình thực hiện …").
                || (line.text.starts_with(char::is_uppercase)
                    && lx.text_starts_with_any(&line.text, &lx.closing_openers))
        }
    }
}

/// A numbered point of an agency cell ("1. Bộ Tài chính đối với …" / "2. Bộ KHCN đối
/// với …", who leads which part of the row's work): the next point after one of the
/// row's, or a first point that opens with an agency before the row's deadline cell.
/// Where the deadline column comes before the agencies ("TT | Nhiệm vụ | Thời hạn |
/// Chủ trì | Phối hợp"), the agency cells follow the deadline cell, and a first point
/// there may open with its topic ("1. Về phát triển công nghiệp quốc" / "gia: Bộ Công
/// Thương chủ trì."). (After a row's last cell, such a line is the document's next item.)
fn numbered_agency_point(line: &Line, row: &Row, lines: &[Line], columns: &[Column]) -> bool {
    if !matches!(line.kind, LineKind::Label { .. }) {
        return false;
    }
    let Some((n, _)) = point(&line.text) else {
        return false;
    };
    let last_point = row
        .lines
        .iter()
        .rev()
        .map(|&i| &lines[i])
        .filter(|l| matches!(l.kind, LineKind::Label { .. }))
        .find_map(|l| point(&l.text).map(|(n, _)| n));
    if n > 1 && last_point == Some(n - 1) {
        return true;
    }
    // The task cell may hold years ("giai đoạn 2026 - 2030"): only later cells count.
    // (Splitting the row is the costly part, so it is done last.)
    let dated = || {
        let row_lines: Vec<&Line> = row.lines.iter().map(|&i| &lines[i]).collect();
        split_cells(&row_lines, &row.breaks)
            .iter()
            .skip(usize::from(row.head.is_none()))
            .any(|c| deadline_like(&c.text))
    };
    let position = |f: &dyn Fn(&Column) -> bool| columns.iter().rposition(f);
    let deadline_first = position(&|c| matches!(c, Column::Field(FieldRole::Deadline, _)))
        < position(&|c| matches!(c, Column::Field(FieldRole::Lead | FieldRole::Support, _)));
    if opens_numbered_agency(&line.text) {
        deadline_first || !dated()
    } else {
        n == 1 && deadline_first && dated()
    }
}

/// A point's number and text ("1. Bộ Tài chính …", "2) …"; up to two digits).
fn point(text: &str) -> Option<(u32, &str)> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=2).contains(&digits) || !text[digits..].starts_with(['.', ')']) {
        return None;
    }
    Some((
        text[..digits].parse().ok()?,
        text[digits + 1..].trim_start(),
    ))
}

/// A line that opens with a point's number and an agency: "1. Bộ Tài chính đối với …".
fn opens_numbered_agency(text: &str) -> bool {
    point(text).is_some_and(|(_, body)| agency::opens_agency_list(body))
}

// ───────────────────────────── cells ─────────────────────────────

#[derive(Debug, Clone)]
struct Cell {
    text: String,
    lines: Vec<u32>,
}

/// The blocks of one row: its label block (number and task) and a field block per
/// filled column.
fn row_blocks(
    lines: &[Line],
    page_of: &dyn Fn(usize) -> Option<u32>,
    columns: &[Column],
    row: &Row,
) -> Vec<Block> {
    let page = page_of(row.number_at);
    let row_lines: Vec<&Line> = row.lines.iter().map(|&i| &lines[i]).collect();
    let by_lines = split_cells(&row_lines, &row.breaks);
    let mut cells = blank_separated(lines, &row.lines, columns)
        .filter(|by_blanks| !refines(&by_lines, by_blanks, columns))
        .unwrap_or(by_lines);
    if let Some(head) = &row.head {
        // The title goes on in the lines below it only as a wrap ("… sức khoẻ" /
        // "nhân dân").
        let mut title = Cell {
            text: head.clone(),
            lines: Vec::new(),
        };
        if cells
            .first()
            .is_some_and(|c| !starts_cell(&title.text, &c.text))
        {
            append(&mut title, cells.remove(0));
        }
        cells.insert(0, title);
    }
    let mut filled = assign(cells, columns);
    let name = filled
        .iter()
        .position(|(c, _)| *c == Column::Name)
        .map(|k| filled.remove(k).1);
    let (name_text, mut name_lines) =
        name.map_or((String::new(), Vec::new()), |c| (c.text, c.lines));
    // Cells under columns that name no field (a second task column, an unknown one) go
    // on with the task's text: nothing of the row is left out.
    let (fields, others): (Vec<_>, Vec<_>) = filled
        .into_iter()
        .partition(|(c, _)| matches!(c, Column::Field(..)));
    let mut name_text = name_text;
    for (_, cell) in others {
        if !name_text.is_empty() {
            name_text.push(' ');
        }
        name_text.push_str(&cell.text);
        name_lines.extend(cell.lines);
    }
    name_lines.sort_unstable();
    name_lines.dedup();
    let (text, kind) = row_label(&row.number, &name_text);
    let kind = kind.unwrap_or(LineKind::Prose);
    name_lines.insert(0, lines[row.number_at].no);
    let mut out = vec![Block {
        kind,
        text,
        lines: name_lines,
        page,
        run_in: false,
    }];
    for (column, cell) in fields {
        let Column::Field(role, head) = column else {
            continue;
        };
        out.push(field_block(role, &head, &cell.text, cell.lines, page));
    }
    out
}

/// A row whose cells are separated by blank lines, as `pdftotext` prints a table's
/// narrow columns ("Bộ" / "Khoa" / "học và" / "" / "Ban" / "Tuyên" …): the cells, when
/// some cell spans several lines and there are no more cells than columns. Text where
/// every line stands alone between blank lines says nothing this way.
fn blank_separated(lines: &[Line], row: &[usize], columns: &[Column]) -> Option<Vec<Cell>> {
    let mut cells: Vec<Cell> = Vec::new();
    let mut last: Option<usize> = None;
    for &i in row {
        let line = &lines[i];
        match (last, cells.last_mut()) {
            (Some(prev), Some(cell)) if prev + 1 == i => {
                cell.text.push(' ');
                cell.text.push_str(line.text.trim());
                cell.lines.push(line.no);
            }
            _ => cells.push(Cell {
                text: line.text.trim().to_owned(),
                lines: vec![line.no],
            }),
        }
        last = Some(i);
    }
    let wrapped = cells.iter().any(|c| c.lines.len() > 1);
    // At least three cells: one stray blank line splits a row in two, no more.
    let fits = cells.len() >= 3 && cells.len() < columns.len();
    // Every blank must stand where a cell may start: not inside a wrap ("Sở Thông tin
    // và" / "" / "Truyền thông").
    let boundaries = cells
        .windows(2)
        .all(|w| starts_cell(&w[0].text, &w[1].text));
    (wrapped && fits && boundaries).then_some(cells)
}

/// Whether the cells read line by line (`by_lines`) split every cell read between blank
/// lines (`by_blanks`) further and still fit the columns: then the blanks were stray
/// ("Công nghệ" / "" / "Các bộ, ngành có" in one row, none between its other cells) and
/// the lines tell the cells apart.
fn refines(by_lines: &[Cell], by_blanks: &[Cell], columns: &[Column]) -> bool {
    let starts = |cells: &[Cell]| -> Vec<u32> { cells.iter().map(|c| c.lines[0]).collect() };
    let (fine, coarse) = (starts(by_lines), starts(by_blanks));
    fine.len() > coarse.len()
        && fine.len() < columns.len()
        && coarse.iter().all(|line| fine.contains(line))
}

/// Group a row's lines into cells: a line continues the cell above it when it opens in
/// lower case or with punctuation, or the line above ends with a joining word or mark
/// ("Sở Thông tin và" / "Truyền thông"). A deadline that a further line would turn into
/// prose is a cell of its own ("Quý IV/2026" / "kết quả giảm phát thải …"). `breaks`:
/// positions in `lines` that a page break comes before.
fn split_cells(lines: &[&Line], breaks: &[usize]) -> Vec<Cell> {
    let mut cells: Vec<Cell> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let (text, second) = two_cells(line.text.trim(), cells.last().map(|c| c.text.as_str()));
        let after_break = breaks.contains(&i);
        let joined = cells.last().and_then(|c| {
            let continues =
                !starts_cell(&c.text, text) && !deadline_ends(&c.text, text, after_break);
            continues.then_some(())
        });
        match (joined, cells.last_mut()) {
            // The next numbered point of an agency cell: a list of its own ("1. Bộ Tài
            // chính …" / "2. Bộ KHCN …" → "…; Bộ KHCN …").
            (Some(()), Some(cell)) if opens_numbered_agency(text) => {
                let body = point(text).map_or(text, |(_, body)| body);
                cell.text
                    .truncate(cell.text.trim_end_matches(['.', ' ']).len());
                cell.text.push_str("; ");
                cell.text.push_str(body);
                cell.lines.push(line.no);
            }
            (Some(()), Some(cell)) => {
                cell.text.push(' ');
                cell.text.push_str(text);
                cell.lines.push(line.no);
            }
            _ => cells.push(Cell {
                text: text.to_owned(),
                lines: vec![line.no],
            }),
        }
        if let Some(second) = second {
            cells.push(Cell {
                text: second.to_owned(),
                lines: vec![line.no],
            });
        }
    }
    cells
}

/// A line that holds the end of one agency cell and the start of the next, which a
/// narrow layout set side by side: "Bộ Xây dựng Các bộ, ngành, các" (a known name, then
/// a capitalised list), "cơ quan ngang bộ Bộ Tư pháp" (the end of a collective "Các bộ,"
/// / …, then a name). The left part may end the cell above (`above`). Both cells keep
/// the line.
fn two_cells<'a>(text: &'a str, above: Option<&str>) -> (&'a str, Option<&'a str>) {
    // A whole agency: a known name, or a collective quantified with "các".
    let whole =
        |t: &str| agency::is_known_name(t) || (agency::opens_quantified(t) && agency_like(t));
    for (at, _) in text.match_indices(' ') {
        let right = &text[at + 1..];
        if !right.starts_with(char::is_uppercase) || !agency::opens_agency_list(right) {
            continue;
        }
        // A list goes on after its comma or joining word: one cell.
        let left = text[..at].trim_end();
        if !left.is_empty()
            && !ends_joined(left)
            && (whole(left) || above.is_some_and(|a| whole(&format!("{a} {left}"))))
        {
            return (left, Some(right));
        }
    }
    (text, None)
}

/// Whether a deadline cell ends before `next`, a line in lower case: it goes on only
/// after a joining word or mark ("Quý IV/2024 và" / "các năm tiếp theo"), before one
/// ("Năm 2026" / "và các năm tiếp theo"), with more deadline words ("Quý IV/2024" /
/// "hằng năm") or a bracket that qualifies it ("Thường xuyên" / "(hoặc theo yêu cầu
/// …)"), which goes on to its closing mark. A
/// bracket after a page break is the rest of another cell ("Giai đoạn 2026 - 2030" /
/// page break / "(UAV), mô hình …", the task's words).
fn deadline_ends(cell: &str, next: &str, after_break: bool) -> bool {
    // The cheap tests first: the phrase tests fold and scan.
    (after_break || !next.starts_with('('))
        && cell.matches('(').count() <= cell.matches(')').count()
        && !ends_joined(cell)
        && !opens_joined(next)
        && deadline_like(cell)
        && !is_deadline(next)
        && !completes_deadline(cell, next)
}

/// Whether `next` completes a deadline word that ends `cell` ("… và thực hiện thường" /
/// "xuyên"): with it, the cell says more than without.
fn completes_deadline(cell: &str, next: &str) -> bool {
    let before = parse_deadline(cell, None).deadline;
    let after = parse_deadline(&format!("{cell} {next}"), None).deadline;
    after.ongoing != before.ongoing || after.recurrence != before.recurrence
}

/// A line that ends with a joining mark or word, so the next line continues it.
pub(crate) fn ends_joined(text: &str) -> bool {
    text.ends_with([',', ';', '-', '–', '(', '/', '&']) || ends_on_joining_word(text)
}

/// A line whose first word joins it to the line above ("và các năm tiếp theo"; `[table]
/// continuers` in `grammar/labels.toml`).
fn opens_joined(text: &str) -> bool {
    let first = text.split(' ').next().filter(|w| w.len() <= 8).map(fold);
    first.is_some_and(|w| lexicon().table_continuers.contains(&w))
}

/// A line whose last word joins it to the next ("của", "và", "với"; `[table] joiners`
/// in `grammar/labels.toml`): it was cut mid-phrase.
pub(crate) fn ends_on_joining_word(text: &str) -> bool {
    let lx = lexicon();
    let mut words = text.trim_end().rsplit(' ');
    let last_word = words.next().map(fold).unwrap_or_default();
    if !lx.table_joiners.contains(&last_word) {
        return false;
    }
    // "… về nhà ở": the joining word ends a noun.
    let last_two = words.next().map(|w| format!("{} {last_word}", fold(w)));
    !last_two.is_some_and(|two| lx.table_joiner_nouns.contains(&two))
}

fn starts_cell(prev: &str, next: &str) -> bool {
    let Some(first) = next.chars().next() else {
        return false;
    };
    // A colon introduces the rest of its cell ("Các Bộ:" / "NN&MT, Xây dựng, …").
    if ends_joined(prev) || prev.ends_with(':') || crate::deadline::cut_inside_date(prev, next) {
        return false;
    }
    if first.is_ascii_digit() {
        // A cell of numbered points goes on with its next point.
        return deadline_like(next)
            || (opens_numbered_agency(next) && !opens_numbered_agency(prev));
    }
    // "Bộ" / "Nội vụ": a cell cut a word per line, inside an agency's name. (Only a
    // capital says anything here, so the name is looked for only then.)
    (first.is_uppercase() && !agency::continues_cut_name(prev, next))
        || next.starts_with(['-', '+', '•'])
}

/// A cell that is a deadline: short, and a deadline phrase is recognised in it.
fn deadline_like(text: &str) -> bool {
    text.chars().count() <= 80 && is_deadline(text) && !agency_like(text)
}

fn agency_like(text: &str) -> bool {
    agency::opens_with_agency(text)
}

/// Give each cell its column. The first cell is the task; the last deadline-like cell
/// is the deadline; the cells between fill the agency and other columns in order, an
/// agency column taking only an agency list (empty cells leave no line). Cells beyond
/// the last column are the rest of a row that a page break cut: each continues the
/// first cell, in column order, that was left unfinished.
fn assign(cells: Vec<Cell>, columns: &[Column]) -> Vec<(Column, Cell)> {
    let mut cells = cells.into_iter().collect::<std::collections::VecDeque<_>>();
    let cols: Vec<&Column> = columns.iter().filter(|c| **c != Column::Number).collect();
    let mut out: Vec<(Column, Cell)> = Vec::new();
    let Some(first) = cells.pop_front() else {
        return out;
    };
    let deadline_col = cols
        .iter()
        .position(|c| matches!(c, Column::Field(FieldRole::Deadline, _)));
    let deadline_at = deadline_col.and_then(|_| {
        (0..cells.len())
            .rev()
            .find(|&i| deadline_like(&cells[i].text))
    });
    let (mut middle, mut tail): (Vec<Cell>, Vec<Cell>) = match deadline_at {
        Some(d) => {
            let tail = cells.split_off(d);
            (cells.into(), tail.into())
        }
        None => (cells.into(), Vec::new()),
    };
    let mut name = first;
    let middle_cols: &[&Column] = match deadline_col {
        Some(d) => &cols[..d],
        None => &cols,
    };
    // Text after the task that is neither agencies nor a deadline continues the task
    // (a capitalised word at a wrap: "… thực hiện" / "Nghị quyết số 57 …"), unless a
    // column that takes such text comes first or the task ended with its full stop.
    let agency_next = matches!(
        middle_cols.get(1),
        Some(Column::Field(FieldRole::Lead | FieldRole::Support, _))
    );
    if agency_next {
        while !name.text.ends_with('.') && middle.first().is_some_and(|c| !agency_like(&c.text)) {
            let c = middle.remove(0);
            append(&mut name, c);
        }
    }
    out.push((Column::Name, name));
    let is_agency_col =
        |c: &Column| matches!(c, Column::Field(FieldRole::Lead | FieldRole::Support, _));
    let mut middle: std::collections::VecDeque<Cell> = middle.into();
    for (k, col) in middle_cols.iter().enumerate().skip(1) {
        let Some(cell) = middle.front() else { break };
        let agency_cols_left = middle_cols[k + 1..].iter().any(|c| is_agency_col(c));
        let takes = if is_agency_col(col) {
            agency_like(&cell.text)
        } else {
            !agency_like(&cell.text) || !agency_cols_left
        };
        if !takes {
            continue;
        }
        let mut cell = middle.pop_front().expect("peeked");
        // An agency cell of two paragraphs ("Bộ Khoa học và Công nghệ" / "Cơ quan, tổ
        // chức và doanh nghiệp liên quan"): with more cells left than columns, the next
        // agency list is the same cell's, unless an agency column follows to take it.
        let cols_left = middle_cols.len() - k - 1;
        let next_takes_agencies = middle_cols.get(k + 1).is_some_and(|c| is_agency_col(c));
        while is_agency_col(col)
            && !next_takes_agencies
            && middle.len() > cols_left
            && middle.front().is_some_and(|c| agency_like(&c.text))
        {
            let more = middle.pop_front().expect("checked");
            cell.text.push_str("; ");
            cell.text.push_str(&more.text);
            cell.lines.extend(more.lines);
        }
        out.push(((*col).clone(), cell));
    }
    let mut leftovers: Vec<Cell> = middle.into();
    if let Some(d) = deadline_col {
        let mut tail = tail.drain(..);
        for col in &cols[d..] {
            match tail.next() {
                Some(cell) => out.push(((*col).clone(), cell)),
                None => break,
            }
        }
        leftovers.extend(tail);
    }
    continue_cut_row(&mut out, leftovers);
    out
}

/// The cells of a row that a page break cut: each continues the first cell, in column
/// order from the task, that was left unfinished (a task without its full stop, an
/// agency list ending in a bare head word or a joining mark); else the cell printed
/// just above it.
fn continue_cut_row(out: &mut [(Column, Cell)], leftovers: Vec<Cell>) {
    // Where each cell ended before any piece was added: after a page break the pieces
    // follow one another, and only the row's own cells tell what stood above a piece.
    let ends: Vec<Option<u32>> = out.iter().map(|(_, c)| c.lines.last().copied()).collect();
    let mut cursor = 0;
    for cell in leftovers {
        let open = (cursor..out.len()).find(|&k| {
            let text = &out[k].1.text;
            match &out[k].0 {
                Column::Name => !text.trim_end().ends_with(['.', ';']),
                // A name cut after its head ("…, Sở"); a collective ending in one ("Các
                // bộ, cơ quan ngang bộ") is whole.
                Column::Field(FieldRole::Lead | FieldRole::Support, _) => {
                    agency::ends_on_capital_head(text) || text.ends_with([',', ';', '-'])
                }
                _ => false,
            }
        });
        let k = match open {
            Some(k) => {
                cursor = k + 1;
                k
            }
            // Else the cell printed just above it goes on ("Đề xuất xây dựng" / "Luật"
            // before the deadline cell), or the last one.
            None => cell
                .lines
                .first()
                .and_then(|&first| {
                    (0..out.len())
                        .filter(|&k| ends[k].is_some_and(|l| l < first))
                        .max_by_key(|&k| ends[k])
                })
                .unwrap_or(out.len() - 1),
        };
        append(&mut out[k].1, cell);
    }
}

fn append(to: &mut Cell, cell: Cell) {
    to.text.push(' ');
    to.text.push_str(&cell.text);
    to.lines.extend(cell.lines);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::classify;
    use crate::normalize::normalize;

    /// The blocks read from `text` (a table from its first line), one string each, and
    /// a check that every non-blank line of the table is in exactly one block.
    fn read_text(text: &str) -> Option<(Vec<String>, usize)> {
        let lines = classify(&normalize(text));
        let (blocks, end) = read(&lines, &[], 0)?;
        let mut owned: Vec<u32> = blocks.iter().flat_map(|b| b.lines.clone()).collect();
        owned.sort_unstable();
        // Two cells set side by side on one line both keep it (one row owns them).
        owned.dedup();
        let expected: Vec<u32> = lines[..end]
            .iter()
            .filter(|l| l.kind != LineKind::Blank)
            .map(|l| l.no)
            .collect();
        assert_eq!(owned, expected, "every table line in one block");
        let shown = blocks
            .iter()
            .filter(|b| b.kind != LineKind::Furniture)
            .map(|b| match &b.kind {
                LineKind::Label { .. } => format!("item {}", b.text),
                LineKind::Field { role, .. } => format!("{role:?}: {}", b.body()),
                k => format!("{k:?} {}", b.text),
            })
            .collect();
        Some((shown, end))
    }

    fn rows(text: &str) -> Vec<String> {
        read_text(text).expect("a stacked table").0
    }

    #[test]
    fn one_cell_per_line() {
        let text = "TT\nNhiệm vụ\nCơ quan chủ trì\nCơ quan phối hợp\nThời gian hoàn thành\n\
            1\nXây dựng kho dữ liệu dùng chung\nSở Thông tin và Truyền thông\nCác sở, ban, ngành\nQuý II/2024\n\
            2\nTriển khai nền tảng họp trực tuyến\nVăn phòng UBND tỉnh\nTháng 9/2024\n";
        assert_eq!(
            rows(text),
            vec![
                "item 1. Xây dựng kho dữ liệu dùng chung",
                "Lead: Sở Thông tin và Truyền thông",
                "Support: Các sở, ban, ngành",
                "Deadline: Quý II/2024",
                // An empty support cell leaves no line.
                "item 2. Triển khai nền tảng họp trực tuyến",
                "Lead: Văn phòng UBND tỉnh",
                "Deadline: Tháng 9/2024",
            ]
        );
    }

    /// A gazette's narrow columns, cut a word per line: a head word ("Bộ") goes on with
    /// the next line, capitalised or not, unless that line opens another agency.
    /// A column heading with a qualifier in brackets on a line of its own, and a row
    /// with two stray blank lines that fall between some of its cells only: the lines,
    /// not the blanks, tell its cells apart.
    #[test]
    fn qualified_heading_and_stray_blanks() {
        let text = "STT\nNhiệm vụ\nCơ quan chủ trì\nĐơn vị phối hợp\n(Bộ/ngành/địa phương)\nCấp phê duyệt\nTiến độ\nthực hiện\n\
            1\nXây dựng Thông tư quy định về\nđào tạo an toàn bức xạ (thay thế Thông tư\n34/2014/TT-BKHCN)\n\
            Bộ Khoa học và\nCông nghệ\n\nCác bộ, ngành có\nliên quan\nBộ trưởng Bộ\nKhoa học và\nCông nghệ\n\n2026\n";
        assert_eq!(
            rows(text),
            vec![
                "item 1. Xây dựng Thông tư quy định về đào tạo an toàn bức xạ (thay thế Thông tư 34/2014/TT-BKHCN)",
                "Lead: Bộ Khoa học và Công nghệ",
                "Support: Các bộ, ngành có liên quan",
                "Other: Bộ trưởng Bộ Khoa học và Công nghệ",
                "Deadline: 2026",
            ]
        );
    }

    #[test]
    fn cells_cut_a_word_per_line() {
        let text = "TT\nTên nhiệm vụ\nCơ quan\nchủ trì\nCơ\nquan\nphối hợp\nKết quả/Đánh giá\nThời\nhạn\nhoàn thành\n\
            1.\nNghiên cứu, đề xuất xây dựng văn bản quy phạm\npháp luật về tổ chức phi chính phủ.\n\
            Bộ\nNội\nvụ,\nBộ\nNgoại\ngiao\nBộ\nCông an,\nBộ\nTài\nchính, các\nBộ,\nngành\nĐề xuất xây dựng\nLuật\nNăm 2026 –\n2030\n\
            2.\nTổng kết thi hành Nghị định.\nViện Khoa học pháp lý, Cục\nVụ Pháp chế\nNghị định\nNăm 2026\n\
            3.\nThanh tra việc thi hành.\nBộ Nội vụ\nThanh\ntra\nChính phủ,\nBộ Công an\nKết luận\nNăm 2027\n";
        assert_eq!(
            rows(text),
            vec![
                "item 1. Nghiên cứu, đề xuất xây dựng văn bản quy phạm pháp luật về tổ chức phi chính phủ.",
                "Lead: Bộ Nội vụ, Bộ Ngoại giao",
                "Support: Bộ Công an, Bộ Tài chính, các Bộ, ngành",
                "Other: Đề xuất xây dựng Luật",
                "Deadline: Năm 2026 – 2030",
                // "Cục" / "Vụ Pháp chế": a new agency, not the rest of the name.
                "item 2. Tổng kết thi hành Nghị định.",
                "Lead: Viện Khoa học pháp lý, Cục",
                "Support: Vụ Pháp chế",
                "Other: Nghị định",
                "Deadline: Năm 2026",
                // A known name across the cut ("Thanh tra" / "Chính phủ").
                "item 3. Thanh tra việc thi hành.",
                "Lead: Bộ Nội vụ",
                "Support: Thanh tra Chính phủ, Bộ Công an",
                "Other: Kết luận",
                "Deadline: Năm 2027",
            ]
        );
    }

    /// A row number set apart from its task by spaces only ("2  Đề án …"), and a page's
    /// footnote that opens the same way ("1 Nghị quyết số 66-NQ/TW …") but does not
    /// follow the numbering.
    #[test]
    fn bare_numbers_on_the_task_line() {
        let text = "TT\nTên nhiệm vụ\nCơ quan chủ trì\nThời gian hoàn thành\n\
            1\nTruyền thông về Nghị quyết\nBộ Tư pháp\nThường xuyên\n\
            1 Nghị quyết số 66-NQ/TW ngày 30/4/2025 của Bộ Chính trị.\n\
            2  Đề án về chỉ số đánh giá\nBộ Nội vụ\nTháng 3/2026\n";
        // (Where the footnote's text goes is another matter: it stays in row 1.)
        let got: Vec<String> = rows(text)
            .into_iter()
            .filter(|r| r.starts_with("item 2") || r.starts_with("Lead") || r.ends_with("3/2026"))
            .collect();
        assert_eq!(
            got,
            vec![
                "Lead: Bộ Tư pháp",
                "item 2. Đề án về chỉ số đánh giá",
                "Lead: Bộ Nội vụ",
                "Deadline: Tháng 3/2026",
            ]
        );
    }

    /// A gazette's table: a group row whose numeral has no mark ("II Hoàn thiện …"),
    /// a task cell listing points before its agency cell, a date cut after its period
    /// word ("Trước ngày" / "01/3/2027"), and a deadline with a bracket on the next line.
    #[test]
    fn gazette_groups_points_and_cut_dates() {
        let text = "TT\nNội dung công việc\nCơ quan\nchủ trì\nCơ quan\nphối hợp\nCấp trình\nSản phẩm\nThời hạn\nhoàn thành\n\
            I\nThực hiện công tác tuyên truyền\n\
            1\nTăng cường công tác lãnh đạo\nBộ Nội vụ\nCác bộ, ngành\nCấp có\nthẩm\nquyền\nVăn bản\nTrước ngày\n01/3/2027\n\
            II Hoàn thiện thể chế về tổ chức bộ máy\n\
            1. Thực hiện các nhiệm vụ sau:\n(1) Khẩn trương hướng dẫn các địa phương;\n(2) Xây dựng Đề án.\n\
            Bộ Giáo dục\nvà Đào tạo\nCác bộ, cơ\nquan ngang\nbộ\nChính phủ\nĐề án\nThường xuyên\n(hoặc theo yêu\ncầu của cấp có thẩm quyền)\n\
            2\nRà soát quy định\nBộ Tư pháp\nCác bộ, ngành\nCấp có\nthẩm quyền\nBáo cáo\nNăm\n2026 (sau khi\nban hành Nghị định)\n";
        assert_eq!(
            rows(text),
            vec![
                "item I. Thực hiện công tác tuyên truyền",
                "item 1. Tăng cường công tác lãnh đạo",
                "Lead: Bộ Nội vụ",
                "Support: Các bộ, ngành",
                "Other: Cấp có thẩm quyền",
                "Other: Văn bản",
                "Deadline: Trước ngày 01/3/2027",
                "item II. Hoàn thiện thể chế về tổ chức bộ máy",
                "item 1. Thực hiện các nhiệm vụ sau: (1) Khẩn trương hướng dẫn các địa phương; (2) Xây dựng Đề án.",
                "Lead: Bộ Giáo dục và Đào tạo",
                "Support: Các bộ, cơ quan ngang bộ",
                "Other: Chính phủ",
                "Other: Đề án",
                "Deadline: Thường xuyên (hoặc theo yêu cầu của cấp có thẩm quyền)",
                "item 2. Rà soát quy định",
                "Lead: Bộ Tư pháp",
                "Support: Các bộ, ngành",
                "Other: Cấp có thẩm quyền",
                "Other: Báo cáo",
                "Deadline: Năm 2026 (sau khi ban hành Nghị định)",
            ]
        );
    }

    /// A table whose last heading names alternatives ("CẤP TRÌNH/" / "PHÊ DUYỆT"), a
    /// ministry cut inside its field ("Bộ Công" / "Thương"), and a lead cell of
    /// numbered points, one agency each, in the first row after a group row.
    #[test]
    fn numbered_points_in_an_agency_cell() {
        let text = "TT\nNHIỆM VỤ CỤ THỂ\nCƠ QUAN\nCHỦ TRÌ\nCƠ QUAN PHỐI\nHỢP\nTHỜI HẠN\nTHỰC HIỆN\nCẤP TRÌNH/\nPHÊ DUYỆT\n\
            I\nHOÀN THIỆN THỂ CHẾ\n\
            1\nHoàn thiện pháp luật về thương mại\nBộ Công\nThương\nCác bộ, ngành\n2026 - 2030\nQuốc hội\n\
            II NHÓM NHIỆM VỤ VỀ TÀI CHÍNH\n\
            2\nXây dựng cơ chế, chính sách và tiêu chí thành lập các đặc khu kinh tế, đặc khu công nghệ giai đoạn 2026 - 2030\n1. Bộ Tài chính đối\nvới các đặc khu kinh tế.\n2. Bộ Khoa học và Công nghệ\nđối với các đặc khu công nghệ.\nBộ Công an\n2026 - 2027\nChính phủ\n";
        assert_eq!(
            rows(text),
            vec![
                "item I. HOÀN THIỆN THỂ CHẾ",
                "item 1. Hoàn thiện pháp luật về thương mại",
                "Lead: Bộ Công Thương",
                "Support: Các bộ, ngành",
                "Deadline: 2026 - 2030",
                "Other: Quốc hội",
                "item II. NHÓM NHIỆM VỤ VỀ TÀI CHÍNH",
                "item 2. Xây dựng cơ chế, chính sách và tiêu chí thành lập các đặc khu kinh tế, đặc khu công nghệ giai đoạn 2026 - 2030",
                "Lead: 1. Bộ Tài chính đối với các đặc khu kinh tế; Bộ Khoa học và Công nghệ đối với các đặc khu công nghệ.",
                "Support: Bộ Công an",
                "Deadline: 2026 - 2027",
                "Other: Chính phủ",
            ]
        );
    }

    /// Two agency cells set side by side on one line: after a whole collective or a
    /// known name, a capitalised agency starts the next cell; after a comma the list
    /// goes on in the same cell.
    #[test]
    fn two_cells_on_one_line() {
        let text = "TT\nNội dung\nCơ quan chủ trì\nCơ quan phối hợp\nThời gian hoàn thành\n\
            1\nThực hiện nghiêm chủ trương.\nCác bộ,\ncơ quan ngang bộ Bộ Tư pháp\nThường xuyên\n\
            2\nQuản lý tài nguyên nước.\nBộ Nông nghiệp\nvà Môi trường Các tỉnh, thành phố\nNăm 2027\n\
            3\nRà soát quy định.\nCác bộ, cơ\nquan ngang\nbộ, Ủy ban\nnhân dân các tỉnh\nBộ Nội vụ\nNăm 2026\n";
        assert_eq!(
            rows(text),
            vec![
                "item 1. Thực hiện nghiêm chủ trương.",
                "Lead: Các bộ, cơ quan ngang bộ",
                "Support: Bộ Tư pháp",
                "Deadline: Thường xuyên",
                "item 2. Quản lý tài nguyên nước.",
                "Lead: Bộ Nông nghiệp và Môi trường",
                "Support: Các tỉnh, thành phố",
                "Deadline: Năm 2027",
                "item 3. Rà soát quy định.",
                "Lead: Các bộ, cơ quan ngang bộ, Ủy ban nhân dân các tỉnh",
                "Support: Bộ Nội vụ",
                "Deadline: Năm 2026",
            ]
        );
    }

    /// A table whose deadline column comes before the agencies: numbered points of a
    /// lead cell follow the deadline cell, the first may open with its topic, and a
    /// task line in lower case that reads like a closing paragraph goes on the task.
    #[test]
    fn deadline_before_agencies_with_points() {
        let text = "TT\nNHIỆM VỤ\nTHỜI HẠN\nHOÀN THÀNH\nCƠ QUAN CHỦ TRÌ\nCƠ QUAN PHỐI HỢP\n\
            1\nRà soát những khó khăn, vướng mắc trong\nquá trình thực hiện phân cấp\nQuý II/2026\n1. Bộ Nội vụ chủ trì tổng hợp,\nđề xuất\n2. Các bộ, cơ quan rà soát\nCác địa phương\n\
            2\nPhát triển công nghiệp\nQuý III/2026\n1. Về phát triển công nghiệp quốc\ngia: Bộ Công Thương chủ trì.\n2. Về khu công nghiệp: Bộ Tài chính chủ trì.\nCác bộ, cơ quan, địa phương\n\
            3\nTăng cường quản lý thị trường\nTháng 12/2026 và thực hiện thường\nxuyên\nBộ Công Thương\nCác địa phương\n";
        assert_eq!(
            rows(text),
            vec![
                "item 1. Rà soát những khó khăn, vướng mắc trong quá trình thực hiện phân cấp",
                "Deadline: Quý II/2026",
                "Lead: 1. Bộ Nội vụ chủ trì tổng hợp, đề xuất; Các bộ, cơ quan rà soát",
                "Support: Các địa phương",
                "item 2. Phát triển công nghiệp",
                "Deadline: Quý III/2026",
                "Lead: 1. Về phát triển công nghiệp quốc gia: Bộ Công Thương chủ trì. 2. Về khu công nghiệp: Bộ Tài chính chủ trì.",
                "Support: Các bộ, cơ quan, địa phương",
                // A deadline word cut at the line's end ("thường" / "xuyên") goes on.
                "item 3. Tăng cường quản lý thị trường",
                "Deadline: Tháng 12/2026 và thực hiện thường xuyên",
                "Lead: Bộ Công Thương",
                "Support: Các địa phương",
            ]
        );
    }

    /// A piece of a row left over after its last column goes on with an agency cell
    /// only when a name was cut after its head ("…, Sở"): a collective ending in a head
    /// word ("Các bộ, cơ quan ngang bộ") is whole.
    #[test]
    fn leftovers_pass_a_whole_collective() {
        let text = "TT\nNội dung\nCơ quan chủ trì\nCơ quan phối hợp\nThời hạn\nCăn cứ\n\
            1\nRà soát quy định.\nBộ Tư pháp\nCác bộ, cơ quan ngang bộ\nTháng 5/2026\nChương trình số 12\nLuật Đầu tư\n";
        assert_eq!(
            rows(text),
            vec![
                "item 1. Rà soát quy định.",
                "Lead: Bộ Tư pháp",
                "Support: Các bộ, cơ quan ngang bộ",
                "Deadline: Tháng 5/2026",
                "Other: Chương trình số 12 Luật Đầu tư",
            ]
        );
    }

    #[test]
    fn wrapped_headings_and_cells() {
        let text = "STT\nNội dung\ncông việc\nCơ quan\nchủ trì\nCơ quan\nphối hợp\nThời gian\nhoàn thành\n\n\
            1\nTriển khai Kế hoạch thực hiện\nNghị quyết số 57 của tỉnh\nSở Thông tin và\nTruyền thông\nSở Tài chính,\nSở Nội vụ\nQuý IV/2024 và\ncác năm tiếp theo\n\
            2\nSố hóa hồ sơ, kết quả giải quyết thủ\ntục hành chính\nSở Nội vụ\nCông an tỉnh\nNăm 2024\n";
        assert_eq!(
            rows(text),
            vec![
                // A capitalised word at a wrap ("Nghị quyết") continues the task.
                "item 1. Triển khai Kế hoạch thực hiện Nghị quyết số 57 của tỉnh",
                "Lead: Sở Thông tin và Truyền thông",
                "Support: Sở Tài chính, Sở Nội vụ",
                "Deadline: Quý IV/2024 và các năm tiếp theo",
                "item 2. Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
                "Lead: Sở Nội vụ",
                "Support: Công an tỉnh",
                "Deadline: Năm 2024",
            ]
        );
    }

    #[test]
    fn groups_letters_and_numbers_running_on() {
        let text = "TT\nTên nhiệm vụ\nCơ quan chủ trì\nKết quả\nThời gian hoàn thành\n\
            I\nNÂNG CAO NHẬN THỨC\n1\nTuyên truyền về chuyển đổi số\nSở Thông tin và Truyền thông\nKế hoạch\n2025\n\
            II\nHOÀN THIỆN THỂ CHẾ\n2\nRà soát văn bản\na)\nRà soát nghị quyết\nSở Tư pháp\nBáo cáo\n6/2025\nb)\nRà soát quyết định\nSở Tư pháp\nThường xuyên\n";
        assert_eq!(
            rows(text),
            vec![
                "item I. NÂNG CAO NHẬN THỨC",
                "item 1. Tuyên truyền về chuyển đổi số",
                "Lead: Sở Thông tin và Truyền thông",
                "Other: Kế hoạch",
                "Deadline: 2025",
                "item II. HOÀN THIỆN THỂ CHẾ",
                "item 2. Rà soát văn bản",
                "item a) Rà soát nghị quyết",
                "Lead: Sở Tư pháp",
                "Other: Báo cáo",
                "Deadline: 6/2025",
                "item b) Rà soát quyết định",
                "Lead: Sở Tư pháp",
                "Deadline: Thường xuyên",
            ]
        );
    }

    /// A header typeset as a pipe row whose last heading spilled onto the next line, a
    /// page number, the header repeated on the next page, and a row that a page break
    /// cut: its task and lead go on after its deadline.
    #[test]
    fn page_breaks() {
        let text = "| TT | Nội dung hoạt động | Cơ quan chủ trì | Cơ quan phối hợp |\n| --- | --- | --- | --- |\nThời gian thực hiện\n\
            1\nXây dựng tiêu chuẩn các-bon rừng; đo đạc, báo cáo, thẩm định\nViện Khoa học lâm nghiệp Việt Nam, Cục\nVụ Khoa học và Công nghệ\nQuý IV/2026, 2027\n\
            kết quả giảm phát thải.\nLâm nghiệp và Kiểm lâm\n\
            - 5 -\nTT\nNội dung hoạt động\nCơ quan chủ trì\nCơ quan phối hợp\nThời gian thực hiện\n\
            2\nHuy động nguồn lực.\nCục Lâm nghiệp và Kiểm lâm\nVụ Hợp tác quốc tế\nThường xuyên\n";
        assert_eq!(
            rows(text),
            vec![
                "item 1. Xây dựng tiêu chuẩn các-bon rừng; đo đạc, báo cáo, thẩm định kết quả giảm phát thải.",
                "Lead: Viện Khoa học lâm nghiệp Việt Nam, Cục Lâm nghiệp và Kiểm lâm",
                "Support: Vụ Khoa học và Công nghệ",
                "Deadline: Quý IV/2026, 2027",
                "PageNumber - 5 -",
                "item 2. Huy động nguồn lực.",
                "Lead: Cục Lâm nghiệp và Kiểm lâm",
                "Support: Vụ Hợp tác quốc tế",
                "Deadline: Thường xuyên",
            ]
        );
    }

    /// A gazette table as NQ-style appendices print it: "Nội dung, nhiệm vụ" names the
    /// task column; a date cut after "Năm" or "Giai đoạn" goes on; a deadline goes on
    /// with a line that opens with "và"; a bracket after a page break is the rest of the
    /// task, not of the deadline above the break; a colon ends no cell.
    #[test]
    fn gazette_cut_dates_and_a_task_across_a_page() {
        let text = "TT\nNội dung, nhiệm vụ\nCơ quan chủ\ntrì thực hiện\nCơ quan\nphối hợp\nThời gian\n\
            1\nRà soát, thể chế hóa các chủ trương.\nBộ NN&MT,\nBộ Quốc phòng\nCác bộ,\ncơ quan\nNăm\n2026 - 2027\n\
            2\nHiện đại hóa hệ thống quan trắc, ứng dụng\nmáy bay không người lái\nBộ NN&MT\nBộ Khoa học\nvà Công nghệ\nGiai đoạn\n2026 - 2030\n\
            - 63 -\nTT\nNội dung, nhiệm vụ\nCơ quan chủ\ntrì thực hiện\nCơ quan\nphối hợp\nThời gian\n\
            (UAV) và trí tuệ nhân tạo.\n\
            3\nXây dựng quy trình ứng phó.\nBộ Tư pháp\nCác bộ\nNăm 2026\nvà các năm\ntiếp theo\n\
            4\nĐầu tư công trình.\nCác Bộ:\nNN&MT,\nXây dựng\nBộ Tài chính\nNăm 2026\n";
        assert_eq!(
            rows(text),
            vec![
                "item 1. Rà soát, thể chế hóa các chủ trương.",
                "Lead: Bộ NN&MT, Bộ Quốc phòng",
                "Support: Các bộ, cơ quan",
                "Deadline: Năm 2026 - 2027",
                "item 2. Hiện đại hóa hệ thống quan trắc, ứng dụng máy bay không người lái (UAV) và trí tuệ nhân tạo.",
                "Lead: Bộ NN&MT",
                "Support: Bộ Khoa học và Công nghệ",
                "Deadline: Giai đoạn 2026 - 2030",
                "PageNumber - 63 -",
                "item 3. Xây dựng quy trình ứng phó.",
                "Lead: Bộ Tư pháp",
                "Support: Các bộ",
                "Deadline: Năm 2026 và các năm tiếp theo",
                // A colon introduces the rest of its cell.
                "item 4. Đầu tư công trình.",
                "Lead: Các Bộ: NN&MT, Xây dựng",
                "Support: Bộ Tài chính",
                "Deadline: Năm 2026",
            ]
        );
    }

    /// The table ends where the document goes on: a part heading, the recipients.
    #[test]
    fn the_table_ends_with_the_document_around_it() {
        let text = "TT\nNhiệm vụ\nThời gian hoàn thành\n1\nRà soát\nQuý I/2025\nIII. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ theo dõi.";
        let (shown, end) = read_text(text).unwrap();
        assert_eq!(shown, vec!["item 1. Rà soát", "Deadline: Quý I/2025"]);
        assert_eq!(end, 6);
        let text = "TT\nNhiệm vụ\nCơ quan chủ trì\n1\nRà soát\nSở Tư pháp\nNơi nhận:\n- Như trên;";
        assert_eq!(read_text(text).unwrap().1, 6);
        // A numbered item that is not the next row, a closing paragraph, a bullet after
        // a row's deadline.
        for after in [
            "2. Tổ chức tập huấn kỹ năng số.",
            "Điều 2. Quyết định có hiệu lực.",
            "Trên đây là Kế hoạch của Sở.",
            "- Sở Tài chính bố trí kinh phí.",
        ] {
            let text =
                format!("TT\nNhiệm vụ\nThời gian hoàn thành\n1\nRà soát\nQuý I/2025\n{after}");
            assert_eq!(read_text(&text).unwrap().1, 6, "{after}");
        }
    }

    /// A gazette's table as its PDF text layer gives it: wrapped headings, group rows
    /// printed whole on one line, a row whose task starts on its number's line, cells
    /// cut a word per line, the running head of the next page.
    #[test]
    fn rows_that_start_on_their_numbers_line() {
        let text = "STT\nTên nhiệm vụ cụ thể\nCơ quan\nchủ trì\nCơ quan\nphối hợp\nThời gian hoàn\nthành\n\
            I. Đổi mới tư duy trong lãnh đạo, chỉ đạo công tác chăm sóc sức khoẻ\nnhân dân\n\
            1.\nTăng cường lãnh đạo, chỉ đạo thực hiện các chính sách.\nCác\nbộ\nở\nTrung ương,\nỦy ban nhân\ndân cấp tỉnh\nCác cơ quan, tổ\nchức có liên quan.\nThường xuyên\n\
            II. Hoàn thiện thể chế về bảo hiểm y tế\n\
            2.  Xây dựng Luật Bảo hiểm y tế sửa đổi.\nBộ Y tế\nBộ Tài chính, Bộ\nTư pháp\nQuý I/2029\n\
            III. TỔ CHỨC THỰC HIỆN\n1. Bộ Y tế theo dõi.";
        let (shown, end) = read_text(text).unwrap();
        assert_eq!(
            shown,
            vec![
                "item I. Đổi mới tư duy trong lãnh đạo, chỉ đạo công tác chăm sóc sức khoẻ nhân dân",
                "item 1. Tăng cường lãnh đạo, chỉ đạo thực hiện các chính sách.",
                "Lead: Các bộ ở Trung ương, Ủy ban nhân dân cấp tỉnh",
                "Support: Các cơ quan, tổ chức có liên quan.",
                "Deadline: Thường xuyên",
                "item II. Hoàn thiện thể chế về bảo hiểm y tế",
                "item 2. Xây dựng Luật Bảo hiểm y tế sửa đổi.",
                "Lead: Bộ Y tế",
                "Support: Bộ Tài chính, Bộ Tư pháp",
                "Deadline: Quý I/2029",
            ]
        );
        // The document's next part, in capitals unlike the groups, ends the table.
        assert_eq!(
            end,
            text.lines().position(|l| l.starts_with("III.")).unwrap()
        );
        // A numbered line with no agency cell after it is the document going on.
        let text = "TT\nNhiệm vụ\nThời gian hoàn thành\n1\nRà soát\nQuý I/2025\n\
            2. Tổ chức tập huấn kỹ năng số cho cán bộ.\nNội dung tập huấn gồm các kỹ năng.";
        assert_eq!(read_text(text).unwrap().1, 6);
    }

    /// An agency cell of two paragraphs, each a list: with more cells than columns, the
    /// second goes with the first, not into the product column.
    #[test]
    fn agency_cell_of_two_lists() {
        let text = "TT\nNhiệm vụ, giải pháp\nCơ quan chủ trì\nCơ quan phối hợp\nSản phẩm\nThời gian thực hiện\n\
            1\nNghiên cứu, sửa đổi các quy định.\nBộ Tài chính\nBộ Khoa học và\nCông nghệ\nCơ quan, tổ chức\nvà doanh nghiệp\nliên quan\nCơ chế, chính sách\nđược ban hành\nQuý IV/2026\n";
        assert_eq!(
            rows(text),
            vec![
                "item 1. Nghiên cứu, sửa đổi các quy định.",
                "Lead: Bộ Tài chính",
                "Support: Bộ Khoa học và Công nghệ; Cơ quan, tổ chức và doanh nghiệp liên quan",
                "Other: Cơ chế, chính sách được ban hành",
                "Deadline: Quý IV/2026",
            ]
        );
    }

    #[test]
    fn what_is_not_a_stacked_table() {
        for text in [
            // No task or agency column.
            "TT\nChỉ tiêu\n2024\n1\nHồ sơ trực tuyến\n80%",
            // No number column first.
            "Nhiệm vụ\nCơ quan chủ trì\n1\nRà soát\nSở Tư pháp",
            // Prose after the header, not a row number.
            "TT\nNhiệm vụ\nCơ quan chủ trì\nCác sở thực hiện.",
            // Rows must be numbered in order from 1.
            "TT\nNhiệm vụ\nCơ quan chủ trì\n3\nRà soát\nSở Tư pháp",
            // A field line is not a heading.
            "TT\nNhiệm vụ\nCơ quan chủ trì: Sở Tư pháp\n1\nRà soát",
        ] {
            assert!(read_text(text).is_none(), "{text:?}");
        }
    }

    /// Blank lines between cells whose lines wrap (a narrow column printed by
    /// pdftotext) separate the cells; a blank inside a wrap does not.
    #[test]
    fn blank_lines_between_cells() {
        let text = "TT\nNhiệm vụ\nCơ quan chủ trì\nCơ quan phối hợp\nThời gian hoàn thành\n1\n\nXây dựng kho dữ liệu\n\nBộ\nKhoa\nhọc và\nCông\nnghệ\n\nBan\nTuyên\ngiáo\n\nThường\nxuyên\n";
        assert_eq!(
            rows(text),
            vec![
                "item 1. Xây dựng kho dữ liệu",
                "Lead: Bộ Khoa học và Công nghệ",
                "Support: Ban Tuyên giáo",
                "Deadline: Thường xuyên",
            ]
        );
        let text = "TT\nNhiệm vụ\nCơ quan chủ trì\nCơ quan phối hợp\nThời gian hoàn thành\n1\nXây dựng kho dữ liệu\nSở Thông tin và\n\nTruyền thông\nCác sở, ngành\nQuý II/2024\n";
        assert_eq!(
            rows(text),
            vec![
                "item 1. Xây dựng kho dữ liệu",
                "Lead: Sở Thông tin và Truyền thông",
                "Support: Các sở, ngành",
                "Deadline: Quý II/2024",
            ]
        );
    }

    /// Lettered points inside a cell, bullets in a column after the deadline and one
    /// stray blank line stay inside their row.
    #[test]
    fn cells_with_points_bullets_and_a_stray_blank() {
        let text = "TT\nNhiệm vụ\nCơ quan chủ trì\nThời gian hoàn thành\nSản phẩm\n1\nTuyên truyền trên các kênh:\na) Báo Quảng Nam\nb) Đài Phát thanh\n\nSở Văn hóa\nQuý I/2025\n- Báo cáo kết quả;\n- Cơ sở dữ liệu.\n2\nNâng cấp mạng\nSở Xây dựng\nQuý II/2025\n";
        assert_eq!(
            rows(text),
            vec![
                "item 1. Tuyên truyền trên các kênh: a) Báo Quảng Nam b) Đài Phát thanh",
                "Lead: Sở Văn hóa",
                "Deadline: Quý I/2025",
                "Other: - Báo cáo kết quả; - Cơ sở dữ liệu.",
                "item 2. Nâng cấp mạng",
                "Lead: Sở Xây dựng",
                "Deadline: Quý II/2025",
            ]
        );
    }

    #[test]
    fn row_numbers_follow_each_other() {
        let seq = |numbers: &[&str]| {
            let mut n = Numbering::default();
            numbers
                .iter()
                .map(|t| {
                    let r = row_number(t).unwrap();
                    let ok = n.accepts(&r);
                    if ok {
                        n.push(&r);
                    }
                    ok
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(seq(&["1", "2", "3"]), [true, true, true]);
        assert_eq!(seq(&["1", "3"]), [true, false]);
        assert_eq!(seq(&["I", "1", "2", "II", "3", "III", "1"]), [true; 7]);
        assert_eq!(seq(&["1", "a)", "b)", "2", "a)"]), [true; 5]);
        assert_eq!(seq(&["1", "1.1", "1.2", "2", "2.1"]), [true; 5]);
        assert_eq!(seq(&["1", "b)"]), [true, false]);
        assert_eq!(row_number("a"), None);
        assert_eq!(row_number("2024"), Some(RowNumber::Decimal(vec![2024])));
    }
}
