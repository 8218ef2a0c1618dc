//! The site's features, one folder per route noun, each holding its page, its island and
//! its data: `finder` (`/search/`), `catalogue`, `screening`, `embed`, `area`, `facility`,
//! `guide`, `emergency`, and the single-file pages `home`, `about`, `opendata` and
//! `not_found`. Each exports one `…Page` component for `app.rs` and the render functions the
//! builder (`site/pages.rs`) calls.
//!
//! Features import the shared layers — `model`, `data`, `routes`, `url`, `markup`,
//! `components` — and not each other's pages. The one exception is `embed`, whose widgets
//! host the finder's and the self-check's islands (see its module docs).

pub mod about;
pub mod area;
pub mod catalogue;
pub mod embed;
pub mod emergency;
pub mod facility;
pub mod finder;
pub mod guide;
pub mod home;
pub mod not_found;
pub mod opendata;
pub mod screening;
