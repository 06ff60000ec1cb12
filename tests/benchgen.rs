//! The benchmark corpus generator (`benches/perf/benchgen`), tested here because the
//! benchmark itself runs no tests: determinism, the page layout, the Markov chains.
#![allow(dead_code)] // the benchmark uses what these tests do not

#[path = "../benches/perf/benchgen.rs"]
#[allow(clippy::module_inception)] // the generator's own name, now inside tests/all.rs's `benchgen`
mod benchgen;

#[path = "../benches/perf/benchgen/tests.rs"]
mod whole;
