// Share links, JSON files and CSV: getting a scenario in and out of the page safely.
//
// A share link carries the scenario and the view in the URL hash: `#s=1.<data>` where <data> is
// base64url of the deflate-raw compressed JSON {scenario, view}. Everything read back is
// treated as hostile: sizes are capped before and after decompression, the JSON must parse to
// the expected shape, and the scenario is validated by the Wasm core before it is used; the
// page only ever puts text into the DOM as text.

export const HASH_PREFIX = '#s=1.';
/** Longest hash accepted (characters). */
export const MAX_HASH_CHARS = 200_000;
/** Largest decompressed link or imported file (bytes). */
export const MAX_JSON_BYTES = 1_000_000;

function toBase64Url(bytes) {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text) {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('the link contains characters a share link never has');
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

async function pipe(bytes, stream) {
  const response = new Response(new Blob([bytes]).stream().pipeThrough(stream));
  return new Uint8Array(await response.arrayBuffer());
}

/** Reads at most `limit` bytes from a decompression stream, so a zip bomb cannot fill memory. */
async function inflateCapped(bytes, limit) {
  const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const chunks = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel();
      throw new Error(`the link expands to more than ${limit} bytes`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The hash of a share link for a scenario and view. */
export async function encodeShare(scenario, view) {
  const json = new TextEncoder().encode(JSON.stringify({ scenario, view }));
  return HASH_PREFIX + toBase64Url(await pipe(json, new CompressionStream('deflate-raw')));
}

/** The {scenario, view} of a share-link hash; throws an Error with a readable message. */
export async function decodeShare(hash) {
  if (!hash.startsWith(HASH_PREFIX)) throw new Error('this is not a dealcalc share link (or from a newer version)');
  if (hash.length > MAX_HASH_CHARS) throw new Error('the link is too long');
  const bytes = fromBase64Url(hash.slice(HASH_PREFIX.length));
  let text;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await inflateCapped(bytes, MAX_JSON_BYTES));
  } catch (e) {
    throw new Error(e.message.includes('expands') ? e.message : 'the link is damaged (it does not decompress to text)');
  }
  return parseEnvelope(text);
}

/** Parses {scenario, view} or a bare scenario from JSON text. */
export function parseEnvelope(text) {
  if (text.length > MAX_JSON_BYTES) throw new Error('the file is larger than 1 MB');
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error('it is not valid JSON');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error('it does not hold a scenario');
  const scenario = 'scenario' in value ? value.scenario : value;
  const view = 'scenario' in value && value.view && typeof value.view === 'object' ? value.view : {};
  if (scenario === null || typeof scenario !== 'object' || Array.isArray(scenario)) throw new Error('it does not hold a scenario');
  return { scenario, view };
}

/** Offers `text` as a file download. */
export function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * One CSV cell. Text that a spreadsheet would read as a formula (starting with = + - @, tab
 * or carriage return) is prefixed with an apostrophe (OWASP, "CSV Injection"); numbers stay
 * numbers. Cells with commas, quotes or line breaks are quoted.
 */
export function csvCell(value) {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let s = value == null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV text of rows (arrays of cells). */
export function csv(rows) {
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** Every number of a report as CSV rows: section, field path, value. */
export function reportRows(name, report) {
  const rows = [['deal', 'field', 'value']];
  const walk = (v, path) => {
    if (v === null || v === undefined) return;
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
    else if (typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, path ? `${path}.${k}` : k);
    else rows.push([name, path, v]);
  };
  walk(report, '');
  return rows;
}
