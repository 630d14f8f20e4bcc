// The words a page shows without its engine: "Loading", "cannot start in this browser"
// and "needs JavaScript" exist in every language of the content (tools/pages.mjs writes them from
// content/ui and content/lang), the first two in the browser's language when the content has it,
// and the screens where the engine cannot start carry the start screen's emergency line: it may be
// the only advice this page can give.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { startAid, repoRoot, screenshotDir, VIEWPORTS } from './support.mjs';
import { SIGNED_OFF } from './settings-presets.mjs';

const languages = readdirSync(path.join(repoRoot, 'content/lang')).filter((file) => file.endsWith('.json')).map((file) => file.slice(0, -5));
const words = Object.fromEntries(languages.map((code) => [code, {
  ui: JSON.parse(readFileSync(path.join(repoRoot, 'content/ui', `${code}.json`), 'utf8')),
  lang: JSON.parse(readFileSync(path.join(repoRoot, 'content/lang', `${code}.json`), 'utf8')),
}]));
// The start screen's emergency line, with the words for a number no settings have named yet.
const emergencyLine = (code) => words[code].lang.startEmergency.patient.replace('{number}', words[code].ui.localEmergencyNumber);

let aid;
before(async () => { aid = await startAid({ settings: SIGNED_OFF }); });
after(async () => { await aid?.close(); });

test('fallback: the built pages and the one-file copy carry every fallback screen in every language of the content', () => {
  for (const file of ['index.html', 'radiculo-offline.html', 'about.html']) {
    const html = readFileSync(path.join(repoRoot, 'web', file), 'utf8');
    assert.doesNotMatch(html, /\{\{fallback:/, `${file}: a fallback place left unfilled`);
    for (const code of languages) {
      assert.ok(html.includes(`data-fallback-lang="${code}">${words[code].ui.fallbackLoading}`), `${file}: loading in ${code}`);
      if (file === 'about.html') continue;
      for (const key of ['fallbackUnsupportedTitle', 'fallbackNoScriptTitle']) assert.ok(html.includes(words[code].ui[key]), `${file}: ${key} in ${code}`);
      assert.equal(html.split(emergencyLine(code).replace(/&/g, '&amp;')).length - 1, 2, `${file}: the ${code} emergency line on both screens`);
    }
  }
});

for (const code of languages) {
  test(`fallback: a browser in ${code} without WebAssembly gets the message and the emergency line in ${code} only`, async () => {
    const context = await aid.browser.newContext({ viewport: VIEWPORTS.phone, locale: code === 'en' ? 'en-GB' : `${code}-ES` });
    try {
      await context.addInitScript(() => { delete window.WebAssembly; });
      const page = await context.newPage();
      await page.goto(aid.server.url);
      const message = page.locator('#unsupported');
      await message.waitFor({ state: 'visible' });
      const text = await message.innerText();
      assert.ok(text.includes(words[code].ui.fallbackUnsupportedTitle), text);
      assert.ok(text.includes(emergencyLine(code)), text);
      for (const other of languages.filter((item) => item !== code)) {
        assert.ok(!text.includes(words[other].ui.fallbackUnsupportedTitle), `no ${other} words: ${text}`);
      }
      assert.equal(await page.evaluate(() => document.querySelector('#unsupported [data-fallback-lang]:not([hidden])').lang), code);
      await page.screenshot({ path: path.join(screenshotDir, `fallback-unsupported-${code}.png`) });
    } finally {
      await context.close();
    }
  });
}

test('fallback: with JavaScript off, the page says so in every language, each with its emergency line', async () => {
  const context = await aid.browser.newContext({ viewport: VIEWPORTS.phone, javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(aid.server.url);
    const text = await page.locator('main').innerText();
    for (const code of languages) {
      assert.ok(text.includes(words[code].ui.fallbackNoScriptTitle), `${code}: ${text}`);
      assert.ok(text.includes(emergencyLine(code)), `${code} emergency line`);
    }
    await page.screenshot({ path: path.join(screenshotDir, 'fallback-no-javascript.png'), fullPage: true });
  } finally {
    await context.close();
  }
});
