//! Runs PDF extraction in a child process so that nothing a hostile PDF does
//! (panic, abort, stack overflow, runaway memory or time) can take the main
//! process down.
//!
//! Protocol: the parent spawns `worker_exe __pdf-worker --backend B` in its
//! own process group with an address-space limit, writes the PDF to its
//! stdin, and reads one JSON `WorkerReply` from its stdout. The password
//! travels in the environment, never on the command line (visible in `ps`).

use std::io::{Read, Write};
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::PathBuf;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use super::pdf::{Backend, PdfError, PdfText, extract_in_process, pdftotext_available};

/// Resource limits for one worker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PdfLimits {
    /// Wall-clock time before the worker is killed.
    pub timeout: Duration,
    /// Address-space limit (RLIMIT_AS) of the worker and its children.
    pub memory_bytes: u64,
    /// Maximum size of the worker's JSON reply.
    pub max_output_bytes: usize,
}

/// Sized for real plans: the 651-page test file needs about 5 s and well
/// under 1 GiB.
impl Default for PdfLimits {
    fn default() -> Self {
        PdfLimits {
            timeout: Duration::from_secs(60),
            memory_bytes: 1 << 30,
            max_output_bytes: 64 << 20,
        }
    }
}

/// Everything the parent needs to run one extraction.
#[derive(Debug, Clone)]
pub struct PdfOptions {
    /// Executable that understands the hidden `__pdf-worker` subcommand
    /// (the kehoach binary itself).
    pub worker_exe: PathBuf,
    pub password: Option<String>,
    pub backend: Backend,
    pub limits: PdfLimits,
}

/// The hidden subcommand name routed to [`worker_main`].
pub const WORKER_SUBCOMMAND: &str = "__pdf-worker";

/// Environment variable carrying the password to the worker.
pub const PASSWORD_ENV: &str = "KEHOACH_PDF_PASSWORD";

/// Parent side: spawn `worker_exe __pdf-worker` with the PDF bytes on stdin and options in args/env; read its stdout (capped); map exit status / signal / timeout / oversize to PdfError.
///
/// In [`Backend::Auto`], a worker that crashed or ran out of memory inside
/// pdf-extract is retried once with `pdftotext` (when installed), which
/// survives inputs that abort pdf-extract.
pub fn extract_isolated(bytes: &[u8], opts: &PdfOptions) -> Result<PdfText, PdfError> {
    let first = run_worker(bytes, opts);
    let crashed = matches!(
        first,
        Err(PdfError::WorkerCrashed { .. } | PdfError::MemoryLimit { .. })
    );
    if opts.backend != Backend::Auto || !crashed || !pdftotext_available() {
        return first;
    }
    let retry = PdfOptions {
        backend: Backend::Pdftotext,
        ..opts.clone()
    };
    run_worker(bytes, &retry).or(first)
}

/// One worker run with the given options.
fn run_worker(bytes: &[u8], opts: &PdfOptions) -> Result<PdfText, PdfError> {
    let mut child = spawn_worker(opts)?;
    let feeder = feed_stdin(&mut child, bytes.to_vec());
    let oversize = Arc::new(AtomicBool::new(false));
    let stdout = read_capped(
        child.stdout.take(),
        opts.limits.max_output_bytes,
        Some(oversize.clone()),
    );
    let stderr = read_capped(child.stderr.take(), 64 << 10, None);
    let outcome = wait_or_kill(&mut child, opts.limits.timeout, &oversize);
    let _ = feeder.join();
    let out = stdout.join().unwrap_or_default();
    let err = stderr.join().unwrap_or_default();
    match outcome {
        Outcome::Exited(status) => interpret(status, &out, &err, &opts.limits),
        Outcome::TimedOut => Err(PdfError::Timeout {
            secs: opts.limits.timeout.as_secs(),
        }),
        Outcome::Oversize => Err(PdfError::OutputTooLarge {
            max_bytes: opts.limits.max_output_bytes,
        }),
        Outcome::WaitFailed(e) => Err(PdfError::Worker(format!(
            "waiting for the worker failed: {e}"
        ))),
    }
}

/// Worker side: the hidden subcommand's body. Reads stdin, calls extract_in_process, writes the result (JSON) to stdout, returns the process exit code.
///
/// `args` are the arguments after the subcommand (`--backend B`). Exit code
/// 0: reply is `Ok`; 2: reply is a typed error; 64: bad arguments.
pub fn worker_main(args: &[String]) -> i32 {
    let backend = match parse_backend(args) {
        Ok(b) => b,
        Err(msg) => {
            eprintln!("{WORKER_SUBCOMMAND}: {msg}");
            return 64;
        }
    };
    let password = std::env::var(PASSWORD_ENV).ok();
    let mut bytes = Vec::new();
    let reply = match std::io::stdin().lock().read_to_end(&mut bytes) {
        Ok(_) => WorkerReply::from(extract_in_process(&bytes, password.as_deref(), backend)),
        Err(e) => WorkerReply::Err(PdfError::Worker(format!("cannot read stdin: {e}"))),
    };
    write_reply(&reply)
}

// ---------------------------------------------------------------------------

/// What the worker prints: exactly one of these, as JSON.
#[derive(Debug, Serialize, Deserialize)]
enum WorkerReply {
    Ok(PdfText),
    Err(PdfError),
}

impl From<Result<PdfText, PdfError>> for WorkerReply {
    fn from(r: Result<PdfText, PdfError>) -> Self {
        match r {
            Ok(t) => WorkerReply::Ok(t),
            Err(e) => WorkerReply::Err(e),
        }
    }
}

const EXIT_OK: i32 = 0;
const EXIT_TYPED_ERROR: i32 = 2;

fn write_reply(reply: &WorkerReply) -> i32 {
    let code = if matches!(reply, WorkerReply::Ok(_)) {
        EXIT_OK
    } else {
        EXIT_TYPED_ERROR
    };
    let mut stdout = std::io::stdout().lock();
    let written = serde_json::to_writer(&mut stdout, reply).is_ok() && stdout.flush().is_ok();
    if written { code } else { 1 }
}

fn parse_backend(args: &[String]) -> Result<Backend, String> {
    match args {
        [] => Ok(Backend::Auto),
        [flag, value] if flag == "--backend" => value.parse(),
        other => Err(format!(
            "unexpected arguments {other:?}; usage: {WORKER_SUBCOMMAND} [--backend B]"
        )),
    }
}

/// Starts the worker in its own process group (so a timeout kills any
/// pdftotext it started too) with RLIMIT_AS and no core dumps.
fn spawn_worker(opts: &PdfOptions) -> Result<Child, PdfError> {
    let mut cmd = Command::new(&opts.worker_exe);
    cmd.arg(WORKER_SUBCOMMAND)
        .args(["--backend", opts.backend.as_str()])
        .env_remove(PASSWORD_ENV)
        .env("RUST_BACKTRACE", "0")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if let Some(pw) = &opts.password {
        cmd.env(PASSWORD_ENV, pw);
    }
    let memory = opts.limits.memory_bytes;
    // SAFETY: the closure runs between fork and exec and only calls the
    // async-signal-safe setpgid and setrlimit.
    unsafe {
        cmd.pre_exec(move || limit_self(memory));
    }
    cmd.spawn()
        .map_err(|e| PdfError::Worker(format!("cannot start {}: {e}", opts.worker_exe.display())))
}

/// Runs in the forked child before exec.
fn limit_self(memory_bytes: u64) -> std::io::Result<()> {
    let check = |rc: libc::c_int| {
        if rc == 0 {
            Ok(())
        } else {
            Err(std::io::Error::last_os_error())
        }
    };
    // SAFETY: plain syscalls on this process with valid, owned arguments.
    unsafe {
        check(libc::setpgid(0, 0))?;
        let mem = libc::rlimit {
            rlim_cur: memory_bytes as libc::rlim_t,
            rlim_max: memory_bytes as libc::rlim_t,
        };
        check(libc::setrlimit(libc::RLIMIT_AS, &mem))?;
        let core = libc::rlimit {
            rlim_cur: 0,
            rlim_max: 0,
        };
        check(libc::setrlimit(libc::RLIMIT_CORE, &core))?;
    }
    Ok(())
}

/// Writes the PDF on a thread so a worker that stops reading (or dies)
/// cannot block the parent; a broken pipe is expected then and ignored.
fn feed_stdin(child: &mut Child, bytes: Vec<u8>) -> JoinHandle<()> {
    let stdin = child.stdin.take();
    std::thread::spawn(move || {
        if let Some(mut stdin) = stdin {
            let _ = stdin.write_all(&bytes);
        }
    })
}

/// Reads a pipe to the end on a thread, keeping at most `cap` bytes; sets
/// `oversize` when more arrive so the parent can kill the worker early.
fn read_capped<R: Read + Send + 'static>(
    pipe: Option<R>,
    cap: usize,
    oversize: Option<Arc<AtomicBool>>,
) -> JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut kept = Vec::new();
        let Some(mut pipe) = pipe else { return kept };
        let mut buf = [0u8; 64 * 1024];
        loop {
            match pipe.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) if kept.len() + n > cap => {
                    let room = cap - kept.len();
                    kept.extend_from_slice(&buf[..room]);
                    if let Some(flag) = &oversize {
                        flag.store(true, Ordering::SeqCst);
                        break;
                    }
                }
                Ok(n) => kept.extend_from_slice(&buf[..n]),
            }
        }
        kept
    })
}

enum Outcome {
    Exited(ExitStatus),
    TimedOut,
    Oversize,
    WaitFailed(std::io::Error),
}

/// Polls the worker until it exits, the deadline passes or its output
/// overflows; in the last two cases the whole process group is killed.
fn wait_or_kill(child: &mut Child, timeout: Duration, oversize: &AtomicBool) -> Outcome {
    let deadline = Instant::now() + timeout;
    loop {
        match child.try_wait() {
            Ok(Some(status)) => {
                // The output cap may have been hit just before exit.
                return if oversize.load(Ordering::SeqCst) {
                    Outcome::Oversize
                } else {
                    Outcome::Exited(status)
                };
            }
            Ok(None) => {}
            Err(e) => {
                kill_group(child);
                return Outcome::WaitFailed(e);
            }
        }
        if oversize.load(Ordering::SeqCst) {
            kill_group(child);
            return Outcome::Oversize;
        }
        if Instant::now() >= deadline {
            kill_group(child);
            return Outcome::TimedOut;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// SIGKILL to the worker's process group, then reap the worker.
fn kill_group(child: &mut Child) {
    if let Ok(pid) = libc::pid_t::try_from(child.id()) {
        // SAFETY: signalling the process group we created for this child.
        unsafe {
            libc::kill(-pid, libc::SIGKILL);
        }
    }
    let _ = child.kill();
    let _ = child.wait();
}

/// Maps the worker's exit to a result. Allocation failure under RLIMIT_AS
/// aborts with "memory allocation of N bytes failed" on stderr; that is
/// told apart from other aborts (stack overflow, panics) by that text.
fn interpret(
    status: ExitStatus,
    out: &[u8],
    err: &[u8],
    limits: &PdfLimits,
) -> Result<PdfText, PdfError> {
    let stderr = String::from_utf8_lossy(err);
    if stderr.contains("memory allocation of") || stderr.contains("capacity overflow") {
        return Err(PdfError::MemoryLimit {
            mib: limits.memory_bytes >> 20,
        });
    }
    match status.code() {
        Some(EXIT_OK) | Some(EXIT_TYPED_ERROR) => parse_reply(out),
        code => Err(crash(status.signal(), code, &stderr)),
    }
}

fn parse_reply(out: &[u8]) -> Result<PdfText, PdfError> {
    match serde_json::from_slice::<WorkerReply>(out) {
        Ok(WorkerReply::Ok(text)) => Ok(text),
        Ok(WorkerReply::Err(e)) => Err(e),
        Err(e) => Err(PdfError::Worker(format!(
            "unreadable reply from the worker: {e}"
        ))),
    }
}

/// A crash description that is stable for snapshot tests: signal name or
/// exit status, plus a known cause when stderr names one.
fn crash(signal: Option<i32>, status: Option<i32>, stderr: &str) -> PdfError {
    let cause = if stderr.contains("overflowed its stack") {
        ": stack overflow"
    } else if stderr.contains("panicked") {
        ": panic"
    } else {
        ""
    };
    let detail = match (signal, status) {
        (Some(sig), _) => format!("killed by signal {sig} ({}){cause}", signal_name(sig)),
        (None, Some(code)) => format!("exit status {code}{cause}"),
        (None, None) => format!("unknown exit{cause}"),
    };
    PdfError::WorkerCrashed {
        signal,
        status,
        detail,
    }
}

fn signal_name(sig: i32) -> &'static str {
    match sig {
        libc::SIGSEGV => "SIGSEGV",
        libc::SIGABRT => "SIGABRT",
        libc::SIGBUS => "SIGBUS",
        libc::SIGKILL => "SIGKILL",
        libc::SIGILL => "SIGILL",
        libc::SIGFPE => "SIGFPE",
        _ => "signal",
    }
}
