//! Every case of the bad-input catalogue natively: a problem at the named path, never a panic.
#![cfg(not(target_arch = "wasm32"))]

mod catalogue;

use dealcalc::montecarlo::value_warrant;
use dealcalc::pricing::OptionSpec;
use dealcalc::Scenario;

#[test]
fn every_bad_input_is_a_problem_at_its_path() {
    // The deeply nested case recurses in building, cleaning and dropping its JSON value.
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(run_catalogue)
        .unwrap()
        .join()
        .unwrap();
}

fn run_catalogue() {
    let cases = catalogue::cases();
    assert!(cases.len() >= 60, "{} cases", cases.len());
    for c in &cases {
        let input = catalogue::without_markers(&c.input);
        let problems = match c.target.as_str() {
            "scenario" => Scenario::problems(&input),
            "options" => value_warrant(&input, &catalogue::without_markers(&c.options))
                .err()
                .unwrap_or_default(),
            "option" => OptionSpec::from_json(&input).err().unwrap_or_default(),
            other => panic!("unknown target {other}"),
        };
        let paths: Vec<String> = problems.iter().map(|p| p.path.clone()).collect();
        assert!(
            catalogue::found(&paths, &c.expect),
            "{}: expected a problem at '{}', got {problems:?}",
            c.name,
            c.expect
        );
        assert!(problems.iter().all(|p| !p.message.is_empty()), "{}", c.name);
    }
}
