//! Agency lists: splitting "Văn phòng UBND tỉnh và các sở, ban, ngành, ..." into
//! agencies, canonical names and join keys, per-agency headings, inline assignments
//! ("X chủ trì, phối hợp với Y thực hiện ...") and duty openers ("Phối hợp với X ...").
//!
//! The written grammar is `grammar/agency.ebnf`; the words it refers to (head words,
//! collective nouns, known names, abbreviations, verbs) live in
//! `grammar/agencies.toml`, so the lexicon can grow without touching code.
//!
//! Everything works on a token stream of the original text (so byte offsets stay
//! exact) whose words carry a [`fold`]ed form (so case and tone style never matter).
//! Each function makes a bounded number of left-to-right passes: near-linear, no
//! backtracking, and no indexing that can fail on input.

use compact_str::CompactString;
use rustc_hash::FxHashMap as HashMap;
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::LazyLock;

use serde::Deserialize;

use crate::fold::{capitalize_first, collapse_ws, fold, slug, tone_style};
use crate::model::Agency;

// ───────────────────────────── public API ─────────────────────────────

/// Split an agency-list field value ("Văn phòng UBND tỉnh và các sở, ban, ngành,
/// đoàn thể, địa phương liên quan.") into agencies.
///
/// Field values are whole lists, so a piece that is not an agency belongs to the
/// agency before it ("Cơ quan chủ quản hệ thống thông tin, cơ sở dữ liệu chuyên ngành").
pub fn split_agencies(text: &str) -> Vec<Agency> {
    // A table cell naming either of two bodies.
    if let Some(sides) = alternative_names(text) {
        return sides.iter().flat_map(|s| split_agencies(s)).collect();
    }
    // "- Vụ Đất đai - Cục Quy hoạch và Phát triển tài nguyên đất - Các đơn vị khác": a
    // cell's bullets run together. A dash opens a new agency only where an agency's name
    // follows it, so "Phòng Tài chính - Kế hoạch" stays whole.
    if let Some(rest) = text.trim_start().strip_prefix("- ")
        && rest.contains(" - ")
    {
        let mut lists: Vec<String> = Vec::new();
        for piece in rest.split(" - ") {
            match lists.last_mut() {
                Some(last) if !opens_agency_list(piece) => {
                    last.push_str(" - ");
                    last.push_str(piece);
                }
                _ => lists.push(piece.to_owned()),
            }
        }
        if lists.len() > 1 {
            return lists.iter().flat_map(|l| split_agencies(l)).collect();
        }
    }
    if let Some(each) = distribute_shared_head(text) {
        return split_agencies(&each);
    }
    let sc = Scanner::new(text);
    let from = sc.skip_label(0);
    sc.list(from, sc.len(), Mode::Field).items
}

/// "Các Bộ: Công Thương, Xây dựng, Nông nghiệp và Phát triển nông thôn, Ngân hàng Nhà
/// nước Việt Nam" → "Bộ Công Thương, Bộ Xây dựng, Bộ Nông nghiệp và Phát triển nông
/// thôn, Ngân hàng Nhà nước Việt Nam": the head said once before a colon goes to each
/// field after it (a known field is one piece, "và" and commas in it included), but
/// not to a piece that names an agency of its own. None for any other text.
fn distribute_shared_head(text: &str) -> Option<String> {
    // Most texts are ruled out by their first word or the one after a label.
    let t = text.trim_start();
    let t = match t.split_once(' ') {
        Some((label, rest)) if label.ends_with(['.', ')']) => rest,
        _ => t,
    };
    if !["Các ", "các ", "CÁC "].iter().any(|p| t.starts_with(p)) {
        return None;
    }
    let colon = text.find(':').filter(|&c| c <= 40)?;
    let words: Vec<&str> = text[..colon].split_whitespace().collect();
    // "Các Bộ", after at most a label ("1.", "a)").
    let (label, pair) = match words.as_slice() {
        [a, b] => ("", [*a, *b]),
        [l, a, b] if l.ends_with(['.', ')']) => (*l, [*a, *b]),
        _ => return None,
    };
    // The head must take a field (`field_heads`: "Bộ", "Sở", "Phòng", …) and be one word.
    let head = pair[1];
    let head_toks = tokenize(head);
    if fold(pair[0]) != "các" || LEXICON.field_heads.match_at(&head_toks, 0) != Some(1) {
        return None;
    }
    let head = crate::fold::capitalize_first(head);
    let sc = Scanner::new(&text[colon + 1..]);
    let mut pieces: Vec<String> = Vec::new();
    let mut i = 0;
    while i < sc.len() {
        if matches!(
            sc.kind(i),
            Some(Kind::Comma | Kind::Semi | Kind::Stop | Kind::Colon)
        ) || sc.is_word(i, "và")
        {
            i += 1;
            continue;
        }
        let field = LEXICON.fields.match_at(&sc.toks, i);
        let end = match field {
            Some(len) => i + len,
            None => (i..sc.len())
                .find(|&j| {
                    matches!(
                        sc.kind(j),
                        Some(Kind::Comma | Kind::Semi | Kind::Stop | Kind::Colon)
                    )
                })
                .unwrap_or(sc.len()),
        };
        let piece = sc.text(i, end);
        // "Công an" is a field here, though it opens agencies' names elsewhere.
        pieces.push(if field.is_none() && opens_agency_list(&piece) {
            piece
        } else {
            format!("{head} {piece}")
        });
        i = end;
    }
    (pieces.len() >= 2).then(|| {
        let list = pieces.join(", ");
        if label.is_empty() {
            list
        } else {
            format!("{label} {list}")
        }
    })
}

/// A lead or responsibility field that names both roles after the agencies: "Sở Tư
/// pháp chủ trì; các sở, ngành phối hợp" → (lead, support). Each piece runs up to a role phrase
/// that ends it (before ",", ";", "." or the end). None unless some piece ends so: the
/// value is then an ordinary agency list.
pub fn split_roles(value: &str) -> Option<(Vec<Agency>, Vec<Agency>)> {
    let lex = &*LEXICON;
    let folded = fold(value);
    if !lex.lead_roles.may_occur(&folded) && !lex.support_roles.may_occur(&folded) {
        return None;
    }
    let value = unbracket_roles(value);
    let sc = Scanner::new(&value);
    let (mut lead, mut support) = (Vec::new(), Vec::new());
    let mut from = sc.skip_label(0);
    let mut found = false;
    let mut i = from;
    while i < sc.len() {
        let role = [(&lex.lead_roles, true), (&lex.support_roles, false)]
            .into_iter()
            .find_map(|(roles, is_lead)| roles.match_at(&sc.toks, i).map(|len| (len, is_lead)));
        // "phối hợp thực hiện": a trailing verb may follow the role.
        let end_of =
            |len: usize| i + len + lex.trailing_verbs.match_at(&sc.toks, i + len).unwrap_or(0);
        // The role ends its piece before a mark, or, for a lead, right before the
        // support role ("X chủ trì phối hợp với Y", the comma left out).
        let Some((end, is_lead)) = role.map(|(len, l)| (end_of(len), l)).filter(|&(end, l)| {
            i > from
                && (sc
                    .kind(end)
                    .is_none_or(|k| matches!(k, Kind::Comma | Kind::Semi | Kind::Stop))
                    || (l && lex.support_roles.match_at(&sc.toks, end).is_some()))
        }) else {
            i += 1;
            continue;
        };
        let items = sc.list(from, i, Mode::Field).items;
        if is_lead { &mut lead } else { &mut support }.extend(items);
        found = true;
        i = sc.skip_commas(end);
        while matches!(sc.kind(i), Some(Kind::Semi | Kind::Stop)) {
            i += 1;
        }
        from = i;
    }
    if !found {
        return lead_with_support(&sc);
    }
    // What follows the last role: "phối hợp (với) Y" supports; anything else ("...; Sở
    // Y tế") is read as a lead field value is.
    match lex.support_roles.match_at(&sc.toks, from) {
        Some(len) => support.extend(sc.list(from + len, sc.len(), Mode::Field).items),
        None => lead.extend(sc.list(from, sc.len(), Mode::Field).items),
    }
    Some((lead, support))
}

/// A lead field naming its lead, then "phối hợp (với)" and who supports: "Trung tâm
/// Công nghệ thông tin và Truyền thông phối hợp với Công an tỉnh (Phòng An ninh mạng)".
/// The lead must be an agency list reaching the role.
fn lead_with_support(sc: &Scanner) -> Option<(Vec<Agency>, Vec<Agency>)> {
    let from = sc.skip_label(0);
    let at = sc.find_top_level(from + 1, &LEXICON.support_roles)?;
    let len = LEXICON.support_roles.match_at(&sc.toks, at)?;
    let lead = sc.list(from, at, Mode::Bounded { strict: true });
    if lead.items.is_empty() || lead.end < at {
        return None;
    }
    let support = sc.list(at + len, sc.len(), Mode::Field).items;
    (!support.is_empty()).then_some((lead.items, support))
}

/// Build one Agency from a name as written (canonical, key, group computed here).
pub fn make_agency(name: &str, note: Option<String>) -> Agency {
    let name = clean_text(name);
    let (canonical, key, group) = derived(&name);
    Agency {
        key,
        group,
        canonical,
        name,
        note: note.map(|n| clean_text(&n)).filter(|n| !n.is_empty()),
    }
}

/// Canonical form, key and group of a name, memoised per thread: plans name the same few
/// dozen agencies over and over, and canonicalisation is the costly part. The cache is
/// bounded so a long batch cannot grow it without limit.
fn derived(name: &str) -> (String, String, bool) {
    thread_local! {
        static CACHE: RefCell<HashMap<String, (String, String, bool)>> = RefCell::new(HashMap::default());
    }
    memoised(&CACHE, 4096, name, || {
        let canonical = canonical(name);
        (
            canonical.clone(),
            slug(&canonical),
            is_group(name, &canonical),
        )
    })
}

/// `make()`, kept in a per-thread `memo` under `key`. The memo empties itself when it
/// holds `max` entries, so a long batch cannot grow it without limit. It is not
/// borrowed while `make` runs, which may use other memos.
fn memoised<V: Clone>(
    memo: &'static std::thread::LocalKey<RefCell<HashMap<String, V>>>,
    max: usize,
    key: &str,
    make: impl FnOnce() -> V,
) -> V {
    if let Some(hit) = memo.with(|m| m.borrow().get(key).cloned()) {
        return hit;
    }
    let value = make();
    memo.with(|m| {
        let mut m = m.borrow_mut();
        if m.len() >= max {
            m.clear();
        }
        m.insert(key.to_owned(), value.clone());
    });
    value
}

/// The canonical spelling: abbreviations expanded (UBND → Ủy ban nhân dân, TT&TT →
/// Thông tin và Truyền thông, VP → Văn phòng as a head, ...), modern tone style,
/// first letter upper case, whitespace collapsed, trailing punctuation dropped and a
/// trailing "có liên quan" shortened to "liên quan". When the result is a known name
/// (or a department head + known field), the lexicon's spelling wins, so plans that
/// write "Cục thuế tỉnh" and "Cục Thuế tỉnh" share one key.
pub fn canonical(name: &str) -> String {
    let styled = tone_style(name);
    let toks = tokenize(&styled);
    let lex = &*LEXICON;
    let mut parts: Vec<(Kind, String)> = Vec::with_capacity(toks.len());
    for (idx, t) in toks.iter().enumerate() {
        let text = &styled[t.start..t.end];
        let expanded = match (t.kind, lex.abbreviations.get(t.fold.as_str())) {
            (Kind::Word, Some(ab)) if has_upper(text) && (!ab.head_only || idx == 0) => {
                Some(ab.long.clone())
            }
            _ => None,
        };
        parts.push((t.kind, expanded.unwrap_or_else(|| text.to_string())));
    }
    trim_parts(&mut parts);
    shorten_lien_quan(&mut parts);
    // A name from a heading in capitals ("SỞ Y TẾ"): the lexicon's spelling when it
    // knows the name in lower case; a proper name it does not know keeps its capitals.
    if !styled.chars().any(char::is_lowercase) {
        let lowered: Vec<(Kind, String)> = parts
            .iter()
            .map(|(kind, part)| match kind {
                Kind::Word if !part.chars().any(char::is_lowercase) => (*kind, part.to_lowercase()),
                _ => (*kind, part.clone()),
            })
            .collect();
        if let Some(known) = lex.known_spelling(&capitalize_first(&render(&lowered))) {
            return known;
        }
    }
    let text = capitalize_first(&render(&parts));
    lex.known_spelling(&text).unwrap_or(text)
}

/// A per-agency responsibility heading ("Công an tỉnh - Cơ quan thường trực Tổ Công
/// tác", "Sở Tài chính, Sở Kế hoạch và Đầu tư", "UBND các huyện, thị xã, thành phố",
/// "Các sở, ngành và địa phương:") → its agencies; the " - Cơ quan thường trực …" or
/// "(…)" part becomes the note. None for ordinary headings ("Công tác tuyên truyền",
/// "Kinh phí thực hiện"): the whole heading must be an agency list.
pub fn agency_heading(text: &str) -> Option<Vec<Agency>> {
    if let Some(each) = distribute_shared_head(text) {
        return agency_heading(&each);
    }
    // "Sở Văn hóa, Thể thao và Du lịch/Sở Văn hóa và Thể thao tỉnh, thành phố trực thuộc
    // Trung ương": the body under either name, as a list of agencies reads it.
    if let Some(sides) = alternative_names(text) {
        return Some(sides.iter().flat_map(|s| split_agencies(s)).collect());
    }
    // Most headings name work ("Công tác tuyên truyền"): their first piece decides,
    // before the whole heading is tokenized.
    let head = Scanner::head(text, 16);
    let at = head.heading_start();
    if at < head.len() && head.classify_opening(at, true) == SegKind::Other {
        return None;
    }
    let sc = Scanner::new(text);
    let from = sc.heading_start();
    let mut to = sc.trim_end_punct(from, sc.len());
    // "Sở Tài chính có trách nhiệm:".
    if let Some(len) = LEXICON.heading_closers.len_ending_at(&sc.toks, to)
        && to - len > from
    {
        to = sc.trim_end_punct(from, to - len);
    }
    let mut note = None;
    if let Some(dash) = sc.heading_note_dash(from, to) {
        note = Some(sc.text(dash + 1, to));
        to = dash;
    }
    if from >= to {
        return None;
    }
    // "Sở Văn hóa, Thể thao và Du lịch; Báo và Phát thanh, Truyền hình Cần Thơ": lists
    // joined by ";", each an agency list to its end.
    let mut items = Vec::new();
    for (cs, ce) in sc.chunks(from, to) {
        let ce = sc.trim_end_punct(cs, ce);
        let mut out = sc.list(cs, ce, Mode::Bounded { strict: true });
        if out.end < ce
            && let [only] = out.items.as_slice()
            && let Some(named) = named_units(
                only,
                &text[sc.offset(cs)..sc.offset(ce)],
                &text[sc.offset(out.end)..sc.offset(ce)],
            )
        {
            out.items = vec![named];
            out.end = ce;
        }
        // "Các đơn vị chuyên môn: Khoa Lý luận Chính trị, Viện Kinh tế Quản lý và …": a
        // collective, then after a colon its members; the heading is the collective, and
        // the members its note.
        if out.end < ce
            && let [only] = out.items.as_slice()
            && only.group
            && sc.kind(out.end) == Some(Kind::Colon)
        {
            // Members may be units no lexicon names ("Khoa …"): capitalised words count.
            let members = sc.list(out.end + 1, ce, Mode::Bounded { strict: false });
            // Each a proper name ("Viện Kinh tế Quản lý"), not work that happens to open
            // with a capital ("Các địa phương: Thực hiện tốt …").
            let proper = |a: &Agency| {
                a.name
                    .split_whitespace()
                    .filter(|w| w.starts_with(char::is_uppercase))
                    .count()
                    >= 2
            };
            if !members.items.is_empty() && members.end >= ce && members.items.iter().all(proper) {
                let mut collective = only.clone();
                let named = sc.text(out.end + 1, ce);
                collective.note = Some(join_notes(collective.note.take(), named));
                out.items = vec![collective];
                out.end = ce;
            }
        }
        if out.items.is_empty() || out.end < ce {
            return None;
        }
        items.extend(out.items);
    }
    if let (Some(note), Some(last)) = (note, items.last_mut()) {
        last.note = Some(join_notes(last.note.take(), note));
    }
    Some(items)
}

/// The sides of `text` cut at "/" when each opens with an agency's name and is a whole
/// agency heading: "Ban Quản lý quy hoạch/Tư vấn được lựa chọn". "Phòng Kinh tế/Hạ tầng"
/// and dates stay whole.
fn alternative_names(text: &str) -> Option<Vec<&str>> {
    if !text.contains('/') {
        return None;
    }
    let sides: Vec<&str> = text.split('/').map(str::trim).collect();
    (sides.len() > 1
        && sides
            .iter()
            .all(|s| opens_agency_list(s) && agency_heading(s).is_some()))
    .then_some(sides)
}

/// A collective of territorial units followed by their names: "Ủy ban nhân dân các xã"
/// and ": Gia Thuận, Tân Điền, Gò Công Đông", "Ủy ban nhân dân các xã, phường" and "đặc
/// khu Cồn Cỏ". The whole of `written` is one agency, as written; `rest` is what the list
/// left after the collective.
fn named_units(collective: &Agency, written: &str, rest: &str) -> Option<Agency> {
    /// Words a unit's name may have ("Tân Phú Đông").
    const MAX_NAME_WORDS: usize = 4;
    let unit_before = |folded: &str| -> Option<usize> {
        LEXICON
            .unit_words
            .iter()
            .filter(|u| {
                folded
                    .strip_prefix(u.as_str())
                    .is_some_and(|after| after.starts_with(' '))
            })
            .map(String::len)
            .max()
    };
    let folded = fold(&collective.name);
    let ends_on_unit = LEXICON.unit_words.iter().any(|u| {
        folded
            .strip_suffix(u.as_str())
            .is_some_and(|b| b.ends_with(' '))
    });
    // One more unit may come with the names ("…, đặc khu Cồn Cỏ"); folding keeps the
    // byte length of these words, so the cut falls in the same place.
    let (names, unit_in_rest) = match unit_before(&fold(rest)) {
        Some(len) if rest.is_char_boundary(len) => (&rest[len..], true),
        _ => (rest, false),
    };
    let names = names.trim_start_matches([':', ' ']);
    let is_name = |piece: &str| {
        let words: Vec<&str> = piece.split_whitespace().collect();
        !words.is_empty()
            && words.len() <= MAX_NAME_WORDS
            && words
                .iter()
                .all(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()))
    };
    let all_names = names
        .split(',')
        .flat_map(|p| p.split(" và "))
        .all(|p| is_name(p.trim()));
    ((ends_on_unit || unit_in_rest) && all_names).then(|| {
        let mut named = make_agency(written.trim(), None);
        named.note = collective.note.clone();
        named
    })
}

/// The most characters before the colon of [`colon_lead`].
const MAX_COLON_LEAD: usize = 160;

/// "Sở Thông tin và Truyền thông: Nâng cấp hệ thống …" → the agencies before the colon
/// and the byte offset in `text` where the work after it starts. None unless all of the
/// text before the first ":" is an agency list (as [`agency_heading`] reads it) and some
/// text follows.
pub fn colon_lead(text: &str) -> Option<(Vec<Agency>, usize)> {
    // Three bodies' full names fit ("Cục Báo chí, Cục Phát thanh Truyền hình và Thông
    // tin điện tử, Cục Thông tin cơ sở và Thông tin đối ngoại:"); longer text before a
    // colon is prose, and is not tokenized for this.
    let colon = text.find(':')?;
    let (head, rest) = (&text[..colon], text[colon + 1..].trim_start());
    if rest.is_empty() || head.chars().count() > MAX_COLON_LEAD {
        return None;
    }
    Some((agency_heading(head)?, text.len() - rest.len()))
}

/// Whether `text` says someone leads ("chủ trì", `lead_roles` in
/// `grammar/agencies.toml`).
pub fn names_lead_role(text: &str) -> bool {
    let folded = fold(text);
    LEXICON.lead_roles.may_occur(&folded) && {
        let sc = Scanner::new(text);
        (0..sc.len()).any(|i| LEXICON.lead_roles.match_at(&sc.toks, i).is_some())
    }
}

/// "Sở Y tế (chủ trì); Sở Nội vụ, Sở Tài chính (phối hợp)": a role in brackets after
/// the agencies it names, read as the role written out ("Sở Y tế chủ trì; …"). The
/// agencies after the last one, when it is the lead's, are its partners: "Sở Tài chính
/// (chủ trì), Sở Y tế" reads "Sở Tài chính chủ trì, phối hợp Sở Y tế".
fn unbracket_roles(value: &str) -> std::borrow::Cow<'_, str> {
    // The bracket's role: Some(true) for a lead's, Some(false) for a partner's.
    let role_of = |inner: &str| {
        let sc = Scanner::new(inner);
        let whole = |roles: &Phrases| roles.match_at(&sc.toks, 0) == Some(sc.len());
        if whole(&LEXICON.lead_roles) {
            Some(true)
        } else {
            whole(&LEXICON.support_roles).then_some(false)
        }
    };
    let mut out = String::new();
    let mut rest = value;
    let mut last_lead = false;
    while let Some(open) = rest.find('(') {
        let Some(close) = rest[open..].find(')').map(|k| open + k) else {
            break;
        };
        let inner = &rest[open + 1..close];
        out.push_str(&rest[..open]);
        match role_of(inner) {
            Some(lead) => {
                out.push(' ');
                out.push_str(inner.trim());
                last_lead = lead;
            }
            None => out.push_str(&rest[open..=close]),
        }
        rest = &rest[close + 1..];
    }
    if out.is_empty() {
        return std::borrow::Cow::Borrowed(value);
    }
    let partners = rest.trim_start_matches([',', ';', ' ']);
    if last_lead
        && partners
            .trim_end_matches(['.', ' '])
            .chars()
            .any(char::is_alphabetic)
    {
        out.push_str(", phối hợp ");
        out.push_str(partners);
    } else {
        out.push_str(rest);
    }
    std::borrow::Cow::Owned(out)
}

/// An inline assignment: lead and support agencies and where the remaining prose
/// (usually the deadline) starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assignment {
    pub lead: Vec<Agency>,
    pub support: Vec<Agency>,
    /// Byte offset in the input where the text after the agency lists starts
    /// ("thực hiện trong năm 2024 ..."), so the caller can parse a deadline from it.
    pub rest_start: usize,
}

/// Inline assignment sentence: "Sở Thông tin và Truyền thông chủ trì, phối hợp các
/// sở, ban ngành, địa phương và các đơn vị có liên quan thực hiện trong năm 2024 ..."
/// → lead [Sở TT&TT], support [...], rest "thực hiện trong năm 2024 ...". Also
/// "X chủ trì thực hiện" and "X chủ trì, Y phối hợp thực hiện". None when nothing
/// agency-like stands before "chủ trì" (so "X thực hiện" is not an assignment).
pub fn parse_inline_assignment(sentence: &str) -> Option<Assignment> {
    // Most sentences never say "chủ trì" or "phối hợp": a substring test on the folded
    // text is cheaper than tokenizing them.
    let folded = fold(sentence);
    let lead_role = LEXICON.lead_roles.may_occur(&folded);
    if !lead_role && !LEXICON.support_roles.may_occur(&folded) {
        return None;
    }
    let sc = Scanner::new(sentence);
    let start = sc.subject_start(sc.skip_label(0));
    // "Thực hiện mở tài khoản: Ủy ban nhân dân xã, phường phối hợp với …": the work
    // named before a colon, its assignment after it.
    let after_topic = || {
        let colon = (start..sc.len()).find(|&i| sc.kind(i) == Some(Kind::Colon))?;
        Some(sc.subject_start(colon + 1))
    };
    let Some(lead_at) = sc.find_lead_role(start).filter(|_| lead_role) else {
        return subject_with_partner(&sc, start)
            .or_else(|| subject_with_partner(&sc, after_topic()?));
    };
    if lead_at <= start {
        return None;
    }
    let strict = Mode::Bounded { strict: true };
    let mut subject = sc.list(start, lead_at, strict);
    // "Xây dựng kế hoạch: Sở Tài chính chủ trì, phối hợp với …".
    if subject.items.is_empty()
        && let Some(after) = after_topic().filter(|&a| a < lead_at)
    {
        subject = sc.list(after, lead_at, strict);
    }
    if subject.items.is_empty() || subject.end < lead_at {
        return None;
    }
    let after_role = sc.skip_commas(lead_at + sc.lead_len(lead_at));
    let (mut support, rest) = sc.support_after_lead(after_role);
    let rest_start = sc.offset(rest);
    // "Sở Nội vụ chủ trì tham mưu; các sở, ngành liên quan phối hợp": the partners in a
    // piece of their own after ";", named by their role.
    if support.is_empty() {
        support = sentence[rest_start..]
            .split(';')
            .skip(1)
            .find_map(partners_by_role)
            .unwrap_or_default();
    }
    add_later_partners(&mut support, &sentence[rest_start..]);
    Some(Assignment {
        lead: subject.items,
        support,
        rest_start,
    })
}

/// The partners of a piece that names them by their role after the lead's piece: "Sở
/// Tài chính, Sở Tư pháp phối hợp thực hiện …" after "Giao Sở Nội vụ chủ trì;". None
/// unless agencies open the piece and the support role follows them with no partner of
/// their own after it ("X phối hợp với Y …" names X's partner, not X's role).
pub fn partners_by_role(piece: &str) -> Option<Vec<Agency>> {
    let folded = fold(piece);
    if !LEXICON.support_roles.may_occur(&folded) {
        return None;
    }
    let sc = Scanner::new(piece);
    let start = sc.subject_start(sc.skip_label(0));
    let subject = sc.list(start, sc.len(), Mode::Bounded { strict: true });
    if subject.items.is_empty() || subject.stop != Stop::Role {
        return None;
    }
    let len = LEXICON.support_roles.match_at(&sc.toks, subject.end)?;
    let partner = sc.list(subject.end + len, sc.len(), Mode::Bounded { strict: false });
    partner.items.is_empty().then_some(subject.items)
}

/// "X phối hợp (với) Y <work>" with no "chủ trì": X does the work, with Y. The subject
/// must be an agency list reaching the role. "X chỉ đạo Y phối hợp với Z …": X has Y
/// do the work with Z, and both lead.
fn subject_with_partner(sc: &Scanner, start: usize) -> Option<Assignment> {
    let strict = Mode::Bounded { strict: true };
    let subject = sc.list(start, sc.len(), strict);
    if subject.items.is_empty() {
        return None;
    }
    let mut lead = subject.items;
    let mut role_at = subject.end;
    let mut stop = subject.stop;
    if stop == Stop::Verb
        && let Some(len) = LEXICON.directing_verbs.match_at(&sc.toks, subject.end)
    {
        let doers = sc.list(subject.end + len, sc.len(), strict);
        if doers.items.is_empty() {
            return None;
        }
        if sc.asked_at(start) {
            lead.clear();
        }
        lead.extend(doers.items);
        role_at = doers.end;
        stop = doers.stop;
    }
    // "X chủ động phối hợp với Y …": an adverb before the role (`role_adverbs`).
    if stop == Stop::Verb
        && let Some(len) = LEXICON.role_adverbs.match_at(&sc.toks, role_at)
        && LEXICON
            .support_roles
            .match_at(&sc.toks, role_at + len)
            .is_some()
    {
        role_at += len;
        stop = Stop::Role;
    }
    if stop != Stop::Role {
        return None;
    }
    let len = LEXICON.support_roles.match_at(&sc.toks, role_at)?;
    let partner = sc.list(role_at + len, sc.len(), Mode::Bounded { strict: false });
    if partner.items.is_empty() {
        return None;
    }
    // "X phối hợp với Z chỉ đạo Y …": X, with Z, has Y do the work; Y leads with X.
    let mut rest = partner.end;
    if partner.stop == Stop::Verb
        && let Some(len) = LEXICON.directing_verbs.match_at(&sc.toks, partner.end)
    {
        let doers = sc.list(partner.end + len, sc.len(), strict);
        if !doers.items.is_empty() {
            lead.extend(doers.items);
            rest = doers.end;
        }
    }
    let mut support = partner.items;
    add_later_partners(&mut support, &sc.src[sc.offset(rest)..]);
    Some(Assignment {
        lead,
        support,
        rest_start: sc.offset(rest),
    })
}

/// Partners named by the later clauses of an assignment's sentence that open with the
/// support role: "X phối hợp với Y xây dựng phương án …; phối hợp với Z hoàn thiện thủ
/// tục …" (`rest` is the text after the first clause's partners).
fn add_later_partners(support: &mut Vec<Agency>, rest: &str) {
    for clause in rest.split(';').skip(1).map(str::trim_start) {
        let sc = Scanner::head(clause, 4);
        let Some(len) = LEXICON.support_roles.match_at(&sc.toks, 0) else {
            continue;
        };
        let sc = Scanner::new(clause);
        let partners = sc.list(len, sc.len(), Mode::Bounded { strict: false });
        for p in partners.items {
            if !support.iter().any(|s| s.key == p.key) {
                support.push(p);
            }
        }
    }
}

/// A duty bullet under a per-agency heading whose agencies are `heading`:
/// "Phối hợp (với) X …" → (X, heading); "Chủ trì, phối hợp (với) X …" →
/// (heading, X); anything else → (heading, []). X ends where the prose continues
/// (a list-ending verb) or at a piece that is not an agency.
pub fn duty_agencies(sentence: &str, heading: &[Agency]) -> (Vec<Agency>, Vec<Agency>) {
    let own = heading.to_vec();
    // Only the opening words decide; most duties open with neither role, and then the
    // rest of a long sentence need not be tokenized.
    let head = Scanner::head(sentence, 24);
    let at = head.duty_opening(head.skip_label(0));
    let decided = at + 2 * MAX_PHRASE < head.len() || head.src.len() == sentence.len();
    if decided
        && LEXICON.lead_roles.match_at(&head.toks, at).is_none()
        && LEXICON.support_roles.match_at(&head.toks, at).is_none()
    {
        return (own, Vec::new());
    }
    let sc = Scanner::new(sentence);
    let at = sc.duty_opening(sc.skip_label(0));
    if let Some(len) = LEXICON.lead_roles.match_at(&sc.toks, at) {
        let next = sc.skip_joiners(at + len);
        if let Some(slen) = LEXICON.support_roles.match_at(&sc.toks, next) {
            let others = sc.list(next + slen, sc.len(), Mode::Bounded { strict: false });
            return (own, others.items);
        }
        return (own, Vec::new());
    }
    if let Some(slen) = LEXICON.support_roles.match_at(&sc.toks, at) {
        let others = sc.list(at + slen, sc.len(), Mode::Bounded { strict: false });
        if !others.items.is_empty() {
            return (others.items, own);
        }
    }
    (own, Vec::new())
}

/// Whether `text` opens with a role, as an item whose doer is its heading's agency or
/// the plan's issuer does: "Chủ trì, phối hợp với …", "Phối hợp với Sở Tài chính …"
/// (after a label, a fronted "Căn cứ …," clause or an adverb, as in a duty).
pub fn opens_with_role(text: &str) -> bool {
    let head = Scanner::head(text, 24);
    let at = head.duty_opening(head.skip_label(0));
    if LEXICON.lead_roles.match_at(&head.toks, at).is_some() {
        return true;
    }
    if LEXICON.support_roles.match_at(&head.toks, at).is_none() {
        return false;
    }
    // "Phối hợp xây dựng phần mềm …" names no partner: work, not an assignment.
    let sc = Scanner::new(text);
    let at = sc.duty_opening(sc.skip_label(0));
    LEXICON
        .support_roles
        .match_at(&sc.toks, at)
        .is_some_and(|len| {
            !sc.list(at + len, sc.len(), Mode::Bounded { strict: false })
                .items
                .is_empty()
        })
}

/// Whether `text` may name a role ("chủ trì", "phối hợp"): a substring test on the fold,
/// cheaper than tokenizing text that names none.
pub fn mentions_role(text: &str) -> bool {
    let folded = fold(text);
    LEXICON.lead_roles.may_occur(&folded) || LEXICON.support_roles.may_occur(&folded)
}

/// Whether `text` names a support role ("phối hợp với …") anywhere, as whole words.
pub fn names_support_role(text: &str) -> bool {
    !support_role_offsets(text).is_empty()
}

/// The byte offsets in `text` where a support role starts, in lower case as a clause's
/// work has it ("Cử chuyên viên phối hợp với …").
pub fn support_role_offsets(text: &str) -> Vec<usize> {
    // Most text names no role: it is not tokenized.
    if !LEXICON.support_roles.may_occur(&fold(text)) {
        return Vec::new();
    }
    let sc = Scanner::new(text);
    (0..sc.len())
        .filter(|&i| {
            sc.tok(i).is_some_and(|t| t.kind == Kind::Word && !t.upper)
                && LEXICON.support_roles.match_at(&sc.toks, i).is_some()
        })
        .map(|i| sc.offset(i))
        .collect()
}

/// Whether `text` opens with a support role ("phối hợp với …"), read on its first words.
pub fn opens_with_support_role(text: &str) -> bool {
    let head = Scanner::head(text, 8);
    LEXICON.support_roles.match_at(&head.toks, 0).is_some()
}

/// The grammatical subject when a sentence opens with agencies: "Các sở, ban ngành,
/// địa phương khẩn trương xây dựng …" → [các sở, ban ngành, địa phương]. A fronted
/// "Căn cứ …," clause and a leading "Giao"/"Đề nghị" are skipped. None when the
/// sentence opens otherwise, or the agencies are not followed by a predicate. Agencies
/// the subject directs ("X chỉ đạo Y thực hiện …") are subjects too.
pub fn subject_agencies(sentence: &str) -> Option<Vec<Agency>> {
    let sc = Scanner::new(sentence);
    let mut start = sc.subject_start(sc.skip_label(0));
    let asked = sc.asked_at(start);
    let mut items = Vec::new();
    loop {
        let out = sc.list(start, sc.len(), Mode::Bounded { strict: true });
        if out.items.is_empty() {
            return None;
        }
        items.extend(out.items);
        match out.stop {
            // "Bộ Tài chính chỉ đạo Sở Giao dịch chứng khoán … thực hiện": the subject
            // has the agencies after the verb do the work, and they are subjects too.
            // The verb is already a predicate, so they may end the sentence.
            Stop::Verb if let Some(len) = LEXICON.directing_verbs.match_at(&sc.toks, out.end) => {
                let doers = sc.list(out.end + len, sc.len(), Mode::Bounded { strict: true });
                if matches!(doers.stop, Stop::Verb | Stop::Role | Stop::End)
                    || sc.kind(doers.end) == Some(Kind::Stop)
                {
                    // "Đề nghị UBND tỉnh chỉ đạo Công an tỉnh …": the one asked passes
                    // the work on; those it directs do it.
                    if asked && !doers.items.is_empty() {
                        items.clear();
                    }
                    items.extend(doers.items);
                }
                return Some(items);
            }
            // "Chính phủ trân trọng đề nghị Ban Tuyên giáo và Dân vận Trung ương, …
            // phối hợp …": the bodies asked do the work.
            Stop::Verb if let Some(asked) = asked_after(&sc, out.end) => return Some(asked),
            Stop::Verb | Stop::Role => return Some(items),
            // "Các sở, ban, ngành; UBND các huyện, thành phố tiếp tục …": lists of
            // agencies joined by ";" share the predicate.
            Stop::Punct if sc.kind(out.end) == Some(Kind::Semi) => start = out.end + 1,
            _ => return None,
        }
    }
}

/// Whether `text` opens with an agency list ("Cục Lâm nghiệp và Kiểm lâm, Sở …",
/// "Các cơ quan, đơn vị có liên quan"): a table cell in an agency column.
pub fn opens_with_agency(text: &str) -> bool {
    let sc = Scanner::new(text);
    let from = sc.skip_label(0);
    !sc.list(from, sc.len(), Mode::Bounded { strict: true })
        .items
        .is_empty()
}

/// Whether `text` is one known name as a whole: a name of `names`, or a field head and
/// a known field ("Bộ Xây dựng", "Bộ Nông nghiệp và Môi trường").
pub fn is_known_name(text: &str) -> bool {
    if LEXICON.name_spelling.contains_key(&fold(text)) {
        return true;
    }
    let toks = tokenize(text);
    LEXICON
        .field_heads
        .match_at(&toks, 0)
        .is_some_and(|head| LEXICON.fields.match_at(&toks, head) == Some(toks.len() - head))
}

/// Whether `text` opens a new list of agencies in mid-text, as a line of a table cell
/// that holds two lists: the name of one agency ("Sở Tài chính …", "UBND tỉnh …") or a
/// capitalised quantified collective ("Các sở, ngành, …"). Not a place or a bare
/// collective noun ("Thành phố", "sở, ngành"), which may end a wrapped name.
pub fn opens_agency_list(text: &str) -> bool {
    let head = Scanner::head(text, 8);
    let at = head.skip_label(0);
    at < head.len()
        && match head.classify_opening(at, true) {
            SegKind::Named => true,
            SegKind::Quantified => head.src[head.toks[at].start..].starts_with(char::is_uppercase),
            _ => false,
        }
}

/// Whether `text` opens with a quantified collective ("Các bộ, …"; `quantifiers` in
/// `grammar/agencies.toml`).
pub fn opens_quantified(text: &str) -> bool {
    let head = Scanner::head(text, 8);
    let at = head.skip_label(0);
    at < head.len() && head.classify_opening(at, true) == SegKind::Quantified
}

/// Whether `text` opens with a word that gives work to whom it names ("Giao", "Đề
/// nghị"; `subject_prefixes` in `grammar/agencies.toml`).
pub fn opens_with_assignment_word(text: &str) -> bool {
    let head = Scanner::head(text, 4);
    LEXICON.subject_prefixes.match_at(&head.toks, 0).is_some()
}

/// Whether `text` opens with a verb of work ("Tham mưu Lãnh đạo Bộ:", "Triển khai …";
/// `list_end_verbs` in `grammar/agencies.toml`) or a role ("Chủ trì, phối hợp …").
pub fn opens_with_work(text: &str) -> bool {
    let head = Scanner::head(text, 4);
    LEXICON.list_end_verbs.match_at(&head.toks, 0).is_some() || opens_with_role(text)
}

/// Whether `text` ends with a word that gives work to whom it names ("b) Đề nghị" over
/// "UBND tỉnh chỉ đạo …"): a line cut before the agency it addresses.
pub fn ends_with_assignment_word(text: &str) -> bool {
    ends_with_any(text, &LEXICON.subject_prefixes)
}

/// Whether `text` ends with a support role ("k) Đài Truyền hình Việt Nam chủ trì, phối
/// hợp" over "Bộ Khoa học và Công nghệ, …"): a line cut before the partners it names.
pub fn ends_with_support_role(text: &str) -> bool {
    ends_with_any(text, &LEXICON.support_roles)
}

/// Whether the last words of `text` are one of `phrases` (of at most four words).
fn ends_with_any(text: &str, phrases: &Phrases) -> bool {
    // Most lines end on none of the phrases' last words: no tokenizing for them.
    if !phrases.may_end(text) {
        return false;
    }
    let tail_at = text
        .trim_end()
        .rmatch_indices(' ')
        .nth(3)
        .map_or(0, |(i, _)| i + 1);
    let tail = Scanner::head(&text[tail_at..], 5);
    (0..tail.len()).any(|i| {
        phrases
            .match_at(&tail.toks, i)
            .is_some_and(|len| i + len == tail.len())
    })
}

/// Whether `text` opens with a verb by which its issuer's addressee has others do the
/// work ("Chỉ đạo Sở Y tế …"; `directing_verbs` in `grammar/agencies.toml`).
pub fn opens_with_directing(text: &str) -> bool {
    let head = Scanner::head(text, 4);
    LEXICON.directing_verbs.match_at(&head.toks, 0).is_some()
}

/// The agencies a sentence asks to do the work: "Hội đồng nhân dân tỉnh đề nghị Ủy ban
/// nhân dân tỉnh chỉ đạo thực hiện …" → [Ủy ban nhân dân tỉnh] (`request_prefixes`
/// after the subject). None unless the sentence opens with such a subject and request.
pub fn asked_agencies(sentence: &str) -> Option<Vec<Agency>> {
    let sc = Scanner::new(sentence);
    let strict = Mode::Bounded { strict: true };
    let subject = sc.list(sc.subject_start(sc.skip_label(0)), sc.len(), strict);
    if subject.items.is_empty() || subject.stop != Stop::Verb {
        return None;
    }
    asked_after(&sc, subject.end)
}

/// The agencies a heading that opens with a request asks: "Đề nghị Trung ương Mặt trận
/// Tổ quốc Việt Nam" → [Trung ương Mặt trận Tổ quốc Việt Nam].
pub fn requested_agencies(heading: &str) -> Option<Vec<Agency>> {
    let sc = Scanner::new(heading);
    asked_after(&sc, sc.skip_label(0))
}

/// The agencies after a request (`request_prefixes`) at token `at`.
fn asked_after(sc: &Scanner, at: usize) -> Option<Vec<Agency>> {
    let len = LEXICON.request_prefixes.match_at(&sc.toks, at)?;
    let asked = sc.list(at + len, sc.len(), Mode::Bounded { strict: true });
    (!asked.items.is_empty()).then_some(asked.items)
}

/// Whether `text` opens with a word that hands its work on to whom it names ("Giao";
/// `handoff_prefixes` in `grammar/agencies.toml`).
pub fn opens_with_handoff(text: &str) -> bool {
    let head = Scanner::head(text, 4);
    LEXICON.handoff_prefixes.match_at(&head.toks, 0).is_some()
}

/// `clause` after a word that joins it on to the work before it, and the comma after
/// that word: "đồng thời, phối hợp chặt chẽ với Sở Tài chính …" → "phối hợp chặt chẽ
/// với Sở Tài chính …" (`clause_joiners` in `grammar/agencies.toml`).
pub fn after_clause_joiner(clause: &str) -> &str {
    let head = Scanner::head(clause, 4);
    match LEXICON.clause_joiners.match_at(&head.toks, 0) {
        Some(len) => clause[head.offset(len)..].trim_start_matches([',', ' ']),
        None => clause,
    }
}

/// Whether an agency's name holds a verb that ends a list ("Sở Thông tin và Truyền thông
/// đôn đốc, hướng dẫn các đơn vị"): a field value that is a sentence, read as a list.
pub fn name_holds_verb(name: &str) -> bool {
    let sc = Scanner::new(name);
    (1..sc.len()).any(|i| sc.verb_at(i).is_some())
}

/// Whether `text` ends with a bare head word ("Viện Khoa học lâm nghiệp Việt Nam,
/// Cục"): an agency name cut by a line or page break before the rest of its name.
pub fn ends_with_bare_head(text: &str) -> bool {
    let sc = Scanner::new(text.trim_end());
    sc.len() > 0
        && sc.kind(sc.len() - 1) == Some(Kind::Word)
        && LEXICON.heads.match_at(&sc.toks, sc.len() - 1) == Some(1)
}

/// Whether the last word of `text` is a capitalised bare head ("Sở Nội vụ, Sở", "Bộ"):
/// a line cut inside a name, which the next line goes on ("Giáo dục và Đào tạo").
pub fn ends_on_capital_head(text: &str) -> bool {
    let last_word = text.trim_end().rsplit(' ').next().unwrap_or("");
    last_word.starts_with(char::is_uppercase) && ends_with_bare_head(last_word)
}

/// Whether `next` goes on the name that `prev` cut after its head ("Bộ" / "Nội vụ,",
/// "Bộ" / "Công an"): [`ends_on_capital_head`], and `next` does not open another agency
/// ("Viện Khoa học lâm nghiệp Việt Nam, Cục" / "Vụ Khoa học và Công nghệ" is a new one)
/// unless the head and `next` make a known name ("Bộ Công an").
pub fn continues_cut_name(prev: &str, next: &str) -> bool {
    // The country's name cut in two: "Đài Truyền hình Việt" / "Nam, Đài Tiếng nói …".
    let last = prev.split_whitespace().next_back().unwrap_or("");
    let first = next.split_whitespace().next().unwrap_or("");
    let first = first.trim_end_matches(|c: char| !c.is_alphabetic());
    // A name cut before the country's: "- Đề nghị Mặt trận Tổ quốc" / "Việt Nam tại địa
    // phương" (a capital among the line's last two words).
    // Only a capital opening `next` can go on a name; its fold is taken once.
    let first_folded = first.starts_with(char::is_uppercase).then(|| fold(first));
    let opens_country = first_folded.as_deref().is_some_and(|f| {
        LEXICON
            .country
            .iter()
            .any(|c| c.split(' ').next() == Some(f))
    });
    if opens_country
        && prev
            .split_whitespace()
            .rev()
            .take(2)
            .any(|w| w.starts_with(char::is_uppercase))
    {
        let opening: Vec<&str> = next.split_whitespace().take(2).collect();
        let opening = opening.join(" ");
        if LEXICON.country.contains(&fold(
            opening.trim_end_matches(|c: char| !c.is_alphabetic()),
        )) {
            return true;
        }
    }
    if let Some(first_folded) = first_folded.filter(|_| last.starts_with(char::is_uppercase)) {
        let cut = format!("{} {first_folded}", fold(last));
        if LEXICON.country.contains(&cut) {
            return true;
        }
        // A place's name cut after its first syllable: "Ủy ban nhân dân thành phố Hà" /
        // "Nội, …" (a unit word of one or two syllables, then one capitalised word). Only
        // the line's last words are tokenized.
        let tail: Vec<&str> = prev.split_whitespace().rev().take(3).collect();
        let tail = tail.into_iter().rev().collect::<Vec<_>>().join(" ");
        let toks = tokenize_n(&tail, 4);
        let n = toks.len();
        if n >= 2
            && toks[n - 1].kind == Kind::Word
            && (1..=2).any(|k| n > k && LEXICON.units.match_at(&toks, n - 1 - k) == Some(k))
        {
            return true;
        }
    }
    if ends_on_capital_head(prev)
        && LEXICON
            .heads
            .match_at(&Scanner::head(next, 1).toks, 0)
            .is_none()
    {
        return true;
    }
    // A known name across the cut: "Bộ" / "Công an", "Thanh tra" / "Chính phủ"; so is a
    // head and its field ("Bộ Công" / "Thương").
    let tail: Vec<&str> = prev.split_whitespace().rev().take(MAX_PHRASE - 1).collect();
    // The name must start at a capital before the cut: most cut lines have none there,
    // and they are ruled out before any string is built.
    if !tail
        .first()
        .is_some_and(|w| w.chars().all(char::is_alphabetic))
        || !tail.iter().any(|w| w.chars().any(char::is_uppercase))
    {
        return false;
    }
    let before = tail.iter().rev().copied().collect::<Vec<_>>().join(" ");
    // Where the cut falls, in tokens: punctuation tokens of its own ("chính,").
    let cut = Scanner::head(&before, 2 * MAX_PHRASE).len();
    let joined = format!("{before} {next}");
    let sc = Scanner::head(&joined, 3 * MAX_PHRASE);
    let crosses = |start: usize, len: usize| start < cut && start + len > cut;
    (0..cut).any(|i| {
        sc.toks[i].upper
            && (LEXICON
                .names
                .match_at(&sc.toks, i)
                .is_some_and(|len| crosses(i, len))
                || LEXICON.field_heads.match_at(&sc.toks, i).is_some_and(|h| {
                    LEXICON
                        .fields
                        .match_at(&sc.toks, i + h)
                        .is_some_and(|len| crosses(i + h, len))
                }))
    })
}

// ───────────────────────────── lexicon ─────────────────────────────

/// The lexicon, parsed once from `grammar/agencies.toml`.
static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let raw: RawLexicon = toml::from_str(include_str!("../grammar/agencies.toml"))
        .unwrap_or_else(|e| panic!("grammar/agencies.toml is invalid: {e}"));
    Lexicon::from_raw(raw)
});

#[derive(Deserialize)]
struct RawLexicon {
    heads: Vec<String>,
    weak_heads: Vec<String>,
    false_heads: Vec<String>,
    collectives: Vec<String>,
    quantifiers: Vec<String>,
    levels: Vec<String>,
    qualifier_openers: Vec<String>,
    qualifier_resumes: Vec<String>,
    list_end_verbs: Vec<String>,
    trailing_verbs: Vec<String>,
    lead_roles: Vec<String>,
    support_roles: Vec<String>,
    subject_prefixes: Vec<String>,
    handoff_prefixes: Vec<String>,
    clause_joiners: Vec<String>,
    fronted_clauses: Vec<String>,
    role_adverbs: Vec<String>,
    directing_verbs: Vec<String>,
    request_prefixes: Vec<String>,
    heading_openers: Vec<String>,
    heading_closers: Vec<String>,
    purpose_heads: Vec<String>,
    units: Vec<String>,
    place_bodies: Vec<String>,
    heading_note_openers: Vec<String>,
    group_qualities: Vec<String>,
    field_heads: Vec<String>,
    field_tail_heads: Vec<String>,
    field_name_continuations: Vec<String>,
    compounds: Vec<String>,
    place_words: Vec<String>,
    country: Vec<String>,
    abbreviations: Vec<RawAbbrev>,
    fields: Vec<RawField>,
    names: Vec<String>,
}

#[derive(Deserialize)]
struct RawAbbrev {
    short: String,
    long: String,
    #[serde(default)]
    head_only: bool,
    #[serde(default)]
    field: bool,
}

#[derive(Deserialize)]
struct RawField {
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
}

struct Abbrev {
    long: String,
    head_only: bool,
    /// It abbreviates a field (lĩnh vực), not an agency: "CNTT" in "Phòng Bưu chính,
    /// Viễn thông và CNTT" continues the field name.
    field: bool,
}

struct Lexicon {
    heads: Phrases,
    weak_heads: Phrases,
    false_heads: Phrases,
    collectives: Phrases,
    quantifiers: Phrases,
    levels: Phrases,
    qualifier_openers: Phrases,
    qualifier_resumes: Phrases,
    list_end_verbs: Phrases,
    trailing_verbs: Phrases,
    lead_roles: Phrases,
    support_roles: Phrases,
    subject_prefixes: Phrases,
    handoff_prefixes: Phrases,
    clause_joiners: Phrases,
    fronted_clauses: Phrases,
    role_adverbs: Phrases,
    /// "chỉ đạo": the subject has the agencies after it do the work.
    directing_verbs: Phrases,
    request_prefixes: Phrases,
    /// "Trách nhiệm của" before a responsibility heading's agencies.
    heading_openers: Phrases,
    /// "có trách nhiệm" after them.
    heading_closers: Phrases,
    /// "Ban Chỉ đạo", "Tổ Công tác": a verb right after one names its purpose.
    purpose_heads: Phrases,
    units: Phrases,
    heading_note_openers: Phrases,
    group_qualities: Phrases,
    field_heads: Phrases,
    field_tail_heads: Phrases,
    /// Lower-case words that may follow "Sở Du lịch" inside a list in prose.
    field_name_continuations: Phrases,
    /// Phrases whose "," and "và" are not separators ("khu, cụm công nghiệp").
    compounds: Phrases,
    /// Folded words that end a place-bound name ("... tỉnh", "... trung ương").
    place_words: Vec<String>,
    country: Vec<String>,
    /// `units`, folded: the words a collective of territorial units ends on.
    unit_words: Vec<String>,
    /// Folded: the bodies a bare place after them in a list takes on.
    place_bodies: Vec<String>,
    abbreviations: HashMap<String, Abbrev>,
    /// Every spelling of every field (names and aliases).
    fields: Phrases,
    /// Folded field spelling → canonical field name.
    field_spelling: HashMap<String, String>,
    names: Phrases,
    /// Folded known name → its spelling.
    name_spelling: HashMap<String, String>,
    /// Every folded word of every phrase above → its id (see [`Tok::id`]).
    vocab: HashMap<CompactString, u32>,
}

impl Lexicon {
    fn from_raw(raw: RawLexicon) -> Self {
        let mut field_spelling = HashMap::default();
        let mut field_list = Vec::new();
        for f in &raw.fields {
            for spelling in std::iter::once(&f.name).chain(&f.aliases) {
                field_spelling.insert(fold_join(&tokenize_unindexed(spelling)), f.name.clone());
                field_list.push(spelling.clone());
            }
        }
        let name_spelling = raw.names.iter().map(|n| (fold(n), n.clone())).collect();
        let abbreviations = raw
            .abbreviations
            .into_iter()
            .map(|a| {
                (
                    fold(&a.short),
                    Abbrev {
                        long: a.long,
                        head_only: a.head_only,
                        field: a.field,
                    },
                )
            })
            .collect();
        let mut vocab = HashMap::default();
        let mut phrases = |list: &[String]| Phrases::new(list, &mut vocab);
        Lexicon {
            heads: phrases(&raw.heads),
            weak_heads: phrases(&raw.weak_heads),
            false_heads: phrases(&raw.false_heads),
            collectives: phrases(&raw.collectives),
            quantifiers: phrases(&raw.quantifiers),
            levels: phrases(&raw.levels),
            qualifier_openers: phrases(&raw.qualifier_openers),
            qualifier_resumes: phrases(&raw.qualifier_resumes),
            list_end_verbs: phrases(&raw.list_end_verbs),
            trailing_verbs: phrases(&raw.trailing_verbs),
            lead_roles: phrases(&raw.lead_roles),
            support_roles: phrases(&raw.support_roles),
            subject_prefixes: phrases(&raw.subject_prefixes),
            handoff_prefixes: phrases(&raw.handoff_prefixes),
            clause_joiners: phrases(&raw.clause_joiners),
            fronted_clauses: phrases(&raw.fronted_clauses),
            role_adverbs: phrases(&raw.role_adverbs),
            directing_verbs: phrases(&raw.directing_verbs),
            request_prefixes: phrases(&raw.request_prefixes),
            heading_openers: phrases(&raw.heading_openers),
            heading_closers: phrases(&raw.heading_closers),
            purpose_heads: phrases(&raw.purpose_heads),
            units: phrases(&raw.units),
            heading_note_openers: phrases(&raw.heading_note_openers),
            group_qualities: phrases(&raw.group_qualities),
            field_heads: phrases(&raw.field_heads),
            field_tail_heads: phrases(&raw.field_tail_heads),
            field_name_continuations: phrases(&raw.field_name_continuations),
            compounds: phrases(&raw.compounds),
            place_words: raw.place_words.iter().map(|w| fold(w)).collect(),
            country: raw.country.iter().map(|w| fold(w)).collect(),
            unit_words: raw.units.iter().map(|w| fold(w)).collect(),
            place_bodies: raw.place_bodies.iter().map(|w| fold(w)).collect(),
            abbreviations,
            fields: phrases(&field_list),
            field_spelling,
            names: phrases(&raw.names),
            name_spelling,
            vocab,
        }
    }

    /// The lexicon spelling of a whole name: a known name, or a field head followed
    /// by a known field ("Sở văn hoá - thể thao và du lịch" → "Sở Văn hóa, Thể thao
    /// và Du lịch"), the rest kept.
    fn known_spelling(&self, text: &str) -> Option<String> {
        if let Some(s) = self.name_spelling.get(&fold(text)) {
            return Some(s.clone());
        }
        let toks = tokenize(text);
        let head = self.field_heads.match_at(&toks, 0)?;
        let len = self.fields.match_at(&toks, head)?;
        let written = fold_join(&toks[head..head + len]);
        let field = self.field_spelling.get(&written)?;
        let before = slice(text, &toks, 0, head);
        let after = slice(text, &toks, head + len, toks.len());
        let rebuilt = collapse_ws(&format!("{before} {field} {after}"));
        Some(
            self.name_spelling
                .get(&fold(&rebuilt))
                .cloned()
                .unwrap_or(rebuilt),
        )
    }
}

/// Longest phrase (in tokens) looked for backwards from a position.
const MAX_PHRASE: usize = 8;

/// A set of phrases matched word by word on folded tokens, longest first.
struct Phrases {
    /// Phrases as word ids (see [`Tok::id`]), by their first word, longest first.
    by_first: HashMap<u32, Vec<Box<[u32]>>>,
    /// The folded first words, for [`Phrases::may_occur`].
    first_words: Vec<CompactString>,
    /// The folded last words, for [`Phrases::may_end`].
    last_words: Vec<CompactString>,
}

impl Phrases {
    /// Tokenize and fold each phrase, giving every word an id in `vocab`.
    fn new(list: &[String], vocab: &mut HashMap<CompactString, u32>) -> Self {
        let mut by_first: HashMap<u32, Vec<Box<[u32]>>> = HashMap::default();
        let mut first_words = Vec::new();
        let mut last_words: Vec<CompactString> = Vec::new();
        for phrase in list {
            let toks = tokenize_unindexed(phrase);
            let ids: Box<[u32]> = toks
                .iter()
                .map(|t| {
                    let next = u32::try_from(vocab.len()).expect("fewer than 2^32 lexicon words");
                    *vocab.entry(t.fold.clone()).or_insert(next)
                })
                .collect();
            if let Some(t) = toks.last()
                && !last_words.contains(&t.fold)
            {
                last_words.push(t.fold.clone());
            }
            if let (Some(&first), Some(t)) = (ids.first(), toks.first()) {
                if !by_first.contains_key(&first) {
                    first_words.push(t.fold.clone());
                }
                by_first.entry(first).or_default().push(ids);
            }
        }
        for v in by_first.values_mut() {
            v.sort_by_key(|w| std::cmp::Reverse(w.len()));
        }
        Phrases {
            by_first,
            first_words,
            last_words,
        }
    }

    /// Whether a phrase may end `text`: false means no phrase ends it, since every one
    /// ends with one of the last words (read on the last word alone, without tokenizing).
    fn may_end(&self, text: &str) -> bool {
        let last = text.trim_end().rsplit(' ').next().unwrap_or("");
        let last = last.trim_end_matches(|c: char| !c.is_alphanumeric());
        !last.is_empty() && {
            let f = fold(last);
            self.last_words.iter().any(|w| w.as_str() == f)
        }
    }

    /// The length of the longest phrase starting at token `i`.
    fn match_at(&self, toks: &[Tok], i: usize) -> Option<usize> {
        let first = toks.get(i)?;
        let candidates = self.by_first.get(&first.id?)?;
        candidates
            .iter()
            .find(|words| {
                words.len() <= toks.len() - i
                    && words.iter().zip(&toks[i..]).all(|(w, t)| Some(*w) == t.id)
            })
            .map(|w| w.len())
    }

    /// Whether a phrase may occur in `folded` (text folded by [`fold`]): false means
    /// [`Phrases::match_at`] finds none in its tokens, since every match starts with one
    /// of the first words.
    fn may_occur(&self, folded: &str) -> bool {
        self.first_words.iter().any(|w| folded.contains(w.as_str()))
    }

    /// Whether some phrase ends exactly before token `i`.
    fn ends_before(&self, toks: &[Tok], i: usize) -> bool {
        self.len_ending_at(toks, i).is_some()
    }

    /// The length of the shortest phrase that ends exactly before token `i`.
    fn len_ending_at(&self, toks: &[Tok], i: usize) -> Option<usize> {
        (1..=i.min(MAX_PHRASE)).find(|&len| self.match_at(toks, i - len) == Some(len))
    }
}

// ───────────────────────────── tokens ─────────────────────────────

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Word,
    Comma,
    Semi,
    Colon,
    /// "." ending a sentence or list (not the dot inside "TP.HCM" or "1.2").
    Stop,
    Open,
    Close,
    /// A free-standing "-", "–", "—".
    Dash,
    /// Bullets, quotes, ellipsis.
    Mark,
}

#[derive(Debug, Clone)]
struct Tok {
    start: usize,
    end: usize,
    kind: Kind,
    /// Folded text (see [`fold`]); punctuation is its own text. Inline up to 24
    /// bytes, so almost no token allocates.
    fold: CompactString,
    /// First character is upper case.
    upper: bool,
    /// The lexicon's id for `fold` (None for words no lexicon phrase has): phrase
    /// matching compares ids, one hash lookup per token instead of one per lexicon.
    id: Option<u32>,
}

/// Split into words and punctuation, keeping byte offsets into `s`.
fn tokenize(s: &str) -> Vec<Tok> {
    tokenize_n(s, usize::MAX)
}

/// [`tokenize`], stopping after `max` tokens.
fn tokenize_n(s: &str, max: usize) -> Vec<Tok> {
    let mut toks = tokenize_unindexed_n(s, max);
    let vocab = &LEXICON.vocab;
    for t in &mut toks {
        t.id = vocab.get(&t.fold).copied();
    }
    toks
}

/// [`tokenize`] without word ids, for building the lexicon itself.
fn tokenize_unindexed(s: &str) -> Vec<Tok> {
    tokenize_unindexed_n(s, usize::MAX)
}

fn tokenize_unindexed_n(s: &str, max: usize) -> Vec<Tok> {
    // Tokens run about six bytes each.
    let mut toks = Vec::with_capacity((s.len() / 6).min(max).min(1024));
    // Fold the text once when offsets survive folding; word folds are slices of it. For
    // the first few tokens only a head is folded; a token reaching past it (or any token,
    // when the text has characters the aligned fold does not take) is folded alone.
    let mut folded_len = if max == usize::MAX {
        s.len()
    } else {
        max.saturating_mul(16).min(s.len())
    };
    while !s.is_char_boundary(folded_len) {
        folded_len += 1;
    }
    let aligned = crate::fold::fold_aligned(&s[..folded_len]);
    let mut scratch = String::new();
    let mut start = 0;
    while let Some(c) = s[start..].chars().next() {
        if toks.len() == max {
            break;
        }
        let mut end = start + c.len_utf8();
        if c.is_whitespace() {
            start = end;
            continue;
        }
        let kind = match c {
            ',' => Kind::Comma,
            ';' => Kind::Semi,
            ':' => Kind::Colon,
            '.' => Kind::Stop,
            '(' | '[' => Kind::Open,
            ')' | ']' => Kind::Close,
            '-' | '–' | '—' => Kind::Dash,
            c if is_mark(c) => Kind::Mark,
            _ => Kind::Word,
        };
        let fold = if kind == Kind::Word {
            end = word_end(s, end, crate::fold::is_alnum(c));
            match &aligned {
                Some(a) if end <= folded_len => CompactString::new(&a[start..end]),
                _ => {
                    scratch.clear();
                    crate::fold::fold_into(&mut scratch, &s[start..end]);
                    CompactString::new(&scratch)
                }
            }
        } else if kind == Kind::Dash {
            // "Lao động – Thương binh" matches the lexicon's "Lao động - Thương binh".
            CompactString::const_new("-")
        } else {
            CompactString::new(&s[start..end])
        };
        toks.push(Tok {
            start,
            end,
            kind,
            fold,
            upper: kind == Kind::Word && c.is_uppercase(),
            id: None,
        });
        start = end;
    }
    toks
}

/// Where the word continuing at byte `at` of `s` ends; `prev_alnum` tells whether the
/// character before `at` is a letter or digit. A "." or "-" stays inside a word only
/// between letters/digits ("TP.HCM", "LĐ-TB&XH").
fn word_end(s: &str, mut at: usize, mut prev_alnum: bool) -> usize {
    let b = s.as_bytes();
    while let Some(&x) = b.get(at) {
        // Letters and digits, the bulk of a word, are decided from one byte.
        if x.is_ascii_alphanumeric() {
            at += 1;
            prev_alnum = true;
            continue;
        }
        let Some(n) = s[at..].chars().next() else {
            break;
        };
        if n == ',' && abbreviation_comma(s, at) {
            at += 1;
            prev_alnum = false;
            continue;
        }
        if n.is_whitespace()
            || is_mark(n)
            || matches!(n, ',' | ';' | ':' | '(' | ')' | '[' | ']' | '–' | '—')
        {
            break;
        }
        if matches!(n, '.' | '-') {
            let after = s[at + 1..].chars().next();
            if !(prev_alnum && after.is_some_and(crate::fold::is_alnum)) {
                break;
            }
        }
        at += n.len_utf8();
        prev_alnum = crate::fold::is_alnum(n);
    }
    at
}

/// Whether the comma at byte `at` joins the parts of one abbreviation ("VH,TT&DL",
/// "KH,CN&MT"): capitals on both sides with no space, and an "&" in the part after it.
/// "TN&MT,Sở Tài chính" (a list with a space missing) is two words.
fn abbreviation_comma(s: &str, at: usize) -> bool {
    let capitals = |t: &str| !t.is_empty() && t.chars().all(|c| c.is_uppercase() || c == '&');
    let before = s[..at]
        .rsplit(|c: char| !(c.is_alphanumeric() || c == '&' || c == ','))
        .next()
        .unwrap_or("");
    let rest = &s[at + 1..];
    let after = &rest[..rest
        .find(|c: char| !(c.is_alphanumeric() || c == '&'))
        .unwrap_or(rest.len())];
    before.split(',').all(capitals) && capitals(after) && after.contains('&')
}

fn is_mark(c: char) -> bool {
    matches!(
        c,
        '*' | '+' | '•' | '●' | '○' | '■' | '"' | '“' | '”' | '‘' | '’' | '…' | '«' | '»'
    )
}

fn has_upper(s: &str) -> bool {
    s.chars().any(char::is_uppercase)
}

fn fold_join(toks: &[Tok]) -> String {
    toks.iter()
        .map(|t| t.fold.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Original text of tokens `a..b` (empty when the range is empty or out of bounds).
fn slice<'s>(s: &'s str, toks: &[Tok], a: usize, b: usize) -> &'s str {
    match (toks.get(a), b.checked_sub(1).and_then(|l| toks.get(l))) {
        (Some(first), Some(last)) if a < b => s.get(first.start..last.end).unwrap_or(""),
        _ => "",
    }
}

/// Join rendered tokens with the usual spacing around punctuation.
fn render(parts: &[(Kind, String)]) -> String {
    let mut out = String::new();
    let mut glue_next = true;
    for (kind, text) in parts {
        let glue = glue_next
            || matches!(
                kind,
                Kind::Comma | Kind::Semi | Kind::Colon | Kind::Stop | Kind::Close
            );
        if !glue {
            out.push(' ');
        }
        out.push_str(text);
        glue_next = *kind == Kind::Open;
    }
    collapse_ws(&out)
}

fn is_end_punct(kind: Kind) -> bool {
    matches!(
        kind,
        Kind::Stop | Kind::Comma | Kind::Semi | Kind::Colon | Kind::Dash | Kind::Mark
    )
}

fn trim_parts(parts: &mut Vec<(Kind, String)>) {
    while parts.last().is_some_and(|(k, _)| is_end_punct(*k)) {
        parts.pop();
    }
    let lead = parts.iter().take_while(|(k, _)| is_end_punct(*k)).count();
    parts.drain(..lead);
}

/// "... có liên quan" → "... liên quan", so both spellings share a key.
fn shorten_lien_quan(parts: &mut Vec<(Kind, String)>) {
    let n = parts.len();
    if n >= 4 {
        let tail: Vec<String> = parts[n - 3..].iter().map(|(_, t)| fold(t)).collect();
        if tail == ["có", "liên", "quan"] {
            parts.remove(n - 3);
        }
    }
}

/// Collapse whitespace and drop surrounding list punctuation.
fn clean_text(s: &str) -> String {
    let trimmed = s.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, '.' | ',' | ';' | ':' | '*' | '+' | '•')
    });
    collapse_ws(trimmed)
}

fn join_notes(old: Option<String>, new: String) -> String {
    match old {
        Some(old) if !old.is_empty() => format!("{old}; {new}"),
        _ => new,
    }
}

/// A collective: "các …", a bare collective noun ("sở, ban, ngành"), "X các huyện…"
/// or an administrative level ("UBND cấp huyện"). Known single agencies never are.
/// Whether folded `words` end with the country's name after some words of their own.
/// (Runs on every piece of every list: it compares words, allocating nothing.)
fn ends_with_country<'a>(words: impl DoubleEndedIterator<Item = &'a str> + Clone) -> bool {
    LEXICON.country.iter().any(|c| {
        let mut last = words.clone().rev();
        c.rsplit(' ').all(|w| last.next() == Some(w)) && last.next().is_some()
    })
}

fn is_group(name: &str, canonical: &str) -> bool {
    let lex = &*LEXICON;
    if lex.name_spelling.contains_key(&fold(canonical)) {
        return false;
    }
    let toks = tokenize(name);
    if lex.quantifiers.match_at(&toks, 0).is_some() {
        return true;
    }
    // "cơ quan báo chí" names a kind of body; "Đài Phát thanh - Truyền hình Quảng Nam",
    // with a capital inside or after the kind's words (or after a unit there: "Ủy ban
    // nhân dân tỉnh Gia Lai"), names one body, and so does a name ending with the
    // country's ("Hội chủ rừng Việt Nam").
    let national = ends_with_country(
        toks.iter()
            .filter(|t| t.kind == Kind::Word)
            .map(|t| t.fold.as_str()),
    );
    if let Some(len) = lex.collectives.match_at(&toks, 0)
        && !national
        && !toks[1..len.min(toks.len())].iter().any(|t| t.upper)
        && ![0, lex.units.match_at(&toks, len).unwrap_or(0)]
            .iter()
            .any(|skip| {
                toks.get(len + skip)
                    .is_some_and(|t| t.kind == Kind::Word && t.upper)
            })
    {
        return true;
    }
    (0..toks.len()).any(|i| {
        lex.levels.match_at(&toks, i).is_some()
            || lex
                .quantifiers
                .match_at(&toks, i)
                .is_some_and(|q| lex.collectives.match_at(&toks, i + q).is_some())
    })
}

// ───────────────────────────── scanner ─────────────────────────────

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// A whole field value: non-agency pieces join the previous agency.
    Field,
    /// A list inside prose: it ends at a verb, a role word, sentence punctuation or
    /// a piece that is not an agency. `strict`: an unknown capitalised word does
    /// not open an agency (the sentence may simply start with a capital).
    Bounded { strict: bool },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stop {
    End,
    Verb,
    Role,
    Punct,
    Other,
}

struct ListOut {
    items: Vec<Agency>,
    /// Token index where the list stopped.
    end: usize,
    stop: Stop,
}

/// What a list piece is, judged by its first words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SegKind {
    /// "các …", "tất cả các …": always a new collective.
    Quantified,
    /// A bare collective noun ("ban", "địa phương liên quan"): joins an open collective.
    Bare,
    /// One agency ("Sở Y tế", "UBND các huyện").
    Named,
    /// "cấp xã" after "Ủy ban nhân dân cấp huyện": the head is repeated.
    Level,
    /// Capitalised but with no known head word: a new agency ("Quỹ Bảo trì đường bộ"),
    /// or, right after an agency named by its field ("Phòng Bưu chính"), the rest of
    /// that field ("Viễn thông", "Truyền thông").
    Capitalized,
    /// Not an agency ("cơ sở dữ liệu chuyên ngành").
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sep {
    None,
    Comma,
    And,
}

/// One piece of a list between separators: runs of name tokens plus notes.
struct Seg {
    runs: Vec<(usize, usize)>,
    notes: Vec<String>,
    sep: Sep,
}

impl Seg {
    fn new(sep: Sep) -> Self {
        Seg {
            runs: Vec::new(),
            notes: Vec::new(),
            sep,
        }
    }
    fn first(&self) -> Option<usize> {
        self.runs.first().map(|r| r.0)
    }
}

/// An agency being assembled.
struct Item {
    name: String,
    notes: Vec<String>,
    /// A collective that still accepts bare collective nouns.
    open: bool,
    /// The collective lists territorial units ("Ủy ban nhân dân các tỉnh, thành phố"):
    /// only more units join it, not other kinds of body ("cơ quan, tổ chức khác").
    units: bool,
}

struct Scanner<'a> {
    src: &'a str,
    toks: Rc<[Tok]>,
    /// `prot[i] = Some(end)`: a known name or field occupies tokens `i..end`.
    prot: Rc<[Option<usize>]>,
}

/// A text's tokens and name protection, as [`Scanner::new`] makes them.
type Scan = (Rc<[Tok]>, Rc<[Option<usize>]>);

impl<'a> Scanner<'a> {
    fn new(src: &'a str) -> Self {
        let (toks, prot) = scan_memo(src);
        Scanner { src, toks, prot }
    }

    /// The first `n` tokens only, for tests of how a text opens (no name protection,
    /// no capitals check). `src` is cut where the last token ends.
    fn head(src: &'a str, n: usize) -> Self {
        let toks = tokenize_n(src, n);
        let end = if toks.len() < n {
            src.len()
        } else {
            toks.last().map_or(0, |t| t.end)
        };
        Scanner {
            src: &src[..end],
            toks: toks.into(),
            prot: Rc::from([]),
        }
    }

    fn len(&self) -> usize {
        self.toks.len()
    }

    fn tok(&self, i: usize) -> Option<&Tok> {
        self.toks.get(i)
    }

    fn kind(&self, i: usize) -> Option<Kind> {
        self.tok(i).map(|t| t.kind)
    }

    fn is_word(&self, i: usize, w: &str) -> bool {
        self.tok(i)
            .is_some_and(|t| t.kind == Kind::Word && t.fold == w)
    }

    /// Byte offset of token `i` (input length past the end).
    fn offset(&self, i: usize) -> usize {
        self.tok(i).map_or(self.src.len(), |t| t.start)
    }

    fn text(&self, a: usize, b: usize) -> String {
        clean_text(slice(self.src, &self.toks, a, b))
    }

    /// Where a protected span starting at `i` ends (`i + 1` for a plain token).
    fn step(&self, i: usize) -> usize {
        self.prot
            .get(i)
            .copied()
            .flatten()
            .unwrap_or(i + 1)
            .max(i + 1)
    }

    /// Skip a bullet or item label: "-", "*", "+", "•", "a)", "1.", "2.3.", "IV.".
    fn skip_label(&self, mut i: usize) -> usize {
        while matches!(self.kind(i), Some(Kind::Dash | Kind::Mark)) {
            i += 1;
        }
        let is_label = self.tok(i).is_some_and(|t| {
            let text = &self.src[t.start..t.end];
            t.kind == Kind::Word
                && text.chars().count() <= 6
                && (text.chars().all(|c| c.is_ascii_digit() || c == '.')
                    || text.chars().count() == 1
                    || text.chars().all(|c| matches!(c, 'I' | 'V' | 'X')))
        });
        if is_label && matches!(self.kind(i + 1), Some(Kind::Stop | Kind::Close)) {
            i += 2;
        }
        while matches!(self.kind(i), Some(Kind::Dash | Kind::Mark)) {
            i += 1;
        }
        i
    }

    fn skip_commas(&self, mut i: usize) -> usize {
        while self.kind(i) == Some(Kind::Comma) {
            i += 1;
        }
        i
    }

    /// Skip "," and "và" between "Chủ trì" and "phối hợp".
    fn skip_joiners(&self, mut i: usize) -> usize {
        while self.kind(i) == Some(Kind::Comma) || self.is_word(i, "và") {
            i += 1;
        }
        i
    }

    fn trim_end_punct(&self, from: usize, mut to: usize) -> usize {
        while to > from && self.kind(to - 1).is_some_and(is_end_punct) {
            to -= 1;
        }
        to
    }

    /// Where a responsibility heading's agencies start: after its label, a request
    /// ("7. Đề nghị Ủy ban Mặt trận Tổ quốc …" is addressed to the agencies all the
    /// same) and an opening phrase ("Trách nhiệm của …").
    fn heading_start(&self) -> usize {
        let lex = &*LEXICON;
        let mut at = self.skip_label(0);
        at += lex.subject_prefixes.match_at(&self.toks, at).unwrap_or(0);
        at + lex.heading_openers.match_at(&self.toks, at).unwrap_or(0)
    }

    /// Whether the agencies at `start` are asked to have others do the work: a
    /// `request_prefixes` phrase ("Đề nghị") stands right before them.
    fn asked_at(&self, start: usize) -> bool {
        (1..=start.min(MAX_PHRASE))
            .any(|len| LEXICON.request_prefixes.match_at(&self.toks, start - len) == Some(len))
    }

    /// Skip "Giao …" / "Đề nghị …" and a fronted "Căn cứ …," clause before a subject.
    fn subject_start(&self, mut i: usize) -> usize {
        let lex = &*LEXICON;
        if let Some(len) = lex.subject_prefixes.match_at(&self.toks, i) {
            i += len;
        }
        if lex.fronted_clauses.match_at(&self.toks, i).is_none() {
            return i;
        }
        let mut j = i;
        let mut depth = 0usize;
        while j < self.len() {
            match self.kind(j) {
                Some(Kind::Open) => depth += 1,
                Some(Kind::Close) => depth = depth.saturating_sub(1),
                // A bare unit or level after the comma goes on with the clause's own
                // agencies: "Trên cơ sở đề nghị của Ủy ban nhân dân quận, huyện, Sở …".
                Some(Kind::Comma) if depth == 0 => {
                    // "…, giao Sở Y tế thành lập đoàn …": a prefix may follow the clause.
                    let at = j + 1;
                    let at = at + lex.subject_prefixes.match_at(&self.toks, at).unwrap_or(0);
                    if !matches!(
                        self.classify_opening(at, true),
                        SegKind::Other | SegKind::Bare | SegKind::Level
                    ) {
                        return at;
                    }
                }
                // "Căn cứ nội dung Kế hoạch này các cơ quan, …": the demonstrative ends the
                // fronted phrase even when the drafter left out the comma.
                Some(Kind::Word)
                    if depth == 0
                        && self.toks[j].fold == "này"
                        && self.classify_opening(self.step(j), true) != SegKind::Other =>
                {
                    return self.step(j);
                }
                Some(Kind::Stop | Kind::Semi) if depth == 0 => break,
                _ => {}
            }
            j = self.step(j);
        }
        i
    }

    /// Where a duty's role would open, from `i`: past a fronted clause ("Căn cứ vào khả
    /// năng cân đối ngân sách hằng năm, phối hợp với …") and an adverb ("chủ động phối
    /// hợp với …"). `i` itself when no role follows them.
    fn duty_opening(&self, i: usize) -> usize {
        let lex = &*LEXICON;
        let past_adverb = |j: usize| j + lex.role_adverbs.match_at(&self.toks, j).unwrap_or(0);
        let role_at = |j: usize| {
            lex.lead_roles.match_at(&self.toks, j).is_some()
                || lex.support_roles.match_at(&self.toks, j).is_some()
        };
        if role_at(past_adverb(i)) {
            return past_adverb(i);
        }
        if lex.fronted_clauses.match_at(&self.toks, i).is_none() {
            return i;
        }
        let mut depth = 0usize;
        let mut j = i;
        while j < self.len() {
            match self.kind(j) {
                Some(Kind::Open) => depth += 1,
                Some(Kind::Close) => depth = depth.saturating_sub(1),
                Some(Kind::Comma) if depth == 0 && role_at(past_adverb(j + 1)) => {
                    return past_adverb(j + 1);
                }
                Some(Kind::Stop | Kind::Semi) if depth == 0 => break,
                _ => {}
            }
            j = self.step(j);
        }
        i
    }

    /// The first lead role ("chủ trì") outside parentheses.
    fn find_lead_role(&self, from: usize) -> Option<usize> {
        self.find_top_level(from, &LEXICON.lead_roles)
    }

    /// The first word at or after `from`, outside parentheses, where one of `phrases`
    /// starts.
    fn find_top_level(&self, from: usize, phrases: &Phrases) -> Option<usize> {
        self.first_top_level_word(from, self.len(), |i| {
            phrases.match_at(&self.toks, i).is_some()
        })
    }

    /// The first word in `from..to`, outside parentheses, for which `pred` holds.
    fn first_top_level_word(
        &self,
        from: usize,
        to: usize,
        pred: impl Fn(usize) -> bool,
    ) -> Option<usize> {
        let mut depth = 0usize;
        let mut i = from;
        while i < to {
            match self.kind(i) {
                Some(Kind::Open) => depth += 1,
                Some(Kind::Close) => depth = depth.saturating_sub(1),
                Some(Kind::Word) if depth == 0 && pred(i) => return Some(i),
                _ => {}
            }
            i = self.step(i);
        }
        None
    }

    fn lead_len(&self, i: usize) -> usize {
        LEXICON.lead_roles.match_at(&self.toks, i).unwrap_or(1)
    }

    /// After "X chủ trì,": "phối hợp (với) Y …" or "Y phối hợp …" → support Y and the
    /// token where the rest of the sentence starts.
    fn support_after_lead(&self, at: usize) -> (Vec<Agency>, usize) {
        let support_roles = &LEXICON.support_roles;
        if let Some(len) = support_roles.match_at(&self.toks, at) {
            let out = self.list(at + len, self.len(), Mode::Bounded { strict: false });
            return (out.items, out.end);
        }
        let out = self.list(at, self.len(), Mode::Bounded { strict: true });
        if !out.items.is_empty()
            && out.stop == Stop::Role
            && let Some(len) = support_roles.match_at(&self.toks, out.end)
        {
            return (out.items, self.skip_commas(out.end + len));
        }
        (Vec::new(), at)
    }

    /// In a heading, the " - " that opens "Cơ quan thường trực …".
    fn heading_note_dash(&self, from: usize, to: usize) -> Option<usize> {
        (from + 1..to).find(|&i| {
            self.kind(i) == Some(Kind::Dash)
                && LEXICON
                    .heading_note_openers
                    .match_at(&self.toks, i + 1)
                    .is_some()
        })
    }

    /// A list-ending verb at `i`: lower case, and not a collective noun standing
    /// right after a separator or quantifier ("các tổ chức", ", tổ chức").
    fn verb_at(&self, i: usize) -> Option<usize> {
        let t = self.tok(i)?;
        if t.kind != Kind::Word || t.upper {
            return None;
        }
        let len = LEXICON.list_end_verbs.match_at(&self.toks, i)?;
        // An adverb at a sentence's end qualifies the verb before it, not one after.
        if LEXICON.role_adverbs.match_at(&self.toks, i) == Some(len)
            && matches!(self.kind(i + len), None | Some(Kind::Stop | Kind::Semi))
        {
            return None;
        }
        // Inside a head that holds a verb: "nhà cung cấp dịch vụ".
        if (1..=2).any(|k| {
            i.checked_sub(k)
                .and_then(|h| LEXICON.heads.match_at(&self.toks, h))
                .is_some_and(|hl| hl > k)
        }) {
            return None;
        }
        // Naming bodies by what they do, with more of it after a comma: "các cơ quan
        // tham mưu, giúp việc", "các cơ quan tham mưu, quản lý nhà nước thuộc Bộ".
        if self.kind(i + len) == Some(Kind::Comma)
            && LEXICON
                .group_qualities
                .match_at(&self.toks, i + len + 1)
                .is_some()
        {
            return None;
        }
        let after_sep = i.checked_sub(1).is_some_and(|p| {
            matches!(self.kind(p), Some(Kind::Comma | Kind::Semi))
                || self.is_word(p, "và")
                || LEXICON.quantifiers.ends_before(&self.toks, i)
        });
        if after_sep && LEXICON.collectives.match_at(&self.toks, i).is_some() {
            return None;
        }
        if self.in_purpose(i, len) {
            return None;
        }
        Some(len)
    }

    /// Whether the verb at `i` (`len` tokens) names the purpose of a body: "Ban Chỉ đạo
    /// thực hiện hỗ trợ nhà ở … tổ chức kiểm tra": verbs one after another right after
    /// a purpose head, then their object, then the sentence's own verb. Without a verb
    /// after them they are the predicate ("Các thành viên Ban Chỉ đạo triển khai thực
    /// hiện.", "Tổ công tác kiểm tra, đôn đốc …").
    fn in_purpose(&self, i: usize, len: usize) -> bool {
        let lex = &*LEXICON;
        let verbs = &lex.list_end_verbs;
        let mut j = i;
        loop {
            if lex.purpose_heads.ends_before(&self.toks, j) {
                break;
            }
            match verbs.len_ending_at(&self.toks, j) {
                Some(k) if k < j => j -= k,
                _ => return false,
            }
        }
        let mut end = i + len;
        while let Some(k) = verbs.match_at(&self.toks, end) {
            end += k;
        }
        let object = self.kind(end) == Some(Kind::Word);
        object
            && (end + 1..self.len())
                .take_while(|&k| {
                    !matches!(self.kind(k), Some(Kind::Stop | Kind::Semi | Kind::Colon))
                })
                .any(|k| {
                    self.tok(k)
                        .is_some_and(|t| t.kind == Kind::Word && !t.upper)
                        && (verbs.match_at(&self.toks, k).is_some() || self.role_at(k))
                })
    }

    /// Whether the lower-case word at `i` follows a department named by its field ("Sở
    /// Du lịch", "Bộ Tài chính") and is not one that may go on with such a name (a
    /// place, "và", "các": `field_name_continuations`; a qualifier, "theo chức năng"):
    /// the name is whole, and the word
    /// is the work, whatever verb it is ("Phối hợp với Sở Du lịch truyền thông …").
    fn after_field_name(&self, i: usize) -> bool {
        let lex = &*LEXICON;
        if self.tok(i).is_none_or(|t| t.upper) {
            return false;
        }
        // The field right before `i`, and a field head right before the field.
        let field_start = (1..=i.min(8)).map(|k| i - k).find(|&s| {
            self.prot.get(s).copied().flatten() == Some(i)
                && lex.fields.match_at(&self.toks, s) == Some(i - s)
        });
        // The head written as a name's ("Sở", "Bộ"), not the end of a word ("cơ sở").
        let named = |s: usize| {
            lex.field_heads
                .len_ending_at(&self.toks, s)
                .is_some_and(|k| self.toks[s - k].upper)
        };
        field_start.is_some_and(named)
            && lex
                .field_name_continuations
                .match_at(&self.toks, i)
                .is_none()
            && lex.qualifier_openers.match_at(&self.toks, i).is_none()
    }

    fn role_at(&self, i: usize) -> bool {
        let lex = &*LEXICON;
        self.tok(i).is_some_and(|t| !t.upper)
            && (lex.lead_roles.match_at(&self.toks, i).is_some()
                || lex.support_roles.match_at(&self.toks, i).is_some())
    }

    /// Where a list inside prose ends, and why.
    fn bounded_end(&self, from: usize, to: usize) -> (usize, Stop) {
        let mut depth = 0usize;
        let mut i = from;
        while i < to {
            match self.kind(i) {
                Some(Kind::Open) => depth += 1,
                Some(Kind::Close) => depth = depth.saturating_sub(1),
                Some(Kind::Stop | Kind::Semi | Kind::Colon) if depth == 0 => {
                    return (i, Stop::Punct);
                }
                Some(Kind::Word) if depth == 0 && self.prot.get(i).copied().flatten().is_none() => {
                    if self.role_at(i) {
                        return (i, Stop::Role);
                    }
                    if self.verb_at(i).is_some() || self.after_field_name(i) {
                        return (i, Stop::Verb);
                    }
                }
                _ => {}
            }
            i = self.step(i);
        }
        (to, Stop::End)
    }

    /// Parse an agency list in tokens `from..to`.
    fn list(&self, from: usize, to: usize, mode: Mode) -> ListOut {
        let to = to.min(self.len());
        let (end, stop) = match mode {
            Mode::Field => (to, Stop::End),
            Mode::Bounded { .. } => self.bounded_end(from, to),
        };
        let mut items: Vec<Item> = Vec::new();
        for (cs, ce) in self.chunks(from, end) {
            if let Some(at) = self.chunk(cs, ce, mode, &mut items) {
                return ListOut {
                    items: finish(items),
                    end: at,
                    stop: Stop::Other,
                };
            }
        }
        ListOut {
            items: finish(items),
            end,
            stop,
        }
    }

    /// Split `from..to` at top-level ";".
    fn chunks(&self, from: usize, to: usize) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut depth = 0usize;
        let mut start = from;
        let mut i = from;
        while i < to {
            match self.kind(i) {
                Some(Kind::Open) => depth += 1,
                Some(Kind::Close) => depth = depth.saturating_sub(1),
                Some(Kind::Semi) if depth == 0 => {
                    out.push((start, i));
                    start = i + 1;
                }
                _ => {}
            }
            i = self.step(i);
        }
        out.push((start, to));
        out
    }

    /// Parse one ";"-chunk into `items`. Returns the token where a bounded list
    /// stopped at a non-agency piece.
    fn chunk(&self, cs: usize, ce: usize, mode: Mode, items: &mut Vec<Item>) -> Option<usize> {
        let mut ce = self.trim_end_punct(cs, ce);
        let mut cs = cs;
        while cs < ce && matches!(self.kind(cs), Some(Kind::Comma | Kind::Mark | Kind::Dash)) {
            cs += 1;
        }
        if mode == Mode::Field {
            ce = self.trim_trailing_verbs(cs, ce);
        }
        let q = self.qualifier_start(cs, ce);
        let strict = matches!(mode, Mode::Bounded { strict: true });
        let chunk_first = items.len();
        let segs = self.segments(cs, q.unwrap_or(ce));
        for (k, seg) in segs.iter().enumerate() {
            let Some(first) = seg.first() else {
                attach_notes(items, seg.notes.clone());
                continue;
            };
            let same_chunk = items.len() > chunk_first;
            let mut kind = if items.is_empty() {
                self.classify_opening(first, strict)
            } else {
                self.classify(first, strict)
            };
            // A capitalised piece that goes on with the previous agency's field name
            // ("Phòng Bưu chính, Viễn thông") is part of it, in a sentence too; one that
            // opens with a verb ("Sở Y tế, Triển khai ...") is not.
            if kind == SegKind::Other
                && same_chunk
                && self.tok(first).is_some_and(|t| t.upper)
                && LEXICON.list_end_verbs.match_at(&self.toks, first).is_none()
                && self.continues_field(seg, items.last())
            {
                kind = SegKind::Capitalized;
            }
            // "các cơ quan tham mưu, giúp việc": what else the open group's bodies are,
            // which goes on with its name.
            let quality = kind == SegKind::Other
                && same_chunk
                && items.last().is_some_and(|l| l.open)
                && LEXICON
                    .group_qualities
                    .match_at(&self.toks, first)
                    .is_some();
            // "Ủy ban nhân dân thành phố Hà Nội, thành phố Hồ Chí Minh …": a place after
            // a place's body names that body of its own (see `place_body_of`).
            if kind == SegKind::Other
                && same_chunk
                && self.opens_with_place(first)
                && items
                    .iter()
                    .rev()
                    .find(|l| !is_bare_place(&l.name))
                    .is_some_and(|l| {
                        place_body_of(&make_agency(&l.name, None), &self.seg_name(seg)).is_some()
                    })
            {
                kind = SegKind::Named;
            }
            if kind == SegKind::Other && mode != Mode::Field && !quality {
                return Some(first);
            }
            // "Các bộ, cơ quan ngang bộ và cơ quan, tổ chức liên quan": a "và" that a
            // comma and another kind of body follow joins two lists, not the last kind
            // to the first list.
            let opens_list = seg.sep == Sep::And
                && kind == SegKind::Bare
                && items.last().is_some_and(|l| l.open)
                && !self.ends_lien_quan(seg)
                && segs.get(k + 1).is_some_and(|n| {
                    n.sep == Sep::Comma
                        && n.first()
                            .is_some_and(|f| self.classify(f, strict) == SegKind::Bare)
                });
            self.push_seg(items, seg, kind, same_chunk && !opens_list);
        }
        if let Some(q) = q {
            // "…, các sở, ban, ngành trong phạm vi chức năng, nhiệm vụ của mình và các
            // cơ quan, tổ chức khác có liên quan": a group of bodies after "và" ends
            // the qualifier and goes on with the list.
            let and = self.qualifier_end(q, ce);
            attach_notes(items, vec![self.text(q, and.unwrap_or(ce))]);
            if let Some(and) = and {
                return self.chunk(and + 1, ce, mode, items);
            }
        }
        None
    }

    /// Where a qualifier from `q` gives way to more of the list: the first top-level
    /// "và" before a group of bodies from `qualifier_resumes` ("và các cơ quan, tổ
    /// chức …"), whose index this is.
    fn qualifier_end(&self, q: usize, ce: usize) -> Option<usize> {
        self.first_top_level_word(q, ce, |i| {
            self.is_word(i, "và")
                && i + 1 < ce
                && LEXICON
                    .qualifier_resumes
                    .match_at(&self.toks, i + 1)
                    .is_some()
        })
    }

    /// Drop "thực hiện" / "cùng thực hiện" ending a field value.
    fn trim_trailing_verbs(&self, cs: usize, mut ce: usize) -> usize {
        let verbs = &LEXICON.trailing_verbs;
        while ce > cs + 1 && verbs.ends_before(&self.toks, ce) {
            let longest = (ce - cs - 1).min(MAX_PHRASE);
            let len = (1..=longest)
                .rev()
                .find(|&l| verbs.match_at(&self.toks, ce - l) == Some(l));
            match len {
                Some(l) => ce = self.trim_end_punct(cs, ce - l),
                None => break,
            }
        }
        ce
    }

    /// A top-level qualifier opener ("theo", "đối với", …) after the first word.
    fn qualifier_start(&self, cs: usize, ce: usize) -> Option<usize> {
        let lex = &*LEXICON;
        self.first_top_level_word(cs, ce, |i| {
            i > cs
                && self.prot.get(i).copied().flatten().is_none()
                && lex.qualifier_openers.match_at(&self.toks, i).is_some()
                && lex.list_end_verbs.match_at(&self.toks, i).is_none()
                // "Phụ lục kèm theo": "theo" is the end of "kèm theo", no scope.
                && !(self.is_word(i, "theo") && self.is_word(i - 1, "kèm"))
        })
    }

    /// Cut `from..to` at top-level "," and "và"; "(…)" become notes.
    fn segments(&self, from: usize, to: usize) -> Vec<Seg> {
        let mut segs = Vec::new();
        let mut cur = Seg::new(Sep::None);
        let mut run: Option<usize> = None;
        let mut i = from;
        while i < to {
            let kind = self.kind(i);
            let sep = match kind {
                Some(Kind::Comma) => Some(Sep::Comma),
                Some(Kind::Word) if self.is_word(i, "và") => Some(Sep::And),
                _ => None,
            };
            if let Some(sep) = sep {
                close_run(&mut cur, &mut run, i);
                segs.push(std::mem::replace(&mut cur, Seg::new(sep)));
                i += 1;
                continue;
            }
            // A comma left out between two bodies: the new name starts here.
            if kind == Some(Kind::Word) && run.is_some_and(|r| self.repeats_field_head(r, i)) {
                close_run(&mut cur, &mut run, i);
                segs.push(std::mem::replace(&mut cur, Seg::new(Sep::Comma)));
            }
            match kind {
                Some(Kind::Open) => {
                    close_run(&mut cur, &mut run, i);
                    let close = self.matching_close(i, to);
                    let note = self.text(i + 1, close);
                    if !note.is_empty() {
                        cur.notes.push(note);
                    }
                    i = close + 1;
                }
                Some(Kind::Close) => {
                    close_run(&mut cur, &mut run, i);
                    i += 1;
                }
                _ => {
                    run.get_or_insert(i);
                    i = self.step(i).min(to.max(i + 1));
                }
            }
        }
        close_run(&mut cur, &mut run, i.min(to));
        segs.push(cur);
        segs
    }

    /// Whether the piece from `start` is a head and its whole field ("Sở Khoa học và
    /// Công nghệ") and the same head, capitalised, opens a new name at `i`: "Sở Khoa học
    /// và Công nghệ Sở Công Thương" is two agencies with the comma left out. (A unit
    /// of a body is named by another head: "Phòng Kế hoạch Sở Y tế" is one.)
    fn repeats_field_head(&self, start: usize, i: usize) -> bool {
        let toks = &self.toks;
        // Most words are ruled out by their case, before any lookup.
        if !toks.get(i).is_some_and(|t| t.upper) {
            return false;
        }
        let Some(head) = LEXICON.field_heads.match_at(toks, start) else {
            return false;
        };
        LEXICON.field_heads.match_at(toks, i) == Some(head)
            && toks[start..start + head]
                .iter()
                .zip(&toks[i..i + head])
                .all(|(a, b)| a.fold == b.fold)
            && LEXICON.fields.match_at(toks, start + head) == Some(i - start - head)
    }

    /// The ")" closing the "(" at `open` (or `to` when unbalanced).
    fn matching_close(&self, open: usize, to: usize) -> usize {
        let mut depth = 0usize;
        for i in open..to {
            match self.kind(i) {
                Some(Kind::Open) => depth += 1,
                Some(Kind::Close) => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        return i;
                    }
                }
                _ => {}
            }
        }
        to
    }

    /// Judge a piece by its first words (see [`SegKind`]).
    fn classify(&self, i: usize, strict: bool) -> SegKind {
        let lex = &*LEXICON;
        let toks = &self.toks;
        let Some(t) = self.tok(i).filter(|t| t.kind == Kind::Word) else {
            return SegKind::Other;
        };
        if lex.quantifiers.match_at(toks, i).is_some() {
            return SegKind::Quantified;
        }
        if lex.names.match_at(toks, i).is_some() || self.is_abbrev_head(i) {
            return SegKind::Named;
        }
        if let Some(len) = lex.collectives.match_at(toks, i)
            // "phòng chống ma túy" is work, not a room ("phòng"): a longer false head wins.
            && lex.false_heads.match_at(toks, i).is_none_or(|f| f <= len)
        {
            // "ngành Y tế" names a field, "các sở, ngành Thành phố" the place.
            let next = self.tok(i + len).filter(|_| !self.place_at(i + len));
            let next_upper = next.is_some_and(|n| n.kind == Kind::Word && n.upper);
            if !next_upper && (!strict || !t.upper || self.closes_bare(i + len)) {
                return SegKind::Bare;
            }
        }
        if lex.false_heads.match_at(toks, i).is_some() {
            return SegKind::Other;
        }
        if let Some(len) = lex.heads.match_at(toks, i) {
            let weak = lex.weak_heads.match_at(toks, i) == Some(len);
            let next_upper = self
                .tok(i + len)
                .is_some_and(|n| n.kind == Kind::Word && n.upper);
            if !weak || next_upper {
                return SegKind::Named;
            }
        }
        // "cấp huyện", "cấp có thẩm quyền": a level; "Cấp Oresol cho trạm y tế xã" opens
        // with the verb.
        if t.fold == "cấp"
            && (lex.levels.match_at(toks, i).is_some()
                || self.tok(i + 1).is_some_and(|n| n.fold == "có" || !n.upper))
        {
            return SegKind::Level;
        }
        if t.upper && !strict && t.fold.chars().next().is_some_and(crate::fold::is_letter) {
            return SegKind::Capitalized;
        }
        SegKind::Other
    }

    /// Whether a unit word and a capitalised name start at token `i` ("thành phố Hồ Chí
    /// Minh", "tỉnh Quảng Ninh").
    fn opens_with_place(&self, i: usize) -> bool {
        unit_then_name(&self.toks, i)
    }

    /// Whether a place word ("tỉnh", "Thành phố", "Trung ương") starts at token `i`.
    fn place_at(&self, i: usize) -> bool {
        let word = |k: usize| {
            self.tok(k)
                .filter(|t| t.kind == Kind::Word)
                .map(|t| t.fold.as_str())
        };
        let Some(first) = word(i) else {
            return false;
        };
        LEXICON.place_words.iter().any(|p| match p.split_once(' ') {
            None => p == first,
            Some((a, b)) => a == first && word(i + 1) == Some(b),
        })
    }

    /// Whether the quantified piece at `i` names bodies: a kind of body or a name
    /// follows "các" ("các đơn vị", "các Sở", "các trường"). Where a list or a subject
    /// opens, "Các nhiệm vụ cần làm ngay …" counts work, not agencies; further in a
    /// list ("…, các nhà cung cấp dịch vụ") any "các" piece is a group.
    fn quantifies_bodies(&self, i: usize) -> bool {
        let lex = &*LEXICON;
        let Some(q) = lex.quantifiers.match_at(&self.toks, i) else {
            return true;
        };
        let j = i + q;
        // A compound that opens with the quantifier: "các cấp, ngành".
        self.prot.get(i).copied().flatten().is_some()
            || lex.collectives.match_at(&self.toks, j).is_some()
            || lex.heads.match_at(&self.toks, j).is_some()
            || self.tok(j).is_some_and(|n| n.upper)
    }

    /// [`Scanner::classify`] for a piece that opens a list or a subject.
    fn classify_opening(&self, i: usize, strict: bool) -> SegKind {
        match self.classify(i, strict) {
            SegKind::Quantified if !self.quantifies_bodies(i) => SegKind::Other,
            k => k,
        }
    }

    /// A short headless capitalised piece that continues the field name of the previous
    /// agency: "Phòng Bưu chính, Viễn thông", "Trung tâm Công nghệ thông tin và Truyền
    /// thông". Acronyms ("VTV, VOV, TTXVN") and place-bound names ("... tỉnh") are agencies.
    fn continues_field(&self, seg: &Seg, previous: Option<&Item>) -> bool {
        let Some(prev) = previous.filter(|p| !p.open) else {
            return false;
        };
        let words: Vec<&Tok> = seg
            .runs
            .iter()
            .flat_map(|&(a, b)| self.toks[a..b].iter())
            .filter(|t| t.kind == Kind::Word)
            .collect();
        let is_field_abbrev = |t: &Tok| {
            LEXICON
                .abbreviations
                .get(t.fold.as_str())
                .is_some_and(|ab| ab.field)
        };
        // An acronym names an agency ("VTV, VOV"), unless it abbreviates a field: "Phòng
        // Bưu chính, Viễn thông và CNTT".
        let acronym = words.iter().any(|t| {
            let w = &self.src[t.start..t.end];
            w.chars().filter(|c| crate::fold::is_letter(*c)).count() >= 2
                && !w.chars().any(char::is_lowercase)
                && LEXICON
                    .abbreviations
                    .get(t.fold.as_str())
                    .is_none_or(|ab| !ab.field)
        });
        // "... tỉnh", "... Trung ương", or a proper name at the end ("Viễn thông Quảng Nam").
        let last_two: Vec<&str> = words
            .iter()
            .rev()
            .take(2)
            .map(|t| t.fold.as_str())
            .collect();
        let tail = last_two.iter().rev().copied().collect::<Vec<_>>().join(" ");
        // After "và" the tail is usually the second half of one name ("Cục Quy hoạch và
        // Phát triển tài nguyên đất", "Cục Biển và Hải đảo Việt Nam"): it may be longer
        // and end with the country's name; after a comma it is held to a field's length.
        let after_and = seg.sep == Sep::And;
        let place_bound = last_two
            .first()
            .is_some_and(|w| LEXICON.place_words.iter().any(|p| p == w))
            || LEXICON.place_words.contains(&tail)
            || (!(after_and && LEXICON.country.contains(&tail))
                && words.len() >= 2
                && words[words.len() - 2..].iter().all(|t| t.upper));
        let prev_toks = tokenize(&prev.name);
        let field_named = LEXICON.field_heads.match_at(&prev_toks, 0).is_some()
            || LEXICON.field_tail_heads.match_at(&prev_toks, 0).is_some();
        // Field names run to four syllables ("Xúc tiến du lịch", "Phát triển nông thôn"),
        // and may end with a field abbreviation ("Thông tin dữ liệu TNMT") or a known
        // field ("Chính sách tài nguyên và môi trường"), each counted as one.
        let mut syllables = 0;
        for &(a, b) in &seg.runs {
            let mut i = a;
            while i < b {
                let t = &self.toks[i];
                match self.prot.get(i).copied().flatten() {
                    Some(end) if end > i => {
                        syllables += 1;
                        i = end;
                        continue;
                    }
                    _ if t.kind == Kind::Word && !is_field_abbrev(t) => syllables += 1,
                    _ => {}
                }
                i += 1;
            }
        }
        let longest = if after_and { 8 } else { 4 };
        !words.is_empty() && syllables <= longest && !acronym && !place_bound && field_named
    }

    /// A capitalised bare collective opening a sentence ("Sở, ban, ngành …") must be
    /// followed by a separator, "liên quan" or the end, else it is ordinary prose
    /// ("Tổ chức hội nghị …", "Cơ quan chủ quản …").
    fn closes_bare(&self, j: usize) -> bool {
        match self.kind(j) {
            None => true,
            Some(Kind::Word) => {
                self.is_word(j, "và") || self.is_word(j, "liên") || self.is_word(j, "có")
            }
            Some(_) => true,
        }
    }

    /// An abbreviation opening a name ("UBND cấp huyện", "BHXH tỉnh").
    fn is_abbrev_head(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| {
            t.kind == Kind::Word
                && LEXICON
                    .abbreviations
                    .get(t.fold.as_str())
                    .is_some_and(|ab| !ab.field)
                && has_upper(&self.src[t.start..t.end])
        })
    }

    /// Add a classified piece to the items being built.
    fn push_seg(&self, items: &mut Vec<Item>, seg: &Seg, kind: SegKind, same_chunk: bool) {
        let name = self.seg_name(seg);
        let notes = seg.notes.clone();
        let glue = if seg.sep == Sep::And { " và " } else { ", " };
        let last_open = same_chunk && items.last().is_some_and(|l| l.open);
        // "cơ quan, tổ chức có liên quan, cơ sở khám bệnh, chữa bệnh": after "liên quan"
        // and a comma, a kind of body is a group of its own ("các cơ quan liên quan và
        // địa phương có rừng" stays one).
        let after_related =
            seg.sep == Sep::Comma && items.last().is_some_and(|l| l.name.ends_with("liên quan"));
        let field_tail =
            kind == SegKind::Capitalized && same_chunk && self.continues_field(seg, items.last());
        // "các Viện nghiên cứu, Trường Đại học có liên quan": a kind of body, not one
        // body, when it ends in "liên quan" under the open collective's quantifier.
        let kind_of_body = kind == SegKind::Named
            && last_open
            && self.ends_lien_quan(seg)
            && !self.named_body(seg)
            && seg.first().is_some_and(|i| !self.is_abbrev_head(i));
        match kind {
            _ if field_tail || kind_of_body => append(items, glue, &name, notes),
            SegKind::Bare
                if last_open
                    && !after_related
                    && !self.ends_with_country(seg)
                    && self.plain_bare(seg)
                    && !self.named_body(seg)
                    && (!items.last().is_some_and(|l| l.units) || self.opens_with_unit(seg)) =>
            {
                append(items, glue, &name, notes)
            }
            SegKind::Other if !items.is_empty() => append(items, glue, &name, notes),
            SegKind::Level => {
                let head = items.last().and_then(|l| level_head(&l.name));
                let name = match head {
                    Some(h) => format!("{h} {name}"),
                    None => name,
                };
                items.push(Item {
                    name,
                    notes,
                    open: false,
                    units: false,
                });
            }
            SegKind::Quantified | SegKind::Bare => items.push(Item {
                name,
                notes,
                open: true,
                units: self.lists_units(seg),
            }),
            SegKind::Named | SegKind::Capitalized | SegKind::Other => {
                let open = self.opens_collective(seg);
                let units = open && self.lists_units(seg);
                items.push(Item {
                    name,
                    notes,
                    open,
                    units,
                });
            }
        }
        // "Hiệp hội gỗ" and "lâm sản Việt Nam": a name that the country's name ends is one
        // body, whatever it opened with.
        if self.ends_with_country(seg)
            && let Some(last) = items.last_mut()
        {
            last.open = false;
        }
    }

    /// A piece that ends in a territorial unit ("UBND các tỉnh", "Ủy ban nhân dân xã";
    /// not "các huyện ủy").
    fn lists_units(&self, seg: &Seg) -> bool {
        seg.runs.last().is_some_and(|&(a, b)| {
            (a..b).any(|i| {
                LEXICON
                    .units
                    .match_at(&self.toks, i)
                    .is_some_and(|len| i + len == b)
            })
        })
    }

    /// A piece that ends with the country's name ("Hội chủ rừng Việt Nam"): one body.
    fn ends_with_country(&self, seg: &Seg) -> bool {
        ends_with_country(
            seg.runs
                .iter()
                .flat_map(|&(a, b)| self.toks[a..b].iter())
                .filter(|t| t.kind == Kind::Word)
                .map(|t| t.fold.as_str()),
        )
    }

    /// A piece that opens with a unit noun ("thành phố trực thuộc Trung ương").
    fn opens_with_unit(&self, seg: &Seg) -> bool {
        seg.first()
            .is_some_and(|i| LEXICON.units.match_at(&self.toks, i).is_some())
    }

    /// Whether the piece ends in "liên quan" ("… có liên quan").
    fn ends_lien_quan(&self, seg: &Seg) -> bool {
        seg.runs.last().is_some_and(|&(a, b)| {
            b >= a + 2 && self.is_word(b - 2, "liên") && self.is_word(b - 1, "quan")
        })
    }

    /// A bare collective noun with at most a short qualifier ("địa phương", "đơn vị có
    /// liên quan", "thành phố trực thuộc Trung ương"): it joins an open collective. A long one names a group of its own
    /// ("chủ đầu tư kinh doanh hạ tầng kỹ thuật các khu …" after "các Sở, ban ngành").
    fn plain_bare(&self, seg: &Seg) -> bool {
        let Some(first) = seg.first() else {
            return true;
        };
        let noun = LEXICON.collectives.match_at(&self.toks, first).unwrap_or(0);
        // What the bodies were given describes the kind, however long ("đơn vị được
        // giao nhiệm vụ tại Kế hoạch"): words from "được" on do not count.
        let words = seg
            .runs
            .iter()
            .flat_map(|&(a, b)| self.toks[a..b].iter())
            .filter(|t| t.kind == Kind::Word)
            .take_while(|t| t.fold != "được")
            .count();
        words <= noun + 4
    }

    /// A capitalised piece that opens with a head of several words ("Ủy ban nhân dân xã,
    /// phường" after "sở, ban, ngành"): other bodies than the open collective's kind.
    fn named_body(&self, seg: &Seg) -> bool {
        seg.first().is_some_and(|i| {
            self.toks[i].upper
                && LEXICON
                    .heads
                    .match_at(&self.toks, i)
                    .is_some_and(|h| h >= 2)
        })
    }

    /// "UBND các huyện": a named piece that lists units, so "thị xã, thành phố" join it;
    /// so does a head with one unit noun and nothing more ("Ủy ban nhân dân xã, phường").
    fn opens_collective(&self, seg: &Seg) -> bool {
        let lex = &*LEXICON;
        if let [(a, b)] = seg.runs[..]
            && let Some(h) = lex
                .heads
                .match_at(&self.toks, a)
                .or_else(|| self.is_abbrev_head(a).then_some(1))
        {
            // "UBND cấp xã, phường": the level's word may stand before the unit.
            let h = h + usize::from(self.is_word(a + h, "cấp"));
            if lex.units.match_at(&self.toks, a + h) == Some(b - a - h) {
                return true;
            }
            // "Sở Văn hóa và Thể thao tỉnh, thành phố trực thuộc Trung ương": a head that
            // takes a field, its field, then the unit ("tỉnh, thành phố" are the units of
            // one kind of body, not a second agency).
            if let Some(fh) = lex.field_heads.match_at(&self.toks, a)
                && let Some(f) = lex.fields.match_at(&self.toks, a + fh)
                && lex.units.match_at(&self.toks, a + fh + f) == Some(b - a - fh - f)
            {
                return true;
            }
        }
        seg.runs.iter().any(|&(a, b)| {
            (a..b).any(|i| {
                lex.quantifiers.match_at(&self.toks, i).is_some_and(|q| {
                    i + q < b && lex.collectives.match_at(&self.toks, i + q).is_some()
                })
            })
        })
    }

    fn seg_name(&self, seg: &Seg) -> String {
        let parts: Vec<&str> = seg
            .runs
            .iter()
            .map(|&(a, b)| slice(self.src, &self.toks, a, b))
            .collect();
        clean_text(&parts.join(" "))
    }
}

/// [`Scanner::new`]'s work, memoised per thread for short texts: one sentence is read by
/// several grammars in turn (the inline assignment, the subject, the duty's opening),
/// and field values repeat ("Bộ Y tế"). The memo is bounded, so a long batch cannot
/// grow it without limit.
fn scan_memo(src: &str) -> Scan {
    // Longer texts seldom repeat, and would make the memo's size depend on the input.
    const MAX_LEN: usize = 4096;
    thread_local! {
        static MEMO: RefCell<HashMap<String, Scan>> = RefCell::new(HashMap::default());
    }
    if src.len() > MAX_LEN {
        return scan(src);
    }
    memoised(&MEMO, 1024, src, || scan(src))
}

fn scan(src: &str) -> Scan {
    let mut toks = tokenize(src);
    // In ALL-CAPS text capitals say nothing about names ("TỔ CHỨC THỰC HIỆN").
    if !src.chars().any(char::is_lowercase) {
        toks.iter_mut().for_each(|t| t.upper = false);
    }
    let prot = protect(&toks);
    (toks.into(), prot.into())
}

/// Mark known names and compounds (always) and fields (after a field head such as
/// "Sở", or when capitalised) so their "và", "," and " - " are not separators.
fn protect(toks: &[Tok]) -> Vec<Option<usize>> {
    let lex = &*LEXICON;
    let mut prot = vec![None; toks.len()];
    let mut i = 0;
    while i < toks.len() {
        let name = lex
            .names
            .match_at(toks, i)
            .max(lex.compounds.match_at(toks, i));
        // A field inside a longer name may be in lower case ("Trung tâm Truyền thông
        // tài nguyên và môi trường"): one that holds a separator is kept whole after a
        // word too. (One without, such as "xây dựng", may be the verb of the sentence.)
        let field = lex.fields.match_at(toks, i).filter(|&len| {
            toks.get(i).is_some_and(|t| t.upper)
                || lex.field_heads.ends_before(toks, i)
                || (i > 0
                    && toks[i - 1].kind == Kind::Word
                    && toks[i..i + len]
                        .iter()
                        .any(|t| t.kind == Kind::Comma || t.fold == "và"))
        });
        match name.max(field) {
            Some(len) if len > 1 => {
                prot[i] = Some(i + len);
                i += len;
            }
            _ => i += 1,
        }
    }
    prot
}

fn close_run(seg: &mut Seg, run: &mut Option<usize>, end: usize) {
    if let Some(start) = run.take()
        && start < end
    {
        seg.runs.push((start, end));
    }
}

fn append(items: &mut [Item], glue: &str, name: &str, notes: Vec<String>) {
    if let Some(last) = items.last_mut() {
        last.name.push_str(glue);
        last.name.push_str(name);
        last.notes.extend(notes);
    }
}

fn attach_notes(items: &mut [Item], notes: Vec<String>) {
    if let Some(last) = items.last_mut() {
        last.notes
            .extend(notes.into_iter().filter(|n| !n.is_empty()));
    }
}

/// "Ủy ban nhân dân cấp huyện" → "Ủy ban nhân dân": the head to repeat before "cấp xã".
fn level_head(name: &str) -> Option<String> {
    let toks = tokenize(name);
    let at = toks
        .iter()
        .rposition(|t| t.kind == Kind::Word && t.fold == "cấp")?;
    let head = slice(name, &toks, 0, at);
    (!head.is_empty()).then(|| head.to_string())
}

fn finish(items: Vec<Item>) -> Vec<Agency> {
    let mut out: Vec<Agency> = Vec::with_capacity(items.len());
    for it in items.into_iter().filter(|it| !it.name.is_empty()) {
        let note = (!it.notes.is_empty()).then(|| it.notes.join("; "));
        let name = match out.last().and_then(|prev| place_body_of(prev, &it.name)) {
            Some(body) => format!("{body} {}", it.name),
            None => it.name,
        };
        out.push(make_agency(&name, note));
    }
    out
}

/// Whether `text` opens with a unit (`units`: one or two words) and a capitalised word
/// after it: a bare place ("thành phố Hồ Chí Minh", "tỉnh Quảng Ninh").
fn is_bare_place(text: &str) -> bool {
    unit_then_name(&tokenize_n(text, 3), 0)
}

/// Whether a unit (`units`) starts at token `i` with a capitalised word after it.
fn unit_then_name(toks: &[Tok], i: usize) -> bool {
    LEXICON.units.match_at(toks, i).is_some_and(|len| {
        toks.get(i + len)
            .is_some_and(|t| t.kind == Kind::Word && t.upper)
    })
}

/// The body, as written in `prev`, that a bare place ("Thành phố Hồ Chí Minh", "tỉnh
/// Kon Tum") listed right after it names: "UBND" when `prev` is "UBND thành phố Hà
/// Nội" (`place_bodies` then a unit then a capitalised name). None when `name` is not
/// a unit word followed by a capitalised word, or `prev` is not such a body.
fn place_body_of<'p>(prev: &'p Agency, name: &str) -> Option<&'p str> {
    if prev.group || !is_bare_place(name) {
        return None;
    }
    // The body as `prev` writes it ("UBND", "Ủy ban nhân dân"): its words before the place.
    prev.name
        .match_indices(' ')
        .map(|(at, _)| &prev.name[..at])
        .find(|head| {
            LEXICON.place_bodies.contains(&fold(&canonical(head)))
                && is_bare_place(prev.name[head.len()..].trim_start())
        })
}

#[cfg(test)]
#[path = "agency_tests.rs"]
mod tests;
