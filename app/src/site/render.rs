//! Pre-renders one route: the Leptos `App` rendered to HTML inside a full document with
//! title, description, canonical URL, Open Graph tags, CSP and the page data for hydration.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use leptos::prelude::*;
use leptos_router::location::RequestUrl;

use crate::app::App;
use crate::data::{join_base, route_key, PageData, PageStore, Shell};
use crate::i18n::Lang;
use crate::markup::html::esc;

/// Hashed asset URLs (relative to the base path) that every page links.
#[derive(Clone, Debug, Default)]
pub struct AssetNames {
    pub css: String,
    /// `None` when the build has no wasm (content-only builds in tests).
    pub boot: Option<String>,
    /// The JavaScript of each island's bundle (`pkg/<bundle>.<hash>.js`), by the island's
    /// function name, for the page's `modulepreload`.
    pub islands: BTreeMap<String, String>,
}

pub struct Document<'a> {
    pub shell: &'a Shell,
    pub origin: &'a str,
    pub assets: &'a AssetNames,
    /// The app's markup around a pre-rendered page body, once per kind of route (see
    /// [`Document::body`]).
    chrome: Mutex<BTreeMap<String, Arc<(String, String)>>>,
}

/// Stands for a pre-rendered body while the app around it is rendered once.
const BODY_MARK: &str = "\u{1}kn-body\u{1}";

/// Stands for a route's parameter while the app around a page with versions is rendered once
/// for its kind: no id, slug or area code has an underscore, and no text of the chrome has it.
const PARAM: &str = "_kn-param_";

impl<'a> Document<'a> {
    pub fn new(shell: &'a Shell, origin: &'a str, assets: &'a AssetNames) -> Self {
        Document { shell, origin, assets, chrome: Mutex::new(BTreeMap::new()) }
    }

    /// The `<body>` of `path`. A page pre-rendered at build time ([`PageData::Static`]:
    /// facilities, areas, guides — nearly every page at national scale) sits in the same app
    /// markup as every other page of its kind, which is rendered once per kind with a mark
    /// for the body and reused: running the app for each of 50,000 pages took most of the
    /// render time (issue #7). The result is the same bytes (`tests` below).
    pub fn body(&self, path: &str, data: PageData) -> String {
        let PageData::Static(page) = &data else { return render_app(self.shell, path, data) };
        // Routes of one kind differ only in their parameter: `/facilities/:id/`. Pages with
        // versions in other readings have a reading switch that links to their own versions:
        // theirs is shared by the pages of their kind with versions in the same readings,
        // rendered once with a stand-in for the parameter (every facility and area has its
        // versions, 33,693 pages, issue #22). A page of its own (`/emergency/`) renders its own.
        let (_, unprefixed) = Lang::of_path(path);
        let m = &self.shell.messages;
        let segments: Vec<&str> = unprefixed.trim_matches('/').split('/').collect();
        let (kind, param) = match segments.as_slice() {
            [noun, param] if m.has_versions(unprefixed) => {
                let readings: Vec<&str> =
                    Lang::ALL.into_iter().filter(|l| m.has_page_in(*l, unprefixed)).map(|l| l.id()).collect();
                (format!("/{noun}/ {}", readings.join(",")), Some(*param))
            }
            _ if m.has_versions(unprefixed) => (path.to_string(), None),
            _ => (path.trim_matches('/').split('/').next().unwrap_or_default().to_string(), None),
        };
        let known = self.chrome.lock().unwrap_or_else(|e| e.into_inner()).get(&kind).cloned();
        let chrome = match known {
            Some(chrome) => chrome,
            None => {
                let marked = PageData::Static(crate::data::StaticPage { html: BODY_MARK.into(), ..page.clone() });
                let rendered = match param {
                    Some(p) => {
                        let stand_in = format!("{}{PARAM}/", &path[..path.len() - p.len() - 1]);
                        render_app(&self.with_stand_in(unprefixed, p), &stand_in, marked)
                    }
                    None => render_app(self.shell, path, marked),
                };
                let Some((before, after)) = rendered.split_once(BODY_MARK).map(|(b, a)| (b.to_string(), a.to_string()))
                else {
                    return render_app(self.shell, path, data);
                };
                let chrome = Arc::new((before, after));
                self.chrome.lock().unwrap_or_else(|e| e.into_inner()).insert(kind, chrome.clone());
                chrome
            }
        };
        match param {
            Some(p) => {
                let p = esc(p);
                [chrome.0.replace(PARAM, &p).as_str(), &page.html, &chrome.1.replace(PARAM, &p)].concat()
            }
            None => [chrome.0.as_str(), &page.html, chrome.1.as_str()].concat(),
        }
    }

    /// The shell with the stand-in page (`/facilities/_kn-param_/`) in every reading that has
    /// `path` (`/facilities/x/`, whose parameter is `param`).
    fn with_stand_in(&self, path: &str, param: &str) -> Shell {
        let m = &self.shell.messages;
        let stand_in = format!("{}{PARAM}/", &path[..path.len() - param.len() - 1]);
        let mut pages = (*m.pages).clone();
        for (lang, paths) in pages.iter_mut() {
            if m.has_page_in(*lang, path) {
                paths.insert(stand_in.clone());
            }
        }
        Shell { messages: m.with_pages(Arc::new(pages)), ..self.shell.clone() }
    }

    /// The full HTML document for `path` (e.g. `/guides/faq/`).
    pub fn render(&self, path: &str, data: PageData) -> String {
        let m = &self.shell.messages;
        let (title, description) = match data {
            PageData::NotFound => (m.plain("not_found.title"), m.plain("not_found.text")),
            _ => (data.title(), data.description()),
        };
        let title = if data.is_home() { title } else { format!("{title}｜{}", self.shell.name) };
        // A second reading in the same language names itself, so the two are told apart in
        // tabs, bookmarks and search results.
        let lang = self.shell.messages.lang;
        let title = if lang != Lang::Ja && lang.html_lang() == Lang::Ja.html_lang() {
            format!("{title}（{}）", lang.autonym())
        } else {
            title
        };
        let url = format!("{}{}", self.origin, join_base(&self.shell.base, path));
        // The browser needs only the shell (base path, build): islands carry their own props.
        let embedded = serde_json::json!({ "shell": self.shell });
        let json = serde_json::to_string(&embedded).unwrap_or_default().replace('<', "\\u003c");
        let not_found_page = matches!(data, PageData::NotFound);
        let widget = data.is_widget();
        let body = strip_markers(&self.body(path, data));
        let base = &self.shell.base;
        let a = |p: &str| esc(&join_base(base, p));
        let mut head = String::new();
        head.push_str(
            "<meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
        );
        head.push_str(&format!("<title>{}</title>", esc(&title)));
        head.push_str(&format!("<meta name=\"description\" content=\"{}\">", esc(&description)));
        if widget {
            head.push_str("<meta name=\"robots\" content=\"noindex\">");
        }
        // The 404 page is served at any unknown address: it has no canonical URL of its own.
        if !not_found_page {
            head.push_str(&format!("<link rel=\"canonical\" href=\"{}\">", esc(&url)));
        }
        head.push_str(&format!(
            "<meta property=\"og:type\" content=\"website\"><meta property=\"og:site_name\" content=\"{}\"><meta property=\"og:locale\" content=\"{}\"><meta property=\"og:title\" content=\"{}\"><meta property=\"og:description\" content=\"{}\">",
            esc(&self.shell.name), lang.locale(), esc(&title), esc(&description)
        ));
        if !not_found_page {
            head.push_str(&format!("<meta property=\"og:url\" content=\"{}\">", esc(&url)));
        }
        head.push_str(&self.alternates(path));
        head.push_str(&format!("<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">"));
        head.push_str("<meta name=\"theme-color\" content=\"#1d4f91\">");
        head.push_str(&format!("<link rel=\"stylesheet\" href=\"{}\">", a(&self.assets.css)));
        head.push_str(&format!("<link rel=\"manifest\" href=\"{}\">", a("manifest.webmanifest")));
        head.push_str(&format!("<link rel=\"icon\" href=\"{}\" type=\"image/svg+xml\">", a("icon.svg")));
        head.push_str(&format!("<link rel=\"apple-touch-icon\" href=\"{}\">", a("apple-touch-icon.png")));
        if let Some(boot) = &self.assets.boot {
            // The wasm is fetched only by pages with an island, and only its islands' bundle;
            // every page has the boot script (it also registers the service worker).
            if let Some(js) = first_island(&body).and_then(|name| self.assets.islands.get(name)) {
                head.push_str(&format!("<link rel=\"modulepreload\" href=\"{}\">", a(js)));
            }
            head.push_str(&format!("<script type=\"module\" src=\"{}\"></script>", a(boot)));
        }
        head.push_str(&format!("<script type=\"application/json\" id=\"kn-page\">{json}</script>"));
        // やさしい日本語 is written with spaces between words; its lines break only there (base.css).
        let body_class = if lang == Lang::Easy { " class=\"kn-easy\"" } else { "" };
        format!(
            "<!DOCTYPE html><html lang=\"{}\"><head>{head}</head><body{body_class}>{body}</body></html>",
            lang.html_lang()
        )
    }

    /// `<link rel="alternate" hreflang>` to each reading of a page that has versions, the
    /// standard one as `x-default` too; nothing for a page in one reading only.
    fn alternates(&self, path: &str) -> String {
        let m = &self.shell.messages;
        let (_, page) = Lang::of_path(path);
        if !m.has_versions(page) {
            return String::new();
        }
        let url = |lang: Lang| {
            let path = format!("/{}{}", lang.prefix(), page.trim_start_matches('/'));
            esc(&format!("{}{}", self.origin, join_base(&self.shell.base, &path)))
        };
        let mut links = String::new();
        for lang in Lang::ALL.into_iter().filter(|l| m.has_page_in(*l, page)) {
            links.push_str(&format!(
                "<link rel=\"alternate\" hreflang=\"{}\" href=\"{}\">",
                lang.hreflang(),
                url(lang)
            ));
        }
        links.push_str(&format!("<link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\">", url(Lang::Ja)));
        links
    }
}

/// No inline script, no third-party origin; `wasm-unsafe-eval` lets the browser compile
/// the site's own wasm. The one exception is `img-src https://cyberjapandata.gsi.go.jp`:
/// the finder map's optional GSI 淡色地図 background (issue #4). Tile requests tell GSI
/// which area is on screen, so they happen only after the person switches the background
/// on (off by default, never cached by the site); images only, no script or connection.
/// `worker-src 'self'` names the offline service worker (`public/sw.js`, issue #10).
/// `frame-ancestors` cannot be set from a meta tag: the host headers add it
/// (`public/_headers`, `deploy/nginx.conf`).
/// `html` without the `<!>` markers Leptos writes for hydration outside `<leptos-island>`
/// elements: only islands are hydrated (`hydrate.rs`), so they serve nothing there. Inside an
/// island a marker becomes `<!---->`: the same empty comment node in the DOM hydration walks,
/// written validly (`<!>` is a parse error: the Nu HTML checker reported 10,344 errors on 315
/// of 317 pages, issue #20). One pass over the `<`s.
pub fn strip_markers(html: &str) -> String {
    const MARK: &str = "<!>";
    const OPEN: &str = "<leptos-island";
    const CLOSE: &str = "</leptos-island>";
    let mut out = String::with_capacity(html.len());
    let (mut depth, mut copied) = (0usize, 0);
    for (i, _) in html.match_indices('<') {
        let rest = &html[i..];
        if rest.starts_with(MARK) {
            out.push_str(&html[copied..i]);
            copied = i + MARK.len();
            if depth > 0 {
                out.push_str("<!---->");
            }
        } else if rest.starts_with(OPEN) {
            depth += 1;
        } else if rest.starts_with(CLOSE) {
            depth = depth.saturating_sub(1);
        }
    }
    out.push_str(&html[copied..]);
    out
}

/// The function name of the page's first island: `data-component="FinderIsland_1555…"`
/// (Leptos adds a hash of its own) is `FinderIsland`.
pub fn first_island(body: &str) -> Option<&str> {
    let at = body.find("<leptos-island")?;
    let rest = &body[at..];
    let start = rest.find("data-component=\"")? + "data-component=\"".len();
    let name = &rest[start..start + rest[start..].find('"')?];
    Some(name.rsplit_once('_').map_or(name, |(fn_name, _)| fn_name))
}

pub const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: https://cyberjapandata.gsi.go.jp; connect-src 'self'; worker-src 'self'; base-uri 'self'; form-action 'self'; object-src 'none'";

/// Render `App` for `path` with `data` as the current page's data.
pub fn render_app(shell: &Shell, path: &str, data: PageData) -> String {
    let owner = Owner::new();
    owner.with(|| {
        provide_context(RequestUrl::new(&join_base(&shell.base, path)));
        provide_context(shell.clone());
        provide_context(shell.messages.clone());
        let store = BTreeMap::from([(route_key(Lang::of_path(path).1), Arc::new(data))]);
        provide_context(PageStore(RwSignal::new(store)));
        view! { <App/> }.to_html()
    })
}

/// Render a page body to HTML for a [`crate::data::StaticPage`]. Links get the base path
/// from the shell in context.
pub fn render_fragment<V: IntoView + 'static>(shell: &Shell, view: impl FnOnce() -> V) -> String {
    Owner::new().with(|| {
        provide_context(shell.clone());
        provide_context(shell.messages.clone());
        view().to_html()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::StaticPage;

    #[test]
    fn pre_rendered_bodies_get_the_same_app_markup_as_a_full_render() {
        let shell =
            Shell { base: "/sub/".into(), build: "abc".into(), name: "拠点ナビ".into(), ..Default::default() };
        let assets = AssetNames::default();
        let doc = Document::new(&shell, "https://example.jp", &assets);
        let page =
            |html: &str| PageData::Static(StaticPage { title: "t".into(), description: "d".into(), html: html.into() });
        // Twice per kind: the first renders the app around a mark, the second reuses it.
        for (path, html) in [
            ("/facilities/a/", "<h1>あ</h1><p>1 &amp; 2</p>"),
            ("/facilities/b/", "<h1>い</h1>"),
            ("/areas/132144/", "<h1>国分寺市</h1>"),
            ("/areas/121002/", ""),
            ("/", "<p>home</p>"),
            ("/guides/faq/", "<p>faq</p>"),
        ] {
            let full = render_app(&shell, path, page(html));
            assert!(full.contains(html) && full.contains("kn-site-header"), "{path}: {full}");
            assert_eq!(doc.body(path, page(html)), full, "{path}");
        }
        assert_eq!(doc.chrome.lock().expect("lock").len(), 4, "one app render per kind of route");
    }

    /// Pages with versions in other readings (issue #22) share their chrome by kind and
    /// readings too, with their own reading switch: the same bytes as a full render.
    #[test]
    fn pages_with_versions_get_their_own_switch_from_a_shared_render() {
        let versions: std::collections::BTreeSet<String> =
            ["/facilities/a/", "/facilities/b/", "/areas/132144/", "/guides/faq/"].map(String::from).into();
        let pages = Arc::new(BTreeMap::from([(Lang::En, versions.clone()), (Lang::Easy, versions)]));
        let page =
            |html: &str| PageData::Static(StaticPage { title: "t".into(), description: "d".into(), html: html.into() });
        for lang in Lang::ALL {
            let messages = crate::i18n::catalogue(lang).with_pages(pages.clone());
            let shell = Shell { base: "/sub/".into(), build: "abc".into(), name: "拠点ナビ".into(), messages };
            let assets = AssetNames::default();
            let doc = Document::new(&shell, "https://example.jp", &assets);
            let prefix = lang.prefix();
            for (path, html) in [
                ("/facilities/a/", "<h1>あ</h1>"),
                ("/facilities/b/", "<h1>い</h1>"),
                ("/facilities/c/", "<h1>う</h1>"),
                ("/areas/132144/", "<h1>国分寺市</h1>"),
                ("/guides/faq/", "<p>faq</p>"),
                ("/guides/other/", "<p>other</p>"),
            ] {
                // A reading has only the pages with a version in it.
                if lang != Lang::Ja && !shell.messages.has_page(path) {
                    continue;
                }
                let path = format!("/{prefix}{}", path.trim_start_matches('/'));
                let full = render_app(&shell, &path, page(html));
                assert_eq!(doc.body(&path, page(html)), full, "{path}");
                if path.ends_with("/facilities/b/") && lang != Lang::En {
                    assert!(full.contains("href=\"/sub/en/facilities/b/\""), "{full}");
                }
            }
            if lang == Lang::Ja {
                // a and b share one render; c, the area, and each guide have their own kinds.
                assert_eq!(doc.chrome.lock().expect("lock").len(), 5);
            }
        }
    }

    #[test]
    fn hydration_markers_stay_only_inside_islands() {
        for (html, want) in [
            ("<main><!><p>a</p><!></main>", "<main><p>a</p></main>"),
            (
                "<!><leptos-island data-component=\"X\"><!><p>b</p><leptos-island><!></leptos-island><!></leptos-island><!>",
                "<leptos-island data-component=\"X\"><!----><p>b</p><leptos-island><!----></leptos-island><!----></leptos-island>",
            ),
            ("<p>1 &lt;!&gt; <!-- c --></p>", "<p>1 &lt;!&gt; <!-- c --></p>"),
            ("", ""),
        ] {
            assert_eq!(strip_markers(html), want, "{html}");
        }
    }

    #[test]
    fn the_first_island_is_named_without_the_hash_leptos_adds() {
        let body = r#"<main><leptos-island data-component="FinderIsland_15550451167705457844" data-props="{}"><form></form></leptos-island></main>"#;
        assert_eq!(first_island(body), Some("FinderIsland"));
        assert_eq!(first_island(r#"<leptos-island data-component="Plain">"#), Some("Plain"));
        assert_eq!(first_island("<main><p>no island</p></main>"), None);
    }
}
