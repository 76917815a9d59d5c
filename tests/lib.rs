//! Integration tests of the workspace live in `tests/`. The README's examples are compiled
//! and run here as doc tests.
#![doc = include_str!("../README.md")]
