/* Radiculo: the step-by-step flow's decisions, with no DOM (tested in Node): what Continue does,
 * which care card shows under an answer, and when "See my plan" asks once more. values: the form's
 * answers (answers.js); result: the engine's last plan. */
(function () {
  'use strict';

  const Radiculo = (window.Radiculo = window.Radiculo || {});
  const { answers } = Radiculo;

  /**
   * The groups of emergency-tier questions left wholly unanswered, when they are the only reason
   * for a check-now plan (the engine's rule: an emergency-tier question not answered "no"); else [].
   * A "Not sure" there is an answer: the plan then stands without asking again.
   */
  function skippedGroupsOnly(table, values, result) {
    if (!result || !result.ok || result.triage !== 'check-now') return [];
    const open = answers.flagsOfUrgency(table, 'emergency').filter((flag) => values[flag] !== answers.YES && values[flag] !== answers.NO);
    if (open.length === 0 || open.some((flag) => values[flag] !== undefined)) return [];
    const groups = table.redFlagGroups.filter((group) => group.flags.some((flag) => open.includes(flag)));
    return groups.every((group) => group.flags.every((flag) => values[flag] === undefined)) ? groups : [];
  }

  /**
   * Continue on a screen: 'nudge' (once per screen, say what is missing; then Continue goes on and
   * unanswered stays unanswered), 'next', 'askAgain' (the last screen, when skipped groups are the
   * plan's only reason and it has not asked yet) or 'plan'.
   */
  function afterContinue({ missing, nudged, last, skipped, askedAgain }) {
    if (missing && !nudged) return 'nudge';
    if (!last) return 'next';
    return !askedAgain && skipped.length ? 'askAgain' : 'plan';
  }

  /**
   * The care card under an answer: {type, key, planReady}, or null. An emergency plan: under its
   * "yes" (the last answered, else the last in order); else "Not sure" to an emergency-tier flag:
   * check now, with a plan once the engine has what it needs.
   */
  function cardFor(table, values, result, lastKey) {
    const near = (keys) => (keys.includes(lastKey) ? lastKey : keys[keys.length - 1]);
    if (result && result.ok && result.triage === 'emergency') {
      const key = near(table.redFlags.filter((flag) => values[flag] === answers.YES));
      return key ? { type: 'emergency', key, planReady: true } : null;
    }
    const unsure = answers.flagsOfUrgency(table, 'emergency').filter((flag) => values[flag] === answers.NOT_SURE);
    return unsure.length ? { type: 'check-now', key: near(unsure), planReady: Boolean(result && result.ok) } : null;
  }

  Radiculo.flowDecisions = { skippedGroupsOnly, afterContinue, cardFor };
})();
