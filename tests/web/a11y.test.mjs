// Accessibility through the real page: axe-core (npm) with the WCAG 2.0/2.1/2.2 A and AA rules on the
// start screen, the questionnaire, every triage's plan and the intended-use dialog, in English and
// Spanish and in both audiences (one page; the answers change between scans). Then: a keyboard-only
// run completes a plan, 200% zoom (and 400%) needs no horizontal scrolling, and
// prefers-reduced-motion turns motion off. Prints the violation count of every screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { patientKeyboard } from './journeys.mjs';
import {
  startAid, openPage, chooseAudience, fillFrom, fillFast, clearAnswers, vector, axe, screenshotDir, VIEWPORTS,
} from './support.mjs';
import { SIGNED_OFF } from './settings-presets.mjs';

const TRIAGE_CASES = {
  emergency: 'emergency-saddle-anesthesia-only-answer',
  'check-now': 'check-now-saddle-not-sure-patient',
  'out-of-scope': 'out-of-scope-under-18-with-fever',
  urgent: 'urgent-infection-fever',
  priority: 'priority-osteoporosis-patient',
  incomplete: 'incomplete-age-missing',
  reassess: 'reassess-candidate-contained-l5-s1',
  conservative: 'conservative-spasm-severe-pain',
};

let aid;
before(async () => { aid = await startAid({ settings: SIGNED_OFF }); });
after(async () => { await aid?.close(); });


test('a11y: zero axe WCAG 2.2 A/AA violations on every screen, both languages, both audiences', async () => {
  // axe is injected as a script, which the page's own CSP rightly forbids: bypassed for this check only.
  const { page, context, consoleErrors } = await openPage(aid, { viewport: VIEWPORTS.tablet, bypassCSP: true, locale: 'en-US' });
  const report = [];
  const problems = [];
  const scan = async (screen) => {
    const violations = await axe(page);
    report.push(`${screen}: ${violations.length}`);
    for (const violation of violations) problems.push(`${screen}: ${violation}`);
  };
  try {
    for (const language of ['en', 'es']) {
      if (language === 'es') {
        await page.locator('#start-again').click();
        await page.locator('#chooser-languages [data-language="es"]').click(); // the start screen's own switch
        await page.waitForSelector('html[lang="es"]');
      }
      await page.locator('#chooser').waitFor({ state: 'visible' });
      await scan(`${language} start`);
      await chooseAudience(page, 'patient');
      for (const audience of ['patient', 'clinician']) {
        await page.locator(`#audience-switch input[value="${audience}"]`).check();
        await page.waitForSelector(`html[data-audience="${audience}"]`);
        await clearAnswers(page);
        await page.waitForSelector('#plan[data-state="waiting"]', { state: 'attached' }); // patients: the plan is the last screen
        await scan(`${language} ${audience} questionnaire`);
        for (const [triage, name] of Object.entries(TRIAGE_CASES)) {
          await clearAnswers(page);
          await fillFast(page, vector(name).input);
          await page.waitForSelector(`#plan[data-triage="${triage}"]`);
          // Patients: every line folded under "More about your plan": open, so that it is scanned too.
          if (await page.locator('#plan details.more:not([open])').count()) await page.locator('#plan details.more > summary').click();
          const why = page.locator('#plan [data-rec-id] summary');
          if (await why.count()) await why.first().click(); // one "Why?" open
          await scan(`${language} ${audience} ${triage}`);
        }
      }
      await page.locator('#about-link').click();
      await page.locator('#about-dialog[open]').waitFor();
      await scan(`${language} intended-use dialog`);
      await page.keyboard.press('Escape');
      await page.locator('#about-dialog').waitFor({ state: 'hidden' });
    }
    console.log(`# axe violations per screen: ${report.join('; ')}`);
    assert.deepEqual(problems, []);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await context.close();
  }
});

test('a11y: keyboard only (Tab, Space, Enter, arrows) completes a plan and opens its "Why?"', async () => {
  const { page, context } = await openPage(aid, { viewport: VIEWPORTS.tablet });
  try {
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('data-audience')), 'patient');
    await page.keyboard.press('Enter');
    await page.locator('#workspace').waitFor({ state: 'visible' });
    const active = () => page.evaluate(() => {
      const node = document.activeElement;
      return { name: node.name || '', id: node.id || '', tag: node.tagName, type: node.type || '', cls: node.className || '' };
    });
    // One screen at a time: arrows choose, Tab moves on, Enter on Continue (journeys.mjs).
    await patientKeyboard(page);
    await page.locator('#plan[data-triage="conservative"]').waitFor({ state: 'visible' });
    // On to the plan: "More about your plan" opens with Space, then the first "Why?".
    for (const opened of [1, 2]) {
      for (let step = 0; step < 80; step += 1) {
        await page.keyboard.press('Tab');
        if ((await active()).tag === 'SUMMARY') break;
      }
      assert.equal((await active()).tag, 'SUMMARY');
      await page.keyboard.press('Space');
      assert.equal(await page.locator('#plan details[open]').count(), opened);
    }
    // Focus is visible: the focused control draws an outline.
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert.notEqual(outline, 'none');
  } finally {
    await context.close();
  }
});

test('a11y: 200% and 400% zoom need no horizontal scrolling; reduced motion is respected', async () => {
  const { input } = vector('reassess-candidate-contained-l5-s1');
  // 200% of a 1280 px screen is 640 CSS px; 400% is 320 (WCAG 1.4.10 reflow).
  for (const width of [640, 320]) {
    const { page, context } = await openPage(aid, { viewport: { width, height: 800 }, deviceScaleFactor: 2 });
    try {
      const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.equal(await overflow(), 0, `${width}px start`);
      await chooseAudience(page, 'clinician');
      await fillFrom(page, input);
      await page.waitForSelector('#plan[data-triage="reassess"]');
      await page.locator('#plan [data-rec-id] summary').first().click();
      assert.equal(await overflow(), 0, `${width}px plan`);
      await page.locator('#about-link').click();
      await page.locator('#about-dialog[open]').waitFor();
      const dialogOverflow = await page.evaluate(() => {
        const dialog = document.getElementById('about-dialog');
        return dialog.scrollWidth - dialog.clientWidth;
      });
      assert.equal(dialogOverflow, 0, `${width}px intended-use dialog`);
      await page.screenshot({ path: path.join(screenshotDir, `zoom-${width}-about.png`) });
      await page.keyboard.press('Escape');
      await page.screenshot({ path: path.join(screenshotDir, `zoom-${width}-plan.png`), fullPage: false });
    } finally {
      await context.close();
    }
  }

  const { page, context } = await openPage(aid, { viewport: VIEWPORTS.tablet, reducedMotion: 'no-preference' });
  try {
    assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior), 'smooth');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior), 'auto');
    const moving = await page.evaluate(() => Array.from(document.querySelectorAll('*')).filter((node) => {
      const style = getComputedStyle(node);
      return parseFloat(style.transitionDuration) > 0 || (style.animationName !== 'none' && parseFloat(style.animationDuration) > 0);
    }).length);
    assert.equal(moving, 0, 'no transition or animation with reduced motion');
  } finally {
    await context.close();
  }
});
