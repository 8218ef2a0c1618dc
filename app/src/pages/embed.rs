//! `/embed/` and the widgets under it (issue #8): what municipalities put on their own
//! websites, and the page where their web staff make the code for it.
//!
//! - [`generator`]: `/embed/`, the embed-code generator (rendered at build time).
//! - [`widget`]: `/embed/finder/`, `/embed/emergency/`, `/embed/screening/` — the frame they
//!   share: options, notices, accent, height reports to the loader (`public/embed.js`).
//! - [`emergency`]: the emergency contacts card.
//! - [`options`]: reading and checking the options in a widget's address.
//!
//! The finder and the self-check are the site's own (`pages::search`, `pages::screening`);
//! the widgets add no second copy of them.

pub mod emergency;
pub mod generator;
pub mod options;
pub mod widget;

pub use generator::{generator, EmbedPage};
pub use widget::WidgetPage;
