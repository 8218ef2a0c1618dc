//! Markdown to safe HTML: every pulldown-cmark option in one place, internal links made
//! relative to the site's base path, and the result sanitised with ammonia so that no
//! script, event handler or `javascript:` URL from content ever reaches a page.

use pulldown_cmark::{html, CowStr, Event, Options, Parser, Tag};

use crate::load::diagnostic::Diagnostic;

pub mod ruby;

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH
}

/// The largest body (or import cell) accepted, in bytes. The longest real page is about
/// 20 KB; this leaves room for ten times that while no body keeps a command busy.
pub const MAX_BODY_BYTES: usize = 256 * 1024;

/// The deepest nesting of Markdown elements accepted (a quote in a list in a quote … counts
/// each level). Real pages nest three or four levels; the HTML parser under the sanitiser
/// takes time that grows with the square of the depth (32,000 levels of `- ` took a minute).
pub const MAX_DEPTH: usize = 32;

/// Whether `body` is within [`MAX_BODY_BYTES`] and [`MAX_DEPTH`]: on failure, the byte
/// offset of the problem and what to do. Checked before anything is sanitised, by the loader
/// and by the importer for a cell that becomes a body.
pub fn check_limits(body: &str) -> Result<(), (usize, String)> {
    if body.len() > MAX_BODY_BYTES {
        return Err((
            0,
            format!(
                "the text is {} KB; at most {} KB is accepted: split it into several pages",
                body.len() / 1024,
                MAX_BODY_BYTES / 1024
            ),
        ));
    }
    let mut depth = 0usize;
    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        match event {
            Event::Start(_) => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err((
                        range.start,
                        format!("Markdown nested more than {MAX_DEPTH} levels deep (quotes `>` or lists `- ` inside each other); flatten it"),
                    ));
                }
            }
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

/// Render `body` (which starts at file line `first_line` of `path`). Raw HTML in content is
/// reported as a mistake — content is Markdown — and removed from the output in any case.
/// A body over the limits ([`check_limits`]) is a mistake at its line and renders as nothing.
pub fn render_markdown(
    path: &str,
    body: &str,
    first_line: usize,
    base_path: &str,
    out: &mut Vec<Diagnostic>,
) -> String {
    let line_of = |offset: usize| first_line + body[..offset.min(body.len())].matches('\n').count();
    if let Err((offset, message)) = check_limits(body) {
        out.push(Diagnostic::new(path, line_of(offset), "", message));
        return String::new();
    }
    let mut events = Vec::new();
    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        match event {
            Event::Html(raw) | Event::InlineHtml(raw) => {
                let shown: String = raw.trim().chars().take(40).collect();
                out.push(Diagnostic::new(
                    path,
                    line_of(range.start),
                    "",
                    format!("raw HTML {shown:?} is not allowed in content; write Markdown instead"),
                ));
            }
            Event::Start(Tag::Link { ref dest_url, .. } | Tag::Image { ref dest_url, .. })
                if unsafe_scheme(dest_url).is_some() =>
            {
                let scheme = unsafe_scheme(dest_url).unwrap_or_default();
                out.push(Diagnostic::new(
                    path,
                    line_of(range.start),
                    "",
                    format!("a link to \"{scheme}:\" is removed from the page; link only to https:, http:, mailto: or tel: addresses"),
                ));
                events.push(event);
            }
            Event::Text(text) if ruby::has_ruby(&text) => match ruby::parse_ruby(&text) {
                Ok(segments) => events.push(Event::InlineHtml(ruby::ruby_html(&segments).into())),
                Err(errors) => {
                    for e in errors {
                        let at = (range.start + e.offset).min(range.end);
                        out.push(Diagnostic::new(path, line_of(at), "", format!("ふりがな: {}", e.message)));
                    }
                    events.push(Event::Text(text));
                }
            },
            Event::Start(Tag::Link { link_type, dest_url, title, id }) => {
                let dest_url = rebase(dest_url, base_path);
                events.push(Event::Start(Tag::Link { link_type, dest_url, title, id }));
            }
            other => events.push(other),
        }
    }
    let mut unsafe_html = String::new();
    html::push_html(&mut unsafe_html, events.into_iter());
    if unsafe_html.is_empty() {
        return unsafe_html; // no body: nothing to clean (most facility files, issue #7)
    }
    sanitise(&unsafe_html)
}

/// The scheme of a link the sanitiser would drop (`javascript:`, `data:`, `vbscript:` …),
/// lower-cased, as a browser reads it (spaces and control characters ignored); `None` for
/// the kept schemes and for relative links.
fn unsafe_scheme(dest: &str) -> Option<String> {
    let cleaned: String = dest.chars().filter(|c| !c.is_whitespace() && !c.is_control()).collect();
    let (scheme, _) = cleaned.split_once(':')?;
    let is_scheme = scheme.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    let scheme = scheme.to_ascii_lowercase();
    (is_scheme && !["https", "http", "mailto", "tel"].contains(&scheme.as_str())).then_some(scheme)
}

/// A site-internal link `/guides/x/` becomes `{base_path}guides/x/`.
fn rebase<'a>(dest: CowStr<'a>, base_path: &str) -> CowStr<'a> {
    match dest.strip_prefix('/') {
        Some(rest) if !rest.starts_with('/') => CowStr::from(format!("{base_path}{rest}")),
        _ => dest,
    }
}

/// Keep ordinary document markup; drop everything executable.
pub fn sanitise(html: &str) -> String {
    ammonia::Builder::default()
        .url_schemes(["https", "http", "mailto", "tel"].into_iter().collect())
        .link_rel(Some("noopener noreferrer"))
        .clean(html)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(body: &str) -> (String, Vec<Diagnostic>) {
        let mut out = Vec::new();
        let html = render_markdown("c.md", body, 5, "/sub/", &mut out);
        (html, out)
    }

    #[test]
    fn furigana_notation_becomes_ruby_and_mistakes_name_their_line() {
        let (html, out) = render("## ｜拠点《きょてん》とは\n\n[｜相談《そうだん》する](/search/)と`｜x《y》`\n");
        assert!(out.is_empty(), "{out:?}");
        assert!(html.contains("<h2><ruby>拠点<rp>（</rp><rt>きょてん</rt><rp>）</rp></ruby>とは</h2>"), "{html}");
        assert!(html.contains("<a href=\"/sub/search/\" rel=\"noopener noreferrer\"><ruby>相談"), "{html}");
        assert!(html.contains("<code>｜x《y》</code>"), "code spans keep the notation as written: {html}");
        let (_, out) = render("一行目\n\n二行目の｜地域《チイキ》\n");
        assert_eq!(out.len(), 1, "{out:?}");
        assert_eq!(
            out[0].to_string(),
            "c.md:7: ふりがな: the reading \"チイキ\" contains 'チ': write readings in hiragana only"
        );
    }

    #[test]
    fn renders_tables_and_rebases_internal_links() {
        let (html, out) = render("| a | b |\n|---|---|\n| 1 | 2 |\n\n[機能](/guides/functions/)\n");
        assert!(out.is_empty());
        assert!(html.contains("<table>") && html.contains("<td>1</td>"), "{html}");
        assert!(html.contains("href=\"/sub/guides/functions/\""), "{html}");
    }

    #[test]
    fn script_vectors_never_survive() {
        let corpus = [
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "[x](javascript:alert(1))",
            "[x](JaVaScRiPt:alert(1))",
            "<a href=\"javascript&colon;alert(1)\">x</a>",
            "<svg onload=alert(1)>",
            "<iframe src=\"https://evil.example\"></iframe>",
            "<div style=\"background:url(javascript:alert(1))\">x</div>",
            "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
            "text <b onclick=\"alert(1)\">bold</b>",
            "<object data=\"x.swf\"></object>",
            "<form action=\"javascript:alert(1)\"><button>x</button></form>",
            "![x](javascript:alert(1))",
            "<math><mtext><script>alert(1)</script></mtext></math>",
        ];
        for input in corpus {
            let (html, _) = render(input);
            let lower = html.to_lowercase();
            for bad in [
                "<script",
                "javascript:",
                "onerror",
                "onload",
                "onclick",
                "<iframe",
                "<object",
                "data:text",
                "style=",
                "<form",
            ] {
                assert!(!lower.contains(bad), "{input:?} gave {html:?}");
            }
        }
    }

    #[test]
    fn nesting_bombs_and_huge_bodies_are_refused_quickly_with_their_line() {
        let quotes = format!("ok\n\n{}x\n", "> ".repeat(50_000));
        let lists = format!("ok\n\n{}x\n", "- ".repeat(50_000));
        let indented: String = (0..3_000).map(|i| format!("{}- x\n", "  ".repeat(i))).collect();
        let huge = "あ".repeat(MAX_BODY_BYTES / 3 + 1);
        for (name, body, line) in
            [("quotes", &quotes, 7), ("lists", &lists, 7), ("indented", &indented, 5), ("huge", &huge, 5)]
        {
            let started = std::time::Instant::now();
            let (html, out) = render(body);
            assert!(started.elapsed() < std::time::Duration::from_secs(5), "{name}: {:?}", started.elapsed());
            assert_eq!(html, "", "{name}");
            assert_eq!(out.len(), 1, "{name}: {out:?}");
            assert_eq!(out[0].line, line, "{name}: {}", out[0]);
        }
        let (html, out) = render("> > > 三重の引用\n\n- a\n  - b\n    - c\n");
        assert!(out.is_empty() && html.contains("三重の引用"), "ordinary nesting passes: {out:?}");
    }

    #[test]
    fn unsafe_links_are_reported_with_their_line() {
        for (body, scheme) in [
            ("a\n\n[x](javascript:alert(1))\n", "javascript"),
            ("a\n\n[x](JaVaScRiPt:alert(1))\n", "javascript"),
            ("a\n\n[x](<java\tscript:alert(1)>)\n", "javascript"),
            ("a\n\n![x](data:text/html,hi)\n", "data"),
            ("a\n\n[x](vbscript:msgbox)\n", "vbscript"),
        ] {
            let (html, out) = render(body);
            assert_eq!(out.len(), 1, "{body:?}: {out:?}");
            assert_eq!(out[0].line, 7, "{body:?}");
            assert!(out[0].message.contains(&format!("\"{scheme}:\"")), "{}", out[0].message);
            assert!(!html.to_lowercase().contains(&format!("=\"{scheme}:")), "{html}");
        }
        for ok in ["[x](https://a.jp/)", "[x](/guides/x/)", "[x](tel:0421234567)", "[x](mailto:a@b.jp)", "[x](#top)"] {
            assert!(render(ok).1.is_empty(), "{ok}");
        }
    }

    #[test]
    fn raw_html_is_reported_with_its_line() {
        let (_, out) = render("Hello\n\n<script>alert(1)</script>\n");
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].line, 7);
        assert!(out[0].message.contains("raw HTML"), "{}", out[0].message);
    }
}
