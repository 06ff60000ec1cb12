//! The corpus folder: load, save atomically, and the bundled sample fallback.
