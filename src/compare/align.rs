//! Task alignment: which tasks of two plans pursue the same aim, however worded.
//!
//! Each task (and duty: duties carry real work too, and one plan's duty is often the
//! other's task) becomes a vector of terms — words and adjacent word pairs ("định danh",
//! "dịch vụ công" gives "dịch vụ" and "vụ công") — after expanding abbreviations ("CCCD")
//! and folding tone-mark style and case. Terms are weighted by rarity across both plans
//! (BM25 idf), so boilerplate every task shares ("triển khai", "Đề án 06") counts for
//! little. Pairs are scored by cosine similarity, raised a little when the tasks share a
//! lead agency (`Agency.key`, collectives excluded).
//!
//! A pair is kept when its score clears [`MIN_SCORE`] and one task is the other's best
//! match and the pair is nearly as good as the other task's own best: so a task matches
//! several on the other side only when one plan splits what the other joins.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

use serde::Deserialize;

use super::{Alignment, Group, Pair, Relation, TaskRef};
use crate::fold::{fold, strip_diacritics};
use crate::model::Task;

/// Lowest score of a kept pair.
pub const MIN_SCORE: f64 = 0.21;
/// A second match must reach this share of the other task's best score.
pub const NEAR_BEST: f64 = 0.8;
/// A pair this strong is kept whenever one task is the other's best match.
pub const STRONG: f64 = 0.25;
/// Terms of a task's first clause (its aim, before the details) count this many times.
pub const HEAD_WEIGHT: usize = 2;
/// Weight of a shared lead agency in the score.
pub const LEAD_WEIGHT: f64 = 0.1;
/// Shared terms listed per pair.
pub const SHOWN_TERMS: usize = 6;

/// Align the tasks of two plans.
pub fn align(left: &[Task], right: &[Task]) -> Alignment {
    let Model {
        lv,
        rv,
        score,
        strip,
    } = model(left, right);
    let best_l: Vec<Option<(usize, f64)>> =
        score.iter().map(|row| best(row.iter().copied())).collect();
    let best_r: Vec<Option<(usize, f64)>> = (0..right.len())
        .map(|j| best(score.iter().map(|row| row[j])))
        .collect();

    let mut edges: Vec<(usize, usize, f64)> = Vec::new();
    for (i, row) in score.iter().enumerate() {
        for (j, &s) in row.iter().enumerate() {
            if s < MIN_SCORE {
                continue;
            }
            let (bi, bsi) = best_l[i].unwrap_or((usize::MAX, 0.0));
            let (bj, bsj) = best_r[j].unwrap_or((usize::MAX, 0.0));
            let keep = (bi == j && (bj == i || s >= NEAR_BEST * bsj || s >= STRONG))
                || (bj == i && (s >= NEAR_BEST * bsi || s >= STRONG));
            if keep {
                edges.push((i, j, s));
            }
        }
    }

    let groups = group(&edges, left.len());
    let matched_l: BTreeSet<usize> = edges.iter().map(|e| e.0).collect();
    let matched_r: BTreeSet<usize> = edges.iter().map(|e| e.1).collect();
    let mut out_groups: Vec<Group> = groups
        .into_iter()
        .map(|g| {
            let ls: BTreeSet<usize> = g.iter().map(|e| e.0).collect();
            let rs: BTreeSet<usize> = g.iter().map(|e| e.1).collect();
            let relation = match (ls.len(), rs.len()) {
                (1, 1) => Relation::OneToOne,
                (1, _) => Relation::OneToMany,
                (_, 1) => Relation::ManyToOne,
                _ => Relation::ManyToMany,
            };
            let mut pairs: Vec<(usize, usize, f64)> = g.clone();
            pairs.sort_by(|x, y| y.2.total_cmp(&x.2).then(x.0.cmp(&y.0)).then(x.1.cmp(&y.1)));
            Group {
                relation,
                score: pairs.first().map_or(0.0, |p| p.2),
                left: ls.iter().map(|&i| TaskRef::of(&left[i])).collect(),
                right: rs.iter().map(|&j| TaskRef::of(&right[j])).collect(),
                pairs: pairs
                    .iter()
                    .map(|&(i, j, s)| Pair {
                        left: left[i].id.clone(),
                        right: right[j].id.clone(),
                        score: s,
                        shared_terms: explain(&left[i].text, strip, &lv[i], &rv[j]),
                        shared_leads: shared_leads(&left[i], &right[j]),
                    })
                    .collect(),
            }
        })
        .collect();
    // Best first; ties in document order of the left side.
    out_groups.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| first_index(a, left).cmp(&first_index(b, left)))
    });
    Alignment {
        groups: out_groups,
        unmatched_left: unmatched(left, &matched_l),
        unmatched_right: unmatched(right, &matched_r),
    }
}

/// The pair scores, `scores(l, r)[i][j]` for left task `i` and right task `j`.
pub fn scores(left: &[Task], right: &[Task]) -> Vec<Vec<f64>> {
    model(left, right).score
}

struct Model {
    lv: Vec<Vector>,
    rv: Vec<Vector>,
    score: Vec<Vec<f64>>,
    strip: bool,
}

fn model(left: &[Task], right: &[Task]) -> Model {
    let strip = is_undiacritized(left) || is_undiacritized(right);
    let lt: Vec<Vec<String>> = left.iter().map(|t| terms(&t.text, strip)).collect();
    let rt: Vec<Vec<String>> = right.iter().map(|t| terms(&t.text, strip)).collect();
    let idf = idf(lt.iter().chain(rt.iter()));
    let lv: Vec<Vector> = lt.iter().map(|t| Vector::new(t, &idf)).collect();
    let rv: Vec<Vector> = rt.iter().map(|t| Vector::new(t, &idf)).collect();
    let mut score = vec![vec![0.0; right.len()]; left.len()];
    for (i, a) in left.iter().enumerate() {
        for (j, b) in right.iter().enumerate() {
            let cos = lv[i].cosine(&rv[j]);
            let lead = if shared_leads(a, b).is_empty() {
                0.0
            } else {
                1.0
            };
            score[i][j] =
                round3((1.0 - LEAD_WEIGHT) * cos + LEAD_WEIGHT * lead * cos.min(0.5) * 2.0);
        }
    }
    Model {
        lv,
        rv,
        score,
        strip,
    }
}

/// The terms of a text: words and adjacent word pairs, abbreviations expanded, folded.
/// Numbers and function words are not terms, and a pair never spans either.
pub fn terms(text: &str, strip: bool) -> Vec<String> {
    let head_end = text.find(['.', ';', ':']).unwrap_or(text.len());
    let mut out = plain_terms(text, strip);
    let head = plain_terms(&text[..head_end], strip);
    for _ in 1..HEAD_WEIGHT {
        out.extend(head.iter().cloned());
    }
    out
}

/// Words and word pairs of a text, each once per occurrence.
fn plain_terms(text: &str, strip: bool) -> Vec<String> {
    let mut out = Vec::new();
    for run in runs(text, strip) {
        for (k, word) in run.iter().enumerate() {
            out.push(word.clone());
            if k > 0 {
                out.push(format!("{} {word}", run[k - 1]));
            }
        }
    }
    out
}

/// The text as runs of content words: abbreviations expanded, folded; punctuation,
/// numbers and function words end a run.
fn runs(text: &str, strip: bool) -> Vec<Vec<String>> {
    let vocab = vocabulary();
    let expanded = expand(text, vocab);
    let folded = fold(&expanded);
    let folded = if strip {
        strip_diacritics(&folded)
    } else {
        folded
    };
    let mut out = Vec::new();
    for piece in folded.split(|c: char| !(crate::fold::is_alnum(c) || c == ' ')) {
        let mut run: Vec<String> = Vec::new();
        for word in piece.split(' ').filter(|w| !w.is_empty()) {
            let stop = vocab.stopwords.contains(word)
                || word.chars().any(|c| c.is_ascii_digit())
                || word.chars().count() < 2;
            if stop {
                if !run.is_empty() {
                    out.push(std::mem::take(&mut run));
                }
            } else {
                run.push(word.to_owned());
            }
        }
        if !run.is_empty() {
            out.push(run);
        }
    }
    out
}

/// A weighted term vector, normalised to unit length.
pub struct Vector {
    weights: BTreeMap<String, f64>,
}

impl Vector {
    fn new(terms: &[String], idf: &BTreeMap<String, f64>) -> Vector {
        let mut tf: BTreeMap<&str, usize> = BTreeMap::new();
        for t in terms {
            *tf.entry(t.as_str()).or_default() += 1;
        }
        let mut weights: BTreeMap<String, f64> = tf
            .into_iter()
            .map(|(t, n)| {
                (
                    t.to_owned(),
                    (1.0 + (n as f64).ln()) * idf.get(t).copied().unwrap_or(0.0),
                )
            })
            .filter(|(_, w)| *w > 0.0)
            .collect();
        let norm = weights.values().map(|w| w * w).sum::<f64>().sqrt();
        if norm > 0.0 {
            weights.values_mut().for_each(|w| *w /= norm);
        }
        Vector { weights }
    }

    fn cosine(&self, other: &Vector) -> f64 {
        let (small, large) = if self.weights.len() <= other.weights.len() {
            (self, other)
        } else {
            (other, self)
        };
        small
            .weights
            .iter()
            .filter_map(|(t, w)| large.weights.get(t).map(|v| w * v))
            .sum()
    }
}

/// BM25 inverse document frequency of every term over both plans' tasks.
fn idf<'a>(docs: impl Iterator<Item = &'a Vec<String>>) -> BTreeMap<String, f64> {
    let mut df: BTreeMap<String, usize> = BTreeMap::new();
    let mut n = 0usize;
    for d in docs {
        n += 1;
        let uniq: BTreeSet<&String> = d.iter().collect();
        for t in uniq {
            *df.entry(t.clone()).or_default() += 1;
        }
    }
    df.into_iter()
        .map(|(t, k)| {
            let (n, k) = (n as f64, k as f64);
            (t, (1.0 + (n - k + 0.5) / (k + 0.5)).ln())
        })
        .collect()
}

/// The phrases of the left text made of terms both tasks share ("tài khoản định danh
/// điện tử"), most telling first; shared words outside such phrases come after.
fn explain(text: &str, strip: bool, a: &Vector, b: &Vector) -> Vec<String> {
    let contribution = |t: &str| -> f64 {
        a.weights
            .get(t)
            .zip(b.weights.get(t))
            .map_or(0.0, |(x, y)| x * y)
    };
    let mut candidates: BTreeMap<String, f64> = BTreeMap::new();
    for run in runs(text, strip) {
        let mut k = 0;
        while k < run.len() {
            // Extend a phrase while each adjacent pair is shared.
            let mut end = k;
            while end + 1 < run.len()
                && contribution(&format!("{} {}", run[end], run[end + 1])) > 0.0
            {
                end += 1;
            }
            let words = &run[k..=end];
            let mut score: f64 = words.iter().map(|w| contribution(w)).sum();
            score += words
                .windows(2)
                .map(|w| contribution(&format!("{} {}", w[0], w[1])))
                .sum::<f64>();
            if score > 0.0 {
                let phrase = words.join(" ");
                let slot = candidates.entry(phrase).or_insert(0.0);
                *slot = slot.max(score);
            }
            k = end + 1;
        }
    }
    let mut ranked: Vec<(String, f64)> = candidates.into_iter().collect();
    ranked.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
    let mut shown: Vec<String> = Vec::new();
    for (phrase, _) in ranked {
        if shown.len() >= SHOWN_TERMS {
            break;
        }
        let inside = shown
            .iter()
            .any(|s| format!(" {s} ").contains(&format!(" {phrase} ")));
        if !inside {
            shown.push(phrase);
        }
    }
    shown
}

fn shared_leads(a: &Task, b: &Task) -> Vec<String> {
    let ka: BTreeSet<&str> = a
        .lead
        .iter()
        .filter(|x| !x.group)
        .map(|x| x.key.as_str())
        .collect();
    b.lead
        .iter()
        .filter(|x| !x.group && ka.contains(x.key.as_str()))
        .map(|x| x.key.clone())
        .collect::<BTreeSet<String>>()
        .into_iter()
        .collect()
}

fn best(scores: impl Iterator<Item = f64>) -> Option<(usize, f64)> {
    let mut out: Option<(usize, f64)> = None;
    for (k, s) in scores.enumerate() {
        if out.is_none_or(|(_, b)| s > b) {
            out = Some((k, s));
        }
    }
    out.filter(|&(_, s)| s > 0.0)
}

/// Connected components of the match graph, each as its edges.
fn group(edges: &[(usize, usize, f64)], n_left: usize) -> Vec<Vec<(usize, usize, f64)>> {
    // Union-find over left nodes 0..n_left and right nodes n_left + j.
    let n = n_left + edges.iter().map(|e| e.1 + 1).max().unwrap_or(0);
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    for &(i, j, _) in edges {
        let (a, b) = (find(&mut parent, i), find(&mut parent, n_left + j));
        if a != b {
            parent[a.max(b)] = a.min(b);
        }
    }
    let mut comps: BTreeMap<usize, Vec<(usize, usize, f64)>> = BTreeMap::new();
    for &e in edges {
        let root = find(&mut parent, e.0);
        comps.entry(root).or_default().push(e);
    }
    comps.into_values().collect()
}

fn first_index(g: &Group, left: &[Task]) -> usize {
    g.left
        .first()
        .and_then(|t| left.iter().position(|x| x.id == t.id))
        .unwrap_or(usize::MAX)
}

fn unmatched(tasks: &[Task], matched: &BTreeSet<usize>) -> Vec<TaskRef> {
    tasks
        .iter()
        .enumerate()
        .filter(|(k, _)| !matched.contains(k))
        .map(|(_, t)| TaskRef::of(t))
        .collect()
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// A plan typed without diacritics ("Cong an tinh"): then both sides are compared
/// stripped, so its words still meet the other plan's.
fn is_undiacritized(tasks: &[Task]) -> bool {
    let mut letters = 0usize;
    let mut marked = 0usize;
    for c in tasks
        .iter()
        .flat_map(|t| t.text.chars())
        .filter(|c| crate::fold::is_letter(*c))
    {
        letters += 1;
        if !c.is_ascii() {
            marked += 1;
        }
    }
    letters > 200 && marked * 100 < letters
}

/// Expand abbreviations written as whole words.
fn expand(text: &str, vocab: &Vocabulary) -> String {
    let mut out = String::with_capacity(text.len() + 32);
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        match vocab.abbreviations.get(word.as_str()) {
            Some(long) => out.push_str(long),
            None => out.push_str(word),
        }
        word.clear();
    };
    for c in text.chars() {
        if crate::fold::is_alnum(c) {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

/// The first `limit` content syllables of a task heading, folded and each once: the
/// function words and generic opening verbs of `grammar/compare.toml` left out.
pub(crate) fn content_words(heading: &str, limit: usize) -> Vec<String> {
    let v = vocabulary();
    let mut folded = fold(heading);
    // Most headings hold none of the phrases: a prebuilt search rules each out without
    // copying the heading.
    for (phrase, finder) in &v.generic_phrases {
        if finder.find(folded.as_bytes()).is_some() {
            folded = folded.replace(phrase.as_str(), " ");
        }
    }
    let mut out: Vec<String> = Vec::new();
    for w in folded.split(|c: char| !crate::fold::is_alnum(c)) {
        if out.len() == limit {
            break;
        }
        if !w.is_empty() && !v.stopwords.contains(w) && !out.iter().any(|o| o == w) {
            out.push(w.to_owned());
        }
    }
    out
}

/// `grammar/compare.toml`, loaded once.
struct Vocabulary {
    abbreviations: BTreeMap<String, String>,
    stopwords: BTreeSet<String>,
    /// Each phrase folded, with a searcher for it.
    generic_phrases: Vec<(String, memchr::memmem::Finder<'static>)>,
}

#[derive(Deserialize)]
struct RawVocabulary {
    abbreviations: Vec<RawAbbreviation>,
    stopwords: Vec<String>,
    generic_phrases: Vec<String>,
}

#[derive(Deserialize)]
struct RawAbbreviation {
    short: String,
    long: String,
}

fn vocabulary() -> &'static Vocabulary {
    static V: LazyLock<Vocabulary> = LazyLock::new(|| {
        let raw: RawVocabulary = toml::from_str(include_str!("../../grammar/compare.toml"))
            .expect("grammar/compare.toml is valid (checked by a unit test)");
        Vocabulary {
            abbreviations: raw
                .abbreviations
                .into_iter()
                .map(|a| (a.short, a.long))
                .collect(),
            stopwords: raw.stopwords.iter().map(|s| fold(s)).collect(),
            generic_phrases: raw
                .generic_phrases
                .iter()
                .map(|s| {
                    let folded = fold(s);
                    let finder = memchr::memmem::Finder::new(folded.as_bytes()).into_owned();
                    (folded, finder)
                })
                .collect(),
        }
    });
    &V
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vocabulary_parses() {
        assert!(vocabulary().abbreviations.contains_key("CCCD"));
    }

    #[test]
    fn terms_expand_fold_and_pair() {
        let t = terms("Cấp CCCD gắn chip; hoà giải 2024", false);
        assert!(t.contains(&"căn cước".to_owned()), "{t:?}");
        assert!(t.contains(&"công dân".to_owned()));
        assert!(t.contains(&"hòa giải".to_owned()));
        assert!(!t.iter().any(|x| x.contains("2024")));
        assert!(
            !t.contains(&"chip hòa".to_owned()),
            "pairs never span punctuation"
        );
        assert!(terms("Cấp Căn cước", true).contains(&"can cuoc".to_owned()));
    }
}
