// The headline numbers of a report, shared by the page (app.js) and <deal-calculator>: each with
// its label, formatted value, the report path it shows (data-out) and a note with its formula.
import { t, fmt } from './i18n.js';

/** Whether money goes both ways between the deal's buyer and vendor. */
const circular = (r) => r.circularity && r.circularity.aToB > 0 && r.circularity.bToA > 0;

export function headlineItems(r) {
  const c = r.capacity;
  const d = r.dilution;
  const item = (label, value, out, note) => ({ label, value, out, note });
  return [
    item(t('Capacity'), `${fmt.num(c.totalGw)} GW`, 'capacity.totalGw', t('{basis} basis · {gw} GW binding', { basis: t(c.gwBasis === 'it' ? 'IT load' : 'facility'), gw: fmt.num(c.bindingGw) })),
    item(t('Capex'), fmt.usd(c.capexUsd), 'capacity.capexUsd', t('GW × capex per GW')),
    item(t('Vendor revenue'), fmt.usd(c.vendorRevenueUsd), 'capacity.vendorRevenueUsd', t('GW × revenue per GW')),
    d && item(t('Max ownership'), fmt.pct(d.maxOwnership), 'dilution.maxOwnership', 'N ÷ (S + N)'),
    d && item(t('Value transferred'), fmt.usd(d.valueTransferUsd), 'dilution.valueTransferUsd', t('intrinsic, ignoring conditions: N × (price − strike) today')),
    d && item(t('Intrinsic value ÷ vendor income'), fmt.pct(d.effectiveDiscount, 1), 'dilution.effectiveDiscount', t('not the discount: the intrinsic value ignores every condition; ÷ present value of expected vendor income')),
    r.investment && item(t('Vendor investment'), fmt.usd(r.investment.totalUsd), 'investment.totalUsd', t('circularity {x}', { x: fmt.pct(r.investment.circularity, 1) })),
    circular(r) && item(t('Circularity'), fmt.pct(r.circularity.ratio, 1), 'circularity.ratio', t('{back} comes back of {paid} paid (nominal; every money kind)', { back: fmt.usd(Math.min(r.circularity.aToB, r.circularity.bToA)), paid: fmt.usd(Math.max(r.circularity.aToB, r.circularity.bToA)) })),
    r.contract && item(t('Contract per GW'), fmt.usd(r.contract.valuePerGwUsd), 'contract.valuePerGwUsd', t('{x} a year', { x: fmt.usd(r.contract.valuePerYearUsd) })),
  ].filter(Boolean);
}
