//! Doing the work: read each input, parse, render, write; map failures to exit codes.
//! A bad input is reported and skipped; the others are still processed.

use std::io::{Read, Write};
use std::path::Path;

use kehoach::extract::{ExtractOptions, PdfError};
use kehoach::{ErrorKind, Plan, render};

use super::args::Format;
use super::config::{Config, Input, Output};
use super::exit;

pub fn run(cfg: &Config) -> u8 {
    match cfg {
        Config::Schema { compare: false } => write_stdout(render::SCHEMA.as_bytes()),
        Config::Schema { compare: true } => write_stdout(kehoach::compare::SCHEMA.as_bytes()),
        Config::Compare { inputs, format, color, output, extract } => super::compare::run(inputs, *format, *color, output.as_deref(), extract),
        Config::Parse { inputs, format, output, extract } => parse_all(inputs, *format, output, extract),
    }
}

fn parse_all(inputs: &[Input], format: Format, output: &Output, opts: &ExtractOptions) -> u8 {
    let mut plans: Vec<Plan> = Vec::new();
    let mut codes: Vec<u8> = Vec::new();
    for input in inputs {
        match parse_one(input, opts) {
            Ok(plan) => {
                if let Output::Dir(dir) = output {
                    let path = dir.join(format!("{}.json", stem(&input.name())));
                    if let Err(e) = std::fs::write(&path, render_one(&plan, format)) {
                        eprintln!("kehoach: {}: cannot write: {e}", path.display());
                        codes.push(exit::IO);
                    }
                } else {
                    plans.push(plan);
                }
            }
            Err((msg, code)) => {
                eprintln!("kehoach: {msg}");
                codes.push(code);
            }
        }
    }
    let text = match (format, inputs.len()) {
        (_, _) if matches!(output, Output::Dir(_)) => String::new(),
        (Format::Json, 1) => plans.first().map(render::json).unwrap_or_default(),
        (Format::Json, _) => {
            let mut s = serde_json::to_string_pretty(&plans).expect("plans serialize");
            s.push('\n');
            s
        }
        (Format::Ndjson, _) => plans.iter().map(|p| render::json_compact(p) + "\n").collect(),
    };
    let wrote = match output {
        Output::Stdout if !text.is_empty() || !plans.is_empty() => write_stdout(text.as_bytes()),
        Output::File(path) if !plans.is_empty() => match std::fs::write(path, text) {
            Ok(()) => exit::OK,
            Err(e) => {
                eprintln!("kehoach: {}: cannot write: {e}", path.display());
                exit::IO
            }
        },
        _ => exit::OK,
    };
    if wrote != exit::OK {
        return wrote;
    }
    match (codes.first(), inputs.len()) {
        (None, _) => exit::OK,
        (Some(&c), 1) => c,
        (Some(_), _) => exit::SOME_FAILED,
    }
}

fn parse_one(input: &Input, opts: &ExtractOptions) -> Result<Plan, (String, u8)> {
    let name = input.name();
    let bytes = match input {
        Input::Stdin => {
            let mut buf = Vec::new();
            std::io::stdin().read_to_end(&mut buf).map(|_| buf)
        }
        Input::File(p) => std::fs::read(p),
    };
    let shown = match input {
        Input::Stdin => "<stdin>".to_owned(),
        Input::File(p) => p.display().to_string(),
    };
    let bytes = bytes.map_err(|e| (format!("{shown}: cannot read: {e}"), exit::IO))?;
    kehoach::parse_bytes_with(&name, &bytes, opts).map_err(|e| (format!("{shown}: {}", e.kind()), exit_code(e.kind())))
}

/// The documented exit code for an input error.
pub(super) fn exit_code(kind: &ErrorKind) -> u8 {
    match kind {
        ErrorKind::Io(_) => exit::IO,
        ErrorKind::Empty | ErrorKind::Pdf(PdfError::Empty) => exit::EMPTY,
        ErrorKind::UnsupportedFormat { .. } | ErrorKind::NotDocx | ErrorKind::DocNeedsConverter => exit::UNSUPPORTED,
        ErrorKind::DamagedDocx { .. } => exit::DAMAGED,
        ErrorKind::DocConversionFailed { .. } => exit::EXTRACTION_FAILED,
        ErrorKind::Pdf(PdfError::NotPdf { .. } | PdfError::Truncated | PdfError::Damaged(_)) => exit::DAMAGED,
        ErrorKind::Pdf(PdfError::PasswordRequired | PdfError::WrongPassword) => exit::ENCRYPTED,
        ErrorKind::Pdf(PdfError::NoTextLayer | PdfError::Undecodable) => exit::NO_TEXT,
        ErrorKind::Pdf(_) => exit::EXTRACTION_FAILED,
        _ => exit::NOT_TEXT,
    }
}

fn render_one(plan: &Plan, format: Format) -> String {
    match format {
        Format::Json => render::json(plan),
        Format::Ndjson => render::json_compact(plan) + "\n",
    }
}

fn stem(name: &str) -> String {
    Path::new(name).file_stem().map_or_else(|| "stdin".to_owned(), |s| s.to_string_lossy().into_owned())
}

pub(super) fn write_stdout(bytes: &[u8]) -> u8 {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => exit::OK,
        // A closed pipe (`| head`) is not an error worth reporting.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => exit::OK,
        Err(e) => {
            eprintln!("kehoach: cannot write output: {e}");
            exit::IO
        }
    }
}
