//! Command-line front end. `args` parses flags (clap), `config` validates them into
//! what to do before any work starts, `run` does it and maps failures to exit codes.

mod args;
mod config;
mod run;

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
}

pub fn main() -> ExitCode {
    let args = match args::Args::try_parse() {
        Ok(a) => a,
        Err(e) => {
            let code = if e.use_stderr() { exit::USAGE } else { exit::OK };
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
