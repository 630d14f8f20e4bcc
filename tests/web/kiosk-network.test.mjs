// The kiosk's browser sends nothing off the machine. Chromium is launched with
// exactly the launch line of docs/deployment.md section 6 (read from the document), plus only what a
// headless test run needs: --headless, --no-sandbox (CI runs as root), a throwaway profile, a
// DevTools port to drive it, and Chromium's own network log (--log-net-log), which records every
// request, name lookup and socket the browser makes for any reason: the page's, and its own
// background services'. Then a person answers the questionnaire, and the log is read:
// - no request to Chromium's autofill service (its form signatures are caused by the page's form);
// - nothing leaves the machine: no DNS lookup of an outside name, no DNS packet sent, no TCP
//   connection attempt to an address that is not this machine's. (This sandbox has no outside
//   network: every attempt would fail, so the log's attempts are what is counted, not successes.)
// A control run with the same line less the two lines that stop these (the autofill feature and the
// resolver rules) shows that the log does see both kinds of attempt here.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startStaticServer } from '../../tools/static-server.mjs';
import { repoRoot, webDir } from './support.mjs';
import { patientTypical } from './journeys.mjs';
import { SIGNED_OFF } from './settings-presets.mjs';

const CHROMIUM = process.env.CHROMIUM_WRAPPER || '/usr/bin/chromium'; // the documented `chromium`: Debian's launcher
const AUTOFILL_HOST = 'content-autofill.googleapis.com';

/** Splits one shell command line into words (single and double quotes, backslash-newline joins). */
function shellWords(line) {
  const words = [];
  let word = null;
  let quote = null;
  for (const char of line) {
    if (quote) {
      if (char === quote) quote = null;
      else word += char;
    } else if (char === "'" || char === '"') {
      quote = char;
      word = word ?? '';
    } else if (/\s/.test(char)) {
      if (word !== null) words.push(word);
      word = null;
    } else {
      word = (word ?? '') + char;
    }
  }
  assert.equal(quote, null, 'unbalanced quote in the launch line');
  if (word !== null) words.push(word);
  return words;
}

/** The kiosk launch line of docs/deployment.md: { flags, url }. */
function documentedLaunchLine() {
  const doc = readFileSync(path.join(repoRoot, 'docs/deployment.md'), 'utf8');
  const section = doc.slice(doc.indexOf('## 6. Kiosk'), doc.indexOf('## 7.'));
  const block = /```sh\n([\s\S]*?)```/.exec(section)[1].replace(/\\\n/g, ' ');
  const line = block.split('\n').find((text) => /^chromium\s/.test(text.trim()));
  assert.ok(line, 'docs/deployment.md section 6 has a chromium launch line');
  const words = shellWords(line.trim()).slice(1);
  const flags = words.filter((word) => word.startsWith('--'));
  const urls = words.filter((word) => !word.startsWith('--'));
  assert.equal(urls.length, 1, `one address in the launch line: ${urls}`);
  return { flags, url: urls[0] };
}

const LOOPBACK = /^(127\.|\[::1\]|::1|localhost\b)/;
const isLoopbackAddress = (address) => LOOPBACK.test(String(address).replace(/^\[?::ffff:/, ''));
const hostOf = (url) => { try { return new URL(url).hostname; } catch { return String(url); } };
const isLoopbackHost = (host) => ['127.0.0.1', 'localhost', '[::1]', '::1'].includes(host) || /^127\./.test(host);

/** Chromium's net-log (possibly cut short if the browser had to be killed) as events with names. */
function readNetLog(file) {
  let text = readFileSync(file, 'utf8').trimEnd();
  if (!text.endsWith('}')) text = `${text.replace(/,?\s*$/, '').replace(/,?\s*\{[^\n]*$/, '')}]}`;
  const log = JSON.parse(text);
  const names = Object.fromEntries(Object.entries(log.constants.logEventTypes).map(([name, value]) => [value, name]));
  return log.events.map((event) => ({ type: names[event.type], source: event.source.id, params: event.params || {} }));
}

/** What the log says the browser tried: requests to other hosts, and what would have left the machine. */
function attempts(events) {
  const requests = [];
  const lookups = new Set(); // DNS lookups of outside names (by the system or Chromium's own DNS client)
  const connects = []; // TCP connection attempts to an address that is not this machine's
  const udpRemote = new Map(); // UDP socket -> its remote address
  let dnsPacketsSent = 0;
  const jobHost = new Map(); // resolver job -> host
  for (const { type, source, params } of events) {
    if (type === 'URL_REQUEST_START_JOB' && params.url && !isLoopbackHost(hostOf(params.url))) requests.push(params.url);
    if (type === 'HOST_RESOLVER_MANAGER_JOB' && params.host) jobHost.set(source, hostOf(params.host));
    if (/^HOST_RESOLVER_(SYSTEM|DNS)_TASK$/.test(type) && jobHost.has(source) && !isLoopbackHost(jobHost.get(source))) lookups.add(jobHost.get(source));
    if (type === 'DNS_TRANSACTION' && params.hostname && !isLoopbackHost(params.hostname)) lookups.add(params.hostname);
    if ((type === 'TCP_CONNECT_ATTEMPT' || type === 'TCP_CONNECT_JOB_CONNECTOR_CONNECT_START') && params.address && !isLoopbackAddress(params.address)) connects.push(params.address);
    if (type === 'UDP_CONNECT' && params.address) udpRemote.set(source, params.address);
    // A UDP connect() alone sends nothing (Chromium does one to learn whether IPv6 is reachable);
    // a datagram sent to another machine is a packet leaving it.
    if (type === 'UDP_BYTES_SENT' && !isLoopbackAddress(udpRemote.get(source) || params.address || '')) dnsPacketsSent += 1;
  }
  return { requests, lookups: [...lookups], connects, packetsSent: dnsPacketsSent };
}

let server;
before(async () => { server = await startStaticServer({ root: webDir, basePath: '/', settings: SIGNED_OFF }); });
after(async () => { await server?.close(); });

/** Launches Chromium with these flags at the page, answers the questionnaire, closes it, reads its log. */
async function kioskRun(flags, documentedUrl) {
  const profile = mkdtempSync(path.join(tmpdir(), 'radiculo-kiosk-net-'));
  const netLog = path.join(profile, 'net-log.json');
  const address = new URL(documentedUrl);
  const url = new URL(`${address.pathname}${address.search}`, server.url).href; // the test server's port
  const headless = ['--headless=new', '--no-sandbox', `--user-data-dir=${profile}`, '--remote-debugging-port=0', `--log-net-log=${netLog}`];
  const child = spawn(CHROMIUM, [...flags, ...headless, url], { stdio: ['ignore', 'ignore', 'pipe'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  let browser;
  try {
    const endpoint = await new Promise((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => reject(new Error(`Chromium did not start: ${output}`)), 30_000);
      child.stderr.on('data', (data) => {
        output += data;
        const match = /DevTools listening on (ws:\S+)/.exec(output);
        if (match) { clearTimeout(timer); resolve(match[1]); }
      });
      child.once('exit', (code) => reject(new Error(`Chromium exited (${code}): ${output}`)));
    });
    browser = await chromium.connectOverCDP(endpoint);
    const page = browser.contexts().flatMap((context) => context.pages()).find((candidate) => candidate.url().startsWith(server.url));
    assert.ok(page, 'the kiosk window shows the page');
    await page.waitForSelector('html[data-engine="ready"]');
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains('kiosk')), true, 'kiosk mode');
    // A person at the kiosk: chooses the wording, answers every question on the way to a plan.
    // (By touch, one screen at a time, as at a kiosk: journeys.mjs.)
    await patientTypical(page, { touch: false });
    await page.waitForSelector('#plan[data-triage="conservative"]');
    await page.waitForTimeout(3_000); // let whatever the browser does after a form settle into the log
    const session = await browser.newBrowserCDPSession();
    await session.send('Browser.close').catch(() => {}); // a clean exit completes the log
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
    return attempts(readNetLog(netLog));
  } finally {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
    rmSync(profile, { recursive: true, force: true });
  }
}

const summary = (run) => `${run.requests.length} requests to other hosts (${[...new Set(run.requests.map(hostOf))].join(', ')}), ` +
  `${run.lookups.length} names looked up, ${run.packetsSent} packets sent, ${run.connects.length} connections off the machine`;

test('kiosk network: with the documented launch line, nothing leaves the machine and no form signature is sent', async (t) => {
  const { flags, url } = documentedLaunchLine();
  assert.ok(flags.includes('--kiosk'), flags.join(' '));

  const documented = await kioskRun(flags, url);
  t.diagnostic(`documented line: ${summary(documented)}`);
  assert.deepEqual(documented.requests.filter((request) => hostOf(request) === AUTOFILL_HOST), [], 'no autofill (form signature) request');
  assert.deepEqual(documented.lookups, [], 'no DNS lookup of another host');
  assert.equal(documented.packetsSent, 0, 'no packet sent to another machine');
  assert.deepEqual(documented.connects, [], 'no connection attempt to another machine');

  // Control: the same line less the autofill feature and the resolver rules. The log must show the
  // autofill requests and the DNS lookups then, or the test above could not have seen them either.
  const control = flags
    .filter((flag) => !flag.startsWith('--host-resolver-rules='))
    .map((flag) => (flag.startsWith('--disable-features=')
      ? `--disable-features=${flag.slice('--disable-features='.length).split(',').filter((name) => name !== 'AutofillServerCommunication').join(',')}`
      : flag));
  const without = await kioskRun(control, url);
  t.diagnostic(`control (no AutofillServerCommunication, no resolver rules): ${summary(without)}`);
  assert.ok(without.requests.some((request) => hostOf(request) === AUTOFILL_HOST), `the log sees autofill requests: ${summary(without)}`);
  assert.ok(without.lookups.length > 0, `the log sees DNS lookups: ${summary(without)}`);
});
