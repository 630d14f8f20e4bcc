// A demonstration (bash scripts/serve.sh --demo: settings.json {"demo": true}) switches every wording
// and language on, and marks every output "Demonstration: not clinically reviewed": the screen (at a
// kiosk too, always in view), the printout, the page a take-home code opens (even where that page is
// served with other settings), the note copied for the record, the FHIR answers (tagged as test data),
// the intended-use page and the one-file copy. Also: the older adult's plan (spasm, severe pain) on
// a phone and at a desk, its cautions on the patient's card, for people to look at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startAid, openPage, chooseAudience, fillFrom, vector, screenshotDir, VIEWPORTS, BASE_PATH, repoRoot, oneFileWith, PUBLIC_ADDRESS, preparePrint } from './support.mjs';
import { startStaticServer } from '../../tools/static-server.mjs';
import { DEMO, SHIPPED } from './settings-presets.mjs';

let aid;
let shipped; // the same web/, served as shipped: a take-home code from the demonstration opened there
before(async () => {
  aid = await startAid({ settings: DEMO });
  shipped = await startStaticServer({ root: path.join(repoRoot, 'web'), basePath: BASE_PATH, settings: SHIPPED });
});
after(async () => {
  await aid?.close();
  await shipped?.close();
});

const markOf = (page, language = 'en') => page.evaluate((code) => window.Radiculo.engineClient.engine.content(code).ui.demoMark, language);

test('demo: every output carries the mark: screen, kiosk, printout, take-home code\'s page, note, FHIR, intended-use page, one-file copy', async () => {
  // Served at a public https address (a loopback page offers no take-home code).
  const { page, context, consoleErrors, offOrigin, origin } = await openPage(aid, { viewport: VIEWPORTS.desk, serviceWorkers: 'block', publicAddress: PUBLIC_ADDRESS });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const oneFile = oneFileWith(DEMO, 'radiculo-demo-one-file-');
  try {
    const mark = await markOf(page);
    assert.match(mark, /^Demonstration: not clinically reviewed\./);
    // The screen: the mark first, and everything on (both wordings, both languages).
    assert.equal(await page.locator('#demo-mark').innerText(), mark);
    assert.equal(await page.locator('#chooser [data-audience="patient"]').isVisible(), true, 'the patient wording is offered');
    assert.deepEqual(await page.locator('#language-select option').evaluateAll((options) => options.map((o) => o.value)), ['en', 'es']);
    await chooseAudience(page, 'clinician');
    await fillFrom(page, vector('conservative-severe-pain-epidural-note').input);
    await page.waitForSelector('#plan[data-triage="conservative"]');
    assert.equal(await page.locator('#demo-mark').isVisible(), true, 'with the plan too');

    // The printout: the mark is the sheet's first line.
    await preparePrint(page);
    const sheetFirst = await page.locator('[data-print-sheet] > :first-child').evaluate((node) => [node.hasAttribute('data-demo-mark'), node.textContent]);
    assert.deepEqual(sheetFirst, [true, mark]);

    // The note for the record: its first line.
    await page.locator('#copy-note').click();
    await page.locator('#record-note').waitFor({ state: 'visible' });
    const note = await page.locator('#record-note-text').inputValue();
    assert.ok(note.startsWith(`${mark.toUpperCase()}\n\n`), note.slice(0, 120));
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), note, 'the copied note is the marked one');

    // The FHIR answers: tagged as test data, and still opened as answers.
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#save-fhir').click()]);
    const saved = JSON.parse(readFileSync(await download.path(), 'utf8'));
    assert.deepEqual(saved.meta.tag, [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason', code: 'HTEST', display: 'test health data' }]);
    assert.equal(await page.evaluate(async (text) => (await window.Radiculo.engineClient.engine.records()).fromQuestionnaireResponse(text).ok, JSON.stringify(saved)), true);

    // The take-home code leads to an address with ?demo: the page it opens is marked, even where
    // that page is served with the shipped settings (the address adds the mark, nothing else).
    await page.locator('#take-home-show').click();
    const link = await page.locator('#take-home-link').textContent();
    assert.match(link, /\?demo#R3/);
    const code = link.split('#')[1];
    const phone = await aid.browser.newContext({ viewport: VIEWPORTS.phone, serviceWorkers: 'block' });
    try {
      const opened = await phone.newPage();
      await opened.goto(`${shipped.url}?demo#${code}`);
      await opened.waitForSelector('#plan[data-triage="conservative"]');
      assert.equal(await opened.locator('#demo-mark').isVisible(), true, 'the code\'s page carries the mark');
      assert.equal(await opened.getAttribute('html', 'data-audience'), 'clinician', 'and offers only what its own settings offer');
      await opened.goto(shipped.url);
      await opened.waitForSelector('html[data-engine="ready"]');
      assert.equal(await opened.locator('#demo-mark').isVisible(), false, 'the shipped page alone: no mark');
    } finally {
      await phone.close();
    }

    // In Spanish, in Spanish.
    await page.locator('#language-select').selectOption('es');
    assert.equal(await page.locator('#demo-mark').innerText(), await markOf(page, 'es'));

    // The intended-use page.
    await page.goto(`${PUBLIC_ADDRESS}about.html`);
    await page.waitForSelector('html[data-engine="ready"]');
    assert.equal(await page.locator('#demo-mark').innerText(), mark);

    // A kiosk: the mark stays in view at the bottom of a long plan.
    const kiosk = await openPage(aid, { viewport: { width: 1080, height: 1920 }, hasTouch: true, serviceWorkers: 'block', url: `${aid.server.url}?kiosk` });
    try {
      await chooseAudience(kiosk.page, 'patient');
      await fillFrom(kiosk.page, vector('conservative-pain-6-no-epidural-note-patient').input);
      await kiosk.page.waitForSelector('#plan[data-triage="conservative"]');
      await kiosk.page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      const box = await kiosk.page.locator('#demo-mark').boundingBox();
      assert.ok(box && box.y >= 0 && box.y < 200, `in view at the top of the screen (y = ${box && box.y})`);
    } finally {
      await kiosk.context.close();
    }

    // The one-file copy of a demonstration, opened from a file.
    const fileContext = await aid.browser.newContext();
    try {
      const copy = await fileContext.newPage();
      await copy.goto(pathToFileURL(oneFile.file).href);
      await copy.waitForSelector('html[data-engine="ready"]');
      assert.equal(await copy.locator('#demo-mark').innerText(), mark);
    } finally {
      await fileContext.close();
    }
    assert.deepEqual(consoleErrors, []);
    assert.deepEqual(offOrigin, []);
  } finally {
    await context.close();
    rmSync(oneFile.dir, { recursive: true, force: true });
  }
});

test('demo: an older adult with spasm and severe pain, as a patient on a phone and a clinician at a desk', async () => {
  const flags = Object.fromEntries(Object.keys(vector('conservative-typical').input.redFlags).map((key) => [key, false]));
  // A patient of 78: 60 or over is a priority finding, so the plan sends them to a clinician within
  // 2 weeks and names no medicine.
  const phone = await openPage(aid, { viewport: VIEWPORTS.phone, isMobile: true, hasTouch: true, serviceWorkers: 'block' });
  try {
    await chooseAudience(phone.page, 'patient');
    await fillFrom(phone.page, { redFlags: flags, symptomWeeks: 2, painScore: 9, muscleSpasm: true, ageYears: 78 });
    await phone.page.waitForSelector('#plan[data-triage="priority"]');
    assert.equal(await phone.page.locator('#plan [data-caution]').count(), 0, 'no medicine line before a clinician has seen them');
    await phone.page.screenshot({ path: path.join(screenshotDir, 'demo-older-adult-patient-phone.png'), fullPage: true });
  } finally {
    await phone.context.close();
  }
  // The clinician who has assessed older age: the cautions in the summary, no relaxant offered.
  const desk = await openPage(aid, { viewport: { width: 1366, height: 768 }, serviceWorkers: 'block' });
  try {
    await chooseAudience(desk.page, 'clinician');
    await fillFrom(desk.page, { redFlags: flags, symptomWeeks: 2, painScore: 9, muscleSpasm: true, ageYears: 78 });
    await desk.page.locator('[data-finding="olderAge"] input').check();
    await desk.page.waitForSelector('#plan[data-triage="conservative"]');
    const summary = await desk.page.locator('[data-plan-summary]').innerText();
    for (const line of ['No muscle relaxant at 65 or over (Beers 2023)', 'Opioid at 65 or over: falls, delirium, constipation'])
      assert.ok(summary.includes(line), line);
    assert.equal(await desk.page.locator('[data-rec-id="muscle-relaxant-for-spasm"]').count(), 0);
    await desk.page.screenshot({ path: path.join(screenshotDir, 'demo-older-adult-clinician-desk.png') });
  } finally {
    await desk.context.close();
  }
  // A patient of 50 with severe pain and spasm (simple care): the cautions are on the card itself.
  const card = await openPage(aid, { viewport: VIEWPORTS.phone, isMobile: true, hasTouch: true, serviceWorkers: 'block' });
  try {
    await chooseAudience(card.page, 'patient');
    await fillFrom(card.page, { redFlags: flags, symptomWeeks: 2, painScore: 8, muscleSpasm: true, ageYears: 50 });
    await card.page.waitForSelector('#plan[data-triage="conservative"]');
    assert.deepEqual(await card.page.locator('#plan .cautions [data-caution]').evaluateAll((items) => items.map((item) => item.getAttribute('data-caution'))),
      ['opioid-short-term-severe-pain', 'sedation-combination-caution'], 'the cautions on the visible card, not only folded away');
    assert.ok((await card.page.locator('#plan .actions > li').count()) <= 5, 'at most 5 short actions');
    await card.page.screenshot({ path: path.join(screenshotDir, 'demo-severe-pain-spasm-patient-phone.png'), fullPage: true });
  } finally {
    await card.context.close();
  }
});
