//! ARCHITECTURE.md's dependency table holds: every module of `src/` imports (names
//! `crate::x`) only what its row allows, every module has a row, and the rows have no circle.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The table in ARCHITECTURE.md: module → the modules it may import.
fn table() -> BTreeMap<String, BTreeSet<String>> {
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("ARCHITECTURE.md"))
            .unwrap();
    let start = text
        .find("module       may import")
        .expect("the dependency table");
    let block = &text[start..];
    let end = block.find("```").expect("the table's end");
    block[..end]
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let mut words = l.split_whitespace();
            let module = words.next().unwrap().to_string();
            (
                module,
                words.filter(|w| *w != "-").map(str::to_string).collect(),
            )
        })
        .collect()
}

/// The modules a source text names as `crate::x` or `crate::{x, y}`, its unit tests left out.
fn named(text: &str) -> BTreeSet<String> {
    let code: String = text
        .lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n");
    let code = match code.find("#[cfg(test)]\nmod tests") {
        Some(i) => &code[..i],
        None => &code[..],
    };
    let mut out = BTreeSet::new();
    for (i, _) in code.match_indices("crate::") {
        let rest = &code[i + "crate::".len()..];
        let names: Vec<&str> = match rest.strip_prefix('{') {
            Some(group) => group[..group.find('}').unwrap_or(0)].split(',').collect(),
            None => vec![rest],
        };
        for n in names {
            let n = n.trim();
            let word: String = n
                .chars()
                .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                .collect();
            let whole = n[word.len()..].starts_with("::")
                || n.len() == word.len()
                || !n[word.len()..].starts_with(|c: char| c.is_alphanumeric());
            if !word.is_empty() && whole {
                out.insert(word);
            }
        }
    }
    out
}

/// Each module of `src/` (a file or a folder) and the modules its files name.
fn imports() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut stack = vec![src.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|x| x != "rs") {
                continue;
            }
            let rel = path.strip_prefix(&src).unwrap();
            let top = rel
                .iter()
                .next()
                .unwrap()
                .to_string_lossy()
                .trim_end_matches(".rs")
                .to_string();
            if top == "lib" {
                continue;
            }
            let mut names = named(&std::fs::read_to_string(&path).unwrap());
            names.remove(&top);
            out.entry(top).or_default().extend(names);
        }
    }
    out
}

#[test]
fn every_module_imports_only_what_architecture_md_allows() {
    let allowed = table();
    let actual = imports();
    let mut wrong = Vec::new();
    for (module, names) in &actual {
        let Some(may) = allowed.get(module) else {
            wrong.push(format!("{module}: no row in ARCHITECTURE.md's table"));
            continue;
        };
        for n in names.difference(may) {
            wrong.push(format!(
                "{module} imports {n}, which its row does not allow"
            ));
        }
    }
    for module in allowed.keys().filter(|m| !actual.contains_key(*m)) {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let exists = path.join(format!("{module}.rs")).exists() || path.join(module).is_dir();
        if !exists {
            wrong.push(format!("{module}: a row for a module that does not exist"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_table_has_no_circle() {
    assert_no_circle(&table(), "the table");
}

#[test]
fn the_checker_sees_an_import_against_the_table() {
    // A planted line: `date` may import nothing.
    let planted = "use crate::{report, scenario::Scenario};\nfn f() { crate::numeric::ratio(1.0, 2.0); }\n#[cfg(test)]\nmod tests { use crate::wasm; }";
    let names = named(planted);
    assert_eq!(
        names,
        ["numeric", "report", "scenario"]
            .iter()
            .map(|s| s.to_string())
            .collect()
    );
    assert!(!names.is_subset(&table()["date"]));
}

/// The modules of `src/montecarlo/` a file names as `super::x` (its unit tests left out).
fn montecarlo_imports() -> BTreeMap<String, BTreeSet<String>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/montecarlo");
    let files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "rs"))
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    files
        .iter()
        .filter(|f| *f != "mod")
        .map(|f| {
            let text = std::fs::read_to_string(dir.join(format!("{f}.rs"))).unwrap();
            let code = text.split("#[cfg(test)]\nmod tests").next().unwrap_or("");
            let names = code
                .lines()
                .map(|l| l.split("//").next().unwrap_or(""))
                .flat_map(|l| l.match_indices("super::").map(move |(i, _)| &l[i + 7..]))
                .map(|rest| {
                    rest.chars()
                        .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                        .collect::<String>()
                })
                .filter(|n| files.contains(n) && n != f && n != "mod")
                .collect();
            (f.clone(), names)
        })
        .collect()
}

#[test]
fn the_monte_carlo_modules_import_each_other_without_a_circle() {
    let graph = montecarlo_imports();
    assert!(graph.len() >= 15, "{} modules read", graph.len());
    assert_no_circle(&graph, "src/montecarlo");
}

/// Fails, naming the path, when `graph` (module → the modules it imports) has a circle: a
/// depth-first search for a back edge.
fn assert_no_circle(graph: &BTreeMap<String, BTreeSet<String>>, what: &str) {
    fn visit<'a>(
        m: &'a str,
        g: &'a BTreeMap<String, BTreeSet<String>>,
        what: &str,
        path: &mut Vec<&'a str>,
        done: &mut BTreeSet<&'a str>,
    ) {
        if done.contains(m) {
            return;
        }
        assert!(
            !path.contains(&m),
            "a circle in {what}: {} -> {m}",
            path.join(" -> ")
        );
        path.push(m);
        for n in g.get(m).into_iter().flatten() {
            visit(n, g, what, path, done);
        }
        path.pop();
        done.insert(m);
    }
    let mut done = BTreeSet::new();
    for m in graph.keys() {
        visit(m, graph, what, &mut Vec::new(), &mut done);
    }
}
