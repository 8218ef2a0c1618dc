//! The content model: one type per concept, shared by the site builder (native) and the
//! browser (wasm; what an island gets travels through serde). The front matter of each
//! content file is documented field by field for the people who edit `content/`: for a
//! facility and an area it is a type of its own, `FacilityFile` and `AreaFile` (only what
//! authors write), from which the loader builds `Facility` and `Area` (see
//! `authored_model!`); the other kinds are their own front matter.

/// Declares a content type in two parts from one list of fields:
/// - `$file`, the front matter authors write: only the `authored` fields, each with its doc
///   and serde attributes, unknown keys refused;
/// - `$model`, the type the rest of the site reads: the same fields plus the `derived` ones
///   the loader fills in (no serde: nothing reads it from a file);
///
/// with `$model::from_file(id, file, body_html)` (derived fields default; `id` and
/// `body_html` must be derived fields) and `$model::DERIVED`, the derived names, so that a
/// file that writes one is told the site builder fills it in (`load::front_matter`).
///
/// Why a macro: each authored field is written once (name, type, doc, serde default) and stays
/// a plain field of the model, so readers keep `facility.phone` and struct literals keep
/// working. An embedded `file: FacilityFile` field would change every reader, and
/// `#[serde(flatten)]` cannot be combined with `deny_unknown_fields`.
macro_rules! authored_model {
    (
        $(#[doc = $file_doc:expr])*
        file $file:ident;
        $(#[doc = $model_doc:expr])*
        model $model:ident;
        authored {
            $( $(#[doc = $a_doc:expr])* $(#[serde($($a_serde:tt)*)])? $a:ident: $a_ty:ty, )*
        }
        derived {
            $( $(#[doc = $d_doc:expr])* $d:ident: $d_ty:ty, )*
        }
    ) => {
        $(#[doc = $file_doc])*
        #[derive(Clone, Debug, Default, PartialEq, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct $file {
            $( $(#[doc = $a_doc])* $(#[serde($($a_serde)*)])? pub $a: $a_ty, )*
        }

        $(#[doc = $model_doc])*
        #[derive(Clone, Debug, Default, PartialEq)]
        pub struct $model {
            $( $(#[doc = $a_doc])* pub $a: $a_ty, )*
            $( $(#[doc = $d_doc])* pub $d: $d_ty, )*
        }

        impl $model {
            /// The fields the loader fills in, which a content file must not write.
            pub const DERIVED: &'static [&'static str] = &[$(stringify!($d)),*];

            /// The value of a content file: its id (the file stem), its front matter and its
            /// body as sanitised HTML; every other derived field is left to the loader.
            pub fn from_file(id: String, file: $file, body_html: String) -> Self {
                let $file { $($a),* } = file;
                $model { id, body_html, $($a,)* ..Default::default() }
            }
        }
    };
}

pub mod area;
pub mod call;
pub mod catalogue;
pub mod facility;
pub mod guide;
pub mod practice;
pub mod report;
pub mod screening;
pub mod site;
pub mod source;
pub mod vocab;

pub use area::{Area, AreaFile, Contact, Registration};
pub use call::{merge_calls, Call, CallRank};
pub use catalogue::{Bar, CatalogueSummary, Chart, ExampleList, PracticePart, PracticeSection, PRACTICE_MATCHING_NOTE};
pub use facility::{Facility, FacilityFile, SourceRecord};
pub use guide::Guide;
pub use practice::{
    FunctionStatus, Practice, SeedPassage, COORDINATOR_IN_OVERVIEW, GOOD_PRACTICES_AS_OF, SHIFT_ONLY_NOTE,
};
pub use report::{Figure, Report};
pub use screening::Screening;
pub use site::Site;
pub use source::Source;
pub use vocab::{AgeGroup, ContactKind, DevelopmentType, DisabilityType, Function, Role};
