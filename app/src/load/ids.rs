//! The one rule for ids that become part of an output path (`dist/facilities/<id>/`,
//! `dist/areas/<id>/`, `dist/guides/<slug>/`, `dist/opendata/areas/<id>.csv`) or of a content
//! file name the importer writes (`content/facilities/<id>.md`). Every place where an id is
//! made — a content file's name, a WAM NET row's 事業所番号, a reference-list code, an import
//! cell — calls [`valid_path_id`], so no data file can name a path outside the output folder
//! (`1234567890/../../../../tmp/x`). The output writer refuses such paths too
//! (`site::assets::Output::write`): two locks on one door.

/// The longest id accepted (a file name must fit in 255 bytes with `.md` or `index.html`).
pub const MAX_ID_LEN: usize = 100;

/// `Ok` when `id` is safe as one path segment: 1–[`MAX_ID_LEN`] characters of `a–z`, `0–9`
/// and `-`, not starting with `-` (which a command line would read as an option). No `/`,
/// `\`, `.`, upper case (two ids differing only in case would collide on macOS and Windows)
/// or anything else. The error says what is wrong, for a diagnostic.
pub fn valid_path_id(id: &str) -> Result<(), String> {
    if id.is_empty() {
        return Err("is empty".into());
    }
    if id.len() > MAX_ID_LEN {
        return Err(format!("is {} characters long (at most {MAX_ID_LEN})", id.len()));
    }
    let shown: String = id.chars().take(60).collect();
    if let Some(bad) = id.chars().find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-')) {
        return Err(format!(
            "\"{shown}\" must use only a–z, 0–9 and - (it becomes part of a file name and a page address; found {bad:?})"
        ));
    }
    if id.starts_with('-') {
        return Err(format!("\"{shown}\" starts with -: start with a letter or a digit"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_segments_pass() {
        for (id, ok) in [
            ("kokubunji-kikan", true),
            ("132144", true),
            ("w1412606194-5e0b", true),
            ("", false),
            ("w1234567890/../../../../tmp/x-5e0b", false),
            ("..", false),
            ("a/b", false),
            ("a\\b", false),
            ("a.b", false),
            ("Kokubunji", false),
            ("-rf", false),
            ("ｗ123", false),
            ("a b", false),
            ("a\0b", false),
        ] {
            assert_eq!(valid_path_id(id).is_ok(), ok, "{id:?}");
        }
        assert!(valid_path_id(&"a".repeat(MAX_ID_LEN)).is_ok());
        assert!(valid_path_id(&"a".repeat(MAX_ID_LEN + 1)).is_err());
    }
}
