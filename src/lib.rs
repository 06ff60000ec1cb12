//! briefings: read the Chinese MFA's regular press conferences offline.
//!
//! Data flows one way: raw text → [`parse`] → [`model`] → [`corpus`] (JSON on
//! disk) → [`search`] (index) → `tui`; [`library`] owns a corpus folder with its caches. The core modules know nothing of the terminal.

pub mod benchgen;
pub mod cli;
pub mod commands;
pub mod corpus;
pub mod import;
pub mod library;
pub mod model;
pub mod outlets;
pub mod parse;
pub mod problem;
pub mod search;
pub mod text;
pub mod transcript;
pub mod tui;
pub mod wrap;
