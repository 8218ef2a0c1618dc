//! The finder's query: its state in the URL (`/search/?area=132144&fn=emergency&dis=…`), the
//! compact rows it searches, and the matching itself. Pure functions, shared by the browser
//! and by native tests and benchmarks. [`row`] is the data a row file holds, [`filters`] the
//! state the URL carries, [`matching`] which rows pass and in what order; the tests below run
//! them together, as the finder does.

mod filters;
mod matching;
mod row;

pub use filters::{BadParam, Condition, Filters};
pub use matching::{fit, matching, nearest, rank, unchanged_by, Fit, Hit, Matcher};
pub use row::{area_code, FinderRow};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::finder::areas::*;
    use crate::features::finder::normalize::fold;
    use crate::model::{DisabilityType, Function, Role};

    fn row(id: &str, area: &str, functions: &[Function], kyoten: bool) -> FinderRow {
        FinderRow {
            id: id.into(),
            name: id.into(),
            area: area.into(),
            functions: functions.iter().fold(0, |m, f| m | 1 << *f as u8),
            kyoten: kyoten as u8,
            key: fold(id),
            code: area_code(area),
            ..Default::default()
        }
    }

    #[test]
    fn matching_narrows_by_area_function_and_text_with_kyoten_first() {
        let rows = vec![
            row("ショートステイあおば", "132144", &[Function::Emergency], false),
            row("基幹センター", "132144", &[Function::Consultation], true),
            row("よその施設", "121002", &[Function::Emergency], false),
        ];
        let all = matching(&rows, &Filters::default(), &["132144".into()]);
        assert_eq!(all.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(), vec!["基幹センター", "ショートステイあおば"]);
        // Among 拠点 bodies the 基幹相談支援センター leads, whatever its reading.
        let mut core = row("わ基幹", "132144", &[], true);
        core.role = Role::ALL.iter().position(|r| *r == Role::CoreConsultation).unwrap_or(0) as u8;
        let (mut other, mut open) = (row("あ拠点", "132144", &[], true), row("い事業所", "132144", &[], false));
        other.role = Role::ALL.iter().position(|r| *r == Role::ActivitySupport).unwrap_or(0) as u8;
        open.role = Role::ALL.iter().position(|r| *r == Role::ShortStay).unwrap_or(0) as u8;
        let ranked = vec![other, open, core];
        let order: Vec<&str> = matching(&ranked, &Filters::default(), &[]).iter().map(|r| r.id.as_str()).collect();
        assert_eq!(order, vec!["わ基幹", "あ拠点", "い事業所"]);
        // 緊急時: the short stay, and the 基幹相談支援センター as the 拠点's entry point.
        let (f, _) = Filters::from_pairs([("fn", "emergency")]);
        let ids: Vec<&str> = matching(&rows, &f, &["132144".into()]).iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["基幹センター", "ショートステイあおば"]);
        let (f, _) = Filters::from_pairs([("fn", "experience")]);
        assert!(matching(&rows, &f, &["132144".into()]).is_empty(), "only 緊急時 keeps the entry points");
        let (f, _) = Filters::from_pairs([("q", "しょーとすてい")]);
        assert_eq!(matching(&rows, &f, &[]).len(), 1);
        let (f, _) = Filters::from_pairs([("q", "ｼｮｰﾄｽﾃｲ")]);
        assert_eq!(matching(&rows, &f, &[]).len(), 1);
    }

    #[test]
    fn rows_ship_without_key_area_or_zeros_and_are_prepared_after_loading() {
        let shipped = FinderRow {
            id: "x".into(),
            name: "ショートステイあおば".into(),
            kana: Some("しょーとすていあおば".into()),
            operator: Some("社会福祉法人みどり会".into()),
            address: Some("東京都国分寺市本町1-2".into()),
            functions: 1 << Function::Emergency as u8,
            ..Default::default()
        };
        let json = serde_json::to_string(&shipped).expect("json");
        assert_eq!(
            json,
            r#"{"i":"x","n":"ショートステイあおば","j":"しょーとすていあおば","o":"社会福祉法人みどり会","l":"東京都国分寺市本町1-2","y":0.0,"x":0.0,"f":2}"#
        );
        let mut loaded: FinderRow = serde_json::from_str(&json).expect("parse");
        loaded.prepare("132144");
        assert_eq!(loaded.area, "132144");
        assert_eq!(loaded.code, 132144);
        assert_eq!(area_code("higashi-iburi"), u64::MAX, "a region is no row's area");
        assert_eq!(area_code(""), u64::MAX);
        for (q, hits) in [("あおば", 1), ("ｼｮｰﾄｽﾃｲ", 1), ("みどり会", 1), ("国分寺市本町", 1), ("こだいら", 0)]
        {
            let (f, _) = Filters::from_pairs([("q", q)]);
            assert_eq!(matching(std::slice::from_ref(&loaded), &f, &["132144".into()]).len(), hits, "{q}");
        }
    }

    #[test]
    fn narrowing_a_search_as_one_types_gives_what_searching_everything_gives() {
        let mut rows: Vec<FinderRow> = [
            "国分寺こども相談",
            "こくぶんじ短期入所",
            "小金井ナイトケア",
            "Nanairo ホーム",
            "なないろ相談室",
            "ん工房",
        ]
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let mut r = row(&format!("r{i}"), "132144", &[Function::Consultation], i % 2 == 0);
            r.name = name.to_string();
            r
        })
        .collect();
        rows.iter_mut().for_each(|r| r.prepare("132144"));
        let codes = vec!["132144".to_string()];
        let typed = |text: &str| Filters { text: text.into(), ..Default::default() };
        let mut narrowed_searches = 0;
        for sequence in [
            &["k", "ko", "kok", "koku", "kokub"][..],
            &["n", "na", "nan", "nana"],
            &["こ", "こく", "こく 相", "こく 相談"],
            &["相談", "相", "そうだん"],
            &["ナ", "ﾅﾅ", "ななな"],
        ] {
            let mut earlier: Option<(Filters, Vec<&FinderRow>)> = None;
            for text in sequence {
                let now = typed(text);
                let all = matching(&rows, &now, &codes);
                if let Some((then, found)) = &earlier {
                    let (m, e) = (Matcher::new(&now, &codes), Matcher::new(then, &codes));
                    if m.narrows(&e) {
                        let narrowed: Vec<&FinderRow> = found.iter().copied().filter(|r| m.accepts(r)).collect();
                        assert_eq!(narrowed, all, "{:?} after {:?}", now.text, then.text);
                        narrowed_searches += 1;
                    }
                }
                earlier = Some((now, all));
            }
        }
        assert!(narrowed_searches >= 5, "typing on narrows: {narrowed_searches}");
        let m = |text: &str, kyoten: bool| Filters { text: text.into(), kyoten_only: kyoten, ..Default::default() };
        let (a, b) = (m("ko", false), m("kok", true));
        assert!(!Matcher::new(&b, &codes).narrows(&Matcher::new(&a, &codes)), "other conditions changed");
        let (a, b) = (m("n", false), m("na", false));
        assert!(!Matcher::new(&b, &codes).narrows(&Matcher::new(&a, &codes)), "ん is not in な");
        let (a, b) = (m("", false), m("x", false));
        assert!(Matcher::new(&b, &codes).narrows(&Matcher::new(&a, &codes)), "any text narrows none");
    }

    #[test]
    fn wards_share_their_city_file_and_only_files_that_exist_are_named() {
        let entry = |id: &str, rows: u32, parent: Option<&str>| AreaEntry {
            id: id.into(),
            name: id.into(),
            rows,
            parent: parent.map(str::to_string),
            ..Default::default()
        };
        let index = AreaIndex {
            prefectures: [("12".to_string(), "千葉県".to_string())].into(),
            // In id order, as the builder writes them (`index::tests`).
            areas: vec![
                entry("121002", 0, None),
                entry("121011", 3, Some("121002")),
                entry("121029", 0, Some("121002")),
                entry("122033", 0, None),
            ],
        };
        let areas = index.into_entries();
        assert_eq!(
            areas.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(),
            vec!["121002", "121011", "121029", "122033"]
        );
        assert_eq!(area(&areas, "121029").map(|a| a.id.as_str()), Some("121029"));
        assert_eq!(areas[2].prefecture, "千葉県");
        assert_eq!(row_files(&areas, &area_codes(&areas, "121002")), vec!["121002".to_string()]);
        assert_eq!(
            row_files(&areas, &area_codes(&areas, "121029")),
            vec!["121002".to_string()],
            "a ward without rows still searches its city's file"
        );
        assert!(row_files(&areas, &area_codes(&areas, "122033")).is_empty(), "no file, no request");
        assert!(!serde_json::to_string(&areas[0]).expect("json").contains("\"r\""));
        // A ward's search reads its city's file and keeps only the ward's rows.
        let mut city = row("a", "", &[], false);
        city.prepare("121002");
        let mut ward = row("b", "121011", &[], false);
        ward.prepare("121002");
        assert_eq!((city.area.as_str(), ward.area.as_str()), ("121002", "121011"));
        let rows = [city, ward];
        let codes = area_codes(&areas, "121011");
        assert_eq!(
            matching(&rows, &Filters::default(), &codes).iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
            vec!["b"]
        );
    }

    #[test]
    fn confirmed_rows_come_first_and_a_mismatch_is_left_out() {
        let with = |id: &str, d: &[DisabilityType]| FinderRow {
            disabilities: d.iter().fold(0, |m, x| m | 1 << *x as u16),
            ..row(id, "132144", &[], false)
        };
        let rows = [
            with("unknown", &[]),
            with("physical", &[DisabilityType::Physical]),
            with("intellectual", &[DisabilityType::Intellectual]),
        ];
        let f = Filters { disabilities: vec![DisabilityType::Intellectual], ..Default::default() };
        let hits: Vec<(&str, Fit)> =
            matching(&rows, &f, &["132144".into()]).into_iter().map(|r| (r.id.as_str(), fit(&f, r))).collect();
        assert_eq!(hits, [("intellectual", Fit::Confirmed), ("unknown", Fit::AskFacility)]);
        assert!(unchanged_by(&rows, &f, &["132144".into()]).is_empty(), "it left 「physical」 out");
        let none = Filters::default();
        assert!(rows.iter().all(|r| fit(&none, r) == Fit::Confirmed), "no question, nothing to confirm");
    }

    #[test]
    fn unknown_disability_types_stay_in_results() {
        let mut known = row("a", "1", &[], false);
        known.disabilities = 1 << DisabilityType::Mental as u16;
        let unknown = row("b", "1", &[], false);
        let rows = vec![known, unknown];
        let (f, _) = Filters::from_pairs([("dis", "intellectual")]);
        assert_eq!(matching(&rows, &f, &[]).iter().map(|r| r.id.as_str()).collect::<Vec<_>>(), vec!["b"]);
    }

    #[test]
    fn areas_match_by_reading_romaji_and_half_width() {
        let areas: Vec<AreaEntry> = [
            ("132144", "国分寺市", "こくぶんじし"),
            ("132110", "小平市", "こだいらし"),
            ("121002", "千葉市", "ちばし"),
            ("121011", "千葉市中央区", "ちばしちゅうおうく"),
        ]
        .iter()
        .map(|(id, n, k)| AreaEntry {
            id: id.to_string(),
            name: n.to_string(),
            key: fold(&format!("{n}{k}")),
            parent: (*id == "121011").then(|| "121002".into()),
            ..Default::default()
        })
        .collect();
        for typed in ["こくぶんじ", "国分寺", "ｺｸﾌﾞﾝｼﾞ", "Kokubunji"] {
            let hits = matching_areas(&areas, typed, 5);
            assert_eq!(hits.first().map(|a| a.id.as_str()), Some("132144"), "{typed}");
        }
        assert_eq!(area_codes(&areas, "121002"), vec!["121002".to_string(), "121011".to_string()]);
        assert_eq!(matching_areas(&areas, "chiba chuou", 5).first().map(|a| a.id.as_str()), Some("121011"));
    }

    #[test]
    fn distances() {
        let d = distance_km(35.71083333, 139.4622222, 35.60722222, 140.1063889);
        assert!((d - 59.2).abs() < 1.0, "{d}");
    }
}
