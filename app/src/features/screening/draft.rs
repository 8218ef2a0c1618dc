//! The opt-in draft's format in `localStorage`.

use crate::model::screening::Answers;

/// `1;<step>;<question>=<answer>;…` — ids are `a–z 0–9 _ -` (checked by `check`).
pub(super) fn draft_text(step: usize, answers: &Answers) -> String {
    let mut t = format!("1;{step}");
    for (q, a) in answers {
        t += &format!(";{q}={a}");
    }
    t
}

pub(super) fn parse_draft(text: &str) -> Option<(usize, Answers)> {
    let mut parts = text.split(';');
    if parts.next()? != "1" {
        return None;
    }
    let step = parts.next()?.parse().ok()?;
    let answers = parts.filter_map(|p| p.split_once('=')).map(|(q, a)| (q.to_string(), a.to_string())).collect();
    Some((step, answers))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drafts_round_trip_and_reject_other_formats() {
        let answers: Answers =
            [("carer".to_string(), "parent".to_string()), ("area".to_string(), "132144".to_string())].into();
        let text = draft_text(3, &answers);
        assert_eq!(text, "1;3;area=132144;carer=parent");
        assert_eq!(parse_draft(&text), Some((3, answers)));
        for bad in ["", "2;3;a=b", "1;x;a=b"] {
            assert_eq!(parse_draft(bad), None, "{bad:?}");
        }
    }
}
