//! An area, `/areas/{id}/`: the page ([`page`]) and its small map drawn at build time
//! ([`map`]).

pub mod map;
pub mod page;

pub use page::AreaPage;
