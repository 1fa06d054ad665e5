//! Stage 3b, blocks: join hard-wrapped physical lines into logical blocks (a label line
//! and its wrapped continuation, a field with its value, a prose paragraph).
//!
//! PDF text puts blank lines between the wraps of one paragraph, so blank lines mean
//! nothing here. A line continues the open block unless it starts a new one: a label,
//! bullet or field line; an all-capitals line; or a capitalised line after a line that
//! ended a sentence or stopped short of the text width (a heading or a paragraph's end).

use crate::agency;
use crate::lines::{Line, LineKind};
use crate::table;

/// A logical block: one or more physical lines joined.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    /// The first line's kind; byte offsets in it index into `text`.
    pub kind: LineKind,
    /// Joined text.
    pub text: String,
    /// Line numbers of the non-blank physical lines in this block.
    pub lines: Vec<u32>,
    /// Page of the first line, when known.
    pub page: Option<u32>,
    /// Its first line is another block's, which owns it: a sub-item cut from the middle
    /// of the block before it ("3. Giải quyết … 3.1. Rà soát …"), or a table row's
    /// grouping bullet, whose activity on the same row owns the row.
    pub run_in: bool,
}

impl Block {
    pub fn first_line(&self) -> u32 {
        self.lines.first().copied().unwrap_or(0)
    }

    pub fn last_line(&self) -> u32 {
        self.lines.last().copied().unwrap_or(0)
    }

    /// The text after the label, bullet or field name.
    pub fn body(&self) -> &str {
        let at = match &self.kind {
            LineKind::Label { body, .. } | LineKind::Bullet { body, .. } => *body,
            LineKind::Field { value, .. } => *value,
            _ => 0,
        };
        self.text.get(at..).unwrap_or("").trim()
    }
}

/// Join `lines` into blocks. `pages[i]` is the page of `lines[i]` when known.
pub fn join(lines: &[Line], pages: &[Option<u32>]) -> Vec<Block> {
    let width = text_width(lines);
    let mut blocks: Vec<Block> = Vec::new();
    // The block that wrapped text may still continue, and its last physical line.
    let mut open: Option<usize> = None;
    let mut open_table = table::OpenTable::default();
    // End of a run of rows already found not to be a task table (read as prose).
    let mut prose_rows_until = 0;
    let mut prev_text: &str = "";
    // The previous line closed Markdown bold: a bold heading ended there.
    let mut prev_bold_closes = false;
    // Lines since a line opened Markdown bold that no line has closed yet (None outside
    // bold): "**2. Sở" / "Khoa học và Công nghệ**" is one heading, capital or not.
    let mut in_bold: Option<usize> = None;
    let mut i = 0;
    while i < lines.len() {
        let line = &lines[i];
        let page = pages.get(i).copied().flatten();
        i += 1;
        if i > prose_rows_until
            && table::stacked::may_start(&line.text)
            && let Some((table_blocks, end)) = table::stacked::read(lines, pages, i - 1)
        {
            // A task table printed one cell per line (its header may be a pipe row).
            blocks.extend(table_blocks);
            open = None;
            i = end;
            continue;
        }
        if i > prose_rows_until && table::is_row(&line.text) {
            // A run of table rows (blank lines inside it do not end it).
            let mut end = i;
            while end < lines.len()
                && (table::is_row(&lines[end].text)
                    || table::is_short_row(&lines[end].text)
                    || lines[end].kind == LineKind::Blank)
            {
                end += 1;
            }
            let rows: Vec<&Line> = lines[i - 1..end]
                .iter()
                .filter(|l| l.kind != LineKind::Blank)
                .collect();
            let row_pages: Vec<Option<u32>> = (i - 1..end)
                .filter(|&k| lines[k].kind != LineKind::Blank)
                .map(|k| pages.get(k).copied().flatten())
                .collect();
            if let Some(table_blocks) = table::blocks(&rows, &row_pages, &mut open_table) {
                blocks.extend(table_blocks);
                open = None;
                i = end;
                continue;
            }
            prose_rows_until = end;
        }
        match &line.kind {
            LineKind::Blank => continue,
            LineKind::PageNumber | LineKind::Furniture => {
                // Furniture: its own block; the paragraph around it goes on.
                blocks.push(Block {
                    kind: line.kind.clone(),
                    text: line.text.clone(),
                    lines: vec![line.no],
                    page,
                    run_in: false,
                });
                continue;
            }
            LineKind::Prose => {
                // "- Cơ quan chủ trì:" alone on its line: the next line is its value.
                let awaits_value = open.is_some_and(|b| {
                    matches!(blocks[b].kind, LineKind::Field { .. })
                        && (blocks[b].body().is_empty() || blocks[b].text.ends_with(':'))
                });
                // "**4. Sở Văn" / "hóa, Thể thao và Du lịch**" / "Chỉ đạo …": the text
                // after a bold heading is not its continuation.
                let after_bold = prev_bold_closes && !line.bold.opens;
                // Bold that wraps goes on to where it closes (a heading is a few lines
                // long: a mark that never closes does not glue a page together).
                let bold_goes_on = in_bold.is_some_and(|n| n < 4) && !line.bold.opens;
                // A document-type line ("PHỤ LỤC" under the plan's closing "ỦY BAN NHÂN
                // DÂN …", both in capitals) starts another document, whatever is above.
                if let Some(b) = open.filter(|_| {
                    awaits_value
                        || bold_goes_on
                        || (!after_bold
                            && continues(prev_text, &line.text, width)
                            // (Checked last, and only on a capital: most lines go on.)
                            && !(line.text.starts_with(char::is_uppercase)
                                && is_doc_type_line(line)))
                }) {
                    append(&mut blocks[b], line);
                    prev_text = &line.text;
                    prev_bold_closes = line.bold.ends_heading();
                    in_bold = in_bold.map(|n| n + 1).filter(|_| !line.bold.toggles);
                    continue;
                }
            }
            _ => {}
        }
        blocks.push(Block {
            kind: line.kind.clone(),
            text: line.text.clone(),
            lines: vec![line.no],
            page,
            run_in: false,
        });
        // A document-type line ("PHỤ LỤC", "KẾ HOẠCH") starts another document: its
        // title lines are not its continuation.
        open = (!is_doc_type_line(line)).then_some(blocks.len() - 1);
        prev_text = &line.text;
        prev_bold_closes = line.bold.ends_heading();
        in_bold = (line.bold.opens && line.bold.toggles).then_some(0);
    }
    blocks
        .into_iter()
        .map(reclassify)
        .flat_map(split_fields)
        .flat_map(split_lettered_fields)
        .flat_map(|b| split_numbered_clauses(b, lines))
        .flat_map(|b| split_run_in_label(b, lines))
        .collect()
}

/// "3. Giải quyết tranh chấp lao động 3.1. Rà soát, kiện toàn …": a heading with its
/// first sub-item run into the same line (a PDF's text layer joins them; the sub-item's
/// text may start on the next line, "… tiến bộ 1.1" / "Tổ chức …"). Cut before the
/// sub-item when it is numbered under the heading's own number, with ".1", and its
/// text opens with a capital.
fn split_run_in_label(block: Block, lines: &[Line]) -> Vec<Block> {
    let LineKind::Label { label, body, .. } = &block.kind else {
        return vec![block];
    };
    let first_sub = format!(" {}.1", label.text);
    let found = block.text[*body..]
        .match_indices(&first_sub)
        .find(|&(k, _)| {
            let after = &block.text[body + k + first_sub.len()..];
            let after = after.strip_prefix('.').unwrap_or(after);
            after.is_empty()
                || (after.starts_with(' ') && after.trim_start().starts_with(char::is_uppercase))
        });
    let Some(at) = found.map(|(k, _)| k + body) else {
        return vec![block];
    };
    let rest = &block.text[at + 1..];
    let kind = crate::lines::classify_text(rest);
    if !matches!(kind, LineKind::Label { .. }) {
        return vec![block];
    }
    // The sub-item starts on the last of the block's lines that holds its number ("2." /
    // "Nhiệm vụ và giải pháp chủ yếu 2.1. Tiếp tục …"); that line is shared with the
    // heading, the lines before it are the heading's alone.
    let number = first_sub.trim_start();
    let from = block
        .lines
        .iter()
        .rposition(|&no| {
            lines
                .binary_search_by_key(&no, |l| l.no)
                .is_ok_and(|k| lines[k].text.contains(number))
        })
        .unwrap_or(0);
    let second = Block {
        kind,
        text: rest.to_owned(),
        lines: block.lines[from..].to_vec(),
        page: block.page,
        run_in: true,
    };
    let first = Block {
        text: block.text[..at].trim_end().to_owned(),
        lines: block.lines[..=from].to_vec(),
        ..block
    };
    vec![first, second]
}

fn is_doc_type_line(line: &Line) -> bool {
    line.kind == LineKind::Prose
        && crate::lexicon::lexicon()
            .type_line(&line.text)
            .is_some_and(|t| t.opens_document(&line.text))
}

/// A field label wrapped mid-label ("- Cơ quan chủ" + "trì: Sở Y tế") is only
/// recognisable once the lines are joined. A label over a blank to fill in ("- Thời
/// gian phát phiếu: ………………", a form in an appendix) is no field: it is prose.
fn reclassify(mut block: Block) -> Block {
    if block.lines.len() > 1
        && matches!(block.kind, LineKind::Bullet { .. } | LineKind::Prose)
        && let k @ LineKind::Field { .. } = crate::lines::classify_text(&block.text)
    {
        block.kind = k;
    }
    if matches!(block.kind, LineKind::Field { .. }) && is_blank_to_fill(block.body()) {
        block.kind = LineKind::Prose;
    }
    block
}

/// "………………", "......", "____ phiếu, chiếm tỷ lệ .....%": dots or underscores where a
/// value goes, and nothing else but spaces and "%".
fn is_blank_to_fill(value: &str) -> bool {
    let mut dots = 0;
    for c in value.chars() {
        match c {
            '.' | '…' | '_' => dots += 1,
            ' ' | '%' => {}
            _ => return false,
        }
    }
    dots >= 3
}

/// "Chủ trì: Sở Y tế; Phối hợp: Sở Tài chính; Thời gian: Quý III/2024" is three fields
/// on one line: cut the block before each further field label (after ";" or ".", or
/// a bullet dash run into the line: "… và địa phương -Thời gian thực hiện: …").
fn split_fields(block: Block) -> Vec<Block> {
    let LineKind::Field { value, .. } = block.kind else {
        return vec![block];
    };
    let mut cuts = Vec::new();
    let mut after_space = false;
    for (i, c) in block.text.char_indices().skip_while(|(i, _)| *i < value) {
        let dash = after_space && matches!(c, '-' | '–');
        after_space = c.is_whitespace();
        if matches!(c, ';' | '.') || dash {
            let rest = block.text[i + c.len_utf8()..].trim_start();
            let start = block.text.len() - rest.len();
            if crate::lines::field_value_start(rest).is_some() {
                cuts.push((i, start));
            }
        }
    }
    if cuts.is_empty() {
        return vec![block];
    }
    let mut out = Vec::with_capacity(cuts.len() + 1);
    let mut from = 0;
    let mut kind = block.kind.clone();
    for (end, next) in cuts
        .into_iter()
        .chain(std::iter::once((block.text.len(), block.text.len())))
    {
        let text = block.text[from..end].trim_end().to_owned();
        out.push(Block {
            kind,
            text,
            lines: block.lines.clone(),
            page: block.page,
            run_in: false,
        });
        from = next;
        kind = crate::lines::classify_text(block.text.get(next..).unwrap_or(""));
    }
    out
}

/// "2. Rà soát … cụ thể: a) Cơ quan chủ trì: Sở Nội vụ; b) Cơ quan phối hợp: …; c)
/// Thời gian thực hiện: …": fields numbered as letters, run into one line (a scan's
/// text, or a table cell flattened). Cut before each letter whose text is a field
/// label, so each field is a lettered item of its own, as when it has its own line.
fn split_lettered_fields(block: Block) -> Vec<Block> {
    let b = block.text.as_bytes();
    // A letter closed by ")" after a space: most blocks have none, and are done here.
    let cuts: Vec<usize> = memchr::memchr_iter(b')', b)
        .filter(|&i| i >= 2 && b[i - 2] == b' ' && b[i - 1].is_ascii_alphabetic())
        .map(|i| i - 1)
        .filter(|&at| {
            let after = block.text[at + 2..].trim_start();
            crate::lines::field_value_start(after).is_some()
        })
        .collect();
    if cuts.is_empty() {
        return vec![block];
    }
    let mut out = Vec::with_capacity(cuts.len() + 1);
    let mut from = 0;
    for end in cuts.into_iter().chain(std::iter::once(block.text.len())) {
        let text = block.text[from..end].trim_end().to_owned();
        if !text.is_empty() {
            out.push(Block {
                kind: crate::lines::classify_text(&text),
                text,
                lines: block.lines.clone(),
                page: block.page,
                run_in: false,
            });
        }
        from = end;
    }
    // The first piece keeps the block's own reading ("2. Rà soát …" is its label).
    if let Some(first) = out.first_mut()
        && block.text.starts_with(first.text.as_str())
    {
        first.kind = head_kind(&block.kind, &first.text);
    }
    out
}

/// The kind of the piece a block keeps when the rest is cut off it (`head`, a prefix of
/// the block's text): a label, bullet or field read again on the shorter text (a field
/// whose value the cut left whole keeps its reading), any other kind kept.
fn head_kind(kind: &LineKind, head: &str) -> LineKind {
    match kind {
        LineKind::Field { value, .. } if *value < head.len() => kind.clone(),
        LineKind::Label { row: false, .. } | LineKind::Bullet { .. } | LineKind::Field { .. } => {
            crate::lines::classify_text(head)
        }
        k => k.clone(),
    }
}

/// "a) Bộ Khoa học và Công nghệ: (1) trình Thủ tướng Chính phủ …; (2) chủ trì, phối
/// hợp với …; (3) …": points numbered in brackets inside one paragraph, as conclusion
/// notices write the work they give an agency. Cut before each, so each is a point of
/// its own ("(1) Tổ chức …" on a line of its own is one). Only a run that starts with
/// "(1)" after a colon (or the block's start) and goes on "(2)", "(3)" … each after the
/// end of a clause counts: "khoản (2)" in a sentence does not.
fn split_numbered_clauses(block: Block, lines: &[Line]) -> Vec<Block> {
    let text = block.text.as_str();
    if !text.contains("(1) ") || !text.contains("(2) ") {
        return vec![block];
    }
    let mut cuts: Vec<usize> = Vec::new();
    let mut next = 1u32;
    for at in memchr::memchr_iter(b'(', text.as_bytes()) {
        let Some((n, _)) = clause_number(&text[at..]) else {
            continue;
        };
        let before = text[..at].trim_end();
        // The first point follows the block's start or a heading's colon ("a) Bộ Khoa học
        // và Công nghệ:"); after a paragraph ("… Trong đó xây dựng các Đề án, bao gồm:")
        // the points are parts of that one piece of work.
        let opens = if next == 1 {
            before.is_empty()
                || (before.ends_with(':')
                    && before.chars().count() <= 160
                    && sentences(label_body(before)).nth(1).is_none())
        } else {
            before.ends_with([';', '.', ':'])
        };
        if n == next && opens {
            cuts.push(at);
            next += 1;
        }
    }
    if cuts.len() < 2 {
        return vec![block];
    }
    // The line each point starts on: the first from the last point's on that holds its
    // number. A piece ends on the line the next one starts on, which the next one shares
    // as a run-in block (it does not claim that line).
    let holds = |no: u32, mark: &str| {
        lines
            .binary_search_by_key(&no, |l| l.no)
            .is_ok_and(|k| lines[k].text.contains(mark))
    };
    let mut starts: Vec<usize> = Vec::with_capacity(cuts.len());
    let mut from = 0;
    for k in 1..=cuts.len() {
        let mark = format!("({k})");
        if let Some(i) = (from..block.lines.len()).find(|&i| holds(block.lines[i], &mark)) {
            from = i;
        }
        starts.push(from);
    }
    let piece_lines = |k: usize| -> Vec<u32> {
        let first = starts[k];
        let last = starts.get(k + 1).copied().unwrap_or(block.lines.len() - 1);
        block.lines[first..=last.max(first)].to_vec()
    };
    let mut out = Vec::with_capacity(cuts.len() + 1);
    if cuts[0] > 0 {
        out.push(Block {
            text: text[..cuts[0]].trim_end().to_owned(),
            lines: block.lines[..=starts[0]].to_vec(),
            ..block.clone()
        });
    }
    for (k, &at) in cuts.iter().enumerate() {
        let end = cuts.get(k + 1).copied().unwrap_or(text.len());
        let piece = text[at..end].trim_end().to_owned();
        let body = clause_number(&piece).map_or(0, |(_, len)| len);
        out.push(Block {
            kind: LineKind::Bullet { mark: '(', body },
            text: piece,
            lines: piece_lines(k),
            page: block.page,
            run_in: k > 0 || cuts[0] > 0,
        });
    }
    // The part before the first point keeps the block's reading ("a) Bộ Y tế:" is its
    // label); a block that was all points reads as its first.
    if cuts[0] > 0
        && let Some(first) = out.first_mut()
    {
        first.kind = head_kind(&block.kind, &first.text);
    }
    out
}

/// Whether `text` ends with a bracketed point number after a clause: "…; (2)".
fn ends_with_point_number(text: &str) -> bool {
    let Some(rest) = text.trim_end().strip_suffix(')') else {
        return false;
    };
    let digits = rest.bytes().rev().take_while(u8::is_ascii_digit).count();
    (1..=2).contains(&digits)
        && rest[..rest.len() - digits]
            .strip_suffix('(')
            .is_some_and(|before| before.trim_end().ends_with([';', ':', '.']))
}

/// `text` after its label or bullet, if it opens with one.
fn label_body(text: &str) -> &str {
    match crate::lines::classify_text(text) {
        LineKind::Label { body, .. } | LineKind::Bullet { body, .. } => &text[body..],
        _ => text,
    }
}

/// "(3) Khẩn trương …" → (3, length of "(3) "): a bracketed number of one or two
/// digits and the space after it.
fn clause_number(text: &str) -> Option<(u32, usize)> {
    let rest = text.strip_prefix('(')?;
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=2).contains(&digits) {
        return None;
    }
    let after = rest[digits..].strip_prefix(") ")?;
    let n = rest[..digits].parse().ok()?;
    Some((n, text.len() - after.len()))
}

/// A short heading ("II. NHIỆM VỤ", "1. Công tác tuyên truyền"), not the start of a
/// sentence of work: at most 120 characters and no final full stop.
pub fn is_heading_text(text: &str) -> bool {
    let t = text.trim_end();
    t.chars().count() <= 120 && !t.ends_with('.')
}

/// Sentences of `text`: split after ". " / "; " when a capital letter follows.
pub fn sentences(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let cut = sentence_end(rest);
        let (s, r) = rest.split_at(cut);
        rest = r.trim_start();
        Some(s.trim())
    })
}

fn sentence_end(text: &str) -> usize {
    // "." and ";" are ASCII: every byte match is a character.
    for i in memchr::memchr2_iter(b'.', b';', text.as_bytes()) {
        let after = &text[i + 1..];
        let next = after.trim_start().chars().next();
        if after.starts_with(' ') && next.is_some_and(|n| n.is_uppercase() || n == '*' || n == '-')
        {
            return i + 1;
        }
    }
    text.len()
}

/// Does `next` (a prose line) continue the paragraph whose last line is `prev`?
pub fn continues(prev: &str, next: &str, width: usize) -> bool {
    let Some(first) = next.chars().next() else {
        return false;
    };
    // A table row is not wrapped prose, and neither is what follows one.
    if table::is_row(next) || table::is_row(prev) {
        return false;
    }
    // "III/2024." is all capitals, yet the rest of "Quý" on the line above.
    if is_broken_token(next) {
        return true;
    }
    if is_all_caps(next) && !is_all_caps(prev) {
        return false;
    }
    if !first.is_uppercase() {
        // Lower case, a digit or punctuation: a wrapped sentence goes on.
        return true;
    }
    if is_all_caps(prev) && is_all_caps(next) {
        return true; // a capitalised heading wrapped over two lines
    }
    // "1.4." / "Ủy ban nhân dân các phường, xã": a label alone on its line numbers the
    // text on the next.
    if is_bare_label(prev) {
        return true;
    }
    // "5. Xây dựng Nghị định của" / "Chính phủ": a line that stops on a joining word
    // ("của", "và", "với") was cut mid-phrase, however short it is.
    if table::stacked::ends_on_joining_word(prev) {
        return true;
    }
    // "b) Đề nghị" / "UBND tỉnh chỉ đạo …": cut between the word that assigns the work
    // and whom it addresses. ("2. Yêu cầu" / "Bảo đảm …" is a heading and its text.)
    if agency::ends_with_assignment_word(prev) && agency::opens_with_agency(next) {
        return true;
    }
    // "k) Đài Truyền hình Việt Nam chủ trì, phối hợp" / "Bộ Khoa học và Công nghệ, …":
    // cut between the role and the partners it names.
    // "…; (2)" / "Phối hợp với Bộ Tài chính …": a point's number cut from its text.
    if ends_with_point_number(prev) {
        return true;
    }
    // ("b) Cơ quan phối hợp" over its list is a field's heading, not a cut.)
    if agency::ends_with_support_role(prev) && !names_a_field(prev) {
        return true;
    }
    // "- Thời gian thực hiện: Quý" / "IV năm 2025": cut between a period and its number.
    if crate::deadline::ends_on_period_word(prev) {
        return true;
    }
    // "Văn phòng UBND tỉnh, Sở Thông tin và Truyền thông," / "Công an tỉnh …": a list
    // cut after a comma goes on, however short its line.
    if prev.trim_end().ends_with(',') {
        return true;
    }
    // "- Cơ quan chủ trì: Sở Nội vụ, Sở" / "Giáo dục và Đào tạo": cut inside a name.
    if agency::ends_on_capital_head(prev) {
        return true;
    }
    // "d) Đài Truyền hình Việt" / "Nam, …", "- Chỉ đạo Hội Liên hiệp" / "Phụ nữ Việt
    // Nam …": cut inside a known name or the country's.
    if agency::continues_cut_name(prev, next) {
        return true;
    }
    let ended = prev
        .trim_end_matches(['"', '”', '\'', ')', ' '])
        .ends_with(['.', ':', ';', '!', '?']);
    let full = prev.chars().count() * 4 >= width * 3;
    !ended && full
}

/// Whether `text`, after its label, is a field's name alone ("b) Cơ quan phối hợp").
fn names_a_field(text: &str) -> bool {
    crate::lexicon::lexicon()
        .field_role_exact(label_body(text).trim())
        .is_some()
}

/// A numbered label with nothing after it ("1.4.", "a)", "II.").
fn is_bare_label(text: &str) -> bool {
    // Labels are short; most lines are ruled out without being parsed.
    text.len() <= 12
        && text.ends_with(['.', ')'])
        && matches!(
            crate::lines::classify_text(text),
            LineKind::Label { body, .. } if text[body..].trim().is_empty()
        )
}

/// "I/2023" at the start of a line is the rest of "Quý I/2023" broken at the line end.
fn is_broken_token(next: &str) -> bool {
    let token = next.split_whitespace().next().unwrap_or("");
    token.split_once('/').is_some_and(|(a, b)| {
        !a.is_empty()
            && a.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
            && b.starts_with(|c: char| c.is_ascii_digit())
    })
}

/// Upper-case line with at least two letters ("KẾ HOẠCH", "II. NHIỆM VỤ").
pub fn is_all_caps(s: &str) -> bool {
    let mut letters = 0;
    for c in s.chars() {
        if c.is_lowercase() {
            return false;
        }
        if crate::fold::is_letter(c) {
            letters += 1;
        }
    }
    letters >= 2
}

fn append(block: &mut Block, line: &Line) {
    let t = &line.text;
    // "1543/KH-" + "UBND" is one token broken at the line end; "2022 -" + "2025" is not.
    let glued = block.text.ends_with('-')
        && !block.text.ends_with(" -")
        && block
            .text
            .chars()
            .rev()
            .nth(1)
            .is_some_and(crate::fold::is_alnum)
        && t.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    if !glued {
        block.text.push(' ');
    }
    block.text.push_str(t);
    block.lines.push(line.no);
}

/// The text width of the document: the 90th percentile of line lengths in characters.
/// Lines close to it were wrapped by the typesetter; shorter ones ended a paragraph.
fn text_width(lines: &[Line]) -> usize {
    let mut lens: Vec<usize> = lines
        .iter()
        .filter(|l| {
            !matches!(
                l.kind,
                LineKind::Blank | LineKind::PageNumber | LineKind::Furniture
            )
        })
        .map(|l| l.text.chars().count())
        .collect();
    if lens.is_empty() {
        return 80;
    }
    lens.sort_unstable();
    lens[(lens.len() * 9 / 10).min(lens.len() - 1)].max(20)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::classify;
    use crate::normalize::normalize;

    fn blocks(text: &str) -> Vec<String> {
        let lines = classify(&normalize(text));
        join(&lines, &[]).into_iter().map(|b| b.text).collect()
    }

    #[test]
    fn wraps_join_across_blank_lines() {
        let text = "1.1. Tham mưu Ban Thường vụ Tỉnh ủy ban hành Chỉ thị về tăng cường lãnh\n\nđạo việc đẩy mạnh thực hiện Đề án phát triển ứng dụng dữ liệu về dân cư.\n- Cơ quan chủ trì: Công an tỉnh.\n- Cơ quan phối hợp: Văn phòng UBND tỉnh và các sở, ban, ngành, đoàn\n\nthể, địa phương liên quan.\n";
        assert_eq!(
            blocks(text),
            vec![
                "1.1. Tham mưu Ban Thường vụ Tỉnh ủy ban hành Chỉ thị về tăng cường lãnh đạo việc đẩy mạnh thực hiện Đề án phát triển ứng dụng dữ liệu về dân cư.",
                "- Cơ quan chủ trì: Công an tỉnh.",
                "- Cơ quan phối hợp: Văn phòng UBND tỉnh và các sở, ban, ngành, đoàn thể, địa phương liên quan.",
            ]
        );
    }

    /// A short line that ends on a comma was cut inside a list: a field value alone on
    /// the line under its label goes on after a blank line.
    #[test]
    fn a_line_cut_after_a_comma_goes_on() {
        let text = "1.1. Xây dựng và triển khai hệ thống thông tin phục vụ quản lý nhà nước về dân cư\ntrên địa bàn tỉnh.\n- Cơ quan phối hợp:\nVăn phòng UBND tỉnh, Sở Y tế,\n\nCông an tỉnh và các đơn vị liên quan.\n- Thời gian hoàn thành:\nQuý II/2023.\n";
        assert_eq!(
            blocks(text)[1..],
            [
                "- Cơ quan phối hợp: Văn phòng UBND tỉnh, Sở Y tế, Công an tỉnh và các đơn vị liên quan.",
                "- Thời gian hoàn thành: Quý II/2023.",
            ]
        );
    }

    /// A line cut between a period word and its number goes on, even before a capital.
    #[test]
    fn a_line_cut_inside_a_date_goes_on() {
        let text = "1.1. Xây dựng và triển khai hệ thống thông tin phục vụ quản lý nhà nước về dân cư\ntrên địa bàn tỉnh.\n- Thời gian thực hiện: Quý\nIV năm 2025 và các năm tiếp theo.\n";
        assert_eq!(
            blocks(text)[1..],
            ["- Thời gian thực hiện: Quý IV năm 2025 và các năm tiếp theo."]
        );
    }

    #[test]
    fn heading_then_paragraph() {
        let text = "2.1. Về hoàn thiện cơ sở pháp lý\nRà soát các văn bản quy phạm pháp luật của Hội đồng nhân dân và Ủy ban nhân\ndân tỉnh ban hành liên quan đến chức năng quản lý nhà nước của ngành mình.\n";
        assert_eq!(blocks(text).len(), 2);
    }

    /// "b) Đề nghị" / "UBND tỉnh …" is one item cut before whom it asks; "2. Yêu cầu" /
    /// "Bảo đảm …" is a heading and its text.
    #[test]
    fn a_line_cut_after_an_assigning_word_goes_on() {
        let text = "b) Đề nghị\nUBND tỉnh chỉ đạo các ngành chức năng thực hiện các cam kết.\n2. Yêu cầu\nBảo đảm sự lãnh đạo của cấp ủy.\n";
        assert_eq!(
            blocks(text),
            vec![
                "b) Đề nghị UBND tỉnh chỉ đạo các ngành chức năng thực hiện các cam kết.",
                "2. Yêu cầu",
                "Bảo đảm sự lãnh đạo của cấp ủy.",
            ]
        );
    }

    #[test]
    fn lettered_fields_on_one_line_are_cut_apart() {
        let text = "3. Rà soát văn bản, cụ thể: a) Cơ quan chủ trì: Sở Nội vụ; b) cơ quan phối hợp: Sở Tư pháp c) Thời gian thực hiện: Quý IV/2025.\nd) Tổ chức hội nghị (a) và (b) theo quy định tại điểm a) của Luật.\n";
        assert_eq!(
            blocks(text),
            vec![
                "3. Rà soát văn bản, cụ thể:",
                "a) Cơ quan chủ trì: Sở Nội vụ;",
                "b) cơ quan phối hợp: Sở Tư pháp",
                "c) Thời gian thực hiện: Quý IV/2025.",
                "d) Tổ chức hội nghị (a) và (b) theo quy định tại điểm a) của Luật.",
            ]
        );
    }

    /// Where Markdown bold closes, a heading that wrapped without punctuation ends; bold
    /// that goes on over the next line does not end it.
    #[test]
    fn bold_heading_ends_where_bold_closes() {
        let text = "**4. Sở Văn\nhóa, Thể thao và Du lịch; Báo và Phát thanh, Truyền hình Cần Thơ**\nChỉ đạo các cơ quan truyền\nthông tăng thời lượng.\n**II. NỘI DUNG**\n**THỰC HIỆN**\n";
        assert_eq!(
            blocks(text),
            vec![
                "4. Sở Văn hóa, Thể thao và Du lịch; Báo và Phát thanh, Truyền hình Cần Thơ",
                "Chỉ đạo các cơ quan truyền thông tăng thời lượng.",
                "II. NỘI DUNG THỰC HIỆN",
            ]
        );
        // The wrapped part opens with a capital: the open bold still carries it.
        let text = "**2. Sở\nKhoa học và Công nghệ**\n\nTiếp tục nâng cấp hệ thống.\n";
        assert_eq!(
            blocks(text),
            vec!["2. Sở Khoa học và Công nghệ", "Tiếp tục nâng cấp hệ thống."]
        );
    }

    #[test]
    fn broken_tokens_rejoin() {
        let text = "tiếp tục thực hiện Kế hoạch số 1543/KH-\nUBND ngày 16/3/2022 của UBND tỉnh, giai đoạn 2022 -\n2025 và Quý\nI/2023.";
        assert_eq!(
            blocks(text),
            vec![
                "tiếp tục thực hiện Kế hoạch số 1543/KH-UBND ngày 16/3/2022 của UBND tỉnh, giai đoạn 2022 - 2025 và Quý I/2023."
            ]
        );
        // "III/2024." is all capitals and still the rest of "Quý".
        assert_eq!(
            blocks("- Thời gian hoàn thành: trong Quý\nIII/2024.\n"),
            vec!["- Thời gian hoàn thành: trong Quý III/2024."]
        );
    }

    #[test]
    fn field_value_on_the_next_line() {
        let text = "- Cơ quan chủ trì:\nTrung tâm Công nghệ thông tin.\n- Cơ quan phối hợp:\n\nCục An toàn thông tin; Văn phòng Bộ.\nThời hạn: Quý I/2025.";
        assert_eq!(
            blocks(text),
            vec![
                "- Cơ quan chủ trì: Trung tâm Công nghệ thông tin.",
                "- Cơ quan phối hợp: Cục An toàn thông tin; Văn phòng Bộ.",
                "Thời hạn: Quý I/2025."
            ]
        );
    }

    #[test]
    fn field_label_wrapped_mid_label() {
        let lines = classify(&normalize(
            "- Cơ quan chủ\ntrì: Sở Y tế.\n- Thời gian hoàn\n\nthành: Quý II/2024.",
        ));
        let b = join(&lines, &[]);
        assert_eq!(b.len(), 2);
        assert!(
            b.iter().all(|b| matches!(b.kind, LineKind::Field { .. })),
            "{b:?}"
        );
        assert_eq!(b[0].body(), "Sở Y tế.");
    }

    #[test]
    fn several_fields_on_one_line() {
        let text = "Chủ trì: Phòng Bưu chính; Phối hợp: các doanh nghiệp viễn thông; Thời gian:\nQuý III/2024.";
        assert_eq!(
            blocks(text),
            vec![
                "Chủ trì: Phòng Bưu chính",
                "Phối hợp: các doanh nghiệp viễn thông",
                "Thời gian: Quý III/2024."
            ]
        );
    }

    /// The next field's bullet run into the line; a dash inside a name cuts nothing.
    #[test]
    fn field_after_a_dash_on_the_same_line() {
        let text = "- Cơ quan thực hiện: Sở Lao động - Thương binh và Xã hội chủ trì, phối hợp với địa phương -Thời gian thực hiện: Thường xuyên.";
        assert_eq!(
            blocks(text),
            vec![
                "- Cơ quan thực hiện: Sở Lao động - Thương binh và Xã hội chủ trì, phối hợp với địa phương",
                "Thời gian thực hiện: Thường xuyên."
            ]
        );
        let text =
            "- Thời gian thực hiện: Sau khi có hướng dẫn của Bộ Lao động – Thương binh và Xã hội.";
        assert_eq!(blocks(text), vec![text]);
    }

    #[test]
    fn sub_item_run_into_its_heading() {
        let text = "3. Giải quyết tốt tranh chấp lao động 3.1. Rà soát, kiện toàn các thiết chế.\n3.2. Tập huấn.";
        assert_eq!(
            blocks(text),
            vec![
                "3. Giải quyết tốt tranh chấp lao động",
                "3.1. Rà soát, kiện toàn các thiết chế.",
                "3.2. Tập huấn."
            ]
        );
        // The sub-item's number closing the heading's line, its text on the next.
        let text = "1. Tăng cường sự lãnh đạo của cấp ủy 1.1\nTổ chức tuyên truyền.\n1.2. Nâng cao vai trò.";
        assert_eq!(
            blocks(text),
            vec![
                "1. Tăng cường sự lãnh đạo của cấp ủy",
                "1.1 Tổ chức tuyên truyền.",
                "1.2. Nâng cao vai trò."
            ]
        );
        let text = "2. Nâng cao năng lực quản lý nhà nước 2.1.\n\nRà soát, kiến nghị sửa đổi.";
        assert_eq!(
            blocks(text),
            vec![
                "2. Nâng cao năng lực quản lý nhà nước",
                "2.1.",
                "Rà soát, kiến nghị sửa đổi."
            ]
        );
        // A cited clause is not a sub-item; nor is another item's number.
        for text in [
            "3. Thực hiện theo điểm 3.1. của Quyết định.",
            "3. Thực hiện theo mục 2.1. Kế hoạch.",
            "3. Thực hiện theo mục 3.10 Quyết định.",
        ] {
            assert_eq!(blocks(text), vec![text]);
        }
    }

    /// A form's blank ("- Thời gian phát phiếu: ………") is prose; a value is a field.
    #[test]
    fn blanks_to_fill_are_no_fields() {
        let kinds = |text: &str| -> Vec<bool> {
            join(&classify(&normalize(text)), &[])
                .iter()
                .map(|b| matches!(b.kind, LineKind::Field { .. }))
                .collect()
        };
        assert_eq!(
            kinds(
                "- Thời gian phát phiếu: ………………\n- Thời hạn: .........\n- Cơ quan chủ trì: ____\n- Thời gian: Quý I/2026.\n- Cơ quan chủ trì: Sở Y tế."
            ),
            [false, false, false, true, true]
        );
    }

    /// A line cut after a joining word goes on, capital or not, short or not.
    #[test]
    fn line_ending_on_a_joining_word_goes_on() {
        assert_eq!(
            blocks("5. Xây dựng Nghị định của\nChính phủ\n- Nghị định quy định chi tiết."),
            vec![
                "5. Xây dựng Nghị định của Chính phủ",
                "- Nghị định quy định chi tiết."
            ]
        );
        // Without one, a short line ends its block (the text is wider than it).
        let wide =
            "Căn cứ Luật Tổ chức chính quyền địa phương, Ủy ban nhân dân tỉnh ban hành Kế hoạch.";
        assert_eq!(
            blocks(&format!(
                "{wide}\n- Tổ chức tập huấn cho cán bộ\nSở Y tế chủ trì."
            )),
            vec![wide, "- Tổ chức tập huấn cho cán bộ", "Sở Y tế chủ trì."]
        );
        assert_eq!(
            blocks(&format!(
                "{wide}\n- Tổ chức tập huấn cho cán bộ của\nSở Y tế."
            )),
            vec![wide, "- Tổ chức tập huấn cho cán bộ của Sở Y tế."]
        );
        // A joining word that ends a noun ("nhà ở", housing) cuts nothing.
        assert_eq!(
            blocks(&format!(
                "{wide}
1.2. Hỗ trợ khẩn cấp về nhà ở

Ủy ban nhân dân các tỉnh, thành
phố:"
            )),
            vec![
                wide,
                "1.2. Hỗ trợ khẩn cấp về nhà ở",
                "Ủy ban nhân dân các tỉnh, thành phố:"
            ]
        );
        // So does a label alone on its line, and a line cut after the head of an
        // agency's name.
        assert_eq!(
            blocks("1.4.\nỦy ban nhân dân các phường, xã\n- Tổng hợp kết quả."),
            vec!["1.4. Ủy ban nhân dân các phường, xã", "- Tổng hợp kết quả."]
        );
        assert_eq!(
            blocks(&format!(
                "{wide}\n- Cơ quan chủ trì: Sở Nội vụ, Sở\nGiáo dục và Đào tạo."
            )),
            vec![
                wide,
                "- Cơ quan chủ trì: Sở Nội vụ, Sở Giáo dục và Đào tạo."
            ]
        );
    }

    #[test]
    fn page_numbers_do_not_break_paragraphs() {
        let text = "a. Phối hợp với các đơn vị liên quan, xây dựng phương án để các tổ chức thực\n\n7\n\nhiện việc kinh doanh.";
        let b = blocks(text);
        assert_eq!(
            b,
            vec![
                "a. Phối hợp với các đơn vị liên quan, xây dựng phương án để các tổ chức thực hiện việc kinh doanh.",
                "7"
            ]
        );
    }
}
