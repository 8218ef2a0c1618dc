//! Static assets: the stylesheet (concatenated in layer order and minified), `public/`
//! copied as is, content-hashed names, sitemap, robots.txt, the web app manifest, and
//! pre-compressed `.br` / `.gz` siblings of the files that benefit ([`Precompress`]).

use std::fs;
use std::io::Write;
use std::path::{Component, Path, PathBuf};
use std::sync::{mpsc, Arc, Mutex};

use sha2::{Digest, Sha256};

use super::wasm::hex;

/// `name.ext` → `name.<hash10>.ext`.
pub fn hashed_name(name: &str, bytes: &[u8]) -> String {
    let hash = &hex(&Sha256::digest(bytes))[..10];
    match name.rsplit_once('.') {
        Some((stem, ext)) => format!("{stem}.{hash}.{ext}"),
        None => format!("{name}.{hash}"),
    }
}

/// The CSS files of `style/` in layer order: tokens, base, layout, components/*, utilities.
pub fn stylesheet(style_dir: &Path) -> Result<String, String> {
    let mut files: Vec<PathBuf> = ["tokens.css", "base.css", "layout.css"].iter().map(|f| style_dir.join(f)).collect();
    let mut components: Vec<PathBuf> = fs::read_dir(style_dir.join("components"))
        .map(|d| {
            d.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "css")).collect()
        })
        .unwrap_or_default();
    components.sort();
    files.extend(components);
    files.push(style_dir.join("utilities.css"));
    files.push(style_dir.join("print.css"));
    let mut css = String::new();
    for f in files {
        let text = fs::read_to_string(&f).map_err(|e| format!("{}: {e}", f.display()))?;
        css.push_str(&minify_css(&text));
    }
    Ok(css)
}

/// Drop comments and collapse white space; safe for the plain CSS this project writes.
pub fn minify_css(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        rest = rest[start + 2..].find("*/").map_or("", |end| &rest[start + 2 + end + 2..]);
    }
    out.push_str(rest);
    let collapsed = out.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut s = collapsed;
    // ": " is left alone: in a selector (`.a :focus`) the space is a combinator.
    for (from, to) in [(" {", "{"), ("{ ", "{"), (" }", "}"), ("} ", "}"), ("; ", ";"), (", ", ","), (";}", "}")] {
        s = s.replace(from, to);
    }
    s
}

/// Which files get `.br` and `.gz` siblings, for hosts that serve them (nginx
/// `gzip_static`/`brotli_static`, Caddy `precompressed`). Hosts that compress on the fly
/// (GitHub Pages, Netlify, Cloudflare) ignore them: build with `--precompress none` there.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Precompress {
    /// What every visit or search fetches — the hashed assets (the wasm above all) and the
    /// finder's and map's data under `data/` — and any page of [`SIZE_THRESHOLD`] or more
    /// (the area directory, the catalogue). Small pages are left to the host (at national
    /// scale they are 50,000 files), and so are the open-data downloads (hundreds of
    /// megabytes, fetched by few).
    #[default]
    Shared,
    /// Every text file, pages included (slow at national scale: one page per facility).
    All,
    None,
}

impl Precompress {
    pub fn parse(s: &str) -> Option<Precompress> {
        match s {
            "shared" => Some(Precompress::Shared),
            "all" => Some(Precompress::All),
            "none" => Some(Precompress::None),
            _ => None,
        }
    }
}

/// Under [`Precompress::Shared`] a page or download this big or bigger is precompressed; a
/// facility page (about 9 KB) is not — a host compresses it on the fly in far less time than
/// 50,000 siblings take to make.
pub const SIZE_THRESHOLD: u64 = 32 * 1024;

/// Where the build writes `dist/`. Each file is written once and, when [`Precompress`]
/// selects it, handed with its bytes to background threads that write its `.br` and `.gz`
/// siblings while the build goes on: compression fills the core that the build's
/// single-threaded steps leave idle, and nothing is read back or walked afterwards (issue
/// #7). [`Output::finish`] waits for the siblings.
pub struct Output {
    root: PathBuf,
    mode: Precompress,
    queue: Option<mpsc::Sender<(PathBuf, Vec<u8>)>>,
    workers: Vec<std::thread::JoinHandle<Result<(), String>>>,
}

impl Output {
    pub fn new(root: &Path, mode: Precompress) -> Result<Self, String> {
        let (queue, jobs) = mpsc::channel::<(PathBuf, Vec<u8>)>();
        let jobs = Arc::new(Mutex::new(jobs));
        let threads = if mode == Precompress::None {
            0
        } else {
            std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2)
        };
        let workers = (0..threads)
            .map(|_| {
                let jobs = jobs.clone();
                std::thread::Builder::new().name("compress".into()).spawn(move || -> Result<(), String> {
                    loop {
                        let job = jobs.lock().map_err(|_| "compression queue poisoned".to_string())?.recv();
                        let Ok((path, bytes)) = job else { return Ok(()) };
                        write_siblings(&path, &bytes)?;
                    }
                })
            })
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| format!("cannot start the compression threads: {e}"))?;
        Ok(Output { root: root.to_path_buf(), mode, queue: Some(queue), workers })
    }

    /// Write `rel` (a path under `dist/`, `/`-separated), creating its folders. A path that
    /// is absolute or has a `..`, `.` or empty part is refused before anything is created:
    /// whatever a data file says, nothing is written outside `dist/` (ids are checked where
    /// they are made, `load::ids`; this is the second lock).
    pub fn write(&self, rel: &str, bytes: &[u8]) -> Result<(), String> {
        inside_output(rel)?;
        let path = self.root.join(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        fs::write(&path, bytes).map_err(|e| format!("{}: {e}", path.display()))?;
        if selected(self.mode, Path::new(rel), bytes.len()) {
            if let Some(queue) = &self.queue {
                queue.send((path, bytes.to_vec())).map_err(|_| "the compression threads stopped".to_string())?;
            }
        }
        Ok(())
    }

    /// Wait until every queued file has its siblings.
    pub fn finish(mut self) -> Result<(), String> {
        drop(self.queue.take());
        self.workers.drain(..).try_for_each(|w| w.join().unwrap_or_else(|_| Err("compression thread panicked".into())))
    }
}

/// `Ok` when `rel` names a file inside the output folder: relative, and every part a plain
/// name (no `..`, no `.`, no root, no empty part from `//`).
fn inside_output(rel: &str) -> Result<(), String> {
    let plain = !rel.is_empty()
        && !rel.starts_with('/')
        && !rel.contains("//")
        && Path::new(rel).components().all(|c| matches!(c, Component::Normal(_)))
        && rel.split('/').all(|part| part != "." && part != "..");
    if plain {
        Ok(())
    } else {
        Err(format!(
            "refusing to write {rel:?}: the path would leave the output folder (or is not a plain relative path)"
        ))
    }
}

/// Whether `mode` gives the file at `rel` (under `dist/`) `.br` and `.gz` siblings.
fn selected(mode: Precompress, rel: &Path, len: usize) -> bool {
    let text = matches!(
        rel.extension().and_then(|e| e.to_str()),
        Some("html" | "css" | "js" | "json" | "wasm" | "svg" | "xml" | "txt" | "webmanifest" | "geojson" | "csv")
    );
    let shared = || {
        let big = !rel.starts_with("opendata") && len as u64 >= SIZE_THRESHOLD;
        is_hashed(rel) || rel.starts_with("data") || big
    };
    text && match mode {
        Precompress::All => true,
        Precompress::Shared => shared(),
        Precompress::None => false,
    }
}

/// Brotli's slowest, smallest setting (11) for what every visit fetches: the hashed assets
/// and the area index. 11 costs about 30 ms a file, a minute for the two thousand row files,
/// which get 7 (7% bigger, forty times faster; 9 saves under 1% more at four times the
/// time). Files over a megabyte (open data with `--precompress all`) get brotli 4 and gzip 4.
fn write_siblings(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let (q, gz_level) = brotli_quality(path, bytes.len() as u64);
    fs::write(with_suffix(path, "br"), brotli_bytes(bytes, q)).map_err(|e| e.to_string())?;
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(gz_level));
    gz.write_all(bytes).map_err(|e| e.to_string())?;
    fs::write(with_suffix(path, "gz"), gz.finish().map_err(|e| e.to_string())?).map_err(|e| e.to_string())
}

/// The brotli quality and gzip level of a file's siblings (see [`write_siblings`]).
pub fn brotli_quality(p: &Path, size: u64) -> (i32, u32) {
    if size > 1 << 20 {
        (4, 4)
    } else if is_hashed(p) || p.ends_with("search/areas.json") || p.ends_with("search/areas.en.json") {
        (11, 9)
    } else {
        (7, 6)
    }
}

/// A content-hashed asset (`pkg/…`, `style.<hash>.css`, `boot.<hash>.js`): cached for good.
fn is_hashed(p: &Path) -> bool {
    p.components().any(|c| c.as_os_str() == "pkg") || p.extension().is_some_and(|e| e == "css" || e == "js")
}

pub fn brotli_bytes(bytes: &[u8], quality: i32) -> Vec<u8> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams { quality, ..Default::default() };
    let _ = brotli::BrotliCompress(&mut &bytes[..], &mut out, &params);
    out
}

fn with_suffix(p: &Path, suffix: &str) -> PathBuf {
    let mut s = p.as_os_str().to_owned();
    s.push(".");
    s.push(suffix);
    PathBuf::from(s)
}

pub fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            walk(&p, out);
        } else {
            out.push(p);
        }
    }
}

/// Copy `public/` into `dist/`: unchanged, except `_headers`, whose rules are moved under
/// the base path ([`headers_for_base`]).
pub fn copy_public(public: &Path, out: &Output, base: &str) -> Result<(), String> {
    let mut files = Vec::new();
    walk(public, &mut files);
    for f in files {
        let rel = f.strip_prefix(public).map_err(|e| e.to_string())?;
        let bytes = fs::read(&f).map_err(|e| format!("{}: {e}", f.display()))?;
        if rel == Path::new("_headers") {
            let text = String::from_utf8(bytes).map_err(|e| format!("{}: {e}", f.display()))?;
            out.write("_headers", headers_for_base(&text, base).as_bytes())?;
        } else {
            out.write(&rel.to_string_lossy(), &bytes)?;
        }
    }
    Ok(())
}

/// `public/_headers` (Netlify, Cloudflare Pages) for a site published under `base`: every
/// rule's path (a line starting with `/`) gets the base path in front, so `/embed/:widget/`
/// becomes `/kyoten/navi/embed/:widget/` (issue #20: copied unchanged, the rules of a
/// base-path build matched nothing and no page got its frame-ancestors header).
pub fn headers_for_base(text: &str, base: &str) -> String {
    let prefix = base.trim_end_matches('/');
    let mut out = String::with_capacity(text.len() + 64 * prefix.len());
    for line in text.lines() {
        if line.starts_with('/') {
            out.push_str(prefix);
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// The PNG icons phones ask for, by file name and size in pixels: 192 and 512 for the web
/// app manifest (Android's install prompt needs PNGs), 180 for iOS's home screen.
pub const PNG_ICONS: &[(&str, u32)] = &[("icon-192.png", 192), ("icon-512.png", 512), ("apple-touch-icon.png", 180)];

/// [`PNG_ICONS`] drawn from the SVG icon by resvg. iOS shows transparent corners black and
/// rounds the icon itself, so the apple-touch-icon is drawn on the theme colour.
pub fn png_icons(svg: &[u8]) -> Result<Vec<(&'static str, Vec<u8>)>, String> {
    use resvg::{tiny_skia, usvg};
    let tree = usvg::Tree::from_data(svg, &usvg::Options::default()).map_err(|e| format!("public/icon.svg: {e}"))?;
    let size = tree.size();
    PNG_ICONS
        .iter()
        .map(|&(name, px)| {
            let mut pixmap = tiny_skia::Pixmap::new(px, px).ok_or_else(|| format!("{name}: no {px}px canvas"))?;
            if name == "apple-touch-icon.png" {
                pixmap.fill(tiny_skia::Color::from_rgba8(0x1d, 0x4f, 0x91, 0xff));
            }
            let scale = px as f32 / size.width().max(size.height());
            resvg::render(&tree, tiny_skia::Transform::from_scale(scale, scale), &mut pixmap.as_mut());
            Ok((name, pixmap.encode_png().map_err(|e| format!("{name}: {e}"))?))
        })
        .collect()
}

/// The most URLs one sitemap file may list (sitemaps.org); past it, `sitemap.xml` is an index.
pub const SITEMAP_MAX: usize = 50_000;

/// `sitemap.xml` listing `paths`, or — at national scale, over [`SITEMAP_MAX`] — a sitemap
/// index pointing at `sitemap-1.xml`, `sitemap-2.xml` …: the files to write, by name.
pub fn sitemaps(origin: &str, base: &str, paths: &[String]) -> Vec<(String, String)> {
    let url = |p: &str| crate::markup::html::esc(&format!("{}{}", origin, crate::data::join_base(base, p)));
    let urlset = |paths: &[String]| {
        let mut s = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for p in paths {
            s.push_str(&format!("<url><loc>{}</loc></url>\n", url(p)));
        }
        s.push_str("</urlset>\n");
        s
    };
    if paths.len() <= SITEMAP_MAX {
        return vec![("sitemap.xml".into(), urlset(paths))];
    }
    let parts: Vec<(String, String)> = paths
        .chunks(SITEMAP_MAX)
        .enumerate()
        .map(|(i, part)| (format!("sitemap-{}.xml", i + 1), urlset(part)))
        .collect();
    let mut index = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for (name, _) in &parts {
        index.push_str(&format!("<sitemap><loc>{}</loc></sitemap>\n", url(name)));
    }
    index.push_str("</sitemapindex>\n");
    std::iter::once(("sitemap.xml".to_string(), index)).chain(parts).collect()
}

pub fn robots(origin: &str, base: &str) -> String {
    format!("User-agent: *\nAllow: /\nSitemap: {}{}\n", origin, crate::data::join_base(base, "sitemap.xml"))
}

pub fn manifest(name: &str, base: &str) -> String {
    serde_json::json!({
        "name": name,
        "short_name": name,
        "description": "地域生活支援拠点等の相談先をさがす",
        "lang": "ja",
        "start_url": base,
        "scope": base,
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": "#1d4f91",
        "icons": [
            { "src": crate::data::join_base(base, "icon.svg"), "sizes": "any", "type": "image/svg+xml" },
            { "src": crate::data::join_base(base, "icon-192.png"), "sizes": "192x192", "type": "image/png" },
            { "src": crate::data::join_base(base, "icon-512.png"), "sizes": "512x512", "type": "image/png" }
        ]
    })
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_move_under_the_base_path() {
        let text = "# comment /x\n/*\n  X-Content-Type-Options: nosniff\n/embed/:widget/\n  Cache-Control: no-cache\n";
        assert_eq!(headers_for_base(text, "/"), text);
        assert_eq!(
            headers_for_base(text, "/kyoten/navi/"),
            "# comment /x\n/kyoten/navi/*\n  X-Content-Type-Options: nosniff\n/kyoten/navi/embed/:widget/\n  Cache-Control: no-cache\n"
        );
    }

    #[test]
    fn png_icons_have_their_sizes() {
        let svg = br##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="#fff"/></svg>"##;
        let icons = png_icons(svg).expect("a valid SVG");
        assert_eq!(icons.len(), 3);
        for ((name, png), (want, px)) in icons.iter().zip(PNG_ICONS) {
            assert_eq!(name, want);
            assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
            // IHDR: width and height, big-endian, at bytes 16..24.
            assert_eq!(png[16..20], px.to_be_bytes());
            assert_eq!(png[20..24], px.to_be_bytes());
        }
        assert!(png_icons(b"<not svg").is_err());
    }

    #[test]
    fn minifies_without_changing_rules() {
        let css = "/* tokens */\n:root {\n  --kn-x: 1px;\n}\n.a, .b { color: red; }\n";
        assert_eq!(minify_css(css), ":root{--kn-x: 1px}.a,.b{color: red}");
    }

    #[test]
    fn sitemap_splits_past_fifty_thousand_urls() {
        let few: Vec<String> = vec!["/".into(), "/search/".into()];
        let one = sitemaps("https://example.jp", "/sub/", &few);
        assert_eq!(one.len(), 1);
        assert!(one[0].1.contains("<urlset") && one[0].1.contains("<loc>https://example.jp/sub/search/</loc>"));
        let many: Vec<String> = (0..SITEMAP_MAX + 1).map(|i| format!("/facilities/f{i}/")).collect();
        let files = sitemaps("https://example.jp", "/", &many);
        let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["sitemap.xml", "sitemap-1.xml", "sitemap-2.xml"]);
        assert!(
            files[0].1.contains("<sitemapindex") && files[0].1.contains("<loc>https://example.jp/sitemap-2.xml</loc>")
        );
        assert_eq!(files[1].1.matches("<url>").count(), SITEMAP_MAX);
        assert_eq!(files[2].1.matches("<url>").count(), 1);
        assert!(files[2].1.contains(&format!("/facilities/f{SITEMAP_MAX}/")));
    }

    #[test]
    fn the_writer_refuses_paths_that_leave_the_output_folder() {
        let tmp = tempfile::tempdir().expect("tmp");
        let root = tmp.path().join("dist");
        let out = Output::new(&root, Precompress::None).expect("output");
        for rel in [
            "facilities/w1234567890/../../../../tmp/x-5e0b/index.html",
            "../x.html",
            "/tmp/x.html",
            "a/./b.html",
            "a//b.html",
            "..",
            "",
        ] {
            assert!(out.write(rel, b"x").is_err(), "{rel:?} was written");
        }
        let mut written = Vec::new();
        walk(tmp.path(), &mut written);
        assert!(written.is_empty(), "{written:?}");
        out.write("facilities/w1412606194-5e0b/index.html", b"ok").expect("a plain path");
        assert_eq!(fs::read(root.join("facilities/w1412606194-5e0b/index.html")).expect("read"), b"ok");
        out.finish().expect("finish");
    }

    #[test]
    fn hashes_names() {
        let n = hashed_name("style.css", b"x");
        assert!(n.starts_with("style.") && n.ends_with(".css") && n.len() == "style..css".len() + 10, "{n}");
    }
}
