// No function of the page over MAX_LINES lines (issue 30): every .js file of www/ (its
// subfolders too, www/pkg/ aside: wasm-bindgen writes it) parsed with acorn, and every function
// in it measured from its first line to its last: declarations, expressions, arrows, methods
// of classes and object literals, nested ones each on its own (a closure's lines count in the
// function that holds it as well). No browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'acorn';
import { ancestor } from 'acorn-walk';

const WWW = fileURLToPath(new URL('../../www/', import.meta.url));

const MAX_LINES = 120;

/** Every .js file under `dir`, www/pkg/ aside. */
async function sources(dir) {
  const files = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (relative(WWW, path) !== 'pkg') files.push(...await sources(path));
    } else if (/\.m?js$/.test(entry.name)) {
      files.push(path);
    }
  }
  return files.sort();
}

/** What a function is called where it is defined: its own name, the key or variable it is
 *  given to, or "(anonymous)". */
function nameOf(node, parent) {
  if (node.id) return node.id.name;
  const key = (k) => (k.type === 'Identifier' ? k.name : k.type === 'Literal' ? String(k.value) : k.type === 'PrivateIdentifier' ? `#${k.name}` : '[computed]');
  switch (parent?.type) {
    case 'MethodDefinition':
    case 'PropertyDefinition':
    case 'Property':
      return key(parent.key);
    case 'VariableDeclarator':
      return parent.id.type === 'Identifier' ? parent.id.name : '(anonymous)';
    case 'AssignmentExpression':
      return parent.left.type === 'Identifier' ? parent.left.name : parent.left.type === 'MemberExpression' ? key(parent.left.property) : '(anonymous)';
    default:
      return '(anonymous)';
  }
}

/** Every function in `source` with its name, first line and length in lines, by line. */
function functionLengths(source) {
  const ast = parse(source, { ecmaVersion: 'latest', sourceType: 'module', locations: true });
  const found = [];
  const visit = (node, _state, ancestors) => {
    const parent = ancestors[ancestors.length - 2];
    found.push({ name: nameOf(node, parent), line: node.loc.start.line, lines: node.loc.end.line - node.loc.start.line + 1 });
  };
  ancestor(ast, { FunctionDeclaration: visit, FunctionExpression: visit, ArrowFunctionExpression: visit });
  return found.sort((a, b) => a.line - b.line);
}

/** The functions of `source` over MAX_LINES lines. */
const tooLong = (source) => functionLengths(source).filter((f) => f.lines > MAX_LINES);

/** A function of `n` lines: the lines `open`, n − 2 lines of body, the lines `close`. */
const synthetic = (n, open, close) => [open, ...Array.from({ length: n - 2 }, (_, i) => `  x += ${i};`), close].join('\n');

test(`the check flags a function of ${MAX_LINES + 1} lines, of every kind, and passes one of ${MAX_LINES}`, () => {
  const kinds = [
    ['function long(x) {', '}', 'long'],
    ['export const long = (x) => {', '};', 'long'],
    ['const o = { long(x) {', '} };', 'long'],
    ['class C { long(x) {', '} }', 'long'],
    ['setTimeout(function () {', '});', '(anonymous)'],
  ];
  for (const [open, close, name] of kinds) {
    assert.deepEqual(tooLong(synthetic(MAX_LINES + 1, open, close)), [{ name, line: 1, lines: MAX_LINES + 1 }], open);
    assert.deepEqual(tooLong(synthetic(MAX_LINES, open, close)), [], open);
  }
  // A long closure and the function that holds it: both are reported.
  const nested = synthetic(MAX_LINES + 3, 'export function outer() {\n  const inner = () => {', '  };\n}');
  assert.deepEqual(tooLong(nested).map((f) => f.name), ['outer', 'inner']);
});

test(`no function in www/ is over ${MAX_LINES} lines`, async () => {
  const files = await sources(WWW);
  assert.ok(files.some((f) => f.endsWith('valuation.js')) && !files.some((f) => f.includes('/pkg/')), 'the page\'s own files');
  const found = [];
  for (const file of files) {
    for (const f of tooLong(await readFile(file, 'utf8'))) found.push(`www/${relative(WWW, file)}:${f.line} ${f.name}: ${f.lines} lines`);
  }
  assert.deepEqual(found, [], `functions over ${MAX_LINES} lines:\n${found.join('\n')}`);
});
