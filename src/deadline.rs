//! PLACEHOLDER (replaced by the deadline grammar module).
use crate::model::Deadline;
pub struct Parsed { pub deadline: Deadline, pub understood: bool }
pub fn parse_deadline(text: &str, _year: Option<i32>) -> Parsed { Parsed { deadline: Deadline::unrecognized(text), understood: false } }
pub fn find_inline_deadline(_text: &str, _year: Option<i32>) -> Option<(std::ops::Range<usize>, Deadline)> { None }
