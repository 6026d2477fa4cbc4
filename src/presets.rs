//! Built-in deals. Each preset is a JSON file in `presets/`, embedded at compile time and read
//! through the same path as user input, so a preset is valid exactly when a test says so.
//! Every number in a preset has an entry in its `sources`: a title and address, or the note
//! "assumption" where nothing public exists.

use crate::problem::Problem;
use crate::scenario::Scenario;
use serde::Serialize;

/// A preset's listing entry.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PresetInfo {
    pub id: &'static str,
    pub name: &'static str,
    pub summary: &'static str,
}

struct Preset {
    info: PresetInfo,
    json: &'static str,
}

const PRESETS: &[Preset] = &[Preset {
    info: PresetInfo {
        id: "amd-openai-2025",
        name: "AMD–OpenAI (Oct 2025)",
        summary: "6 GW of AMD Instinct GPUs; a warrant for 160 M AMD shares at $0.01 vesting with \
                  GW deployed and price targets up to $600.",
    },
    json: include_str!("../presets/amd-openai-2025.json"),
}];

/// The id of the preset the page opens with.
pub const DEFAULT_PRESET: &str = "amd-openai-2025";

/// Every built-in deal.
pub fn list() -> Vec<PresetInfo> {
    PRESETS.iter().map(|p| p.info.clone()).collect()
}

/// The scenario of a preset, freshly read; an unknown id is a problem at path `id`.
pub fn get(id: &str) -> Result<Scenario, Vec<Problem>> {
    let preset = PRESETS.iter().find(|p| p.info.id == id).ok_or_else(|| {
        let known: Vec<&str> = PRESETS.iter().map(|p| p.info.id).collect();
        let shown: String = id.chars().take(40).collect();
        vec![Problem::new(
            "id",
            format!("unknown preset \"{shown}\"; known: {}", known.join(", ")),
        )]
    })?;
    let value: serde_json::Value = serde_json::from_str(preset.json).map_err(|e| {
        vec![Problem::new(
            "",
            format!("preset {id} is not valid JSON: {e}"),
        )]
    })?;
    Scenario::from_json(&value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_preset_reads_and_validates() {
        for p in list() {
            let s = get(p.id).unwrap_or_else(|e| panic!("{}: {e:?}", p.id));
            assert!(!s.sources.is_empty(), "{} has no sources", p.id);
        }
    }

    #[test]
    fn unknown_id_is_a_problem_at_id() {
        let e = get("nope").unwrap_err();
        assert_eq!(e[0].path, "id");
    }
}
