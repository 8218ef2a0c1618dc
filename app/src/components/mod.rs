//! Reusable view pieces, one per file, named for what the user sees. Each has a CSS block
//! of the same name in `style/components/`.

pub mod facility_card;
pub mod page;
pub mod site_footer;
pub mod site_header;
pub mod source_list;
pub mod unknown_value;
