// The step-by-step flow's decisions without a browser (web/flow-decisions.js), on the engine's own
// plans: which care card shows under an answer, when "See my plan" asks once more about a screen
// of emergency-tier questions skipped whole, and what Continue does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadEngine } from '../wasm/load-engine.mjs';
import { loadVectors } from '../wasm/vectors.mjs';
import { loadPageScripts } from './page-scripts.mjs';

const engine = await loadEngine();
const { answers, flowDecisions } = loadPageScripts('answers.js', 'flow-decisions.js');
const content = JSON.parse(engine.content('en'));
const table = answers.questionTable(content);
const emergencyFlags = answers.flagsOfUrgency(table, 'emergency');

// A patient's form with every red flag answered "no" and a conservative plan: a shared case.
const calm = loadVectors().find((vector) => vector.expect.triage === 'conservative' && vector.input.redFlags
  && !vector.input.language && table.redFlags.every((flag) => vector.input.redFlags[flag] === false));
const { audience, ...given } = calm.input;
const calmValues = answers.valuesFor(table, given);
const planFor = (values) => JSON.parse(engine.evaluate(JSON.stringify({
  ...answers.read(table, values, { audience: 'patient', units: content.units }), audience: 'patient',
})));
const without = (values, flags) => Object.fromEntries(Object.entries(values).filter(([key]) => !flags.includes(key)));

test('the emergency-tier flags come from the engine, and the calm case is calm', () => {
  assert.ok(emergencyFlags.length >= 2, 'the engine names its emergency-tier red flags');
  assert.ok(audience === undefined || typeof audience === 'string');
  assert.equal(planFor(calmValues).triage, 'conservative', calm.name);
});

test('no card while every red flag is "no"', () => {
  assert.equal(flowDecisions.cardFor(table, calmValues, planFor(calmValues), ''), null);
});

test('an emergency plan puts its card under the "yes" just given, else under the last "yes"', () => {
  const [first, second] = emergencyFlags;
  const values = { ...calmValues, [first]: answers.YES, [second]: answers.YES };
  const plan = planFor(values);
  assert.equal(plan.triage, 'emergency');
  assert.deepEqual(flowDecisions.cardFor(table, values, plan, first), { type: 'emergency', key: first, planReady: true });
  const last = table.redFlags.filter((flag) => values[flag] === answers.YES).at(-1);
  assert.deepEqual(flowDecisions.cardFor(table, values, plan, 'painScore'), { type: 'emergency', key: last, planReady: true });
});

test('"Not sure" to an emergency-tier flag shows the check-now card, ready for the plan only when there is one', () => {
  const flag = emergencyFlags[0];
  const values = { ...calmValues, [flag]: answers.NOT_SURE };
  const plan = planFor(values);
  assert.equal(plan.triage, 'check-now');
  assert.deepEqual(flowDecisions.cardFor(table, values, plan, flag), { type: 'check-now', key: flag, planReady: true });
  // Before the engine has what it needs (no plan yet, or an error), the card stays but leads nowhere.
  assert.deepEqual(flowDecisions.cardFor(table, values, null, flag), { type: 'check-now', key: flag, planReady: false });
  const notEmergency = table.redFlags.find((other) => !emergencyFlags.includes(other));
  assert.equal(flowDecisions.cardFor(table, { ...calmValues, [notEmergency]: answers.NOT_SURE }, null, notEmergency), null,
    'a "Not sure" of another tier has no card');
});

test('a screen of emergency-tier questions skipped whole is named once more, when it is the plan\'s only reason', () => {
  const group = table.redFlagGroups.find((candidate) => candidate.flags.every((flag) => emergencyFlags.includes(flag)));
  assert.ok(group, 'a group of emergency-tier questions only');
  const skipped = without(calmValues, emergencyFlags);
  const plan = planFor(skipped);
  assert.equal(plan.triage, 'check-now', 'unknown is not "no"');
  const groups = flowDecisions.skippedGroupsOnly(table, skipped, plan);
  assert.ok(groups.some((each) => each.group === group.group));
  for (const each of groups) assert.ok(each.flags.every((flag) => skipped[flag] === undefined));
  // A "Not sure" there is an answer: the plan stands without asking again.
  const unsure = { ...skipped, [group.flags[0]]: answers.NOT_SURE };
  assert.deepEqual(flowDecisions.skippedGroupsOnly(table, unsure, planFor(unsure)), []);
  // Not the plan's only reason: another question of the group answered, a plan of another triage.
  const partly = { ...skipped, [group.flags[0]]: answers.NO };
  if (group.flags.length > 1) assert.deepEqual(flowDecisions.skippedGroupsOnly(table, partly, planFor(partly)), []);
  assert.deepEqual(flowDecisions.skippedGroupsOnly(table, calmValues, planFor(calmValues)), []);
  assert.deepEqual(flowDecisions.skippedGroupsOnly(table, skipped, null), []);
});

test('Continue: says once per screen what is missing, then goes on; at the end, asks again once or shows the plan', () => {
  const at = (state) => flowDecisions.afterContinue({ missing: false, nudged: false, last: false, skipped: [], askedAgain: false, ...state });
  assert.equal(at({ missing: true }), 'nudge');
  assert.equal(at({ missing: true, nudged: true }), 'next');
  assert.equal(at({}), 'next');
  assert.equal(at({ missing: true, last: true }), 'nudge');
  assert.equal(at({ last: true }), 'plan');
  assert.equal(at({ last: true, skipped: [{ group: 'g' }] }), 'askAgain');
  assert.equal(at({ last: true, skipped: [{ group: 'g' }], askedAgain: true }), 'plan');
  assert.equal(at({ missing: true, nudged: true, last: true, skipped: [{ group: 'g' }] }), 'askAgain');
});
