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
    const orig = WebAssembly.instantiate; WebAssembly.instantiate = function (...a) { performance.mark('wasm-instantiate-start'); return orig.apply(this, a).then((r) => { performance.mark('wasm-instantiated'); return r; }); };
    const origS = WebAssembly.instantiateStreaming; if (origS) WebAssembly.instantiateStreaming = function (...a) { performance.mark('wasm-stream-start'); return origS.apply(this, a).then((r) => { performance.mark('wasm-instantiated'); return r; }); };
    new MutationObserver(() => { if (document.documentElement.getAttribute('data-engine') === 'ready' && !performance.getEntriesByName('ready').length) performance.mark('ready'); }).observe(document.documentElement, { attributes: true });
  });
  await page.goto(server.url);
  await page.waitForSelector('html[data-engine="ready"]', { timeout: 60000 });
  const t = await page.evaluate(() => {
    const o = {};
    for (const e of performance.getEntriesByType('resource')) o[new URL(e.name).pathname] = [Math.round(e.startTime), Math.round(e.responseEnd)];
    for (const e of performance.getEntriesByType('mark')) o[e.name] = Math.round(e.startTime);
    const nav = performance.getEntriesByType('navigation')[0]; o.dcl = Math.round(nav.domContentLoadedEventEnd);
    return o;
  });
  console.log(JSON.stringify(t));
  await context.close();
}
await browser.close(); await server.close();
