// Page benchmark: prints the bytes of every file the page loads (raw, gzip -9, brotli q11 via
// node:zlib) and their total, then the time from navigation to the first rendered plan in headless
// Chromium over 20 cold loads (a fresh browser context each: empty cache, no service worker).
//
//   node bench/page.mjs            (needs ./build-wasm.sh first; uses /usr/bin/chromium)
//
// "First rendered plan": the page marks `radiculo:first-plan` when it draws its first plan. To get
// there without automation round-trips, an init script answers as a person's first tap would, in
// the page itself, the moment the engine is ready: "I am a clinician", then saddle anaesthesia "Yes"
// (an emergency plan). Also printed: navigation to "ready" (engine compiled, first question shown).
import { gzipSync, brotliCompressSync, constants as zlib } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStaticServer } from '../tools/static-server.mjs';
import { launchChromium } from '../tests/web/support.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const LOADS = Number(process.env.BENCH_LOADS || 20);

function answerFirstQuestionWhenReady() {
  let root;
  const act = () => {
    if (root.getAttribute('data-engine') !== 'ready') return false;
    performance.mark('radiculo:ready');
    document.querySelector('[data-audience="clinician"]').click();
    const yes = document.querySelector('input[name="saddleAnesthesia"][value="yes"]');
    yes.click(); // a real click: checks the radio and fires input/change, as a tap does
    return true;
  };
  document.addEventListener('DOMContentLoaded', () => {
    root = document.documentElement;
    if (act()) return;
    new MutationObserver((records, observer) => { if (act()) observer.disconnect(); })
      .observe(root, { attributes: true, attributeFilter: ['data-engine'] });
  });
}

const kb = (bytes) => (bytes / 1024).toFixed(1).padStart(8);
const ms = (value) => value.toFixed(1).padStart(7);
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const server = await startStaticServer({ root: path.join(repoRoot, 'web') });
const browser = await launchChromium();
try {
  // 1. Every file one load fetches, with its compressed sizes.
  const context = await browser.newContext();
  const page = await context.newPage();
  const bodies = new Map();
  page.on('response', async (response) => {
    if (response.status() === 200) bodies.set(response.url(), response.body());
  });
  await context.addInitScript(answerFirstQuestionWhenReady);
  await page.goto(server.url);
  await page.waitForSelector('#plan[data-triage]');
  await page.waitForLoadState('networkidle');
  const rows = [];
  for (const [url, bodyPromise] of bodies) {
    const body = await bodyPromise;
    rows.push({
      file: new URL(url).pathname.replace(/^\//, '') || 'index.html',
      raw: body.length,
      gzip: gzipSync(body, { level: 9 }).length,
      brotli: brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }).length,
    });
  }
  await context.close();
  rows.sort((a, b) => b.raw - a.raw);
  const total = rows.reduce((sum, row) => ({ raw: sum.raw + row.raw, gzip: sum.gzip + row.gzip, brotli: sum.brotli + row.brotli }),
    { raw: 0, gzip: 0, brotli: 0 });
  console.log(`Files the page loads (KiB; gzip -9, brotli q11)`);
  console.log(`${'file'.padEnd(26)}${'raw'.padStart(8)}${'gzip'.padStart(8)}${'brotli'.padStart(8)}`);
  for (const row of rows) console.log(`${row.file.padEnd(26)}${kb(row.raw)}${kb(row.gzip)}${kb(row.brotli)}`);
  console.log(`${'total'.padEnd(26)}${kb(total.raw)}${kb(total.gzip)}${kb(total.brotli)}   (target: <= 150 KiB gzip)`);

  // 2. Cold loads: navigation start -> engine ready, and -> first plan drawn.
  const ready = [];
  const firstPlan = [];
  for (let i = 0; i < LOADS; i += 1) {
    const cold = await browser.newContext();
    await cold.addInitScript(answerFirstQuestionWhenReady);
    const coldPage = await cold.newPage();
    await coldPage.goto(server.url);
    await coldPage.waitForSelector('#plan[data-triage="emergency"]');
    const marks = await coldPage.evaluate(() => ({
      ready: performance.getEntriesByName('radiculo:ready')[0].startTime,
      plan: performance.getEntriesByName('radiculo:first-plan')[0].startTime,
    }));
    ready.push(marks.ready);
    firstPlan.push(marks.plan);
    await cold.close();
  }
  console.log(`\n${LOADS} cold loads (fresh context each), ms from navigation start`);
  console.log(`${''.padEnd(26)}${'median'.padStart(7)}${'max'.padStart(8)}`);
  console.log(`${'engine ready'.padEnd(26)}${ms(median(ready))} ${ms(Math.max(...ready))}`);
  console.log(`${'first rendered plan'.padEnd(26)}${ms(median(firstPlan))} ${ms(Math.max(...firstPlan))}   (target: median <= 300 ms)`);
} finally {
  await browser.close();
  await server.close();
}
