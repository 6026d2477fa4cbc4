// A catalogue deal's history under the deal picker: each version's date, status and event, and
// the sources it added; a click loads that version (the latest is the deal as it stands).
import { el } from './dom.js';
import { t, fmt, local, statusName } from './i18n.js';
import { deal, deals } from './deals.js';

/** A source as a line: its title (a link), its tier, and the figure it gives if that differs. */
export function sourceLine(s) {
  const link = s.url && /^https?:\/\//.test(s.url)
    ? el('a', { href: s.url, target: '_blank', rel: 'noopener noreferrer', text: s.title || s.url })
    : el('span', { text: s.title || '' });
  const tier = s.tier ? el('span', { class: `tier tier-${s.tier}`, text: t(s.tier) }) : null;
  const date = s.date ? ` · ${fmt.date(s.date)}` : '';
  return [tier, tier ? ' ' : null, link, date, s.note ? el('span', { class: 'help', text: ` (${s.note})` }) : null].filter((x) => x != null);
}

/** The sources of a version that its predecessor did not have (by field and address). */
function newSources(version, previous) {
  const key = (s) => `${s.field}|${s.url ?? ''}|${s.note ?? ''}`;
  const before = new Set((previous?.sources ?? []).map(key));
  return (version.sources ?? []).filter((s) => !before.has(key(s)));
}

/**
 * The history of deal `id` as a list; `shownAsOf`: the version on the page (marked current);
 * `onPick(asOf, latest)` loads a version.
 */
export function dealHistory(id, shownAsOf, onPick) {
  const info = deals().find((d) => d.id === id);
  const count = info.versions.length;
  const items = info.versions.map((v, i) => {
    const latest = i === count - 1;
    const full = deal(id, { asOf: v.asOf });
    const previous = i > 0 ? deal(id, { asOf: info.versions[i - 1].asOf }) : null;
    const added = previous ? newSources(full, previous) : full.sources.filter((s) => ['status', 'asOf'].includes(s.field));
    const current = v.asOf === shownAsOf;
    const button = el('button', { type: 'button', class: 'link-button', text: `${fmt.date(v.asOf)} · ${t(statusName(v.status))}` });
    if (current) button.setAttribute('aria-current', 'true');
    button.addEventListener('click', () => onPick(v.asOf, latest));
    const sources = added.length
      ? el('details', { class: 'version-sources' }, el('summary', { text: added.length === 1 ? t('One source new in this version') : t('{n} sources new in this version', { n: added.length }) }),
        el('ul', { class: 'sources' }, ...added.map((s) => el('li', {}, el('code', { text: s.field }), ' — ', ...sourceLine(s)))))
      : null;
    return el('li', { class: current ? 'version current' : 'version' }, button, latest ? el('span', { class: 'badge', text: t('latest') }) : null,
      el('p', { class: 'event', text: local(v.event) }), sources);
  });
  const title = count === 1 ? t('History of this deal (one version)') : t('History of this deal ({n} versions)', { n: count });
  return [el('summary', { text: title }), el('ol', { class: 'versions' }, ...items.reverse())];
}
