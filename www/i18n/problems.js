// Problems in the page's languages. The core reports each problem as {path, message, code,
// params} (src/problem.rs): `message` is English for API users; the page writes `code` with
// `params` in its own language here. A code without a template shows the core's message.
//
// Range problems carry their bounds in the stored unit (fractions, dollars); a form field that
// shows another unit (percent, $ B) passes its scale and unit, and the bounds are shown in it.

/** Words for the kinds of JSON value (`type` problems). */
const KINDS = {
  en: { object: 'an object', list: 'a list', number: 'a number', text: 'text', boolean: 'true or false', null: 'null' },
  de: { object: 'ein Objekt', list: 'eine Liste', number: 'eine Zahl', text: 'Text', boolean: 'wahr oder falsch', null: 'null' },
};

/** Units of range bounds as the core names them. */
const UNITS = {
  en: { years: ' years', months: ' months', watts: ' W', trading_days: ' trading days', fraction_per_year: ' (a fraction per year: 0.5 = 50%)' },
  de: { years: ' Jahre', months: ' Monate', watts: ' W', trading_days: ' Handelstage', fraction_per_year: ' (Anteil pro Jahr: 0,5 = 50 %)' },
};

/** Codes whose params are bounds in the field's stored unit. */
export const BOUNDED = new Set(['target_outside', 'range', 'range_below', 'range_above', 'whole_range', 'at_most', 'too_large', 'range_open', 'calendar_arbitrage']);

const EN = {
  target_outside: 'is outside what the input reaches between the two ends: {min} to {max}{unit}',
  range: 'must be from {min} to {max}{unit}',
  range_below: 'must be from {min} to below {max}{unit}',
  range_above: 'must be above {min} and at most {max}{unit}',
  whole_range: 'must be a whole number from {min} to {max}{unit}',
  at_most: 'must be at most {max}{unit}',
  too_large: 'is too large (at most {max}{unit})',
  range_open: 'must be between {min} and {max}{unit}',
  calendar_arbitrage: 'makes the total variance (vol² × years) fall, which is calendar arbitrage; at least {min}{unit} here',
};

const DE = {
  required: 'ist erforderlich',
  not_finite: 'muss eine endliche Zahl sein',
  type: 'muss {expected} sein, nicht {got}',
  unknown_field: 'unbekanntes Feld; erwartet wird eines von: {expected}',
  empty_list: 'braucht mindestens einen Eintrag',
  too_many: 'hat mehr als {max} Einträge',
  too_long: 'ist länger als {max} Bytes',
  choice: 'muss {options} sein, nicht „{value}“',
  date: 'ist kein gültiges Datum JJJJ-MM-TT („{value}“)',
  required_for_average: 'ist für einen Durchschnittstest erforderlich',
  required_for_warrant: 'ist erforderlich, wenn der Deal einen Warrant hat',
  positive: 'muss größer als 0 sein',
  non_negative: 'darf nicht negativ sein',
  fraction: 'muss ein Anteil von 0 bis 1 sein (kein Prozentwert)',
  currency: 'muss ein dreistelliger ISO-4217-Code wie USD sein',
  url: 'muss eine http(s)-Adresse sein',
  end_before_start: 'darf nicht vor dem Start der Phase liegen',
  mode_between: 'muss zwischen min und max liegen',
  sum_to_one: 'die Anteile müssen zusammen 1 ergeben (sie ergeben {sum})',
  after_issue_date: 'muss nach dem Ausgabedatum liegen',
  after_valuation_date: 'muss nach dem Bewertungsstichtag liegen',
  expiry_too_far: 'darf höchstens {max} Jahre nach dem Bewertungsstichtag liegen',
  beyond_total_gw: 'liegt über den {totalGw} GW des Deals',
  tranche_shares_sum: 'die Aktien der Tranchen ergeben {sum}, nicht die {shares} des Warrants',
  no_warrant: 'der Deal hat keinen Warrant, der bewertet werden könnte',
  not_simulation_input: 'ist keine Eingabe der Simulation, die simulationInput dieser Version erstellt hat',
  too_many_path_steps: '{paths} Pfade × {steps} Schritte sind mehr als {max} Pfadschritte; weniger Pfade oder Schritte pro Jahr wählen',
  level: 'muss größer als 0 sein (höchstens {max})',
  rate_at_hit: 'ist zu negativ für eine Zahlung beim Erreichen der Schwelle (μ² + 2r/σ² < 0)',
  option_kind: '„{value}“ ist keine Optionsart des Vertrags',
  scenario_count: 'muss eine Liste von {min} bis {max} Szenarien sein',
  output_not_number: '{value} ist keine Zahl im Bericht dieses Deals',
  unknown_output: '„{value}“ ist keine Zahl des Berichts',
  name_case: '„{value}“ unterscheidet sich von „{other}“ nur in der Groß- und Kleinschreibung; den Namen einheitlich schreiben',
  investment_empty: 'braucht Tranchen oder eine Regel je GW',
  below_amount: 'muss mindestens so groß sein wie der Betrag der Tranche',
  year_not_ascending: 'muss nach dem Jahr davor liegen',
  before_grant: 'darf nicht vor der Gewährung des Warrants liegen ({min})',
  target_outside: 'liegt außerhalb dessen, was die Eingabe zwischen den beiden Enden erreicht: {min} bis {max}{unit}',
  not_above: 'muss über dem unteren Ende liegen ({min})',
  unknown_input: '„{value}“ ist weder eine Eingabe noch der Pfad einer Zahl dieses Deals',
  input_not_number: '„{value}“ hat in diesem Deal nichts zu bewegen',
  cloud_only: 'gehört zu einem Cloud-Deal: Nur als Dienst gekaufte Kapazität läuft auf den Chips eines Chip-Deals',
  not_chip_deal: '„{value}“ ist kein Chip-Deal',
  own_parent: 'eine Partei kann nicht ihre eigene Muttergesellschaft sein',
  parent_chain: 'nennt eine Partei, die selbst eine Muttergesellschaft hat; die oberste Gesellschaft nennen',
  parent_conflict: 'gibt „{value}“ als Muttergesellschaft an, ein früherer Deal „{other}“',
  schedule_sum: 'die Zahlungen ergeben {sum}, nicht den Vertragswert {value}',
  unknown_deal: 'unbekannter Deal „{value}“; bekannt: {options}',
  before_first_version: 'liegt vor der ersten Fassung des Deals ({first})',
  range: 'muss zwischen {min} und {max}{unit} liegen',
  range_below: 'muss von {min} bis unter {max}{unit} liegen',
  range_above: 'muss über {min} und höchstens {max}{unit} liegen',
  whole_range: 'muss eine ganze Zahl von {min} bis {max}{unit} sein',
  at_most: 'darf höchstens {max}{unit} betragen',
  too_large: 'ist zu groß (höchstens {max}{unit})',
  range_open: 'muss zwischen {min} und {max}{unit} liegen (ausschließlich)',
  too_many_values: 'enthält mehr als {max} Werte',
  too_deep: 'ist tiefer als {max} Ebenen verschachtelt',
  not_ascending: 'muss nach den Jahren des vorigen Punkts liegen (Punkte aufsteigend ordnen)',
  calendar_arbitrage: 'lässt die Gesamtvarianz (Vol² × Jahre) fallen, das ist Kalender-Arbitrage; hier mindestens {min}{unit}',
};

export const TEMPLATES = { en: EN, de: DE };

/**
 * The problem `p` in language `code`: its template filled with its params (numbers through
 * `num`), or the core's English message. `field` = {scale, unit} shows bounds in the field's
 * unit (a volatility bound of 5 is "500 % / yr" beside a percent field).
 */
export function problemIn(code, p, num, field = null) {
  const scaled = field?.scale && field.scale !== 1 && BOUNDED.has(p.code);
  const template = (code === 'en' && !scaled) ? null : TEMPLATES[code]?.[p.code];
  if (!template) return p.message;
  const params = { ...(p.params ?? {}) };
  let unit = UNITS[code]?.[params.unit] ?? '';
  if (scaled) {
    for (const k of ['min', 'max']) if (typeof params[k] === 'number') params[k] = params[k] / field.scale;
    unit = field.unit ? ` ${field.unit}` : '';
  }
  const kinds = KINDS[code] ?? KINDS.en;
  return template.replace(/\{(\w+)\}/g, (m, k) => {
    if (k === 'unit') return unit;
    if (k === 'expected' && p.code === 'type') return kinds[params.expected] ?? params.expected;
    if (k === 'got') return kinds[params.got] ?? params.got;
    const v = params[k];
    if (v === undefined) return m;
    return typeof v === 'number' ? num(v) : String(v);
  });
}
