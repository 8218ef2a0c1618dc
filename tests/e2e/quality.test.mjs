// Issue #10, accessibility and privacy gates over every route type, at 360×740 and
// 1280×900. Each route is checked for:
// - axe-core: zero violations (WCAG 2.0/2.1/2.2 A and AA, plus axe's best practices for
//   landmarks and headings);
// - every request the page makes goes to the site's own origin (no third party by default);
// - no console error or warning, no uncaught error;
// - <html lang="ja">; exactly one h1; headings never skip a level going down;
// - landmarks: one main; a banner, a named navigation and a contentinfo on site pages;
// - the skip link: first Tab stop, visible when focused, Enter moves focus to the main;
// - tap targets (rule below) at least 44×44 CSS px;
// - text zoom 200 % (root font size doubled, as the browser's text-size setting does) at
//   1280 px: body text really doubles, no horizontal scrolling, no clipped text;
// - prefers-reduced-motion: reduce: no animation or transition runs, no smooth scrolling.
// Then keyboard-only journeys through the finder (municipality → need → a tel: link) with a
// visible focus on every stop. The screening's keyboard journey is in screening.test.mjs.
//
// Tap-target rule (WCAG 2.5.5, デジタル庁デザインシステム: 44 px): every visible link,
// button, input, select, textarea, summary and custom focusable control must have a box of
// at least 44×44 CSS px. For a checkbox or radio the target is the box and its label
// together (the label toggles it). Exception, as in WCAG 2.5.8's "inline": a link that sits
// in a line of text — displayed inline, in a block that has other text besides the link.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { serve, launch, hydrated, DIST } from './harness.mjs';

const require = createRequire(import.meta.url);
const AXE = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
const MOBILE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 900 };
const TAP = 44;

let browser, site;
before(async () => { browser = await launch(); site = await serve(DIST, '/'); });
after(async () => { await browser?.close(); await site?.close(); });

const dirs = async (rel) => (existsSync(join(DIST, rel)) ? (await readdir(join(DIST, rel), { withFileTypes: true })) : [])
  .filter((e) => e.isDirectory() && existsSync(join(DIST, rel, e.name, 'index.html'))).map((e) => e.name).sort();

/** Screening: start, then answer each question with its first choice until the result. */
async function screeningToResult(page, prefecture = '東京都') {
  await page.locator('[data-action="start"]').click();
  for (let i = 0; i < 40; i++) {
    if (await page.locator('.kn-screening__result').isVisible()) return;
    if (await page.locator('#kn-q-area').isVisible()) {
      await page.locator('#kn-q-pref').selectOption(prefecture);
      await page.locator('#kn-q-area').selectOption('132144');
    } else {
      await page.locator('label:has(.kn-screening__radio)').first().click();
    }
    await page.locator('.kn-screening__next').click();
  }
  throw new Error('the screening never reached its result');
}

/** Every route type, discovered from dist/ where the build decides what exists. */
async function routes() {
  const facilities = await dirs('facilities');
  const contentFacility = 'kokubunji-kikan';
  const wamnet = facilities.find((f) => /^w\d/.test(f));
  const list = [
    { name: 'home', path: '/' },
    { name: 'emergency', path: '/emergency/' },
    { name: 'finder, before a search', path: '/search/' },
    { name: 'finder with results', path: '/search/?area=132144', ready: (p) => p.locator('.kn-finder-results__count').waitFor() },
    { name: 'finder with no result', path: '/search/?area=132144&q=zzzz', ready: (p) => p.getByText('この条件に合う相談先は見つかりませんでした').waitFor() },
    { name: 'facility (content)', path: `/facilities/${contentFacility}/` },
    { name: 'facility (WAM NET)', path: `/facilities/${wamnet}/` },
    { name: 'area with content', path: '/areas/132144/' },
    { name: 'area (region)', path: '/areas/higashi-iburi/' },
    { name: 'area from the reference list only', path: '/areas/141526/' },
    { name: 'catalogue', path: '/catalogue/' },
    { name: 'screening, start', path: '/screening/' },
    { name: 'screening, first question', path: '/screening/', ready: (p) => p.getByRole('button', { name: 'はじめる', exact: true }).click().then(() => p.locator('.kn-screening__progress').waitFor()) },
    { name: 'screening, result', path: '/screening/', ready: screeningToResult },
    ...(await dirs('guides')).map((g) => ({ name: `guide ${g}`, path: `/guides/${g}/` })),
    { name: 'embed code generator', path: '/embed/' },
    ...(await dirs('embed')).map((w) => ({ name: `embed widget ${w}`, path: `/embed/${w}/`, widget: true })),
    { name: 'about', path: '/about/' },
    { name: 'open data', path: '/opendata/' },
    { name: '404', path: '/no-such-page/', status: 404 },
    // The other readings (issue #22): their home, 緊急のとき, the finder, area pages, the
    // self-check, the embed-code generator, /about/, /opendata/, the widgets and guides.
    ...[['easy', 'ja', '本文（ほんぶん）へ すすむ'], ['en', 'en', 'Skip to main content']].flatMap(([reading, lang, skipText]) => [
      { name: `${reading}: home`, path: `/${reading}/`, lang, skipText },
      { name: `${reading}: emergency`, path: `/${reading}/emergency/`, lang, skipText },
      { name: `${reading}: 404`, path: `/${reading}/no-such-page/`, lang, skipText, status: 404 },
      { name: `${reading}: area with content`, path: `/${reading}/areas/121002/`, lang, skipText },
      { name: `${reading}: area (region)`, path: `/${reading}/areas/higashi-iburi/`, lang, skipText },
      { name: `${reading}: catalogue`, path: `/${reading}/catalogue/`, lang, skipText },
      { name: `${reading}: embed code generator`, path: `/${reading}/embed/`, lang, skipText },
      { name: `${reading}: about`, path: `/${reading}/about/`, lang, skipText },
      { name: `${reading}: open data`, path: `/${reading}/opendata/`, lang, skipText },
      { name: `${reading}: screening, start`, path: `/${reading}/screening/`, lang, skipText },
      { name: `${reading}: screening, result`, path: `/${reading}/screening/`, lang, skipText, ready: (p) => screeningToResult(p, reading === 'en' ? 'Tokyo' : '東京都') },
      { name: `${reading}: facility (content)`, path: `/${reading}/facilities/${contentFacility}/`, lang, skipText },
      { name: `${reading}: facility (WAM NET)`, path: `/${reading}/facilities/${wamnet}/`, lang, skipText },
      { name: `${reading}: finder, before a search`, path: `/${reading}/search/`, lang, skipText },
      { name: `${reading}: finder with results`, path: `/${reading}/search/?area=132144&dis=intellectual`, lang, skipText, ready: (p) => p.locator('.kn-finder-results__count').waitFor() },
      { name: `${reading}: embed widget finder`, path: `/${reading}/embed/finder/?area=132144`, lang, skipText, widget: true, ready: (p) => p.locator('.kn-finder-results__count').waitFor() },
      { name: `${reading}: embed widget emergency`, path: `/${reading}/embed/emergency/`, lang, skipText, widget: true },
      { name: `${reading}: embed widget screening`, path: `/${reading}/embed/screening/`, lang, skipText, widget: true },
    ]),
    ...(await dirs('en/guides')).map((g) => ({ name: `en: guide ${g}`, path: `/en/guides/${g}/`, lang: 'en', skipText: 'Skip to main content' })),
    ...(await dirs('easy/guides')).map((g) => ({ name: `easy: guide ${g}`, path: `/easy/guides/${g}/`, lang: 'ja', skipText: '本文（ほんぶん）へ すすむ' })),
  ];
  assert.ok(wamnet, 'dist/ has WAM NET facility pages');
  for (const r of list) {
    const dir = r.path.split('?')[0];
    if (r.status !== 404) assert.ok(existsSync(join(DIST, dir, 'index.html')), `${dir} is built`);
  }
  return list;
}

const ROUTES = await routes();

/** Open `route` at `viewport` in a fresh context that records every request and problem. */
async function open(route, viewport, options = {}) {
  const context = await browser.newContext({ viewport, ...options });
  const page = await context.newPage();
  const problems = [];
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  const res = await page.goto(site.url(route.path));
  assert.equal(res.status(), route.status ?? 200, `${route.path} status`);
  await hydrated(page);
  // The skip link is checked on the page as it loads, before any step moves the focus.
  const skip = await skipLink(page, route);
  if (route.ready) await route.ready(page);
  return { context, page, problems, requests, skip };
}

async function axe(page) {
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.evaluate(AXE);
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
    return r.violations.map((v) => `axe ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  });
}

/** Structure: lang, headings, landmarks. Returns problems. */
function structure({ widget, lang = 'ja' }) {
  const out = [];
  if (document.documentElement.lang !== lang) out.push(`lang="${document.documentElement.lang}"`);
  const shown = (el) => el.checkVisibility() && !el.closest('[aria-hidden="true"], [hidden], [inert]');
  const headings = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6, [role="heading"]')].filter(shown)
    .map((h) => ({ level: Number(h.getAttribute('aria-level') ?? h.tagName.slice(1)), text: h.textContent.trim().slice(0, 30) }));
  const h1 = headings.filter((h) => h.level === 1).length;
  if (h1 !== 1) out.push(`${h1} h1 elements`);
  headings.forEach((h, i) => {
    if (i > 0 && h.level > headings[i - 1].level + 1) out.push(`heading skips from h${headings[i - 1].level} to h${h.level} at 「${h.text}」`);
  });
  if (headings[0]?.level !== 1) out.push(`the first heading is h${headings[0]?.level}, not h1`);
  const mains = document.querySelectorAll('main, [role="main"]');
  if (mains.length !== 1) out.push(`${mains.length} main landmarks`);
  if (!widget) {
    if (!document.querySelector('body > header, body > [role="banner"]')) out.push('no banner');
    if (!document.querySelector('body > footer, body > [role="contentinfo"]')) out.push('no contentinfo');
    if (![...document.querySelectorAll('nav')].some((n) => n.getAttribute('aria-label'))) out.push('no named navigation');
  }
  return out;
}

/** Tap targets (rule at the top of this file). Returns problems. */
function tapTargets(min) {
  const out = [];
  const inlineLink = (a) => {
    if (getComputedStyle(a).display !== 'inline') return false;
    let block = a.parentElement;
    while (block && getComputedStyle(block).display.startsWith('inline')) block = block.parentElement;
    const own = a.textContent.replace(/\s+/g, '');
    const all = (block?.textContent ?? '').replace(/\s+/g, '');
    return all.length > own.length;
  };
  const union = (a, b) => {
    const left = Math.min(a.left, b.left), top = Math.min(a.top, b.top);
    return { width: Math.max(a.right, b.right) - left, height: Math.max(a.bottom, b.bottom) - top };
  };
  const sel = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [role="link"], [tabindex]:not([tabindex="-1"])';
  for (const el of document.querySelectorAll(sel)) {
    if (!el.checkVisibility({ visibilityProperty: true }) || el.closest('[aria-hidden="true"], [inert]')) continue;
    let box = el.getBoundingClientRect();
    if (box.width <= 1 && box.height <= 1) continue; // visually hidden until focused (the skip link, checked on focus)
    if (el.matches('input[type="checkbox"], input[type="radio"]')) {
      const label = el.closest('label') ?? (el.id ? document.querySelector(`label[for="${el.id}"]`) : null);
      if (label) box = union(box, label.getBoundingClientRect());
    }
    if (el.matches('a') && inlineLink(el)) continue;
    if (box.width < min - 0.5 || box.height < min - 0.5) {
      const name = (el.getAttribute('aria-label') ?? el.textContent ?? el.name ?? '').trim().replace(/\s+/g, ' ').slice(0, 30);
      out.push(`tap target ${Math.round(box.width)}×${Math.round(box.height)}: <${el.tagName.toLowerCase()} class="${el.className?.baseVal ?? el.className}"> 「${name}」`);
    }
  }
  return [...new Set(out)];
}

/** After the root font size is doubled: does text grow, and does everything still fit? */
function zoomed() {
  const out = [];
  const body = parseFloat(getComputedStyle(document.body).fontSize);
  if (body < 31.5) out.push(`body text is ${body}px at 200 % (text does not scale)`);
  const doc = document.documentElement;
  if (doc.scrollWidth > doc.clientWidth + 1) {
    const wide = [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > doc.clientWidth + 1 && e.checkVisibility())
      .filter((e) => !e.closest('.kn-visually-hidden') && !(e.parentElement && getComputedStyle(e.parentElement).overflowX.match(/auto|scroll/)))
      .slice(0, 3).map((e) => `<${e.tagName.toLowerCase()} class="${e.className?.baseVal ?? e.className}">`);
    out.push(`horizontal scrolling: ${doc.scrollWidth}px in ${doc.clientWidth}px (${wide.join(', ')})`);
  }
  for (const el of document.querySelectorAll('body *')) {
    const s = getComputedStyle(el);
    if (!el.checkVisibility() || !el.textContent.trim()) continue;
    const r = el.getBoundingClientRect();
    if (r.width <= 1 || r.height <= 1) continue; // visually hidden text is for screen readers
    const clipsX = /hidden|clip/.test(s.overflowX) && el.scrollWidth > el.clientWidth + 1;
    const clipsY = /hidden|clip/.test(s.overflowY) && el.scrollHeight > el.clientHeight + 1;
    if (clipsX || clipsY || (s.textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth + 1)) {
      out.push(`clipped text in <${el.tagName.toLowerCase()} class="${el.className?.baseVal ?? el.className}">「${el.textContent.trim().slice(0, 20)}」`);
    }
  }
  return out;
}

/** Under prefers-reduced-motion: reduce nothing moves. */
function motionless() {
  const out = [];
  const secs = (v) => Math.max(...v.split(',').map((x) => (x.trim().endsWith('ms') ? parseFloat(x) / 1000 : parseFloat(x))));
  for (const el of document.querySelectorAll('*')) {
    for (const pseudo of [null, '::before', '::after']) {
      const s = getComputedStyle(el, pseudo);
      const moving = (s.animationName !== 'none' && secs(s.animationDuration) > 0.001 && s.animationIterationCount !== '0')
        || (s.transitionProperty !== 'none' && secs(s.transitionDuration) > 0.001);
      if (moving) out.push(`motion on <${el.tagName.toLowerCase()}${pseudo ?? ''} class="${el.className?.baseVal ?? el.className}">: ${s.animationName} ${s.animationDuration} / ${s.transitionProperty} ${s.transitionDuration}`);
    }
  }
  if (getComputedStyle(document.documentElement).scrollBehavior === 'smooth') out.push('smooth scrolling');
  return [...new Set(out)].slice(0, 5);
}

/** The skip link: first Tab stop, big and visible when focused, Enter lands on the main. */
async function skipLink(page, { widget, skipText = '本文へ移動' }) {
  const out = [];
  await page.evaluate(() => { document.activeElement?.blur(); window.scrollTo(0, 0); });
  await page.keyboard.press('Tab');
  // Give the focused style a frame to apply before measuring.
  await page.waitForFunction((min) => document.activeElement?.getBoundingClientRect().height >= min - 0.5, TAP, { timeout: 2000 }).catch(() => {});
  const first = await page.evaluate(() => {
    const a = document.activeElement;
    const r = a.getBoundingClientRect();
    return { skip: a.matches('.kn-skip-link'), text: a.textContent.trim(), href: a.getAttribute('href'), w: r.width, h: r.height, visible: r.top >= 0 && r.bottom <= innerHeight };
  });
  const needed = await page.evaluate(() => Boolean(document.querySelector('header, nav, [role="banner"], [role="navigation"]')?.compareDocumentPosition(document.querySelector('main')) & Node.DOCUMENT_POSITION_FOLLOWING));
  if (!first.skip) {
    if (needed || !widget) out.push(`first Tab stop is 「${first.text}」, not the skip link`);
    return out;
  }
  if (first.text !== skipText) out.push(`skip link says 「${first.text}」`);
  if (!first.visible || first.h < TAP - 0.5) out.push(`focused skip link ${Math.round(first.w)}×${Math.round(first.h)}, visible: ${first.visible}`);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.matches('main, [role="main"]'), null, { timeout: 3000 })
    .catch(() => out.push('Enter on the skip link did not move focus to the main'));
  await page.keyboard.press('Tab');
  const next = await page.evaluate(() => {
    const a = document.activeElement;
    return a?.closest('main') ? null : `<${a?.tagName.toLowerCase()}>「${a?.textContent.trim().slice(0, 20)}」`;
  });
  if (next) out.push(`Tab after the skip link leaves the main, for ${next}`);
  return out;
}

const checked = [];

for (const route of ROUTES) {
  test(`${route.name} (${route.path})`, async () => {
    const problems = [];
    for (const viewport of [MOBILE, DESKTOP]) {
      const at = `${viewport.width}px`;
      const reduce = viewport === MOBILE;
      const { context, page, problems: logged, requests, skip } = await open(route, viewport, reduce ? { reducedMotion: 'reduce' } : {});
      const add = (list) => problems.push(...list.map((p) => `${at}: ${p}`));
      add(await axe(page));
      add(await page.evaluate(structure, { widget: Boolean(route.widget), lang: route.lang ?? 'ja' }));
      add(await page.evaluate(tapTargets, TAP));
      if (reduce) add(await page.evaluate(motionless));
      add(skip);
      if (viewport === DESKTOP) {
        await page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
        await page.waitForTimeout(100);
        add((await page.evaluate(zoomed)).map((p) => `text zoom 200 %: ${p}`));
      }
      add(requests.filter((u) => !u.startsWith(site.origin) && !/^(data|blob):/.test(u)).map((u) => `third-party request ${u}`));
      // The 404 page's own status is logged as a failed load: that one is expected.
      add(route.status === 404 ? logged.filter((m, i) => !(i === logged.findIndex((x) => /status of 404/.test(x)) && /status of 404/.test(m))) : logged);
      await context.close();
    }
    checked.push(route.path);
    assert.deepEqual(problems, [], `${route.name} ${route.path}`);
  });
}

test('the routes checked, as discovered from dist/', (t) => {
  t.diagnostic(`checked ${checked.length} of ${ROUTES.length} routes at 360×740 and 1280×900: ${ROUTES.map((r) => r.path).join(' ')}`);
  const widgets = ROUTES.filter((r) => r.widget).map((r) => r.path);
  t.diagnostic(`embed widgets found in dist/embed/: ${widgets.join(' ') || 'none in this build'}`);
  assert.ok(ROUTES.length >= 15);
});

/** Focus must be visible wherever the keyboard goes: an outline or a ring (2.4.7). */
const focusShown = (page) => page.evaluate(() => {
  const el = document.activeElement;
  // A custom checkbox or radio draws its ring on the label next to the hidden-looking box.
  const drawn = [el, el.nextElementSibling, el.closest('label')].filter(Boolean).some((e) => {
    const s = getComputedStyle(e);
    return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';
  });
  return drawn ? null : `no visible focus on <${el.tagName.toLowerCase()} class="${el.className}">「${el.textContent.trim().slice(0, 20)}」`;
});

test('keyboard only: finder — type a municipality, pick it, choose a need, reach a tel: link', async () => {
  const context = await browser.newContext({ viewport: MOBILE });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  await page.goto(site.url('/search/'));
  await hydrated(page);
  const tabTo = async (predicate, what, limit = 150) => {
    for (let i = 0; i < limit; i++) {
      await page.keyboard.press('Tab');
      const missing = await focusShown(page);
      if (missing) problems.push(missing);
      if (await page.evaluate(predicate)) return;
    }
    throw new Error(`Tab never reached ${what}`);
  };
  await tabTo(() => document.activeElement?.id === 'kn-area-input', 'the municipality field');
  await page.keyboard.type('こくぶんじ');
  await tabTo(() => document.activeElement?.textContent?.trim().startsWith('国分寺市'), 'the 国分寺市 suggestion');
  await page.keyboard.press('Enter');
  await page.waitForURL(/area=132144/);
  // The chosen suggestion disappears with its list: the focus goes to the button that changes
  // the municipality, not back to the top of the page.
  await page.waitForFunction(() => document.activeElement?.matches('[data-kn-action="change-area"]'), null, { timeout: 3000 })
    .catch(async () => assert.fail(`after choosing, the focus is on <${await page.evaluate(() => document.activeElement?.tagName)}>`));
  await tabTo(() => document.activeElement?.matches('input[name="fn"][value="emergency"]'), 'the need 「緊急時に預けたい」');
  await page.keyboard.press('Space');
  await page.waitForURL(/fn=emergency/);
  await page.locator('.kn-finder-results__count').waitFor();
  await tabTo(() => document.activeElement?.getAttribute('href')?.startsWith('tel:'), 'a tel: link', 300);
  const tel = await page.evaluate(() => document.activeElement.getAttribute('href'));
  assert.match(tel, /^tel:0\d{9,10}$/);
  // The number reached is one of the results for this need, not a link elsewhere.
  assert.ok(await page.evaluate(() => Boolean(document.activeElement.closest('.kn-finder-results'))), 'the tel: link is in the results');
  assert.deepEqual([...new Set(problems)], []);
  await context.close();
});

test('keyboard only: finder — the focus stays in the municipality picker while it changes', async () => {
  // The service worker would answer the held request itself: it is off for this page.
  const context = await browser.newContext({ viewport: DESKTOP, serviceWorkers: 'block' });
  const page = await context.newPage();
  // The list of municipalities arrives only when released, so the search box is there first,
  // as on a slow phone line.
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(/\/search\/areas\.json$/, async (route) => { await held; await route.continue(); });
  await page.goto(site.url('/search/?area=132144'));
  await hydrated(page);
  await page.locator('#kn-area-input').focus();
  release();
  await page.waitForFunction(() => document.activeElement?.matches('[data-kn-action="change-area"]'), null, { timeout: 5000 })
    .catch(async () => assert.fail(`when 国分寺市 appeared, the focus went to <${await page.evaluate(() => document.activeElement?.tagName)}>`));
  assert.equal(await page.locator('[data-kn="area-name"]').textContent(), '国分寺市');
  // 「地域を変える」 brings the search box back, with the focus in it.
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'kn-area-input', null, { timeout: 3000 });
  await page.waitForURL((u) => !u.searchParams.has('area'));
  await context.close();
});

test('keyboard only: screening — focus is visible on every stop to the result', async () => {
  // screening.test.mjs completes the questionnaire by keyboard; here every focus stop on the
  // way (start, radios, selects, 戻る, 次へ) must show where the focus is.
  const context = await browser.newContext({ viewport: DESKTOP });
  const page = await context.newPage();
  await page.goto(site.url('/screening/'));
  await hydrated(page);
  const problems = [];
  await page.getByRole('button', { name: 'はじめる', exact: true }).focus();
  await page.keyboard.press('Enter');
  for (let step = 0; step < 30; step++) {
    if (await page.getByRole('heading', { name: 'チェックの結果' }).isVisible()) break;
    await page.waitForFunction(() => document.activeElement?.id === 'kn-screening-step');
    if (await page.locator('#kn-q-area').isVisible()) {
      await page.keyboard.press('Tab');
      for (let i = 0; i < 13; i++) await page.keyboard.press('ArrowDown'); // 東京都
      problems.push(await focusShown(page));
      await page.keyboard.press('Tab');
      await page.keyboard.press('ArrowDown');
      problems.push(await focusShown(page));
    } else {
      await page.keyboard.press('Tab');
      await page.keyboard.press('Space');
      problems.push(await focusShown(page));
    }
    await page.keyboard.press('Tab');
    problems.push(await focusShown(page));
    await page.keyboard.press('Tab');
    problems.push(await focusShown(page));
    await page.keyboard.press('Enter');
  }
  await page.getByRole('heading', { name: 'チェックの結果' }).waitFor();
  await page.keyboard.press('Tab');
  problems.push(await focusShown(page));
  assert.deepEqual(problems.filter(Boolean), []);
  await context.close();
});
