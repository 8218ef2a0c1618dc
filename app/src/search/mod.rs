//! The facility finder's data and matching. `index` (native) writes the search data at build
//! time: an area index and one row file per 市町村; `areas` (where to search), `query` (what,
//! and the matching) and `normalize` run in the browser (and in native tests and benchmarks) over that data; `map` is the finder
//! map's projection, file format and clustering, shared by the builder and the browser.

pub mod areas;
pub mod map;
pub mod normalize;
pub mod query;

#[cfg(feature = "ssr")]
pub mod index;
