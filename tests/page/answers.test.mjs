// The page's answers without a browser (web/answers.js): the questions come from the engine's
// contract (content.inputFields, the red-flag groups and tiers, the thresholds), the form's values
// become exactly the assessment a person gave and back, which questions are asked step by step,
// where an engine error belongs, and the touch pickers never put a threshold inside a range.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadEngine } from '../wasm/load-engine.mjs';
import { loadVectors } from '../wasm/vectors.mjs';
import { loadPageScripts } from './page-scripts.mjs';

const engine = await loadEngine();
const { answers } = loadPageScripts('answers.js');
const languages = JSON.parse(engine.version()).languages;
const contentOf = (language) => JSON.parse(engine.content(language));
const content = contentOf('en');
const table = answers.questionTable(content);

/** A JSON value with object keys and arrays sorted, for comparing assessments. */
const canonical = (value) => JSON.stringify(value, (key, item) => (Array.isArray(item) ? [...item].sort()
  : item && typeof item === 'object' ? Object.fromEntries(Object.entries(item).sort()) : item));

test('every field of the engine\'s contract is asked on the page, and every question is one of its', () => {
  assert.deepEqual(table.unasked, [], 'fields of content.inputFields the page has no way to ask');
  const contract = content.inputFields.flatMap((field) => field.questions);
  assert.deepEqual([...table.questions.map((question) => question.key)].sort(), [...contract].sort(),
    'the page asks exactly the questions content.inputFields lists');
  const settings = content.inputFields.filter((field) => field.questions.length === 0).map((field) => field.name);
  assert.deepEqual(settings.sort(), ['audience', 'language'], 'fields with no question are the page\'s own settings');
  for (const question of table.questions) {
    for (const language of languages) {
      const words = contentOf(language).questions[question.key];
      assert.ok(words && words.clinician && words.patient, `${question.key}: words in ${language}`);
    }
  }
});

test('the red flags are asked by the content\'s groups, each with the engine\'s tier', () => {
  assert.deepEqual(table.redFlags, content.redFlagGroups.flatMap((group) => group.flags));
  assert.deepEqual(Object.keys(content.redFlagUrgency).sort(), [...table.redFlags].sort());
  for (const urgency of ['emergency', 'sameDay', 'withinTwoWeeks']) {
    assert.deepEqual(answers.flagsOfUrgency(table, urgency),
      table.redFlags.filter((flag) => content.redFlagUrgency[flag] === urgency), urgency);
  }
  assert.ok(answers.flagsOfUrgency(table, 'emergency').includes('saddleAnesthesia'));
});

test('a field the layout does not name is asked after the field before it; a new red flag joins its group with its tier', () => {
  // A new optional question and a new emergency red flag, as a contributor adds them to the engine.
  const extended = structuredClone(content);
  const at = extended.inputFields.findIndex((field) => field.name === 'muscleSpasm') + 1;
  extended.inputFields.splice(at, 0, { name: 'numbnessBelowKnee', type: 'boolean', questions: ['numbnessBelowKnee'] });
  extended.redFlagGroups[2].flags.push('newFlag');
  extended.inputFields.find((field) => field.type === 'redFlags').questions.push('newFlag');
  extended.redFlagUrgency.newFlag = 'emergency';
  const grown = answers.questionTable(extended);
  assert.deepEqual(grown.unasked, []);
  const episode = grown.sections.find((section) => section.id === 'episode').questions.map((question) => question.key);
  assert.equal(episode.indexOf('numbnessBelowKnee'), episode.indexOf('muscleSpasm') + 1, `asked after muscleSpasm: ${episode}`);
  assert.ok(answers.flagsOfUrgency(grown, 'emergency').includes('newFlag'));
  const values = { numbnessBelowKnee: 'yes', newFlag: 'not-sure', symptomWeeks: '3', 'symptomWeeks-unit': 'weeks' };
  assert.deepEqual(answers.read(grown, values, { audience: 'clinician', units: content.units }),
    { redFlags: { newFlag: null }, symptomWeeks: 3, numbnessBelowKnee: true });
});

test('every shared case\'s answers, put in the form and read back, are the case\'s answers', (t) => {
  let checked = 0;
  for (const vector of loadVectors()) {
    const { input } = vector;
    if (!input || typeof input !== 'object' || Array.isArray(input) || vector.inputText !== JSON.stringify(input)) continue;
    const { audience = 'clinician', language = 'en', ...given } = input;
    if (!languages.includes(language) || !['clinician', 'patient'].includes(audience)) continue;
    // The form holds only what a person can give: a case of values outside the form (text for a
    // number, an unknown key, a finding a patient is never offered) is not a case for this test.
    if (audience === 'patient' && given.assessedFindings) continue;
    const words = contentOf(language);
    const values = answers.valuesFor(table, given);
    const read = answers.read(table, values, { audience, units: words.units });
    const representable = Object.keys(given).every((key) => content.inputFields.some((field) => field.name === key))
      && vector.expect.ok;
    if (!representable) continue;
    assert.equal(canonical(read), canonical(given), `${vector.name}: read(valuesFor(answers))`);
    checked += 1;
  }
  assert.ok(checked >= 80, `only ${checked} cases checked`);
  t.diagnostic(`${checked} shared cases read back`);
});

test('"Not sure" to a red flag is sent as null, never as no; an unanswered question is not sent', () => {
  assert.deepEqual(answers.read(table, { fever: 'not-sure', nightPain: 'no' }, { audience: 'clinician', units: content.units }),
    { redFlags: { fever: null, nightPain: false } });
  assert.deepEqual(answers.read(table, {}, { audience: 'clinician', units: content.units }), {});
  // Herniation only with both parts known: a half answer means "not known".
  assert.deepEqual(answers.read(table, { herniationContained: 'yes', herniationLevel: 'not-sure' }, { units: content.units }), {});
  assert.deepEqual(answers.read(table, { herniationContained: 'no', herniationLevel: 'L4-L5' }, { units: content.units }),
    { herniation: { contained: false, level: 'L4-L5' } });
});

test('durations: days are weeks / 7, a typed unit beats the chosen one, a range counts as its longer end', () => {
  const read = (text, unit = 'weeks', units = content.units) => answers.read(table, { symptomWeeks: text, 'symptomWeeks-unit': unit }, { units }).symptomWeeks;
  assert.equal(read('3'), 3);
  assert.equal(read('10', 'days'), 10 / 7);
  assert.equal(read('10 days'), 10 / 7);
  assert.equal(read('2-3 weeks', 'days'), 3);
  assert.equal(read('3 semanas', 'days', contentOf('es').units), 3);
  assert.deepEqual(answers.splitDuration('3 weeks', content.units), { text: '3', unit: 'weeks' });
  assert.deepEqual(answers.splitDuration('10 days', content.units), { text: '10', unit: 'days' });
  assert.deepEqual(answers.splitDuration('2-3 weeks', content.units), { text: '3', unit: 'weeks' });
  assert.deepEqual(answers.splitDuration('3', content.units), { text: '3', unit: null });
});

test('numbers are sent only as typed: a literal JavaScript would round stays text for the engine to refuse', () => {
  assert.equal(answers.readNumber(' 7 '), 7);
  assert.equal(answers.readNumber('7,5'), 7.5);
  assert.equal(answers.readNumber('007'), 7);
  assert.equal(answers.readNumber(''), undefined);
  assert.equal(answers.readNumber('forty'), 'forty');
  assert.equal(answers.readNumber('17.9999999999999999'), '17.9999999999999999');
});

test('step by step, the care questions are asked from the engine\'s conservativeWeeks on, or when added; scans only after "yes" to a procedure', () => {
  const weeks = content.thresholds.conservativeWeeks;
  const asked = (key, values, options) => answers.isAsked(table, key, values, { stepByStep: true, ...options });
  const care = table.sections.find((section) => section.askedFrom).questions.map((question) => question.key);
  assert.ok(care.includes('conservativeCareWeeks') && care.includes('herniationLevel'));
  for (const key of care) {
    assert.equal(asked(key, {}, { weeks: weeks - 0.5 }), false, `${key} before ${weeks} weeks`);
    assert.equal(answers.isAsked(table, key, {}, { stepByStep: false, weeks: 1 }), true, `${key}: clinicians are asked everything`);
  }
  assert.equal(asked('conservativeCareWeeks', {}, { weeks }), true);
  assert.equal(asked('conservativeCareWeeks', {}, { weeks: 1, added: true }), true);
  assert.equal(asked('herniationContained', {}, { weeks }), false);
  assert.equal(asked('herniationContained', { procedureCandidate: 'yes' }, { weeks }), true);
  assert.equal(asked('fever', {}, { weeks: 0 }), true);
  // A question not asked is not sent.
  const values = { conservativeCareWeeks: '2', symptomWeeks: '3', 'symptomWeeks-unit': 'weeks' };
  const read = answers.read(table, values, { asked: (key) => asked(key, values, { weeks: 3 }), units: content.units });
  assert.deepEqual(read, { symptomWeeks: 3 });
});

test('a clinician may mark a finding as assessed only while it is there', () => {
  assert.deepEqual(answers.applicableFindings(table, { nightPain: 'yes', ageYears: String(content.thresholds.olderAge) }, 'clinician'),
    ['nightPain', 'olderAge']);
  assert.deepEqual(answers.applicableFindings(table, { nightPain: 'yes', ageYears: String(content.thresholds.olderAge - 1) }, 'clinician'), ['nightPain']);
  assert.deepEqual(answers.applicableFindings(table, { nightPain: 'yes' }, 'patient'), []);
  assert.deepEqual(answers.read(table, { nightPain: 'no', assessedFindings: ['nightPain'] }, { audience: 'clinician' }), { redFlags: { nightPain: false } });
});

test('an engine error is placed under the question it points at; one about an unanswered question is "missing"', () => {
  assert.equal(answers.questionForPointer(table, '/redFlags/fever'), 'fever');
  assert.equal(answers.questionForPointer(table, '/herniation'), 'herniationContained');
  assert.equal(answers.questionForPointer(table, '/herniation/level'), 'herniationLevel');
  assert.equal(answers.questionForPointer(table, '/assessedFindings/0'), 'assessedFindings');
  assert.equal(answers.questionForPointer(table, '/unknownKey'), null);
  const assessment = { conservativeCareWeeks: 9, symptomWeeks: 3 };
  const placed = answers.placeErrors(table, [
    { field: '/conservativeCareWeeks', message: 'too long' },
    { field: '/ageYears', message: 'needed' },
    { field: '', message: 'general' },
    { field: '/symptomWeeks/x', message: 'odd' },
  ], assessment);
  assert.deepEqual([...placed.byQuestion], [['conservativeCareWeeks', ['too long']]]);
  assert.deepEqual(placed.missing, ['ageYears', 'symptomWeeks']);
  assert.deepEqual(placed.general, ['general']);
  // Through the engine: its real errors for a real input land on real questions.
  const result = JSON.parse(engine.evaluate(JSON.stringify({ symptomWeeks: 3, conservativeCareWeeks: 5, painScore: 11 })));
  const real = answers.placeErrors(table, result.errors, { symptomWeeks: 3, conservativeCareWeeks: 5, painScore: 11 });
  assert.deepEqual([...real.byQuestion.keys()].sort(), ['conservativeCareWeeks', 'painScore']);
});

test('no touch-picker range holds values on both sides of a threshold it is aligned to', () => {
  const fieldOf = (picker) => table.questions.find((question) => question.picker === picker);
  for (const [name, picker] of Object.entries(answers.PICKERS)) {
    const question = fieldOf(name);
    assert.ok(question, `the ${name} picker belongs to a question`);
    const bands = answers.pickerBands(name, content.thresholds);
    const all = bands.flatMap((band) => band.options.map(answers.optionNumber));
    assert.deepEqual(all, [...all].sort((a, b) => a - b), `${name}: the choices in order`);
    assert.equal(new Set(all).size, all.length, `${name}: no choice twice`);
    for (const value of all) assert.ok(value >= question.minimum && value <= question.maximum, `${name}: ${value} within the contract's range`);
    for (const [threshold, side] of picker.alignedTo) {
      const at = content.thresholds[threshold];
      assert.equal(typeof at, 'number', `${name}: content.thresholds.${threshold}`);
      const beyond = (value) => (side === 'atLeast' ? value >= at : value > at);
      for (const band of bands) {
        const sides = new Set(band.options.map((option) => beyond(answers.optionNumber(option))));
        assert.equal(sides.size, 1, `${name}: the range ${JSON.stringify(band.label)} straddles ${threshold} (${at})`);
      }
    }
  }
  // The check bites: a range across the adult age would be found.
  const across = answers.pickerBands('age', { ...content.thresholds, adultAge: 25 });
  assert.ok(across.some((band) => band.options.some((option) => Number(option.value) === 25 && band.options[0].value === '25')),
    'the age ranges follow the engine\'s adult age');
});

test('weeks of care: whole weeks, never more than the episode', () => {
  const options = answers.careOptions(20, content.thresholds).map((option) => Number(option.value));
  assert.deepEqual(options.slice(0, 3), [0, 1, 2]);
  assert.ok(options.every((weeks) => weeks <= 20));
  assert.ok(options.includes(content.thresholds.conservativeWeeks));
  assert.deepEqual(answers.careOptions(3, content.thresholds).map((option) => option.value), ['0', '1', '2', '3']);
});
