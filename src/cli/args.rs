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
        /// Input files ("-" reads standard input): plain text (UTF-8, UTF-16 with BOM, TCVN3,
        /// VNI, VISCII), PDF, DOCX, and .doc through LibreOffice.
        #[arg(required = true, value_name = "FILE")]
        inputs: Vec<PathBuf>,
        /// Output format.
        #[arg(long, short = 'f', value_enum, default_value_t = Format::Json)]
        format: Format,
        /// Write here instead of standard output. With several inputs, a directory that
        /// receives one NAME.json per input.
        #[arg(long, short = 'o', value_name = "PATH")]
        output: Option<PathBuf>,
        #[command(flatten)]
        pdf: PdfArgs,
        /// Text encoding: detect the legacy Vietnamese encodings TCVN3 (.VnTime), VNI
        /// (VNI-Times) and VISCII from the text and font names (auto), never convert
        /// (utf-8), or read the input as one of them.
        #[arg(long, value_enum, default_value_t = Encoding::Auto)]
        encoding: Encoding,
    },
    /// Print the JSON Schema of the output contract (v1).
    Schema {
        /// Print the schema of `kehoach compare --format json` instead.
        #[arg(long)]
        compare: bool,
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
    /// One compact JSON document per line, one line per input.
    Ndjson,
}

/// How PDFs are read. Extraction runs in a separate worker process with these limits,
/// so a hostile file cannot take the run down.
#[derive(Debug, clap::Args)]
#[command(next_help_heading = "PDF input")]
pub struct PdfArgs {
    /// User password of encrypted PDFs (or set KEHOACH_PASSWORD).
    #[arg(long, env = "KEHOACH_PASSWORD", hide_env_values = true, value_name = "PASSWORD")]
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
