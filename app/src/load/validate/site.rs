//! `content/site.toml` and `content/sources.toml`: the settings and sources every page
//! shows, so their addresses must be plain and safe.

use crate::load::diagnostic::{Diagnostic, FileReport};
use crate::load::fields::{plain_email, web_url};
use crate::model::source::Source;
use crate::model::Site;

/// `content/site.toml`: the correction address and the edit link are plain, safe values
/// (they reach every facility page and the open data).
pub fn validate_site(site: &Site, r: &mut FileReport) {
    if let Some(e) = &site.corrections_email {
        if let Err(m) = plain_email(e) {
            r.error("corrections_email", m);
        }
    }
    if let Some(u) = &site.edit_url {
        if let Err(m) = web_url(&u.replace("{path}", "content/x.md"), true) {
            r.error("edit_url", m);
        }
    }
    if let Err(m) = web_url(&site.origin, false) {
        r.error("origin", m);
    }
}

/// `content/sources.toml` (`text`, shown as `path`): every `url` is a web address, reported
/// at its own line (issue #20: a `javascript:` or header-injecting `url` reached the pages'
/// source lines and the open data).
pub fn validate_sources(sources: &[Source], text: &str, path: &str, out: &mut Vec<Diagnostic>) {
    let r = FileReport::new(path, text, 1, out);
    for (n, source) in sources.iter().enumerate() {
        let Some(url) = &source.url else { continue };
        if let Err(m) = web_url(url, false) {
            // Named `url`, as the editor sees it under its `[[source]]`.
            let line = r.line_of(&format!("source[{n}].url"));
            r.out.push(Diagnostic::new(path, line, "url", format!("source \"{}\": {m}", source.id)));
        }
    }
}
