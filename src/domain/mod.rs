//! The partnership domain: plain data and the figures derived from it — no terminal, no I/O.
//!
//! Every computation that depends on the date takes `today` as a parameter, so
//! tests pin it and a demo can be shown "as of" the day it was made for.

pub mod activity;
pub mod agreement;
pub mod attention;
pub mod dates;
pub mod goals;
pub mod health;
pub mod ids;
pub mod integrity;
pub mod kpi;
pub mod partner;
pub mod period;
pub mod portfolio;
pub mod readings;
pub mod records;
pub mod review;
pub mod scoring;
pub mod sentiment;
pub mod smart;
pub mod stage_move;
pub mod timeline;
pub mod validate;
pub mod workspace;

pub use partner::*;
pub use workspace::*;
