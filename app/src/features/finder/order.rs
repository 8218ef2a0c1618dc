//! Sorting in the browser through one sort of plain `u64` keys. Each `sort_by_key` with its
//! own comparator adds a whole sort (about 3.5 KB) to the wasm; packing a key and the item's
//! position into a `u64` and sorting those shares one sort with the map's clustering
//! ([`super::map_data::cluster`]) and keeps equal keys in their order.

/// Bits of a packed key that hold the item's position: up to 16,777,216 items, far more
/// than a search can list (the densest prefecture has a few thousand rows).
const POSITION_BITS: u32 = 24;

/// The largest key [`sort_by_key`] tells apart; bigger keys sort as equal to it.
pub const KEY_MAX: u64 = (1 << (64 - POSITION_BITS)) - 1;

/// Sorts `items` stably by `key` (at most [`KEY_MAX`]).
pub fn sort_by_key<T>(items: &mut Vec<T>, key: impl Fn(&T) -> u64) {
    debug_assert!(items.len() < 1 << POSITION_BITS);
    let mut keyed: Vec<u64> =
        items.iter().enumerate().map(|(i, t)| key(t).min(KEY_MAX) << POSITION_BITS | i as u64).collect();
    keyed.sort_unstable();
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    let mask = (1 << POSITION_BITS) - 1;
    items.extend(keyed.into_iter().filter_map(|k| slots[(k & mask) as usize].take()));
}

/// A distance in kilometres as a key: whole metres, unknown or impossible ones last.
pub fn distance_key(km: Option<f64>) -> u64 {
    match km {
        Some(d) if d.is_finite() && d >= 0.0 => ((d * 1000.0).round() as u64).min(KEY_MAX),
        _ => KEY_MAX,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_by_key_and_keeps_the_order_of_equal_keys() {
        let mut v = vec![("c", 2), ("a", 1), ("d", 2), ("b", 1), ("e", 0)];
        sort_by_key(&mut v, |x| x.1);
        assert_eq!(v, [("e", 0), ("a", 1), ("b", 1), ("c", 2), ("d", 2)]);
        // Keys past the largest one sort as equal to it, in their order.
        let mut v = vec![(1, u64::MAX), (2, KEY_MAX), (3, 5)];
        sort_by_key(&mut v, |x| x.1);
        assert_eq!(v, [(3, 5), (1, u64::MAX), (2, KEY_MAX)]);
        let mut empty: Vec<u8> = Vec::new();
        sort_by_key(&mut empty, |x| u64::from(*x));
        assert!(empty.is_empty());
    }

    #[test]
    fn the_same_order_as_the_standard_sort() {
        // A pseudo-random list with many equal keys, against `sort_by_key` of std.
        let mut x = 12345u64;
        let items: Vec<(u64, usize)> = (0..500)
            .map(|i| {
                x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                ((x >> 33) % 17, i)
            })
            .collect();
        let (mut ours, mut std) = (items.clone(), items);
        sort_by_key(&mut ours, |t| t.0);
        std.sort_by_key(|t| t.0);
        assert_eq!(ours, std);
    }

    #[test]
    fn distances_in_metres_unknown_last() {
        assert_eq!(distance_key(Some(1.2345)), 1235);
        assert_eq!(distance_key(Some(0.0)), 0);
        assert_eq!(distance_key(None), KEY_MAX);
        assert_eq!(distance_key(Some(f64::NAN)), KEY_MAX);
        assert_eq!(distance_key(Some(f64::MAX)), KEY_MAX);
        assert!(distance_key(Some(2.0)) < distance_key(Some(2.001)));
    }
}
