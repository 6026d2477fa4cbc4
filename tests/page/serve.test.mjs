// scripts/serve.py, which scripts/run.sh serves the calculator with, serves as real hosts do
// (issue 31): text and the .wasm compressed (brotli from the build's precompressed copy to a
// client that accepts it, else gzip), the .wasm as application/wasm, everything unchanged once
// decompressed, and plain bytes to a client that asks for neither. A precompressed copy older
// than its file is not served.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { brotliCompressSync, brotliDecompressSync, gunzipSync } from 'node:zlib';
import { SITE } from './harness.mjs';

const SERVE = new URL('../../scripts/serve.py', import.meta.url).pathname;

/** A free loopback port. */
const freePort = () => new Promise((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});

/** GET `path` with `headers`: {status, headers, body (raw bytes)}. */
const fetchRaw = (port, path, headers = {}) => new Promise((resolve, reject) => {
  get({ host: '127.0.0.1', port, path, headers }, (res) => {
    const chunks = [];
    res.on('data', (c) => chunks.push(c));
    res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
  }).on('error', reject);
});

/** serve.py serving `root` on a free port, once it answers `/` (it starts in well under a
 *  second here; the bound, a minute of tries, only keeps a broken server from hanging the
 *  suite). */
async function start(root) {
  const port = await freePort();
  const server = spawn('python3', [SERVE, String(port), root], { stdio: 'ignore' });
  for (let i = 0; i < 600; i++) {
    if (await fetchRaw(port, '/', {}).catch(() => new Promise((r) => setTimeout(() => r(null), 100)))) return { port, server };
  }
  server.kill();
  throw new Error('serve.py did not answer');
}

test('serve.py sends brotli to clients that accept it, from the build\'s precompressed files', async () => {
  const { port, server } = await start(SITE);
  try {
    for (const [path, file, type] of [['/', '/index.html', /^text\/html/], ['/pkg/core_bg.wasm', '/pkg/core_bg.wasm', /^application\/wasm$/], ['/app.js', '/app.js', /^text\/javascript$/]]) {
      const r = await fetchRaw(port, path, { 'Accept-Encoding': 'gzip, deflate, br, zstd' });
      assert.equal(r.status, 200, path);
      assert.equal(r.headers['content-encoding'], 'br', path);
      assert.equal(r.headers.vary, 'Accept-Encoding', path);
      assert.match(r.headers['content-type'], type, path);
      const plain = await readFile(`${SITE}${file}`);
      assert.deepEqual(brotliDecompressSync(r.body), plain, path);
      assert.ok(r.body.length < plain.length * 0.5, `${path}: ${r.body.length} of ${plain.length} bytes`);
    }
  } finally {
    server.kill();
  }
});

test('a precompressed copy older than its file is not served: gzip of the file instead', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'dealcalc-serve-'));
  try {
    const text = 'export const x = 1;\n'.repeat(200);
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>t</title>');
    await writeFile(join(dir, 'a.js'), text);
    await writeFile(join(dir, 'a.js.br'), brotliCompressSync('stale'));
    const past = new Date(Date.now() - 60000);
    await utimes(join(dir, 'a.js.br'), past, past);
    const { port, server } = await start(dir);
    try {
      const r = await fetchRaw(port, '/a.js', { 'Accept-Encoding': 'gzip, br' });
      assert.equal(r.headers['content-encoding'], 'gzip');
      assert.equal(gunzipSync(r.body).toString(), text);
      // Made fresh again, the copy is served.
      await utimes(join(dir, 'a.js.br'), new Date(), new Date());
      const fresh = await fetchRaw(port, '/a.js', { 'Accept-Encoding': 'gzip, br' });
      assert.equal(fresh.headers['content-encoding'], 'br');
      assert.equal(brotliDecompressSync(fresh.body).toString(), 'stale');
    } finally {
      server.kill();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('serve.py gzips text and the .wasm for clients that accept gzip only, with the right types', async () => {
  const { port, server } = await start(SITE);
  try {
    const index = await fetchRaw(port, '/', { 'Accept-Encoding': 'gzip' });
    assert.equal(index.headers['content-encoding'], 'gzip');
    assert.match(index.headers['content-type'], /^text\/html/);
    assert.deepEqual(gunzipSync(index.body), await readFile(`${SITE}/index.html`));
    for (const [path, type] of [['/pkg/dealcalc_bg.wasm', 'application/wasm'], ['/app.js', 'text/javascript'], ['/pkg/deals.json', 'application/json'], ['/style.css', 'text/css']]) {
      const r = await fetchRaw(port, path, { 'Accept-Encoding': 'gzip' });
      assert.equal(r.status, 200, path);
      assert.equal(r.headers['content-type'], type, path);
      assert.equal(r.headers['content-encoding'], 'gzip', path);
      assert.equal(r.headers.vary, 'Accept-Encoding', path);
      const plain = await readFile(`${SITE}${path}`);
      assert.deepEqual(gunzipSync(r.body), plain, path);
      assert.ok(r.body.length < plain.length, `${path}: ${r.body.length} of ${plain.length} bytes`);
    }
    const plain = await fetchRaw(port, '/pkg/dealcalc_bg.wasm');
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.deepEqual(plain.body, await readFile(`${SITE}/pkg/dealcalc_bg.wasm`));
    assert.equal((await fetchRaw(port, '/i18n', { 'Accept-Encoding': 'gzip' })).status, 301, 'a folder without its slash is redirected');
  } finally {
    server.kill();
  }
});
