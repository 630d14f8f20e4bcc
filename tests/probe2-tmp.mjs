import { chromium } from 'playwright-core';
import { startStaticServer } from '../tools/static-server.mjs';
const root = process.argv[2];
const server = await startStaticServer({ root });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (let i = 0; i < 3; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.addInitScript(() => {
    window.__t = { calls: {}, marks: {} };
    let factory;
    Object.defineProperty(window, 'createRadiculo', { configurable: true, get() { return factory && function (opts) {
      window.__t.marks.factoryCalled = performance.now();
      return factory(opts).then((m) => { window.__t.marks.instantiated = performance.now();
        for (const name of ['evaluate', 'content', 'addLanguage', 'schema', 'version']) { const f = m[name]; if (!f) continue; m[name] = function (...a) { const s = performance.now(); const r = f.apply(this, a); const c = window.__t.calls[name] ||= [0, 0]; c[0]++; c[1] += performance.now() - s; return r; }; }
        return m; }); }; }, set(v) { factory = v; } });
    const obs = new MutationObserver(() => { if (document.documentElement && document.documentElement.getAttribute('data-engine') === 'ready' && !window.__t.marks.ready) window.__t.marks.ready = performance.now(); });
    document.addEventListener('readystatechange', () => { if (!window.__t.obs) { window.__t.obs = 1; obs.observe(document.documentElement, { attributes: true }); } });
    obs.observe(document, { attributes: true, subtree: true });
  });
  await page.goto(server.url);
  await page.waitForSelector('html[data-engine="ready"]', { timeout: 60000 });
  const t = await page.evaluate(() => { const nav = performance.getEntriesByType('navigation')[0]; const o = { dcl: nav.domContentLoadedEventEnd };
    for (const [k, v] of Object.entries(window.__t.marks)) o[k] = v; for (const [k, v] of Object.entries(window.__t.calls)) o[k] = `${v[0]}x ${v[1].toFixed(0)}ms`; 
    for (const k in o) if (typeof o[k] === 'number') o[k] = Math.round(o[k]); return o; });
  console.log(JSON.stringify(t));
  await context.close();
}
await browser.close(); await server.close();
