import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const routes = process.argv.slice(2);
for (const [w, h, tag] of [[360, 740, 'm'], [1280, 900, 'd']]) {
  const ctx = await b.newContext({ viewport: { width: w, height: h }, serviceWorkers: 'block' });
  const page = await ctx.newPage();
  for (const r of routes) {
    const [path, action] = r.split('|');
    await page.goto('http://127.0.0.1:8765' + path);
    await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true', null, { timeout: 10000 }).catch(() => {});
    await page.waitForTimeout(800);
    if (action === 'choose') {
      await page.locator('#kn-area-input').focus();
      await page.keyboard.type('こくぶんじ');
      await page.locator('.kn-area-picker__suggestion').first().waitFor();
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await page.waitForTimeout(800);
    }
    const name = tag + '-' + (path + (action ?? '')).replace(/[^a-z0-9]+/gi, '_') + '.png';
    await page.screenshot({ path: '/tmp/shots/' + name, fullPage: action ? false : false });
    console.log(name);
  }
  await ctx.close();
}
await b.close();
