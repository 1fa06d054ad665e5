//! Small helpers over quick-xml events, shared by the DOCX reader and the PDF word-box
//! reader. Elements and attributes are read by local names (`w:p` → `p`), whatever
//! prefix the producer chose.

use quick_xml::XmlVersion;
use quick_xml::events::{BytesRef, BytesStart};

/// The local name of an element.
pub fn name<'a>(e: &'a BytesStart<'_>) -> &'a [u8] {
    let full = e.name().into_inner();
    full.iter()
        .rposition(|&b| b == b':')
        .map_or(full, |i| &full[i + 1..])
}

/// An attribute by local name (`w:val` → `val`), entity references resolved.
pub fn attr(e: &BytesStart<'_>, local: &[u8]) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        let key = a.key.into_inner();
        let k = key
            .iter()
            .rposition(|&b| b == b':')
            .map_or(key, |i| &key[i + 1..]);
        (k == local)
            .then(|| {
                a.normalized_value(XmlVersion::Implicit1_0)
                    .ok()
                    .map(|v| v.into_owned())
            })
            .flatten()
    })
}

/// A numeric attribute.
pub fn num(e: &BytesStart<'_>, local: &[u8]) -> Option<i64> {
    attr(e, local).and_then(|v| v.trim().parse().ok())
}

/// An on/off property (`<w:b/>`, `<w:vanish w:val="0"/>`).
pub fn on(e: &BytesStart<'_>) -> bool {
    !matches!(attr(e, b"val").as_deref(), Some("0" | "false" | "off"))
}

/// The text of an entity or character reference (`&amp;`, `&#x1EA1;`).
pub fn reference(r: &BytesRef<'_>) -> String {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        return c.to_string();
    }
    let name = r.decode().map(|s| s.into_owned()).unwrap_or_default();
    quick_xml::escape::resolve_predefined_entity(&name)
        .unwrap_or("")
        .to_owned()
}
