//! The 好事例集, `/catalogue/`: the page rendered at build time ([`page`]), the island that
//! filters and sorts it in the browser ([`enhance`], [`filter`]) and its summary charts
//! ([`chart`], build time only).

pub mod chart;
pub mod enhance;
pub mod filter;
pub mod page;

pub use page::CataloguePage;
