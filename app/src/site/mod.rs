//! The site builder: content → page data → HTML, JSON, assets and wasm in `dist/`.
//! `build::build_site` runs the steps; each step is its own file.

pub mod assets;
pub mod bench;
pub mod build;
pub mod fact_age;
pub mod first_contacts;
pub mod geo;
pub mod hsds;
pub mod opendata;
mod page_data;
pub mod pages;
pub mod readings;
pub mod render;
pub mod serve;
pub mod synth;
pub mod wasm;
