//! Contract paths (`warrant.tranches[2].priceTarget`): split into steps, and followed inside a
//! JSON value (report outputs by path, tests).

use serde_json::Value;

/// The value at a contract path (`warrant.tranches[2].priceTarget`) inside a JSON value.
pub fn lookup<'v>(value: &'v Value, path: &str) -> Option<&'v Value> {
    let mut v = value;
    for part in path_parts(path)? {
        v = match part {
            PathPart::Key(k) => v.get(k)?,
            PathPart::Index(i) => v.get(i)?,
        };
    }
    Some(v)
}

/// One step of a contract path.
#[derive(Debug, PartialEq)]
pub enum PathPart<'p> {
    Key(&'p str),
    Index(usize),
}

/// Splits `a.b[2].c` into its steps; `None` for a malformed path.
pub fn path_parts(path: &str) -> Option<Vec<PathPart<'_>>> {
    let mut parts = Vec::new();
    for segment in path.split('.') {
        let (key, mut rest) = match segment.find('[') {
            Some(i) => (&segment[..i], &segment[i..]),
            None => (segment, ""),
        };
        if key.is_empty() && parts.is_empty() && rest.is_empty() {
            return None;
        }
        if !key.is_empty() {
            parts.push(PathPart::Key(key));
        }
        while let Some(stripped) = rest.strip_prefix('[') {
            let end = stripped.find(']')?;
            parts.push(PathPart::Index(stripped[..end].parse().ok()?));
            rest = &stripped[end + 1..];
        }
        if !rest.is_empty() {
            return None;
        }
    }
    Some(parts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn lookup_follows_contract_paths() {
        let v = json!({"warrant": {"tranches": [{"priceTarget": 1}, {"priceTarget": 2}]}});
        assert_eq!(
            lookup(&v, "warrant.tranches[1].priceTarget"),
            Some(&json!(2))
        );
        assert_eq!(lookup(&v, "warrant.tranches[5].priceTarget"), None);
        assert_eq!(lookup(&v, "warrant.tranches[x]"), None);
        assert_eq!(lookup(&v, ""), None);
    }
}
