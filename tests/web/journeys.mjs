// The page's journeys, driven in Chromium as a person would and counted: every tap, click and
// key press, the screens seen, and how far the first action is from the screen after the last
// answer. Used by tests/web/journeys.test.mjs (which also checks each screen with axe) and by
// bench/journeys.mjs (which prints the table). Not a test file itself.
//
// A journey starts at the page's first screen ("Which best describes you?") with the engine ready,
// and counts up to its first plan: for patients the plan screen (or, in an emergency, the care card
// under the answer); for clinicians the first plan drawn beside the questions.
import { startAid, openPage, BASE_PATH } from './support.mjs';

export { startAid };

export const DEVICES = {
  phone: { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 },
  kiosk: { viewport: { width: 1080, height: 1920 }, hasTouch: true },
  desk: { viewport: { width: 1366, height: 768 } },
  tablet: { viewport: { width: 820, height: 1180 }, hasTouch: true, isMobile: true },
  tabletLandscape: { viewport: { width: 1024, height: 768 }, hasTouch: true, isMobile: true },
  smallPhone: { viewport: { width: 320, height: 640 }, hasTouch: true, isMobile: true },
};

// The typical case of the UX review: 3 weeks, pain 5, no red flag, aged 45.
const TYPICAL = { symptomWeeks: 3, painScore: 5, ageYears: 45 };

/** A person at the screen: every input goes through here and is counted. */
class Person {
  constructor(page, { touch }) {
    this.page = page;
    this.touch = touch;
    this.pointer = 0; // taps or clicks
    this.keys = 0; // key presses, typed characters included
    this.typed = 0; // of which characters typed into a text field (age, weeks)
  }

  async point(locator) {
    this.pointer += 1;
    await locator.scrollIntoViewIfNeeded();
    if (this.touch) await locator.tap();
    else await locator.click();
  }

  async press(key) {
    this.keys += 1;
    await this.page.keyboard.press(key);
  }

  async type(text) {
    this.keys += text.length;
    this.typed += text.length;
    await this.page.keyboard.type(text);
  }
}

/** Opens the aid on a device, at its first screen. */
export async function openJourney(aid, device, { kiosk = false, ...options } = {}) {
  const url = kiosk ? `${aid.server.url}?kiosk&idle=600` : aid.server.url;
  const opened = await openPage(aid, { ...DEVICES[device], url, ...options });
  await opened.page.locator('#chooser').waitFor({ state: 'visible' });
  return opened;
}

/** How far (CSS px) the person would still have to scroll for this element to be wholly on screen. */
export async function scrollNeeded(page, selector) {
  return page.evaluate((selector) => {
    const node = document.querySelector(selector);
    if (!node || !node.getClientRects().length) return null;
    const rect = node.getBoundingClientRect();
    if (rect.top < 0) return Math.round(-rect.top);
    return Math.max(0, Math.round(rect.bottom - window.innerHeight));
  }, selector);
}

const visibleStep = (page) => page.evaluate(() => {
  const step = Array.from(document.querySelectorAll('#questions [data-step]')).find((node) => !node.hasAttribute('data-step-hidden'));
  return step ? step.getAttribute('data-step') : null;
});

/** The radio (by name and value) of the visible questions, as a label to tap. */
const choiceLabel = (page, name, value) => page.locator(`#questions label.choice:has(> input[name="${name}"][value="${value}"])`).filter({ visible: true });

/** Patients' touch answers for the typical case: the range, then the exact value. */
const TOUCH_ANSWERS = {
  symptomWeeks: [['symptomWeeks-band', '2'], ['symptomWeeks-pick', '3']], // 3 to 6 weeks, then 3 weeks
  painScore: [['painScore', '5']],
  muscleSpasm: [['muscleSpasm', 'no']],
  ageYears: [['ageYears-band', '3'], ['ageYears-pick', '45']], // 40 to 49, then 45
  priorLumbarSurgery: [['priorLumbarSurgery', 'no']],
};

/**
 * A patient by touch (phone or kiosk), the typical case: "No" to every warning sign, one screen at a
 * time, then the episode and age screens, then "See my plan". `onScreen(name)` runs on every screen
 * (the test checks it with axe). Returns the counts.
 */
export async function patientTypical(page, { touch = true, onScreen = async () => {} } = {}) {
  const person = new Person(page, { touch });
  await onScreen('start');
  await person.point(page.locator('#chooser [data-audience="patient"]'));
  const screens = [];
  const progress = []; // "Step n of total" on each screen
  for (let guard = 0; guard < 12; guard += 1) {
    const step = await visibleStep(page);
    screens.push(step);
    progress.push(await page.locator('#step-progress-text').textContent());
    await onScreen(`step ${step}`);
    const keys = await page.evaluate(() => Array.from(document.querySelectorAll('#questions .question[data-question]'))
      .filter((node) => node.getClientRects().length).map((node) => node.getAttribute('data-question')));
    for (const key of keys) {
      for (const [name, value] of TOUCH_ANSWERS[key] || [[key, 'no']]) await person.point(choiceLabel(page, name, value));
    }
    const atEnd = await page.evaluate(() => document.querySelector('[data-step-continue]').textContent);
    await person.point(page.locator('[data-step-continue]'));
    if (await page.locator('html[data-flow-at-plan]').count()) break;
    if (guard === 11) throw new Error(`no plan after ${screens.length} screens (last button: ${atEnd})`);
  }
  await page.locator('#plan[data-triage="conservative"]').waitFor({ state: 'visible' });
  const scroll = await scrollNeeded(page, '#plan [data-first-action]');
  await onScreen('plan');
  return { pointer: person.pointer, keys: person.keys, typed: person.typed, screens: screens.length, scroll, progress };
}

/** A patient on a phone who has new numbness around the bottom: "Yes" to the first question. */
export async function patientEmergency(page, { onScreen = async () => {} } = {}) {
  const person = new Person(page, { touch: true });
  await person.point(page.locator('#chooser [data-audience="patient"]'));
  await person.point(choiceLabel(page, 'saddleAnesthesia', 'yes'));
  const card = page.locator('[data-care-card="emergency"]');
  await card.waitFor({ state: 'visible' });
  const toCard = person.pointer;
  // What is on screen right after the answer: the answer itself and the whole card.
  const cardScroll = await scrollNeeded(page, '[data-care-card="emergency"]');
  const answerScroll = await scrollNeeded(page, '#q-saddleAnesthesia .choices');
  await onScreen('emergency card');
  await person.point(card.locator('[data-card-plan]'));
  await page.locator('#plan[data-triage="emergency"]').waitFor({ state: 'visible' });
  const planScroll = await scrollNeeded(page, '#plan [data-first-action]');
  await onScreen('emergency plan');
  return { pointer: toCard, keys: 0, typed: 0, screens: 1, scroll: cardScroll, answerScroll, toPlan: person.pointer, planScroll };
}

/**
 * A clinician by mouse (desk) or touch (tablet): "None of these" per red-flag group, the weeks and
 * the age typed, the pain score clicked. Counts to the first plan (drawn beside the questions).
 */
export async function clinicianPointer(page, { touch = false, onScreen = async () => {} } = {}) {
  const person = new Person(page, { touch });
  await person.point(page.locator('#chooser [data-audience="clinician"]'));
  await onScreen('clinician questions');
  for (const button of await page.locator('#questions [data-none-of-these]').all()) await person.point(button);
  await person.point(page.locator('#input-symptomWeeks'));
  await person.type(String(TYPICAL.symptomWeeks));
  await person.point(choiceLabel(page, 'painScore', String(TYPICAL.painScore)));
  await person.point(page.locator('#input-ageYears'));
  await person.type(String(TYPICAL.ageYears));
  await page.locator('#plan[data-triage="conservative"]').waitFor({ state: 'visible' });
  let result = await clinicianPlanView(page);
  const before = result.scroll;
  // Where the plan is below the questions (tablet), the plan bar takes the person to it: one tap.
  if (!result.summaryOnScreen && await page.locator('#triage-bar').isVisible()) {
    await person.point(page.locator('#triage-bar'));
    await page.waitForFunction(() => document.documentElement.classList.contains('plan-in-view'));
    await page.waitForTimeout(100);
    result = { ...(await clinicianPlanView(page)), viaBar: true, scrollWithoutBar: before };
  }
  await onScreen('clinician plan');
  return { pointer: person.pointer, keys: person.keys, typed: person.typed, screens: 1, ...result };
}

/** Where the clinician's plan summary is: the scroll to its first line, and whether all of it is on screen. */
async function clinicianPlanView(page) {
  const scroll = await scrollNeeded(page, '#plan [data-first-action]');
  const summary = await page.evaluate(() => {
    const node = document.querySelector('#plan [data-plan-summary]');
    const triage = document.querySelector('#plan #triage');
    const rect = node.getBoundingClientRect();
    return {
      top: Math.round(triage.getBoundingClientRect().top), bottom: Math.round(rect.bottom), height: window.innerHeight,
    };
  });
  return { scroll, summaryOnScreen: summary.top >= 0 && summary.bottom <= summary.height, summaryBottom: summary.bottom };
}

/**
 * A clinician by keyboard only: Tab to "I am a clinician", Enter; Enter on each group's "None of
 * these" (focus moves on to the next group); the weeks typed, Enter; the pain score by its digit;
 * Tab to the age, typed. Every other key is a Tab. Counts to the first plan.
 */
export async function clinicianKeyboard(page, { onScreen = async () => {} } = {}) {
  const person = new Person(page, { touch: false });
  for (let guard = 0; guard < 80; guard += 1) {
    if (await page.locator('#plan[data-triage="conservative"]').count()) break;
    const focus = await focusInfo(page);
    if (focus.audience === 'clinician') await person.press('Enter');
    else if (focus.none && !focus.pressed) await person.press('Enter');
    else if (focus.radioName && focus.redFlag && !focus.checked) await person.press('n');
    else if (focus.id === 'input-symptomWeeks' && !focus.value) { await person.type(String(TYPICAL.symptomWeeks)); await person.press('Enter'); }
    else if (focus.radioName === 'painScore' && !focus.checked) await person.press(String(TYPICAL.painScore));
    else if (focus.id === 'input-ageYears' && !focus.value) await person.type(String(TYPICAL.ageYears));
    else await person.press('Tab');
    if (guard === 79) throw new Error('no plan by keyboard');
  }
  await page.locator('#plan[data-triage="conservative"]').waitFor({ state: 'visible' });
  const result = await clinicianPlanView(page);
  await onScreen('clinician plan (keyboard)');
  return { pointer: 0, keys: person.keys, typed: person.typed, screens: 1, ...result };
}

async function focusInfo(page) {
  return page.evaluate(() => {
    const node = document.activeElement || document.body;
    const name = node.type === 'radio' ? node.name : '';
    return {
      id: node.id || '',
      audience: node.getAttribute('data-audience') || '',
      none: node.hasAttribute('data-none-of-these'),
      pressed: node.getAttribute('aria-pressed') === 'true',
      radioName: name,
      redFlag: Boolean(name && node.closest('#section-red-flags')),
      checked: Boolean(name && document.querySelector(`input[name="${name}"]:checked`)),
      value: node.value || '',
      continue: node.hasAttribute('data-step-continue'),
      tag: node.tagName,
    };
  });
}

/**
 * A patient by keyboard only (Tab, arrows, Enter; no shortcut keys, no typing): arrows choose "No"
 * on each warning sign and the touch choices' range and value, Enter on Continue. Returns the counts.
 */
export async function patientKeyboard(page, { answers = {}, letters = false } = {}) {
  const person = new Person(page, { touch: false });
  const wanted = {
    'symptomWeeks-band': '2', 'symptomWeeks-pick': '3', painScore: '5', muscleSpasm: 'no',
    'ageYears-band': '3', 'ageYears-pick': '45', priorLumbarSurgery: 'no', ...answers,
  };
  for (let guard = 0; guard < 300; guard += 1) {
    if (await page.locator('html[data-flow-at-plan] #plan[data-triage]').count()) break;
    const focus = await page.evaluate(({ wanted, letters }) => {
      const node = document.activeElement || document.body;
      if (node.getAttribute('data-audience')) return { action: node.getAttribute('data-audience') === 'patient' ? 'Enter' : 'Tab' };
      if (node.hasAttribute('data-step-continue')) {
        const open = Array.from(document.querySelectorAll('#questions .question[data-question]'))
          .filter((question) => question.getClientRects().length)
          .some((question) => !question.querySelector('input:checked') && !(question.querySelector('.number-input') || {}).value);
        return { action: open ? 'Shift+Tab' : 'Enter' };
      }
      if (node.type !== 'radio') return { action: 'Tab' };
      const isRedFlag = Boolean(node.closest('#section-red-flags'));
      const target = wanted[node.name] || (isRedFlag ? 'no' : null);
      if (!target) return { action: 'Tab' };
      const radios = Array.from(document.querySelectorAll(`input[name="${node.name}"]`)).filter((input) => input.getClientRects().length);
      const checked = radios.findIndex((input) => input.checked);
      const goal = radios.findIndex((input) => input.value === target);
      if (goal < 0) return { action: 'Tab' };
      if (checked === goal) return { action: 'Tab' };
      // With the keys the page names (Y / N / U on a question, then on to the next): one key per answer.
      if (letters && isRedFlag && target === 'no') return { action: 'n' };
      const from = checked >= 0 ? checked : radios.indexOf(node);
      // Nothing chosen yet and already on the goal: Space chooses it.
      if (checked < 0 && from === goal) return { action: 'Space' };
      return { action: goal > from ? 'ArrowRight' : 'ArrowLeft' };
    }, { wanted, letters });
    await person.press(focus.action);
    if (guard === 299) throw new Error('no plan by keyboard');
  }
  return { pointer: 0, keys: person.keys, typed: person.typed };
}

export { BASE_PATH };
