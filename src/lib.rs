//! pactboard: a terminal dashboard for running business partnerships, kept as RON
//! files in one data directory. The binary is a thin shell over this library.

pub mod domain;
pub mod store;
