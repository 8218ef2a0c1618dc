//! Which 拠点 needs a WAM NET service type serves: the only service types the site reads,
//! each with its role and functions.

use crate::model::{Function, Role};

/// The 拠点 needs a service type serves, as the seeds describe the 拠点's use of it.
pub fn service_role(service: &str) -> Option<(Role, Vec<Function>)> {
    match service {
        "短期入所" => Some((Role::ShortStay, vec![Function::Emergency, Function::Experience])),
        // 地域定着支援 is defined by its 常時の連絡体制 (①); no source names it for ② 受け入れ.
        "地域相談支援（地域定着支援）" => Some((Role::CommunitySettlement, vec![Function::Consultation])),
        "地域相談支援（地域移行支援）" => Some((Role::CommunityTransition, vec![Function::Experience])),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_three_service_types_have_a_role() {
        assert_eq!(service_role("短期入所").map(|(r, _)| r), Some(Role::ShortStay));
        let settlement = service_role("地域相談支援（地域定着支援）");
        assert_eq!(settlement, Some((Role::CommunitySettlement, vec![Function::Consultation])));
        assert_eq!(service_role("地域相談支援（地域移行支援）").map(|(r, _)| r), Some(Role::CommunityTransition));
        assert_eq!(service_role("生活介護"), None);
    }
}
