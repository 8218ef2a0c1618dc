//! Corrections that reach someone (issue #21): what a correction row says about itself —
//! who asks (依頼した人) and on what basis (根拠となる資料) — and the `[[source]]` of
//! `content/sources.toml` it becomes, so the facts it brings cite it like any other source.
//!
//! Owns: the source's id and fields, and adding new sources to `content/sources.toml`
//! without touching the ones there. Does not own: whether the person is who they say or
//! whether the basis is good — that is the municipality's decision; the import only shows
//! who asked and on what basis, and writes nothing without `--apply`.

use crate::model::Source;
use crate::site::first_contacts::japanese_date;

/// The most characters accepted in 依頼した人 or 根拠となる資料 (they are published as the
/// source's publisher and title).
pub const MAX_CHARS: usize = 200;

/// `basis` when it is one `https://` address a browser can open (only then does the source
/// get a `url`; a description, or an `http://` address, stays in the title).
pub fn https_url(basis: &str) -> Option<String> {
    let basis = basis.trim();
    (basis.starts_with("https://") && crate::load::validate::web_url(basis, true).is_ok())
        .then(|| crate::load::wamnet::web_url(basis))
        .flatten()
}

/// The source a row's own word becomes: id `correction-<facility>-<確認日>` (a suffix `-2`,
/// `-3` … is added by [`Sources::cite`] when that id is taken by another request),
/// `publisher` = who asked (or 「（記載なし）」), `read` = the row's 確認日.
pub fn correction_source(facility: &str, date: &str, requester: &str, basis: &str, confirmation: bool) -> Source {
    let url = https_url(basis);
    let what = if confirmation { "掲載内容の確認" } else { "掲載内容の修正依頼" };
    let title = match (&url, basis.is_empty()) {
        (Some(_), _) => format!("{what}（根拠：ウェブページ）"),
        (None, true) => format!("{what}（根拠となる資料の記載なし）"),
        (None, false) => format!("{what}（根拠：{basis}）"),
    };
    Source {
        id: format!("correction-{facility}-{date}"),
        title,
        publisher: if requester.is_empty() { "（記載なし）".to_string() } else { requester.to_string() },
        year: format!("{}に確認", japanese_date(date)),
        url,
        page_date: None,
        read: Some(date.to_string()),
        seed: None,
    }
}

/// The sources of `content/sources.toml` and the ones this import adds.
#[derive(Debug, Default)]
pub struct Sources {
    known: Vec<Source>,
    /// Added by this import, in the order rows cited them.
    pub added: Vec<Source>,
}

impl Sources {
    pub fn new(known: Vec<Source>) -> Self {
        Sources { known, added: Vec::new() }
    }

    /// Whether `id` is a source (already there or added by this import).
    pub fn contains(&self, id: &str) -> bool {
        self.known.iter().chain(&self.added).any(|s| s.id == id)
    }

    /// The id to cite for `wanted`, and whether it is new: the same source already there
    /// (importing the same files again adds nothing), else `wanted.id`, else the first free
    /// `wanted.id-2`, `-3`, … (two requests about one facility on one day).
    pub fn cite(&mut self, wanted: Source) -> (String, bool) {
        let mut n = 1;
        loop {
            let id = if n == 1 { wanted.id.clone() } else { format!("{}-{n}", wanted.id) };
            n += 1;
            match self.known.iter().chain(&self.added).find(|s| s.id == id) {
                Some(s) if *s == Source { id: id.clone(), ..wanted.clone() } => {
                    let new = self.added.iter().any(|a| a.id == id);
                    return (id, new);
                }
                Some(_) => {}
                None => {
                    self.added.push(Source { id: id.clone(), ..wanted });
                    return (id, true);
                }
            }
        }
    }

    /// `text` (the file as it is) with every added source appended as a `[[source]]` table.
    pub fn append_to(&self, text: &str) -> String {
        let mut out = text.to_string();
        if !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        }
        for s in &self.added {
            let q = |v: &str| toml::Value::String(v.to_string()).to_string();
            out.push_str(&format!(
                "\n[[source]]\nid = {}\ntitle = {}\npublisher = {}\nyear = {}\n",
                q(&s.id),
                q(&s.title),
                q(&s.publisher),
                q(&s.year)
            ));
            if let Some(u) = &s.url {
                out.push_str(&format!("url = {}\n", q(u)));
            }
            if let Some(r) = &s.read {
                out.push_str(&format!("read = {}\n", q(r)));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_source_is_made_from_who_asked_and_the_basis() {
        let s = correction_source(
            "w1313700161-5e0b",
            "2026-12-01",
            "カペラ 施設長 山田",
            "施設のパンフレット 2026年4月版",
            false,
        );
        assert_eq!(s.id, "correction-w1313700161-5e0b-2026-12-01");
        assert_eq!(s.title, "掲載内容の修正依頼（根拠：施設のパンフレット 2026年4月版）");
        assert_eq!(s.publisher, "カペラ 施設長 山田");
        assert_eq!(s.year, "2026年12月1日に確認");
        assert_eq!((s.url, s.read.as_deref()), (None, Some("2026-12-01")));
        let web = correction_source("x", "2026-12-01", "", "https://example.jp/capella/", true);
        assert_eq!(web.url.as_deref(), Some("https://example.jp/capella/"));
        assert_eq!(web.publisher, "（記載なし）");
        assert_eq!(web.title, "掲載内容の確認（根拠：ウェブページ）");
        for not_a_link in ["http://example.jp/", "https://", "javascript:alert(1)", "https://example.jp/a b"] {
            assert_eq!(https_url(not_a_link), None, "{not_a_link}");
        }
    }

    #[test]
    fn the_same_source_is_cited_again_and_another_gets_a_suffix() {
        let first = correction_source("x", "2026-12-01", "山田", "", false);
        let mut sources = Sources::new(vec![first.clone()]);
        assert_eq!(sources.cite(first.clone()), ("correction-x-2026-12-01".into(), false));
        let other = correction_source("x", "2026-12-01", "利用者の家族", "", false);
        assert_eq!(sources.cite(other.clone()), ("correction-x-2026-12-01-2".into(), true));
        assert_eq!(sources.cite(other), ("correction-x-2026-12-01-2".into(), true));
        assert_eq!(sources.added.len(), 1);
        let text = sources.append_to("[[source]]\nid = \"a\"\ntitle = \"t\"\npublisher = \"p\"\nyear = \"y\"");
        let parsed: crate::model::source::SourceFile = toml::from_str(&text).expect("valid TOML");
        assert_eq!(parsed.source.len(), 2);
        assert_eq!(parsed.source[1].publisher, "利用者の家族");
        assert!(text.contains("year = \"y\"\n\n[[source]]\nid = \"correction-x-2026-12-01-2\"\n"), "{text}");
    }
}
