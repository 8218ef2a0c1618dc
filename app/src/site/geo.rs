//! The finder map's base map, made at build time from the boundary TopoJSON in
//! `content/geo/` (国土数値情報（行政区域データ）, simplified by smartnews-smri/japan-topography;
//! credit in `content/geo/README.md` and on `/about/`): arcs decoded, projected into map
//! units with [`crate::features::finder::map_data::project`], simplified per zoom level and written as SVG
//! path data. `map/japan.json` holds the 47 prefectures (the national zoom),
//! `map/pref-NN.json` one prefecture's municipalities (closer in). The browser draws them
//! itself: no tile server, works offline. The pins, clustering and events are in
//! `features/finder/map/`.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::fs;
use std::path::Path;

use serde::Deserialize;

use crate::features::finder::map_data::{project, MapShape};

pub const PREFECTURES: &str = "prefectures.s0001.topojson";
pub const MUNICIPALITIES: &str = "municipalities.s0001.topojson";

/// How much detail a zoom level keeps.
#[derive(Clone, Copy, Debug)]
pub struct Detail {
    /// Douglas–Peucker tolerance in map units (a unit is about 30 m): points closer than
    /// this to the simplified line are dropped.
    pub tolerance: f64,
    /// Rings with a smaller area (square units) are left out: islands too small to see.
    pub min_area: f64,
}

/// All of Japan on one screen: a pixel is about 250 units, so 6-unit detail and islands
/// under about 1.5 km across are invisible anyway.
pub const NATIONAL: Detail = Detail { tolerance: 6.0, min_area: 2_500.0 };
/// A prefecture or a municipality: keep the source's own grid (about 45 m).
pub const LOCAL: Detail = Detail { tolerance: 1.0, min_area: 4.0 };

/// Every municipality's outline at [`LOCAL`] detail, by its 5-digit code (N03_007): what
/// the area pages' small maps draw. Empty without the TopoJSON file (test fixtures).
pub fn outlines(geo: &Path) -> Result<BTreeMap<String, MapShape>, String> {
    let Ok(text) = fs::read_to_string(geo.join(MUNICIPALITIES)) else { return Ok(BTreeMap::new()) };
    let topo = parse_topology(&text).map_err(|e| format!("{}: {e}", geo.join(MUNICIPALITIES).display()))?;
    let shapes = topo
        .shapes(LOCAL, |f| Some((f.prop("N03_007")?.to_string(), f.prop("N03_004").unwrap_or_default().to_string())))?;
    Ok(shapes.into_iter().map(|s| (s.code.clone(), s)).collect())
}

/// `(file name under data/<build>/map/, JSON)`: `japan.json` and every `pref-NN.json`.
/// Without the TopoJSON files (test fixtures) there is no map data and the map says so.
pub fn map_files(geo: &Path, log: &mut dyn FnMut(&str)) -> Result<Vec<(String, String)>, String> {
    let read = |name: &str| fs::read_to_string(geo.join(name));
    let (Ok(prefectures), Ok(municipalities)) = (read(PREFECTURES), read(MUNICIPALITIES)) else {
        log(&format!("note: no {PREFECTURES} / {MUNICIPALITIES} in {}: the finder map has no outlines", geo.display()));
        return Ok(Vec::new());
    };
    let err = |name: &'static str| move |e: String| format!("{}: {e}", geo.join(name).display());
    let local = parse_topology(&municipalities).map_err(err(MUNICIPALITIES))?;
    let national = parse_topology(&prefectures).map_err(err(PREFECTURES))?;
    // Prefecture codes from the municipalities' own codes, keyed by prefecture name.
    let mut pref_codes: BTreeMap<String, String> = BTreeMap::new();
    for f in &local.features {
        if let (Some(name), Some(code)) = (f.prop("N03_001"), f.prop("N03_007").and_then(|c| c.get(..2))) {
            pref_codes.entry(name.to_string()).or_insert_with(|| code.to_string());
        }
    }
    let japan = national.shapes(NATIONAL, |f| {
        let name = f.prop("N03_001")?;
        Some((pref_codes.get(name)?.clone(), name.to_string()))
    })?;
    let mut files = vec![("japan.json".to_string(), to_json(&japan))];
    let mut by_pref: BTreeMap<String, Vec<MapShape>> = BTreeMap::new();
    for shape in local.shapes(LOCAL, |f| Some((f.prop("N03_007")?.to_string(), municipality_name(f)?)))? {
        if let Some(p) = shape.code.get(..2) {
            by_pref.entry(p.to_string()).or_default().push(shape);
        }
    }
    for (pref, shapes) in by_pref {
        files.push((format!("pref-{pref}.json"), to_json(&shapes)));
    }
    let largest =
        files.iter().max_by_key(|f| f.1.len()).map(|f| format!("{} {} KB", f.0, f.1.len() / 1024)).unwrap_or_default();
    log(&format!("map: {} prefectures, {} files (largest {largest})", japan.len(), files.len()));
    Ok(files)
}

fn to_json(shapes: &[MapShape]) -> String {
    serde_json::to_string(shapes).unwrap_or_default()
}

/// 「国分寺市」, 「札幌市中央区」 (a designated city's ward), 「当別町」 (not 「石狩郡当別町」).
fn municipality_name(f: &Feature) -> Option<String> {
    let ward_or_town = f.prop("N03_004")?;
    Some(match f.prop("N03_003") {
        Some(city) if city.ends_with('市') => format!("{city}{ward_or_town}"),
        _ => ward_or_town.to_string(),
    })
}

/// A decoded topology: arcs in map units, features referring to them.
pub struct Topo {
    arcs: Vec<Vec<(f64, f64)>>,
    pub features: Vec<Feature>,
}

pub struct Feature {
    props: BTreeMap<String, String>,
    /// Polygons → rings → arc references (`!i` is arc `i` reversed).
    polygons: Vec<Vec<Vec<i64>>>,
}

impl Feature {
    pub fn prop(&self, key: &str) -> Option<&str> {
        self.props.get(key).map(String::as_str).filter(|s| !s.is_empty())
    }
}

// The subset of TopoJSON (https://github.com/topojson/topojson-specification) used here.
#[derive(Deserialize)]
struct RawTopology {
    arcs: Vec<Vec<Vec<f64>>>,
    #[serde(default)]
    transform: Option<RawTransform>,
    objects: BTreeMap<String, RawCollection>,
}

#[derive(Deserialize)]
struct RawTransform {
    scale: [f64; 2],
    translate: [f64; 2],
}

#[derive(Deserialize)]
struct RawCollection {
    #[serde(default)]
    geometries: Vec<RawGeometry>,
}

#[derive(Deserialize)]
struct RawGeometry {
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    arcs: serde_json::Value,
    #[serde(default)]
    properties: BTreeMap<String, serde_json::Value>,
}

/// Decode a TopoJSON text: arcs (delta-encoded when quantised) to map units, and every
/// Polygon and MultiPolygon of every object with its string properties.
pub fn parse_topology(text: &str) -> Result<Topo, String> {
    let raw: RawTopology = serde_json::from_str(text).map_err(|e| format!("not TopoJSON: {e}"))?;
    let arcs = raw
        .arcs
        .iter()
        .map(|arc| {
            let mut q = [0.0, 0.0];
            arc.iter()
                .filter(|p| p.len() >= 2)
                .map(|p| {
                    let (lng, lat) = match &raw.transform {
                        Some(t) => {
                            q = [q[0] + p[0], q[1] + p[1]];
                            (q[0] * t.scale[0] + t.translate[0], q[1] * t.scale[1] + t.translate[1])
                        }
                        None => (p[0], p[1]),
                    };
                    project(lat, lng)
                })
                .collect()
        })
        .collect();
    let mut features = Vec::new();
    for (name, collection) in raw.objects {
        for (i, g) in collection.geometries.into_iter().enumerate() {
            let polygons: Vec<Vec<Vec<i64>>> = match g.kind.as_str() {
                "Polygon" => vec![serde_json::from_value(g.arcs).map_err(|e| format!("{name}[{i}]: {e}"))?],
                "MultiPolygon" => serde_json::from_value(g.arcs).map_err(|e| format!("{name}[{i}]: {e}"))?,
                _ => continue,
            };
            let props = g.properties.into_iter().filter_map(|(k, v)| v.as_str().map(|s| (k, s.to_string()))).collect();
            features.push(Feature { props, polygons });
        }
    }
    Ok(Topo { arcs, features })
}

impl Topo {
    /// The features that `keep` names (`(code, name)`), simplified to `detail`; features of
    /// the same code are joined. Arcs are simplified once and shared, so neighbours keep a
    /// common border without gaps.
    pub fn shapes(
        &self,
        detail: Detail,
        keep: impl Fn(&Feature) -> Option<(String, String)>,
    ) -> Result<Vec<MapShape>, String> {
        /// A ring of projected points.
        type Ring = Vec<(i32, i32)>;
        let arcs: Vec<Ring> = self.arcs.iter().map(|a| simplify(a, detail.tolerance)).collect();
        let mut joined: BTreeMap<String, (String, Vec<Ring>)> = BTreeMap::new();
        for f in &self.features {
            let Some((code, name)) = keep(f) else { continue };
            let entry = joined.entry(code).or_insert_with(|| (name, Vec::new()));
            for polygon in &f.polygons {
                for (r, refs) in polygon.iter().enumerate() {
                    let ring = ring(refs, &arcs)?;
                    if ring.len() < 3 || area(&ring).abs() < detail.min_area {
                        if r == 0 {
                            break; // no exterior, no holes
                        }
                        continue;
                    }
                    entry.1.push(ring);
                }
            }
        }
        Ok(joined
            .into_iter()
            .filter(|(_, (_, rings))| !rings.is_empty())
            .map(|(code, (name, rings))| shape(code, name, &rings))
            .collect())
    }
}

fn shape(code: String, name: String, rings: &[Vec<(i32, i32)>]) -> MapShape {
    let mut bbox = [i32::MAX, i32::MAX, i32::MIN, i32::MIN];
    let mut path = String::new();
    for ring in rings {
        for &(x, y) in ring {
            bbox = [bbox[0].min(x), bbox[1].min(y), bbox[2].max(x), bbox[3].max(y)];
        }
        write_ring(&mut path, ring);
    }
    let largest = rings.iter().max_by(|a, b| area(a).abs().total_cmp(&area(b).abs()));
    let label = largest.map(|r| centroid(r)).unwrap_or_default();
    MapShape { code, name, bbox: [bbox[0], bbox[1], bbox[2] - bbox[0], bbox[3] - bbox[1]], label, path }
}

/// A ring's points from its arcs, each arc's first point dropped after the first arc (it
/// repeats the previous arc's last), without the closing repeat.
fn ring(refs: &[i64], arcs: &[Vec<(i32, i32)>]) -> Result<Vec<(i32, i32)>, String> {
    let mut out: Vec<(i32, i32)> = Vec::new();
    for &r in refs {
        let index = if r >= 0 { r } else { !r } as usize;
        let arc = arcs.get(index).ok_or_else(|| format!("arc {r} does not exist ({} arcs)", arcs.len()))?;
        let skip = usize::from(!out.is_empty());
        if r >= 0 {
            out.extend(arc.iter().skip(skip));
        } else {
            out.extend(arc.iter().rev().skip(skip));
        }
    }
    out.dedup();
    if out.len() > 1 && out.first() == out.last() {
        out.pop();
    }
    Ok(out)
}

/// Douglas–Peucker with the end points kept, then rounded to whole units; consecutive
/// repeats that rounding creates are dropped.
pub fn simplify(points: &[(f64, f64)], tolerance: f64) -> Vec<(i32, i32)> {
    let n = points.len();
    let mut keep = vec![false; n];
    if n > 0 {
        keep[0] = true;
        keep[n - 1] = true;
    }
    let mut stack = vec![(0usize, n.saturating_sub(1))];
    while let Some((a, b)) = stack.pop() {
        if b <= a + 1 {
            continue;
        }
        let (mut far, mut far_d) = (a, -1.0);
        for i in a + 1..b {
            let d = segment_distance(points[i], points[a], points[b]);
            if d > far_d {
                far = i;
                far_d = d;
            }
        }
        if far_d > tolerance {
            keep[far] = true;
            stack.push((a, far));
            stack.push((far, b));
        }
    }
    let mut out: Vec<(i32, i32)> =
        points.iter().zip(keep).filter(|(_, k)| *k).map(|(p, _)| (p.0.round() as i32, p.1.round() as i32)).collect();
    out.dedup();
    out
}

fn segment_distance(p: (f64, f64), a: (f64, f64), b: (f64, f64)) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len2 = dx * dx + dy * dy;
    let t = if len2 == 0.0 { 0.0 } else { (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / len2).clamp(0.0, 1.0) };
    ((p.0 - a.0 - t * dx).powi(2) + (p.1 - a.1 - t * dy).powi(2)).sqrt()
}

/// Signed area (shoelace), square units.
fn area(ring: &[(i32, i32)]) -> f64 {
    let mut s = 0i64;
    for (i, &(x, y)) in ring.iter().enumerate() {
        let (nx, ny) = ring[(i + 1) % ring.len()];
        s += x as i64 * ny as i64 - nx as i64 * y as i64;
    }
    s as f64 / 2.0
}

fn centroid(ring: &[(i32, i32)]) -> [i32; 2] {
    let a = area(ring);
    if a == 0.0 {
        return ring.first().map(|p| [p.0, p.1]).unwrap_or_default();
    }
    let (mut cx, mut cy) = (0.0, 0.0);
    for (i, &(x, y)) in ring.iter().enumerate() {
        let (nx, ny) = ring[(i + 1) % ring.len()];
        let cross = (x as f64) * (ny as f64) - (nx as f64) * (y as f64);
        cx += (x + nx) as f64 * cross;
        cy += (y + ny) as f64 * cross;
    }
    [(cx / (6.0 * a)).round() as i32, (cy / (6.0 * a)).round() as i32]
}

/// `M x y l dx dy … z`, with no separator before a minus sign.
fn write_ring(out: &mut String, ring: &[(i32, i32)]) {
    let Some(&(x0, y0)) = ring.first() else { return };
    let _ = write!(out, "M{x0} {y0}l");
    let mut prev = (x0, y0);
    for (i, &p) in ring.iter().skip(1).enumerate() {
        for (j, d) in [p.0 - prev.0, p.1 - prev.1].into_iter().enumerate() {
            if (i > 0 || j > 0) && d >= 0 {
                out.push(' ');
            }
            let _ = write!(out, "{d}");
        }
        prev = p;
    }
    out.push('z');
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two squares of 0.1° sharing a border that bends by 0.001° (about 3 units) halfway, and
    /// a tiny island belonging to the second, quantised at 0.001° from 139°E 35°N.
    const TOPO: &str = r#"{"type":"Topology",
        "transform":{"scale":[0.001,0.001],"translate":[139.0,35.0]},
        "arcs":[
            [[100,0],[1,50],[-1,50]],
            [[100,100],[-100,0],[0,-100],[100,0]],
            [[100,0],[100,0],[0,100],[-100,0]],
            [[300,300],[2,0],[0,2],[-2,-2]]
        ],
        "objects":{"towns":{"type":"GeometryCollection","geometries":[
            {"type":"Polygon","arcs":[[0,1]],"properties":{"N03_001":"東京都","N03_003":null,"N03_004":"西町","N03_007":"13901"}},
            {"type":"MultiPolygon","arcs":[[[2,-1]],[[3]]],"properties":{"N03_001":"東京都","N03_003":"東市","N03_004":"北区","N03_007":"13902"}},
            {"type":"Polygon","arcs":[[3]],"properties":{"N03_001":"東京都","N03_007":null}}
        ]}}}"#;

    /// Absolute rings back from path data.
    fn rings(path: &str) -> Vec<Vec<(i32, i32)>> {
        path.split('z')
            .filter(|r| !r.is_empty())
            .map(|r| {
                let (start, steps) = r.trim_start_matches('M').split_once('l').unwrap_or_default();
                let nums = |s: &str| {
                    s.replace('-', " -")
                        .split_whitespace()
                        .map(|n| n.parse::<i32>().unwrap_or(i32::MIN))
                        .collect::<Vec<_>>()
                };
                let first = nums(start);
                let mut p = (first[0], first[1]);
                let mut out = vec![p];
                for d in nums(steps).chunks(2) {
                    p = (p.0 + d[0], p.1 + d[1]);
                    out.push(p);
                }
                out
            })
            .collect()
    }

    fn round(p: (f64, f64)) -> (i32, i32) {
        (p.0.round() as i32, p.1.round() as i32)
    }

    fn named(f: &Feature) -> Option<(String, String)> {
        Some((f.prop("N03_007")?.to_string(), municipality_name(f)?))
    }

    #[test]
    fn topojson_is_decoded_projected_and_simplified_per_level() {
        let topo = parse_topology(TOPO).expect("parses");
        assert_eq!(topo.features.len(), 3);
        let local = topo.shapes(LOCAL, named).expect("shapes");
        assert_eq!(
            local.iter().map(|s| (s.code.as_str(), s.name.as_str())).collect::<Vec<_>>(),
            vec![("13901", "西町"), ("13902", "東市北区")]
        );

        // Decoded and projected: the south-west corner is 139°E 35°N.
        let west = rings(&local[0].path);
        assert_eq!(west.len(), 1);
        assert!(west[0].contains(&round(project(35.0, 139.0))), "{:?}", west[0]);
        assert!(local[0].path.starts_with('M') && local[0].path.ends_with('z'));
        // The bend of the shared border (3 units off the straight line) stays at close zoom…
        let bend = round(project(35.05, 139.101));
        assert_eq!(west[0].len(), 5);
        assert!(west[0].contains(&bend));
        // …and both neighbours draw exactly the same border.
        let east = rings(&local[1].path);
        assert!(east[0].contains(&bend));
        // The island is a second ring of the second shape; the unnamed feature is left out.
        assert_eq!(east.len(), 2);

        // At the national level the bend and the island go.
        let national = topo.shapes(NATIONAL, named).expect("shapes");
        let west = rings(&national[0].path);
        assert_eq!(west[0].len(), 4);
        assert_eq!(rings(&national[1].path).len(), 1);
        // The label sits inside its square.
        let [lx, ly] = national[0].label;
        let [x, y, w, h] = national[0].bbox;
        assert!(lx > x && lx < x + w && ly > y && ly < y + h, "{:?} in {:?}", national[0].label, national[0].bbox);
    }

    #[test]
    fn paths_are_compact() {
        let mut s = String::new();
        write_ring(&mut s, &[(10, 20), (13, 18), (13, 25), (10, 20)]);
        assert_eq!(s, "M10 20l3-2 0 7-3-5z");
        assert_eq!(simplify(&[(0.0, 0.0), (5.0, 0.4), (10.0, 0.0), (10.2, 0.1)], 1.0), vec![(0, 0), (10, 0)]);
    }

    /// The real boundaries (content/geo): every prefecture, our municipalities found by the
    /// first five digits of their codes, and each file within the download budget.
    #[test]
    fn the_real_boundaries_make_small_files() {
        let geo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../content/geo");
        let files: BTreeMap<String, String> = map_files(&geo, &mut |_| {}).expect("map data").into_iter().collect();
        assert_eq!(files.len(), 48);
        let japan: Vec<MapShape> = serde_json::from_str(&files["japan.json"]).expect("json");
        assert_eq!(japan.len(), 47);
        assert_eq!(japan.iter().find(|s| s.code == "13").map(|s| s.name.as_str()), Some("東京都"));
        for (file, code, name) in [
            ("pref-13.json", "13214", "国分寺市"),
            ("pref-14.json", "14152", "相模原市中央区"),
            ("pref-01.json", "01101", "札幌市中央区"),
        ] {
            let shapes: Vec<MapShape> = serde_json::from_str(&files[file]).expect("json");
            assert_eq!(shapes.iter().find(|s| s.code == code).map(|s| s.name.as_str()), Some(name), "{file}");
        }
        for (name, json) in &files {
            let brotli = crate::site::assets::brotli_bytes(json.as_bytes(), 11).len();
            assert!(brotli <= 30 * 1024, "{name}: {brotli} bytes brotli");
        }
    }

    #[test]
    fn a_bad_arc_reference_is_an_error_not_a_panic() {
        let topo = parse_topology(&TOPO.replace("[[0,1]]", "[[0,9]]")).expect("parses");
        assert!(topo.shapes(LOCAL, named).is_err());
    }
}
