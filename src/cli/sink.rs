//! Where parsed plans go, in each output format: streamed to standard output or a file
//! (opened on the first plan, so a run where every input fails writes nothing), or one
//! file per input in a directory.

use std::io::{BufWriter, Write};
use std::path::Path;

use indicatif::ProgressBar;
use kehoach::Plan;
use kehoach::render::{self, csv::CsvOptions};

use super::args::Format;
use super::config::{Export, Input, Output};
use super::exit;

pub struct Sink<'a> {
    format: Format,
    export: Export,
    output: &'a Output,
    /// Exactly one input: JSON is one object rather than an array.
    single: bool,
    out: Option<Box<dyn Write>>,
    /// Standard output was closed by the reader (`| head`): stop writing, quietly.
    closed: bool,
    /// JSON is a document, not a stream: plans are kept for the end.
    plans: Vec<Plan>,
    /// The first write error.
    error: Option<u8>,
}

impl<'a> Sink<'a> {
    pub fn new(format: Format, export: Export, output: &'a Output, inputs: usize) -> Self {
        Sink {
            format,
            export,
            output,
            single: inputs == 1,
            out: None,
            closed: false,
            plans: Vec::new(),
            error: None,
        }
    }

    /// Write one plan. Err(exit code) when it could not be written to its own file.
    pub fn plan(&mut self, input: &Input, plan: Plan, bar: &ProgressBar) -> Result<(), u8> {
        if self.format == Format::Ics {
            note_undated(input, &plan, bar);
        }
        if let Output::Dir(dir) = self.output {
            let path = dir.join(format!(
                "{}.{}",
                stem(&input.name()),
                extension(self.format)
            ));
            return std::fs::write(&path, self.whole(&plan)).map_err(|e| {
                bar.suspend(|| eprintln!("kehoach: {}: cannot write: {e}", path.display()));
                exit::IO
            });
        }
        if self.format == Format::Json {
            self.plans.push(plan);
            return Ok(());
        }
        let first = self.out.is_none();
        let chunk = self.chunk(&plan, first);
        self.write(chunk.as_bytes());
        Ok(())
    }

    /// Close the stream (JSON document, iCalendar end); the exit code of the writing.
    pub fn finish(mut self) -> u8 {
        match self.format {
            Format::Json if !self.plans.is_empty() => {
                let text = match (self.single, self.plans.as_slice()) {
                    (true, [plan]) => render::json(plan),
                    _ => render::plans_json(&self.plans),
                };
                self.write(text.as_bytes());
            }
            Format::Ics if self.out.is_some() => self.write(render::ics::end().as_bytes()),
            _ => {}
        }
        self.error.unwrap_or(exit::OK)
    }

    /// The plan's part of a stream; `first` adds what opens the stream.
    fn chunk(&self, plan: &Plan, first: bool) -> String {
        match self.format {
            Format::Json => render::json(plan),
            Format::Ndjson => render::ndjson::tasks(plan),
            Format::PlansNdjson => render::json_compact(plan) + "\n",
            Format::Csv => render::csv::csv(
                plan,
                CsvOptions {
                    header: first,
                    excel_bom: first && self.export.excel_bom,
                },
            ),
            Format::Ics => {
                let todos = render::ics::todos(plan, self.export.stamp).text;
                if first {
                    render::ics::begin() + &todos
                } else {
                    todos
                }
            }
        }
    }

    /// The plan as a file of its own.
    fn whole(&self, plan: &Plan) -> String {
        match self.format {
            Format::Ics => render::ics::ics(plan, self.export.stamp).text,
            _ => self.chunk(plan, true),
        }
    }

    fn write(&mut self, bytes: &[u8]) {
        if self.closed || self.error.is_some() {
            return;
        }
        if self.out.is_none() {
            match open(self.output) {
                Ok(w) => self.out = Some(w),
                Err(code) => {
                    self.error = Some(code);
                    return;
                }
            }
        }
        let Some(out) = self.out.as_mut() else { return };
        match out.write_all(bytes).and_then(|()| out.flush()) {
            Ok(()) => {}
            // A closed pipe (`| head`) is not an error worth reporting.
            Err(e)
                if e.kind() == std::io::ErrorKind::BrokenPipe
                    && matches!(self.output, Output::Stdout) =>
            {
                self.closed = true
            }
            Err(e) => {
                eprintln!("kehoach: cannot write output: {e}");
                self.error = Some(exit::IO);
            }
        }
    }
}

/// The file extension of one output per input.
pub fn extension(format: Format) -> &'static str {
    match format {
        Format::Json => "json",
        Format::Ndjson | Format::PlansNdjson => "ndjson",
        Format::Csv => "csv",
        Format::Ics => "ics",
    }
}

fn open(output: &Output) -> Result<Box<dyn Write>, u8> {
    match output {
        Output::File(path) => match std::fs::File::create(path) {
            Ok(f) => Ok(Box::new(BufWriter::new(f))),
            Err(e) => {
                eprintln!("kehoach: {}: cannot write: {e}", path.display());
                Err(exit::IO)
            }
        },
        _ => Ok(Box::new(BufWriter::new(std::io::stdout()))),
    }
}

/// Tasks without a due date have no place on a calendar: say which were left out.
fn note_undated(input: &Input, plan: &Plan, bar: &ProgressBar) {
    let undated = render::ics::undated(plan);
    if !undated.is_empty() {
        bar.suspend(|| {
            eprintln!(
                "kehoach: {}: {} tasks without a due date not exported: {}",
                input.name(),
                undated.len(),
                undated.join(", ")
            );
        });
    }
}

fn stem(name: &str) -> String {
    Path::new(name)
        .file_stem()
        .map_or_else(|| "stdin".to_owned(), |s| s.to_string_lossy().into_owned())
}
