//! Doing the work: read each input, parse, render, write; map failures to exit codes.
//! Inputs are parsed in parallel and written in input order; a bad input is reported
//! and skipped, the others are still processed.

use std::io::Write;

use kehoach::extract::{ExtractOptions, PdfError};
use kehoach::{ErrorKind, Plan, render};

use super::args::Format;
use super::batch;
use super::config::{Config, Export, Input, Output, SchemaKind};
use super::exit;
use super::sink::Sink;

pub fn run(cfg: &Config) -> u8 {
    match cfg {
        Config::Schema {
            which: SchemaKind::Plan,
        } => write_stdout(render::SCHEMA.as_bytes()),
        Config::Schema {
            which: SchemaKind::TaskLine,
        } => write_stdout(render::ndjson::task_schema_text().as_bytes()),
        Config::Schema {
            which: SchemaKind::Compare,
        } => write_stdout(kehoach::compare::SCHEMA.as_bytes()),
        Config::Compare {
            inputs,
            format,
            color,
            output,
            extract,
        } => super::compare::run(inputs, *format, *color, output.as_deref(), extract),
        Config::Parse {
            inputs,
            format,
            output,
            extract,
            export,
        } => parse_all(inputs, *format, output, extract, *export),
        Config::Check {
            inputs,
            format,
            policy,
            extract,
        } => super::check::check_all(inputs, *format, policy, extract),
    }
}

fn parse_all(
    inputs: &[Input],
    format: Format,
    output: &Output,
    opts: &ExtractOptions,
    export: Export,
) -> u8 {
    let mut sink = Sink::new(format, export, output, inputs.len());
    let mut codes: Vec<u8> = Vec::new();
    batch::ordered(
        inputs,
        |input| parse_one(input, opts),
        |i, result, bar| match result {
            Ok(plan) => {
                if let Err(code) = sink.plan(&inputs[i], plan, bar) {
                    codes.push(code);
                }
            }
            Err((msg, code)) => {
                bar.suspend(|| eprintln!("kehoach: {msg}"));
                codes.push(code);
            }
        },
    );
    let wrote = sink.finish();
    if wrote != exit::OK {
        return wrote;
    }
    batch_code(&codes, inputs.len())
}

/// One input's failure code as the run's, or "some failed" for several inputs.
pub fn batch_code(codes: &[u8], inputs: usize) -> u8 {
    match (codes.first(), inputs) {
        (None, _) => exit::OK,
        (Some(&c), 1) => c,
        (Some(_), _) => exit::SOME_FAILED,
    }
}

pub fn parse_one(input: &Input, opts: &ExtractOptions) -> Result<Plan, (String, u8)> {
    let bytes = input.read()?;
    kehoach::parse_bytes_with(&input.name(), &bytes, opts).map_err(|e| {
        (
            format!("{}: {}", input.shown(), e.kind()),
            exit_code(e.kind()),
        )
    })
}

/// The documented exit code for an input error.
pub(super) fn exit_code(kind: &ErrorKind) -> u8 {
    match kind {
        ErrorKind::Io(_) => exit::IO,
        ErrorKind::Empty | ErrorKind::Pdf(PdfError::Empty) => exit::EMPTY,
        ErrorKind::UnsupportedFormat { .. } | ErrorKind::NotDocx | ErrorKind::DocNeedsConverter => {
            exit::UNSUPPORTED
        }
        ErrorKind::DamagedDocx { .. } => exit::DAMAGED,
        ErrorKind::DocConversionFailed { .. } => exit::EXTRACTION_FAILED,
        ErrorKind::Pdf(PdfError::NotPdf { .. } | PdfError::Truncated | PdfError::Damaged(_)) => {
            exit::DAMAGED
        }
        ErrorKind::Pdf(PdfError::PasswordRequired | PdfError::WrongPassword) => exit::ENCRYPTED,
        ErrorKind::Pdf(PdfError::NoTextLayer | PdfError::Undecodable) => exit::NO_TEXT,
        ErrorKind::Pdf(_) => exit::EXTRACTION_FAILED,
        _ => exit::NOT_TEXT,
    }
}

pub fn write_stdout(bytes: &[u8]) -> u8 {
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
