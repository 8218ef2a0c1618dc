//! Folding text the way Japanese users type it, so that 「こくぶんじ」「国分寺」「ｺｸﾌﾞﾝｼﾞ」
//! 「コクブンジ」 and 「Kokubunji」 find the same place: NFKC (full/half width), katakana →
//! hiragana, romaji → hiragana, long vowels, spaces, 中黒 and hyphens ignored, lowercase.
//! NFKC comes from the `unicode-normalization` crate natively and from the browser's own
//! `String.prototype.normalize` in wasm, so no Unicode tables are shipped to phones.

/// NFKC, natively.
#[cfg(not(target_arch = "wasm32"))]
fn nfkc(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    s.nfkc().collect()
}

/// NFKC, in the browser.
#[cfg(target_arch = "wasm32")]
fn nfkc(s: &str) -> String {
    js_sys::JsString::from(s).normalize("NFKC").into()
}

/// Characters that NFKC leaves as they are and that nothing before them composes with:
/// printable ASCII, hiragana, katakana and the common CJK ideographs. Most names are made of
/// nothing else, and skip the normalisation (in the browser, a call into JavaScript).
fn nfkc_stable(c: char) -> bool {
    matches!(c, ' '..='~' | 'ぁ'..='ゖ' | 'ァ'..='ヺ' | '・' | 'ー' | '々' | '\u{4e00}'..='\u{9fff}')
}

/// The search key of `s`: compare keys with `contains`.
pub fn fold(s: &str) -> String {
    let n = if s.chars().all(nfkc_stable) { s.to_string() } else { nfkc(s) };
    // ASCII only: letters outside it have no case in a place name (NFKC has made full-width
    // letters ASCII), and the full Unicode tables would cost the browser bundle.
    let mut n = n.to_ascii_lowercase();
    if n.contains(['ā', 'ī', 'ū', 'ē', 'ō', 'Ā', 'Ī', 'Ū', 'Ē', 'Ō']) {
        for (long, short) in [("āĀ", "aa"), ("īĪ", "ii"), ("ūŪ", "uu"), ("ēĒ", "ee"), ("ōŌ", "ou")] {
            n = n.replace(|c| long.contains(c), short);
        }
    }
    let kana = if n.chars().any(|c| c.is_ascii_alphabetic()) { romaji_to_hiragana(&n) } else { n };
    let mut out = String::with_capacity(kana.len());
    for c in kana.chars() {
        let c = katakana_to_hiragana(c);
        if c.is_whitespace()
            || matches!(
                c,
                '・' | 'ー'
                    | '-'
                    | '‐'
                    | '−'
                    | '〜'
                    | '~'
                    | '('
                    | ')'
                    | '（'
                    | '）'
                    | '「'
                    | '」'
                    | '、'
                    | '。'
                    | ','
                    | '.'
                    | '\''
            )
        {
            continue;
        }
        out.push(c);
    }
    fold_long_vowels(&out)
}

fn katakana_to_hiragana(c: char) -> char {
    match c {
        'ァ'..='ヶ' => char::from_u32(c as u32 - 0x60).unwrap_or(c),
        _ => c,
    }
}

/// 「とうきょう」 and 「ときょ」 (from "Tokyo") fold alike: a vowel kana that only lengthens
/// the one before it is dropped.
fn fold_long_vowels(s: &str) -> String {
    let mut out: Vec<char> = Vec::with_capacity(s.len());
    for c in s.chars() {
        let lengthens = match (out.last().copied().and_then(vowel_of), c) {
            (Some(v), 'あ' | 'い' | 'う' | 'え' | 'お') if v == c => true,
            (Some('お'), 'う') | (Some('え'), 'い') => true,
            _ => false,
        };
        if !lengthens {
            out.push(c);
        }
    }
    out.into_iter().collect()
}

/// The vowel a hiragana syllable ends in. A `match` (a jump table), not a search through
/// strings: it runs for every character of every search key the browser makes.
fn vowel_of(c: char) -> Option<char> {
    Some(match c {
        'あ' | 'か' | 'さ' | 'た' | 'な' | 'は' | 'ま' | 'や' | 'ら' | 'わ' | 'が' | 'ざ' | 'だ' | 'ば' | 'ぱ'
        | 'ぁ' | 'ゃ' => 'あ',
        'い' | 'き' | 'し' | 'ち' | 'に' | 'ひ' | 'み' | 'り' | 'ぎ' | 'じ' | 'ぢ' | 'び' | 'ぴ' | 'ぃ' => {
            'い'
        }
        'う' | 'く' | 'す' | 'つ' | 'ぬ' | 'ふ' | 'む' | 'ゆ' | 'る' | 'ぐ' | 'ず' | 'づ' | 'ぶ' | 'ぷ' | 'ぅ'
        | 'ゅ' => 'う',
        'え' | 'け' | 'せ' | 'て' | 'ね' | 'へ' | 'め' | 'れ' | 'げ' | 'ぜ' | 'で' | 'べ' | 'ぺ' | 'ぇ' => {
            'え'
        }
        'お' | 'こ' | 'そ' | 'と' | 'の' | 'ほ' | 'も' | 'よ' | 'ろ' | 'を' | 'ご' | 'ぞ' | 'ど' | 'ぼ' | 'ぽ'
        | 'ぉ' | 'ょ' => 'お',
        _ => return None,
    })
}

/// Hepburn and kunrei romaji to hiragana; letters that form no syllable stay as they are.
pub fn romaji_to_hiragana(s: &str) -> String {
    const TABLE: &[(&str, &str)] = &[
        ("kya", "きゃ"),
        ("kyu", "きゅ"),
        ("kyo", "きょ"),
        ("sha", "しゃ"),
        ("shu", "しゅ"),
        ("sho", "しょ"),
        ("sya", "しゃ"),
        ("syu", "しゅ"),
        ("syo", "しょ"),
        ("cha", "ちゃ"),
        ("chu", "ちゅ"),
        ("cho", "ちょ"),
        ("tya", "ちゃ"),
        ("tyu", "ちゅ"),
        ("tyo", "ちょ"),
        ("nya", "にゃ"),
        ("nyu", "にゅ"),
        ("nyo", "にょ"),
        ("hya", "ひゃ"),
        ("hyu", "ひゅ"),
        ("hyo", "ひょ"),
        ("mya", "みゃ"),
        ("myu", "みゅ"),
        ("myo", "みょ"),
        ("rya", "りゃ"),
        ("ryu", "りゅ"),
        ("ryo", "りょ"),
        ("gya", "ぎゃ"),
        ("gyu", "ぎゅ"),
        ("gyo", "ぎょ"),
        ("ja", "じゃ"),
        ("ju", "じゅ"),
        ("jo", "じょ"),
        ("zya", "じゃ"),
        ("zyu", "じゅ"),
        ("zyo", "じょ"),
        ("bya", "びゃ"),
        ("byu", "びゅ"),
        ("byo", "びょ"),
        ("pya", "ぴゃ"),
        ("pyu", "ぴゅ"),
        ("pyo", "ぴょ"),
        ("shi", "し"),
        ("chi", "ち"),
        ("tsu", "つ"),
        ("ji", "じ"),
        ("fu", "ふ"),
        ("ka", "か"),
        ("ki", "き"),
        ("ku", "く"),
        ("ke", "け"),
        ("ko", "こ"),
        ("sa", "さ"),
        ("si", "し"),
        ("su", "す"),
        ("se", "せ"),
        ("so", "そ"),
        ("ta", "た"),
        ("ti", "ち"),
        ("tu", "つ"),
        ("te", "て"),
        ("to", "と"),
        ("na", "な"),
        ("ni", "に"),
        ("nu", "ぬ"),
        ("ne", "ね"),
        ("no", "の"),
        ("ha", "は"),
        ("hi", "ひ"),
        ("hu", "ふ"),
        ("he", "へ"),
        ("ho", "ほ"),
        ("ma", "ま"),
        ("mi", "み"),
        ("mu", "む"),
        ("me", "め"),
        ("mo", "も"),
        ("ya", "や"),
        ("yu", "ゆ"),
        ("yo", "よ"),
        ("ra", "ら"),
        ("ri", "り"),
        ("ru", "る"),
        ("re", "れ"),
        ("ro", "ろ"),
        ("wa", "わ"),
        ("wo", "を"),
        ("ga", "が"),
        ("gi", "ぎ"),
        ("gu", "ぐ"),
        ("ge", "げ"),
        ("go", "ご"),
        ("za", "ざ"),
        ("zi", "じ"),
        ("zu", "ず"),
        ("ze", "ぜ"),
        ("zo", "ぞ"),
        ("da", "だ"),
        ("di", "ぢ"),
        ("du", "づ"),
        ("de", "で"),
        ("do", "ど"),
        ("ba", "ば"),
        ("bi", "び"),
        ("bu", "ぶ"),
        ("be", "べ"),
        ("bo", "ぼ"),
        ("pa", "ぱ"),
        ("pi", "ぴ"),
        ("pu", "ぷ"),
        ("pe", "ぺ"),
        ("po", "ぽ"),
        ("a", "あ"),
        ("i", "い"),
        ("u", "う"),
        ("e", "え"),
        ("o", "お"),
    ];
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len() * 2);
    let mut i = 0;
    while i < s.len() {
        let rest = &s[i..];
        let c = b[i];
        // A doubled consonant is a small っ ("nippon" → にっぽん), except n.
        if c.is_ascii_alphabetic() && !b"aeioun".contains(&c) && b.get(i + 1) == Some(&c) {
            out.push('っ');
            i += 1;
            continue;
        }
        if let Some((roman, kana)) = TABLE.iter().find(|(r, _)| rest.starts_with(r)) {
            out.push_str(kana);
            i += roman.len();
            continue;
        }
        if c == b'n' {
            out.push('ん');
            // "n'" and a final or doubled "nn" are one ん; in "shinnyo" the second n starts a syllable.
            let next_starts_syllable = matches!(b.get(i + 2), Some(b'a' | b'i' | b'u' | b'e' | b'o' | b'y'));
            i += match b.get(i + 1) {
                Some(b'\'') => 2,
                Some(b'n') if !next_starts_syllable => 2,
                _ => 1,
            };
            continue;
        }
        let ch = rest.chars().next().unwrap_or(' ');
        out.push(ch);
        i += ch.len_utf8();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn japanese_inputs_fold_alike() {
        let cases: &[(&str, &str)] = &[
            ("こくぶんじ", "こくぶんじし"),
            ("ｺｸﾌﾞﾝｼﾞ", "こくぶんじし"),
            ("コクブンジ", "こくぶんじし"),
            ("Kokubunji", "こくぶんじし"),
            ("KOKUBUNJI", "こくぶんじし"),
            ("ｋｏｋｕｂｕｎｊｉ", "こくぶんじし"),
            ("国分寺", "国分寺市"),
            ("Tokyo", "とうきょうと"),
            ("toukyou", "とうきょうと"),
            ("Ōsaka", "おおさかし"),
            ("osaka", "おおさかし"),
            ("ŌSAKA", "おおさかし"),
            ("Chūō", "さがみはらし ちゅうおうく"),
            ("Sagamihara", "さがみはらし ちゅうおうく"),
            ("chuo", "さがみはらし ちゅうおうく"),
            ("さがみはらし・ちゅうおう", "さがみはらしちゅうおうく"),
            ("sendai", "せんだいし"),
            ("shinjuku", "しんじゅくく"),
            ("sinzyuku", "しんじゅくく"),
            ("chiba", "ちばし"),
            ("tiba", "ちばし"),
            ("fukuoka", "ふくおかし"),
            ("hukuoka", "ふくおかし"),
            ("Higashimatsushima", "ひがしまつしまし"),
            ("ﾆｼﾄｳｷｮｳ", "にしとうきょうし"),
            ("グループホーム", "ぐるーぷほーむ"),
            ("ショートステイ", "しょーとすてい"),
        ];
        for (query, target) in cases {
            assert!(
                fold(target).contains(&fold(query)),
                "{query:?} → {:?} should be in {target:?} → {:?}",
                fold(query),
                fold(target)
            );
        }
    }

    #[test]
    fn different_places_stay_apart() {
        for (query, target) in [("こくぶんじ", "こだいらし"), ("Kodaira", "こくぶんじし"), ("chiba", "ちちぶし")]
        {
            assert!(!fold(target).contains(&fold(query)), "{query:?} matched {target:?}");
        }
    }

    #[test]
    fn the_shortcut_skips_only_what_nfkc_leaves_alone() {
        let ranges = [(' ', '~'), ('ぁ', 'ゖ'), ('ァ', 'ヺ'), ('・', 'ー'), ('々', '々'), ('\u{4e00}', '\u{9fff}')];
        for (from, to) in ranges {
            for c in from..=to {
                if nfkc_stable(c) {
                    assert_eq!(nfkc(&c.to_string()), c.to_string(), "U+{:04X}", c as u32);
                }
            }
        }
        assert!(!"ｺｸﾌﾞﾝｼﾞ".chars().all(nfkc_stable));
        assert!(!"ＮＰＯ法人".chars().all(nfkc_stable));
        assert!(!"か\u{3099}".chars().all(nfkc_stable), "a combining mark composes with what is before it");
    }

    #[test]
    fn vowels_of_every_hiragana() {
        let rows = [
            ("あかさたなはまやらわがざだばぱぁゃ", 'あ'),
            ("いきしちにひみりぎじぢびぴぃ", 'い'),
            ("うくすつぬふむゆるぐずづぶぷぅゅ", 'う'),
            ("えけせてねへめれげぜでべぺぇ", 'え'),
            ("おこそとのほもよろをごぞどぼぽぉょ", 'お'),
        ];
        for c in 'ぁ'..='ゖ' {
            let want = rows.iter().find(|(row, _)| row.contains(c)).map(|&(_, v)| v);
            assert_eq!(vowel_of(c), want, "{c}");
        }
    }

    #[test]
    fn romaji_syllables() {
        for (r, k) in [
            ("kokubunji", "こくぶんじ"),
            ("nippon", "にっぽん"),
            ("kan'i", "かんい"),
            ("shinnyo", "しんにょ"),
            ("tsukuba", "つくば"),
        ] {
            assert_eq!(romaji_to_hiragana(r), k, "{r}");
        }
    }
}
