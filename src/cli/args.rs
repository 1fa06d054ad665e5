//! Flags as typed by the user (clap derive); nothing here is validated beyond syntax.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

const EXIT_CODES: &str = "\
Exit codes:
  0  every input parsed
  1  several inputs and some failed (the others were written; see stderr)
  2  bad command line
  3  an input could not be read or the output could not be written
  4  the input is not decodable text (invalid UTF-8/UTF-16, binary data)
  5  the input is empty
  6  the input is in a format this build cannot read
  7  the input is damaged, truncated or not what its name says (e.g. HTML named .pdf)
  8  an encrypted PDF needs a (correct) --password
  9  the PDF has no usable text layer (scanned, outlined or unmapped fonts): run OCR
 10  PDF extraction failed (worker crashed, timed out or hit a limit), or .doc conversion failed";

#[derive(Debug, Parser)]
#[command(name = "kehoach", version, about = "Turn Vietnamese administrative plans into structured JSON tasks", after_help = EXIT_CODES)]
pub struct Args {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Parse plans and print their tasks as JSON (schema: `kehoach schema`).
    #[command(after_help = EXIT_CODES)]
    Parse {
        /// Input files or directories (searched recursively for plan files); "-" reads
        /// standard input. Plain text (UTF-8, UTF-16 with BOM, TCVN3, VNI, VISCII), PDF,
        /// DOCX, and .doc through LibreOffice.
        #[arg(required = true, value_name = "FILE")]
        inputs: Vec<PathBuf>,
        /// Output format.
        #[arg(long, short = 'f', value_enum, default_value_t = Format::Json)]
        format: Format,
        /// Write here instead of standard output. With several inputs, a directory that
        /// receives one NAME.EXT per input (.json, .ndjson, .csv, .ics by format).
        #[arg(long, short = 'o', value_name = "PATH")]
        output: Option<PathBuf>,
        /// CSV: start with a UTF-8 byte-order mark so spreadsheet programs read it as UTF-8.
        #[arg(long)]
        excel: bool,
        #[command(flatten)]
        pdf: PdfArgs,
    },
    /// Lint plans: missing leads and deadlines, repeated labels, impossible dates.
    /// Prints `file:line: severity: code: message`; exit 1 when any error-level finding.
    #[command(after_help = check_help())]
    Check {
        /// Input files or directories (as for `parse`).
        #[arg(required = true, value_name = "FILE")]
        inputs: Vec<PathBuf>,
        /// Output format of the findings.
        #[arg(long, short = 'f', value_enum, default_value_t = CheckFormat::Text)]
        format: CheckFormat,
        /// Report CODE as an error (repeatable).
        #[arg(long, value_name = "CODE")]
        deny: Vec<String>,
        /// Do not report CODE (repeatable).
        #[arg(long, value_name = "CODE")]
        allow: Vec<String>,
        #[command(flatten)]
        pdf: PdfArgs,
    },
    /// Print the JSON Schema of the output contract (v1).
    Schema {
        /// Print the schema of `kehoach compare --format json` instead.
        #[arg(long, conflicts_with = "ndjson")]
        compare: bool,
        /// Print the schema of one `parse --format ndjson` line (a task) instead.
        #[arg(long)]
        ndjson: bool,
    },
    /// Compare two plans of the same programme: corresponding tasks, agency load, timeline.
    #[command(after_help = EXIT_CODES)]
    Compare {
        /// Plan A: any input `parse` reads, or a JSON output of `kehoach parse`.
        #[arg(value_name = "A")]
        left: PathBuf,
        /// Plan B, likewise.
        #[arg(value_name = "B")]
        right: PathBuf,
        /// Output format [default: table].
        #[arg(long, short = 'f', value_enum)]
        format: Option<CompareFormat>,
        /// Write here instead of standard output.
        #[arg(long, short = 'o', value_name = "PATH")]
        output: Option<PathBuf>,
        #[command(flatten)]
        pdf: PdfArgs,
    },
}

/// The code table of `check --help`, from the library's table so the two cannot drift.
fn check_help() -> String {
    let mut s = String::from(
        "Codes (default severity; --deny makes a code an error, --allow silences it):\n",
    );
    for c in kehoach::check::CODES {
        s.push_str(&format!(
            "  {:<27} {:<8} {}\n",
            c.code,
            c.severity.as_str(),
            c.meaning
        ));
    }
    s.push_str("\nExit codes: 0 no error-level finding; 1 an error-level finding (or, with several inputs,\nan input that could not be read); 2 bad command line; 3-10 as for `parse` (one input).");
    s
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// `file:line: severity: code: message`, one finding per line.
    Text,
    /// A JSON array of findings.
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CompareFormat {
    /// Aligned columns for reading in a terminal (colored when stdout is a terminal).
    Table,
    /// One JSON document (schema: `kehoach schema --compare`).
    Json,
    /// One self-contained HTML page.
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One pretty-printed JSON document per input (an array when several go to stdout).
    Json,
    /// One task per line (the task plus `document` and `source`; `kehoach schema --ndjson`).
    Ndjson,
    /// One whole plan per line, compact JSON.
    PlansNdjson,
    /// One row per task (RFC 4180, header row; columns in the README).
    Csv,
    /// iCalendar (RFC 5545): one VTODO per task with a due date.
    Ics,
}

/// How inputs are read. PDF extraction runs in a separate worker process with these
/// limits, so a hostile file cannot take the run down.
#[derive(Debug, clap::Args)]
#[command(next_help_heading = "Input")]
pub struct PdfArgs {
    /// Text encoding: detect the legacy Vietnamese encodings TCVN3 (.VnTime), VNI
    /// (VNI-Times) and VISCII from the text and font names (auto), never convert
    /// (utf-8), or read the input as one of them.
    #[arg(long, value_enum, default_value_t = Encoding::Auto)]
    pub encoding: Encoding,
    /// User password of encrypted PDFs (or set KEHOACH_PASSWORD).
    #[arg(
        long,
        env = "KEHOACH_PASSWORD",
        hide_env_values = true,
        value_name = "PASSWORD"
    )]
    pub password: Option<String>,
    /// Text extractor: pdf-extract, falling back to pdftotext (poppler-utils) when it
    /// fails or yields garbage (auto); or only one of them.
    #[arg(long, value_enum, default_value_t = PdfBackend::Auto)]
    pub pdf_backend: PdfBackend,
    /// Wall-time limit per PDF, in seconds.
    #[arg(long, default_value_t = 60, value_name = "SECS")]
    pub pdf_timeout: u64,
    /// Memory (address-space) limit of the extraction worker, in MiB.
    #[arg(long, default_value_t = 1024, value_name = "MIB")]
    pub pdf_memory: u64,
    /// Largest text a PDF may yield, in MiB.
    #[arg(long, default_value_t = 64, value_name = "MIB")]
    pub pdf_max_output: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PdfBackend {
    Auto,
    PdfExtract,
    Pdftotext,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Encoding {
    Auto,
    #[value(name = "utf-8", alias = "utf8")]
    Utf8,
    #[value(alias = "abc")]
    Tcvn3,
    Vni,
    Viscii,
}
