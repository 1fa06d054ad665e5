//! The `kehoach` command: arguments → validated config → library calls → render.

// The pipeline allocates many small strings (lines, tokens, names); mimalloc serves
// them faster than the system allocator, on every thread of a batch.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
