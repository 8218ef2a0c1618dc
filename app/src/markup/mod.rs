//! Markup shared by several features: the one escaping layer for HTML written as strings
//! ([`html`]), the fragments islands and pages write as strings (facility card, call button
//! and call list: one template each, used by both) and the view components more than one
//! page shows (source list, 「未掲載」, the correction form, the area directory, the shift
//! note). One thing on the screen per file;
//! a view component has a CSS block of the same name in `style/components/`. Every value
//! interpolated into a string goes through [`html::esc`].
//!
//! Not here: site chrome (`components/`) and what only one feature shows (`features/`).

pub mod area_directory;
pub mod call_button;
pub mod call_list;
pub mod correction;
pub mod facility_card;
pub mod html;
pub mod shift_note;
pub mod source_list;
pub mod unknown_value;
