//! `bench`: the scale benchmark (issue #7). Builds a content folder into `dist/` without
//! compiling anything, then writes the same bytes again as a disk-write floor, and measures
//! what a family downloads and waits for: the brotli size of one prefecture's finder data
//! and the time of each keystroke's query over the densest prefecture.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::assets::{brotli_bytes, walk};
use super::site::{build_site, BuildError, BuildOptions};
use crate::search::query::{matching, Filters, FinderRow};

/// The fixed query list: what people type, one keystroke at a time.
pub const QUERIES: &[&str] = &["そうだん", "ひまわり", "しょーとすてい", "ｼｮｰﾄｽﾃｲ", "グループホーム", "kikan", "相談支援センター", "社会福祉法人", "つばさ", "あおば"];

pub struct Report {
    pub facilities: usize,
    pub pages: usize,
    pub build: Duration,
    pub floor: Duration,
    pub bytes: u64,
    pub files: usize,
    pub densest: String,
    pub densest_rows: usize,
    pub shard_brotli: usize,
    pub areas_brotli: usize,
    pub query_median: Duration,
    pub query_p95: Duration,
}

pub fn bench(content: &Path, out: &Path, root: &Path) -> Result<Report, String> {
    let opts = BuildOptions { content: content.to_path_buf(), out: out.to_path_buf(), base_path: "/".into(), wasm: false, root: root.to_path_buf() };
    let started = Instant::now();
    let pages = build_site(&opts, &mut |_| {}).map_err(|e| match e {
        BuildError::Content(d) => format!("{} content problem(s), first: {}", d.len(), d[0]),
        BuildError::Other(m) => m,
    })?;
    let build = started.elapsed();

    // The floor: the same files and bytes, written again, in the same run.
    let mut files = Vec::new();
    walk(out, &mut files);
    let blobs: Vec<(PathBuf, Vec<u8>)> = files.iter().map(|p| (p.strip_prefix(out).map(Path::to_path_buf).unwrap_or_default(), fs::read(p).unwrap_or_default())).collect();
    let bytes = blobs.iter().map(|(_, b)| b.len() as u64).sum();
    let floor_dir = out.with_extension("floor");
    let _ = fs::remove_dir_all(&floor_dir);
    let started = Instant::now();
    for (rel, blob) in &blobs {
        let to = floor_dir.join(rel);
        if let Some(parent) = to.parent() {
            fs::create_dir_all(parent).map_err(|e| e.to_string())?;
        }
        fs::write(&to, blob).map_err(|e| e.to_string())?;
    }
    let floor = started.elapsed();
    let _ = fs::remove_dir_all(&floor_dir);

    // The densest prefecture's shard and the area index, as a family downloads them.
    let search = blobs.iter().filter(|(rel, _)| rel.to_string_lossy().contains("/search/") && rel.extension().is_some_and(|e| e == "json"));
    let (mut densest, mut densest_json, mut areas_json) = (String::new(), Vec::new(), Vec::new());
    for (rel, blob) in search {
        let name = rel.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        if name == "areas.json" {
            areas_json = blob.clone();
        } else if blob.len() > densest_json.len() {
            densest = name;
            densest_json = blob.clone();
        }
    }
    let rows: Vec<FinderRow> = serde_json::from_slice(&densest_json).map_err(|e| e.to_string())?;
    let facilities = blobs.iter().filter(|(rel, _)| rel.starts_with("facilities") && rel.ends_with("index.html")).count();

    let times = keystroke_times(&rows);
    Ok(Report {
        facilities,
        pages,
        build,
        floor,
        bytes,
        files: blobs.len(),
        densest,
        densest_rows: rows.len(),
        shard_brotli: brotli_bytes(&densest_json, 11).len(),
        areas_brotli: brotli_bytes(&areas_json, 11).len(),
        query_median: percentile(&times, 50),
        query_p95: percentile(&times, 95),
    })
}

/// Each prefix of each query, as typed, matched over the whole shard (no area chosen: the
/// worst case), ten rounds.
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
    pub fn markdown(&self, label: &str) -> String {
        let ms = |d: Duration| format!("{:.3} ms", d.as_secs_f64() * 1000.0);
        format!(
            "| {label} | {} | {} | {:.1} s | {:.1} s ({:.1}×) | {} files, {:.0} MB | {} ({} rows): {:.1} KB br + areas {:.1} KB br | {} / {} |\n",
            self.facilities,
            self.pages,
            self.build.as_secs_f64(),
            self.floor.as_secs_f64(),
            self.build.as_secs_f64() / self.floor.as_secs_f64().max(1e-9),
            self.files,
            self.bytes as f64 / 1e6,
            self.densest,
            self.densest_rows,
            self.shard_brotli as f64 / 1024.0,
            self.areas_brotli as f64 / 1024.0,
            ms(self.query_median),
            ms(self.query_p95),
        )
    }
}

pub const HEADER: &str = "| content | facility pages | routes | build (no compile) | disk-write floor | dist | densest prefecture data | native query median / p95 |\n|---|---|---|---|---|---|---|---|\n";
