//! Folding WAM NET rows: the rows of one facility (same id, from several service files)
//! become one facility with every row's facts in `records`; rows a content file claims
//! (`wamnet = "…"`) fill what that file leaves unknown.

use std::collections::BTreeMap;

use super::row::wamnet_id;
use crate::model::{Facility, SourceRecord};

/// Fold records of the same facility (same id) into one with several services, and merge
/// records that content files claim (`wamnet = "…"`) into those files' facilities.
pub fn merge(content: &mut Vec<Facility>, open: Vec<Facility>) {
    let mut by_id: BTreeMap<String, Facility> = BTreeMap::new();
    for mut f in open {
        match by_id.get_mut(&f.id) {
            Some(existing) => {
                // The first dialable phone (the others are `Facility::other_phones`), the
                // first usable web address.
                existing.fill_contacts(&mut f);
                for s in f.services {
                    if !existing.services.contains(&s) {
                        existing.services.push(s);
                    }
                }
                for func in f.functions {
                    if !existing.functions.contains(&func) {
                        existing.functions.push(func);
                    }
                }
                for src in f.sources {
                    if !existing.sources.contains(&src) {
                        existing.sources.push(src);
                    }
                }
                // Every row's facts stay in `records`; the summary fields say them all:
                // hours by service when rows differ, capacity only when no row disagrees.
                existing.records.extend(f.records);
                existing.hours = Facility::hours_by_service(&existing.records);
                existing.capacity = same_capacity(&existing.records);
            }
            None => {
                by_id.insert(f.id.clone(), f);
            }
        }
    }
    for c in content.iter_mut() {
        let Some(number) = c.wamnet.clone() else { continue };
        // 事業所番号 repeat: the record with this file's own id (an imported `w…` file) or
        // with this name is the one claimed; otherwise the first with the number.
        let key = [c.id.clone(), wamnet_id(&number, &c.name)]
            .into_iter()
            .find(|k| k.starts_with(&format!("w{number}-")) && by_id.contains_key(k))
            .or_else(|| by_id.keys().find(|k| k.starts_with(&format!("w{number}-"))).cloned());
        let Some(key) = key else { continue };
        let Some(mut open) = by_id.remove(&key) else { continue };
        // Human-written facts win; open data fills what the content leaves unknown.
        c.fill_contacts(&mut open);
        c.kana = c.kana.take().or(open.kana);
        c.operator = c.operator.take().or(open.operator);
        c.address = c.address.take().or(open.address);
        c.hours = c.hours.take().or(open.hours);
        c.capacity = open.capacity;
        c.services = open.services;
        c.records = open.records;
        if !c.exact_position && open.exact_position {
            c.lat = open.lat;
            c.lng = open.lng;
            c.exact_position = true;
        }
        for src in open.sources {
            if !c.sources.contains(&src) {
                c.sources.push(src);
            }
        }
    }
    // A content file named like a record (`w<番号>-<hash>.md`) is that facility even if its
    // `wamnet` line was removed: never publish two pages under one id.
    for c in content.iter() {
        by_id.remove(&c.id);
    }
    content.extend(by_id.into_values());
}

/// The rows' 定員 when they agree; `None` when they differ (each row's is in `records`).
fn same_capacity(records: &[SourceRecord]) -> Option<u32> {
    let mut given = records.iter().filter_map(|r| r.capacity);
    let first = given.next()?;
    given.all(|c| c == first).then_some(first)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Role;

    #[test]
    fn a_claim_takes_the_record_of_its_own_id_or_name_when_numbers_repeat() {
        let open = |name: &str| Facility {
            id: wamnet_id("1300000001", name),
            name: name.into(),
            wamnet: Some("1300000001".into()),
            ..Default::default()
        };
        for (content_id, content_name, kept) in [
            (wamnet_id("1300000001", "B"), "B（手直し）", "A"),
            ("kokubunji-b".to_string(), "B", "A"),
            ("kokubunji-a".to_string(), "A", "B"),
        ] {
            let mut content = vec![Facility {
                id: content_id.clone(),
                name: content_name.into(),
                wamnet: Some("1300000001".into()),
                ..Default::default()
            }];
            merge(&mut content, vec![open("A"), open("B")]);
            let names: Vec<&str> = content.iter().map(|f| f.name.as_str()).collect();
            assert_eq!(names, vec![content_name, kept], "{content_id}");
        }
        // A file named like a record is that record even without its wamnet line.
        let mut content = vec![Facility { id: wamnet_id("1300000001", "A"), name: "A".into(), ..Default::default() }];
        merge(&mut content, vec![open("A")]);
        assert_eq!(content.len(), 1);
    }

    /// One row of facility w0130103716-ae1b from `source`, with its phone and hours.
    fn row(service: Role, source: &str, (phone, hours): (Option<&str>, Option<&str>)) -> Facility {
        Facility {
            id: "w0130103716-ae1b".into(),
            services: vec![service],
            phone: phone.map(String::from),
            hours: hours.map(String::from),
            sources: vec![source.into()],
            records: vec![SourceRecord {
                source: source.into(),
                line: 4,
                service,
                phone: phone.map(String::from),
                phone_source: phone.unwrap_or("").into(),
                hours: hours.map(String::from),
                ..Default::default()
            }],
            ..Default::default()
        }
    }

    /// The facility its 053 (地域移行支援) and 054 (地域定着支援) rows become, each row given
    /// as (phone, hours).
    fn merged(a: (Option<&str>, Option<&str>), b: (Option<&str>, Option<&str>)) -> Facility {
        let mut content = Vec::new();
        merge(
            &mut content,
            vec![row(Role::CommunityTransition, "wamnet-053", a), row(Role::CommunitySettlement, "wamnet-054", b)],
        );
        content.remove(0)
    }

    /// Issue #19: a facility in 053 and 054 kept only the 053 row's hours and phone.
    #[test]
    fn merging_rows_keeps_every_rows_hours_and_phone() {
        for (a, b, hours, phone, others) in [
            // 053 gives no hours, 054 gives them.
            (None, Some("平日 09:00-18:00"), Some("平日 09:00-18:00"), Some("011-1"), Vec::<String>::new()),
            // Both give hours and they differ: each by service.
            (
                Some("平日 10:00-17:00"),
                Some("平日 09:00-18:00"),
                Some("地域移行支援：平日 10:00-17:00　地域定着支援：平日 09:00-18:00"),
                Some("011-1"),
                vec![],
            ),
        ] {
            let f = merged((Some("011-1"), a), (Some("011-1"), b));
            assert_eq!(f.hours.as_deref(), hours);
            assert_eq!(f.phone.as_deref(), phone);
            assert_eq!(f.other_phones(), others);
            assert_eq!(f.records.len(), 2);
        }
        // A different phone in 054 stays, by service; an undialable first phone gives way.
        assert_eq!(merged((None, None), (Some("048-581-2112"), None)).phone.as_deref(), Some("048-581-2112"));
        let f = merged((Some("0138-83-1111"), None), (Some("0138-83-8015"), None));
        assert_eq!(f.other_phones(), vec!["地域定着支援：0138-83-8015".to_string()]);
    }
}
