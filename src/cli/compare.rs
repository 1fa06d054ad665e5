//! `kehoach compare A B`: read both plans (inputs or `parse` JSON), compare, render.

use std::path::Path;

use kehoach::Plan;
use kehoach::compare::{self, InputError};
use kehoach::extract::ExtractOptions;

use super::args::CompareFormat;
use super::config::Input;
use super::exit;
use super::run::{exit_code, write_stdout};

pub fn run(
    inputs: &[Input; 2],
    format: CompareFormat,
    color: bool,
    output: Option<&Path>,
    opts: &ExtractOptions,
) -> u8 {
    let mut plans: Vec<Plan> = Vec::with_capacity(2);
    for input in inputs {
        match load(input, opts) {
            Ok(p) => plans.push(p),
            Err((msg, code)) => {
                eprintln!("kehoach: {msg}");
                return code;
            }
        }
    }
    let cmp = compare::compare(&plans[0], &plans[1]);
    let text = match format {
        CompareFormat::Json => compare::json(&cmp),
        CompareFormat::Table => compare::table::table(&cmp, color),
        CompareFormat::Html => compare::html::html(&cmp),
    };
    match output {
        None => write_stdout(text.as_bytes()),
        Some(path) => match std::fs::write(path, text) {
            Ok(()) => exit::OK,
            Err(e) => {
                eprintln!("kehoach: {}: cannot write: {e}", path.display());
                exit::IO
            }
        },
    }
}

fn load(input: &Input, opts: &ExtractOptions) -> Result<Plan, (String, u8)> {
    let shown = input.shown();
    let bytes = input.read()?;
    compare::load_plan(&input.name(), &bytes, opts).map_err(|e| match e {
        InputError::Parse(e) => (format!("{shown}: {}", e.kind()), exit_code(e.kind())),
        InputError::Json(e) => (
            format!("{shown}: not a valid `kehoach parse` output: {e}"),
            exit::DAMAGED,
        ),
    })
}
