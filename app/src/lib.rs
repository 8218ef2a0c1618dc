//! 拠点ナビ: a static-hostable portal for Japan's 地域生活支援拠点等.
//!
//! The build flows content → model → data → pages:
//! - `model`: one type per concept (area, facility, practice, report, guide, vocabulary),
//!   shared by the builder and the browser;
//! - `load` (native): reads and validates `content/`, with file:line diagnostics;
//! - `markdown` (native): Markdown to sanitised HTML;
//! - `data`: the per-route page data, embedded or fetched;
//! - `routes`: the one table of routes (pattern, path, link), for the router, the builder's
//!   pages and every link;
//! - `app`: the router, which page each route shows;
//! - `features`: one folder per route noun (finder, catalogue, screening, embed, area,
//!   facility, guide, emergency, …), each with its page, its island and its data; features
//!   import the shared layers below, not each other's pages;
//! - `markup`: the fragments several features share and the one escaping layer for markup
//!   written as strings, where a view tree would cost the browser too much wasm (`markup::html`);
//! - `components`: site chrome only (header, footer, the page frame);
//! - `url`: the page's query for the islands; `browser`, `math`: the browser's APIs in wasm;
//! - `site` (native): the site builder, writes `dist/` — HTML, JSON, wasm, assets;
//! - `import` (native): WAM NET files and municipal lists into `content/facilities/`.
#![recursion_limit = "256"]

pub mod app;
pub mod browser;
pub mod components;
pub mod data;
pub mod features;
pub mod i18n;
pub mod markup;
pub mod math;
pub mod model;
pub mod routes;
pub mod url;

#[cfg(feature = "hydrate")]
pub mod hydrate;
#[cfg(feature = "ssr")]
pub mod import;
#[cfg(feature = "ssr")]
pub mod load;
#[cfg(feature = "ssr")]
pub mod markdown;
#[cfg(feature = "ssr")]
pub mod site;
