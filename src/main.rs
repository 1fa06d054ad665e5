//! The `kehoach` command: arguments → validated config → library calls → render.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
