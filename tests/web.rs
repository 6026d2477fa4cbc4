//! The exported API through the Wasm build, in a real browser (wasm-pack test --headless --chrome).
//! Each contract function is called as JS would call it, with JS values in and out.
#![cfg(target_arch = "wasm32")]

use dealcalc::wasm;
use js_sys::{Array, Error, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn get(v: &JsValue, path: &str) -> JsValue {
    path.split('.')
        .fold(v.clone(), |o, k| match k.parse::<u32>() {
            Ok(i) => Reflect::get_u32(&o, i).unwrap(),
            Err(_) => Reflect::get(&o, &JsValue::from_str(k)).unwrap(),
        })
}

fn set(v: &JsValue, path: &str, value: JsValue) {
    let (parent, key) = path.rsplit_once('.').unwrap();
    Reflect::set(&get(v, parent), &JsValue::from_str(key), &value).unwrap();
}

fn num(v: &JsValue, path: &str) -> f64 {
    get(v, path)
        .as_f64()
        .unwrap_or_else(|| panic!("{path} is not a number"))
}

/// The first version of a catalogue deal as JSON: embedded in this test (the library carries no
/// deal data).
fn deal_json(id: &str) -> serde_json::Value {
    let text = match id {
        "amd-openai-2025" => include_str!("../deals/amd-openai-2025.json"),
        "amd-meta-2026" => include_str!("../deals/amd-meta-2026.json"),
        "nvidia-openai-2025" => include_str!("../deals/nvidia-openai-2025.json"),
        "oracle-openai-2025" => include_str!("../deals/oracle-openai-2025.json"),
        "broadcom-openai-2025" => include_str!("../deals/broadcom-openai-2025.json"),
        _ => panic!("no deal {id} here; add it"),
    };
    let deal: serde_json::Value = serde_json::from_str(text).unwrap();
    deal["versions"][0].clone()
}

/// That version as a fresh JS object, as the page's catalogue gives it.
fn deal(id: &str) -> JsValue {
    JSON::parse(&deal_json(id).to_string()).unwrap()
}

fn amd() -> JsValue {
    deal("amd-openai-2025")
}

/// The `problems` of a thrown error, as (path, message) pairs, after checking its shape.
fn problems_of(err: JsValue) -> Vec<(String, String)> {
    assert!(err.is_instance_of::<Error>(), "not an Error: {err:?}");
    let message: String = err.unchecked_ref::<Error>().message().into();
    assert!(!message.is_empty());
    let list: Array = get(&err, "problems")
        .dyn_into()
        .expect("problems is an array");
    list.iter()
        .map(|p| {
            // Every problem also says what it says as data, for pages in other languages.
            assert!(!get(&p, "code").as_string().unwrap().is_empty());
            assert!(get(&p, "params").is_object());
            (
                get(&p, "path").as_string().unwrap(),
                get(&p, "message").as_string().unwrap(),
            )
        })
        .collect()
}

/// The problems of a thrown error as (path, code).
fn problem_codes(err: JsValue) -> Vec<(String, String)> {
    let list: Array = get(&err, "problems")
        .dyn_into()
        .expect("problems is an array");
    problems_of(err);
    list.iter()
        .map(|p| {
            (
                get(&p, "path").as_string().unwrap(),
                get(&p, "code").as_string().unwrap(),
            )
        })
        .collect()
}

#[wasm_bindgen_test]
fn version_is_the_crate_version() {
    assert_eq!(wasm::version(), env!("CARGO_PKG_VERSION"));
}

#[wasm_bindgen_test]
fn validate_lists_every_problem_with_its_path() {
    let s = amd();
    assert_eq!(Array::from(&wasm::validate(s.clone())).length(), 0);
    set(&s, "equity.sharesOutstanding", JsValue::from_f64(-5.0));
    set(&s, "capacity.pue", JsValue::from_f64(f64::NAN));
    set(
        &s,
        "warrant.tranches.2.priceTarget",
        JsValue::from_str("high"),
    );
    let list = Array::from(&wasm::validate(s));
    let mut paths: Vec<String> = list
        .iter()
        .map(|p| get(&p, "path").as_string().unwrap())
        .collect();
    paths.sort();
    assert_eq!(
        paths,
        [
            "capacity.pue",
            "equity.sharesOutstanding",
            "warrant.tranches[2].priceTarget"
        ]
    );
}

#[wasm_bindgen_test]
fn evaluate_gives_the_sourced_amd_openai_numbers() {
    let r = wasm::evaluate(amd()).unwrap();
    assert!((num(&r, "dilution.maxOwnership") - 0.0898).abs() < 0.0005);
    assert_eq!(
        num(&r, "dilution.valueTransferUsd"),
        160e6 * (203.71 - 0.01)
    );
    assert_eq!(num(&r, "capacity.totalGw"), 6.0);
    assert_eq!(num(&r, "capacity.capexUsd"), 300e9);
    // 1 GW delivered three months before it is online at the end of 2026.
    assert_eq!(
        get(&r, "vesting.tranches.0.milestoneDate")
            .as_string()
            .unwrap(),
        "2026-10-01"
    );
    assert!(get(&r, "investment").is_null());
    // No GW delivered at announcement: nothing contingently issuable.
    assert_eq!(num(&r, "dilution.contingentShares"), 0.0);
    assert!(
        num(&r, "expected.presentValue.vendorIncomeUsd") < num(&r, "capacity.vendorRevenueUsd")
    );
}

#[wasm_bindgen_test]
fn a_valid_call_after_a_thrown_error_still_works() {
    let bad = amd();
    set(&bad, "equity.sharePrice", JsValue::from_f64(-1.0));
    let p = problems_of(wasm::evaluate(bad).unwrap_err());
    assert_eq!(
        p,
        vec![("equity.sharePrice".into(), "must be greater than 0".into())]
    );
    // Not plain data, not an object, and unparseable shapes: errors, never a trap.
    let func = js_sys::Function::new_no_args("return 1");
    assert!(wasm::evaluate(func.into()).is_err());
    assert!(wasm::evaluate(JsValue::UNDEFINED).is_err());
    assert!(wasm::evaluate(JSON::parse("[[[[1]]]]").unwrap()).is_err());
    let r = wasm::evaluate(amd()).unwrap();
    assert_eq!(num(&r, "capacity.totalGw"), 6.0);
}

#[wasm_bindgen_test]
fn price_option_matches_the_published_values() {
    let cases = JSON::parse(include_str!("data/published-prices.json")).unwrap();
    let cases: Array = cases.dyn_into().unwrap();
    assert!(cases.length() > 100);
    for c in cases.iter() {
        let spec = get(&c, "spec");
        let priced = wasm::price_option(spec.clone())
            .unwrap_or_else(|e| panic!("{:?}: {:?}", JSON::stringify(&spec), e));
        let got = num(&priced, "price");
        let (want, tol) = (num(&c, "price"), num(&c, "tolerance"));
        assert!(
            (got - want).abs() <= tol,
            "{}: got {got}, want {want}",
            get(&c, "source").as_string().unwrap()
        );
        for greek in ["delta", "gamma", "vega"] {
            assert!(num(&priced, greek).is_finite());
        }
    }
}

#[wasm_bindgen_test]
fn price_option_identities_hold_in_wasm() {
    let spec = |kind: &str| {
        JSON::parse(&format!(
            r#"{{"kind":"{kind}","spot":100,"strike":95,"barrier":120,"rate":0.04,
                "dividendYield":0.01,"vol":0.45,"timeYears":2,"payment":"at_expiry"}}"#
        ))
        .unwrap()
    };
    let p = |kind: &str| num(&wasm::price_option(spec(kind)).unwrap(), "price");
    assert!((p("up_and_in_call") + p("up_and_out_call") - p("bs_call")).abs() < 1e-9);
    let discounted = (-0.04f64 * 2.0).exp();
    assert!((p("one_touch_up") + p("no_touch_up") - discounted).abs() < 1e-12);
    let digital = p("cash_or_nothing_put");
    let split = p("up_and_in_cash_or_nothing_put") + p("up_and_out_cash_or_nothing_put");
    assert!((split - digital).abs() < 1e-12);
}

#[wasm_bindgen_test]
fn price_option_rejects_inconsistent_specs_with_paths() {
    let bad = JSON::parse(
        r#"{"kind":"up_and_in_call","spot":-1,"strike":100,"rate":0.05,"vol":-0.2,"timeYears":1}"#,
    )
    .unwrap();
    let mut paths: Vec<String> = problems_of(wasm::price_option(bad).unwrap_err())
        .into_iter()
        .map(|(p, _)| p)
        .collect();
    paths.sort();
    assert_eq!(paths, ["barrier", "spot", "vol"]);
    assert!(wasm::price_option(JsValue::NULL).is_err());
    let ok = JSON::parse(
        r#"{"kind":"bs_call","spot":100,"strike":100,"rate":0.05,"vol":0.2,"timeYears":1}"#,
    )
    .unwrap();
    assert!(num(&wasm::price_option(ok).unwrap(), "price") > 10.0);
}

#[wasm_bindgen_test]
fn catalogue_deals_load_and_evaluate() {
    for id in [
        "amd-openai-2025",
        "amd-meta-2026",
        "nvidia-openai-2025",
        "oracle-openai-2025",
        "broadcom-openai-2025",
    ] {
        let s = deal(id);
        assert_eq!(Array::from(&wasm::validate(s.clone())).length(), 0, "{id}");
        let r = wasm::evaluate(s).unwrap();
        assert!(num(&r, "capacity.capexUsd") > 0.0, "{id}");
    }
    let oracle = wasm::evaluate(deal("oracle-openai-2025")).unwrap();
    assert_eq!(num(&oracle, "contract.valuePerYearUsd"), 60e9);
    assert!(get(&oracle, "dilution").is_null());
}

#[wasm_bindgen_test]
fn compare_and_sensitivity_through_wasm() {
    let list = Array::new();
    list.push(&amd());
    list.push(&deal("nvidia-openai-2025"));
    let c = wasm::compare(list.clone().into()).unwrap();
    assert_eq!(Array::from(&get(&c, "deals")).length(), 2);
    let rows = Array::from(&get(&c, "rows"));
    let own = rows
        .iter()
        .find(|r| get(r, "key").as_string().unwrap() == "maxOwnership")
        .unwrap();
    assert!(num(&own, "values.0") > 0.08);
    assert!(get(&own, "values.1").is_null());
    let bad = amd();
    set(&bad, "capacity.pue", JsValue::from_f64(0.5));
    list.push(&bad);
    let p = problems_of(wasm::compare(list.into()).unwrap_err());
    assert_eq!(p[0].0, "[2].capacity.pue");

    let t = wasm::sensitivity(amd(), "dilution.valueTransferUsd", 0.1).unwrap();
    assert_eq!(get(&t, "bars.0.input").as_string().unwrap(), "sharePrice");
    let p = problems_of(wasm::sensitivity(amd(), "dilution.nothing", 0.1).unwrap_err());
    assert_eq!(p[0].0, "output");
    for swing in [f64::NAN, f64::INFINITY] {
        let err = wasm::sensitivity(amd(), "dilution.valueTransferUsd", swing).unwrap_err();
        assert_eq!(
            problem_codes(err),
            [("swing".to_string(), "not_finite".to_string())]
        );
    }
}

/// Goal seek through the boundary: the whole call and the stepped run agree, and a NaN target
/// is a problem at its path.
#[wasm_bindgen_test]
fn solve_and_its_stepped_run_agree_in_wasm() {
    let spec = || {
        js_of(
            &serde_json::json!({"output": "dilution.valueTransferUsd", "target": 40e9,
            "input": "sharePrice", "lo": 100, "hi": 400}),
        )
    };
    let whole = wasm::solve(amd(), spec()).unwrap();
    assert!((num(&whole, "value") - (40e9 / 160e6 + 0.01)).abs() < 1e-6);
    let mut run = wasm::SolveRun::new(amd(), spec()).unwrap();
    while !run.step() {}
    assert_eq!(num(&run.result().unwrap(), "value"), num(&whole, "value"));
    assert!(run.trials() >= 2.0 && run.trials() <= run.max_trials());
    let bad = spec();
    Reflect::set(
        &bad,
        &JsValue::from_str("target"),
        &JsValue::from_f64(f64::NAN),
    )
    .unwrap();
    assert_eq!(
        problem_codes(wasm::solve(amd(), bad).unwrap_err()),
        [("spec.target".to_string(), "not_finite".to_string())]
    );
}

/// The option kinds with their fields, for the pricing form: every kind prices with exactly
/// those fields (and the market's) filled in.
#[wasm_bindgen_test]
fn option_kinds_list_the_fields_each_kind_takes() {
    let kinds = Array::from(&wasm::option_kinds());
    assert_eq!(kinds.length(), 41);
    for k in kinds.iter() {
        let spec = JSON::parse(r#"{"spot":100,"rate":0.03,"vol":0.3,"timeYears":1}"#).unwrap();
        Reflect::set(&spec, &"kind".into(), &get(&k, "kind")).unwrap();
        for f in Array::from(&get(&k, "fields")).iter() {
            let name = f.as_string().unwrap();
            let value = match name.as_str() {
                "barrier" if get(&k, "kind").as_string().unwrap().contains("down") => {
                    JsValue::from_f64(80.0)
                }
                "barrier" => JsValue::from_f64(120.0),
                "payment" => JsValue::from_str("at_hit"),
                "dilution" => JsValue::from_str("simple"),
                _ => JsValue::from_f64(100.0),
            };
            Reflect::set(&spec, &JsValue::from_str(&name), &value).unwrap();
        }
        let priced = wasm::price_option(spec.clone());
        assert!(
            priced.is_ok(),
            "{:?}: {:?}",
            JSON::stringify(&spec),
            priced.err()
        );
    }
}

/// The same valuation as the native golden test, computed in Wasm: identical to the last bit.
#[wasm_bindgen_test]
fn monte_carlo_in_wasm_matches_the_native_golden_file() {
    let s = deal_json("amd-openai-2025");
    let options = serde_json::json!({"paths": 400, "seed": 12345, "stepsPerYear": 52});
    let (s, options) = dealcalc::input::valuation_request(&s, &options).unwrap();
    let got =
        serde_json::to_value(dealcalc::montecarlo::value_warrant(&s, options).unwrap()).unwrap();
    let want: serde_json::Value =
        serde_json::from_str(include_str!("data/golden-valuation.json")).unwrap();
    assert_eq!(got, want);
    // And through the JS boundary: the same total.
    let v = wasm::value_warrant(
        amd(),
        JSON::parse(r#"{"paths":400,"seed":12345,"stepsPerYear":52}"#).unwrap(),
    )
    .unwrap();
    assert_eq!(
        num(&v, "totalFairValueUsd"),
        want["totalFairValueUsd"].as_f64().unwrap()
    );
}

#[wasm_bindgen_test]
fn warrant_simulation_in_chunks_equals_one_call() {
    let options = JSON::parse(r#"{"paths":300,"seed":5,"stepsPerYear":26}"#).unwrap();
    let whole = wasm::value_warrant(amd(), options.clone()).unwrap();
    let mut sim = wasm::WarrantSimulation::new(amd(), options).unwrap();
    let mut last = 0.0;
    for pairs in [f64::NAN, f64::INFINITY] {
        let err = sim.run(pairs).unwrap_err();
        assert_eq!(
            problem_codes(err),
            [("pairs".to_string(), "not_finite".to_string())]
        );
    }
    while !sim.done() {
        let p = sim.run(7.0).unwrap();
        assert!(p > last && p <= 1.0);
        last = p;
    }
    let chunked = sim.result();
    assert_eq!(
        JSON::stringify(&whole).unwrap().as_string(),
        JSON::stringify(&chunked).unwrap().as_string()
    );
    let bad = JSON::parse(r#"{"paths":-3}"#).unwrap();
    let p = problems_of(wasm::WarrantSimulation::new(amd(), bad).err().unwrap());
    assert_eq!(p[0].0, "options.paths");
}

/// The page's way: the core reads the deal and the options (`simulationInput`), the simulation
/// build values the list (`valueInput`, `WarrantSimulation.fromInput`), to the same bits as
/// `valueWarrant` of the scenario; problems keep their paths on both sides.
#[wasm_bindgen_test]
fn a_simulation_input_values_to_the_same_bits_as_its_scenario() {
    let text = r#"{"paths":4400,"seed":9,"stepsPerYear":26,"greeks":true,"quasiRandom":true}"#;
    let options = JSON::parse(text).unwrap();
    let whole = wasm::value_warrant(amd(), options.clone()).unwrap();
    let input = wasm::simulation_input(amd(), options).unwrap();
    let at_once = wasm::value_input(&input).unwrap();
    let mut worker = wasm::WarrantSimulation::from_input(&input).unwrap();
    let mut main = wasm::WarrantSimulation::from_input(&input).unwrap();
    for b in 0..main.block_count() as usize {
        let data = worker.run_block(b as f64).unwrap();
        main.absorb_block(b as f64, &data).unwrap();
    }
    let text = |v: &JsValue| JSON::stringify(v).unwrap().as_string();
    assert_eq!(text(&whole), text(&at_once));
    assert_eq!(text(&whole), text(&main.result()));
    // The core's problems: the scenario's and the options'; the simulation build's: the list's.
    let bad = JSON::parse(r#"{"paths":-3}"#).unwrap();
    let p = problems_of(wasm::simulation_input(amd(), bad).err().unwrap());
    assert_eq!(p[0].0, "options.paths");
    let mut damaged = input.clone();
    damaged[5] += 1.0;
    let codes = problem_codes(wasm::value_input(&damaged).err().unwrap());
    assert_eq!(
        codes,
        [("input".to_string(), "not_simulation_input".to_string())]
    );
    let p = problems_of(wasm::WarrantSimulation::from_input(&[]).err().unwrap());
    assert_eq!(p[0].0, "input");
}

#[wasm_bindgen_test]
fn blocks_from_two_workers_absorbed_in_order_equal_one_call() {
    // 2,200 pairs: three blocks (1,024, 1,024, 152).
    let options = JSON::parse(r#"{"paths":4400,"seed":9,"stepsPerYear":26}"#).unwrap();
    let whole = wasm::value_warrant(amd(), options.clone()).unwrap();
    let mut workers = [
        wasm::WarrantSimulation::new(amd(), options.clone()).unwrap(),
        wasm::WarrantSimulation::new(amd(), options.clone()).unwrap(),
    ];
    let mut main = wasm::WarrantSimulation::new(amd(), options).unwrap();
    assert_eq!(main.block_count(), 3.0);
    let blocks: Vec<Vec<f64>> = (0..3)
        .map(|b| workers[b % 2].run_block(b as f64).unwrap())
        .collect();
    // Out of order and malformed: refused with a path, nothing changes.
    let e = main.absorb_block(1.0, &blocks[1]).err().unwrap();
    assert_eq!(problems_of(e)[0].0, "block");
    let e = main.absorb_block(0.0, &blocks[0][1..]).err().unwrap();
    assert_eq!(problems_of(e)[0].0, "block");
    assert_eq!(
        problems_of(main.run_block(-1.0).err().unwrap())[0].0,
        "index"
    );
    for (b, data) in blocks.iter().enumerate() {
        main.absorb_block(b as f64, data).unwrap();
    }
    assert!(main.done());
    assert_eq!(
        JSON::stringify(&whole).unwrap().as_string(),
        JSON::stringify(&main.result()).unwrap().as_string()
    );
}

#[path = "bad_input_cases/mod.rs"]
mod bad_input_cases;

/// A JSON value as a JS value, with the catalogue's `{"$": "NaN"}` markers as real numbers.
fn js_of(v: &serde_json::Value) -> JsValue {
    use serde_json::Value;
    match v {
        Value::Null => JsValue::NULL,
        Value::Bool(b) => JsValue::from_bool(*b),
        Value::Number(n) => JsValue::from_f64(n.as_f64().unwrap()),
        Value::String(s) => JsValue::from_str(s),
        Value::Array(a) => a.iter().map(js_of).collect::<Array>().into(),
        Value::Object(o) if o.len() == 1 && o.contains_key("$") => match o["$"].as_str() {
            Some("NaN") => JsValue::from_f64(f64::NAN),
            Some("Infinity") => JsValue::from_f64(f64::INFINITY),
            _ => JsValue::from_f64(f64::NEG_INFINITY),
        },
        Value::Object(o) => {
            let obj = js_sys::Object::new();
            for (k, v) in o {
                Reflect::set(&obj, &JsValue::from_str(k), &js_of(v)).unwrap();
            }
            obj.into()
        }
    }
}

/// The catalogue's large inputs, built as JS values (5,000 levels, 10 MB, 200,000 entries).
fn generate_in_js(input: &JsValue, kind: &str) {
    match kind {
        "deep" => {
            let mut deep = JsValue::from_f64(1.0);
            for _ in 0..5000 {
                let o = js_sys::Object::new();
                Reflect::set(&o, &JsValue::from_str("a"), &deep).unwrap();
                deep = o.into();
            }
            Reflect::set(input, &"deep".into(), &deep).unwrap();
        }
        "huge" => {
            Reflect::set(
                input,
                &"name".into(),
                &JsValue::from_str(&"x".repeat(10_000_000)),
            )
            .unwrap();
        }
        "wide" => {
            let one = js_of(
                &serde_json::json!({"field": "name", "title": "", "url": "", "note": "assumption"}),
            );
            let list = Array::new();
            for _ in 0..200_000 {
                list.push(&one);
            }
            Reflect::set(input, &"sources".into(), &list).unwrap();
        }
        other => panic!("unknown generator {other}"),
    }
}

#[wasm_bindgen_test]
fn every_bad_input_is_an_error_with_its_path_and_the_module_survives() {
    let cases = bad_input_cases::build(false);
    assert!(cases.len() >= 60);
    for c in &cases {
        let input = js_of(&c.input);
        if let Some(kind) = &c.generate {
            generate_in_js(&input, kind);
        }
        let err = match c.target.as_str() {
            "scenario" => {
                // validate lists the same problems that evaluate throws.
                let listed = Array::from(&wasm::validate(input.clone())).length();
                assert!(listed > 0, "{}: validate found nothing", c.name);
                wasm::evaluate(input).expect_err(&c.name)
            }
            "options" => wasm::value_warrant(input, js_of(&c.options)).expect_err(&c.name),
            "accounting" => wasm::accounting(input, js_of(&c.options)).expect_err(&c.name),
            "option" => wasm::price_option(input).expect_err(&c.name),
            "portfolio" => wasm::portfolio(Array::of1(&input).into()).expect_err(&c.name),
            "compare" => wasm::compare(Array::of1(&input).into()).expect_err(&c.name),
            other => panic!("unknown target {other}"),
        };
        let found = problem_codes(err);
        assert!(
            bad_input_cases::answered(c, &found),
            "{}: expected a problem at '{}'{}, got {found:?}",
            c.name,
            c.expect,
            if c.non_finite { " (not_finite)" } else { "" }
        );
        // The next valid call still works.
        assert_eq!(
            num(&wasm::evaluate(amd()).unwrap(), "capacity.totalGw"),
            6.0,
            "{}",
            c.name
        );
    }
}

/// The books in Wasm equal the native golden file to the last bit, through the JS boundary;
/// bad options are problems at their paths.
#[wasm_bindgen_test]
fn accounting_in_wasm_matches_the_native_golden_file() {
    let want: serde_json::Value =
        serde_json::from_str(include_str!("data/golden-accounting.json")).unwrap();
    let s = dealcalc::input::scenario(&deal_json("amd-openai-2025")).unwrap();
    let json_options = serde_json::json!({"paths": 400, "seed": 12345, "stepsPerYear": 52});
    let o = dealcalc::input::accounting_options(&json_options, &s).unwrap();
    let got = serde_json::to_value(dealcalc::accounting::accounting(&s, &o).unwrap()).unwrap();
    assert_eq!(got, want);
    // And through the JS boundary: the same totals.
    let options = JSON::parse(r#"{"paths":400,"seed":12345,"stepsPerYear":52}"#).unwrap();
    let js = wasm::accounting(amd(), options).unwrap();
    for total in [
        "asu202504.totalReductionUsd",
        "serviceCondition.totalReductionUsd",
    ] {
        let (part, field) = total.split_once('.').unwrap();
        assert_eq!(num(&js, total), want[part][field].as_f64().unwrap());
    }
    let bad = JSON::parse(r#"{"standard":"ifrs","probableThreshold":2}"#).unwrap();
    let p = problems_of(wasm::accounting(amd(), bad).unwrap_err());
    let paths: Vec<&str> = p.iter().map(|(path, _)| path.as_str()).collect();
    assert!(paths.contains(&"options.standard") && paths.contains(&"options.probableThreshold"));
    let oracle = deal("oracle-openai-2025");
    let p = problems_of(wasm::accounting(oracle, JsValue::NULL).unwrap_err());
    assert_eq!(p[0].0, "warrant");
}

/// The portfolio through the JS boundary: AMD's two warrants against the later share count,
/// and a problem at the deal's party name.
#[wasm_bindgen_test]
fn portfolio_through_wasm() {
    let list = Array::new();
    list.push(&amd());
    list.push(&deal("amd-meta-2026"));
    let p = wasm::portfolio(list.clone().into()).unwrap();
    assert_eq!(num(&p, "issuers.0.warrantShares"), 320e6);
    assert_eq!(
        num(&p, "issuers.0.combinedMaxOwnership"),
        320e6 / (1630e6 + 320e6)
    );
    let shouting = deal("nvidia-openai-2025");
    Reflect::set(&shouting, &"buyer".into(), &"OPENAI".into()).unwrap();
    list.push(&shouting);
    let problems = problems_of(wasm::portfolio(list.into()).unwrap_err());
    assert_eq!(problems[0].0, "scenarios[2].buyer");
}
