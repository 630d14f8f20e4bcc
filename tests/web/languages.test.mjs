// Every surface of the page in the person's language only: the page in both audiences
// and both languages with plans of every kind (screen, "more about your plan", the printout that
// is rebuilt with every plan, "what would change this"), the intended-use page, the fallback
// screens, and invalid answers on the Spanish page, whose messages the engine words in Spanish.
// A word "of the other language" is one only the other language's content uses
// (tests/language/other-language.mjs); references' own titles and publishers are marked lang="en".
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startAid, openPage, chooseAudience, clearAnswers, fillFast, typeInto, vector, VIEWPORTS, preparePrint } from './support.mjs';
import { LANGUAGES, otherLanguageWords, inContext } from '../language/other-language.mjs';
import { SIGNED_OFF } from './settings-presets.mjs';

let aid;
before(async () => { aid = await startAid({ settings: SIGNED_OFF }); });
after(async () => { await aid?.close(); });

const LOCALES = { en: 'en-GB', es: 'es-ES' };
const PLANS = ['emergency-saddle-anesthesia-only-answer', 'check-now-saddle-not-sure-patient', 'urgent-fever-not-sure',
  'priority-night-pain-es-patient', 'conservative-age-59', 'incomplete-age-missing', 'reassess-candidate-13-weeks-no-injection',
  'out-of-scope-prior-surgery-with-fever'];

/** Every text of the document in `language`: hidden parts included (the printout, folded sections), parts in another language marked as such left out. */
async function documentText(page, language) {
  return page.evaluate((own) => {
    const copy = document.documentElement.cloneNode(true);
    for (const node of copy.querySelectorAll('script, style, noscript, template')) node.remove();
    for (const node of copy.querySelectorAll(`[lang]:not([lang="${own}"])`)) node.remove();
    const attributes = Array.from(copy.querySelectorAll('[aria-label], [title], [placeholder], [alt]'))
      .flatMap((node) => ['aria-label', 'title', 'placeholder', 'alt'].map((name) => node.getAttribute(name) || ''));
    return `${copy.textContent}\n${attributes.join('\n')}`;
  }, language);
}

function assertOnly(text, language, where) {
  const found = otherLanguageWords(text, language);
  assert.deepEqual(found, [], `${where}: words of another language on a ${language} page:\n${inContext(text, found)}`);
}

for (const language of LANGUAGES) {
  for (const audience of ['patient', 'clinician']) {
    test(`languages: the ${language} page for a ${audience}, every kind of plan and its printout, in ${language} only`, async () => {
      const { page, context } = await openPage(aid, { viewport: VIEWPORTS.desk, locale: LOCALES[language] });
      try {
        assert.equal(await page.getAttribute('html', 'lang'), language);
        assertOnly(await documentText(page, language), language, 'the start screen');
        await chooseAudience(page, audience);
        assertOnly(await documentText(page, language), language, 'the questions');
        let checked = 0;
        for (const name of PLANS) {
          const { input } = vector(name);
          if (!input) continue;
          await clearAnswers(page);
          await fillFast(page, { ...input, language: undefined, audience: undefined });
          await page.locator('#plan[data-triage]').waitFor();
          await preparePrint(page);
          assert.equal(await page.locator('#plan-body [data-print-sheet]').count(), 1, `${name}: the printout is built`);
          assertOnly(await documentText(page, language), language, name);
          checked += 1;
        }
        assert.ok(checked >= 7, `${checked} plans checked`);
      } finally {
        await context.close();
      }
    });
  }

  test(`languages: the intended-use page in ${language} only`, async () => {
    const { page, context } = await openPage(aid, { viewport: VIEWPORTS.desk, url: `${aid.server.url}about.html?lang=${language}&audience=clinician` });
    try {
      await page.locator('[data-translation-review]').first().waitFor();
      assertOnly(await documentText(page, language), language, 'about.html');
    } finally {
      await context.close();
    }
  });
}

test('languages: the fallback screens (loading, not supported, no JavaScript) each speak one language', async () => {
  const { page, context } = await openPage(aid, { viewport: VIEWPORTS.desk });
  try {
    // The page's own HTML, as a browser without the engine or JavaScript would show it.
    const html = await (await page.request.get(aid.server.url)).text();
    const screens = await page.evaluate((source) => {
      const doc = new DOMParser().parseFromString(source.replace(/<\/?noscript>/g, ''), 'text/html');
      return Array.from(doc.querySelectorAll('[data-fallback-lang]'))
        .map((node) => ({ language: node.getAttribute('lang'), text: node.textContent }));
    }, html);
    assert.ok(screens.length >= 2 * LANGUAGES.length, `${screens.length} fallback texts found`);
    for (const language of LANGUAGES) assert.ok(screens.some((screen) => screen.language === language), `a ${language} fallback`);
    for (const screen of screens) assertOnly(screen.text, screen.language, `a ${screen.language} fallback screen`);
  } finally {
    await context.close();
  }
});

test('languages: invalid answers on the Spanish page are told in Spanish, under their questions', async () => {
  const { page, context } = await openPage(aid, { viewport: VIEWPORTS.desk, locale: 'es-ES' });
  try {
    await chooseAudience(page, 'clinician');
    await fillFast(page, { ...vector('conservative-age-59').input, language: undefined, audience: undefined });
    await typeInto(page, 'ageYears', '150');
    await typeInto(page, 'conservativeCareWeeks', '9');
    await page.locator('#q-ageYears .field-error:not([hidden])').waitFor();
    const age = await page.locator('#q-ageYears .field-error').innerText();
    const care = await page.locator('#q-conservativeCareWeeks .field-error').innerText();
    assert.match(age, /^Debe estar entre \d+ y \d+/); // out of range (outOfRange), not a wrong kind of value
    assert.match(care, /^No puede ser mayor que/);
    for (const text of [age, care]) assertOnly(text, 'es', 'an error message');
    assertOnly(await documentText(page, 'es'), 'es', 'the page with invalid answers');
  } finally {
    await context.close();
  }
});
