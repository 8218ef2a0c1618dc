//! One file per route, each exporting one `…Page` component.

pub mod about;
pub mod area;
pub mod catalogue;
pub mod embed;
pub mod emergency;
pub mod facility;
pub mod guide;
pub mod home;
pub mod not_found;
pub mod opendata;
pub mod screening;
pub mod search;
