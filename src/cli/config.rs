//! Validated configuration: everything checked before any input is read.

use std::path::PathBuf;

use std::time::Duration;

use chrono::{DateTime, Utc};
use kehoach::check::{Level, Policy};
use kehoach::extract::{Backend, ExtractOptions, PdfLimits};
use kehoach::legacy::{Choice, Legacy};

use super::args::{
    Args, CheckFormat, Command, CompareFormat, Encoding, Format, PdfArgs, PdfBackend,
};

/// What to do, fully decided.
#[derive(Debug)]
pub enum Config {
    Parse {
        inputs: Vec<Input>,
        format: Format,
        output: Output,
        extract: ExtractOptions,
        export: Export,
    },
    Check {
        inputs: Vec<Input>,
        format: CheckFormat,
        policy: Policy,
        extract: ExtractOptions,
    },
    Compare {
        inputs: [Input; 2],
        format: CompareFormat,
        color: bool,
        output: Option<PathBuf>,
        extract: ExtractOptions,
    },
    Schema {
        which: SchemaKind,
    },
}

/// Which JSON Schema `kehoach schema` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SchemaKind {
    /// The plan (v1 output contract).
    Plan,
    /// One `parse --format ndjson` line.
    TaskLine,
    /// `compare --format json`.
    Compare,
}

/// Format details of the task exports.
#[derive(Debug, Clone, Copy)]
pub struct Export {
    /// CSV: start with a UTF-8 byte-order mark.
    pub excel_bom: bool,
    /// iCalendar DTSTAMP: `SOURCE_DATE_EPOCH` when set (reproducible output), else now.
    pub stamp: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Stdin,
    File(PathBuf),
}

#[derive(Debug)]
pub enum Output {
    Stdout,
    File(PathBuf),
    /// One file per input in this directory.
    Dir(PathBuf),
}

impl Input {
    /// The name recorded in `source.name`.
    pub fn name(&self) -> String {
        match self {
            Input::Stdin => "-".to_owned(),
            Input::File(p) => p.file_name().map_or_else(
                || p.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            ),
        }
    }

    /// The input as the user wrote it, for messages and `check` findings.
    pub fn shown(&self) -> String {
        match self {
            Input::Stdin => "<stdin>".to_owned(),
            Input::File(p) => p.display().to_string(),
        }
    }

    /// The input's bytes; a failure is the message to print and the I/O exit code.
    pub fn read(&self) -> Result<Vec<u8>, (String, u8)> {
        let bytes = match self {
            Input::Stdin => {
                let mut buf = Vec::new();
                std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf).map(|_| buf)
            }
            Input::File(p) => std::fs::read(p),
        };
        bytes.map_err(|e| {
            (
                format!("{}: cannot read: {e}", self.shown()),
                super::exit::IO,
            )
        })
    }
}

impl Config {
    pub fn from_args(args: Args) -> Result<Config, String> {
        match args.command {
            Command::Schema { compare, ndjson } => Ok(Config::Schema {
                which: match (compare, ndjson) {
                    (true, _) => SchemaKind::Compare,
                    (_, true) => SchemaKind::TaskLine,
                    _ => SchemaKind::Plan,
                },
            }),
            Command::Compare {
                left,
                right,
                format,
                output,
                pdf,
            } => {
                let input = |p: PathBuf| {
                    if p.as_os_str() == "-" {
                        Input::Stdin
                    } else {
                        Input::File(p)
                    }
                };
                let inputs = [input(left), input(right)];
                if inputs.iter().all(|i| *i == Input::Stdin) {
                    return Err("standard input (\"-\") can be read only once".into());
                }
                let to_terminal =
                    output.is_none() && std::io::IsTerminal::is_terminal(&std::io::stdout());
                let format = format.unwrap_or(CompareFormat::Table);
                Ok(Config::Compare {
                    inputs,
                    format,
                    color: to_terminal,
                    output,
                    extract: extract_options(pdf)?,
                })
            }
            Command::Check {
                inputs,
                format,
                deny,
                allow,
                pdf,
            } => {
                let mut policy = Policy::default();
                for (codes, level) in [(&allow, Level::Allow), (&deny, Level::Error)] {
                    for code in codes {
                        policy.set(code, level).map_err(|e| e.to_string())?;
                    }
                }
                let extract = extract_options(pdf)?;
                let inputs = inputs_of(inputs)?;
                Ok(Config::Check {
                    inputs,
                    format,
                    policy,
                    extract,
                })
            }
            Command::Parse {
                inputs,
                format,
                output,
                excel,
                pdf,
            } => {
                if excel && format != Format::Csv {
                    return Err("--excel applies only to --format csv".into());
                }
                let export = Export {
                    excel_bom: excel,
                    stamp: stamp()?,
                };
                let extract = extract_options(pdf)?;
                let inputs = inputs_of(inputs)?;
                let output = match output {
                    None => Output::Stdout,
                    Some(p) if p.is_dir() => Output::Dir(p),
                    Some(p) if inputs.len() > 1 => {
                        return Err(format!(
                            "{}: with several inputs, --output must be an existing directory",
                            p.display()
                        ));
                    }
                    Some(p) => Output::File(p),
                };
                if let Output::Dir(_) = output {
                    let mut names: Vec<String> = inputs.iter().map(Input::name).collect();
                    names.sort();
                    if let Some(w) = names.windows(2).find(|w| w[0] == w[1]) {
                        return Err(format!(
                            "two inputs are named {}; their outputs would overwrite each other",
                            w[0]
                        ));
                    }
                }
                Ok(Config::Parse {
                    inputs,
                    format,
                    output,
                    extract,
                    export,
                })
            }
        }
    }
}

/// Paths → inputs (directories expanded); standard input at most once.
fn inputs_of(paths: Vec<PathBuf>) -> Result<Vec<Input>, String> {
    let inputs = super::inputs::expand(paths)?;
    if inputs.iter().filter(|i| **i == Input::Stdin).count() > 1 {
        return Err("standard input (\"-\") can be read only once".into());
    }
    Ok(inputs)
}

/// The export time: `SOURCE_DATE_EPOCH` (reproducible builds convention) or the clock.
fn stamp() -> Result<DateTime<Utc>, String> {
    let secs = match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(v) => v
            .trim()
            .parse::<i64>()
            .map_err(|_| format!("SOURCE_DATE_EPOCH must be a number of seconds, not \"{v}\""))?,
        Err(_) => std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX)),
    };
    DateTime::from_timestamp(secs, 0)
        .ok_or_else(|| format!("SOURCE_DATE_EPOCH out of range: {secs}"))
}

/// Input flags → extraction options; the PDF worker is this very executable.
fn extract_options(pdf: PdfArgs) -> Result<ExtractOptions, String> {
    if pdf.pdf_timeout == 0 || pdf.pdf_memory < 64 || pdf.pdf_max_output == 0 {
        return Err(
            "--pdf-timeout must be > 0, --pdf-memory >= 64 (MiB), --pdf-max-output > 0".into(),
        );
    }
    let exe = std::env::current_exe()
        .map_err(|e| format!("cannot locate the kehoach executable for PDF extraction: {e}"))?;
    Ok(ExtractOptions {
        pdf_worker: Some(exe),
        password: pdf.password,
        backend: match pdf.pdf_backend {
            PdfBackend::Auto => Backend::Auto,
            PdfBackend::PdfExtract => Backend::PdfExtract,
            PdfBackend::Pdftotext => Backend::Pdftotext,
        },
        limits: PdfLimits {
            timeout: Duration::from_secs(pdf.pdf_timeout),
            memory_bytes: pdf.pdf_memory.saturating_mul(1 << 20),
            max_output_bytes: usize::try_from(pdf.pdf_max_output.saturating_mul(1 << 20))
                .unwrap_or(usize::MAX),
        },
        encoding: match pdf.encoding {
            Encoding::Auto => Choice::Auto,
            Encoding::Utf8 => Choice::Utf8,
            Encoding::Tcvn3 => Choice::Forced(Legacy::Tcvn3),
            Encoding::Vni => Choice::Forced(Legacy::Vni),
            Encoding::Viscii => Choice::Forced(Legacy::Viscii),
        },
    })
}
