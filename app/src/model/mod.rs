//! The content model: one type per concept, shared by the site builder (native) and the
//! browser (wasm) through serde. Each type is also the front matter of its content file,
//! documented field by field for the people who edit `content/`.

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

pub use area::{Area, Contact, Registration};
pub use call::{merge_calls, Call, CallRank};
pub use catalogue::{Bar, CatalogueSummary, Chart, ExampleList, PracticePart, PracticeSection, PRACTICE_MATCHING_NOTE};
pub use facility::{Facility, SourceRecord};
pub use guide::Guide;
pub use practice::{
    FunctionStatus, Practice, SeedPassage, COORDINATOR_IN_OVERVIEW, GOOD_PRACTICES_AS_OF, SHIFT_ONLY_NOTE,
};
pub use report::{Figure, Report};
pub use screening::Screening;
pub use site::Site;
pub use source::Source;
pub use vocab::{AgeGroup, ContactKind, DevelopmentType, DisabilityType, Function, Role};
