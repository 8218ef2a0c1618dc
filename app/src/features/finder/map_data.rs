//! The finder map's geometry, shared by the builder and the browser: one projection (so
//! the outlines written at build time, the pins placed in the browser and the optional GSI
//! tiles line up), the format of `data/<build>/map/*.json`, and clustering on a grid per
//! zoom level. Pure functions: the view and its events live in
//! `features/finder/map/`, the TopoJSON decoding in `site/geo.rs`.

use serde::{Deserialize, Serialize};

use crate::math::{cos, exp2, ln, log2, sin};

/// Map units are Web Mercator pixels at zoom 12 (about 30 m in Japan), so that the GSI
/// tiles (Web Mercator too) sit exactly under the outlines.
pub const UNIT_ZOOM: i32 = 12;
const WORLD: f64 = 256.0 * 4096.0;
/// Subtracted from every projected point so that Japan starts near 0 (about 122°E, 46°N):
/// smaller numbers, smaller files.
pub const ORIGIN: (f64, f64) = (879_000.0, 373_000.0);

/// Screen pixels per map unit, from all of Japan on a phone to street level.
pub const MIN_SCALE: f64 = 1.0 / 512.0;
pub const MAX_SCALE: f64 = 4.0;
/// From this scale on, municipalities are drawn (a prefecture's width fills the screen).
pub const MUNICIPALITY_SCALE: f64 = 1.0 / 32.0;
/// Pins closer than this many screen pixels merge into one cluster: one tap target each
/// (WCAG 2.5.8 asks 24 px, the project 44 px).
pub const CLUSTER_PX: f64 = 44.0;

/// Map units of a point given in degrees.
pub fn project(lat: f64, lng: f64) -> (f64, f64) {
    let lat = lat.clamp(-85.0, 85.0);
    let x = (lng + 180.0) / 360.0 * WORLD;
    let s = sin(lat.to_radians());
    let y = (0.5 - ln((1.0 + s) / (1.0 - s)) / (4.0 * std::f64::consts::PI)) * WORLD;
    (x - ORIGIN.0, y - ORIGIN.1)
}

/// One outline of `japan.json` (a prefecture) or of `pref-NN.json` (a municipality),
/// written as an array `[code, name, bbox, label, path]` (smaller files, less decoding code).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(from = "ShapeRow", into = "ShapeRow")]
pub struct MapShape {
    /// 2-digit prefecture code or 5-digit municipality code (N03_007, no check digit).
    pub code: String,
    pub name: String,
    /// Bounding box `[x, y, width, height]` in map units.
    pub bbox: [i32; 4],
    /// Where the name goes.
    pub label: [i32; 2],
    /// SVG path data in map units: per ring an absolute `M`, relative `l` steps and `z`.
    pub path: String,
}

#[derive(Serialize, Deserialize)]
struct ShapeRow(String, String, [i32; 4], [i32; 2], String);

impl From<ShapeRow> for MapShape {
    fn from(ShapeRow(code, name, bbox, label, path): ShapeRow) -> Self {
        MapShape { code, name, bbox, label, path }
    }
}

impl From<MapShape> for ShapeRow {
    fn from(s: MapShape) -> Self {
        ShapeRow(s.code, s.name, s.bbox, s.label, s.path)
    }
}

/// Zoom levels per doubling of the scale: clusters stay put while the scale changes by
/// less than a fifth, and a cell stays between 44 and 52 pixels on screen.
pub const LEVELS_PER_DOUBLING: f64 = 4.0;

/// The zoom level of a scale: scales within one level cluster alike.
pub fn level(scale: f64) -> i32 {
    (log2(scale.clamp(MIN_SCALE, MAX_SCALE)) * LEVELS_PER_DOUBLING + 1e-9).floor() as i32
}

/// The scale that a level's clusters are made for (the smallest scale of the level).
pub fn level_scale(level: i32) -> f64 {
    exp2(level as f64 / LEVELS_PER_DOUBLING)
}

/// A group of nearby points. `members` indexes the `order` slice returned alongside.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Cluster {
    pub x: f64,
    pub y: f64,
    /// Range into the member order.
    pub start: u32,
    pub end: u32,
    /// Members' bounding box `[min x, min y, max x, max y]`.
    pub bbox: [f64; 4],
}

impl Cluster {
    pub fn len(&self) -> usize {
        (self.end - self.start) as usize
    }

    pub fn is_empty(&self) -> bool {
        self.end == self.start
    }
}

/// Cluster `points` for screens showing `scale` pixels per unit: bucket by a grid of
/// [`CLUSTER_PX`], then merge buckets whose centres are still closer than that (a grid alone
/// leaves neighbours across a cell edge overlapping). Returns the clusters in keyboard order
/// (rows of cells top to bottom, each left to right) and the member order they index.
/// O(n log n) for the grid plus O(c²) over the occupied cells; a handful of vectors, none per
/// cluster.
pub fn cluster(points: &[(f64, f64)], scale: f64) -> (Vec<Cluster>, Vec<u32>) {
    let cell = CLUSTER_PX / scale;
    // Every sort here orders plain u64 keys: one sort in the wasm, not one per comparator
    // (`super::order`).
    let grid = |v: f64| (v / cell).floor().clamp(0.0, 1_048_575.0) as u64;
    let mut keyed: Vec<u64> =
        points.iter().enumerate().map(|(i, &(x, y))| grid(y) << 40 | grid(x) << 20 | i as u64).collect();
    keyed.sort_unstable();
    // Occupied cells as ranges of `keyed`, with their sums.
    let mut cells: Vec<(Acc, usize, usize)> = Vec::new();
    let mut i = 0;
    while i < keyed.len() {
        let (cell_key, start) = (keyed[i] >> 20, i);
        let mut acc = Acc::default();
        while i < keyed.len() && keyed[i] >> 20 == cell_key {
            acc.add(points[(keyed[i] & 0xf_ffff) as usize]);
            i += 1;
        }
        cells.push((acc, start, i));
    }
    // Biggest first, so that small groups join big ones rather than the reverse.
    let mut by_size: Vec<u64> =
        cells.iter().enumerate().map(|(c, cl)| u64::from(u32::MAX - cl.0.n) << 32 | c as u64).collect();
    by_size.sort_unstable();
    let mut kept: Vec<Acc> = Vec::with_capacity(cells.len());
    let mut owner = vec![0u32; cells.len()];
    for c in by_size.into_iter().map(|k| (k & 0xffff_ffff) as usize) {
        let a = &cells[c].0;
        let (x, y) = a.centre();
        match kept.iter().position(|k| {
            let (kx, ky) = k.centre();
            (kx - x).abs() < cell && (ky - y).abs() < cell
        }) {
            Some(k) => {
                kept[k].merge(a);
                owner[c] = k as u32;
            }
            None => {
                owner[c] = kept.len() as u32;
                kept.push(a.clone());
            }
        }
    }
    // Keyboard order of the kept clusters (rows of cells, then x), then their members laid
    // out in that order.
    let mut rank: Vec<u64> = kept
        .iter()
        .enumerate()
        .map(|(k, a)| {
            let (x, y) = a.centre();
            grid(y) << 40 | (x.clamp(0.0, 1_048_575.0) as u64) << 20 | k as u64
        })
        .collect();
    rank.sort_unstable();
    let mut position = vec![0u32; kept.len()];
    let mut clusters = Vec::with_capacity(kept.len());
    let mut start = 0u32;
    for (p, k) in rank.into_iter().map(|r| (r & 0xf_ffff) as usize).enumerate() {
        position[k] = p as u32;
        let a = &kept[k];
        let (x, y) = a.centre();
        clusters.push(Cluster { x, y, start, end: start + a.n, bbox: a.bbox });
        start += a.n;
    }
    // Members in grid order within each cluster.
    let mut fill: Vec<u32> = clusters.iter().map(|c| c.start).collect();
    let mut order = vec![0u32; points.len()];
    for (c, (_, s, e)) in cells.iter().enumerate() {
        let p = position[owner[c] as usize] as usize;
        for &k in &keyed[*s..*e] {
            order[fill[p] as usize] = (k & 0xf_ffff) as u32;
            fill[p] += 1;
        }
    }
    (clusters, order)
}

/// A running sum of points: count, centre and bounding box.
#[derive(Clone, Debug)]
struct Acc {
    sum: [f64; 2],
    n: u32,
    bbox: [f64; 4],
}

impl Default for Acc {
    fn default() -> Self {
        Acc { sum: [0.0, 0.0], n: 0, bbox: [f64::MAX, f64::MAX, f64::MIN, f64::MIN] }
    }
}

impl Acc {
    fn add(&mut self, (x, y): (f64, f64)) {
        self.sum = [self.sum[0] + x, self.sum[1] + y];
        self.n += 1;
        self.bbox = [self.bbox[0].min(x), self.bbox[1].min(y), self.bbox[2].max(x), self.bbox[3].max(y)];
    }

    fn merge(&mut self, o: &Acc) {
        self.sum = [self.sum[0] + o.sum[0], self.sum[1] + o.sum[1]];
        self.n += o.n;
        self.bbox = [
            self.bbox[0].min(o.bbox[0]),
            self.bbox[1].min(o.bbox[1]),
            self.bbox[2].max(o.bbox[2]),
            self.bbox[3].max(o.bbox[3]),
        ];
    }

    fn centre(&self) -> (f64, f64) {
        (self.sum[0] / self.n as f64, self.sum[1] / self.n as f64)
    }
}

/// Where the `i`-th of `n` pins sharing one position is drawn at the closest zoom, in screen
/// pixels from that position: a ring, so each stays a separate tap target (many open-data
/// facilities share their municipality hall's position).
pub fn spread(i: usize, n: usize) -> (f64, f64) {
    if n <= 1 {
        return (0.0, 0.0);
    }
    // Neighbours on the ring one tap target apart.
    let r = (CLUSTER_PX / 2.0 / sin(std::f64::consts::PI / n as f64)).max(CLUSTER_PX * 0.75);
    let a = std::f64::consts::TAU * i as f64 / n as f64 - std::f64::consts::FRAC_PI_2;
    (r * cos(a), r * sin(a))
}

/// One GSI tile under the view: its URL and placement in map units.
#[derive(Clone, Debug, PartialEq)]
pub struct Tile {
    pub url: String,
    pub x: f64,
    pub y: f64,
    pub size: f64,
}

/// The GSI 淡色地図 tiles covering `[x, y, width, height]` (map units) at `scale`, at most
/// `limit` of them (none beyond it: a blank background beats a storm of requests).
pub fn tiles(view: [f64; 4], scale: f64, limit: usize) -> Vec<Tile> {
    // One tile pixel per screen pixel; the 淡色地図 exists from zoom 5 to 18.
    let z = (UNIT_ZOOM as f64 + log2(scale) + 0.5).floor().clamp(5.0, 18.0) as i32;
    let size = 256.0 * 2f64.powi(UNIT_ZOOM - z);
    let n = 1i64 << z;
    let x0 = ((view[0] + ORIGIN.0) / size).floor().max(0.0) as i64;
    let y0 = ((view[1] + ORIGIN.1) / size).floor().max(0.0) as i64;
    let x1 = (((view[0] + view[2] + ORIGIN.0) / size).floor() as i64).min(n - 1);
    let y1 = (((view[1] + view[3] + ORIGIN.1) / size).floor() as i64).min(n - 1);
    if x1 < x0 || y1 < y0 || ((x1 - x0 + 1) * (y1 - y0 + 1)) as usize > limit {
        return Vec::new();
    }
    let mut out = Vec::new();
    for ty in y0..=y1 {
        for tx in x0..=x1 {
            out.push(Tile {
                url: format!("https://cyberjapandata.gsi.go.jp/xyz/pale/{z}/{tx}/{ty}.png"),
                x: tx as f64 * size - ORIGIN.0,
                y: ty as f64 * size - ORIGIN.1,
                size,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn japan_projects_to_small_positive_units() {
        // 国分寺市役所; Tokyo station is about 30 km east, i.e. about 1,000 units.
        let (x, y) = project(35.71083333, 139.4622222);
        assert!((50_000.0..53_000.0).contains(&x) && (38_000.0..41_000.0).contains(&y), "{x} {y}");
        let (tx, _) = project(35.681, 139.767);
        assert!((tx - x - 910.0).abs() < 30.0, "{}", tx - x);
        // The whole country stays within 0..100,000 units.
        for (lat, lng) in [(45.56, 141.94), (20.42, 136.08), (24.45, 122.93), (24.28, 153.99)] {
            let (x, y) = project(lat, lng);
            assert!((0.0..100_000.0).contains(&x) && (0.0..100_000.0).contains(&y), "{lat},{lng} → {x},{y}");
        }
    }

    #[test]
    fn clusters_merge_close_points_and_keep_far_ones_apart() {
        let points = [(0.0, 0.0), (5.0, 5.0), (1000.0, 0.0), (1003.0, 2.0), (1001.0, 1.0), (0.0, 500.0)];
        // 1 px per unit: 44-unit cells.
        let (clusters, order) = cluster(&points, 1.0);
        let sizes: Vec<usize> = clusters.iter().map(Cluster::len).collect();
        assert_eq!(sizes, vec![2, 3, 1]);
        assert_eq!(order.len(), points.len());
        let second: Vec<u32> = order[clusters[1].start as usize..clusters[1].end as usize].to_vec();
        assert_eq!(second, vec![2, 3, 4]);
        // Points either side of a cell edge still merge.
        let (edge, _) = cluster(&[(43.0, 10.0), (45.0, 10.0)], 1.0);
        assert_eq!(edge.len(), 1);
        // Zoomed in 64 times, everything is apart.
        let (close, _) = cluster(&points, 64.0);
        assert_eq!(close.len(), 6);
    }

    #[test]
    fn tiles_cover_the_view_at_the_matching_zoom() {
        let (x, y) = project(35.7, 139.46);
        let t = tiles([x - 100.0, y - 100.0, 200.0, 200.0], 1.0, 16);
        assert!(!t.is_empty() && t.len() <= 4, "{}", t.len());
        assert!(t[0].url.starts_with("https://cyberjapandata.gsi.go.jp/xyz/pale/12/"), "{}", t[0].url);
        assert!(t.iter().all(|t| t.size == 256.0));
        assert!(tiles([0.0, 0.0, 100_000.0, 100_000.0], 1.0, 16).is_empty());
    }
}
