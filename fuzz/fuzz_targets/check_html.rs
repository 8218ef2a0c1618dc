//! Reads HTML as a browser would (html5ever, through scraper) and says whether anything in
//! it could run: script, frames, plug-ins, event handler attributes, `javascript:` and
//! other non-web URL schemes, inline styles in content.

use scraper::{Html, Node};

#[derive(Clone, Copy, PartialEq)]
pub enum Allow {
    /// Markdown bodies after ammonia: ordinary document markup only.
    Body,
    /// A whole page fragment from the Leptos views: also JSON-LD and inline styles the
    /// views set themselves.
    Page,
}

const NEVER: &[&str] = &["script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "meta", "link", "style", "template", "portal"];
const URL_ATTRS: &[&str] = &["href", "src", "action", "formaction", "xlink:href", "poster", "data", "cite", "background", "ping"];
const SCHEMES: &[&str] = &["http", "https", "mailto", "tel"];

pub fn check(html: &str, allow: Allow) -> Result<(), String> {
    let doc = Html::parse_fragment(html);
    for node in doc.tree.nodes() {
        let Node::Element(el) = node.value() else { continue };
        let name = el.name();
        if name == "script" && allow == Allow::Page && el.attr("type") == Some("application/ld+json") {
            let text: String = node.children().filter_map(|c| c.value().as_text().map(|t| t.to_string())).collect();
            serde_json::from_str::<serde_json::Value>(&text).map_err(|e| format!("JSON-LD that is not JSON ({e})"))?;
            continue;
        }
        if NEVER.contains(&name) || (allow == Allow::Body && matches!(name, "form" | "input" | "button" | "select" | "textarea" | "svg" | "math")) {
            return Err(format!("<{name}>"));
        }
        for (attr, value) in el.attrs() {
            let attr = attr.to_ascii_lowercase();
            if attr.starts_with("on") || attr == "srcdoc" || (allow == Allow::Body && attr == "style") {
                return Err(format!("<{name} {attr}>"));
            }
            if URL_ATTRS.contains(&attr.as_str()) {
                let cleaned: String = value.chars().filter(|c| !c.is_ascii_whitespace() && !c.is_control()).collect::<String>().to_ascii_lowercase();
                if let Some((scheme, _)) = cleaned.split_once(':') {
                    let is_scheme = scheme.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
                        && scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
                    if is_scheme && !SCHEMES.contains(&scheme) {
                        return Err(format!("<{name} {attr}=\"{value}\">"));
                    }
                }
            }
        }
    }
    Ok(())
}
