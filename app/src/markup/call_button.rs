//! The call button: a `tel:` link with the number written out, large enough to tap
//! (`.kn-button--call`). The one place a `tel:` address is made.

use crate::markup::html::esc;

/// `tel:` address of a number as printed: digits and `+` only (`042-321-1136` →
/// `tel:0423211136`).
pub fn tel_href(phone: &str) -> String {
    let digits: String = phone.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect();
    format!("tel:{digits}")
}

/// 「電話する 042-321-1136」 as a button-styled link.
pub fn call_button(phone: &str) -> String {
    call_button_in("電話する", phone)
}

/// The call button with its label in the page's reading: `label` is markup (the catalogue's
/// `call.button`, with ふりがな on やさしい日本語 pages), the number is escaped.
pub fn call_button_in(label: &str, phone: &str) -> String {
    format!("<a class=\"kn-button kn-button--call\" href=\"{}\">{label} {}</a>", esc(&tel_href(phone)), esc(phone))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tel_addresses_keep_digits_only() {
        for (phone, want) in [
            ("042-321-1136", "tel:0423211136"),
            ("043(221)2152", "tel:0432212152"),
            ("119", "tel:119"),
            ("+81-3-1234-5678", "tel:+81312345678"),
            ("03-1234-5678\" onclick=\"x", "tel:0312345678"),
        ] {
            assert_eq!(tel_href(phone), want);
        }
    }

    #[test]
    fn the_button_escapes_the_number_it_shows() {
        assert_eq!(call_button("119"), "<a class=\"kn-button kn-button--call\" href=\"tel:119\">電話する 119</a>");
        assert!(call_button("<b>1</b>").contains("電話する &lt;b&gt;1&lt;/b&gt;"));
    }
}
