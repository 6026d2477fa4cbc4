//! The field readers: one field of a JSON object each, a usable value either way (the value,
//! or a placeholder beside a [`Problem`] at the field's path), so that a reader goes on through
//! the whole input; the policy is the input layer's (its module docs).

use super::{clip, kind_of, non_finite_text, Object, MAX_LIST_LEN, MAX_TEXT_BYTES};
use crate::date::Date;
use crate::problem::{field, index, Problem};
use serde_json::Value;

/// Collects problems while reading.
#[derive(Debug, Default)]
pub struct Reader {
    pub problems: Vec<Problem>,
    /// Paths that are not objects where objects belong: nothing inside them is reported.
    not_objects: Vec<String>,
}

impl Reader {
    /// Records `problem` unless it lies inside a value that is not an object where one belongs
    /// (that problem already covers it).
    pub fn report(&mut self, problem: Problem) {
        let path = problem.path.as_str();
        let inside_non_object = self.not_objects.iter().any(|o| {
            path.strip_prefix(o.as_str())
                .is_some_and(|rest| o.is_empty() || rest.starts_with('.'))
        });
        if !inside_non_object {
            self.problems.push(problem);
        }
    }

    /// Records a problem with no parameters.
    pub fn problem(&mut self, path: &str, code: &'static str, message: impl Into<String>) {
        self.report(Problem::new(path, code, message));
    }

    /// Records "must be `<expected>`, not `<what v is>`".
    pub(super) fn wrong_type(
        &mut self,
        path: &str,
        expected: &'static str,
        english: &str,
        v: &Value,
    ) {
        let (got, got_english) = kind_of(v);
        let msg = format!("must be {english}, not {got_english}");
        self.report(
            Problem::new(path, "type", msg)
                .with("expected", expected)
                .with("got", got),
        );
    }

    /// Records "is required" (unless the field already has a problem: a non-finite number).
    fn required_problem(&mut self, path: &str) {
        if !self.has_problem(path) {
            self.problem(path, "required", "is required");
        }
    }

    /// Records "must be a finite number" for a [`non_finite`](super::non_finite) marker at `path`.
    fn not_finite(&mut self, path: &str, text: &str) {
        self.report(Problem::not_finite(path).with("value", clip(text)));
    }

    /// The value of field `key`: `None` when it is absent or `null`, and when it is a
    /// non-finite number (reported at its path).
    pub fn present<'v>(&mut self, o: &'v Object, key: &str, path: &str) -> Option<&'v Value> {
        match o.get(key) {
            None | Some(Value::Null) => None,
            Some(v) => match non_finite_text(v) {
                Some(text) => {
                    self.not_finite(&field(path, key), text);
                    None
                }
                None => Some(v),
            },
        }
    }

    pub fn has_problem(&self, path: &str) -> bool {
        self.problems.iter().any(|p| p.path == path)
    }

    /// The fields of an object (an empty map if `v` is not one); unknown fields are reported.
    pub fn object<'v>(&mut self, v: &'v Value, path: &str, known: &[&str]) -> &'v Object {
        static EMPTY: std::sync::OnceLock<Object> = std::sync::OnceLock::new();
        if let Some(text) = non_finite_text(v) {
            self.not_finite(path, text);
            self.not_objects.push(path.to_string());
            return EMPTY.get_or_init(Object::new);
        }
        match v {
            Value::Object(o) => {
                for key in o.keys() {
                    if !known.contains(&key.as_str()) {
                        let list = known.join(", ");
                        let msg = format!("unknown field; expected one of: {list}");
                        self.report(
                            Problem::new(field(path, &clip(key)), "unknown_field", msg)
                                .with("expected", list),
                        );
                    }
                }
                o
            }
            other => {
                self.wrong_type(path, "object", "an object", other);
                self.not_objects.push(path.to_string());
                EMPTY.get_or_init(Object::new)
            }
        }
    }

    /// A required object-valued field (its placeholder if absent).
    pub fn required<T: Default>(
        &mut self,
        o: &Object,
        key: &str,
        path: &str,
        read: fn(&mut Reader, &Value, &str) -> T,
    ) -> T {
        let p = field(path, key);
        match self.present(o, key, path) {
            None => {
                self.required_problem(&p);
                T::default()
            }
            Some(v) => read(self, v, &p),
        }
    }

    /// An optional object-valued field: `None` when absent or null.
    pub fn optional<T>(
        &mut self,
        o: &Object,
        key: &str,
        path: &str,
        read: fn(&mut Reader, &Value, &str) -> T,
    ) -> Option<T> {
        let v = self.present(o, key, path)?;
        Some(read(self, v, &field(path, key)))
    }

    /// A list of items; `non_empty` makes an empty or absent list a problem.
    pub fn list<T>(
        &mut self,
        o: &Object,
        key: &str,
        path: &str,
        non_empty: bool,
        read: fn(&mut Reader, &Value, &str) -> T,
    ) -> Vec<T> {
        let p = field(path, key);
        let items = match self.present(o, key, path) {
            None if !non_empty => return Vec::new(),
            None => {
                self.required_problem(&p);
                return Vec::new();
            }
            Some(Value::Array(items)) => items,
            Some(other) => {
                self.wrong_type(&p, "list", "a list", other);
                return Vec::new();
            }
        };
        if non_empty && items.is_empty() {
            self.problem(&p, "empty_list", "needs at least one entry");
        }
        if items.len() > MAX_LIST_LEN {
            let msg = format!("has more than {MAX_LIST_LEN} entries");
            self.report(Problem::new(&p, "too_many", msg).with("max", MAX_LIST_LEN));
            return Vec::new();
        }
        items
            .iter()
            .enumerate()
            .map(|(i, item)| read(self, item, &index(&p, i)))
            .collect()
    }

    /// A required finite number (NaN placeholder).
    pub fn number(&mut self, o: &Object, key: &str, path: &str) -> f64 {
        match self.opt_number(o, key, path) {
            Some(x) => x,
            None => {
                self.required_problem(&field(path, key));
                f64::NAN
            }
        }
    }

    /// An optional finite number: `None` when absent or null (and when bad, reported).
    pub fn opt_number(&mut self, o: &Object, key: &str, path: &str) -> Option<f64> {
        match self.present(o, key, path)? {
            Value::Number(n) => match n.as_f64() {
                Some(x) if x.is_finite() => Some(x),
                _ => {
                    self.not_finite(&field(path, key), "non-finite");
                    None
                }
            },
            other => {
                self.wrong_type(&field(path, key), "number", "a number", other);
                None
            }
        }
    }

    /// A required text ("" placeholder).
    pub fn string(&mut self, o: &Object, key: &str, path: &str) -> String {
        let p = field(path, key);
        match self.opt_string(o, key, path) {
            Some(s) => s,
            None => {
                self.required_problem(&p);
                String::new()
            }
        }
    }

    pub fn opt_string(&mut self, o: &Object, key: &str, path: &str) -> Option<String> {
        match self.present(o, key, path)? {
            Value::String(s) if s.len() <= MAX_TEXT_BYTES => Some(s.clone()),
            Value::String(_) => {
                let msg = format!("is longer than {MAX_TEXT_BYTES} bytes");
                let problem = Problem::new(field(path, key), "too_long", msg);
                self.report(problem.with("max", MAX_TEXT_BYTES));
                None
            }
            other => {
                self.wrong_type(&field(path, key), "text", "text", other);
                None
            }
        }
    }

    pub fn opt_bool(&mut self, o: &Object, key: &str, path: &str) -> Option<bool> {
        match self.present(o, key, path)? {
            Value::Bool(b) => Some(*b),
            other => {
                self.wrong_type(&field(path, key), "boolean", "true or false", other);
                None
            }
        }
    }

    /// A text field that must be one of `options` (text, value). Absent gives `default` (after
    /// an "is required" problem when `required`); any other text is a problem that lists the
    /// options, and gives `default` too.
    pub fn choice<T: Copy>(
        &mut self,
        o: &Object,
        key: &str,
        path: &str,
        options: &[(&str, T)],
        default: T,
        required: bool,
    ) -> T {
        let p = field(path, key);
        let text = if required {
            let s = self.string(o, key, path);
            if self.has_problem(&p) {
                return default;
            }
            Some(s)
        } else {
            self.opt_string(o, key, path)
        };
        let Some(text) = text else { return default };
        if let Some((_, value)) = options.iter().find(|(name, _)| *name == text) {
            return *value;
        }
        let names: Vec<String> = options.iter().map(|(n, _)| format!("\"{n}\"")).collect();
        let listed = match names.split_last() {
            Some((last, [])) => last.clone(),
            Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
            None => String::new(),
        };
        let msg = format!("must be {listed}, not \"{}\"", clip(&text));
        let problem = Problem::new(&p, "choice", msg)
            .with("options", names.join(", "))
            .with("value", clip(&text));
        self.report(problem);
        default
    }

    /// An optional text field with fixed options: `None` when absent (or wrong, reported).
    pub fn opt_choice<T: Copy>(
        &mut self,
        o: &Object,
        key: &str,
        path: &str,
        options: &[(&str, T)],
    ) -> Option<T> {
        o.get(key).filter(|v| !v.is_null())?;
        let before = self.problems.len();
        let value = self.choice(o, key, path, options, options[0].1, false);
        (self.problems.len() == before).then_some(value)
    }

    /// A required ISO date (1970-01-01 placeholder).
    pub fn date(&mut self, o: &Object, key: &str, path: &str) -> Date {
        let p = field(path, key);
        let text = self.string(o, key, path);
        if self.has_problem(&p) {
            return Date::default();
        }
        self.parse_date(&p, &text).unwrap_or_default()
    }

    /// An optional ISO date: `None` when absent or null (and when bad, reported).
    pub fn opt_date(&mut self, o: &Object, key: &str, path: &str) -> Option<Date> {
        let text = self.opt_string(o, key, path)?;
        self.parse_date(&field(path, key), &text)
    }

    fn parse_date(&mut self, path: &str, text: &str) -> Option<Date> {
        match Date::parse(text) {
            Ok(d) => Some(d),
            Err(msg) => {
                let problem = Problem::new(path, "date", msg).with("value", clip(text));
                self.report(problem);
                None
            }
        }
    }
}
