//! The self-check's data and the widgets' (issue #8): the municipal contacts and steps the
//! self-check and the emergency card show.

use super::*;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ScreeningData {
    pub screening: crate::model::Screening,
    /// Every municipality for the area question, by prefecture in the reference order.
    pub prefectures: Vec<ScreeningPrefecture>,
    /// Next steps of the areas whose content says something; a region's apply to its members.
    pub local: Vec<LocalSteps>,
    /// This page's public URL, printed on the 相談メモ.
    pub page_url: String,
    /// The fixed text of the self-check, 「まず連絡するところ」, the 相談メモ and the widgets,
    /// in the page's reading (issue #22).
    pub text: crate::i18n::Texts,
}
/// A widget for municipal websites (issue #8). Its options (area, colour …) are in the
/// address's query, which only the browser knows: the page is pre-rendered once per widget.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct WidgetData {
    pub widget: Widget,
    /// Every municipality and the areas' next steps: what the emergency card and the
    /// self-check show (the questionnaire is left empty for the emergency card). `None` for
    /// the finder, which loads its own index.
    pub screening: Option<ScreeningData>,
    /// The finder widget's text and links in the page's reading (`None` for the others).
    pub finder: Option<crate::features::finder::state::FinderReading>,
}
/// Which widget a page is; the id is its address, `/embed/<id>/`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Widget {
    #[default]
    Finder,
    Emergency,
    Screening,
}
impl Widget {
    pub const ALL: [Widget; 3] = [Widget::Finder, Widget::Emergency, Widget::Screening];

    pub fn id(self) -> &'static str {
        match self {
            Widget::Finder => "finder",
            Widget::Emergency => "emergency",
            Widget::Screening => "screening",
        }
    }

    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|w| w.id() == id)
    }

    /// What it shows, as a title.
    pub fn label(self) -> &'static str {
        match self {
            Widget::Finder => "相談先をさがす",
            Widget::Emergency => "緊急時の連絡先",
            Widget::Screening => "事前登録のセルフチェック",
        }
    }
}
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ScreeningPrefecture {
    pub name: String,
    pub areas: Vec<AreaChoice>,
}
/// One municipality of the area select, kept small (about 1,900 travel with the page):
/// `[id, name, official website without "https://"]`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AreaChoice(pub String, pub String, pub String);
/// What an area's content says about whom to contact and how to pre-register.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LocalSteps {
    /// The area the content belongs to: a municipality code or a region slug.
    pub id: String,
    pub name: String,
    /// The municipalities it applies to: the municipality itself, or a region's members.
    pub members: Vec<String>,
    /// 「まず連絡するところ」 of the area, ranked (`site::first_contacts`).
    pub calls: Vec<crate::model::Call>,
    pub registration: Option<crate::model::Registration>,
}
