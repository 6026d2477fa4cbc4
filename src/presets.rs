//! Built-in deals. Each preset is a JSON file in `presets/`, embedded at compile time (minified
//! by `build.rs`) and read
//! through the same path as user input, so a preset is valid exactly when a test says so.
//! Every number in a preset has an entry in its `sources`: a title and address, or the note
//! "assumption" where nothing public exists.

use crate::problem::Problem;
use crate::scenario::Scenario;
use serde::Serialize;

/// A preset's listing entry.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct PresetInfo {
    pub id: &'static str,
    pub name: &'static str,
    pub summary: &'static str,
}

struct Preset {
    info: PresetInfo,
    json: &'static str,
}

const PRESETS: &[Preset] = &[
    Preset {
        info: PresetInfo {
            id: "amd-openai-2025",
            name: "AMD–OpenAI (Oct 2025)",
            summary: "6 GW of AMD Instinct GPUs; a warrant for 160 M AMD shares at $0.01 vesting \
                      with GW deployed and price targets up to $600.",
        },
        json: include_str!(concat!(env!("OUT_DIR"), "/presets/amd-openai-2025.json")),
    },
    Preset {
        info: PresetInfo {
            id: "amd-meta-2026",
            name: "AMD–Meta (Feb 2026)",
            summary: "The same structure for Meta: 6 GW, a 160 M-share warrant at $0.01.",
        },
        json: include_str!(concat!(env!("OUT_DIR"), "/presets/amd-meta-2026.json")),
    },
    Preset {
        info: PresetInfo {
            id: "nvidia-openai-2025",
            name: "Nvidia–OpenAI LOI (Sep 2025)",
            summary: "A non-binding letter of intent for 10 GW; Nvidia to invest up to $100 B \
                      in OpenAI as each GW deploys.",
        },
        json: include_str!(concat!(env!("OUT_DIR"), "/presets/nvidia-openai-2025.json")),
    },
    Preset {
        info: PresetInfo {
            id: "oracle-openai-2025",
            name: "Oracle–OpenAI (2025)",
            summary: "About $300 B of cloud capacity over about five years for 4.5 GW from 2027.",
        },
        json: include_str!(concat!(env!("OUT_DIR"), "/presets/oracle-openai-2025.json")),
    },
    Preset {
        info: PresetInfo {
            id: "broadcom-openai-2025",
            name: "Broadcom–OpenAI (Oct 2025)",
            summary: "10 GW of OpenAI-designed accelerators with Broadcom networking, H2 2026 to \
                      end-2029; value not disclosed.",
        },
        json: include_str!(concat!(
            env!("OUT_DIR"),
            "/presets/broadcom-openai-2025.json"
        )),
    },
    Preset {
        info: PresetInfo {
            id: "aws-openai-2025",
            name: "AWS–OpenAI (Nov 2025)",
            summary: "$38 B of AWS capacity over seven years on Nvidia GB200/GB300 servers, all targeted before end-2026.",
        },
        json: include_str!(concat!(env!("OUT_DIR"), "/presets/aws-openai-2025.json")),
    },
    Preset {
        info: PresetInfo {
            id: "microsoft-openai-2025",
            name: "Microsoft–OpenAI (Oct 2025)",
            summary: "An incremental $250 B of Azure services; no term or GW stated.",
        },
        json: include_str!(concat!(env!("OUT_DIR"), "/presets/microsoft-openai-2025.json")),
    },
    Preset {
        info: PresetInfo {
            id: "coreweave-openai-2025",
            name: "CoreWeave–OpenAI (2025)",
            summary: "$22.4 B of CoreWeave capacity in three contracts, with $350 M of CoreWeave shares to OpenAI.",
        },
        json: include_str!(concat!(env!("OUT_DIR"), "/presets/coreweave-openai-2025.json")),
    },
    Preset {
        info: PresetInfo {
            id: "microsoft-anthropic-2025",
            name: "Microsoft–Anthropic (Nov 2025)",
            summary: "Anthropic buys about $30 B of Azure compute; Microsoft invests up to $5 B in Anthropic.",
        },
        json: include_str!(concat!(env!("OUT_DIR"), "/presets/microsoft-anthropic-2025.json")),
    },
    Preset {
        info: PresetInfo {
            id: "nvidia-anthropic-2025",
            name: "Nvidia–Anthropic (Nov 2025)",
            summary: "Up to 1 GW of Nvidia systems for Anthropic; Nvidia invests up to $10 B in Anthropic.",
        },
        json: include_str!(concat!(env!("OUT_DIR"), "/presets/nvidia-anthropic-2025.json")),
    },
];

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
        let known = known.join(", ");
        let msg = format!("unknown preset \"{shown}\"; known: {known}");
        vec![Problem::new("id", "unknown_preset", msg)
            .with("value", shown)
            .with("options", known)]
    })?;
    let value: serde_json::Value = serde_json::from_str(preset.json).map_err(|e| {
        let msg = format!("preset {id} is not valid JSON: {e}");
        vec![Problem::new("", "preset_json", msg)]
    })?;
    crate::input::scenario(&value)
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::input::ToJson;

    #[test]
    fn every_preset_reads_and_validates() {
        for p in list() {
            let s = get(p.id).unwrap_or_else(|e| panic!("{}: {e:?}", p.id));
            assert!(!s.sources.is_empty(), "{} has no sources", p.id);
        }
    }

    /// Paths of every number in a JSON value.
    fn number_paths(v: &serde_json::Value, path: &str, out: &mut Vec<String>) {
        match v {
            serde_json::Value::Number(_) => out.push(path.to_string()),
            serde_json::Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    number_paths(item, &crate::problem::index(path, i), out);
                }
            }
            serde_json::Value::Object(o) => {
                for (k, item) in o {
                    if k != "sources" {
                        number_paths(item, &crate::problem::field(path, k), out);
                    }
                }
            }
            _ => {}
        }
    }

    #[test]
    fn every_preset_number_has_a_source_or_an_assumption() {
        for p in list() {
            let s = get(p.id).unwrap();
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
                assert!(covered, "{}: {path} has no source", p.id);
            }
        }
    }

    #[test]
    fn the_contract_preset_ids_exist() {
        let ids: Vec<&str> = list().iter().map(|p| p.id).collect();
        for id in [
            "amd-openai-2025",
            "amd-meta-2026",
            "nvidia-openai-2025",
            "oracle-openai-2025",
            "broadcom-openai-2025",
            "aws-openai-2025",
            "microsoft-openai-2025",
            "coreweave-openai-2025",
            "microsoft-anthropic-2025",
            "nvidia-anthropic-2025",
        ] {
            assert!(ids.contains(&id), "{id}");
        }
    }

    #[test]
    fn unknown_id_is_a_problem_at_id() {
        let e = get("nope").unwrap_err();
        assert_eq!(e[0].path, "id");
    }
}
