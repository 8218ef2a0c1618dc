//! Site chrome only: the header, the footer and the page frame every route shares
//! ([`page`]: page data, headings, the not-found fallback). One per file, each with a CSS
//! block of the same name in `style/components/`. What several features show is in
//! `markup/`; what one feature shows is in its folder under `features/`.

pub mod page;
pub mod site_footer;
pub mod site_header;
