//! PLACEHOLDER (replaced by the agency grammar module).
use crate::model::Agency;
pub fn split_agencies(text: &str) -> Vec<Agency> { text.split(',').filter(|s| !s.trim().is_empty()).map(|s| make_agency(s.trim(), None)).collect() }
pub fn make_agency(name: &str, note: Option<String>) -> Agency { Agency { name: name.into(), canonical: name.into(), key: crate::fold::slug(name), group: false, note } }
pub fn agency_heading(_text: &str) -> Option<Vec<Agency>> { None }
pub struct Assignment { pub lead: Vec<Agency>, pub support: Vec<Agency>, pub rest_start: usize }
pub fn parse_inline_assignment(_s: &str) -> Option<Assignment> { None }
pub fn duty_agencies(_s: &str, heading: &[Agency]) -> (Vec<Agency>, Vec<Agency>) { (heading.to_vec(), vec![]) }
pub fn subject_agencies(_s: &str) -> Option<Vec<Agency>> { None }
