//! The field rules, once: one function per kind of value that content or a source writes —
//! a phone number, a date, a web or e-mail address, a 全国地方公共団体コード, a position, a
//! reading in kana. Each looks at one value and says whether it is right (or what it reads
//! as). The validators (`validate`), the WAM NET reader (`wamnet`), the open data
//! (`site::hsds`) and the importer (`import`) call these; nothing else re-implements them.
//!
//! Not here: where a value is written (`spans`), which fields must have one and what a
//! mistake is reported as (`validate`).

use phonenumber::country::Id;
use phonenumber::Mode;

/// A phone number as content files write it: starts with 0, digits and hyphens, 10 or 11
/// digits (0120 / 0570 / 0800 numbers are 10 or 11 too), e.g. `042-123-4567`.
pub fn is_phone(value: &str) -> bool {
    let digits = value.bytes().filter(|b| b.is_ascii_digit()).count();
    value.starts_with('0')
        && value.bytes().all(|b| b.is_ascii_digit() || b == b'-')
        && !value.contains("--")
        && !value.ends_with('-')
        && (10..=11).contains(&digits)
}

/// A number as a source writes it (「0138838015」, 「090-89004700」, issue #19), read against
/// Japan's numbering plan by the `phonenumber` crate (libphonenumber's metadata, bundled,
/// so it works offline) and written in the national format with hyphens (「0138-83-8015」).
/// Content files write numbers in that form already and are checked by [`is_phone`].
/// Returns the number in the national format, or why it cannot be used.
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

/// `YYYY-MM-DD` (or `YYYY-MM` when `month_ok`) naming a day that exists.
pub fn is_real_date(value: &str, month_ok: bool) -> bool {
    let parts: Vec<&str> = value.split('-').collect();
    let num = |s: &str, len: usize| {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse::<u32>().ok()).flatten()
    };
    let (Some(y), Some(m)) = (parts.first().and_then(|s| num(s, 4)), parts.get(1).and_then(|s| num(s, 2))) else {
        return false;
    };
    if !(1900..=2100).contains(&y) || !(1..=12).contains(&m) {
        return false;
    }
    match parts.len() {
        2 => month_ok,
        3 => {
            let Some(d) = num(parts[2], 2) else { return false };
            let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
            let days = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m as usize - 1];
            (1..=days).contains(&d)
        }
        _ => false,
    }
}

/// `Ok` when `value` is an absolute `https:` (or, unless `https_only`, `http:`) address with
/// a host, written without spaces or control characters (a CR/LF would end a header line
/// wherever the value is copied; the URL parser drops tabs and newlines silently, so they
/// are refused before parsing). `javascript:`, `data:` and every other scheme are refused.
pub fn web_url(value: &str, https_only: bool) -> Result<(), String> {
    parse_web_url(value, https_only).map(|_| ())
}

/// [`web_url`]'s check, giving the parsed address.
fn parse_web_url(value: &str, https_only: bool) -> Result<url::Url, String> {
    let expected = if https_only { "https://…" } else { "https://… or http://…" };
    let shown: String = value.chars().take(80).collect::<String>().escape_debug().to_string();
    if value.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return Err(format!("\"{shown}\" has a space, line break or control character (expected {expected})"));
    }
    let parsed =
        url::Url::parse(value).map_err(|e| format!("\"{shown}\" is not a web address: {e} (expected {expected})"))?;
    let scheme_ok = parsed.scheme() == "https" || (!https_only && parsed.scheme() == "http");
    if !scheme_ok || parsed.host_str().is_none_or(str::is_empty) {
        return Err(format!("\"{shown}\" is not a web address (expected {expected})"));
    }
    Ok(parsed)
}

/// A website address a source gives (WAM NET), kept only when a browser can open it: a
/// [`web_url`] (`http(s)://`, no space or control character) and, stricter, with a host name
/// of letters, digits and hyphens in dotted labels, no user part (「http://info@…」), no
/// third slash (「http:///www…」), no full-width or stray characters
/// (「http://＠kibinosato.or.jp」, 「http://three.ai,jp」), no `%` without two hex digits
/// after it (addresses the file cuts off mid-escape, 「…%E3%81%8D%E」), issue #19.
pub fn usable_web_url(raw: &str) -> Option<String> {
    let raw = raw.trim();
    let parsed = parse_web_url(raw, false).ok()?;
    let rest = raw.strip_prefix("https://").or_else(|| raw.strip_prefix("http://"))?;
    if rest.starts_with('/') || !raw.is_ascii() {
        return None;
    }
    let b = raw.as_bytes();
    let hex = |i: usize| b.get(i).is_some_and(u8::is_ascii_hexdigit);
    if b.iter().enumerate().any(|(i, &c)| c == b'%' && !(hex(i + 1) && hex(i + 2))) {
        return None;
    }
    if !parsed.username().is_empty() || parsed.password().is_some() {
        return None;
    }
    let Some(url::Host::Domain(host)) = parsed.host() else { return None };
    let labels: Vec<&str> = host.split('.').collect();
    let good = labels.len() >= 2
        && labels.iter().all(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'));
    good.then(|| raw.to_string())
}

/// `Ok` when `value` is one plain e-mail address (`local@domain.example`): no name, no
/// `?subject=`/`&cc=` or other query that would smuggle headers into the mail the site's
/// `mailto:` link opens, no space, line break or second address.
pub fn plain_email(value: &str) -> Result<(), String> {
    let shown: String = value.chars().take(80).collect::<String>().escape_debug().to_string();
    let bad = || Err(format!("\"{shown}\" is not one plain e-mail address (expected e.g. fix@example.jp)"));
    let Some((local, domain)) = value.split_once('@') else { return bad() };
    let local_ok = !local.is_empty()
        && local.chars().all(|c| c.is_ascii_alphanumeric() || "._+-".contains(c))
        && !local.starts_with('.')
        && !local.ends_with('.');
    let domain_ok = domain.contains('.')
        && domain.split('.').all(|l| {
            !l.is_empty()
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        });
    if local_ok && domain_ok {
        Ok(())
    } else {
        bad()
    }
}

/// Whether `code` is a 6-digit 全国地方公共団体コード with a correct check digit.
pub fn valid_lgcode(code: &str) -> bool {
    let digits: Vec<u32> = code.chars().filter_map(|c| c.to_digit(10)).collect();
    if code.len() != 6 || digits.len() != 6 {
        return false;
    }
    let sum: u32 = digits[..5].iter().zip([6, 5, 4, 3, 2]).map(|(d, w)| d * w).sum();
    (11 - sum % 11) % 10 == digits[5]
}

/// Whether an area id names a municipality (six digits, its 全国地方公共団体コード) rather
/// than a region (a slug). [`valid_lgcode`] checks the check digit.
pub fn is_municipality_id(id: &str) -> bool {
    id.len() == 6 && id.bytes().all(|b| b.is_ascii_digit())
}

/// Whether a position lies in Japan (latitude 20–46, longitude 122–154).
pub fn in_japan(lat: f64, lng: f64) -> bool {
    (20.0..=46.0).contains(&lat) && (122.0..=154.0).contains(&lng)
}

/// Whether `c` is hiragana or katakana (a reading).
pub fn is_kana(c: char) -> bool {
    matches!(c, '\u{3041}'..='\u{309f}' | '\u{30a0}'..='\u{30ff}')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Asserts what `rule` says of each value.
    fn each<T: PartialEq + std::fmt::Debug>(rule: impl Fn(&str) -> T, cases: &[(&str, T)]) {
        for (value, expected) in cases {
            assert_eq!(&rule(value), expected, "{value:?}");
        }
    }

    #[test]
    fn dates() {
        let (day, month) = (|d: &str| is_real_date(d, false), |d: &str| is_real_date(d, true));
        each(day, &[("2021-11-01", true), ("2024-02-29", true), ("2023-02-29", false), ("2021-13-01", false)]);
        each(day, &[("2021-11", false), ("2021-4-1", false)]);
        each(month, &[("2021-11", true), ("令和3年11月", false)]);
    }

    #[test]
    fn web_and_mail_addresses() {
        each(
            |u| web_url(u, true).is_ok(),
            &[("https://www.city.kokubunji.tokyo.jp/x.html", true), ("http://example.jp/", false)],
        );
        each(
            |u| web_url(u, false).is_ok(),
            &[
                ("http://example.jp/", true),
                ("javascript:alert(1)", false),
                ("JavaScript:alert(1)//https://x.jp", false),
                ("data:text/html,x", false),
                ("https://example.jp/\r\nSet-Cookie: a=b", false),
                ("https://exa\tmple.jp/", false),
                ("https://", false),
                ("example.jp", false),
            ],
        );
        each(
            |e| plain_email(e).is_ok(),
            &[
                ("fix@example.jp", true),
                ("kikan.center+fix@city.kokubunji.tokyo.jp", true),
                // Headers smuggled into the mail a `mailto:` link opens.
                ("fix@example.jp?subject=x", false),
                ("fix@example.jp&cc=all@example.jp", false),
                ("fix@example.jp?bcc=a@b.jp", false),
                ("fix@example.jp\r\nBcc: a@b.jp", false),
                ("fix@example.jp,b@example.jp", false),
                ("名前 <fix@example.jp>", false),
                ("javascript:alert(1)//@x.jp", false),
                ("fix", false),
            ],
        );
    }

    #[test]
    fn phones_as_content_writes_them() {
        each(
            is_phone,
            &[
                ("042-123-4567", true),
                ("03-1234-5678", true),
                ("090-1234-5678", true),
                ("0120-123-456", true),
                ("042-123", false),
                ("42-123-4567", false),
                ("042-123-4567 内線2", false),
                ("042--1234567", false),
            ],
        );
    }

    #[test]
    fn numbers_from_sources_are_written_in_the_national_format() {
        let ok = |s: &str| Some(s.to_string());
        each(
            |raw| normalize_phone(raw).ok(),
            &[
                // Real examples from WAM NET (issue #19).
                ("090-89004700", ok("090-8900-4700")),
                ("0138838015", ok("0138-83-8015")),
                ("0138-83-8015", ok("0138-83-8015")),
                ("048-581-2112", ok("048-581-2112")),
                ("0425242222", ok("042-524-2222")),
                ("０４２－５２４－２２２２", ok("042-524-2222")),
                ("0120-123-456", ok("0120-123-456")),
                // Not dialable as written.
                ("834-2006", None),
                ("(089)909-5034", None),
                ("042-123", None),
                ("", None),
            ],
        );
    }

    #[test]
    fn source_web_urls_are_parsed_and_malformed_ones_refused() {
        let ok = |s: &str| Some(s.to_string());
        each(
            usable_web_url,
            &[
                ("https://grouphome-saitama.com/", ok("https://grouphome-saitama.com/")),
                ("http://www.example.or.jp/page?x=1", ok("http://www.example.or.jp/page?x=1")),
                // The malformed addresses of issue #19, as WAM NET gives them.
                ("http://＠kibinosato.or.jp", None),
                ("http://three.ai,jp", None),
                ("http:///www.example.jp/", None),
                ("http://info@example.jp", None),
                // Cut off in the file in the middle of an escape (w1132700038-d1fe).
                ("https://kobushi-f.jimdofree.com/%E5%9C%B0%E3%81%8D%E", None),
                ("https://kobushi-f.jimdofree.com/%E5%9C%B0", ok("https://kobushi-f.jimdofree.com/%E5%9C%B0")),
                ("www.example.jp", None),
                ("", None),
            ],
        );
    }

    #[test]
    fn check_digits() {
        let cases = [
            ("132144", true),
            ("121002", true),
            ("011002", true),
            ("132145", false),
            ("13214", false),
            ("13214a", false),
        ];
        each(valid_lgcode, &cases);
    }
}
