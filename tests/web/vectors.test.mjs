// Every shared case that produces a plan (tests/vectors/*.json with expect.ok === true), in the real
// page: the third runner of the shared cases, after GoogleTest (tests/engine/vectors_test.cpp) and
// the WebAssembly module in Node (tests/wasm/parity.test.mjs). One browser page for all of them:
// for each case, the page is put in the case's language and wording (defaults: English, clinician),
// its answers are cleared and the case's answers set in one step (fillFast), then what the page
// shows is checked against the case's `expect`:
// - the triage: data-triage on the plan and on its triage banner;
// - the recommendation lines, in order: [data-rec-id] in the full list (ol.recs; patients: one tap
//   opens "More about your plan"), with their kind (data-kind, the badge) where `kinds` names one,
//   and their evidence notes' stances where `notes` names them (beside the line or under "Why?":
//   the page's order is its own, so they are compared as a multiset);
// - reassessInWeeks: "Reassess in N weeks" (patients: "See your clinician again in N weeks") in
//   "What would change this", in the case's language; no such line when the plan is not simple care;
// - unanswered: the page lists open questions only in "What would change this": on an incomplete
//   plan all of them (red flags and the age), on any other plan the red flags whose "yes" would change
//   the triage. So: incomplete, the same set; otherwise, every one listed is unanswered, and none is
//   listed when nothing is. (redFlagsPresent and assessedFindings are not shown as such: not checked.)
// Before any of that, the answers the page handed its engine must be the case's input exactly
// (observed by wrapping the page's own engine.evaluate), and a patient's numbers must be touch
// choices the patient could make: a case the questionnaire could not hold is never passed by
// accident. A case the page cannot take by design is skipped, its reason printed, after checking on
// the page that the reason still holds. Cases run grouped by language and wording; after a case
// that used a patient's "Add care so far", the page is started again (that choice lasts a visit).
// The fields are the page's own (each question names its JSON pointer): no list of them is kept here.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  startAid, openPage, chooseAudience, clearAnswers, fillFast, inSteps, enginePlan, repoRoot, VIEWPORTS,
} from './support.mjs';
import { SIGNED_OFF } from './settings-presets.mjs';

const vectorDir = path.join(repoRoot, 'tests/vectors');
// Grouped by language and wording (fewer switches of the page), then by file name.
const settingOf = (vector) => `${(vector.input && vector.input.language) || 'en'} ${(vector.input && vector.input.audience) || 'clinician'}`;
const VECTORS = readdirSync(vectorDir).filter((name) => name.endsWith('.json')).sort()
  .map((file) => ({ file, ...JSON.parse(readFileSync(path.join(vectorDir, file), 'utf8')) }))
  .filter((vector) => vector.expect && vector.expect.ok === true)
  .sort((a, b) => settingOf(a).localeCompare(settingOf(b)) || a.file.localeCompare(b.file));
const unitsOf = Object.fromEntries(['en', 'es'].map((code) => [code, JSON.parse(readFileSync(path.join(repoRoot, 'content/lang', `${code}.json`), 'utf8')).units]));

/**
 * Why the page cannot take this case through its questions, or null. Each reason is checked on the
 * page (`holds`) before the case is skipped: once the page can take it, the skip fails.
 */
function cannotEnter(vector) {
  const { input } = vector;
  if ((input.audience || 'clinician') === 'patient' && (input.assessedFindings || []).length) {
    return {
      reason: `assessedFindings ${JSON.stringify(input.assessedFindings)} in the patient wording: the page offers "already assessed" to clinicians only`,
      // With every answer of the case given, the page still offers no finding to tick, and sends none.
      holds: async (page, sent) => sent.assessedFindings === undefined
        && await page.locator('#section-assessed').isHidden()
        && await page.locator('#q-assessedFindings input[type="checkbox"]:visible').count() === 0,
    };
  }
  return null;
}

/** A JSON value with object keys sorted and arrays (assessedFindings) sorted; empty redFlags / assessedFindings dropped. */
function canonical(value) {
  return JSON.stringify(value, (key, item) => {
    if (Array.isArray(item)) return [...item].sort();
    if (item && typeof item === 'object') {
      return Object.fromEntries(Object.entries(item)
        .filter(([name, entry]) => !(['redFlags', 'assessedFindings'].includes(name) && entry && typeof entry === 'object' && Object.keys(entry).length === 0))
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return item;
  });
}

/** "2 weeks", "1 semana", "2,5 semanas": how the page writes a number of weeks in a language. */
function weeksText(count, language) {
  const units = unitsOf[language];
  return `${String(count).replace('.', units.decimalSeparator)} ${count === 1 ? units.week : units.weeks}`;
}

/** Everything the checks need from the screen, read at once. */
function readScreen(page) {
  return page.evaluate(() => {
    const plan = document.getElementById('plan');
    const banner = plan.querySelector('#triage');
    const list = plan.querySelector('ol.recs');
    const visible = (node) => Boolean(node && node.getClientRects().length);
    // The screen, not the printout the plan also holds (hidden, its own copy of the same blocks).
    const onScreen = (selector) => Array.from(plan.querySelectorAll(selector)).filter((node) => !node.closest('[data-print-sheet]'));
    const reassess = onScreen('[data-wwc="reassessInWeeks"]');
    return {
      triage: plan.getAttribute('data-triage'),
      bannerTriage: banner && banner.getAttribute('data-triage'),
      bannerVisible: visible(banner),
      listVisible: visible(list) || visible(plan.querySelector('.recs__none')),
      lines: Array.from(plan.querySelectorAll('ol.recs > li[data-rec-id]')).map((item) => ({
        id: item.getAttribute('data-rec-id'),
        kind: item.getAttribute('data-kind'),
        stances: Array.from(item.querySelectorAll('[data-note-stance]')).map((note) => note.getAttribute('data-note-stance')),
      })),
      noLines: Boolean(plan.querySelector('.recs__none')),
      reassess: reassess.map((node) => node.textContent),
      reassessVisible: reassess.every(visible),
      askNext: onScreen('[data-wwc="askNext"] li[data-flag]').map((item) => item.getAttribute('data-flag')),
      askNextVisible: onScreen('[data-wwc="askNext"] li[data-flag]').every(visible),
      lang: document.documentElement.lang,
      audience: document.documentElement.getAttribute('data-audience'),
      waiting: plan.getAttribute('data-state') === 'waiting' ? plan.innerText.slice(0, 300) : null,
    };
  });
}

let aid;
let opened;
let startAgainNext = false; // the last case left the page in a state the next person would not find
const skipped = [];
const started = Date.now();

before(async () => {
  aid = await startAid({ settings: SIGNED_OFF });
  opened = await openPage(aid, { viewport: VIEWPORTS.tablet, locale: 'en-US' });
  // Observe the answers the page hands its engine (the page's own object, same call, same result).
  await opened.page.evaluate(() => {
    const engine = window.Radiculo.engineClient.engine;
    const evaluate = engine.evaluate;
    engine.evaluate = function (assessment) {
      window.__sentAssessment = JSON.parse(JSON.stringify(assessment));
      return evaluate.call(this, assessment);
    };
  });
  await chooseAudience(opened.page, 'clinician');
});

after(async () => {
  await opened?.context.close();
  await aid?.close();
});

test('vectors: the shared cases that produce a plan are read from the folder', () => {
  assert.ok(VECTORS.length >= 50, `only ${VECTORS.length} plan-producing cases found in ${vectorDir}`);
  const triages = new Set(VECTORS.map((vector) => vector.expect.triage));
  for (const triage of ['emergency', 'check-now', 'out-of-scope', 'urgent', 'priority', 'incomplete', 'reassess', 'conservative']) {
    assert.ok(triages.has(triage), `no plan-producing case with triage ${triage}`);
  }
});

for (const vector of VECTORS) {
  test(`vectors in the page: ${vector.name || vector.file}`, async (t) => {
    const { page } = opened;
    if ('inputText' in vector || !vector.input || typeof vector.input !== 'object' || Array.isArray(vector.input)) {
      const reason = 'the case is given as raw input text (inputText), which no form produces';
      skipped.push(`${vector.file}: ${reason}`);
      t.skip(reason);
      return;
    }
    const { input } = vector;
    const blocked = cannotEnter(vector);
    const audience = input.audience || 'clinician';
    const language = input.language || 'en';

    // A patient's "Add care so far" holds for the rest of that person's visit (the care questions
    // are then asked before 6 weeks too): the next case is a new person, from "Start again".
    if (startAgainNext) {
      startAgainNext = false;
      await page.locator('#start-again').click();
      await chooseAudience(page, audience);
    }

    // The case's language and wording, with the page's own switches (answers are cleared next).
    if (await page.getAttribute('html', 'lang') !== language) {
      await page.locator('#language-select').selectOption(language);
      await page.waitForSelector(`html[lang="${language}"]`);
    }
    if (await page.getAttribute('html', 'data-audience') !== audience) {
      await page.locator(`#audience-switch input[value="${audience}"]`).check();
      await page.waitForSelector(`html[data-audience="${audience}"]`);
    }
    await clearAnswers(page);
    if ((await fillFast(page, input)).addedCare) startAgainNext = true;
    const sent = await page.evaluate(() => window.__sentAssessment);

    if (blocked) {
      assert.ok(await blocked.holds(page, sent), `${vector.file}: skipped because "${blocked.reason}", but the page now takes it: remove the skip`);
      skipped.push(`${vector.file}: ${blocked.reason}`);
      t.diagnostic(`skipped: ${blocked.reason}`);
      t.skip(blocked.reason);
      return;
    }

    // The page evaluated exactly the case's answers, in its language and wording.
    assert.equal(canonical(sent), canonical({ ...input, audience, language }),
      `${vector.file}: the answers the page sent differ from the case's input (fillFast could not enter it: make it enterable, or give cannotEnter a reason)`);

    // Patients give numbers by touch only (the typed field is not shown to them): each is a choice there.
    if (audience === 'patient') {
      const picked = await page.evaluate(() => Object.fromEntries(Array.from(document.querySelectorAll('#questions [data-picker]'), (holder) => {
        const choice = holder.querySelector('input:checked:not([name$="-band"])');
        return [holder.getAttribute('data-picker'), choice && choice.getAttribute('data-number')];
      })));
      assert.ok(Object.keys(picked).length > 0, 'the patient\'s numbers are touch choices');
      for (const key of Object.keys(picked)) {
        if (input[key] === undefined) continue;
        const days = input[key] < 1 && await page.locator(`#q-${key} input[name="${key}-unit"]`).count() > 0;
        assert.equal(picked[key], String(days ? Math.round(input[key] * 7) : input[key]), `${vector.file}: ${key} ${input[key]} is not a touch choice the patient could make`);
      }
    }

    if (await inSteps(page) && await page.locator('#plan details.more:not([open])').count()) {
      await page.locator('#plan details.more > summary').click(); // patients: every line is one tap away
    }
    const screen = await readScreen(page);
    const { expect } = vector;
    const context = async () => {
      const engine = await enginePlan(page, { ...input, audience, language });
      return `${vector.file}\n  page shows: ${screen.triage} ${JSON.stringify(screen.lines.map((line) => line.id))}`
        + `\n  engine gives for the input: ${engine.triage} ${JSON.stringify((engine.recommendations || []).map((line) => line.id))}`
        + (screen.waiting ? `\n  page is waiting: ${screen.waiting}` : '');
    };
    assert.equal(screen.lang, language);
    assert.equal(screen.audience, audience);

    // The triage, on the plan and on its banner, in view.
    if (screen.triage !== expect.triage || screen.bannerTriage !== expect.triage) assert.fail(`triage: expected ${expect.triage}, page ${screen.triage} / banner ${screen.bannerTriage}\n${await context()}`);
    assert.ok(screen.bannerVisible, `${vector.file}: the triage banner is not in view`);

    // Every line, in order, in the full list (in view).
    assert.ok(screen.listVisible, `${vector.file}: the list of lines is not in view`);
    const ids = screen.lines.map((line) => line.id);
    if (JSON.stringify(ids) !== JSON.stringify(expect.ids)) assert.deepEqual(ids, expect.ids, `lines\n${await context()}`);
    assert.equal(screen.noLines, expect.ids.length === 0, `${vector.file}: "no recommendations" shown exactly when there are none`);
    for (const line of screen.lines) {
      if (expect.kinds && line.id in expect.kinds) assert.equal(line.kind, expect.kinds[line.id], `${vector.file}: kind of ${line.id}`);
      if (expect.notes && line.id in expect.notes) {
        assert.deepEqual([...line.stances].sort(), [...expect.notes[line.id]].sort(), `${vector.file}: evidence notes of ${line.id}`);
      }
    }

    // When to reassess, in the case's language.
    // The page says "see a clinician again in ..." for the conservative plan's review; a priority or
    // reassess plan says its interval in the headline.
    if (expect.reassessInWeeks !== undefined && expect.triage === 'conservative') {
      assert.equal(screen.reassess.length, 1, `${vector.file}: one "reassess in" line shown (expected ${expect.reassessInWeeks} weeks)`);
      assert.ok(screen.reassessVisible, `${vector.file}: the "reassess in" line is not in view`);
      const words = weeksText(expect.reassessInWeeks, language);
      assert.ok(screen.reassess[0].includes(words), `${vector.file}: "${screen.reassess[0]}" does not say "${words}"`);
    }
    if (expect.triage !== 'conservative') assert.deepEqual(screen.reassess, [], `${vector.file}: a "reassess in" line on a ${expect.triage} plan`);

    // Questions still open, as far as the page lists them.
    if (expect.unanswered) {
      assert.ok(screen.askNextVisible, `${vector.file}: the open questions listed are not in view`);
      if (expect.triage === 'incomplete') {
        assert.deepEqual([...screen.askNext].sort(), [...expect.unanswered].sort(), `${vector.file}: the open questions an incomplete plan lists`);
      } else {
        for (const flag of screen.askNext) assert.ok(expect.unanswered.includes(flag), `${vector.file}: ${flag} listed as open, but it is answered`);
        if (expect.unanswered.length === 0) assert.deepEqual(screen.askNext, [], `${vector.file}: open questions listed with none open`);
      }
    }
  });
}

test('vectors: the page stayed clean, and the count', (t) => {
  assert.deepEqual(opened.consoleErrors, [], 'no console errors');
  assert.deepEqual(opened.offOrigin, [], 'no request left the page origin');
  t.diagnostic(`vectors in the page: ${VECTORS.length - skipped.length} of ${VECTORS.length} plan-producing cases run, ${skipped.length} skipped, in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  for (const line of skipped) t.diagnostic(`skipped ${line}`);
});
