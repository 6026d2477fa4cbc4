//! The simulation build's input (`montecarlo::handoff`): every catalogue version's deal and
//! options come back equal from the list of numbers, and value to the same bits as the
//! scenario itself; a list changed on the way, cut short or run on is a problem at `input`.

mod deal_files;

use dealcalc::montecarlo::{handoff, Deal, Options, ValuationRun};

/// Every version of every catalogue deal that has a warrant on equity, with its name.
fn deals_with_warrants() -> Vec<(String, dealcalc::Scenario)> {
    let mut out = Vec::new();
    for id in deal_files::ids() {
        for index in 0..deal_files::versions(&id).len() {
            let s = deal_files::version(&id, index);
            if s.warrant_on_equity().is_some() {
                out.push((format!("{id}[{index}]"), s));
            }
        }
    }
    out
}

#[test]
fn every_catalogue_deal_and_its_options_come_back_equal() {
    let deals = deals_with_warrants();
    assert!(
        deals.len() >= 5,
        "only {} versions with a warrant",
        deals.len()
    );
    for (i, (name, s)) in deals.iter().enumerate() {
        let deal = Deal::of(s).unwrap();
        let mut options = Options::defaults(s);
        // Every flag both ways across the versions, and the largest seed.
        options.greeks = i % 2 == 0;
        options.quasi_random = i % 3 == 0;
        options.antithetic = i % 5 != 0;
        options.seed = 9_007_199_254_740_991 - i as u64;
        let list = handoff::write(&deal, &options);
        assert_eq!(handoff::read(&list), Ok((deal, options)), "{name}");
    }
}

#[test]
fn a_deal_from_the_list_values_to_the_same_bits_as_its_scenario() {
    for (name, s) in deals_with_warrants() {
        let mut options = Options::defaults(&s);
        options.paths = 2048;
        options.greeks = true;
        options.quasi_random = name.len() % 2 == 0;
        let mut direct = ValuationRun::new(&s, options).unwrap();
        direct.run_all();
        let (deal, read) =
            handoff::read(&handoff::write(&Deal::of(&s).unwrap(), &options)).unwrap();
        let mut handed = ValuationRun::of_deal(&deal, read).unwrap();
        handed.run_all();
        let (a, b) = (direct.result(), handed.result());
        assert_eq!(
            serde_json::to_string(&a).unwrap(),
            serde_json::to_string(&b).unwrap(),
            "{name}"
        );
    }
}

#[test]
fn a_changed_short_or_long_list_is_a_problem_at_input() {
    let s = deal_files::latest("amd-openai-2025");
    let list = handoff::write(&Deal::of(&s).unwrap(), &Options::defaults(&s));
    let problem = |l: &[f64]| {
        let p = handoff::read(l).expect_err("a problem");
        assert_eq!(p.len(), 1);
        (p[0].path.clone(), p[0].code)
    };
    let at_input = ("input".to_string(), "not_simulation_input");
    for i in 0..list.len() {
        let mut changed = list.clone();
        changed[i] = if list[i] == 0.0 { 1.0 } else { list[i] * 2.0 };
        assert_eq!(problem(&changed), at_input, "number {i} changed");
        changed[i] = f64::NAN;
        assert_eq!(problem(&changed), at_input, "number {i} NaN");
        changed[i] = f64::INFINITY;
        assert_eq!(problem(&changed), at_input, "number {i} infinite");
        assert_eq!(problem(&list[..i]), at_input, "cut at {i}");
    }
    let mut longer = list.clone();
    longer.insert(list.len() - 1, 0.0);
    assert_eq!(problem(&longer), at_input);
    assert_eq!(problem(&[]), at_input);
}
