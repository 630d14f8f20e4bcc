// The one-file copy (web/radiculo-offline.html, written by tools/one-file.mjs from build-wasm.sh):
// opened by a file:// URL, as from a USB stick or an e-mail attachment, it completes a plan with no
// console error (so its hash-based CSP allows every inline part, and nothing is fetched). Its
// take-home printout names the copy's version, never the local path (which often holds a user
// name), and so does its note for the record; it has no link to an about.html that is not beside it. It carries the clinic's
// settings.json as data, read with the same checks as the hosted page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { launchChromium, collectErrors, chooseAudience, completePlan, repoRoot, webDir, webCopy, oneFileWith, screenshotDir } from './support.mjs';
import { SIGNED_OFF } from './settings-presets.mjs';

const oneFile = path.join(webDir, 'radiculo-offline.html');
let browser;
let signedOff; // the one-file copy of a clinic that has signed off the patient wording and Spanish
before(async () => { browser = await launchChromium(); signedOff = oneFileWith(SIGNED_OFF); });
after(async () => { await browser?.close(); rmSync(signedOff.dir, { recursive: true, force: true }); });

test('one-file: opened from file:// (alone in a folder), it completes a plan with no console error', async () => {
  const html = readFileSync(oneFile);
  console.log(`one-file: ${statSync(oneFile).size} bytes, ${gzipSync(html, { level: 9 }).length} gzip`);
  const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html.toString('utf8'))[1];
  assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'|\bself\b/, 'inline parts are allowed by hash only');
  assert.match(csp, /connect-src 'none'/);
  assert.doesNotMatch(html.toString('utf8'), /<script[^>]+src=|<link[^>]+rel="stylesheet"/, 'nothing loaded from beside it');

  // A folder with nothing else in it: the file must need nothing beside it. As shipped it offers
  // the clinician wording only (web/settings.json); a clinic's copy with its sign-off, the patient's.
  const dir = mkdtempSync(path.join(tmpdir(), 'radiculo-one-file-'));
  const copy = path.join(dir, 'radiculo-offline.html');
  copyFileSync(oneFile, copy);
  const context = await browser.newContext({ viewport: { width: 800, height: 1280 } });
  try {
    const shipped = await context.newPage();
    await shipped.goto(pathToFileURL(copy).href);
    await shipped.waitForSelector('html[data-engine="ready"]');
    assert.equal(await shipped.getAttribute('html', 'data-audience'), 'clinician', 'as shipped: the clinician wording only');
    assert.equal(await shipped.locator('#chooser').isVisible(), false, 'no "Which best describes you?"');
    await shipped.close();
    copyFileSync(signedOff.file, copy);
    const requests = [];
    context.on('request', (request) => requests.push(request.url()));
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(pathToFileURL(copy).href);
    await page.waitForSelector('html[data-engine="ready"]');
    await chooseAudience(page, 'patient');
    await completePlan(page, { fever: true });
    await page.waitForSelector('#plan[data-triage="urgent"]');
    assert.ok(await page.locator('[data-rec-id]').count() > 0);
    assert.equal(await page.locator('[data-call-now="urgent"]').count(), 1, 'the call-now box (settings inlined)');
    assert.equal(await page.evaluate(() => 'serviceWorker' in navigator && navigator.serviceWorker.controller), null);
    await page.screenshot({ path: path.join(screenshotDir, 'one-file-urgent-tablet.png') });
    // The parts a hosted page loads on demand are inline here, and work from file:// (no request).
    assert.deepEqual(await page.evaluate(() => ['optionsView', 'printSheet', 'about', 'kiosk', 'answerCode'].filter((part) => !window.Radiculo[part])), [],
      'every on-demand part is carried');
    await page.locator('#about-link').click();
    await page.waitForSelector('#about-dialog[open] [data-about-section="inputs"]');
    await page.locator('#about-dialog [data-about-close]').click();
    assert.deepEqual(requests.filter((url) => !url.startsWith('data:')), [pathToFileURL(copy).href], 'only the file itself');
    assert.deepEqual(errors, [], 'no console errors');
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

/** A folder with only the copy in it, under a path like a person's Downloads folder. */
function lonelyCopy(source = oneFile) {
  const dir = mkdtempSync(path.join(tmpdir(), 'Users-jane.doe-Downloads-'));
  const copy = path.join(dir, 'radiculo-offline.html');
  copyFileSync(source, copy);
  return { dir, copy };
}

test('one-file: the printed plan names the copy\'s version, not its local path, and no about.html', async () => {
  const { dir, copy } = lonelyCopy(signedOff.file);
  const version = /<html data-one-file="([0-9a-f]{12})"/.exec(readFileSync(copy, 'utf8'))[1];
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(pathToFileURL(copy).href);
    await page.waitForSelector('html[data-engine="ready"]');
    await chooseAudience(page, 'patient');
    await completePlan(page);
    await page.waitForSelector('#plan[data-triage="conservative"]');
    const pdf = path.join(dir, 'plan.pdf');
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true });
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    assert.doesNotMatch(text, /file:|jane\.doe|Downloads|radiculo-offline\.html/, 'no local path');
    assert.doesNotMatch(text, /about\.html/, 'no link to a page that is not beside the copy');
    assert.ok(text.includes(`Made with the Radiculo one-file copy, version ${version}`), 'the copy\'s version');
    assert.ok(text.includes('Your answers'), 'the rest of the sheet is there');

    // The note for the record names the copy's version the same way, never its path.
    await page.emulateMedia({ media: 'screen' });
    await page.locator('#start-again').click();
    await chooseAudience(page, 'clinician');
    await completePlan(page);
    await page.waitForSelector('#plan[data-triage="conservative"]');
    await page.locator('#copy-note').click();
    await page.locator('#record-note').waitFor({ state: 'visible' });
    const note = await page.locator('#record-note-text').inputValue();
    assert.doesNotMatch(note, /file:|jane\.doe|Downloads|radiculo-offline\.html/, 'no local path in the note');
    assert.ok(note.trimEnd().endsWith(`Made with the Radiculo one-file copy, version ${version}`), note.slice(-200));
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('one-file: it carries the settings.json it was built with, as data, checked like the hosted page\'s', async () => {
  const web = webCopy('radiculo-one-file-settings-');
  writeFileSync(path.join(web, 'settings.json'), `${JSON.stringify({
    emergencyNumber: '112', clinicName: '</script><script>document.title="pwned"</script>', kioskIdleSeconds: 'ninety', patientWording: true,
  })}\n`);
  execFileSync(process.execPath, [path.join(repoRoot, 'tools/one-file.mjs'), web], { stdio: 'ignore' });
  const { dir, copy } = lonelyCopy(path.join(web, 'radiculo-offline.html'));
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(pathToFileURL(copy).href);
    await page.waitForSelector('html[data-engine="ready"]');
    assert.equal(await page.title(), 'Radiculo (offline copy)');
    assert.equal(await page.locator('#clinic-info').innerText(), 'Clinic: </script><script>document.title="pwned"</script>');
    assert.deepEqual(await page.locator('#settings-notice p').allInnerTexts(),
      ['Settings: kioskIdleSeconds ignored: must be a whole number of seconds from 15 to 3600, without quotes; using 90']);
    await chooseAudience(page, 'patient');
    await page.locator('#q-saddleAnesthesia input[value="yes"]').check();
    assert.match(await page.locator('[data-call-now="emergency"]').innerText(), /^Call 112 or go to the emergency department now\./);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(web, { recursive: true, force: true });
  }
});

test('one-file: it carries the content\'s review-due date, and says so once that date has passed', async () => {
  const { dir, copy } = lonelyCopy(oneFile);
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(pathToFileURL(copy).href);
    await page.waitForSelector('html[data-engine="ready"]');
    const due = await page.evaluate(() => window.Radiculo.engineClient.engine.content('en').reviewDue);
    // The footer says the date in words ("1 December 2026"), as every surface does.
    const dueInWords = await page.evaluate((iso) => window.Radiculo.words.formatDate(iso, window.Radiculo.engineClient.engine.content('en')), due);
    assert.ok(dueInWords !== due && dueInWords.includes(due.slice(0, 4)), dueInWords);
    // (worded when the browser is first idle: app.js showVersions)
    await page.waitForFunction(() => /review due by/.test(document.getElementById('versions').textContent));
    assert.ok((await page.locator('#versions').innerText()).includes(`review due by ${dueInWords}`), 'the date, on every screen\'s footer');
    assert.equal(await page.locator('#review-due').isVisible(), false, 'not due yet');
    // A copy left on a tablet past its date: the footer says the content was due for review.
    const [y, m, d] = due.split('-').map(Number);
    await page.clock.setFixedTime(new Date(y, m - 1, d + 1, 12));
    await page.reload();
    await page.waitForSelector('html[data-engine="ready"]');
    assert.match(await page.locator('#review-due').innerText(), /^This content was due for review on /);
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
