//! `bench`: the scale benchmark (issue #7). Builds a content folder into `dist/` without
//! compiling anything, then writes the same files and bytes again as a disk-write floor, and
//! measures what a family downloads and waits for: the brotli size of the finder data one
//! search fetches (the area index and the chosen area's row files), and the time of each
//! keystroke's query over the densest prefecture. With `--browser` it also builds the site
//! with its wasm and runs `tests/bench/browser-bench.mjs` in headless Chromium.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use super::assets::{brotli_bytes, brotli_quality, walk, Precompress};
use super::build::{build_site, BuildError, BuildOptions};
use crate::features::finder::areas::{area_codes, row_files, AreaEntry, AreaIndex};
use crate::features::finder::query::{matching, Filters, FinderRow};

/// The fixed query list: what people type, one keystroke at a time.
pub const QUERIES: &[&str] = &[
    "そうだん",
    "ひまわり",
    "しょーとすてい",
    "ｼｮｰﾄｽﾃｲ",
    "グループホーム",
    "kikan",
    "相談支援センター",
    "社会福祉法人",
    "つばさ",
    "あおば",
];

/// One data download: what it is, how many facility rows it holds, its brotli bytes (at the
/// quality of the `.br` sibling `build` writes) and gzip (-9) bytes.
#[derive(Clone, Debug, Default)]
pub struct Download {
    pub what: String,
    pub rows: usize,
    pub files: usize,
    pub brotli: usize,
    pub gzip: usize,
}

/// One build of the content and its disk-write floor.
#[derive(Clone, Copy, Debug)]
pub struct Round {
    pub build: Duration,
    pub floor: Duration,
    /// Threads the floor was fastest with.
    pub floor_threads: usize,
}

fn ratio(build: Duration, floor: Duration) -> f64 {
    build.as_secs_f64() / floor.as_secs_f64().max(1e-9)
}

pub struct Report {
    pub facilities: usize,
    pub pages: usize,
    pub precompress: Precompress,
    /// Build and floor of each round, in order.
    pub rounds: Vec<Round>,
    pub bytes: u64,
    pub files: usize,
    /// `search/areas.json`, which every search needs.
    pub index: Download,
    /// The area whose search downloads the most row data (a designated city with its wards,
    /// a region, or a municipality).
    pub biggest_search: Download,
    pub densest_municipality: Download,
    /// Every row file of the densest prefecture (no search downloads this much).
    pub densest_prefecture: Download,
    pub densest_prefecture_code: String,
    /// Native keystroke query times over all of the densest prefecture's rows.
    pub query_median: Duration,
    pub query_p95: Duration,
    /// The browser benchmark's own report (JSON), when run.
    pub browser: Option<String>,
}

pub fn bench(
    content: &Path,
    out: &Path,
    root: &Path,
    precompress: Precompress,
    rounds: usize,
    browser: bool,
) -> Result<Report, String> {
    let build_err = |e| match e {
        BuildError::Content(d) => format!("{} content problem(s), first: {}", d.len(), d[0]),
        BuildError::Other(m) => m,
    };
    // A previous run's output is moved aside, and deleted only once everything is measured:
    // ext4 allocates inodes slowly for a few minutes after many files are deleted, which
    // would slow the build (measured first) more than the floor.
    let trash = out.with_extension("old");
    let _ = fs::remove_dir_all(&trash);
    if out.exists() {
        fs::rename(out, &trash).map_err(|e| format!("cannot move {} aside: {e}", out.display()))?;
    }
    // The content is read once before timing: the floor only writes, and reading 50,000 files
    // back from disk (seconds when the page cache has dropped them) is not the build's work.
    let mut inputs = Vec::new();
    walk(content, &mut inputs);
    let warm: u64 = inputs.iter().map(|p| fs::read(p).map(|b| b.len() as u64).unwrap_or_default()).sum();
    eprintln!("  content read once before timing: {} files, {:.1} MB", inputs.len(), warm as f64 / 1e6);
    // Each round builds into its own folder and then writes the same bytes twice more (the
    // floor); nothing is deleted until every round is measured. The last round's folder is
    // `out`, which the browser benchmark and the size figures below use.
    let threads = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2);
    let mut timings = Vec::new();
    let mut leftovers = vec![trash];
    let mut pages = 0;
    let mut blobs: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    for round in 1..=rounds.max(1) {
        let dir = if round == rounds.max(1) { out.to_path_buf() } else { out.with_extension(format!("round{round}")) };
        let opts = BuildOptions {
            content: content.to_path_buf(),
            out: dir.clone(),
            base_path: "/".into(),
            wasm: None,
            root: root.to_path_buf(),
            precompress,
        };
        let started = Instant::now();
        pages = build_site(&opts, &mut |m| eprintln!("  {m}")).map_err(build_err)?;
        let build = started.elapsed();
        // The floor: the same files and bytes, written again, in the same run, once on one
        // thread and once on as many as the build renders with; the faster counts.
        let mut files = Vec::new();
        walk(&dir, &mut files);
        blobs = files
            .iter()
            .map(|p| (p.strip_prefix(&dir).map(Path::to_path_buf).unwrap_or_default(), fs::read(p).unwrap_or_default()))
            .collect();
        let mut floors = Vec::new();
        for n in [1, threads] {
            let to = out.with_extension(format!("floor{round}-{n}"));
            let _ = fs::remove_dir_all(&to);
            let started = Instant::now();
            write_all(&to, &blobs, n)?;
            floors.push((started.elapsed(), n));
            leftovers.push(to);
        }
        if dir != out {
            leftovers.push(dir);
        }
        let (floor, floor_threads) = floors.iter().copied().min().unwrap_or_default();
        eprintln!("  round {round}: build {build:.1?}; disk-write floor {:.1?} on 1 thread, {:.1?} on {threads}; ratio {:.1}×", floors[0].0, floors[1].0, ratio(build, floor));
        timings.push(Round { build, floor, floor_threads });
    }
    for dir in leftovers {
        let _ = fs::remove_dir_all(dir);
    }
    let bytes = blobs.iter().map(|(_, b)| b.len() as u64).sum();

    // The finder's data as the browser gets it.
    let search: BTreeMap<String, &Vec<u8>> = blobs
        .iter()
        .filter_map(|(rel, blob)| {
            let s = rel.to_string_lossy();
            let at = s.find("/search/")?;
            s.ends_with(".json").then(|| (s[at + "/search/".len()..].to_string(), blob))
        })
        .collect();
    let index_json = search.get("areas.json").ok_or("no search/areas.json in the build")?;
    let areas: Vec<AreaEntry> =
        serde_json::from_slice::<AreaIndex>(index_json).map_err(|e| format!("areas.json: {e}"))?.into_entries();
    let file_rows: BTreeMap<&str, u32> = areas.iter().map(|a| (a.file.as_str(), a.file_rows)).collect();
    let sizes = |files: &[String], what: String| -> Download {
        let mut d = Download { what, files: files.len(), ..Default::default() };
        for f in files {
            let name = format!("rows/{f}.json");
            if let Some(blob) = search.get(&name) {
                d.rows += file_rows.get(f.as_str()).copied().unwrap_or_default() as usize;
                d.brotli += shipped_brotli(&name, blob);
                d.gzip += gzip_len(blob);
            }
        }
        d
    };
    let index = Download {
        what: "areas.json".into(),
        rows: 0,
        files: 1,
        brotli: shipped_brotli("areas.json", index_json),
        gzip: gzip_len(index_json),
    };

    // The search that downloads the most rows (most rows ≈ most bytes), then its bytes.
    let files_of = |id: &str| row_files(&areas, &area_codes(&areas, id));
    let search_rows =
        |id: &str| files_of(id).iter().map(|f| file_rows.get(f.as_str()).copied().unwrap_or_default()).sum::<u32>();
    // The first of equals: a city rather than its wards, which download the city's file too.
    let biggest = areas.iter().rev().max_by_key(|a| search_rows(&a.id)).ok_or("the area index is empty")?;
    let biggest_search = sizes(&files_of(&biggest.id), format!("{} ({})", biggest.name, biggest.id));
    let densest = areas
        .iter()
        .filter(|a| a.members.is_empty() && a.parent.is_none())
        .max_by_key(|a| a.file_rows)
        .ok_or("no municipality")?;
    let densest_municipality = sizes(std::slice::from_ref(&densest.file), format!("{} ({})", densest.name, densest.id));
    let mut by_pref: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for a in areas.iter().filter(|a| a.rows > 0 && a.members.is_empty() && a.parent.is_none()) {
        by_pref.entry(a.id.get(..2).unwrap_or_default()).or_default().push(a.file.clone());
    }
    for a in areas.iter().filter(|a| a.rows > 0 && a.parent.is_some()) {
        // A ward with rows but a city without its own: the city's file still counts.
        let list = by_pref.entry(a.id.get(..2).unwrap_or_default()).or_default();
        if !list.contains(&a.file) {
            list.push(a.file.clone());
        }
    }
    let (pref_code, pref_files) = by_pref
        .iter()
        .max_by_key(|(_, files)| {
            files.iter().map(|f| file_rows.get(f.as_str()).copied().unwrap_or_default()).sum::<u32>()
        })
        .ok_or("no facilities")?;
    let pref_name =
        areas.iter().find(|a| a.id.starts_with(*pref_code)).map(|a| a.prefecture.clone()).unwrap_or_default();
    let densest_prefecture = sizes(pref_files, format!("{pref_name} (code {pref_code})"));

    // Every keystroke over the whole densest prefecture: more rows than any one search.
    let mut rows: Vec<FinderRow> = Vec::new();
    for f in pref_files {
        if let Some(blob) = search.get(&format!("rows/{f}.json")) {
            let mut list: Vec<FinderRow> = serde_json::from_slice(blob).map_err(|e| format!("rows/{f}.json: {e}"))?;
            list.iter_mut().for_each(|r| r.prepare(f));
            rows.extend(list);
        }
    }
    let times = keystroke_times(&rows);
    let facilities =
        blobs.iter().filter(|(rel, _)| rel.starts_with("facilities") && rel.ends_with("index.html")).count();
    let mut report = Report {
        facilities,
        pages,
        precompress,
        rounds: timings,
        bytes,
        files: blobs.len(),
        index,
        biggest_search,
        densest_municipality,
        densest_prefecture,
        densest_prefecture_code: pref_code.to_string(),
        query_median: percentile(&times, 50),
        query_p95: percentile(&times, 95),
        browser: None,
    };
    drop(blobs);
    if browser {
        // Every municipality and ward of the prefecture with facilities.
        let codes: Vec<String> = areas
            .iter()
            .filter(|a| a.rows > 0 && a.members.is_empty() && a.id.starts_with(*pref_code))
            .map(|a| a.id.clone())
            .collect();
        report.browser =
            Some(browser_bench(content, out, root, &report.densest_prefecture_code, &codes, &biggest.id, &densest.id)?);
    }
    Ok(report)
}

/// Build the same content with its wasm and one more area — a region of every municipality
/// of the densest prefecture, so that one search lists and maps all of its facilities — and
/// run `tests/bench/browser-bench.mjs` over it. The copy is the benchmark's own: the
/// region never reaches `content/`.
fn browser_bench(
    content: &Path,
    out: &Path,
    root: &Path,
    pref: &str,
    codes: &[String],
    biggest: &str,
    densest: &str,
) -> Result<String, String> {
    let copy = out.with_extension("content");
    let _ = fs::remove_dir_all(&copy);
    let mut files = Vec::new();
    walk(content, &mut files);
    for f in &files {
        let to = copy.join(f.strip_prefix(content).map_err(|e| e.to_string())?);
        fs::create_dir_all(to.parent().unwrap_or(&copy)).map_err(|e| e.to_string())?;
        fs::copy(f, &to).map_err(|e| format!("{}: {e}", f.display()))?;
    }
    let region = format!("bench-pref-{pref}");
    fs::create_dir_all(copy.join("areas")).map_err(|e| e.to_string())?;
    let members = codes.iter().map(|c| format!("\"{c}\"")).collect::<Vec<_>>().join(", ");
    fs::write(
        copy.join(format!("areas/{region}.md")),
        format!(
            "+++\nname = \"都道府県全域（性能測定用）\"\nkana = \"せいのうそくてい\"\nmembers = [{members}]\n+++\n"
        ),
    )
    .map_err(|e| e.to_string())?;
    let web = out.with_extension("web");
    let opts = BuildOptions {
        content: copy.clone(),
        out: web.clone(),
        base_path: "/".into(),
        wasm: Some(crate::site::wasm::WasmMode::Release),
        root: root.to_path_buf(),
        precompress: Precompress::None,
    };
    build_site(&opts, &mut |m| eprintln!("  {m}")).map_err(|e| match e {
        BuildError::Content(d) => format!("{} content problem(s) in the browser copy, first: {}", d.len(), d[0]),
        BuildError::Other(m) => m,
    })?;
    let _ = fs::remove_dir_all(&copy);
    let script = root.join("tests/bench/browser-bench.mjs");
    let run = Command::new("node")
        .arg(&script)
        .env("KN_DIST", &web)
        .env(
            "KN_BENCH_AREAS",
            if biggest == densest { format!("{region},{biggest}") } else { format!("{region},{biggest},{densest}") },
        )
        .output()
        .map_err(|e| format!("cannot run node {}: {e}", script.display()))?;
    eprint!("{}", String::from_utf8_lossy(&run.stderr));
    if !run.status.success() {
        return Err(format!("{} failed", script.display()));
    }
    Ok(String::from_utf8_lossy(&run.stdout).trim().to_string())
}

/// Write `blobs` under `dir` on `threads` threads.
fn write_all(dir: &Path, blobs: &[(PathBuf, Vec<u8>)], threads: usize) -> Result<(), String> {
    let size = blobs.len().div_ceil(threads).max(1);
    std::thread::scope(|s| {
        let parts: Vec<_> = blobs
            .chunks(size)
            .map(|part| {
                s.spawn(move || -> Result<(), String> {
                    for (rel, blob) in part {
                        let to = dir.join(rel);
                        if let Some(parent) = to.parent() {
                            fs::create_dir_all(parent).map_err(|e| e.to_string())?;
                        }
                        fs::write(&to, blob).map_err(|e| e.to_string())?;
                    }
                    Ok(())
                })
            })
            .collect();
        parts.into_iter().try_for_each(|p| p.join().unwrap_or_else(|_| Err("floor thread panicked".into())))
    })
}

/// Brotli bytes at the quality `build` gives the file's `.br` sibling.
fn shipped_brotli(name: &str, bytes: &[u8]) -> usize {
    let (q, _) = brotli_quality(&Path::new("data/search").join(name), bytes.len() as u64);
    brotli_bytes(bytes, q).len()
}

fn gzip_len(bytes: &[u8]) -> usize {
    use std::io::Write;
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let _ = gz.write_all(bytes);
    gz.finish().map_or(0, |v| v.len())
}

/// Each prefix of each query, as typed, matched over all `rows` (no area chosen: the worst
/// case), ten rounds.
pub fn keystroke_times(rows: &[FinderRow]) -> Vec<Duration> {
    let mut times = Vec::new();
    for _ in 0..10 {
        for q in QUERIES {
            let mut typed = String::new();
            for c in q.chars() {
                typed.push(c);
                let f = Filters { text: typed.clone(), ..Default::default() };
                let started = Instant::now();
                let n = matching(rows, &f, &[]).len();
                times.push(started.elapsed());
                std::hint::black_box(n);
            }
        }
    }
    times.sort();
    times
}

pub fn percentile(sorted: &[Duration], p: usize) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    sorted[((sorted.len() - 1) * p) / 100]
}

impl Report {
    /// The median of the rounds' build / floor ratios (the upper middle of an even count).
    pub fn median_ratio(&self) -> f64 {
        let mut r: Vec<f64> = self.rounds.iter().map(|r| ratio(r.build, r.floor)).collect();
        r.sort_by(f64::total_cmp);
        r.get(r.len() / 2).copied().unwrap_or_default()
    }

    /// The figures as Markdown, for `BENCHMARKS.md`.
    pub fn markdown(&self, label: &str) -> String {
        let ms = |d: Duration| format!("{:.3} ms", d.as_secs_f64() * 1000.0);
        let kb = |n: usize| format!("{:.1} KB", n as f64 / 1024.0);
        let dl = |d: &Download| {
            format!("{}: {} rows in {} file(s), {} br / {} gz", d.what, d.rows, d.files, kb(d.brotli), kb(d.gzip))
        };
        let mut s = format!("### {label}\n\n");
        s.push_str(&format!(
            "- facility pages {}, routes {}, dist {} files, {:.0} MB (precompress: {:?})\n",
            self.facilities,
            self.pages,
            self.files,
            self.bytes as f64 / 1e6,
            self.precompress
        ));
        for (i, r) in self.rounds.iter().enumerate() {
            s.push_str(&format!(
                "- round {}: build (no compile) {:.1} s; disk-write floor {:.1} s ({} thread(s)); ratio {:.1}×\n",
                i + 1,
                r.build.as_secs_f64(),
                r.floor.as_secs_f64(),
                r.floor_threads,
                ratio(r.build, r.floor)
            ));
        }
        s.push_str(&format!(
            "- **build / floor, median of {} round(s): {:.1}×**\n",
            self.rounds.len(),
            self.median_ratio()
        ));
        s.push_str(&format!("- area index (every search): {}\n", dl(&self.index)));
        s.push_str(&format!("- biggest search: {}\n", dl(&self.biggest_search)));
        s.push_str(&format!(
            "- most a family downloads for one search (index + biggest search): {} br / {} gz\n",
            kb(self.index.brotli + self.biggest_search.brotli),
            kb(self.index.gzip + self.biggest_search.gzip)
        ));
        s.push_str(&format!("- densest municipality: {}\n", dl(&self.densest_municipality)));
        s.push_str(&format!(
            "- densest prefecture, all its files (no search needs them all): {}\n",
            dl(&self.densest_prefecture)
        ));
        s.push_str(&format!(
            "- native keystroke query over the densest prefecture's {} rows: median {}, p95 {}\n",
            self.densest_prefecture.rows,
            ms(self.query_median),
            ms(self.query_p95)
        ));
        if let Some(b) = &self.browser {
            s.push_str(&format!("- browser (headless Chromium, real wasm): {b}\n"));
        }
        s
    }
}
