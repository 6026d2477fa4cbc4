// The form's field catalogue: each scenario field the page edits, with its label, unit, kind
// ("number" | "text" | "date" | "select" | "checkbox"), scale (shown = stored / scale) and help.
// The core validates every field; this list only says how to show it.

export const GROUPS = [
  {
    title: 'Deal',
    fields: [
      { path: 'name', label: 'Name', kind: 'text', help: 'Shown in comparisons and file names.' },
      { path: 'valuationDate', label: 'Valuation date', kind: 'date', help: 'The day the share price is observed.' },
    ],
  },
  {
    title: 'Capacity and costs',
    phases: true,
    fields: [
      { path: 'capacity.gwBasis', label: 'GW basis', kind: 'select', options: [['facility', 'facility (incl. cooling)'], ['it', 'IT load']], help: 'What the deal\'s gigawatts count.' },
      { path: 'capacity.pue', label: 'PUE', unit: '×', kind: 'number', help: 'Facility power ÷ IT power.' },
      { path: 'capacity.capexPerGwUsd', label: 'Capex per GW', unit: '$ B', scale: 1e9, kind: 'number', help: 'All-in capital cost per deal gigawatt.' },
      { path: 'capacity.capexSplit.accelerators', label: 'Capex share: accelerators', unit: '%', scale: 0.01, kind: 'number', help: 'GPUs or other accelerators.' },
      { path: 'capacity.capexSplit.networking', label: 'Capex share: networking', unit: '%', scale: 0.01, kind: 'number', help: 'Switches, optics and cabling.' },
      { path: 'capacity.capexSplit.facility', label: 'Capex share: facility', unit: '%', scale: 0.01, kind: 'number', help: 'Buildings, power and cooling.' },
      { path: 'capacity.capexSplit.other', label: 'Capex share: other', unit: '%', scale: 0.01, kind: 'number', help: 'The four shares add up to 100%.' },
      { path: 'capacity.vendorRevenuePerGwUsd', label: 'Vendor revenue per GW', unit: '$ B', scale: 1e9, kind: 'number', help: 'What the vendor sells per gigawatt.' },
      { path: 'capacity.wattsPerAccelerator', label: 'All-in IT power per accelerator', unit: 'W', kind: 'number', help: 'The chip plus its share of hosts, network and storage.' },
      { path: 'capacity.electricityUsdPerMwh', label: 'Electricity price', unit: '$/MWh', kind: 'number', help: 'What the facility pays per megawatt-hour.' },
      { path: 'capacity.utilization', label: 'Utilization', unit: '%', scale: 0.01, kind: 'number', help: 'Average share of power drawn.' },
      { path: 'capacity.hardwareLifeYears', label: 'Hardware life', unit: 'years', kind: 'number', help: 'Every component\'s life where the deal gives no life per component.' },
      { path: 'capacity.lifeYears.accelerators', label: 'Life: accelerators', unit: 'years', kind: 'number', needs: 'capacity.lifeYears', help: 'Capital is recovered over each component\'s life.' },
      { path: 'capacity.lifeYears.networking', label: 'Life: networking', unit: 'years', kind: 'number', needs: 'capacity.lifeYears' },
      { path: 'capacity.lifeYears.facility', label: 'Life: facility', unit: 'years', kind: 'number', needs: 'capacity.lifeYears', help: 'Buildings, power and cooling last 15–20 years.' },
      { path: 'capacity.lifeYears.other', label: 'Life: other', unit: 'years', kind: 'number', needs: 'capacity.lifeYears' },
      { path: 'capacity.opexPerGwYearUsd', label: 'Operations per GW-year', unit: '$ B', scale: 1e9, kind: 'number', optional: true, help: 'Running cost other than energy. Blank: none.' },
      { path: 'capacity.costOfCapital', label: 'Cost of capital', unit: '% / yr', scale: 0.01, kind: 'number', optional: true, help: 'Discounts to present values and sets the capital charge. Blank: 0 (no discounting).' },
      { path: 'capacity.deliveryLeadMonths', label: 'Delivery before online', unit: 'months', kind: 'number', optional: true, help: 'GW milestones count delivered GW, this long before they are online. Blank: 0.' },
      { path: 'capacity.priceCorrelation', label: 'Deployment–share price correlation', unit: 'ρ', kind: 'number', optional: true, help: 'From −1 to 1: with ρ > 0 the non-binding phases are likelier and earlier when the share price has risen (Gaussian copula). Blank: 0, independent.' },
    ],
  },
  {
    title: 'Equity of the issuer',
    needs: 'equity',
    curve: true,
    fields: [
      { path: 'equity.issuer', label: 'Issuer', kind: 'text', help: 'The company whose shares the warrant is on.' },
      { path: 'equity.sharesOutstanding', label: 'Shares outstanding', unit: 'M', scale: 1e6, kind: 'number', help: 'Basic shares before the warrant.' },
      { path: 'equity.sharePrice', label: 'Share price', unit: '$', kind: 'number', help: 'On the valuation date.',
        // A private issuer has no market price: its last round's, labelled as the assumption it is.
        helpWhen: { path: 'equity.listed', equals: false, text: 'Assumption: the issuer is not listed; this is the price of its last private round, not a market price.' } },
      { path: 'equity.volatility', label: 'Volatility', unit: '% / yr', scale: 0.01, kind: 'number', help: 'Annual volatility of the share price.' },
      { path: 'equity.dividendYield', label: 'Dividend yield', unit: '% / yr', scale: 0.01, kind: 'number', help: 'Continuous; 0 for a company that pays none.' },
      { path: 'equity.riskFreeRate', label: 'Risk-free rate', unit: '% / yr', scale: 0.01, kind: 'number', help: 'Continuously compounded.' },
      { path: 'equity.expectedReturn', label: 'Expected return (real world)', unit: '% / yr', scale: 0.01, kind: 'number', optional: true, help: 'Blank: the risk-free rate (probabilities then risk-neutral).' },
      { path: 'equity.basePathGrowth', label: 'Base path growth', unit: '% / yr', scale: 0.01, kind: 'number', optional: true, help: 'Blank: expected return − dividend yield.' },
    ],
  },
  {
    title: 'Warrant',
    needs: 'warrant',
    tranches: true,
    fields: [
      { path: 'warrant.holder', label: 'Holder', kind: 'text', help: 'Who receives the shares.' },
      { path: 'warrant.shares', label: 'Warrant shares', unit: 'M', scale: 1e6, kind: 'number', help: 'The tranches\' shares add up to this.' },
      { path: 'warrant.strike', label: 'Strike', unit: '$', kind: 'number', help: 'Price paid per share on exercise.' },
      { path: 'warrant.issueDate', label: 'Issue date', kind: 'date', help: 'When the warrant was granted.' },
      { path: 'warrant.expiryDate', label: 'Expiry date', kind: 'date', help: 'A tranche must vest by this day.' },
      { path: 'warrant.grantSharePrice', label: 'Share price at grant', unit: '$', kind: 'number', optional: true, help: 'On the issue date; the books measure the warrant at it. Blank: today\'s price.' },
      { path: 'warrant.vestingRule', label: 'Vesting rule', kind: 'select', options: [['conditions_once_met', 'each condition counts once met'], ['price_after_milestone', 'the price test counts only after the GW milestone']], help: 'The filings do not say which; the choice moves the value.' },
    ],
  },
  {
    title: 'Vendor investment in the buyer',
    needs: 'investment',
    fields: [
      { path: 'investment.investor', label: 'Investor', kind: 'text', help: 'The vendor investing in the buyer.' },
      { path: 'investment.usdPerGw', label: 'Invested per GW deployed', unit: '$ B', scale: 1e9, kind: 'number', help: 'Paid as each gigawatt comes online.' },
      { path: 'investment.maxUsd', label: 'Investment cap', unit: '$ B', scale: 1e9, kind: 'number', help: 'The most the vendor invests in all.' },
    ],
  },
  {
    title: 'Capacity bought as a service',
    needs: 'contract',
    fields: [
      { path: 'contract.valueUsd', label: 'Contract value', unit: '$ B', scale: 1e9, kind: 'number', help: 'Total paid for the capacity over the term.' },
      { path: 'contract.years', label: 'Term', unit: 'years', kind: 'number', help: 'Length of the contract.' },
      { path: 'contract.start', label: 'Term starts', kind: 'date', optional: true, help: 'Paid evenly over the term from this day. Blank: the first phase\'s start.' },
    ],
  },
];

export const PHASE_COLUMNS = [
  { key: 'label', label: 'Label', kind: 'text' },
  { key: 'gw', label: 'GW', kind: 'number' },
  { key: 'start', label: 'Start', kind: 'date' },
  { key: 'end', label: 'Fully online', kind: 'date' },
  { key: 'binding', label: 'Binding', kind: 'checkbox' },
  { key: 'probability', label: 'Probability', unit: '%', scale: 0.01, kind: 'number' },
];

export const TRANCHE_COLUMNS = [
  { key: 'shares', label: 'Shares', unit: 'M', scale: 1e6, kind: 'number' },
  { key: 'gwTrigger', label: 'GW trigger', kind: 'number' },
  { key: 'priceTarget', label: 'Price target', unit: '$', kind: 'number', optional: true },
  { key: 'priceTest.kind', label: 'Price test', kind: 'select', options: [['touch', 'touch'], ['close', 'close'], ['average', 'average']] },
  { key: 'priceTest.days', label: 'Days', kind: 'number', optional: true },
];

/** The volatility term structure's points (equity.volatilityCurve). */
export const CURVE_COLUMNS = [
  { key: 'years', label: 'Years', kind: 'number' },
  { key: 'vol', label: 'Implied volatility', unit: '%', scale: 0.01, kind: 'number' },
];

/** An investment's tranches (investments[i].tranches); conditions are named above the table. */
export const INVESTMENT_TRANCHE_COLUMNS = [
  { key: 'usd', label: 'Amount', unit: '$ B', scale: 1e9, kind: 'number' },
  { key: 'date', label: 'Paid on', kind: 'date' },
  { key: 'postMoneyValuationUsd', label: 'Post-money valuation', unit: '$ B', scale: 1e9, kind: 'number', optional: true },
];

/** Backstops and guarantees (guarantees). */
export const GUARANTEE_COLUMNS = [
  { key: 'guarantor', label: 'Guarantor', kind: 'text' },
  { key: 'beneficiary', label: 'Beneficiary', kind: 'text' },
  { key: 'label', label: 'What', kind: 'text', optional: true },
  { key: 'maxUsd', label: 'Maximum', unit: '$ B', scale: 1e9, kind: 'number' },
  { key: 'probability', label: 'Probability', unit: '%', scale: 0.01, kind: 'number' },
  { key: 'start', label: 'Start', kind: 'date' },
  { key: 'end', label: 'End', kind: 'date', optional: true },
];

/** Loans between the parties (loans). */
export const LOAN_COLUMNS = [
  { key: 'lender', label: 'Lender', kind: 'text' },
  { key: 'borrower', label: 'Borrower', kind: 'text' },
  { key: 'usd', label: 'Principal', unit: '$ B', scale: 1e9, kind: 'number' },
  { key: 'rate', label: 'Interest rate', unit: '% / yr', scale: 0.01, kind: 'number' },
  { key: 'start', label: 'Start', kind: 'date' },
  { key: 'years', label: 'Term', unit: 'years', kind: 'number' },
];

/** The fields the <deal-calculator> element's full view offers, by path: the levers a reader of
 *  an article is most likely to try. */
const KEY_PATHS = ['equity.sharePrice', 'equity.volatility', 'capacity.capexPerGwUsd', 'capacity.vendorRevenuePerGwUsd', 'capacity.electricityUsdPerMwh'];

/** The element's fields: the page's own definitions (label, unit, scale) of KEY_PATHS. */
export const KEY_FIELDS = KEY_PATHS.map((path) => GROUPS.flatMap((g) => g.fields).find((f) => f.path === path));
