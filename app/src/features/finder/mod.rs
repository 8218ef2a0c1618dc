//! The facility finder, `/search/`: its page and island, the form, the results and the map,
//! and the data they search.
//!
//! - [`page`]: [`SearchPage`] and the [`Finder`] island (also hosted by the finder widget,
//!   `features/embed`) and the start page rendered at build time;
//! - [`state`]: [`FinderState`], what the parts share, and how they change the query;
//! - [`form`], [`results`]: the finder's form and results, written as HTML strings;
//! - [`map`]: the interactive map of the results;
//! - the data: `index` (native) writes the search data at build time — an area index and one
//!   row file per 市町村; [`areas`] (where to search), [`query`] (what, and the matching) and
//!   [`normalize`] run in the browser (and in native tests and benchmarks) over that data;
//!   [`map_data`] is the map's projection, file format and clustering, shared by the builder
//!   and the browser; [`order`] sorts for them all with one sort in the wasm.

pub mod areas;
pub mod form;
pub mod map;
pub mod map_data;
pub mod normalize;
pub mod order;
pub mod page;
pub mod query;
pub mod results;
pub mod state;

#[cfg(feature = "ssr")]
pub mod index;

pub use page::{Finder, SearchPage};
pub use state::FinderState;
