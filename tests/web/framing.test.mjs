// Framing: no other page may show Radiculo inside a frame and lay its own words
// over the questions or the plan.
// - The repository's static server (scripts/serve.sh, the kiosk recipe) sends frame-ancestors 'none'
//   and X-Frame-Options: DENY (and a Permissions-Policy) with the page and every file: a page on
//   another origin that frames it gets the browser's refusal.
// - Where no header can be set (a host that sends none; the one-file copy, over http or opened from
//   a file), the page does not start its engine inside a frame and leaves one line (engine-client.js).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, createReadStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startStaticServer } from '../../tools/static-server.mjs';
import { launchChromium, webDir, screenshotDir } from './support.mjs';

let browser;
let parentDir;
let parents;
before(async () => {
  browser = await launchChromium();
  parentDir = mkdtempSync(path.join(tmpdir(), 'radiculo-framer-'));
  parents = await startStaticServer({ root: parentDir }); // another origin (another port)
});
after(async () => {
  await browser?.close();
  await parents?.close();
  rmSync(parentDir, { recursive: true, force: true });
});

/** A page on the other origin that frames `url`, with its own words laid on top (the attack). */
function framer(name, url) {
  writeFileSync(path.join(parentDir, name), `<!doctype html><title>Framer</title>
<p style="position:absolute;top:200px;left:20px;background:#fff;font-size:24px">Your results: no need to worry.</p>
<iframe src="${url}" width="800" height="900"></iframe>\n`);
  return `${parents.url}${name}`;
}

/** What the framed document is: Radiculo started, Radiculo stopped by its guard, or not shown at all. */
async function framedState(page) {
  const child = page.frames().find((frame) => frame !== page.mainFrame());
  assert.ok(child, 'the frame exists');
  try {
    return await child.evaluate(() => ({
      framed: document.documentElement.hasAttribute('data-framed'),
      engine: document.documentElement.getAttribute('data-engine'),
      text: document.body ? document.body.innerText.trim() : '',
    }));
  } catch (error) {
    return { refused: true };
  }
}

test('framing: the static server sends frame-ancestors \'none\', X-Frame-Options DENY, a Permissions-Policy and Cross-Origin-Opener-Policy', async () => {
  const server = await startStaticServer({ root: webDir, basePath: '/tools/radiculo/' });
  try {
    for (const file of ['', 'index.html', 'app.js', 'engine/radiculo.wasm', 'settings.json', 'missing.js']) {
      const response = await fetch(`${server.url}${file}`);
      assert.equal(response.headers.get('content-security-policy'), "frame-ancestors 'none'", file);
      assert.equal(response.headers.get('x-frame-options'), 'DENY', file);
      assert.match(response.headers.get('permissions-policy') || '', /camera=\(\), microphone=\(\), geolocation=\(\)/, file);
      assert.equal(response.headers.get('cross-origin-opener-policy'), 'same-origin', file);
    }
  } finally {
    await server.close();
  }
});

test('framing: a page on another origin cannot frame the page the static server serves', async () => {
  const server = await startStaticServer({ root: webDir, basePath: '/tools/radiculo/' });
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    const refused = page.waitForEvent('console', { predicate: (message) => /frame-ancestors 'none'/.test(message.text()), timeout: 15_000 });
    await page.goto(framer('header.html', `${server.url}?kiosk`));
    await refused; // "Framing '...' violates ... frame-ancestors 'none'. The request has been blocked."
    const child = page.frames().find((frame) => frame !== page.mainFrame());
    assert.equal(child.url(), 'chrome-error://chromewebdata/', 'the browser shows its own error page instead');
    assert.notEqual((await framedState(page)).engine, 'ready', 'nothing of Radiculo in the frame');
    await page.screenshot({ path: path.join(screenshotDir, 'framing-refused-by-header.png') });
  } finally {
    await context.close();
    await server.close();
  }
});

test('framing: on a host that sends no headers, the page stops itself inside a frame', async () => {
  // A host without any header: every file as it is, nothing else.
  const server = await startStaticServer({
    root: webDir,
    basePath: '/bare/',
    intercept: (request, response, pathname) => {
      const file = path.join(webDir, pathname.slice('/bare/'.length) || 'index.html');
      let size;
      try { size = statSync(file).size; } catch { return false; }
      const type = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json' }[path.extname(file)];
      response.writeHead(200, { 'Content-Length': size, ...(type ? { 'Content-Type': type } : {}) });
      createReadStream(file).pipe(response);
      return true;
    },
  });
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const requested = [];
  context.on('request', (request) => requested.push(new URL(request.url()).pathname));
  try {
    const page = await context.newPage();
    await page.goto(framer('bare.html', server.url));
    const child = page.frames().find((frame) => frame !== page.mainFrame());
    await child.waitForSelector('html[data-framed]');
    assert.deepEqual(await framedState(page), { framed: true, engine: null, text: 'Radiculo cannot run inside another page. Open it on its own.' });
    assert.ok(!requested.some((pathname) => pathname.endsWith('.wasm')), 'the engine was never even fetched');
    // Not framed, the same host's page works as usual.
    const alone = await context.newPage();
    await alone.goto(server.url);
    await alone.waitForSelector('html[data-engine="ready"]');
    assert.equal(await alone.getAttribute('html', 'data-framed'), null);
  } finally {
    await context.close();
    await server.close();
  }
});

test('framing: the one-file copy refuses to run framed, over http and from a file', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'radiculo-one-file-framed-'));
  copyFileSync(path.join(webDir, 'radiculo-offline.html'), path.join(dir, 'radiculo-offline.html'));
  writeFileSync(path.join(dir, 'framer.html'), '<!doctype html><title>Framer</title><iframe src="radiculo-offline.html" width="800" height="900"></iframe>\n');
  const context = await browser.newContext();
  try {
    // From a file: a page beside it frames it.
    const page = await context.newPage();
    await page.goto(pathToFileURL(path.join(dir, 'framer.html')).href);
    const child = page.frames().find((frame) => frame !== page.mainFrame());
    await child.waitForSelector('html[data-framed]');
    assert.deepEqual(await framedState(page), { framed: true, engine: null, text: 'Radiculo cannot run inside another page. Open it on its own.' });
    await page.screenshot({ path: path.join(screenshotDir, 'framing-one-file-stopped.png') });

    // Over http from a host that sends no headers, framed by another origin.
    await context.route('http://files.invalid/**', (route) => route.fulfill({ contentType: 'text/html', path: path.join(dir, 'radiculo-offline.html') }));
    await context.route('http://framer.invalid/**', (route) => route.fulfill({ contentType: 'text/html',
      body: '<!doctype html><title>Framer</title><iframe src="http://files.invalid/radiculo-offline.html" width="800" height="900"></iframe>' }));
    const overHttp = await context.newPage();
    await overHttp.goto('http://framer.invalid/');
    const httpChild = overHttp.frames().find((frame) => frame !== overHttp.mainFrame());
    await httpChild.waitForSelector('html[data-framed]');
    assert.equal((await framedState(overHttp)).engine, null);

    // Opened on its own, it runs.
    const alone = await context.newPage();
    await alone.goto(pathToFileURL(path.join(dir, 'radiculo-offline.html')).href);
    await alone.waitForSelector('html[data-engine="ready"]');
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
