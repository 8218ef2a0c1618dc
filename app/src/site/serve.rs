//! `serve`: a small static file server for `dist/` on 127.0.0.1, behaving like a plain
//! static host (directory → index.html, unknown path → 404.html with status 404).

use std::fs;
use std::path::{Path, PathBuf};

pub fn serve(dist: &Path, base: &str, port: u16) -> Result<(), String> {
    let server =
        tiny_http::Server::http(("127.0.0.1", port)).map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e}"))?;
    println!("serving {} at http://127.0.0.1:{port}{base}  (Ctrl-C to stop)", dist.display());
    for request in server.incoming_requests() {
        let url = request.url().split(['?', '#']).next().unwrap_or("/").to_string();
        let (status, path) = resolve(dist, base, &url);
        let response = match path.and_then(|p| fs::read(&p).ok().map(|b| (p, b))) {
            Some((p, bytes)) => tiny_http::Response::from_data(bytes)
                .with_status_code(status)
                .with_header(header("Content-Type", content_type(&p))),
            None => tiny_http::Response::from_data(b"not found".to_vec()).with_status_code(404),
        };
        let _ = request.respond(response);
    }
    Ok(())
}

/// Map a URL path to a file in `dist`, as a static host would.
pub fn resolve(dist: &Path, base: &str, url: &str) -> (u16, Option<PathBuf>) {
    let decoded = percent_decode(url);
    let base_trimmed = base.trim_end_matches('/');
    let not_found = (404, Some(dist.join("404.html")));
    let Some(rel) = decoded.strip_prefix(base_trimmed) else { return not_found };
    // The nearest 404 page up the tree, as Cloudflare Pages serves it: a reading's own.
    let not_found = Path::new(rel.trim_start_matches('/'))
        .ancestors()
        .map(|dir| dist.join(dir).join("404.html"))
        .find(|p| p.is_file() && !rel.split('/').any(|seg| seg == ".."))
        .map_or(not_found, |p| (404, Some(p)));
    if rel.split('/').any(|seg| seg == "..") {
        return not_found;
    }
    let mut p = dist.join(rel.trim_start_matches('/'));
    if p.is_dir() {
        if !rel.ends_with('/') && !rel.is_empty() {
            return not_found;
        }
        p = p.join("index.html");
    }
    if p.is_file() {
        (200, Some(p))
    } else {
        not_found
    }
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            // Bytes, not `&s[..]`: a multi-byte character after '%' is no char boundary.
            if let Some(b) = std::str::from_utf8(&bytes[i + 1..i + 3]).ok().and_then(|h| u8::from_str_radix(h, 16).ok())
            {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn header(k: &str, v: &str) -> tiny_http::Header {
    tiny_http::Header::from_bytes(k.as_bytes(), v.as_bytes())
        .unwrap_or_else(|_| tiny_http::Header::from_bytes(&b"X-Kn"[..], &b"1"[..]).expect("static header"))
}

pub fn content_type(p: &Path) -> &'static str {
    match p.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("json") => "application/json",
        Some("wasm") => "application/wasm",
        Some("svg") => "image/svg+xml",
        Some("xml") => "application/xml",
        Some("webmanifest") => "application/manifest+json",
        Some("txt") => "text/plain; charset=utf-8",
        Some("csv") => "text/csv; charset=utf-8",
        Some("geojson") => "application/geo+json",
        Some("png") => "image/png",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::{percent_decode, resolve};

    #[test]
    fn decodes_escapes_and_keeps_everything_else() {
        assert_eq!(percent_decode("/search/%E5%9B%BD"), "/search/国");
        assert_eq!(percent_decode("100%"), "100%", "a '%' at the end");
        assert_eq!(percent_decode("%zz"), "%zz", "not hex");
        assert_eq!(percent_decode("%国"), "%国", "a multi-byte character after '%' does not panic");
    }

    #[test]
    fn a_missing_page_gets_the_nearest_404_page() {
        let dist = std::env::temp_dir().join(format!("kn-serve-{}", std::process::id()));
        std::fs::create_dir_all(dist.join("en/guides")).expect("dirs");
        std::fs::write(dist.join("404.html"), "ja").expect("404");
        std::fs::write(dist.join("en/404.html"), "en").expect("en 404");
        std::fs::write(dist.join("en/guides/index.html"), "guides").expect("page");
        assert_eq!(resolve(&dist, "/", "/en/guides/"), (200, Some(dist.join("en/guides/index.html"))));
        assert_eq!(resolve(&dist, "/", "/en/guides/nothing/"), (404, Some(dist.join("en/404.html"))));
        assert_eq!(resolve(&dist, "/", "/en/no"), (404, Some(dist.join("en/404.html"))));
        assert_eq!(resolve(&dist, "/", "/easy/no"), (404, Some(dist.join("404.html"))));
        assert_eq!(resolve(&dist, "/", "/en/../secret"), (404, Some(dist.join("404.html"))));
        let _ = std::fs::remove_dir_all(&dist);
    }
}
