//! The code and the standard catalogue agree (issue #22): every key the views ask for
//! (`t("home.title")`, `tx(…)`, `m.html(…)`, `m.plain(…)`) is in `content/messages/ja.toml`,
//! and every key there is used somewhere in `app/src/`. Together with `check`, which holds
//! every other language to `ja.toml`'s keys, no page shows a `[key]` and no text is dead.

use std::collections::BTreeMap;
mod common;

use std::fs;

use common::{app_sources, root};
use kyoten_navi::load::messages::parse_catalogue;

/// Every string literal of `app/src/` that looks like a key (`a.b`, lower case), with the
/// file and line it is on, and whether it is the argument of a lookup call.
fn literals() -> Vec<(String, String, bool)> {
    let files = app_sources();
    let mut found = Vec::new();
    for file in files {
        let text = fs::read_to_string(&file).expect("read");
        // A file's unit tests use made-up keys of their own.
        let text = text.split("#[cfg(test)]").next().unwrap_or_default();
        let shown = file.strip_prefix(root()).unwrap_or(&file).display().to_string();
        for (n, line) in text.lines().enumerate() {
            let mut rest = line;
            while let Some(start) = rest.find('"') {
                let before = &rest[..start];
                let after = &rest[start + 1..];
                let Some(end) = after.find('"') else { break };
                let literal = &after[..end];
                let is_key = literal.contains('.')
                    && literal.split('.').all(|p| {
                        !p.is_empty() && p.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
                    });
                if is_key {
                    let call = ["t(", "tx(", ".html(", ".plain(", ".raw("].iter().any(|c| {
                        before.strip_suffix(c).is_some_and(|head| {
                            c.starts_with('.') || !head.ends_with(|ch: char| ch.is_alphanumeric() || ch == '_')
                        })
                    });
                    found.push((literal.to_string(), format!("{shown}:{}", n + 1), call));
                }
                rest = &after[end + 1..];
            }
        }
    }
    found
}

#[test]
fn every_key_asked_for_exists_and_every_key_is_used() {
    let path = root().join("content/messages/ja.toml");
    let text = fs::read_to_string(&path).expect("ja.toml");
    let mut out = Vec::new();
    let (keys, _) = parse_catalogue("content/messages/ja.toml", &text, &mut out);
    assert!(out.is_empty(), "{out:?}");
    let literals = literals();
    let missing: Vec<String> = literals
        .iter()
        .filter(|(key, _, call)| *call && !keys.contains_key(key))
        .map(|(key, at, _)| format!("{at}: `{key}` is not in content/messages/ja.toml"))
        .collect();
    assert!(missing.is_empty(), "keys the code asks for:\n{}", missing.join("\n"));
    let used: BTreeMap<&str, ()> = literals.iter().map(|(k, _, _)| (k.as_str(), ())).collect();
    let unused: Vec<String> = keys
        .iter()
        .filter(|(key, _)| !used.contains_key(key.as_str()))
        .map(|(key, (_, line))| format!("content/messages/ja.toml:{line}: `{key}` is used nowhere in app/src/"))
        .collect();
    assert!(unused.is_empty(), "keys no code uses:\n{}", unused.join("\n"));
}
