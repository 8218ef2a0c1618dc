// Issue #10: the performance budget, from the size report (size-report.mjs) of the built
// dist/: what each kind of page downloads, brotli-compressed.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { measure, table } from './size-report.mjs';

const KB = 1024;
/** The home page, everything it downloads. */
const HOME_BUDGET = 200 * KB;
/**
 * The wasm the interactive pages share. The target is 150 KB; with islands (only
 * the finder, catalogue filters, self-check and widgets hydrate) it is about 270 KB after
 * wasm-opt, so the target is not met yet (README: 品質). This ceiling stops it growing while
 * the next step (lazy islands, a lighter finder) is done.
 */
const WASM_CEILING = 290 * KB;
/** Pages that must stay plain HTML: no wasm, no JS beyond the boot script. */
const PLAIN = ['home', 'facility (content)', 'facility (WAM NET)', 'area (国分寺市)', 'guide', 'about', '404'];

let rows;
before(async () => {
  rows = await measure();
  process.stdout.write(table(rows));
});

const row = (name) => rows.find((r) => r.name === name) ?? assert.fail(`no row ${name}`);

test('the home page downloads at most 200 KB (brotli)', () => {
  assert.ok(row('home').total <= HOME_BUDGET, `home: ${row('home').total} bytes\n${row('home').files.join('\n')}`);
});

test('pages without an island load no wasm and only the boot script', () => {
  for (const name of PLAIN) {
    const r = row(name);
    assert.equal(r.wasm, 0, `${name} loaded wasm: ${r.files.join(', ')}`);
    assert.ok(r.js < 2 * KB, `${name}: ${r.js} bytes of JS`);
  }
});

test('every page with an island loads the one wasm, within its ceiling', () => {
  for (const r of rows.filter((r) => r.wasm > 0)) {
    assert.ok(r.wasm <= WASM_CEILING, `${r.name}: wasm ${r.wasm} bytes > ${WASM_CEILING}`);
  }
  assert.ok(rows.filter((r) => r.wasm > 0).length >= 4, 'the finder, catalogue, self-check and widgets hydrate');
});
