//! Shell integration generated from the clap definitions, so completions and the manual
//! never drift from the commands they describe.

use std::path::Path;

use clap::CommandFactory;

use super::{out, outln};
use crate::cli::Cli;

/// The completion script for `shell` on stdout (README says where each shell looks for it).
pub(super) fn completions(shell: clap_complete::Shell) -> Result<u8, String> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "briefings", &mut script);
    out::write(&String::from_utf8_lossy(&script))?;
    Ok(0)
}

/// The program's page on stdout, or, with a folder, one page per sub-command as git and
/// cargo install theirs (`man briefings-search`).
pub(super) fn man(folder: Option<&Path>) -> Result<u8, String> {
    let shown = crate::text::show_path(folder.unwrap_or(Path::new("")));
    let failed = |e: std::io::Error| format!("cannot write the manual to {shown}: {e}");
    let Some(folder) = folder else {
        let mut page = Vec::new();
        clap_mangen::Man::new(Cli::command())
            .render(&mut page)
            .map_err(|e| format!("cannot write the manual: {e}"))?;
        out::write(&String::from_utf8_lossy(&page))?;
        return Ok(0);
    };
    std::fs::create_dir_all(folder).map_err(failed)?;
    clap_mangen::generate_to(Cli::command(), folder).map_err(failed)?;
    let mut cmd = Cli::command().disable_help_subcommand(true);
    cmd.build();
    let pages = pages(&cmd);
    outln!("{pages} manual pages written to {shown} (briefings.1, briefings-<command>.1)")?;
    Ok(0)
}

/// How many pages `clap_mangen::generate_to` writes: one per visible command, nested ones too.
fn pages(cmd: &clap::Command) -> usize {
    1 + cmd
        .get_subcommands()
        .filter(|s| !s.is_hide_set())
        .map(pages)
        .sum::<usize>()
}
