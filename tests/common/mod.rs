//! What the integration tests share: the real content as the build loads it, and the seed
//! documents (`tests/fixtures/seeds/`, copies of `../shared/seeds/`). Each test binary uses
//! some of these.
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
