//! `/emergency/`: the page ([`page`]), rendered at build time; no island.

pub mod page;

pub use page::EmergencyPage;
