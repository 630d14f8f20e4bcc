// Without a service worker (plain http, a first visit, workers blocked), the browser's HTTP cache
// decides which copy of a file a page gets. A host that lets files be cached heuristically (no
// Cache-Control, an old Last-Modified) and marks only index.html no-cache, as the docs ask, must
// still never give a new build's page an old app.js, stylesheet or engine:
// tools/pages.mjs names every file a page loads by its content (?v=<hash>).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createReadStream, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startStaticServer } from '../../tools/static-server.mjs';
import { launchChromium, collectErrors, webDir, webCopy, regeneratePrecache } from './support.mjs';

let browser;
before(async () => { browser = await launchChromium(); });
after(async () => { await browser?.close(); });

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.png': 'image/png', '.webmanifest': 'application/manifest+json' };

test('versions: a new build\'s page never runs with a file the HTTP cache kept from the last build', async () => {
  const dir = webCopy('radiculo-versions-');
  const app = path.join(dir, 'app.js');
  const original = readFileSync(app, 'utf8');
  const deploy = (version) => {
    writeFileSync(app, `${original}\nwindow.__appVersion = '${version}';\n`);
    regeneratePrecache(dir); // the build's last step: pages and precache list
  };
  deploy('v1');
  const fetched = [];
  const lastModified = new Date(Date.now() - 100 * 24 * 3600 * 1000).toUTCString(); // 100 days old
  const server = await startStaticServer({
    root: dir,
    basePath: '/app/',
    // A host that sets no Cache-Control (heuristic caching: about 10 days fresh here) except on
    // the pages and the worker's files, which the docs ask to be no-cache.
    intercept: (request, response, pathname) => {
      fetched.push(pathname);
      const relative = pathname.slice('/app/'.length) || 'index.html';
      const file = path.join(dir, relative);
      let size;
      try { size = statSync(file).size; } catch { return false; }
      const headers = { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream', 'Content-Length': size, 'Last-Modified': lastModified };
      if (/\.html$|^sw\.js$|^precache-manifest\.js$|^settings\.json$/.test(relative)) headers['Cache-Control'] = 'no-cache';
      response.writeHead(200, headers);
      createReadStream(file).pipe(response);
      return true;
    },
  });
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    const first = await context.newPage();
    const errors = collectErrors(first);
    await first.goto(server.url);
    await first.waitForSelector('html[data-engine="ready"]');
    assert.equal(await first.evaluate(() => window.__appVersion), 'v1');

    deploy('v2'); // a new build on the server
    fetched.length = 0;
    const second = await context.newPage();
    const secondErrors = collectErrors(second);
    await second.goto(server.url);
    await second.waitForSelector('html[data-engine="ready"]');
    assert.equal(await second.evaluate(() => window.__appVersion), 'v2', 'the new page runs the new app.js');
    // app.js ships inside the page's script bundle (tools/pages.mjs), the styles inside its style bundle.
    assert.ok(fetched.some((pathname) => pathname === '/app/index.bundle.js'), 'the scripts came from the server, not the cache');
    assert.ok(!fetched.some((pathname) => pathname === '/app/index.bundle.css'), 'an unchanged file still comes from the cache');
    // And a page that is still the old one keeps running the old files it was built with.
    assert.equal(await first.evaluate(() => window.__appVersion), 'v1');
    assert.deepEqual([...errors, ...secondErrors], []);
  } finally {
    await context.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('versions: the generated pages name every file they load by its content, and are up to date', async () => {
  const dir = webCopy('radiculo-pages-');
  try {
    for (const page of ['index.html', 'about.html']) {
      const html = readFileSync(path.join(dir, page), 'utf8');
      const loads = [...html.matchAll(/<(?:script|img)\b[^>]*?\bsrc="([^"]+)"|<link\b[^>]*?\bhref="([^"]+)"|\bdata-wasm="([^"]+)"/g)]
        .map((match) => match[1] || match[2] || match[3]);
      assert.ok(loads.length > 5, page);
      for (const url of loads) assert.match(url, /\?v=[0-9a-f]{12}$/, `${page}: ${url}`);
      // The same as the ones in web/ (else run ./build-wasm.sh, or node tools/precache.mjs web).
      assert.equal(readFileSync(path.join(webDir, page), 'utf8'), html, `web/${page} is stale: run ./build-wasm.sh (or node tools/precache.mjs web)`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
