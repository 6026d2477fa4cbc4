//! The catalogue's deals for the core's own tests. The library carries no deal data; these
//! tests embed the files the page and the npm package read (`deals/`), so that they run in the
//! Wasm build too.

use crate::scenario::Scenario;

/// Version `index` of deal `id` (0 = the first, as the deal was announced), read and validated.
pub fn version(id: &str, index: usize) -> Scenario {
    let text = match id {
        "amd-openai-2025" => include_str!("../deals/amd-openai-2025.json"),
        "nvidia-openai-2025" => include_str!("../deals/nvidia-openai-2025.json"),
        "oracle-openai-2025" => include_str!("../deals/oracle-openai-2025.json"),
        _ => panic!("deal {id} is not embedded for the unit tests; add it here"),
    };
    let deal: serde_json::Value = serde_json::from_str(text).expect("a deal file is JSON");
    let value = &deal["versions"][index];
    crate::input::scenario(value).unwrap_or_else(|e| panic!("{id}[{index}]: {e:?}"))
}
