//! The finder's state as the URL carries it (`?area=132144&fn=emergency&dis=…`): read with
//! bad values reported, written back, and the groups of conditions a person can remove.
//! Applying it to rows is `matching.rs`'s.

use crate::model::{AgeGroup, DisabilityType, Function};
use crate::url::encode_component;

/// The finder's state, read from and written to the URL query.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filters {
    pub area: Option<String>,
    pub functions: Vec<Function>,
    pub disabilities: Vec<DisabilityType>,
    pub age: Option<AgeGroup>,
    pub open_24h: bool,
    pub beds: bool,
    pub kyoten_only: bool,
    pub text: String,
    /// A municipality typed into a plain form (`where=国分寺`), resolved to `area` once the
    /// area index has loaded.
    pub place: String,
}

/// What was wrong with a URL parameter, for the helpful message on the page.
#[derive(Clone, Debug, PartialEq)]
pub struct BadParam {
    pub name: String,
    pub value: String,
}

impl Filters {
    /// Read filters from query pairs; unknown values are reported, never fatal.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> (Filters, Vec<BadParam>) {
        let mut f = Filters::default();
        let mut bad = Vec::new();
        for (name, value) in pairs {
            let mut reject = || bad.push(BadParam { name: name.to_string(), value: value.to_string() });
            match name {
                "area" => {
                    let ok = !value.is_empty()
                        && value.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
                    if ok {
                        f.area = Some(value.to_string())
                    } else if !value.is_empty() {
                        reject()
                    }
                }
                "fn" => read_list(name, value, Function::from_id, &mut f.functions, &mut bad),
                "dis" => read_list(name, value, DisabilityType::from_id, &mut f.disabilities, &mut bad),
                "age" => match AgeGroup::from_id(value) {
                    Some(a) => f.age = Some(a),
                    None if value.is_empty() => {}
                    None => reject(),
                },
                "h24" => f.open_24h = value == "1",
                "beds" => f.beds = value == "1",
                "kyoten" => f.kyoten_only = value == "1",
                "q" => f.text = value.to_string(),
                "where" => f.place = value.to_string(),
                _ => {}
            }
        }
        (f, bad)
    }

    /// The query string (without `?`), in a fixed order so that URLs are stable.
    pub fn to_query(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        if let Some(a) = &self.area {
            parts.push(format!("area={a}"));
        }
        if !self.functions.is_empty() {
            parts.push(format!("fn={}", self.functions.iter().map(|f| f.id()).collect::<Vec<_>>().join(",")));
        }
        if !self.disabilities.is_empty() {
            parts.push(format!("dis={}", self.disabilities.iter().map(|d| d.id()).collect::<Vec<_>>().join(",")));
        }
        if let Some(a) = self.age {
            parts.push(format!("age={}", a.id()));
        }
        for (on, name) in [(self.open_24h, "h24"), (self.beds, "beds"), (self.kyoten_only, "kyoten")] {
            if on {
                parts.push(format!("{name}=1"));
            }
        }
        if !self.text.trim().is_empty() {
            parts.push(format!("q={}", encode_component(self.text.trim())));
        }
        parts.join("&")
    }

    /// Whether anything narrows the results besides the area.
    pub fn narrows(&self) -> bool {
        !self.functions.is_empty()
            || !self.disabilities.is_empty()
            || self.age.is_some()
            || self.open_24h
            || self.beds
            || self.kyoten_only
            || !self.text.trim().is_empty()
    }
}

impl Filters {
    /// Whether the disability or age filter is on: only then do results split by [`Fit`].
    pub fn asks_who(&self) -> bool {
        !self.disabilities.is_empty() || self.age.is_some()
    }

    /// Whether the condition group `c` narrows these filters at all.
    pub fn has(&self, c: Condition) -> bool {
        match c {
            Condition::Need => !self.functions.is_empty(),
            Condition::Who => self.asks_who(),
            Condition::Other => self.open_24h || self.beds || self.kyoten_only,
            Condition::Text => !self.text.trim().is_empty(),
        }
    }

    /// These filters without one group of conditions (「…の条件を外す」).
    pub fn without(&self, c: Condition) -> Filters {
        let mut f = self.clone();
        match c {
            Condition::Need => f.functions.clear(),
            Condition::Who => {
                f.disabilities.clear();
                f.age = None;
            }
            Condition::Other => {
                f.open_24h = false;
                f.beds = false;
                f.kyoten_only = false;
            }
            Condition::Text => f.text.clear(),
        }
        f
    }
}

/// A group of conditions, as the form shows them and a person removes them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Condition {
    // The order is the bit order of [`Matcher::failing`].
    Need,
    Who,
    Other,
    Text,
}

impl Condition {
    pub const ALL: [Condition; 4] = [Condition::Need, Condition::Who, Condition::Other, Condition::Text];

    /// The catalogue key of its name as the page says it: 「{label}の条件を外す」,
    /// 「{label}」の条件では…
    pub fn key(self) -> &'static str {
        match self {
            Condition::Need => "finder.condition_need",
            Condition::Who => "finder.condition_who",
            Condition::Other => "finder.condition_other",
            Condition::Text => "finder.condition_text",
        }
    }
}

/// A comma-separated list parameter (`fn=emergency,consultation`): each known id once, in
/// order; an unknown one reported on its own.
fn read_list<T: PartialEq>(
    name: &str,
    value: &str,
    from_id: fn(&str) -> Option<T>,
    into: &mut Vec<T>,
    bad: &mut Vec<BadParam>,
) {
    for v in value.split(',').filter(|v| !v.is_empty()) {
        match from_id(v) {
            Some(x) if !into.contains(&x) => into.push(x),
            Some(_) => {}
            None => bad.push(BadParam { name: name.into(), value: v.into() }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_round_trip_through_the_url() {
        let (f, bad) = Filters::from_pairs([
            ("area", "132144"),
            ("fn", "emergency,consultation"),
            ("dis", "intellectual"),
            ("h24", "1"),
            ("q", "つばさ 国分寺"),
        ]);
        assert!(bad.is_empty());
        assert_eq!(f.to_query(), "area=132144&fn=emergency,consultation&dis=intellectual&h24=1&q=%E3%81%A4%E3%81%B0%E3%81%95%20%E5%9B%BD%E5%88%86%E5%AF%BA");
    }

    #[test]
    fn bad_parameters_are_reported_not_fatal() {
        let (f, bad) = Filters::from_pairs([("area", "<script>"), ("fn", "emergency,flying"), ("age", "old")]);
        assert_eq!(f.functions, vec![Function::Emergency]);
        assert_eq!(f.area, None);
        let names: Vec<(&str, &str)> = bad.iter().map(|b| (b.name.as_str(), b.value.as_str())).collect();
        assert_eq!(names, vec![("area", "<script>"), ("fn", "flying"), ("age", "old")]);
    }
}
