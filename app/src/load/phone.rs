//! Japanese phone numbers as the site shows them: parsed and checked against Japan's
//! numbering plan by the `phonenumber` crate (libphonenumber's metadata, bundled, so it
//! works offline) and written in the national format with hyphens (「0138-83-8015」).
//! WAM NET writes numbers in many ways (「0138838015」, 「090-89004700」, issue #19); the
//! source value is kept beside the normalised one (`SourceRecord::phone_source`).

use phonenumber::country::Id;
use phonenumber::Mode;

/// The number in the national format, or why it cannot be used.
pub fn normalize_phone(raw: &str) -> Result<String, String> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Err("no number".into());
    }
    // Only digits and hyphens (full-width digits are read as digits): 「(089)909-5034」 or a
    // number with words around it stays as the source wrote it.
    let ascii: String = raw
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            'ー' | '－' | '―' | '‐' => '-',
            c => c,
        })
        .collect();
    if !ascii.starts_with('0') || !ascii.chars().all(|c| c.is_ascii_digit() || c == '-') {
        return Err(format!("「{raw}」 is not written as a Japanese number (0 and digits, with hyphens)"));
    }
    let number =
        phonenumber::parse(Some(Id::JP), &ascii).map_err(|e| format!("「{raw}」 cannot be read as a number: {e}"))?;
    if !phonenumber::is_valid(&number) {
        return Err(format!("「{raw}」 is not a valid number in Japan's numbering plan"));
    }
    Ok(number.format().mode(Mode::National).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_in_the_national_format() {
        for (raw, shown) in [
            // Real examples from WAM NET (issue #19).
            ("090-89004700", Some("090-8900-4700")),
            ("0138838015", Some("0138-83-8015")),
            ("0138-83-8015", Some("0138-83-8015")),
            ("048-581-2112", Some("048-581-2112")),
            ("0425242222", Some("042-524-2222")),
            ("０４２－５２４－２２２２", Some("042-524-2222")),
            ("0120-123-456", Some("0120-123-456")),
            // Not dialable as written.
            ("834-2006", None),
            ("(089)909-5034", None),
            ("042-123", None),
            ("", None),
        ] {
            assert_eq!(normalize_phone(raw).ok().as_deref(), shown, "{raw}");
        }
    }
}
