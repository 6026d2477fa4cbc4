//! The report: everything `evaluate` computes from a validated scenario, deterministically.

use crate::capacity::{self, CapacityReport};
use crate::dilution::{self, DilutionReport};
use crate::expected::{self, ExpectedReport};
use crate::financing::{self, ContractReport, InvestmentReport};
use crate::flows::{self, Circularity, DealMoney};
use crate::money::{self, MoneyReport};
use crate::scenario::Scenario;
use crate::sources::{self, Assumptions};
use crate::vesting::{self, VestingReport};
use serde::Serialize;

/// The contract's Report. Parts that need a warrant, an investment or a contract are null
/// when the scenario has none.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Report {
    pub capacity: CapacityReport,
    pub dilution: Option<DilutionReport>,
    pub vesting: Option<VestingReport>,
    pub investment: Option<InvestmentReport>,
    pub contract: Option<ContractReport>,
    /// The money legs: investments in tranches, guarantees, loans ([`crate::money`]); absent
    /// when the scenario has none.
    #[cfg_attr(feature = "typescript", ts(optional))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub money: Option<MoneyReport>,
    /// Probability-weighted and present values ([`crate::expected`]).
    pub expected: ExpectedReport,
    /// The money between the buyer (`a`) and the vendor (`b`) both ways over every money kind of
    /// the deal (purchases, contract payments, investments, guarantees, loans) and the smaller
    /// direction ÷ the larger ([`crate::flows::deal`], the portfolio's rule); null without a
    /// buyer and a vendor.
    pub circularity: Option<Circularity>,
    /// The assumed inputs behind the warrant's figures ([`crate::sources`]).
    pub assumptions: Assumptions,
}

/// Evaluates a validated scenario.
pub fn evaluate(s: &Scenario) -> Report {
    let capacity = capacity::evaluate(s);
    let expected = expected::evaluate(s);
    let vesting = vesting::evaluate(s);
    let income = expected.present_value.vendor_income_usd;
    let investment = financing::investment(s, &capacity);
    let contract = financing::contract(s, capacity.total_gw);
    let money = money::evaluate(s);
    let deal_money = DealMoney {
        capacity: &capacity,
        expected: &expected,
        investment: investment.as_ref(),
        contract: contract.as_ref(),
        money: money.as_ref(),
    };
    Report {
        circularity: flows::deal(s, &deal_money),
        dilution: vesting
            .as_ref()
            .and_then(|v| dilution::evaluate(s, income, v)),
        vesting,
        investment,
        contract,
        money,
        capacity,
        expected,
        assumptions: sources::evaluate(s),
    }
}

/// A number of the report read by its path, for tornado charts ([`crate::sensitivity`]).
pub type Output = fn(&Report) -> Option<f64>;

macro_rules! outputs {
    ($($path:literal => |$r:ident| $get:expr),* $(,)?) => {
        /// Every scalar number of the report by its path (`dilution.valueTransferUsd`): what a
        /// tornado chart can swing. A test keeps the list equal to the report's scalar numbers.
        pub const OUTPUTS: &[(&str, Output)] = &[$(($path, |$r: &Report| $get)),*];
    };
}

outputs! {
    "capacity.totalGw" => |r| Some(r.capacity.total_gw),
    "capacity.bindingGw" => |r| Some(r.capacity.binding_gw),
    "capacity.capexUsd" => |r| Some(r.capacity.capex_usd),
    "capacity.capexByCategoryUsd.accelerators" => |r| Some(r.capacity.capex_by_category_usd.accelerators),
    "capacity.capexByCategoryUsd.networking" => |r| Some(r.capacity.capex_by_category_usd.networking),
    "capacity.capexByCategoryUsd.facility" => |r| Some(r.capacity.capex_by_category_usd.facility),
    "capacity.capexByCategoryUsd.other" => |r| Some(r.capacity.capex_by_category_usd.other),
    "capacity.vendorRevenueUsd" => |r| Some(r.capacity.vendor_revenue_usd),
    "capacity.vendorShareOfCapex" => |r| Some(r.capacity.vendor_share_of_capex),
    "capacity.accelerators" => |r| Some(r.capacity.accelerators),
    "capacity.itPowerGw" => |r| Some(r.capacity.it_power_gw),
    "capacity.facilityPowerGw" => |r| Some(r.capacity.facility_power_gw),
    "capacity.annualEnergyMwh" => |r| Some(r.capacity.annual_energy_mwh),
    "capacity.annualEnergyCostUsd" => |r| Some(r.capacity.annual_energy_cost_usd),
    "capacity.annualDepreciationUsd" => |r| Some(r.capacity.annual_depreciation_usd),
    "capacity.annualCapitalChargeUsd" => |r| Some(r.capacity.annual_capital_charge_usd),
    "capacity.annualOpexUsd" => |r| Some(r.capacity.annual_opex_usd),
    "capacity.annualCostUsd" => |r| Some(r.capacity.annual_cost_usd),
    "capacity.costPerAcceleratorHourUsd" => |r| Some(r.capacity.cost_per_accelerator_hour_usd),
    "dilution.sharesOutstanding" => |r| r.dilution.as_ref().map(|d| d.shares_outstanding),
    "dilution.warrantShares" => |r| r.dilution.as_ref().map(|d| d.warrant_shares),
    "dilution.maxOwnership" => |r| r.dilution.as_ref().map(|d| d.max_ownership),
    "dilution.existingHoldersOwnershipAfter" => |r| r.dilution.as_ref().map(|d| d.existing_holders_ownership_after),
    "dilution.dilutedShares" => |r| r.dilution.as_ref().map(|d| d.diluted_shares),
    "dilution.valueTransferUsd" => |r| r.dilution.as_ref().map(|d| d.value_transfer_usd),
    "dilution.valueTransferPerGwUsd" => |r| r.dilution.as_ref().map(|d| d.value_transfer_per_gw_usd),
    "dilution.contingentShares" => |r| r.dilution.as_ref().map(|d| d.contingent_shares),
    "dilution.tsmIncrementalShares" => |r| r.dilution.as_ref().map(|d| d.tsm_incremental_shares),
    "dilution.priceAfterExercise" => |r| r.dilution.as_ref().map(|d| d.price_after_exercise),
    "dilution.effectiveDiscount" => |r| r.dilution.as_ref().map(|d| d.effective_discount),
    "dilution.valueAtTargetsUsd" => |r| r.dilution.as_ref().map(|d| d.value_at_targets_usd),
    "vesting.baseGrowth" => |r| r.vesting.as_ref().map(|v| v.base_growth),
    "vesting.medianGrowth" => |r| r.vesting.as_ref().map(|v| v.median_growth),
    "vesting.yearsToExpiry" => |r| r.vesting.as_ref().map(|v| v.years_to_expiry),
    "investment.totalUsd" => |r| r.investment.as_ref().map(|i| i.total_usd),
    "investment.netCashToVendorUsd" => |r| r.investment.as_ref().map(|i| i.net_cash_to_vendor_usd),
    "investment.circularity" => |r| r.investment.as_ref().map(|i| i.circularity),
    "circularity.aToB" => |r| r.circularity.as_ref().map(|c| c.a_to_b),
    "circularity.bToA" => |r| r.circularity.as_ref().map(|c| c.b_to_a),
    "circularity.ratio" => |r| r.circularity.as_ref().map(|c| c.ratio),
    "circularity.expectedRatio" => |r| r.circularity.as_ref().map(|c| c.expected_ratio),
    "money.totals.investmentUsd" => |r| r.money.as_ref().map(|m| m.totals.investment_usd),
    "money.totals.expectedInvestmentUsd" => |r| r.money.as_ref().map(|m| m.totals.expected_investment_usd),
    "money.totals.guaranteeMaxUsd" => |r| r.money.as_ref().map(|m| m.totals.guarantee_max_usd),
    "money.totals.expectedGuaranteeUsd" => |r| r.money.as_ref().map(|m| m.totals.expected_guarantee_usd),
    "money.totals.loanUsd" => |r| r.money.as_ref().map(|m| m.totals.loan_usd),
    "money.totals.loanInterestUsd" => |r| r.money.as_ref().map(|m| m.totals.loan_interest_usd),
    "contract.valueUsd" => |r| r.contract.as_ref().map(|k| k.value_usd),
    "contract.years" => |r| r.contract.as_ref().map(|k| k.years),
    "contract.valuePerYearUsd" => |r| r.contract.as_ref().map(|k| k.value_per_year_usd),
    "contract.valuePerGwUsd" => |r| r.contract.as_ref().map(|k| k.value_per_gw_usd),
    "contract.valuePerGwYearUsd" => |r| r.contract.as_ref().map(|k| k.value_per_gw_year_usd),
    "expected.gw" => |r| Some(r.expected.gw),
    "expected.capexUsd" => |r| Some(r.expected.capex_usd),
    "expected.vendorRevenueUsd" => |r| Some(r.expected.vendor_revenue_usd),
    "expected.investmentUsd" => |r| Some(r.expected.investment_usd),
    "expected.contractUsd" => |r| Some(r.expected.contract_usd),
    "expected.vendorIncomeUsd" => |r| Some(r.expected.vendor_income_usd),
    "expected.costOfCapital" => |r| Some(r.expected.cost_of_capital),
    "expected.presentValue.capexUsd" => |r| Some(r.expected.present_value.capex_usd),
    "expected.presentValue.vendorRevenueUsd" => |r| Some(r.expected.present_value.vendor_revenue_usd),
    "expected.presentValue.investmentUsd" => |r| Some(r.expected.present_value.investment_usd),
    "expected.presentValue.contractUsd" => |r| Some(r.expected.present_value.contract_usd),
    "expected.presentValue.vendorIncomeUsd" => |r| Some(r.expected.present_value.vendor_income_usd),
}

/// The output at `path`, if the report has a scalar number there.
pub fn output(path: &str) -> Option<Output> {
    OUTPUTS.iter().find(|(p, _)| *p == path).map(|(_, f)| *f)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::lookup;
    use serde_json::Value;

    /// Paths of every number of a JSON value outside lists.
    fn scalar_numbers(v: &Value, path: &str, out: &mut Vec<String>) {
        match v {
            Value::Number(_) => out.push(path.to_string()),
            Value::Object(o) => o
                .iter()
                .for_each(|(k, item)| scalar_numbers(item, &crate::problem::field(path, k), out)),
            _ => {}
        }
    }

    #[test]
    fn every_scalar_number_of_the_report_is_an_output() {
        for id in [
            "amd-openai-2025",
            "nvidia-openai-2025",
            "oracle-openai-2025",
        ] {
            let r = evaluate(&crate::test_deals::version(id, 0));
            let json = serde_json::to_value(&r).unwrap();
            let mut paths = Vec::new();
            scalar_numbers(&json, "", &mut paths);
            for path in &paths {
                let get = output(path).unwrap_or_else(|| panic!("{id}: {path} is not an output"));
                assert_eq!(
                    get(&r),
                    lookup(&json, path).and_then(Value::as_f64),
                    "{path}"
                );
            }
        }
    }
}
