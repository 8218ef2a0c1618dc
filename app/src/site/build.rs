//! `build`: load content, compile the browser bundle, render every route, write the data
//! JSON and the assets, precompress. `dist/` is replaced as a whole.

use std::collections::BTreeMap;
use std::fs;
use std::path::PathBuf;
use std::time::Instant;

use sha2::{Digest, Sha256};

use super::assets::{self, hashed_name, Output, Precompress};
use super::pages::all_pages;
use super::render::{AssetNames, Document};
use super::wasm::{self, hex};
use crate::data::{route_key, PageData, Shell};
use crate::i18n::Lang;
use crate::load::{load_content, Diagnostic};

pub struct BuildOptions {
    pub content: PathBuf,
    pub out: PathBuf,
    /// `/` or `/sub/path/`.
    pub base_path: String,
    /// Which wasm bundles to make (`None` for content-only builds in tests).
    pub wasm: Option<wasm::WasmMode>,
    /// Folder holding `style/` and `public/` (the workspace root).
    pub root: PathBuf,
    /// Which files get `.br`/`.gz` siblings (`--precompress shared|all|none`).
    pub precompress: Precompress,
}

#[derive(Debug)]
pub enum BuildError {
    Content(Vec<Diagnostic>),
    Other(String),
}

impl From<String> for BuildError {
    fn from(s: String) -> Self {
        BuildError::Other(s)
    }
}

/// Normalise a `--base-path` value to `/` or `/a/b/`.
pub fn normalise_base(base: &str) -> String {
    let trimmed = base.trim_matches('/');
    if trimmed.is_empty() {
        "/".into()
    } else {
        format!("/{trimmed}/")
    }
}

pub fn build_site(opts: &BuildOptions, log: &mut dyn FnMut(&str)) -> Result<usize, BuildError> {
    let started = Instant::now();
    let mut content = load_content(&opts.content, &opts.base_path).map_err(BuildError::Content)?;
    content.site.base_path = opts.base_path.clone();
    log(&format!(
        "content loaded and valid ({} areas, {} facilities) in {:.1?}",
        content.areas.len(),
        content.facilities.len(),
        started.elapsed()
    ));
    let (settings, open_data): (Vec<_>, Vec<_>) = content.warnings.iter().partition(|w| w.path.ends_with("site.toml"));
    for w in settings {
        log(&format!("warning: {w}"));
    }
    if !open_data.is_empty() {
        log(&format!("note: {} open-data row(s) left out or value(s) shown as text:", open_data.len()));
        for w in open_data {
            log(&format!("  {w}"));
        }
    }

    let bundles = match opts.wasm {
        Some(mode) => Some(wasm::build_wasm(mode, log)?),
        None => None,
    };

    let out = &opts.out;
    if out.exists() {
        fs::remove_dir_all(out).map_err(|e| format!("cannot clear {}: {e}", out.display()))?;
    }
    fs::create_dir_all(out).map_err(|e| e.to_string())?;
    let output = Output::new(out, opts.precompress)?;
    let write = |rel: &str, bytes: &[u8]| output.write(rel, bytes);

    assets::copy_public(&opts.root.join("public"), &output, &opts.base_path)?;
    let svg = fs::read(opts.root.join("public/icon.svg")).map_err(|e| format!("public/icon.svg: {e}"))?;
    for (name, png) in assets::png_icons(&svg)? {
        write(name, &png)?;
    }
    let css = assets::stylesheet(&opts.root.join("style"))?;
    let css_name = hashed_name("style.css", css.as_bytes());
    write(&css_name, css.as_bytes())?;
    let mut names = AssetNames { css: css_name, boot: None, islands: BTreeMap::new() };
    if let Some(bundles) = &bundles {
        // The boot script's table: island → its bundle's JavaScript and wasm.
        let mut table: BTreeMap<&str, [String; 2]> = BTreeMap::new();
        for b in bundles {
            let wasm_name = hashed_name(&format!("{}_bg.wasm", b.name), &b.wasm);
            let js_name = hashed_name(&format!("{}.js", b.name), &b.js);
            write(&format!("pkg/{wasm_name}"), &b.wasm)?;
            write(&format!("pkg/{js_name}"), &b.js)?;
            for island in &b.islands {
                table.insert(island, [format!("./pkg/{js_name}"), format!("./pkg/{wasm_name}")]);
                names.islands.insert(island.to_string(), format!("pkg/{js_name}"));
            }
            if !b.optimised {
                log(&format!("note: the {} wasm is not optimised by wasm-opt", b.name));
            }
        }
        let correction = without_comments(include_str!("correction.js"));
        let correction_name = hashed_name("correction.js", correction.as_bytes());
        write(&correction_name, correction.as_bytes())?;
        let mut boot = without_comments(include_str!("boot.js"))
            .replace("__BUNDLES__", &serde_json::to_string(&table).map_err(|e| e.to_string())?)
            .replace("__CORRECTION__", &correction_name);
        boot.push_str(&without_comments(include_str!("sw-register.js")));
        let boot_name = hashed_name("boot.js", boot.as_bytes());
        write(&boot_name, boot.as_bytes())?;
        names.boot = Some(boot_name);
    }

    log(&format!("assets written at {:.1?}", started.elapsed()));
    content.outlines = super::geo::outlines(&opts.content.join("geo"))?;
    let content = &content;
    // The open-data files are made on a second thread meanwhile: the steps up to rendering
    // are mostly single-threaded.
    let (pages, search, map, opendata) = std::thread::scope(|s| -> Result<_, String> {
        let opendata = std::thread::Builder::new()
            .name("opendata".into())
            .spawn_scoped(s, || super::opendata::opendata_files(content))
            .map_err(|e| e.to_string())?;
        let pages = all_pages(content);
        log(&format!("page data made at {:.1?}", started.elapsed()));
        let search = crate::features::finder::index::search_files(content);
        log(&format!("search files made at {:.1?}", started.elapsed()));
        let map = super::geo::map_files(&opts.content.join("geo"), log)?;
        let opendata = opendata.join().map_err(|_| "the open-data thread panicked".to_string())?;
        Ok((pages, search, map, opendata))
    })?;
    // Page data is hashed into the build id (which versions the data files and the service
    // worker's caches) but not written: pages are complete HTML, and islands carry their props.
    let mut hasher = Sha256::new();
    for (path, data) in &pages {
        hasher.update(route_key(path).as_bytes());
        hasher.update(serde_json::to_string(data).unwrap_or_default().as_bytes());
    }
    for (k, j) in search.iter().chain(map.iter()) {
        hasher.update(k.as_bytes());
        hasher.update(j.as_bytes());
    }
    let build = hex(&hasher.finalize())[..12].to_string();
    log(&format!("build id hashed at {:.1?}", started.elapsed()));
    let shell = Shell {
        base: opts.base_path.clone(),
        build: build.clone(),
        name: content.site.name.clone(),
        messages: super::readings::messages(content, Lang::Ja),
    };
    let doc = Document::new(&shell, &content.site.origin, &names);

    for (name, json) in &search {
        write(&format!("data/{build}/search/{name}"), json.as_bytes())?;
    }
    for (name, json) in &map {
        write(&format!("data/{build}/map/{name}"), json.as_bytes())?;
    }
    for (name, bytes) in opendata {
        write(&format!("opendata/{name}"), &bytes)?;
    }
    log(&format!("data written at {:.1?}", started.elapsed()));
    let mut paths: Vec<String> = pages.iter().map(|(p, _)| p.clone()).collect();
    let mut indexed: Vec<String> = pages.iter().filter(|(_, d)| !d.is_widget()).map(|(p, _)| p.clone()).collect();
    render_all(&doc, pages, &output)?;
    // The other readings (issue #22): their pages under their prefixes, each with its shell.
    for lang in Lang::ALL.into_iter().filter(|l| *l != Lang::Ja) {
        let shell = Shell { messages: super::readings::messages(content, lang), ..shell.clone() };
        let doc = Document::new(&shell, &content.site.origin, &names);
        let pages = super::readings::reading_pages(content, &shell);
        paths.extend(pages.iter().map(|(p, _)| p.clone()));
        indexed.extend(pages.iter().filter(|(_, d)| !d.is_widget()).map(|(p, _)| p.clone()));
        render_all(&doc, pages, &output)?;
        write(
            &format!("{}404.html", lang.prefix()),
            doc.render(&format!("/{}404/", lang.prefix()), PageData::NotFound).as_bytes(),
        )?;
    }
    write("404.html", doc.render("/404/", PageData::NotFound).as_bytes())?;
    for (name, xml) in assets::sitemaps(&content.site.origin, &opts.base_path, &indexed) {
        write(&name, xml.as_bytes())?;
    }
    write("robots.txt", assets::robots(&content.site.origin, &opts.base_path).as_bytes())?;
    write("manifest.webmanifest", assets::manifest(&content.site.name, &opts.base_path).as_bytes())?;
    log(&format!("pages rendered at {:.1?}", started.elapsed()));
    output.finish()?;
    log(&format!("wrote {} pages to {} in {:.1?}", paths.len(), out.display(), started.elapsed()));
    Ok(paths.len())
}

/// Render every page on all cores.
fn render_all(doc: &Document, pages: Vec<(String, PageData)>, output: &Output) -> Result<(), String> {
    let threads = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2);
    let size = pages.len().div_ceil(threads).max(1);
    let mut pages = pages.into_iter();
    let chunks: Vec<Vec<(String, PageData)>> = (0..threads).map(|_| pages.by_ref().take(size).collect()).collect();
    std::thread::scope(|s| {
        let handles: Vec<_> = chunks
            .into_iter()
            .map(|chunk| {
                std::thread::Builder::new().name("render".into()).spawn_scoped(s, move || -> Result<(), String> {
                    for (path, data) in chunk {
                        let html = doc.render(&path, data);
                        let dir = path.trim_matches('/');
                        let file = if dir.is_empty() { "index.html".to_string() } else { format!("{dir}/index.html") };
                        output.write(&file, html.as_bytes())?;
                    }
                    Ok(())
                })
            })
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| e.to_string())?;
        handles.into_iter().try_for_each(|h| h.join().unwrap_or_else(|_| Err("render thread panicked".into())))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_paths() {
        for (input, want) in [("/", "/"), ("", "/"), ("sub", "/sub/"), ("/a/b", "/a/b/"), ("/a/b/", "/a/b/")] {
            assert_eq!(normalise_base(input), want);
        }
    }
}

/// A script as shipped: its whole-line `//` comments are for the people who read the source,
/// not for every family's phone on every page (the boot script's budget is 2 KB, issue #10).
fn without_comments(script: &str) -> String {
    script.lines().filter(|l| !l.trim_start().starts_with("//")).map(|l| format!("{l}\n")).collect()
}

#[cfg(test)]
mod script_tests {
    use super::without_comments;

    #[test]
    fn whole_line_comments_are_left_out_and_code_is_kept() {
        let shipped = without_comments("// why\nconst a = \"//x\"; // keep\n  // indented\nf(a);\n");
        assert_eq!(shipped, "const a = \"//x\"; // keep\nf(a);\n");
    }
}
