//! Reusable view pieces, one per file, named for what the user sees. Each has a CSS block
//! of the same name in `style/components/`.

pub mod area_directory;
pub mod area_map;
pub mod chart;
pub mod correction;
pub mod facility_card;
pub mod finder_form;
pub mod finder_map;
pub mod finder_results;
pub mod page;
pub mod site_footer;
pub mod site_header;
pub mod source_list;
pub mod unknown_value;
