//! briefings: read the Chinese MFA's regular press conferences offline.
//!
//! Data flows one way: raw text → [`parse`] → [`model`] → [`corpus`] (JSON on
//! disk) → [`search`] (index) → `tui`; [`library`] owns a corpus folder with its caches. The core modules know nothing of the terminal.

// Inside private modules `pub` would claim an API that is not there: write `pub(crate)`.
#![warn(unreachable_pub)]

mod align;
pub mod analysis;
pub mod bookmarks;
pub mod cli;
pub mod commands;
pub mod corpus;
pub mod export;
mod files;
pub mod import;
pub mod library;
pub mod model;
pub mod outlets;
pub mod parse;
pub mod problem;
pub mod search;
pub mod sync;
mod text;
mod transcript;
mod tui;
mod versions;
mod wrap;

/// The benchmark's probe of the input path (`cargo bench --features probe --bench perf`).
#[cfg(feature = "probe")]
pub use tui::{BigParagraph, InputPath, big_paragraph, input_path};
