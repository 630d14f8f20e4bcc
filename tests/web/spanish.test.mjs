// Spanish through the real page: a browser whose language is Spanish gets Spanish by default
// (navigator.languages), html lang="es", "language": "es" reaches the engine, no English interface
// text is left on screen, the footer says how far the translation has been reviewed, and the
// language switch changes everything while keeping the answers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  startAid, openPage, chooseAudience, fillFrom, vector, enginePlan, repoRoot, screenshotDir, VIEWPORTS,
} from './support.mjs';
import { SIGNED_OFF } from './settings-presets.mjs';

let aid;
before(async () => { aid = await startAid({ settings: SIGNED_OFF }); });
after(async () => { await aid?.close(); });

const readJson = (file) => JSON.parse(readFileSync(path.join(repoRoot, file), 'utf8'));
const uiEn = readJson('content/ui/en.json');
const uiEs = readJson('content/ui/es.json');
const langEn = readJson('content/lang/en.json');
const langEs = readJson('content/lang/es.json');

/** English words that must not be on a Spanish screen: every label that differs from its Spanish one. */
function englishOnly() {
  const out = new Set();
  const walk = (en, es) => {
    if (typeof en === 'string') {
      if (typeof es === 'string' && en !== es && !en.includes('{') && en.length > 3) out.add(en);
      return;
    }
    if (en && typeof en === 'object') for (const key of Object.keys(en)) walk(en[key], es && es[key]);
  };
  walk(uiEn, uiEs);
  for (const table of ['triages', 'kinds', 'stances', 'groups']) walk(langEn[table], langEs[table]);
  walk(langEn.disclaimer, langEs.disclaimer);
  return Array.from(out);
}

async function visibleEnglish(page) {
  // Reference titles are the documents' own, marked lang="en": the rest must be Spanish.
  const text = await page.evaluate(() => {
    const copy = document.body.cloneNode(true);
    for (const node of copy.querySelectorAll('[lang]:not([lang="es"])')) node.remove();
    document.body.appendChild(copy);
    copy.hidden = false;
    const shown = copy.innerText;
    copy.remove();
    return shown;
  });
  // Names are not English words: the STarT Back tool keeps its name in Spanish too.
  const named = text.replace(/STarT Back/g, '');
  // Whole words only ("Urgent" is not in "Urgente").
  const escape = (phrase) => phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return englishOnly().filter((phrase) => new RegExp(`(?<!\\p{L})${escape(phrase)}(?!\\p{L})`, 'u').test(named));
}

test('spanish: an es-ES browser gets a Spanish plan, Spanish wording only, lang="es"', async () => {
  const { page, context, consoleErrors, offOrigin } = await openPage(aid, { viewport: VIEWPORTS.tablet, locale: 'es-ES' });
  try {
    assert.equal(await page.getAttribute('html', 'lang'), 'es');
    assert.equal(await page.locator('#chooser-title').innerText(), uiEs.chooseAudience);
    assert.equal(await page.locator('#language-select').inputValue(), 'es');
    assert.deepEqual(await visibleEnglish(page), [], 'start screen: no English label visible');

    const { input, expect } = vector('conservative-spasm-severe-pain');
    await chooseAudience(page, 'patient');
    await fillFrom(page, input);
    await page.waitForSelector(`#plan[data-triage="${expect.triage}"]`);
    assert.equal(await page.locator('#plan-title').innerText(), uiEs.planTitle.patient);

    // The page sent "language": "es": its plan is the engine's Spanish plan, not the English one.
    const spanish = await enginePlan(page, { ...input, audience: 'patient', language: 'es' });
    const english = await enginePlan(page, { ...input, audience: 'patient', language: 'en' });
    assert.equal(await page.locator('#triage .triage__headline').innerText(), spanish.headline);
    assert.notEqual(spanish.headline, english.headline);
    await page.locator('#plan details.more > summary').click(); // patients: every line is one tap away
    const texts = await page.locator('[data-rec-id] .rec__text').allInnerTexts();
    assert.deepEqual(texts, spanish.recommendations.map((line) => line.text));
    assert.equal(await page.locator('.choice__text[data-ui="notSure"]').first().textContent(), 'No lo sé'); // (the questions' screen is not shown now)

    // The footer says plainly that the translation has had no clinical review.
    assert.match(await page.locator('#translation-review').innerText(), new RegExp(langEs.translationReview.slice(0, 40)));
    assert.deepEqual(await visibleEnglish(page), [], 'patient plan: no English label visible');
    await page.screenshot({ path: path.join(screenshotDir, 'spanish-patient-tablet.png') });
    await page.locator('#plan').screenshot({ path: path.join(screenshotDir, 'spanish-patient-tablet-plan.png') });

    // Clinician wording at a desk, still Spanish.
    await page.setViewportSize(VIEWPORTS.desk);
    await page.locator('#audience-switch input[value="clinician"]').check();
    await page.waitForSelector('html[data-audience="clinician"]');
    assert.equal(await page.locator('#plan-title').innerText(), uiEs.planTitle.clinician);
    await page.locator('[data-rec-id] summary').first().click();
    assert.deepEqual(await visibleEnglish(page), [], 'clinician plan: no English label visible');
    await page.screenshot({ path: path.join(screenshotDir, 'spanish-clinician-desk.png') });

    // The switch: English at once, answers kept; and back.
    await page.locator('#language-select').selectOption('en');
    await page.waitForSelector('html[lang="en"]');
    assert.equal(await page.locator('#plan-title').innerText(), uiEn.planTitle.clinician);
    assert.equal(await page.locator(`#plan[data-triage="${expect.triage}"]`).count(), 1, 'answers kept');
    await page.locator('#language-select').selectOption('es');
    await page.waitForSelector('html[lang="es"]');
    assert.equal(await page.locator(`#plan[data-triage="${expect.triage}"]`).count(), 1);
    assert.deepEqual(consoleErrors, []);
    assert.deepEqual(offOrigin, []);
  } finally {
    await context.close();
  }
});

test('spanish: an English browser starts in English and can switch to Spanish', async () => {
  const { page, context } = await openPage(aid, { viewport: VIEWPORTS.phone, locale: 'en-US' });
  try {
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await page.locator('#chooser-title').innerText(), uiEn.chooseAudience);
    assert.match(await page.locator('#translation-review').innerText(), /Source language/);
    // The start screen's switch says what the Spanish is before anyone picks it.
    assert.equal(await page.locator('#chooser-languages [data-language="es"]').textContent(), `Español (${langEs.translationShort})`);
  } finally {
    await context.close();
  }
});

test('spanish: "add care so far" on a plan under 6 weeks opens the care questions, not an empty step', async () => {
  const { page, context, consoleErrors } = await openPage(aid, { viewport: VIEWPORTS.phone, locale: 'es-MX' });
  try {
    await chooseAudience(page, 'patient');
    const { input } = vector('conservative-three-days-patient');
    const notYet = Object.fromEntries(Object.entries(input).filter(([key]) => !['conservativeCareWeeks', 'improving', 'procedureCandidate', 'priorMri', 'herniation'].includes(key)));
    await fillFrom(page, notYet);
    await page.waitForSelector('#plan[data-triage="conservative"]');
    await page.locator('#plan-add-care').click();
    await page.locator('#q-conservativeCareWeeks').waitFor({ state: 'visible' });
    assert.equal(await page.locator('#q-conservativeCareWeeks[data-not-asked]').count(), 0, 'the care questions are asked once the person adds them');
    assert.deepEqual(consoleErrors, []);
  } finally {
    await context.close();
  }
});
