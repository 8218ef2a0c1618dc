//! Reusable view pieces, one per file, named for what the user sees. Each has a CSS block
//! of the same name in `style/components/`.

pub mod area_map;
pub mod chart;
pub mod finder_form;
pub mod finder_map;
pub mod finder_results;
pub mod page;
pub mod site_footer;
pub mod site_header;
