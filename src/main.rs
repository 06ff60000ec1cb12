//! Entry point: parse the command line, run a sub-command or the browser, exit with its code.

use std::process::ExitCode;

use clap::Parser;

use briefings::cli::{Cli, Command};
use briefings::commands;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let code = match commands::run(cli.corpus.as_deref(), cli.command.unwrap_or(Command::Tui)) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("briefings: {message}");
            1
        }
    };
    ExitCode::from(code)
}
