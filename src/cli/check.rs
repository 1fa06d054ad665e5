//! `kehoach check`: parse each input, lint it with the library's [`kehoach::check`],
//! print the findings. Exit 1 when any finding is an error.

use kehoach::check::{self, FileFinding, Finding, Policy};
use kehoach::extract::ExtractOptions;

use super::args::CheckFormat;
use super::batch;
use super::config::Input;
use super::exit;
use super::run::{batch_code, parse_one, write_stdout};

pub fn check_all(
    inputs: &[Input],
    format: CheckFormat,
    policy: &Policy,
    opts: &ExtractOptions,
) -> u8 {
    let mut codes: Vec<u8> = Vec::new();
    let mut all: Vec<(String, Vec<Finding>)> = Vec::new();
    let mut errors = false;
    let mut wrote = exit::OK;
    batch::ordered(
        inputs,
        |input| parse_one(input, opts).map(|plan| check::check(&plan, policy)),
        |i, result, bar| match result {
            Ok(findings) => {
                errors |= check::has_errors(&findings);
                let file = inputs[i].shown();
                if format == CheckFormat::Text && wrote == exit::OK {
                    let text: String = findings
                        .iter()
                        .map(|f| check::format_finding(&file, f) + "\n")
                        .collect();
                    bar.suspend(|| wrote = write_stdout(text.as_bytes()));
                }
                all.push((file, findings));
            }
            Err((msg, code)) => {
                bar.suspend(|| eprintln!("kehoach: {msg}"));
                codes.push(code);
            }
        },
    );
    if format == CheckFormat::Json {
        let list: Vec<FileFinding> = all
            .iter()
            .flat_map(|(file, fs)| fs.iter().map(move |finding| FileFinding { file, finding }))
            .collect();
        let mut text = serde_json::to_string_pretty(&list).expect("findings serialize");
        text.push('\n');
        wrote = write_stdout(text.as_bytes());
    }
    if wrote != exit::OK {
        return wrote;
    }
    match batch_code(&codes, inputs.len()) {
        exit::OK if errors => exit::SOME_FAILED,
        code => code,
    }
}
