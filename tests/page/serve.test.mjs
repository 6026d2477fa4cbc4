// scripts/serve.py, which scripts/run.sh serves the calculator with, serves as real hosts do
// (issue 31): text and the .wasm gzip-compressed to a client that accepts it, the .wasm as
// application/wasm, everything unchanged once decompressed, and plain bytes to a client that
// does not ask for gzip.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { WWW } from './harness.mjs';

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

test('serve.py gzips text and the .wasm for clients that accept it, with the right types', async () => {
  const port = await freePort();
  const server = spawn('python3', [SERVE, String(port), WWW], { stdio: 'ignore' });
  try {
    // Wait until it answers: it starts in well under a second here; the bound (a minute of
    // tries) only keeps a broken server from hanging the suite.
    let index = null;
    for (let i = 0; i < 600 && !index; i++) {
      index = await fetchRaw(port, '/', { 'Accept-Encoding': 'gzip, br' }).catch(() => new Promise((r) => setTimeout(() => r(null), 100)));
    }
    assert.ok(index, 'the server answered');
    assert.equal(index.headers['content-encoding'], 'gzip');
    assert.match(index.headers['content-type'], /^text\/html/);
    assert.deepEqual(gunzipSync(index.body), await readFile(`${WWW}/index.html`));
    for (const [path, type] of [['/pkg/dealcalc_bg.wasm', 'application/wasm'], ['/app.js', 'text/javascript'], ['/pkg/deals.json', 'application/json'], ['/style.css', 'text/css']]) {
      const r = await fetchRaw(port, path, { 'Accept-Encoding': 'gzip' });
      assert.equal(r.status, 200, path);
      assert.equal(r.headers['content-type'], type, path);
      assert.equal(r.headers['content-encoding'], 'gzip', path);
      assert.equal(r.headers.vary, 'Accept-Encoding', path);
      const plain = await readFile(`${WWW}${path}`);
      assert.deepEqual(gunzipSync(r.body), plain, path);
      assert.ok(r.body.length < plain.length, `${path}: ${r.body.length} of ${plain.length} bytes`);
    }
    const plain = await fetchRaw(port, '/pkg/dealcalc_bg.wasm');
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.deepEqual(plain.body, await readFile(`${WWW}/pkg/dealcalc_bg.wasm`));
    assert.equal((await fetchRaw(port, '/i18n', { 'Accept-Encoding': 'gzip' })).status, 301, 'a folder without its slash is redirected');
  } finally {
    server.kill();
  }
});
