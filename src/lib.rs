//! pactboard: a terminal dashboard for running business partnerships, kept as RON
//! files in one data directory. The binary is a thin shell over this library.

pub mod app;
pub mod check;
pub mod cli;
pub mod demo;
pub mod domain;
pub mod report;
pub mod store;
pub mod text;
pub mod tui;
pub mod ui;
