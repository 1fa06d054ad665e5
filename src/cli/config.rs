//! Validated configuration: everything checked before any input is read.

use std::path::PathBuf;

use std::time::Duration;

use kehoach::extract::{Backend, ExtractOptions, PdfLimits};

use kehoach::legacy::{Choice, Legacy};

use super::args::{Args, Command, CompareFormat, Encoding, Format, PdfArgs, PdfBackend};

/// What to do, fully decided.
#[derive(Debug)]
pub enum Config {
    Parse { inputs: Vec<Input>, format: Format, output: Output, extract: ExtractOptions },
    Schema { compare: bool },
    Compare { inputs: [Input; 2], format: CompareFormat, color: bool, output: Option<PathBuf>, extract: ExtractOptions },
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
            Input::File(p) => p.file_name().map_or_else(|| p.display().to_string(), |n| n.to_string_lossy().into_owned()),
        }
    }
}

impl Config {
    pub fn from_args(args: Args) -> Result<Config, String> {
        match args.command {
            Command::Schema { compare } => Ok(Config::Schema { compare }),
            Command::Compare { left, right, format, output, pdf } => {
                let input = |p: PathBuf| if p.as_os_str() == "-" { Input::Stdin } else { Input::File(p) };
                let inputs = [input(left), input(right)];
                if inputs.iter().all(|i| *i == Input::Stdin) {
                    return Err("standard input (\"-\") can be read only once".into());
                }
                let to_terminal = output.is_none() && std::io::IsTerminal::is_terminal(&std::io::stdout());
                let format = format.unwrap_or(CompareFormat::Table);
                Ok(Config::Compare { inputs, format, color: to_terminal, output, extract: extract_options(pdf)? })
            }
            Command::Parse { inputs, format, output, pdf, encoding } => {
                let mut extract = extract_options(pdf)?;
                extract.encoding = match encoding {
                    Encoding::Auto => Choice::Auto,
                    Encoding::Utf8 => Choice::Utf8,
                    Encoding::Tcvn3 => Choice::Forced(Legacy::Tcvn3),
                    Encoding::Vni => Choice::Forced(Legacy::Vni),
                    Encoding::Viscii => Choice::Forced(Legacy::Viscii),
                };
                let inputs: Vec<Input> = inputs
                    .into_iter()
                    .map(|p| if p.as_os_str() == "-" { Input::Stdin } else { Input::File(p) })
                    .collect();
                if inputs.iter().filter(|i| **i == Input::Stdin).count() > 1 {
                    return Err("standard input (\"-\") can be read only once".into());
                }
                let output = match output {
                    None => Output::Stdout,
                    Some(p) if p.is_dir() => Output::Dir(p),
                    Some(p) if inputs.len() > 1 => {
                        return Err(format!("{}: with several inputs, --output must be an existing directory", p.display()));
                    }
                    Some(p) => Output::File(p),
                };
                if let Output::Dir(_) = output {
                    let mut names: Vec<String> = inputs.iter().map(Input::name).collect();
                    names.sort();
                    if let Some(w) = names.windows(2).find(|w| w[0] == w[1]) {
                        return Err(format!("two inputs are named {}; their outputs would overwrite each other", w[0]));
                    }
                }
                Ok(Config::Parse { inputs, format, output, extract })
            }
        }
    }
}

/// PDF flags → extraction options; the worker is this very executable.
fn extract_options(pdf: PdfArgs) -> Result<ExtractOptions, String> {
    if pdf.pdf_timeout == 0 || pdf.pdf_memory < 64 || pdf.pdf_max_output == 0 {
        return Err("--pdf-timeout must be > 0, --pdf-memory >= 64 (MiB), --pdf-max-output > 0".into());
    }
    let exe = std::env::current_exe().map_err(|e| format!("cannot locate the kehoach executable for PDF extraction: {e}"))?;
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
            max_output_bytes: usize::try_from(pdf.pdf_max_output.saturating_mul(1 << 20)).unwrap_or(usize::MAX),
        },
        encoding: Choice::Auto,
    })
}
