//! Each bad input in `tests/invalid/` gets a clear error naming the file and the
//! problem; the rendered message is snapshotted so it stays stable for users' scripts.

#[test]
fn invalid_inputs_render_clear_errors() {
    insta::glob!("invalid/*", |path| {
        let bytes = std::fs::read(path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy();
        // With LibreOffice installed a .doc is converted instead (tests/docx.rs covers it).
        if name.ends_with(".doc") && kehoach::extract::doc::converter().is_some() {
            return;
        }
        let err = kehoach::parse_bytes(&name, &bytes).expect_err("must be rejected");
        let rendered = err.to_string();
        assert!(
            rendered.starts_with(&*name),
            "message names the file: {rendered}"
        );
        insta::assert_snapshot!(rendered);
    });
}

#[test]
fn a_bad_input_never_panics_the_parser() {
    // Every prefix of a real plan is still text (possibly cut inside a character).
    let bytes = std::fs::read(crate::root().join("corpus/text/kon-tum-2024.txt")).unwrap();
    for cut in (0..bytes.len()).step_by(997) {
        let _ = kehoach::parse_bytes("cut.txt", &bytes[..cut]);
    }
}
