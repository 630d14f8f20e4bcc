// What a take-home code leaves behind in a real Chromium profile. Not a test (each run starts
// Chromium three times with a fresh profile on disk); run by hand:
//   node bench/history.mjs [web-folder]
// For each way of opening the same code it launches /usr/bin/chromium with a new persistent
// profile, opens the page's address with the code after '#', waits for the plan, closes the
// browser (which writes the profile), then reads the profile's History database (SQLite, via
// python3's sqlite3: the urls table, every address the browser recorded) and searches every file
// of the profile for the code's text. The ways:
// - page: the page as shipped (it drops the code from its address bar with history.replaceState
//   once the engine has started);
// - strip-at-once: the same, plus history.replaceState before any of the page's own scripts run
//   (the earliest a page could possibly drop it);
// - no-script: JavaScript off, so nothing drops it (the control).
// Prints one JSON object: per way, the History rows holding the code and the profile's files that do.
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStaticServer } from '../tools/static-server.mjs';
import { CHROMIUM_ARGS } from '../tests/web/support.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const webDir = path.resolve(process.argv[2] || path.join(repoRoot, 'web'));
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ARGS = CHROMIUM_ARGS; // the browser suite's (tests/web/support.mjs): without the headless browser's hidden UI
// A routine case (tests/vectors): the answers a code carries.
const INPUT = JSON.parse(readFileSync(path.join(repoRoot, 'tests/vectors/conservative-age-59.json'), 'utf8')).input;

/** The code for INPUT, made by the page itself (answer-code.js encode), as a kiosk would draw it. */
async function makeCode(url) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const page = await browser.newPage();
    await page.goto(url);
    await page.waitForSelector('html[data-engine="ready"]');
    return await page.evaluate(async (input) => {
      const { engine } = window.Radiculo.engineClient;
      await window.Radiculo.handover.whenCodeReady(); // the code's part, loaded when a code is first wanted
      return window.Radiculo.answerCode.encode(input, engine.schema(), engine.version().contentVersion);
    }, INPUT);
  } finally {
    await browser.close();
  }
}

/** Every file under dir whose bytes hold text, by its path in the profile. */
function filesHolding(dir, text) {
  const found = [];
  const needle = Buffer.from(text);
  const walk = (folder) => {
    for (const name of readdirSync(folder)) {
      const file = path.join(folder, name);
      const info = statSync(file, { throwIfNoEntry: false });
      if (!info) continue;
      if (info.isDirectory()) walk(file);
      else if (info.isFile() && readFileSync(file).includes(needle)) found.push(path.relative(dir, file));
    }
  };
  walk(dir);
  return found.sort();
}

/** The History database's urls rows (url, visit_count) holding text; read from a copy, as Chromium may lock it. */
function historyRows(profile, text) {
  const script = [
    'import sqlite3, sys, json, shutil, tempfile, os',
    'source = os.path.join(sys.argv[1], "Default", "History")',
    'if not os.path.exists(source): print(json.dumps({"missing": True})); sys.exit(0)',
    'copy = tempfile.mktemp(); shutil.copy(source, copy)',
    'db = sqlite3.connect(copy)',
    'rows = db.execute("select url, visit_count from urls").fetchall()',
    'print(json.dumps({"urls": len(rows), "holding": [r for r in rows if sys.argv[2] in r[0]], "all": [r[0] for r in rows]}))',
    'os.remove(copy)',
  ].join('\n');
  return JSON.parse(execFileSync('python3', ['-c', script, profile, text], { encoding: 'utf8' }));
}

async function openCode(address, code, way) {
  const profile = mkdtempSync(path.join(tmpdir(), 'radiculo-history-'));
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM, args: ARGS, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true,
      javaScriptEnabled: way !== 'no-script',
    });
    if (way === 'strip-at-once') {
      await context.addInitScript(() => {
        if (window.location.hash.startsWith('#R')) window.history.replaceState(null, '', window.location.href.split('#')[0]);
      });
    }
    const page = context.pages()[0] || (await context.newPage());
    await page.goto(`${address}#${code}`);
    if (way === 'no-script') await page.waitForLoadState('load');
    else if (way === 'page') await page.waitForSelector('#plan[data-triage]');
    else await page.waitForSelector('html[data-engine="ready"]');
    const addressBar = page.url();
    await page.waitForTimeout(1500); // the history service writes on its own schedule; closing flushes it
    await context.close();
    const history = historyRows(profile, code);
    return {
      way,
      addressBarHoldsCode: addressBar.includes(code),
      historyUrls: history.urls,
      historyRowsHoldingCode: history.holding ? history.holding.length : null,
      historyRows: history.all,
      profileFilesHoldingCode: filesHolding(profile, code),
    };
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

const server = await startStaticServer({ root: webDir });
try {
  const code = await makeCode(server.url);
  const results = [];
  for (const way of ['page', 'strip-at-once', 'no-script']) results.push(await openCode(server.url, code, way));
  console.log(JSON.stringify({ chromium: CHROMIUM, address: server.url, code, results }, null, 2));
} finally {
  await server.close();
}
