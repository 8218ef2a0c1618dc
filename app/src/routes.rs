//! The site's routes in one table (issue #18): each variant gives its router pattern
//! (`/facilities/:id/`, for `app.rs`), its path (`/facilities/kokubunji-kikan/`, for links and
//! for the builder's list of pages in `site/pages.rs`) and, through [`Route::href`], its link
//! under the base path.
//!
//! Shared by the builder and the islands, so it stays small: string patterns, one `match`, no
//! tables or serde. The base path is not its business ([`crate::data::join_base`] adds it);
//! nor are query strings and fragments, which callers append to [`Route::path`].

use std::sync::Arc;

use leptos_router::{ParamSegment, PossibleRouteMatch, StaticSegment};

use crate::data::Widget;

/// One page of the site. Ids are the content's own (file names, area codes, guide slugs) and
/// go into the path unchanged.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route<'a> {
    Home,
    Search,
    Emergency,
    /// A facility by id: `/facilities/<id>/`.
    Facility(&'a str),
    /// A municipality or region by id (its code): `/areas/<id>/`.
    Area(&'a str),
    Catalogue,
    Screening,
    /// A guide by slug: `/guides/<slug>/`.
    Guide(&'a str),
    /// The embed code generator.
    Embed,
    /// One widget's own page, shown in other sites' frames: `/embed/<widget>/`.
    Widget(Widget),
    About,
    OpenData,
}

/// The id to give a variant when only its pattern matters (the router in `app.rs`).
pub const ANY: &str = "";

impl Route<'_> {
    /// The router's pattern: static segments and at most one `:param`, with a trailing slash
    /// (every page is `…/index.html`).
    pub fn pattern(self) -> &'static str {
        match self {
            Route::Home => "/",
            Route::Search => "/search/",
            Route::Emergency => "/emergency/",
            Route::Facility(_) => "/facilities/:id/",
            Route::Area(_) => "/areas/:id/",
            Route::Catalogue => "/catalogue/",
            Route::Screening => "/screening/",
            Route::Guide(_) => "/guides/:slug/",
            Route::Embed => "/embed/",
            Route::Widget(_) => "/embed/:widget/",
            Route::About => "/about/",
            Route::OpenData => "/opendata/",
        }
    }

    /// The path before the base path: the pattern with its parameter filled in.
    pub fn path(self) -> String {
        let value = match self {
            Route::Facility(id) | Route::Area(id) | Route::Guide(id) => id,
            Route::Widget(w) => w.id(),
            _ => return self.pattern().to_string(),
        };
        let (head, rest) = self.pattern().split_once(':').unwrap_or_default();
        let tail = rest.find('/').map_or("", |end| &rest[end..]);
        format!("{head}{value}{tail}")
    }

    /// The link to this page under the site's base path (see [`crate::data::href`]), in
    /// the page's reading when the page has a version in it (`/en/guides/faq/`).
    pub fn href(self) -> String {
        self.href_with("")
    }

    /// [`Route::href`] with a query or fragment (`"?fn=emergency"`, `"#kn-first"`).
    pub fn href_with(self, tail: &str) -> String {
        crate::data::href(&format!("{}{tail}", crate::i18n::messages().page_path(&self.path())))
    }

    /// The router's matcher for [`Route::pattern`]: the same segments `path!` makes of it.
    pub fn matcher(self) -> Arc<dyn PossibleRouteMatch + Send + Sync> {
        let pattern = self.pattern();
        match pattern.trim_matches('/').split_once('/') {
            _ if pattern == "/" => Arc::new(()),
            None => Arc::new((StaticSegment(pattern.trim_matches('/')), StaticSegment("/"))),
            Some((noun, param)) => {
                Arc::new((StaticSegment(noun), ParamSegment(param.trim_start_matches(':')), StaticSegment("/")))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use leptos_router::{path, PathSegment, PossibleRouteMatch};

    use super::*;

    /// One of each variant, with ids as the content writes them.
    const ROUTES: [(Route<'static>, &str); 14] = [
        (Route::Home, "/"),
        (Route::Search, "/search/"),
        (Route::Emergency, "/emergency/"),
        (Route::Facility("kokubunji-kikan"), "/facilities/kokubunji-kikan/"),
        (Route::Facility("wam-1312345678-2"), "/facilities/wam-1312345678-2/"),
        (Route::Area("132144"), "/areas/132144/"),
        (Route::Catalogue, "/catalogue/"),
        (Route::Screening, "/screening/"),
        (Route::Guide("what-is"), "/guides/what-is/"),
        (Route::Embed, "/embed/"),
        (Route::Widget(Widget::Finder), "/embed/finder/"),
        (Route::Widget(Widget::Screening), "/embed/screening/"),
        (Route::About, "/about/"),
        (Route::OpenData, "/opendata/"),
    ];

    fn generated(m: &dyn PossibleRouteMatch) -> Vec<PathSegment> {
        let mut segments = Vec::new();
        m.generate_path(&mut segments);
        segments
    }

    #[test]
    fn paths_keep_ids_and_match_their_patterns() {
        for (route, want) in ROUTES {
            assert_eq!(route.path(), want, "{route:?}");
            let matched = route.matcher().test(want).unwrap_or_else(|| panic!("{route:?} does not match {want}"));
            // Complete as the router judges it (a trailing `/` may be left over).
            assert!(matched.is_complete(), "{route:?} leaves {}", matched.remaining());
            assert_eq!(matched.matched().trim_end_matches('/'), want.trim_end_matches('/'), "{route:?}");
            let params: Vec<String> = matched.params().into_iter().map(|(_, v)| v).collect();
            let id = want.trim_end_matches('/').rsplit('/').next().unwrap_or_default();
            let want_params: Vec<&str> = if route.pattern().contains(':') { vec![id] } else { vec![] };
            assert_eq!(params, want_params, "{route:?}");
        }
    }

    #[test]
    fn no_other_pattern_takes_a_route() {
        for (route, path) in ROUTES {
            for (other, _) in ROUTES.iter().filter(|(o, _)| o.pattern() != route.pattern()) {
                let taken = other.matcher().test(path).is_some_and(|m| m.is_complete());
                assert!(!taken, "{} also matches {path}", other.pattern());
            }
        }
    }

    /// The matcher is the tuple `path!` makes of the same pattern.
    #[test]
    fn matchers_are_what_path_macro_makes() {
        let by_macro: [(Route<'static>, Vec<PathSegment>); 5] = [
            (Route::Home, generated(&path!("/"))),
            (Route::Search, generated(&path!("/search/"))),
            (Route::Facility(ANY), generated(&path!("/facilities/:id/"))),
            (Route::Guide(ANY), generated(&path!("/guides/:slug/"))),
            (Route::Widget(Widget::Finder), generated(&path!("/embed/:widget/"))),
        ];
        for (route, want) in by_macro {
            assert_eq!(generated(&*route.matcher()), want, "{route:?}");
        }
    }
}
