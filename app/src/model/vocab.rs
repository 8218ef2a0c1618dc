//! The fixed vocabularies of the content model: the five 拠点 functions, disability types,
//! age groups, 整備類型 and facility roles. Ids are stable English words used in content
//! files, URLs and JSON; every Japanese label comes from one `label()` per enum.

use serde::{Deserialize, Serialize};

/// The five functions of a 地域生活支援拠点等 as the national definition lists them
/// (seeds 000 国が示す機能, 001, 003).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Function {
    /// ①相談
    #[default]
    Consultation,
    /// ②緊急時の受け入れ・対応
    Emergency,
    /// ③体験の機会・場
    Experience,
    /// ④専門的人材の確保・養成
    Expertise,
    /// ⑤地域の体制づくり
    Network,
}

impl Function {
    pub const ALL: [Function; 5] =
        [Function::Consultation, Function::Emergency, Function::Experience, Function::Expertise, Function::Network];

    pub fn id(self) -> &'static str {
        match self {
            Function::Consultation => "consultation",
            Function::Emergency => "emergency",
            Function::Experience => "experience",
            Function::Expertise => "expertise",
            Function::Network => "network",
        }
    }

    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.id() == id)
    }

    /// The official name, numbered as in the seeds.
    pub fn label(self) -> &'static str {
        match self {
            Function::Consultation => "①相談",
            Function::Emergency => "②緊急時の受け入れ・対応",
            Function::Experience => "③体験の機会・場",
            Function::Expertise => "④専門的人材の確保・養成",
            Function::Network => "⑤地域の体制づくり",
        }
    }

    /// The catalogue key of [`Function::label`] (`content/messages/`, issue #22).
    pub fn label_key(self) -> &'static str {
        match self {
            Function::Consultation => "function.consultation.label",
            Function::Emergency => "function.emergency.label",
            Function::Experience => "function.experience.label",
            Function::Expertise => "function.expertise.label",
            Function::Network => "function.network.label",
        }
    }

    /// The catalogue key of [`Function::need`].
    pub fn need_key(self) -> &'static str {
        match self {
            Function::Consultation => "function.consultation.need",
            Function::Emergency => "function.emergency.need",
            Function::Experience => "function.experience.need",
            Function::Expertise => "function.expertise.need",
            Function::Network => "function.network.need",
        }
    }

    /// The same function as a family would say it (used by the finder's need buttons).
    pub fn need(self) -> &'static str {
        match self {
            Function::Consultation => "相談したい",
            Function::Emergency => "緊急時に預けたい・助けてほしい",
            Function::Experience => "一人暮らしやグループホームを体験したい",
            Function::Expertise => "医療的ケアや行動障害に詳しい支援者を探したい",
            Function::Network => "地域の支援のつながりを知りたい",
        }
    }
}

/// Disability types a facility serves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DisabilityType {
    Physical,
    Intellectual,
    Mental,
    Developmental,
    Intractable,
    BrainInjury,
    SevereMultiple,
    MedicalCare,
    Behavioral,
}

impl DisabilityType {
    pub const ALL: [DisabilityType; 9] = [
        DisabilityType::Physical,
        DisabilityType::Intellectual,
        DisabilityType::Mental,
        DisabilityType::Developmental,
        DisabilityType::Intractable,
        DisabilityType::BrainInjury,
        DisabilityType::SevereMultiple,
        DisabilityType::MedicalCare,
        DisabilityType::Behavioral,
    ];

    pub fn id(self) -> &'static str {
        match self {
            DisabilityType::Physical => "physical",
            DisabilityType::Intellectual => "intellectual",
            DisabilityType::Mental => "mental",
            DisabilityType::Developmental => "developmental",
            DisabilityType::Intractable => "intractable",
            DisabilityType::BrainInjury => "brain_injury",
            DisabilityType::SevereMultiple => "severe_multiple",
            DisabilityType::MedicalCare => "medical_care",
            DisabilityType::Behavioral => "behavioral",
        }
    }

    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|d| d.id() == id)
    }

    /// The catalogue key of its label (`content/messages/<reading>.toml`), for pages and
    /// islands in any reading; [`Self::label`] is the standard text, held equal by a test.
    pub fn key(self) -> &'static str {
        match self {
            DisabilityType::Physical => "disability.physical",
            DisabilityType::Intellectual => "disability.intellectual",
            DisabilityType::Mental => "disability.mental",
            DisabilityType::Developmental => "disability.developmental",
            DisabilityType::Intractable => "disability.intractable",
            DisabilityType::BrainInjury => "disability.brain_injury",
            DisabilityType::SevereMultiple => "disability.severe_multiple",
            DisabilityType::MedicalCare => "disability.medical_care",
            DisabilityType::Behavioral => "disability.behavioral",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            DisabilityType::Physical => "身体障害",
            DisabilityType::Intellectual => "知的障害",
            DisabilityType::Mental => "精神障害",
            DisabilityType::Developmental => "発達障害",
            DisabilityType::Intractable => "難病",
            DisabilityType::BrainInjury => "高次脳機能障害",
            DisabilityType::SevereMultiple => "重症心身障害",
            DisabilityType::MedicalCare => "医療的ケア",
            DisabilityType::Behavioral => "強度行動障害",
        }
    }
}

/// Age groups a facility serves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgeGroup {
    /// 障害児 (under 18)
    Child,
    /// 障害者 (18 and over)
    Adult,
}

impl AgeGroup {
    pub const ALL: [AgeGroup; 2] = [AgeGroup::Child, AgeGroup::Adult];

    pub fn id(self) -> &'static str {
        match self {
            AgeGroup::Child => "child",
            AgeGroup::Adult => "adult",
        }
    }

    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.id() == id)
    }

    /// The catalogue key of its label (`content/messages/<reading>.toml`), for pages and
    /// islands in any reading; [`Self::label`] is the standard text, held equal by a test.
    pub fn key(self) -> &'static str {
        match self {
            AgeGroup::Child => "age.child",
            AgeGroup::Adult => "age.adult",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            AgeGroup::Child => "子ども（18歳未満）",
            AgeGroup::Adult => "大人（18歳以上）",
        }
    }
}

/// 整備類型: how an area built its 拠点 (seed 003).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DevelopmentType {
    /// 多機能拠点整備型 (table mark 「多」)
    Multi,
    /// 面的整備型 (table mark 「面」)
    Area,
    /// 併用整備型 (table mark 「併」)
    Combined,
}

impl DevelopmentType {
    pub const ALL: [DevelopmentType; 3] = [DevelopmentType::Multi, DevelopmentType::Area, DevelopmentType::Combined];

    pub fn id(self) -> &'static str {
        match self {
            DevelopmentType::Multi => "multi",
            DevelopmentType::Area => "area",
            DevelopmentType::Combined => "combined",
        }
    }

    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.id() == id)
    }

    /// The catalogue key of its label (`content/messages/<reading>.toml`), for pages and
    /// islands in any reading; [`Self::label`] is the standard text, held equal by a test.
    pub fn key(self) -> &'static str {
        match self {
            DevelopmentType::Multi => "development.multi",
            DevelopmentType::Area => "development.area",
            DevelopmentType::Combined => "development.combined",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            DevelopmentType::Multi => "多機能拠点整備型",
            DevelopmentType::Area => "面的整備型",
            DevelopmentType::Combined => "併用整備型",
        }
    }
}

/// An area contact's kind, which orders 「まず連絡するところ」 (issue #17).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContactKind {
    /// The 拠点's own contact point or coordinator, as a source says.
    Kyoten,
    /// 基幹相談支援センター
    Kikan,
    /// The municipality's 障害福祉 desk
    Desk,
    /// Another consultation point a source names
    #[default]
    Other,
}

impl ContactKind {
    pub fn label(self) -> &'static str {
        match self {
            ContactKind::Kyoten => "地域生活支援拠点等の窓口",
            ContactKind::Kikan => "基幹相談支援センター",
            ContactKind::Desk => "市区町村の障害福祉の窓口",
            ContactKind::Other => "相談窓口",
        }
    }
}

/// What a facility or contact point is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// 基幹相談支援センター
    #[default]
    CoreConsultation,
    /// 地域生活支援拠点 itself (a multi-function base or its office)
    Base,
    /// 地域活動支援センター
    ActivitySupport,
    /// 相談支援事業所 (計画相談支援・障害児相談支援)
    ConsultationOffice,
    /// 短期入所 (short stay)
    ShortStay,
    /// グループホーム (共同生活援助)
    GroupHome,
    /// 日中活動系サービス
    DayActivity,
    /// 居宅介護・重度訪問介護など
    HomeCare,
    /// 地域移行支援
    CommunityTransition,
    /// 地域定着支援
    CommunitySettlement,
    /// 障害者福祉センター
    WelfareCentre,
    /// 市区町村の担当窓口
    MunicipalOffice,
    /// 法人 (an operator named as a 拠点 body)
    Operator,
}

impl Role {
    pub const ALL: [Role; 13] = [
        Role::CoreConsultation,
        Role::Base,
        Role::ActivitySupport,
        Role::ConsultationOffice,
        Role::ShortStay,
        Role::GroupHome,
        Role::DayActivity,
        Role::HomeCare,
        Role::CommunityTransition,
        Role::CommunitySettlement,
        Role::WelfareCentre,
        Role::MunicipalOffice,
        Role::Operator,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Role::CoreConsultation => "core_consultation",
            Role::Base => "base",
            Role::ActivitySupport => "activity_support",
            Role::ConsultationOffice => "consultation_office",
            Role::ShortStay => "short_stay",
            Role::GroupHome => "group_home",
            Role::DayActivity => "day_activity",
            Role::HomeCare => "home_care",
            Role::CommunityTransition => "community_transition",
            Role::CommunitySettlement => "community_settlement",
            Role::WelfareCentre => "welfare_centre",
            Role::MunicipalOffice => "municipal_office",
            Role::Operator => "operator",
        }
    }

    /// The catalogue key of its label (`content/messages/<reading>.toml`), for pages and
    /// islands in any reading; [`Self::label`] is the standard text, held equal by a test.
    pub fn key(self) -> &'static str {
        match self {
            Role::CoreConsultation => "role.core_consultation",
            Role::Base => "role.base",
            Role::ActivitySupport => "role.activity_support",
            Role::ConsultationOffice => "role.consultation_office",
            Role::ShortStay => "role.short_stay",
            Role::GroupHome => "role.group_home",
            Role::DayActivity => "role.day_activity",
            Role::HomeCare => "role.home_care",
            Role::CommunityTransition => "role.community_transition",
            Role::CommunitySettlement => "role.community_settlement",
            Role::WelfareCentre => "role.welfare_centre",
            Role::MunicipalOffice => "role.municipal_office",
            Role::Operator => "role.operator",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Role::CoreConsultation => "基幹相談支援センター",
            Role::Base => "地域生活支援拠点",
            Role::ActivitySupport => "地域活動支援センター",
            Role::ConsultationOffice => "相談支援事業所",
            Role::ShortStay => "短期入所",
            Role::GroupHome => "グループホーム",
            Role::DayActivity => "日中活動系サービス",
            Role::HomeCare => "居宅介護・訪問系サービス",
            Role::CommunityTransition => "地域移行支援",
            Role::CommunitySettlement => "地域定着支援",
            Role::WelfareCentre => "障害者福祉センター",
            Role::MunicipalOffice => "市区町村の窓口",
            Role::Operator => "運営法人",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The standard catalogue and the code say the same: the labels the islands and the
    /// pages without a reading use (`label`, `need`) are `ja.toml`'s, so they cannot drift.
    #[test]
    fn labels_equal_the_standard_catalogue() {
        let m = crate::i18n::catalogue(crate::i18n::Lang::Ja);
        for f in Function::ALL {
            assert_eq!(m.plain(f.label_key()), f.label(), "{}", f.label_key());
            assert_eq!(m.plain(f.need_key()), f.need(), "{}", f.need_key());
        }
        for d in DisabilityType::ALL {
            assert_eq!(m.plain(d.key()), d.label(), "{}", d.key());
        }
        for a in AgeGroup::ALL {
            assert_eq!(m.plain(a.key()), a.label(), "{}", a.key());
        }
        for t in DevelopmentType::ALL {
            assert_eq!(m.plain(t.key()), t.label(), "{}", t.key());
        }
        for r in Role::ALL {
            assert_eq!(m.plain(r.key()), r.label(), "{}", r.key());
        }
    }

    #[test]
    fn ids_round_trip() {
        for f in Function::ALL {
            assert_eq!(Function::from_id(f.id()), Some(f));
        }
        for d in DisabilityType::ALL {
            assert_eq!(DisabilityType::from_id(d.id()), Some(d));
        }
        for t in DevelopmentType::ALL {
            assert_eq!(DevelopmentType::from_id(t.id()), Some(t));
        }
        assert_eq!(Function::from_id("nope"), None);
    }

    #[test]
    fn serde_ids_match_id() {
        for r in Role::ALL {
            let json = serde_json::to_string(&r).expect("serialise");
            assert_eq!(json, format!("\"{}\"", r.id()));
        }
    }
}
