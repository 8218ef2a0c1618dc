//! Reads `content/` from disk into the typed model, validating as it goes. Every mistake
//! becomes a [`Diagnostic`]; loading never stops at the first one, so `check` can list
//! them all. This module owns the file walking; beside it:
//! - `split` cuts a file at its `+++` lines, `front_matter` parses the TOML into the model,
//!   `reference` reads the list of municipalities (all pure, from `&str`);
//! - `spans` is the one line index of a TOML text: every diagnostic that points into front
//!   matter, `site.toml` or `sources.toml` takes its line from it (`diagnostic::FileReport`);
//! - `fields` holds the field rules (phone, date, web address, e-mail, codes, position),
//!   `ids` the rule for ids that become paths;
//! - `validate` the cross-file rules, one file per kind of content;
//! - `wamnet` the national WAM NET open data.

pub mod diagnostic;
pub mod fields;
pub mod front_matter;
pub mod ids;
pub mod messages;
pub mod names;
pub mod reference;
pub mod spans;
pub mod split;
pub mod validate;
pub mod wamnet;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

pub use diagnostic::Diagnostic;

/// The phone rule's former path (`import/` and the tests name it); the rule is in `fields`.
pub mod phone {
    pub use super::fields::normalize_phone;
}

use crate::i18n::Lang;
use crate::markdown::render_markdown;
use crate::model::{
    Area, AreaFile, CatalogueSummary, Facility, FacilityFile, Guide, PracticeSection, Report, Screening, Site, Source,
};

/// Everything the site is built from.
#[derive(Clone, Debug, Default)]
pub struct Content {
    pub site: Site,
    pub sources: Vec<Source>,
    /// Every municipality of the reference list plus the regions, by id.
    pub areas: BTreeMap<String, Area>,
    pub facilities: Vec<Facility>,
    pub reports: Vec<Report>,
    /// The standard guides, in menu order.
    pub guides: Vec<Guide>,
    /// The guides' other readings (`faq.en.md`), in the same order.
    pub guide_versions: Vec<Guide>,
    pub catalogue: CatalogueSummary,
    pub practices: Vec<PracticeSection>,
    /// The 事前登録 self-check (`content/screening/index.md`).
    pub screening: Screening,
    /// Its versions in the other readings (`index.easy.md`, `index.en.md`): the same
    /// questions, weights and levels, reworded; ふりがな in the explicit notation.
    pub screening_versions: BTreeMap<Lang, Screening>,
    /// Open-data rows that were left out, with their reasons (not errors: the build goes on).
    pub warnings: Vec<Diagnostic>,
    /// Municipality outlines by 5-digit code, for the area pages' maps. Filled by the site
    /// builder from `content/geo/` (`site::geo::outlines`); empty in `check` and tests.
    pub outlines: BTreeMap<String, crate::features::finder::map_data::MapShape>,
    /// Prefectures' English names by Japanese name (`content/geo/prefjp-utf8.csv`).
    pub prefectures_en: BTreeMap<String, String>,
    /// The fixed text of the pages in each reading (`content/messages/`, issue #22).
    pub messages: BTreeMap<crate::i18n::Lang, crate::i18n::Messages>,
}

/// One parsed content file with what validation needs to point at its lines.
pub struct Located<T> {
    pub path: String,
    pub front_matter: String,
    pub first_line: usize,
    pub value: T,
}

/// Load and validate everything under `dir`. `base_path` (`/` or `/sub/`) is applied to
/// internal links in Markdown.
pub fn load_content(dir: &Path, base_path: &str) -> Result<Content, Vec<Diagnostic>> {
    let mut out = Vec::new();
    let display = |p: &Path| display_path(dir, p);

    let site_path = dir.join("site.toml");
    let site = read_toml::<Site>(dir, &site_path, &display, &mut out);
    if let (Some(site), Ok(text)) = (&site, fs::read_to_string(&site_path)) {
        let shown = display(&site_path);
        let mut r = diagnostic::FileReport::new(&shown, &text, 1, &mut out);
        validate::validate_site(site, &mut r);
    }
    let site = site.unwrap_or_default();
    // Not an error: the pages then send corrections to the area's desk or website (issue #21).
    let mut warnings = Vec::new();
    if site.corrections_email.is_none() && site.edit_url.is_none() {
        warnings.push(Diagnostic::new(
            &display(&site_path),
            1,
            "corrections_email",
            "not set (nor edit_url): 「修正を依頼する」 has no address of this site, so pages ask people to tell the \
             area's desk or to use its website instead; set corrections_email = \"…\" in content/site.toml",
        ));
    }
    let sources = read_toml::<crate::model::source::SourceFile>(dir, &dir.join("sources.toml"), &display, &mut out)
        .map(|f| f.source)
        .unwrap_or_default();

    let reference = read_csv(dir, "geo/localgovjp-utf8.csv", reference::parse_reference, &display, &mut out);
    let prefectures_en = read_csv(dir, "geo/prefjp-utf8.csv", names::parse_prefectures_en, &display, &mut out);

    let areas = load_dir::<Area>(dir, "areas", base_path, &mut out);
    let facilities = load_dir::<Facility>(dir, "facilities", base_path, &mut out);
    let reports = load_dir::<Report>(dir, "reports", base_path, &mut out);
    let guides = load_dir::<Guide>(dir, "guides", base_path, &mut out);
    let practices = load_dir::<PracticeSection>(dir, "catalogue/practices", base_path, &mut out);
    let catalogue = load_file::<CatalogueSummary>(&dir.join("catalogue/index.md"), dir, base_path, &mut out);
    let screening = load_file::<Screening>(&dir.join("screening/index.md"), dir, base_path, &mut out);
    // Its versions in the other readings, where written (issue #22).
    let screening_versions = Lang::ALL
        .into_iter()
        .filter(|l| *l != Lang::Ja)
        .filter_map(|lang| {
            let path = dir.join(format!("screening/index.{}.md", lang.id()));
            path.exists().then(|| load_file::<Screening>(&path, dir, base_path, &mut out).map(|f| (lang, f)))?
        })
        .collect();

    let messages = messages::load_messages(&dir.join("messages"), &display, &mut out);

    let mut content = Content { site, sources, warnings, messages, prefectures_en, ..Default::default() };
    validate::validate(
        &mut content,
        validate::Files {
            reference,
            areas,
            facilities,
            reports,
            guides,
            practices,
            catalogue,
            screening,
            screening_versions,
        },
        &mut out,
    );
    load_open_data(dir, &display, &mut content, &mut out);
    // Each source's `url`, at its line in the file (issue #20).
    let sources_path = dir.join("sources.toml");
    if let Ok(text) = fs::read_to_string(&sources_path) {
        validate::validate_sources(&content.sources, &text, &display(&sources_path), &mut out);
    }
    if out.is_empty() {
        Ok(content)
    } else {
        out.sort();
        out.dedup();
        Err(out)
    }
}

/// Merge the WAM NET files of `content/wamnet/` into the facilities (see `wamnet`).
fn load_open_data(dir: &Path, display: &dyn Fn(&Path) -> String, content: &mut Content, out: &mut Vec<Diagnostic>) {
    let Ok(entries) = fs::read_dir(dir.join("wamnet")) else { return };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "csv"))
        .collect();
    files.sort();
    let cities = wamnet::CityIndex::new(&content.areas);
    let mut open = Vec::new();
    for path in files {
        let shown = display(&path);
        let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let source = wamnet::source_id(&stem).unwrap_or_else(|| "wamnet-".into());
        if !content.sources.iter().any(|s| s.id == source) {
            out.push(Diagnostic::new(
                &shown,
                0,
                "",
                format!("add a [[source]] with id = \"{source}\" (and its date) to content/sources.toml"),
            ));
            continue;
        }
        match read_text(dir, &path, &shown) {
            Ok(text) => match wamnet::parse_wamnet(&shown, &text, &source, &cities, "", &mut content.warnings) {
                Ok(rows) => open.extend(rows),
                Err(d) => out.push(d),
            },
            Err(d) => out.push(d),
        }
    }
    wamnet::merge(&mut content.facilities, open);
}

/// A content file's text, or a diagnostic: invalid UTF-8 names the line of the first bad
/// byte; a symbolic link that leads outside the content folder is refused, not followed
/// (a link could publish any file of the machine that builds the site).
pub fn read_text(root: &Path, path: &Path, shown: &str) -> Result<String, Diagnostic> {
    if let Some(message) = link_outside(root, path) {
        return Err(Diagnostic::new(shown, 0, "", message));
    }
    let bytes = fs::read(path).map_err(|e| Diagnostic::new(shown, 0, "", format!("cannot read: {e}")))?;
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let line = 1 + e.as_bytes()[..valid].iter().filter(|&&b| b == b'\n').count();
        Diagnostic::new(shown, line, "", "is not UTF-8 (perhaps Shift_JIS): save it as UTF-8")
    })
}

/// Why `path` must not be read, when it is a symbolic link (or inside a linked folder)
/// that resolves outside `root`.
fn link_outside(root: &Path, path: &Path) -> Option<String> {
    let is_link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    let (Ok(root), Ok(target)) = (root.canonicalize(), path.canonicalize()) else {
        return is_link.then(|| "is a symbolic link that leads nowhere; put the file itself here".to_string());
    };
    (!target.starts_with(&root)).then(|| {
        format!(
            "is a symbolic link to {}, outside the content folder: it is not read; copy the file in instead",
            target.display()
        )
    })
}

fn display_path(root: &Path, p: &Path) -> String {
    let name = root.file_name().map(PathBuf::from).unwrap_or_default();
    let rel = p.strip_prefix(root).unwrap_or(p);
    name.join(rel).to_string_lossy().into_owned()
}

fn read_toml<T: DeserializeOwned>(
    root: &Path,
    path: &Path,
    display: &dyn Fn(&Path) -> String,
    out: &mut Vec<Diagnostic>,
) -> Option<T> {
    let shown = display(path);
    match read_text(root, path, &shown) {
        Ok(text) => front_matter::parse_front_matter(&shown, &text, 1).map_err(|d| out.push(d)).ok(),
        Err(d) => {
            out.push(d);
            None
        }
    }
}

/// A reference CSV of `content/` (`rel`) parsed with `parse`; a missing file or a parse error
/// is a diagnostic naming the file, and the result is empty.
fn read_csv<T: Default>(
    root: &Path,
    rel: &str,
    parse: fn(&str) -> Result<T, String>,
    display: &dyn Fn(&Path) -> String,
    out: &mut Vec<Diagnostic>,
) -> T {
    let path = root.join(rel);
    let shown = display(&path);
    match read_text(root, &path, &shown) {
        Ok(text) => parse(&text).unwrap_or_else(|e| {
            out.push(Diagnostic::new(&shown, 0, "", e));
            T::default()
        }),
        Err(d) => {
            out.push(d);
            T::default()
        }
    }
}

/// Every `*.md` in `content/<sub>/`, sorted by name. A missing folder is an empty list.
fn load_dir<T: HasBody + Send>(root: &Path, sub: &str, base_path: &str, out: &mut Vec<Diagnostic>) -> Vec<Located<T>> {
    let dir = root.join(sub);
    let Ok(entries) = fs::read_dir(&dir) else { return Vec::new() };
    let mut paths: Vec<PathBuf> = Vec::new();
    for p in entries.filter_map(|e| e.ok().map(|e| e.path())) {
        match p.extension().and_then(|x| x.to_str()) {
            Some("md") => paths.push(p),
            // `X.MD` or `x.Md` would be skipped without a word on Linux and read on macOS.
            Some(x) if x.eq_ignore_ascii_case("md") => out.push(Diagnostic::new(
                &display_path(root, &p),
                0,
                "",
                "the extension must be .md in lower case; rename the file",
            )),
            _ => {}
        }
    }
    paths.sort();
    // On all cores (a national operator's tens of thousands of files, issue #7), each part
    // with its own diagnostics; the files stay in name order.
    let threads = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
    let size = paths.len().div_ceil(threads).max(1);
    std::thread::scope(|s| {
        let parts: Vec<_> = paths
            .chunks(size)
            .map(|chunk| {
                s.spawn(move || {
                    let mut found = Vec::new();
                    let loaded: Vec<Located<T>> =
                        chunk.iter().filter_map(|p| load_file::<T>(p, root, base_path, &mut found)).collect();
                    (loaded, found)
                })
            })
            .collect();
        let mut all = Vec::with_capacity(paths.len());
        for part in parts {
            let (loaded, found) = part.join().unwrap_or_else(|e| std::panic::resume_unwind(e));
            all.extend(loaded);
            out.extend(found);
        }
        all
    })
}

fn load_file<T: HasBody>(path: &Path, root: &Path, base_path: &str, out: &mut Vec<Diagnostic>) -> Option<Located<T>> {
    let shown = display_path(root, path);
    let text = match read_text(root, path, &shown) {
        Ok(t) => t,
        Err(d) => {
            out.push(d);
            return None;
        }
    };
    parse_file::<T>(&shown, &text, base_path, out)
}

/// Parse one content file's text (pure: no disk), rendering its body; its id is the stem of
/// `path`.
pub fn parse_file<T: HasBody>(
    path: &str,
    text: &str,
    base_path: &str,
    out: &mut Vec<Diagnostic>,
) -> Option<Located<T>> {
    let parts = match split::split(text) {
        Ok(p) => p,
        Err(e) => {
            out.push(Diagnostic::new(path, 1, "", e));
            return None;
        }
    };
    let file: T::File =
        match front_matter::parse_authored(path, parts.front_matter, parts.front_matter_line, T::DERIVED) {
            Ok(v) => v,
            Err(d) => {
                out.push(d);
                return None;
            }
        };
    let derived = T::derived_fields_written(&file);
    let located_fm = parts.front_matter.to_string();
    let mut report = diagnostic::FileReport::new(path, &located_fm, parts.front_matter_line, out);
    for field in derived {
        report.error(field, front_matter::FILLED_IN);
    }
    let html = render_markdown(path, parts.body, parts.body_line, base_path, out);
    let id = Path::new(path).file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let value = T::from_file(id, file, html);
    Some(Located { path: path.to_string(), front_matter: located_fm, first_line: parts.front_matter_line, value })
}

/// Model types read from a content file with a Markdown body: what its front matter parses
/// into and how the loader makes the model value of it.
pub trait HasBody: Sized {
    /// The front matter: the part authors write (`FacilityFile`, `AreaFile`), which lacks the
    /// derived fields, or the type itself.
    type File: DeserializeOwned;
    /// Derived fields `File` lacks: a file that writes one is told the site builder fills it in.
    const DERIVED: &'static [&'static str];
    /// The value of a file: its id (the file stem), front matter and body as sanitised HTML.
    fn from_file(id: String, file: Self::File, body_html: String) -> Self;
    /// Set the id after the fact (the fuzz target names its one file's value).
    fn set_id(&mut self, id: String);
    /// Derived fields written anyway in a `File` that can hold them (a type that is its own
    /// front matter); none for a type with a file type of its own.
    fn derived_fields_written(_file: &Self::File) -> Vec<&'static str> {
        Vec::new()
    }
}

/// `HasBody` for a model type:
/// - with its own front matter type (`has_body!(Area, file AreaFile)`): built by the model's
///   `from_file`, its derived fields refused by the file type (`authored_model!`);
/// - that is its own front matter, with its id field and no other derived field
///   (`has_body!(Report, id)`): the id and body a file writes are reported;
/// - of which a site has one file (`has_body!(Screening)`): no id, the body reported.
macro_rules! has_body {
    ($t:ty, file $file:ty) => {
        impl HasBody for $t {
            type File = $file;
            const DERIVED: &'static [&'static str] = <$t>::DERIVED;
            fn from_file(id: String, file: $file, body_html: String) -> Self {
                <$t>::from_file(id, file, body_html)
            }
            fn set_id(&mut self, id: String) {
                self.id = id;
            }
        }
    };
    ($t:ty $(, $id:ident)?) => {
        impl HasBody for $t {
            type File = $t;
            const DERIVED: &'static [&'static str] = &[];
            fn from_file(_id: String, file: $t, body_html: String) -> Self {
                let mut value = file;
                value.body_html = body_html;
                $( value.$id = _id; )?
                value
            }
            fn set_id(&mut self, _id: String) {
                $( self.$id = _id; )?
            }
            fn derived_fields_written(file: &$t) -> Vec<&'static str> {
                let blank = <$t>::default();
                let mut v = Vec::new();
                $( if file.$id != blank.$id { v.push(stringify!($id)); } )?
                if file.body_html != blank.body_html { v.push("body_html"); }
                v
            }
        }
    };
}

has_body!(Area, file AreaFile);
has_body!(Facility, file FacilityFile);
has_body!(Report, id);
has_body!(Guide, slug);
has_body!(PracticeSection, slug);

has_body!(Screening);
has_body!(CatalogueSummary);
