//! Markup fragments shared by the pages rendered at build time and the islands that write
//! HTML as strings: one function per thing on the screen, so each has exactly one template.
//! Every interpolated value goes through [`crate::html::esc`].

pub mod call_button;
pub mod call_list;
