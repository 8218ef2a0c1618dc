//! `synth`: writes a synthetic `content/` with N facilities for scale testing — realistic
//! names and readings, municipalities from the reference list, functions, disability types
//! and positions near each municipality's hall. A test tool: its output is never shipped
//! (every facility cites the source `synthetic`, and its phone numbers use the 0120-000
//! range that no real facility has).

use std::fs;
use std::path::Path;

use crate::load::reference::parse_reference;
use crate::model::{AgeGroup, DisabilityType, Function, Role};
use crate::site::assets::walk;

/// A small deterministic generator (xorshift64*), so every run writes the same content.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

const FIRST: &[(&str, &str)] = &[
    ("ひまわり", "ひまわり"),
    ("さくら", "さくら"),
    ("あおば", "あおば"),
    ("つばさ", "つばさ"),
    ("みどり", "みどり"),
    ("わかば", "わかば"),
    ("あさひ", "あさひ"),
    ("すみれ", "すみれ"),
    ("けやき", "けやき"),
    ("なのはな", "なのはな"),
    ("こもれび", "こもれび"),
    ("ふれあい", "ふれあい"),
    ("ひだまり", "ひだまり"),
    ("ゆうゆう", "ゆうゆう"),
    ("のぞみ", "のぞみ"),
];
/// Kinds of facility with their weight out of 100. A 基幹相談支援センター is set up by a
/// municipality (one, or one shared by a few), so there are far fewer of them than of the
/// other kinds: 3 in 100 gives 1,500 at 50,000 facilities, under one per municipality. (An
/// even draw gave 7,000, which made the self-check and emergency card, which carry every
/// area's 基幹 centres, several times bigger than a national operator's would be.)
const KIND: &[(&str, &str, Role, usize)] = &[
    ("相談支援センター", "そうだんしえんせんたー", Role::ConsultationOffice, 28),
    ("基幹相談支援センター", "きかんそうだんしえんせんたー", Role::CoreConsultation, 3),
    ("ショートステイ", "しょーとすてい", Role::ShortStay, 17),
    ("グループホーム", "ぐるーぷほーむ", Role::GroupHome, 24),
    ("地域活動支援センター", "ちいきかつどうしえんせんたー", Role::ActivitySupport, 8),
    ("ケアセンター", "けあせんたー", Role::HomeCare, 12),
    ("作業所", "さぎょうしょ", Role::DayActivity, 8),
];

/// A kind drawn by weight.
fn kind(rng: &mut Rng) -> (&'static str, &'static str, Role) {
    let mut n = rng.below(KIND.iter().map(|k| k.3).sum());
    for &(name, kana, role, weight) in KIND {
        if n < weight {
            return (name, kana, role);
        }
        n -= weight;
    }
    unreachable!("the draw is below the weights' sum")
}

pub fn synth(reference_content: &Path, out: &Path, count: usize) -> Result<(), String> {
    let csv = fs::read_to_string(reference_content.join("geo/localgovjp-utf8.csv")).map_err(|e| e.to_string())?;
    let areas: Vec<_> = parse_reference(&csv)?.into_values().collect();
    if out.exists() {
        fs::remove_dir_all(out).map_err(|e| e.to_string())?;
    }
    // Everything but facilities, open data and areas comes from the real content.
    let mut files = Vec::new();
    walk(reference_content, &mut files);
    for f in files {
        let rel = f.strip_prefix(reference_content).map_err(|e| e.to_string())?;
        let skip =
            ["facilities", "wamnet", "areas", "reports", "catalogue/practices"].iter().any(|d| rel.starts_with(d));
        if skip {
            continue;
        }
        let to = out.join(rel);
        fs::create_dir_all(to.parent().unwrap_or(out)).map_err(|e| e.to_string())?;
        fs::copy(&f, &to).map_err(|e| e.to_string())?;
    }
    let mut sources = fs::read_to_string(out.join("sources.toml")).map_err(|e| e.to_string())?;
    sources.push_str("\n[[source]]\nid = \"synthetic\"\ntitle = \"合成データ（性能測定用）\"\npublisher = \"拠点ナビ synth\"\nyear = \"合成\"\n");
    fs::write(out.join("sources.toml"), sources).map_err(|e| e.to_string())?;
    let dir = out.join("facilities");
    fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let mut rng = Rng(0x5eed_cafe_f00d_1234);
    for i in 0..count {
        let area = &areas[rng.below(areas.len())];
        let (first, first_kana) = FIRST[rng.below(FIRST.len())];
        let (kind, kind_kana, role) = kind(&mut rng);
        let place = area.name.trim_end_matches(['市', '町', '村', '区']);
        let name = format!("{first}{place}{kind}");
        let kana = format!(
            "{first_kana}{}{kind_kana}",
            area.kana.trim_end_matches(['し', 'ち', 'ま', 'よ', 'う', 'く', 'む', 'ら'])
        );
        let functions: Vec<&str> = Function::ALL.iter().filter(|_| rng.chance(35)).map(|f| f.id()).collect();
        let disabilities: Vec<&str> = if rng.chance(30) {
            Vec::new()
        } else {
            DisabilityType::ALL.iter().filter(|_| rng.chance(30)).map(|d| d.id()).collect()
        };
        let ages: Vec<&str> = AgeGroup::ALL.iter().filter(|_| rng.chance(60)).map(|a| a.id()).collect();
        let lat = area.lat + (rng.below(2001) as f64 - 1000.0) / 40000.0;
        let lng = area.lng + (rng.below(2001) as f64 - 1000.0) / 40000.0;
        let list = |v: &[&str]| v.iter().map(|s| format!("\"{s}\"")).collect::<Vec<_>>().join(", ");
        let text = format!(
            "+++\nname = \"{name}\"\nkana = \"{kana}\"\noperator = \"社会福祉法人{first}会\"\narea = \"{}\"\nrole = \"{}\"\nfunctions = [{}]\ndisabilities = [{}]\nages = [{}]\naddress = \"{}{}{}丁目{}番\"\nlat = {lat:.5}\nlng = {lng:.5}\nphone = \"0120-000-{:03}\"\nopen_24h = {}\nkyoten = {}\nlast_verified = \"2026-11-22\"\nsources = [\"synthetic\"]\n+++\n",
            area.id,
            role.id(),
            list(&functions),
            list(&disabilities),
            list(&ages),
            area.prefecture,
            area.name,
            1 + rng.below(9),
            1 + rng.below(30),
            rng.below(1000),
            rng.chance(10),
            rng.chance(5),
        );
        fs::write(dir.join(format!("synth-{i:06}.md")), text).map_err(|e| e.to_string())?;
    }
    Ok(())
}
