//! Command-line front end. `args` parses flags (clap), `config` validates them into
//! what to do before any work starts, `run` does it and maps failures to exit codes.

mod args;
mod batch;
mod check;
mod compare;
mod config;
mod inputs;
mod run;
mod sink;

use std::process::ExitCode;

use clap::Parser;

/// Exit codes, documented in `--help` and the README.
pub mod exit {
    /// Every input parsed.
    pub const OK: u8 = 0;
    /// Several inputs, and some of them failed (the others were written).
    pub const SOME_FAILED: u8 = 1;
    /// Bad command line.
    pub const USAGE: u8 = 2;
    /// An input could not be read, or the output could not be written.
    pub const IO: u8 = 3;
    /// The input is not decodable text (invalid UTF-8/UTF-16, binary data).
    pub const NOT_TEXT: u8 = 4;
    /// The input is empty.
    pub const EMPTY: u8 = 5;
    /// The input is in a format this build cannot read.
    pub const UNSUPPORTED: u8 = 6;
    /// Not what its name says, truncated or damaged (e.g. an HTML page named .pdf).
    pub const DAMAGED: u8 = 7;
    /// An encrypted PDF that needs a (correct) `--password`.
    pub const ENCRYPTED: u8 = 8;
    /// A PDF with no usable text layer (scanned, outlined or unmapped fonts): OCR it.
    pub const NO_TEXT: u8 = 9;
    /// PDF extraction failed: the worker crashed, timed out or hit a limit.
    pub const EXTRACTION_FAILED: u8 = 10;
}

pub fn main() -> ExitCode {
    // PDF extraction re-runs this binary as an isolated worker process.
    let raw: Vec<String> = std::env::args().collect();
    if raw.get(1).map(String::as_str) == Some(kehoach::extract::WORKER_SUBCOMMAND) {
        let code = kehoach::extract::worker_main(&raw[2..]);
        return ExitCode::from(u8::try_from(code).unwrap_or(1));
    }
    let args = match args::Args::try_parse() {
        Ok(a) => a,
        Err(e) => {
            let code = if e.use_stderr() {
                exit::USAGE
            } else {
                exit::OK
            };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match config::Config::from_args(args) {
        Ok(cfg) => ExitCode::from(run::run(&cfg)),
        Err(msg) => {
            eprintln!("kehoach: {msg}");
            ExitCode::from(exit::USAGE)
        }
    }
}
