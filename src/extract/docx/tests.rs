use super::*;

#[test]
fn wide_tables_are_pipe_rows_and_narrow_ones_layout() {
    let cell = |s: &str| vec![s.to_owned()];
    let wide = Table {
        rows: vec![vec![cell("TT"), cell("Tên nhiệm vụ"), cell("a | b")]],
        ..Default::default()
    };
    assert_eq!(table_lines(wide), ["| TT | Tên nhiệm vụ | a / b |", ""]);
    let narrow = Table {
        rows: vec![vec![cell("ỦY BAN NHÂN DÂN"), cell("CỘNG HÒA")]],
        ..Default::default()
    };
    assert_eq!(table_lines(narrow), ["ỦY BAN NHÂN DÂN", "", "CỘNG HÒA", ""]);
}

#[test]
fn not_a_zip_and_not_a_docx_are_typed_errors() {
    assert!(matches!(
        extract(b"PK\x03\x04junk", Choice::Auto),
        Err(ErrorKind::DamagedDocx { .. })
    ));
}
