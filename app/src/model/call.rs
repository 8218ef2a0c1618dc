//! 「まず連絡するところ」: the ranked list of whom a family calls first in an area (issue
//! #17), derived at build time by `load::first_contacts` and shown by the one template
//! `markup::call_list` on the area page, in the self-check, its 相談メモ and the emergency
//! widget. Each entry says why and when to call and where its number comes from.

use serde::{Deserialize, Serialize};

use crate::i18n::Texts;

/// The place of an entry in the list; lower comes first.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CallRank {
    /// The area's 拠点 contact, coordinator or 基幹相談支援センター, with a sourced number.
    Kyoten,
    /// The municipality's 障害福祉 desk (or another consultation point), with a sourced number.
    Desk,
    /// A WAM NET 地域定着支援 facility near the area (round-the-clock contact for people who
    /// have a contract with it).
    Settlement,
    /// A WAM NET 短期入所 facility near the area (call to ask about a bed).
    ShortStay,
    /// The municipality's official website, to find its desk.
    #[default]
    Website,
    /// 119 for danger to life.
    Emergency,
}

/// One entry of 「まず連絡するところ」.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Call {
    pub rank: CallRank,
    /// Name as the source gives it. Like `why`, text that may carry ふりがな in the explicit
    /// notation (`markup::html::rb`).
    pub name: String,
    /// One line on why and when to call, in the page's reading.
    pub why: String,
    /// Phone number with hyphens; `None` only for the website entry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Hours as the source gives them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<String>,
    /// A source says the phone is answered 24 hours.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub open_24h: bool,
    /// The site's own page about it, a route such as `/facilities/x/`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<String>,
    /// An official web address (the website entry).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Where the number comes from and its dates, e.g. 「出典：千葉市「区役所の窓口」（ページの
    /// 更新日 2023年8月1日・2026年12月5日に確認）」.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The source's address, linked from the source line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_url: Option<String>,
}

impl Call {
    /// 119, last in every list: the one number that is always right when life is in danger.
    pub fn emergency(t: &Texts) -> Call {
        Call {
            rank: CallRank::Emergency,
            name: t.raw("call.emergency_name"),
            why: t.raw("call.emergency_why"),
            phone: Some("119".into()),
            open_24h: true,
            ..Default::default()
        }
    }

    /// The municipality's official website, when that is all that is known.
    pub fn website(area_name: &str, url: &str, t: &Texts) -> Call {
        Call {
            rank: CallRank::Website,
            name: t.raw("call.website_name").replace("{area}", area_name),
            why: t.raw("call.website_why"),
            url: Some(url.to_string()),
            ..Default::default()
        }
    }
}

/// Several areas' lists as one (a ward's city and its region, say): ranked, each number
/// once, the website and 119 once at the end.
pub fn merge_calls<'a>(lists: impl IntoIterator<Item = &'a [Call]>) -> Vec<Call> {
    let mut out: Vec<Call> = Vec::new();
    for call in lists.into_iter().flatten() {
        let seen = out.iter().any(|c| {
            (c.phone.is_some() && c.phone == call.phone) || (c.rank == call.rank && c.rank >= CallRank::Website)
        });
        if !seen {
            out.push(call.clone());
        }
    }
    out.sort_by_key(|c| c.rank);
    out
}
