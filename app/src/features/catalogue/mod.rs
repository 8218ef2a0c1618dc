//! The 好事例集, `/catalogue/`: the page rendered at build time ([`page`]), the island that
//! filters and sorts it in the browser ([`enhance`], [`filter`]) and its summary charts
//! ([`chart`], build time only). The page's two long parts have their own files: the
//! comparison of the 25 entries (`table.rs`) and the practice sections (`practices.rs`).

pub mod chart;
pub mod enhance;
pub mod filter;
pub mod page;
mod practices;
mod table;

pub use page::CataloguePage;
pub(crate) use table::cell as status_cell;
