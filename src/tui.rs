//! The terminal browser.

mod stopgap;
