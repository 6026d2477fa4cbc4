//! The deal catalogue (`deals/`): every file well formed, every version a valid scenario whose
//! every number has a source, versions in date order, and the first versions bit for bit the
//! figures the built-in presets gave before the catalogue existed.
#![cfg(not(target_arch = "wasm32"))]

mod deal_files;

use dealcalc::evaluate;
use dealcalc::input::ToJson;
use serde_json::Value;

const STATUSES: &[&str] = &[
    "announced",
    "letter_of_intent",
    "term_sheet",
    "definitive",
    "amended",
    "reported_stalled",
    "superseded",
    "cancelled",
    "completed",
];

/// A `{en, de}` text with both languages present and non-empty.
fn bilingual(v: &Value, what: &str) {
    for lang in ["en", "de"] {
        let text = v[lang].as_str().unwrap_or_default();
        assert!(!text.trim().is_empty(), "{what}: no {lang} text");
    }
}

#[test]
fn every_deal_file_is_complete() {
    let ids = deal_files::ids();
    assert!(!ids.is_empty());
    for id in &ids {
        let deal = deal_files::file(id);
        assert_eq!(
            deal["id"],
            Value::from(id.as_str()),
            "{id}: id and file name differ"
        );
        bilingual(&deal["name"], &format!("{id}.name"));
        bilingual(&deal["summary"], &format!("{id}.summary"));
        let versions = deal_files::versions(id);
        assert!(!versions.is_empty(), "{id}: no versions");
        let mut previous: Option<String> = None;
        for (i, v) in versions.iter().enumerate() {
            let at = format!("{id}.versions[{i}]");
            let s = deal_files::version(id, i);
            let as_of = s
                .as_of
                .unwrap_or_else(|| panic!("{at}: no asOf"))
                .to_string();
            if let Some(p) = &previous {
                assert!(
                    p < &as_of,
                    "{at}: asOf {as_of} is not after the previous {p}"
                );
            }
            previous = Some(as_of);
            assert!(
                STATUSES.contains(&s.status.as_str()),
                "{at}: status {:?}",
                s.status
            );
            bilingual(&v["event"], &format!("{at}.event"));
            assert!(!s.buyer.is_empty() && !s.vendor.is_empty(), "{at}: parties");
        }
    }
}

/// Paths of every number in a JSON value (sources aside).
fn number_paths(v: &Value, path: &str, out: &mut Vec<String>) {
    match v {
        Value::Number(_) => out.push(path.to_string()),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                number_paths(item, &dealcalc::problem::index(path, i), out);
            }
        }
        Value::Object(o) => {
            for (k, item) in o {
                if k != "sources" {
                    number_paths(item, &dealcalc::problem::field(path, k), out);
                }
            }
        }
        _ => {}
    }
}

#[test]
fn every_number_of_every_version_has_a_source_or_an_assumption() {
    for id in deal_files::ids() {
        for i in 0..deal_files::versions(&id).len() {
            let s = deal_files::version(&id, i);
            let mut paths = Vec::new();
            number_paths(&s.to_json(), "", &mut paths);
            for path in paths {
                let covered = s.sources.iter().any(|src| {
                    let f = src.field.as_str();
                    let encloses = path == f
                        || path.starts_with(&format!("{f}."))
                        || path.starts_with(&format!("{f}["));
                    let cited = !src.url.is_empty() || src.note.starts_with("assumption");
                    encloses && cited
                });
                assert!(covered, "{id}[{i}]: {path} has no source");
            }
            for src in &s.sources {
                let at = format!("{id}[{i}] source for {}", src.field);
                assert!(
                    src.url.is_empty() || src.tier.is_some(),
                    "{at}: a cited source needs its tier"
                );
                assert!(!src.field.is_empty(), "{at}: no field");
            }
        }
    }
}

/// Figures of a first version that a later correction changed on purpose, each with the figure
/// it has now: (deal, report path, value). Issue 28: a deal's circularity divides by everything
/// the buyer pays the vendor, contract payments included (Microsoft-Anthropic's $5B against
/// its $30B Azure contract), not by vendor revenue alone (which gave 0 and -$5B).
const CORRECTED: &[(&str, &str, f64)] = &[
    (
        "microsoft-anthropic-2025",
        "/investment/circularity",
        5e9 / 30e9,
    ),
    (
        "microsoft-anthropic-2025",
        "/investment/netCashToVendorUsd",
        30e9 - 5e9,
    ),
];

/// Report fields added since the first versions' reports were written; every other field must
/// be as it was. Issue 28: `circularity`, a deal's own money both ways over every money kind.
const ADDED_FIELDS: &[&str] = &["circularity"];

#[test]
fn first_versions_evaluate_bit_for_bit_as_the_presets_did() {
    // Written by the presets module's last build, before the deals moved out of the binary.
    let text = include_str!("data/deals-first-version-reports.json");
    let before: serde_json::Map<String, Value> = serde_json::from_str(text).unwrap();
    assert_eq!(before.len(), 10);
    for (id, mut report) in before {
        let mut now = serde_json::to_value(evaluate(&deal_files::first(&id))).unwrap();
        for added in ADDED_FIELDS {
            assert!(report.get(*added).is_none(), "{added} was there before");
            now.as_object_mut().unwrap().remove(*added);
        }
        for (deal, pointer, value) in CORRECTED.iter().filter(|(d, _, _)| *d == id) {
            assert_eq!(
                now.pointer(pointer).and_then(Value::as_f64),
                Some(*value),
                "{deal}{pointer}"
            );
            let corrected = now.pointer(pointer).cloned().unwrap();
            *report.pointer_mut(pointer).expect("a corrected figure") = corrected;
        }
        assert!(now == report, "{id}: the first version's report changed");
    }
}

/// The latest version of each deal carries the figures its sources give (deal-facts-2026.md):
/// (deal, JSON pointer into the latest version, the sourced figure).
const LATEST_FIGURES: &[(&str, &str, f64)] = &[
    ("amd-openai-2025", "/warrant/shares", 160e6),
    ("amd-openai-2025", "/equity/sharesOutstanding", 1630e6), // 10-K FY2025
    ("amd-meta-2026", "/warrant/shares", 160e6),
    ("nvidia-openai-2025", "/investment/maxUsd", 100e9), // the letter of intent, superseded
    ("nvidia-openai-2026", "/investments/0/tranches/0/usd", 30e9), // the $30B stake
    (
        "nvidia-openai-2026",
        "/investments/0/tranches/0/postMoneyValuationUsd",
        852e9,
    ),
    ("aws-openai-2025", "/contract/valueUsd", 138e9), // $38B + $100B
    ("aws-openai-2025", "/investments/0/tranches/0/usd", 15e9), // Amazon: $15B now
    ("aws-openai-2025", "/investments/0/tranches/1/usd", 35e9), // $35B on conditions
    ("broadcom-openai-2025", "/capacity/phases/0/gw", 1.0), // about 1 GW by 2027
    ("oracle-openai-2025", "/contract/valueUsd", 300e9),
    ("microsoft-openai-2025", "/contract/valueUsd", 250e9),
    ("coreweave-openai-2025", "/contract/valueUsd", 22.4e9),
    ("microsoft-anthropic-2025", "/contract/valueUsd", 30e9),
    // Corrected: the $30B pays for about 0.5 GW at the deal's own yearly cost (issue 28).
    ("microsoft-anthropic-2025", "/capacity/phases/0/gw", 0.5),
    ("microsoft-anthropic-2025", "/investment/maxUsd", 5e9),
    (
        "nvidia-anthropic-2025",
        "/investments/0/tranches/0/usd",
        10e9,
    ), // Huang: ~$10B
    ("cerebras-openai-2026", "/loans/0/usd", 1e9), // OpenAI's loan to Cerebras
    ("cerebras-openai-2026", "/loans/0/rate", 0.06),
    ("cerebras-openai-2026", "/warrant/shares", 33.4e6),
    (
        "google-anthropic-2026",
        "/investments/0/tranches/0/usd",
        10e9,
    ),
    (
        "google-anthropic-2026",
        "/investments/0/tranches/1/usd",
        30e9,
    ), // on milestones
    ("aws-anthropic-2026", "/contract/valueUsd", 100e9), // more than $100B over 10 years
    ("aws-anthropic-2026", "/investments/0/tranches/0/usd", 5e9),
    ("aws-anthropic-2026", "/investments/0/tranches/1/usd", 20e9),
    ("nebius-meta-2026", "/contract/valueUsd", 12e9),
    ("nebius-meta-2026", "/guarantees/0/maxUsd", 15e9), // the backstop
    ("coreweave-meta-2025", "/contract/valueUsd", 35.2e9), // $14.2B + $21B
    (
        "nvidia-coreweave-2026",
        "/investments/0/tranches/0/usd",
        2e9,
    ),
    ("nvidia-coreweave-2026", "/guarantees/0/maxUsd", 6.3e9),
    ("nebius-microsoft-2025", "/contract/valueUsd", 17.4e9),
    ("iren-microsoft-2025", "/contract/valueUsd", 9.7e9),
    ("nscale-microsoft-2025", "/contract/valueUsd", 23e9),
    ("spacex-anthropic-2026", "/capacity/phases/0/gw", 0.3),
];

/// GW of each deal's latest version where a source states them.
const LATEST_GW: &[(&str, f64)] = &[
    ("amd-openai-2025", 6.0),
    ("amd-meta-2026", 6.0),
    ("oracle-openai-2025", 4.5),
    ("google-anthropic-2026", 5.0),
    ("aws-anthropic-2026", 5.0),
    ("broadcom-anthropic-2026", 3.5),
    ("cerebras-openai-2026", 2.0),
    ("nvidia-openai-2026", 0.0),
    ("nvidia-anthropic-2025", 0.0), // its capacity is Microsoft-Anthropic's
];

#[test]
fn every_deals_latest_version_has_its_sourced_key_figures() {
    let ids = deal_files::ids();
    for (id, pointer, want) in LATEST_FIGURES {
        let latest = deal_files::versions(id).pop().unwrap();
        let got = latest.pointer(pointer).and_then(Value::as_f64);
        assert_eq!(got, Some(*want), "{id}{pointer}");
    }
    for (id, gw) in LATEST_GW {
        assert_eq!(deal_files::latest(id).total_gw(), *gw, "{id}");
    }
    // Every deal has at least one key figure checked here.
    for id in &ids {
        let checked = LATEST_FIGURES.iter().any(|(d, _, _)| d == id)
            || LATEST_GW.iter().any(|(d, _)| d == id);
        assert!(checked, "{id}: no key figure checked");
    }
}

#[test]
fn money_legs_of_the_latest_versions_evaluate_nominal_and_expected() {
    // Amazon's $50B in OpenAI: $15B now and $35B on an event; expected below nominal.
    let r = evaluate(&deal_files::latest("aws-openai-2025"));
    let m = r.money.expect("the AWS deal has money legs");
    assert_eq!(m.totals.investment_usd, 50e9);
    assert!(m.totals.expected_investment_usd < 50e9 && m.totals.expected_investment_usd > 15e9);
    // Nvidia's stake: $30B of $852B post-money.
    let r = evaluate(&deal_files::latest("nvidia-openai-2026"));
    let stake = r.money.unwrap().investments[0].tranches[0].stake.unwrap();
    assert_eq!(stake, 30e9 / 852e9);
    // A backstop is contingent: expected = probability × maximum.
    let s = deal_files::latest("nebius-meta-2026");
    let g = &evaluate(&s).money.unwrap().guarantees[0];
    assert_eq!(g.expected_usd, s.guarantees[0].probability * 15e9);
    // The loan to Cerebras comes back with interest.
    let l = &evaluate(&deal_files::latest("cerebras-openai-2026"))
        .money
        .unwrap()
        .loans[0];
    assert!(l.repayment_usd > 1e9 && l.interest_usd > 0.0);
}

#[test]
fn superseded_and_cancelled_versions_are_last() {
    // A deal that ended stays ended: nothing follows a superseded or cancelled version.
    for id in deal_files::ids() {
        let versions = deal_files::versions(&id);
        for v in &versions[..versions.len() - 1] {
            let status = v["status"].as_str().unwrap_or_default();
            assert!(
                !["superseded", "cancelled"].contains(&status),
                "{id}: {status} is not last"
            );
        }
    }
}
