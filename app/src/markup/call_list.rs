//! 「まず連絡するところ」 as markup and as plain text (the 相談メモ): the ranked entries of
//! [`crate::model::Call`], each with why and when to call, its hours, a call button and
//! the source of its number beside it. Never a bare 「未掲載」: when no 拠点 or 基幹 number
//! is known the list says so, and the next entry is a number that is known.

use super::call_button::call_button_in;
use crate::data::join_base;
use crate::i18n::{Lang, Texts};
use crate::markup::html::{esc, rb, unruby};
use crate::model::{Call, CallRank};

/// The list for `area_name`, in the reading of `t` (the catalogue's `call` section); links
/// to the site's pages start at `base`.
pub fn call_list(calls: &[Call], area_name: &str, base: &str, t: &Texts) -> String {
    let mut h = String::new();
    if !calls.iter().any(|c| c.rank == CallRank::Kyoten) {
        h += &format!("<p class=\"kn-call-list__gap\">{}</p>", t.html("call.gap").replace("{area}", &esc(area_name)));
    }
    h += "<ol class=\"kn-call-list\">";
    for c in calls {
        h += &format!("<li class=\"kn-call-list__item kn-call-list__item--{}\">", rank_id(c.rank));
        h += &format!("<p class=\"kn-call-list__rank\">{}</p>", t.html(rank_key(c.rank)));
        h += "<p class=\"kn-call-list__name\">";
        match &c.page {
            // A page in the list's reading has its prefix (`/en/facilities/…/`); one without
            // is in standard Japanese only, and on a page in another reading says so.
            Some(page) => {
                let marker = if Lang::of_path(page).0 == Lang::Ja { t.only_in_japanese() } else { String::new() };
                h += &format!("<a href=\"{}\">{}</a>{}", esc(&join_base(base, page)), rb(&c.name), marker)
            }
            None => h += &rb(&c.name),
        }
        if c.open_24h {
            h += &format!("<span class=\"kn-call-list__badge\">{}</span>", t.html("call.open_24h"));
        }
        h += "</p>";
        h += &format!("<p class=\"kn-call-list__why\">{}</p>", rb(&c.why));
        if let Some(hours) = &c.hours {
            h += &format!(
                "<p class=\"kn-call-list__hours\">{}</p>",
                t.html("call.hours").replace("{hours}", &esc(hours))
            );
        }
        match (&c.phone, &c.url) {
            (Some(phone), _) => h += &call_button_in(&t.html("call.button"), phone),
            (None, Some(url)) => {
                h += &format!(
                    "<a class=\"kn-button\" href=\"{}\" rel=\"noopener noreferrer\">{}</a>",
                    esc(url),
                    t.html("call.open_site").replace("{name}", &rb(&c.name))
                )
            }
            (None, None) => {}
        }
        if let Some(source) = &c.source {
            h += &format!("<p class=\"kn-call-list__source\">{}", rb(source));
            if let Some(url) = &c.source_url {
                h += &format!(
                    " <a class=\"kn-call-list__source-link\" href=\"{}\" rel=\"noopener noreferrer\">{}</a>",
                    esc(url),
                    t.html("call.open_source")
                );
            }
            h += "</p>";
        }
        h += "</li>";
    }
    h += "</ol>";
    h
}

/// The same list as lines of text, for the printed or mailed 相談メモ.
pub fn call_list_text(calls: &[Call], t: &Texts) -> String {
    let mut out = String::new();
    // The printed memo keeps to one page: nearby facilities stay on the area's page.
    let calls = calls.iter().filter(|c| !matches!(c.rank, CallRank::Settlement | CallRank::ShortStay));
    for (i, c) in calls.enumerate() {
        out += &t
            .plain("call.memo_line")
            .replace("{n}", &(i + 1).to_string())
            .replace("{rank}", &t.plain(rank_key(c.rank)))
            .replace("{name}", &unruby(&c.name));
        if let Some(phone) = &c.phone {
            out += &t.plain("call.memo_phone").replace("{phone}", phone);
        }
        if c.open_24h {
            out += &t.plain("call.memo_24h");
        }
        if let (None, Some(url)) = (&c.phone, &c.url) {
            out += &format!(" {url}");
        }
        // The memo fits one printed page: why and hours stay on screen, the source goes along.
        if let Some(source) = &c.source {
            out += &t.plain("call.memo_source").replace("{source}", &unruby(source));
        }
        out += "\n";
    }
    out
}

/// The catalogue key of the heading word shown before an entry's name.
fn rank_key(rank: CallRank) -> &'static str {
    match rank {
        CallRank::Kyoten => "call.rank_kyoten",
        CallRank::Desk => "call.rank_desk",
        CallRank::Settlement => "call.rank_settlement",
        CallRank::ShortStay => "call.rank_short_stay",
        CallRank::Website => "call.rank_website",
        CallRank::Emergency => "call.rank_emergency",
    }
}

fn rank_id(rank: CallRank) -> &'static str {
    match rank {
        CallRank::Kyoten => "kyoten",
        CallRank::Desk => "desk",
        CallRank::Settlement => "settlement",
        CallRank::ShortStay => "short-stay",
        CallRank::Website => "website",
        CallRank::Emergency => "emergency",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{catalogue, Lang};

    fn texts() -> Texts {
        catalogue(Lang::Ja).texts(&["call"])
    }

    fn calls() -> Vec<Call> {
        vec![
            Call {
                rank: CallRank::Desk,
                name: "中央区保健福祉センター高齢障害支援課".into(),
                why: "区の障害福祉の窓口です。".into(),
                phone: Some("043-221-2152".into()),
                source: Some("出典：千葉市「区の窓口」".into()),
                source_url: Some("https://www.city.chiba.jp/x.html".into()),
                ..Default::default()
            },
            Call {
                rank: CallRank::Website,
                name: "千葉市の公式サイト".into(),
                why: "窓口の電話番号をさがせます。".into(),
                url: Some("https://www.city.chiba.jp/".into()),
                ..Default::default()
            },
            Call {
                rank: CallRank::Emergency,
                name: "救急 <119>".into(),
                why: "命に関わるとき。".into(),
                phone: Some("119".into()),
                ..Default::default()
            },
        ]
    }

    #[test]
    fn without_a_kyoten_number_the_list_says_so_and_goes_on_to_known_numbers() {
        let h = call_list(&calls(), "千葉市", "/", &texts());
        let gap = h.find("kn-call-list__gap").expect("the gap is said");
        let first_tel = h.find("href=\"tel:0432212152\"").expect("the desk's number");
        assert!(gap < first_tel);
        assert!(!h.contains("未掲載"));
        assert!(h.contains("出典：千葉市「区の窓口」"));
        assert!(h.contains("href=\"tel:119\""));
        assert!(h.contains("救急 &lt;119&gt;"), "names are escaped");
        assert!(h.contains("href=\"https://www.city.chiba.jp/\""));
    }

    #[test]
    fn a_kyoten_entry_needs_no_gap_line_and_links_its_page_under_the_base() {
        let mut c = calls();
        c.insert(
            0,
            Call {
                rank: CallRank::Kyoten,
                name: "基幹".into(),
                why: "w".into(),
                phone: Some("042-000-0000".into()),
                page: Some("/facilities/x/".into()),
                open_24h: true,
                ..Default::default()
            },
        );
        let h = call_list(&c, "国分寺市", "/sub/", &texts());
        assert!(!h.contains("kn-call-list__gap"));
        assert!(h.contains("href=\"/sub/facilities/x/\""));
        assert!(h.contains("24時間"));
        assert!(!h.contains("kn-only-japanese"), "a standard page needs no marker");
        let en = call_list(&c, "Kokubunji City", "/", &catalogue(Lang::En).texts(&["call"]));
        assert!(
            en.contains("href=\"/facilities/x/\">基幹</a> <span class=\"kn-only-japanese\">(Japanese)</span>"),
            "{en}"
        );
        // A facility page in the reading (issue #22): its version, with no marker.
        c[0].page = Some("/en/facilities/x/".into());
        let en = call_list(&c, "Kokubunji City", "/", &catalogue(Lang::En).texts(&["call"]));
        assert!(en.contains("href=\"/en/facilities/x/\">基幹</a><"), "{en}");
    }

    #[test]
    fn the_text_form_numbers_entries_with_their_phones_and_sources() {
        let t = call_list_text(&calls(), &texts());
        assert!(t.starts_with("1. 市区町村の窓口：中央区保健福祉センター高齢障害支援課 電話 043-221-2152（出典：千葉市「区の窓口」）\n"), "{t}");
        assert!(t.contains("2. 公式サイト：千葉市の公式サイト https://www.city.chiba.jp/"));
        assert!(t.contains("3. 命に関わるとき：救急 <119> 電話 119"));
        assert!(t.contains("出典：千葉市「区の窓口」"));
    }
}
