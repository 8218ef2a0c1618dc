//! The page's address for the interactive islands. No router runs in the browser (pages
//! are plain HTML; only islands hydrate), so the finder, the catalogue and the widgets keep
//! their state in the query through this module: the query as a signal shared by every
//! island on the page, and a way to change it with the History API (Back restores it).
//!
//! While the builder pre-renders, the query is empty: a static page has none.
//!
//! Also the pure helpers that write a query, for pages and islands alike:
//! [`encode_component`] and [`carried_query`] (the widget options a rewritten address keeps).

use leptos::prelude::*;
use leptos_router::params::ParamsMap;

/// Options that belong to an embedded widget rather than to what it shows; the finder carries
/// them along when it rewrites its query.
pub const CARRIED: [&str; 3] = ["kn_id", "accent", "compact"];

/// Percent-encode a query value (UTF-8), keeping unreserved characters.
pub fn encode_component(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The query carrying a widget's options ([`CARRIED`]) over to a rewritten address, e.g.
/// `kn_id=x&compact=1`.
pub fn carried_query<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    pairs
        .into_iter()
        .filter(|(k, _)| CARRIED.contains(k))
        .map(|(k, v)| format!("{k}={}", encode_component(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// How [`use_navigate`]'s function changes the address.
#[derive(Clone, Copy, Debug, Default)]
pub struct NavigateOptions {
    /// Replace the current history entry instead of adding one.
    pub replace: bool,
    /// Scroll to the top afterwards.
    pub scroll: bool,
}

/// The query of the page's address, following `history` changes made here and the Back
/// and Forward buttons.
pub fn use_query_map() -> Memo<ParamsMap> {
    let query = address().query;
    Memo::new(move |_| query.get())
}

/// The page's path (with the base path), e.g. `/search/` or `/kyoten/navi/embed/finder/`.
pub fn current_path() -> String {
    address().path.get_untracked()
}

/// A function that sets the address to `url` (a path with an optional `?query`).
pub fn use_navigate() -> impl Fn(&str, NavigateOptions) + Clone + 'static {
    navigate
}

fn navigate(url: &str, options: NavigateOptions) {
    browser::push(url, options);
    let a = address();
    let (path, query) = url.split_once('?').unwrap_or((url, ""));
    a.path.set(path.to_string());
    a.query.set(browser::parse(query));
}

#[derive(Clone, Copy)]
struct Address {
    path: RwSignal<String>,
    query: RwSignal<ParamsMap>,
}

thread_local! {
    static ADDRESS: std::cell::OnceCell<Address> = const { std::cell::OnceCell::new() };
}

/// The one address of this page, made on first use under a root of its own (so that no
/// island's cleanup disposes of it) and kept up to date by `popstate`.
fn address() -> Address {
    ADDRESS.with(|cell| {
        *cell.get_or_init(|| {
            // `new_root` makes itself the current owner: put the caller's back afterwards.
            let caller = Owner::current();
            let owner = Owner::new_root(None);
            let (path, query) = browser::current();
            let a = Address { path: RwSignal::new(path), query: RwSignal::new(browser::parse(&query)) };
            std::mem::forget(owner);
            if let Some(caller) = caller {
                caller.set();
            }
            browser::on_popstate(move || {
                let (path, query) = browser::current();
                a.path.set(path);
                a.query.set(browser::parse(&query));
            });
            a
        })
    })
}

#[cfg(feature = "hydrate")]
mod browser {
    use leptos_router::params::ParamsMap;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    use super::NavigateOptions;

    pub fn current() -> (String, String) {
        let location = web_sys::window().map(|w| w.location());
        let path = location.as_ref().and_then(|l| l.pathname().ok()).unwrap_or_default();
        let search = location.as_ref().and_then(|l| l.search().ok()).unwrap_or_default();
        (path, search.trim_start_matches('?').to_string())
    }

    /// Decode `a=1&b=%E3%81%82` the way the browser does (`+` is a space).
    pub fn parse(query: &str) -> ParamsMap {
        let Ok(params) = web_sys::UrlSearchParams::new_with_str(query) else { return ParamsMap::new() };
        let Ok(Some(entries)) = js_sys::try_iter(&params) else { return ParamsMap::new() };
        entries
            .flatten()
            .filter_map(|pair| {
                let pair: js_sys::Array = pair.dyn_into().ok()?;
                Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
            })
            .collect()
    }

    pub fn push(url: &str, options: NavigateOptions) {
        let Some(window) = web_sys::window() else { return };
        let Ok(history) = window.history() else { return };
        let _ = if options.replace {
            history.replace_state_with_url(&JsValue::NULL, "", Some(url))
        } else {
            history.push_state_with_url(&JsValue::NULL, "", Some(url))
        };
        if options.scroll {
            window.scroll_to_with_x_and_y(0.0, 0.0);
        }
    }

    pub fn on_popstate(f: impl Fn() + 'static) {
        let Some(window) = web_sys::window() else { return };
        let listener = Closure::<dyn Fn()>::new(f);
        let _ = window.add_event_listener_with_callback("popstate", listener.as_ref().unchecked_ref());
        listener.forget();
    }
}

#[cfg(not(feature = "hydrate"))]
mod browser {
    use leptos_router::params::ParamsMap;

    use super::NavigateOptions;

    pub fn current() -> (String, String) {
        (String::new(), String::new())
    }

    /// The builder renders pages without a query and never navigates.
    pub fn parse(_query: &str) -> ParamsMap {
        ParamsMap::new()
    }

    pub fn push(_url: &str, _options: NavigateOptions) {}

    pub fn on_popstate(_f: impl Fn() + 'static) {}
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn carries_the_widget_options_only() {
        assert_eq!(
            carried_query([
                ("area", "132144"),
                ("kn_id", "k1"),
                ("accent", "#1d4f91"),
                ("fn", "emergency"),
                ("compact", "1")
            ]),
            "kn_id=k1&accent=%231d4f91&compact=1"
        );
    }
}
