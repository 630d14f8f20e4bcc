/* Radiculo: the engine's content read for one audience (patient or clinician wording), and the
 * content's dates as the person's language writes them. Every part of the page words itself here. */
(function () {
  'use strict';

  const Radiculo = (window.Radiculo = window.Radiculo || {});
  const { fill } = Radiculo.dom;

  /** Words for one audience: ui labels and the content's labelled tables. */
  function forAudience(content, audience) {
    const pick = (value) => (value && typeof value === 'object' ? value[audience] || value.clinician || '' : value || '');
    return {
      ui: (key) => pick(content.ui && content.ui[key]),
      triage: (id) => pick(content.triages && content.triages[id]) || id,
      kind: (id) => pick(content.kinds && content.kinds[id]) || id,
      stance: (id) => pick(content.stances && content.stances[id]) || id,
      short: (key) => {
        const question = content.questions && content.questions[key];
        return (question && pick(question).short) || key;
      },
      question: (key) => {
        const question = content.questions && content.questions[key];
        return (question && pick(question)) || { text: key, help: '', short: key };
      },
      recommendation: (id) => {
        const words = content.recommendations && content.recommendations[id];
        return (words && pick(words)) || id;
      },
      /** A line's kind in words; for patients a line may say what it means ("Not needed now"). */
      lineKind: (line) => {
        const words = content.recommendations && content.recommendations[line.id];
        const label = words && words.label && words.label[audience];
        return label || pick(content.kinds && content.kinds[line.kind]) || line.kind;
      },
      /** A line's short wording for this audience ('' when it has none: for patients, not an action). */
      lineShort: (id) => {
        const words = content.recommendations && content.recommendations[id];
        return (words && words.short && words.short[audience]) || '';
      },
      pick,
      audience,
      content,
    };
  }

  /** 'YYYY-MM-DD' as a date in the content's language (the day as written, whatever the time zone). */
  function formatDate(iso, content) {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(iso || ''));
    if (!match) return String(iso || '');
    const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
    try {
      return date.toLocaleDateString(content.language || 'en', { day: 'numeric', month: 'long', year: 'numeric' });
    } catch (error) {
      return String(iso);
    }
  }

  /** Today as 'YYYY-MM-DD', in this device's time zone. */
  function todayIso(now) {
    const date = now || new Date();
    const two = (number) => String(number).padStart(2, '0');
    return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
  }

  /** "This content was due for review on <date>." once reviewDue has passed, else ''. */
  function reviewOverdueText(content, audience) {
    if (!content.reviewDue || !(content.reviewDue < todayIso())) return '';
    return fill(forAudience(content, audience || content.defaults.audience).ui('reviewOverdue'), { date: formatDate(content.reviewDue, content) });
  }

  Radiculo.words = { forAudience, formatDate, todayIso, reviewOverdueText };
})();
