/* Radiculo: the answers, without the page. Everything here is plain data and functions, no DOM, so
 * it is tested in Node (tests/page/); questionnaire.js builds the form from it and binds it.
 *
 * The questions come from the engine's contract (content.inputFields: every field with its type and
 * the questions that ask it; content.redFlagGroups; content.redFlagUrgency; content.thresholds): a
 * field the engine takes is asked here with no list of fields to keep in step. The page adds only
 * layout, keyed by field name (LAYOUT): the section a field is asked in, a touch picker, a unit. A
 * field the layout does not name is asked in the section of the field before it in the contract.
 *
 * The form's state is `values`: for each control name, what the person gave, as the form holds it
 * ('yes' / 'no' / 'not-sure' for a choice, the text of a number field, 'days' / 'weeks' for a
 * duration's unit, the ticked findings as a list). read() makes the assessment of it; valuesFor()
 * is the way back. */
(function () {
  'use strict';

  const Radiculo = (window.Radiculo = window.Radiculo || {});

  // Answer values of the Yes / No / Not sure choices. "Not sure" is sent as null: unknown, never "no".
  const YES = 'yes';
  const NO = 'no';
  const NOT_SURE = 'not-sure';

  // The page's layout, keyed by contract name. Sections in the order asked (after the red flags and
  // the findings a clinician has assessed); each with its fields in order. `askedFrom`: step by step,
  // the section is asked only from that threshold of the episode's weeks on (or when the person adds
  // it): conservative care must have lasted that long before it can change the plan, and can never
  // be longer than the episode. `askedWhen`: step by step, asked only after that answer.
  const LAYOUT = {
    sections: [
      { id: 'episode', title: 'sectionEpisode', fields: ['symptomWeeks', 'painScore', 'muscleSpasm'] },
      { id: 'scope', title: 'sectionScope', fields: ['ageYears', 'priorLumbarSurgery'] },
      { id: 'care', title: 'sectionCare', help: 'sectionCareHelp', askedFrom: 'conservativeWeeks',
        fields: ['conservativeCareWeeks', 'improving', 'procedureCandidate', 'priorMri', 'herniation'] },
    ],
    fields: {
      symptomWeeks: { control: 'duration', picker: 'duration' },
      ageYears: { picker: 'age' },
      conservativeCareWeeks: { unit: 'weeks', picker: 'care' },
      herniation: { askedWhen: { question: 'procedureCandidate', answer: YES } },
    },
  };
  // Fields that are the page's own settings, not questions (the audience switch, the language picker).
  const SETTINGS_TYPES = ['audience', 'language'];
  // A whole number with at most this many steps is a scale of choices (the 0-10 pain scale).
  const MAX_SCALE_STEPS = 10;

  /** One question (one answer in the form) for a field of the contract, or null for a type the page cannot ask. */
  function questionsOfField(field, content, hint) {
    const asked = { field: field.name, section: null };
    switch (field.type) {
      case 'boolean':
        return [{ ...asked, key: field.name, control: 'yesNo', pointer: `/${field.name}` }];
      case 'integer':
      case 'number': {
        const scale = field.type === 'integer' && field.maximum - field.minimum <= MAX_SCALE_STEPS;
        return [{
          ...asked,
          key: field.name,
          control: hint.control || (scale ? 'scale' : 'number'),
          pointer: `/${field.name}`,
          minimum: field.minimum,
          maximum: field.maximum,
          inputmode: field.type === 'integer' ? 'numeric' : 'decimal',
          unit: hint.unit,
          picker: hint.picker,
        }];
      }
      case 'herniation':
        // Its parts, each asked on its own: whether it is contained, and its level.
        return (field.parts || []).map((part) => ({
          ...asked,
          key: part.question,
          part: part.name,
          control: part.name === 'level' ? 'level' : 'yesNoNotSure',
          pointer: `/${field.name}/${part.name}`,
          options: part.name === 'level' ? content.herniationLevels || [] : undefined,
        }));
      default:
        return null;
    }
  }

  /**
   * The questionnaire as data, from the engine's content(language): the red-flag groups, then the
   * findings a clinician has assessed, then the sections of LAYOUT. `unasked` lists the fields the
   * page has no way to ask (a new field type): none, or tests/page/ fails.
   */
  function questionTable(content) {
    const fields = content.inputFields || [];
    const redFlagGroups = (content.redFlagGroups || []).map((group) => ({ group: group.group, flags: group.flags.slice() }));
    const redFlags = redFlagGroups.flatMap((group) => group.flags);
    const sections = LAYOUT.sections.map((section) => ({ ...section, questions: [] }));
    const unasked = [];
    const questions = [];
    for (const flag of redFlags) {
      questions.push({ key: flag, field: 'redFlags', control: 'redFlag', pointer: `/redFlags/${flag}`, section: 'red-flags',
        urgency: (content.redFlagUrgency || {})[flag] });
    }
    questions.push({ key: 'assessedFindings', field: 'assessedFindings', control: 'findings', pointer: '/assessedFindings', section: 'assessed',
      options: (content.assessableFindings || []).slice() });

    const placed = new Map(); // field name -> its section
    for (const section of sections) for (const name of section.fields) placed.set(name, section);
    let previous = sections[0];
    for (const field of fields) {
      if (SETTINGS_TYPES.includes(field.type) || field.type === 'redFlags' || field.type === 'assessedFindings') continue;
      const section = placed.get(field.name) || previous;
      previous = section;
      const hint = LAYOUT.fields[field.name] || {};
      const made = questionsOfField(field, content, hint);
      if (!made || made.length === 0) {
        unasked.push(field.name);
        continue;
      }
      for (const question of made) {
        question.section = section.id;
        if (hint.askedWhen) question.askedWhen = hint.askedWhen;
      }
      // In the layout's order; a field it does not name comes after the one before it in the contract.
      const order = (question) => {
        const at = section.fields.indexOf(question.field);
        return at >= 0 ? at : section.fields.length;
      };
      const position = section.questions.findIndex((other) => order(other) > order(made[0]));
      section.questions.splice(position < 0 ? section.questions.length : position, 0, ...made);
    }
    for (const section of sections) questions.push(...section.questions);
    const byKey = Object.fromEntries(questions.map((question) => [question.key, question]));
    return { redFlagGroups, redFlags, sections, questions, byKey, unasked, thresholds: content.thresholds || {} };
  }

  /**
   * "7", "7.5", "7,5" -> number; "" -> undefined; anything else stays text for the engine to
   * explain. A number is sent only when it is exactly what was typed: "17.9999999999999999" would
   * become 18 in JavaScript, so it is sent as typed and the engine says it is not a whole number.
   */
  function readNumber(text) {
    const trimmed = String(text === undefined ? '' : text).trim();
    if (trimmed === '') return undefined;
    const normalised = trimmed.replace(',', '.');
    if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(normalised)) return trimmed;
    const number = Number(normalised);
    // The typed digits without a sign, leading zeros or trailing fraction zeros, against the number's own.
    const digits = normalised.replace(/^[-+]/, '').replace(/^0+(?=\d)/, '')
      .replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '').replace(/^\./, '0.');
    return String(Math.abs(number)) === digits ? number : trimmed;
  }

  /**
   * A typed duration: "3", "3 weeks", "10 days", "2-3 weeks" (a range counts as its upper end, the
   * longer duration), in the content's own unit words or w / wk / d. Returns { text, unit }: the
   * number as typed (for readNumber) and the unit it names, or null to use the unit chosen.
   */
  function splitDuration(text, units) {
    const lower = String(text).trim().toLowerCase();
    const words = { days: [units.day, units.days, 'd', 'day', 'days'], weeks: [units.week, units.weeks, 'w', 'wk', 'wks', 'week', 'weeks'] };
    let unit = null;
    let rest = lower;
    for (const [name, list] of Object.entries(words)) {
      for (const word of list.filter(Boolean).map((entry) => entry.toLowerCase())) {
        if (rest.endsWith(word) && /(^|[\d\s.])$/.test(rest.slice(0, -word.length))) {
          unit = name;
          rest = rest.slice(0, -word.length).trim().replace(/\.$/, '');
          break;
        }
      }
      if (unit) break;
    }
    const parts = /^(\d+(?:[.,]\d+)?)\s*(?:-|–|—|to|a)\s*(\d+(?:[.,]\d+)?)$/.exec(rest);
    if (parts) rest = parts[2];
    return { text: unit || parts ? rest : String(text), unit };
  }

  /** A duration field's amount and unit: the unit typed, else the one chosen. */
  function durationParts(values, key, units) {
    const parts = splitDuration(values[key] || '', units || {});
    return { amount: readNumber(parts.text), unit: parts.unit || values[`${key}-unit`] };
  }

  /** A duration in weeks (days / 7), or the text as typed when it is not a number. */
  function readDuration(values, key, units) {
    const { amount, unit } = durationParts(values, key, units);
    return typeof amount === 'number' && unit === 'days' ? amount / 7 : amount;
  }

  function formatWeeks(weeks) {
    return String(Math.round(weeks * 100) / 100);
  }

  const yesNo = (value) => (value === YES ? true : value === NO ? false : undefined);
  const yesNoValue = (value) => (value === true ? YES : value === false ? NO : NOT_SURE);

  /** The findings a clinician may mark as assessed now: only findings that are there (the engine rejects the others). */
  function applicableFindings(table, values, audience) {
    if (audience !== 'clinician') return [];
    const olderAge = table.thresholds.olderAge;
    const age = readNumber(values.ageYears);
    return table.byKey.assessedFindings.options.filter((key) => (key === 'olderAge'
      ? typeof age === 'number' && typeof olderAge === 'number' && age >= olderAge
      : values[key] === YES));
  }

  /** The episode's duration in weeks, when it is a number (step by step, it decides which sections are asked). */
  function episodeWeeks(values, units) {
    const weeks = readDuration(values, 'symptomWeeks', units);
    return typeof weeks === 'number' ? weeks : undefined;
  }

  /**
   * Is this question asked? Always, but step by step (patients): a section with `askedFrom` only once
   * the episode has lasted that threshold (`weeks`: episodeWeeks) or the person added it, and a
   * question with `askedWhen` only after that answer. A question not asked is not sent: the engine's
   * own default stands.
   */
  function isAsked(table, key, values, { stepByStep = false, added = false, weeks } = {}) {
    const question = table.byKey[key];
    if (!stepByStep || !question) return true;
    if (!sectionAsked(table, question.section, { stepByStep, added, weeks })) return false;
    return !question.askedWhen || values[question.askedWhen.question] === question.askedWhen.answer;
  }

  /** Is this section asked now? (See isAsked.) A section the layout does not name (a red-flag group) always is. */
  function sectionAsked(table, sectionId, { stepByStep = false, added = false, weeks } = {}) {
    const section = table.sections.find((entry) => entry.id === sectionId);
    if (!stepByStep || !section || !section.askedFrom || added) return true;
    return typeof weeks === 'number' && weeks >= table.thresholds[section.askedFrom];
  }

  /** The sections asked only from a threshold on, which a person may add sooner ("Add care so far"). */
  function addableSections(table) {
    return table.sections.filter((section) => section.askedFrom).map((section) => section.id);
  }

  /**
   * The assessment: only what the person answered and is asked ("Not sure" red flags as null).
   * options: { asked(key) -> boolean, audience, units }.
   */
  function read(table, values, { asked = () => true, audience, units } = {}) {
    const assessment = {};
    const redFlags = {};
    for (const flag of table.redFlags) {
      const value = values[flag];
      if (value === YES) redFlags[flag] = true;
      else if (value === NO) redFlags[flag] = false;
      else if (value === NOT_SURE) redFlags[flag] = null;
    }
    if (Object.keys(redFlags).length > 0) assessment.redFlags = redFlags;

    const herniation = {};
    for (const question of table.questions) {
      let value;
      switch (question.control) {
        case 'yesNo': value = yesNo(values[question.key]); break;
        case 'scale': value = values[question.key] === undefined ? undefined : Number(values[question.key]); break;
        case 'number': value = readNumber(values[question.key]); break;
        case 'duration': value = readDuration(values, question.key, units); break;
        case 'yesNoNotSure': value = yesNo(values[question.key]); break;
        case 'level': value = values[question.key] === NOT_SURE ? undefined : values[question.key]; break;
        default: continue; // red flags above, findings below
      }
      if (question.part) {
        if (value !== undefined && asked(question.key)) herniation[question.part] = value;
      } else if (value !== undefined && asked(question.key)) {
        assessment[question.field] = value;
      }
    }
    const ticked = values.assessedFindings || [];
    const assessed = applicableFindings(table, values, audience).filter((key) => ticked.includes(key));
    if (assessed.length > 0) assessment.assessedFindings = assessed;
    // A field of parts is sent only when every part is known: a half answer means "not known".
    const parts = table.questions.filter((question) => question.part);
    if (parts.length && parts.every((question) => question.part in herniation)) assessment[parts[0].field] = herniation;
    return assessment;
  }

  /**
   * The form's values that hold an assessment's answers (answers opened from a take-home code or a
   * FHIR file), so that read() gives them back.
   */
  function valuesFor(table, assessment) {
    const values = {};
    for (const [flag, value] of Object.entries(assessment.redFlags || {})) values[flag] = yesNoValue(value);
    for (const question of table.questions) {
      const given = question.part ? (assessment[question.field] || {})[question.part] : assessment[question.field];
      if (given === undefined) continue;
      switch (question.control) {
        case 'yesNo':
        case 'yesNoNotSure':
          if (typeof given === 'boolean') values[question.key] = yesNoValue(given);
          break;
        case 'scale':
        case 'number':
        case 'level':
          values[question.key] = String(given);
          break;
        case 'duration':
          values[question.key] = String(given);
          values[`${question.key}-unit`] = 'weeks';
          break;
        case 'findings':
          values.assessedFindings = Array.isArray(given) ? given.slice() : [];
          break;
        default:
          break;
      }
    }
    return values;
  }

  /** Does the assessment hold a value at this JSON pointer (so an error there is about an answer)? */
  function holdsValue(assessment, pointer) {
    let node = assessment;
    for (const part of pointer.split('/').slice(1)) {
      if (node === null || typeof node !== 'object' || !(part in node)) return false;
      node = node[part];
    }
    return true;
  }

  /** The question an error's JSON pointer is about ("/herniation" -> its first part), or null. */
  function questionForPointer(table, pointer) {
    let best = null;
    for (const question of table.questions) {
      const field = question.pointer;
      if (pointer === field || pointer.startsWith(`${field}/`)) return question.key;
      if (field.startsWith(`${pointer}/`) && !best) best = question.key;
    }
    return best;
  }

  /**
   * The engine's errors, placed: each under the question it is about (messages by question key);
   * an error about a question not answered yet (a required answer still missing) is not a mistake:
   * it is listed in `missing`, so the plan can say what is still needed; the rest is `general`.
   */
  function placeErrors(table, errors, assessment) {
    const placed = { byQuestion: new Map(), missing: [], general: [] };
    for (const error of errors || []) {
      const key = error.field ? questionForPointer(table, error.field) : null;
      if (!holdsValue(assessment, error.field)) {
        if (key) placed.missing.push(key);
        else placed.general.push(error.message);
        continue;
      }
      if (!key) {
        placed.general.push(error.field ? `${error.field}: ${error.message}` : error.message);
        continue;
      }
      if (!placed.byQuestion.has(key)) placed.byQuestion.set(key, []);
      placed.byQuestion.get(key).push(error.message);
    }
    return placed;
  }

  /** Is this question answered (a choice made or a number given)? The findings always are (none is an answer). */
  function isAnswered(table, key, values) {
    const question = table.byKey[key];
    if (!question || question.control === 'findings') return true;
    if (['number', 'duration'].includes(question.control)) return String(values[key] || '').trim() !== '';
    return values[key] !== undefined;
  }

  function unansweredRedFlags(table, values) {
    return table.redFlags.filter((flag) => values[flag] === undefined);
  }

  /** The red flags of a tier ("emergency", "sameDay", "withinTwoWeeks"), from the engine's redFlagUrgency. */
  function flagsOfUrgency(table, urgency) {
    return table.questions.filter((question) => question.control === 'redFlag' && question.urgency === urgency).map((question) => question.key);
  }

  /** Does the assessment answer any question of this section? */
  function answersSection(table, sectionId, assessment) {
    return table.questions.some((question) => question.section === sectionId && question.field in assessment);
  }

  // ---------- touch pickers: a range first, then the exact value ----------
  // Whole numbers only, each one exactly what the engine is sent (no range stands for a value). Each
  // picker's ranges follow the thresholds its field is compared with (`alignedTo`: the threshold and
  // which side of it a value is on), so no range holds values on both sides of one; tests/page/ holds
  // them to it.

  const range = (from, to) => Array.from({ length: Math.max(0, to - from + 1) }, (unused, index) => from + index);
  // Beyond the long-standing mark, months and years in whole weeks (4 months = 17 weeks).
  const LONG_WEEKS = [[13, 'months', 3], [17, 'months', 4], [22, 'months', 5], [26, 'months', 6], [39, 'months', 9],
    [52, 'year', 1], [104, 'years', 2], [156, 'years', 3], [260, 'years', 5], [520, 'years', 10]];
  const AGE_DECADES = [30, 40, 50, 70, 80, 90];
  const MAX_AGE = 120;

  function weekOptions(values) {
    return values.map((value) => ({ value: String(value), unit: 'weeks', label: ['weeks', { count: value }] }));
  }
  function longOptions(over) {
    return LONG_WEEKS.filter(([weeks]) => weeks > over).map(([weeks, key, count]) => ({ value: String(weeks), unit: 'weeks', label: [key, { count }] }));
  }

  const PICKERS = {
    // Ranges of ten years, split where the scope and the priority finding start.
    age: {
      alignedTo: [['adultAge', 'atLeast'], ['olderAge', 'atLeast']],
      bands(thresholds) {
        const starts = [...new Set([0, thresholds.adultAge, thresholds.olderAge, ...AGE_DECADES])].sort((a, b) => a - b);
        return starts.map((from, index) => {
          const to = index === starts.length - 1 ? MAX_AGE : starts[index + 1] - 1;
          return {
            label: index === 0 ? ['rangeUnder', { to: to + 1 }] : index === starts.length - 1 ? ['rangeOver', { from }] : ['rangeFromTo', { from, to }],
            options: range(from, to).map((value) => ({ value: String(value), label: ['number', { count: value }] })),
          };
        });
      },
    },
    // Days in the first week, then weeks up to the 6-week mark of conservative care and on to the
    // long-standing mark, then months and years.
    duration: {
      alignedTo: [['subacuteWeeks', 'over'], ['longStandingWeeks', 'over']],
      bands(thresholds) {
        const long = thresholds.longStandingWeeks;
        const mark = thresholds.conservativeWeeks;
        return [
          { label: ['durationUnderWeek'], options: [{ value: '0', unit: 'days', label: ['today'] }]
            .concat(range(1, 6).map((value) => ({ value: String(value), unit: 'days', label: ['days', { count: value }] }))) },
          { label: ['rangeFromTo', { from: 1, to: 2 }, 'weeks'], options: weekOptions(range(1, 2)) },
          { label: ['rangeFromTo', { from: 3, to: mark }, 'weeks'], options: weekOptions(range(3, mark)) },
          { label: ['rangeFromTo', { from: mark + 1, to: long }, 'weeks'], options: weekOptions(range(mark + 1, long)) },
          { label: ['durationOverWeeks', { weeks: long }], options: longOptions(long) },
        ];
      },
    },
  };

  /** A picker's ranges, each with its exact choices. */
  function pickerBands(name, thresholds) {
    return PICKERS[name].bands(thresholds);
  }

  /** Weeks of care so far: whole weeks, never more than the episode's length. */
  function careOptions(maxWeeks, thresholds) {
    const long = thresholds.longStandingWeeks;
    const options = [{ value: '0', label: ['notStarted'] }];
    for (let weeks = 1; weeks <= Math.min(long, maxWeeks); weeks += 1) options.push({ value: String(weeks), label: ['weeks', { count: weeks }] });
    for (const option of longOptions(long)) if (Number(option.value) <= maxWeeks) options.push({ value: option.value, label: option.label });
    return options;
  }

  /** An option's value in the unit of the thresholds it is compared with (weeks, or years). */
  function optionNumber(option) {
    return option.unit === 'days' ? Number(option.value) / 7 : Number(option.value);
  }

  Radiculo.answers = {
    YES,
    NO,
    NOT_SURE,
    LAYOUT,
    PICKERS,
    questionTable,
    read,
    valuesFor,
    isAsked,
    sectionAsked,
    addableSections,
    isAnswered,
    unansweredRedFlags,
    flagsOfUrgency,
    answersSection,
    applicableFindings,
    episodeWeeks,
    durationParts,
    placeErrors,
    questionForPointer,
    holdsValue,
    readNumber,
    splitDuration,
    formatWeeks,
    pickerBands,
    careOptions,
    optionNumber,
  };
})();
