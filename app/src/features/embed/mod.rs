//! `/embed/` and the widgets under it (issue #8): what municipalities put on their own
//! websites, and the page where their web staff make the code for it.
//!
//! - [`generator`]: `/embed/`, the embed-code generator (rendered at build time).
//! - [`widget`]: `/embed/finder/`, `/embed/emergency/`, `/embed/screening/` — the frame they
//!   share: options, notices, accent, height reports to the loader (`public/embed.js`).
//! - [`emergency`]: the emergency contacts card.
//! - [`options`]: reading and checking the options in a widget's address.
//!
//! The finder and the self-check are the site's own (`features::finder`,
//! `features::screening`); the widgets add no second copy of them. This is the one feature
//! that imports others: `widget` hosts their islands ([`crate::features::finder::Finder`],
//! [`crate::features::screening::screening`]) through what those features export, never
//! their page internals, and `generator` reads the finder's area index
//! ([`crate::features::finder::areas`]) for its municipality select.

pub mod emergency;
pub mod generator;
pub mod options;
pub mod widget;

pub use generator::{generator, EmbedPage};
pub use widget::WidgetPage;
