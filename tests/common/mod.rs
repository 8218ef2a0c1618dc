//! What the integration tests share: the real content as the build loads it, and the seed
//! documents (`tests/fixtures/seeds/`, copies of `../shared/seeds/`), the app's sources.
//! Each test binary uses some of these.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use kyoten_navi::load::{load_content, Content};

/// The repository's root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// `content/`, loaded and checked; a content error fails the test with its diagnostics.
pub fn real_content() -> Content {
    load_content(&root().join("content"), "/").unwrap_or_else(|d| panic!("content has errors: {d:#?}"))
}

/// Every Rust source file under `app/src/`, for the tests that read the code itself
/// (`messages.rs`, `escaping.rs`).
pub fn app_sources() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(dir).expect("read_dir").flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    let mut files = Vec::new();
    walk(&root().join("app/src"), &mut files);
    files.sort();
    files
}

/// The text of the seed whose file name starts with `n` (e.g. `"003"`).
pub fn seed(n: &str) -> String {
    let dir = root().join("tests/fixtures/seeds");
    let name = std::fs::read_dir(&dir)
        .expect("seeds")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .find(|f| f.starts_with(n))
        .expect("seed file");
    std::fs::read_to_string(dir.join(name)).expect("read seed")
}

/// A catalogue key shown instead of its text (`[generator.title]`): what a page shows when
/// a message is missing from its reading's catalogue.
pub fn shows_a_key(html: &str) -> Option<&str> {
    html.match_indices('[').map(|(i, _)| &html[i..]).find_map(|rest| {
        let end = rest.find(']')?;
        let key = &rest[1..end];
        (key.contains('.')
            && key
                .split('.')
                .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')))
        .then_some(key)
    })
}
