// A tiny static file server for the page: correct MIME types (application/wasm included), GET/HEAD
// only, nothing outside the served folder, and the headers docs/deployment.md asks a host for that a
// <meta> cannot carry: no framing by any page (CSP frame-ancestors 'none' and X-Frame-Options DENY),
// no handle on the page for a window that opened it (Cross-Origin-Opener-Policy), a Permissions-Policy, no referrer, no MIME sniffing, and revalidation of every file. Tests import startStaticServer() (127.0.0.1, random port,
// optional sub-path such as /tools/radiculo/ to prove the page works below the root); people run
//   node tools/static-server.mjs web 8080
// and open the address it prints.
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

// Sent with every answer. The page carries the rest of its Content-Security-Policy in a <meta>;
// frame-ancestors works only as a header. (Only this directive here: a header policy is enforced
// together with the page's own, and the one-file copy's inline parts would not pass 'self'.)
export const SECURITY_HEADERS = {
  'Content-Security-Policy': "frame-ancestors 'none'",
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  // A page on another site that opened this one (window.open) keeps no handle on it, so it cannot
  // change this page's address, nor anything else in it.
  'Cross-Origin-Opener-Policy': 'same-origin',
};

const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves `root` on 127.0.0.1. `port` 0 picks a free port. `basePath` ('/' or '/tools/radiculo/')
 * is the URL folder the files appear under; anything outside it is a 404.
 * Tests only: `intercept(request, response, pathname)` may answer a request itself (return true),
 * e.g. to play a Wi-Fi login page; `log` (an array) receives "METHOD pathname" for every request;
 * `settings` (an object) is served as the folder's settings.json, so that a test names the clinic
 * settings it runs with instead of taking the shipped file's (which offers only reviewed content).
 * Resolves to { url, port, close() }: url is http://127.0.0.1:<port><basePath>.
 */
export function startStaticServer({ root, port = 0, host = '127.0.0.1', basePath = '/', intercept, log, settings } = {}) {
  const rootDir = resolve(root);
  const base = basePath.endsWith('/') ? basePath : basePath + '/';
  const server = createServer(async (request, response) => {
    const send = (status, text) => {
      response.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
      response.end(request.method === 'HEAD' ? undefined : text);
    };
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    } catch {
      return send(400, 'Bad request\n');
    }
    if (log) log.push(`${request.method} ${pathname}`);
    if (intercept && intercept(request, response, pathname)) return;
    if (settings && pathname === `${base}settings.json` && (request.method === 'GET' || request.method === 'HEAD')) {
      const text = `${JSON.stringify(settings, null, 2)}\n`;
      response.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': MIME_TYPES['.json'], 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-cache' });
      return response.end(request.method === 'HEAD' ? undefined : text);
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(405, 'Method not allowed\n');
    if (pathname + '/' === base) {
      response.writeHead(301, { ...SECURITY_HEADERS, Location: base });
      return response.end();
    }
    if (!pathname.startsWith(base)) return send(404, 'Not found\n');
    let file = join(rootDir, pathname.slice(base.length));
    if (file !== rootDir && !file.startsWith(rootDir + sep)) return send(403, 'Forbidden\n');
    try {
      let info = await stat(file);
      if (info.isDirectory()) {
        file = join(file, 'index.html');
        info = await stat(file);
      }
      response.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': MIME_TYPES[extname(file).toLowerCase()] || 'application/octet-stream',
        'Content-Length': info.size,
        'Cache-Control': 'no-cache',
      });
      if (request.method === 'HEAD') return response.end();
      createReadStream(file).pipe(response);
    } catch {
      send(404, 'Not found\n');
    }
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const actualPort = server.address().port;
      resolvePromise({
        port: actualPort,
        url: `http://${host}:${actualPort}${base}`,
        close: () => new Promise((done) => { server.closeAllConnections?.(); server.close(() => done()); }),
      });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [root = 'web', portText = '8080', basePath = '/'] = process.argv.slice(2);
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`usage: node tools/static-server.mjs [folder] [port] [base-path]`);
    process.exit(1);
  }
  startStaticServer({ root, port, basePath }).then(
    ({ port: actualPort }) =>
      console.log(`Radiculo is served at http://localhost:${actualPort}${basePath.endsWith('/') ? basePath : basePath + '/'}  (Ctrl+C to stop)`),
    (error) => { console.error(`static-server: ${error.message}`); process.exit(1); },
  );
}
