//! The comparison as one self-contained HTML page.

use super::Comparison;

pub fn html(cmp: &Comparison) -> String {
    format!("{cmp:?}")
}
