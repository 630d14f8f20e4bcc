/* Radiculo: draws the engine's plan. Each line shows its kind (badge: colour, icon and word), its
 * text, its citation numbers linked to the reference list, and a "Why?" that reveals the rationale,
 * the basis and the evidence notes. An emergency, check-now or urgent triage comes first, as an alert. */
(function () {
  'use strict';

  const Radiculo = (window.Radiculo = window.Radiculo || {});
  const SVG = 'http://www.w3.org/2000/svg';

  // Small stroke icons (24 x 24), drawn inline: no extra request, and colour comes from the text.
  const ICONS = {
    do: ['M4.5 12.5l5 5L19.5 7'],
    consider: ['M4 12h15', 'M13 6l6 6-6 6'],
    avoid: ['M12 3.5a8.5 8.5 0 1 0 0 17a8.5 8.5 0 1 0 0-17z', 'M6 6l12 12'],
    caution: ['M12 3.5L2.5 20.5h19z', 'M12 10v5', 'M12 17.6v.4'],
    urgent: ['M12 3.5a8.5 8.5 0 1 0 0 17a8.5 8.5 0 1 0 0-17z', 'M12 7.5v6', 'M12 16.2v.4'],
    emergency: ['M12 2.5L21.5 12L12 21.5L2.5 12z', 'M12 7.5v6', 'M12 16.2v.4'],
    clock: ['M12 3.5a8.5 8.5 0 1 0 0 17a8.5 8.5 0 1 0 0-17z', 'M12 7v5.5l3.5 2'],
    incomplete: ['M9 9a3 3 0 1 1 4.5 2.6c-1 .6-1.5 1.2-1.5 2.4', 'M12 17.6v.4', 'M12 2.5a9.5 9.5 0 1 0 0 19a9.5 9.5 0 1 0 0-19z'],
    reassess: ['M19.5 12a7.5 7.5 0 1 1-2.2-5.3', 'M19.5 4v4.5H15'],
    info: ['M12 2.5a9.5 9.5 0 1 0 0 19a9.5 9.5 0 1 0 0-19z', 'M12 11v6', 'M12 7.6v.4'],
  };
  const TRIAGE_ICONS = {
    emergency: 'emergency', 'check-now': 'emergency', urgent: 'urgent', priority: 'clock', incomplete: 'incomplete',
    'out-of-scope': 'info', reassess: 'reassess', conservative: 'do',
  };

  function icon(name) {
    const svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('class', 'icon');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    for (const d of ICONS[name] || ICONS.info) {
      const path = document.createElementNS(SVG, 'path');
      path.setAttribute('d', d);
      svg.appendChild(path);
    }
    return svg;
  }

  function element(tag, attributes, children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (name === 'text') node.textContent = value;
      else if (name === 'className') node.className = value;
      else node.setAttribute(name, value === true ? '' : value);
    }
    for (const child of children || []) {
      if (child === null || child === undefined || child === false) continue;
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    }
    return node;
  }

  function fill(template, values) {
    return String(template || '').replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
  }

  /** Words for the current audience: ui labels and the content's labelled tables. */
  function wordsFor(content, audience) {
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

  function citationLinks(numbers, words) {
    if (!numbers || numbers.length === 0) return null;
    const links = [];
    numbers.forEach((number, index) => {
      if (index > 0) links.push(' ');
      links.push(element('a', {
        className: 'cite',
        href: `#ref-${number}`,
        'aria-label': fill(words.ui('referenceNumber'), { number }),
      }, [String(number)]));
    });
    return element('span', { className: 'cites' }, links);
  }

  function labelled(label, text) {
    return element('p', {}, [element('strong', {}, [label]), ' ', text]);
  }

  const DISAGREEING = ['differs', 'conflicts'];

  /** A note as the engine words it: its stance label (absent where the text opens with it), then its text. */
  function noteText(note) {
    return [
      note.label ? element('span', { className: `stance stance--${note.stance}` }, [note.label]) : null,
      note.label ? ' ' : null,
      note.text,
    ];
  }

  function recommendationItem(line, words, open) {
    // Where guidelines differ or conflict it is said at once, beside the line, in both wordings
    // (clinicians can act on it); every other note (stance, text, citations) is under "Why?".
    const plain = (line.evidenceNotes || []).filter((note) => DISAGREEING.includes(note.stance));
    const inWhy = (line.evidenceNotes || []).filter((note) => !plain.includes(note));
    const notes = inWhy.map((note) => element('li', { className: 'note', 'data-note-stance': note.stance }, [
      ...noteText(note),
      note.citations && note.citations.length ? ' ' : null,
      citationLinks(note.citations, words),
    ]));
    // "Why?" is named after its line for screen readers ("Why? Stay active; no bed rest").
    const name = words.lineShort(line.id) || words.pick(((words.content.recommendations || {})[line.id] || {}).short) || line.text;
    const why = element('details', { className: 'why', open: open || undefined }, [
      element('summary', { className: 'why__summary' }, [
        element('span', {}, [words.ui('why')]),
        element('span', { className: 'visually-hidden' }, [` ${name}`]),
      ]),
      element('div', { className: 'why__body', 'data-why': '' }, [
        labelled(words.ui('whyApplies'), line.rationale),
        labelled(words.ui('basis'), line.basis),
        notes.length ? element('div', { className: 'notes' }, [
          element('p', {}, [element('strong', {}, [words.ui('otherSources')])]),
          element('ul', { className: 'notes__list' }, notes),
        ]) : null,
      ]),
    ]);
    const sources = citationLinks(line.citations, words);
    return element('li', { className: `rec rec--${line.kind}`, 'data-rec-id': line.id, 'data-kind': line.kind, id: `rec-${line.id}`, tabindex: '-1' }, [
      element('span', { className: `badge badge--${line.kind}` }, [icon(line.kind), words.lineKind(line)]),
      element('div', { className: 'rec__body' }, [
        element('p', { className: 'rec__text' }, [line.text]),
        ...plain.map((note) => element('p', { className: `rec__note rec__note--${note.stance}`, 'data-note-stance': note.stance }, [
          ...noteText(note),
          note.citations && note.citations.length ? ' ' : null,
          citationLinks(note.citations, words),
        ])),
        sources ? element('p', { className: 'rec__sources' }, [words.ui('sources'), ' ', sources]) : null,
        why,
      ]),
    ]);
  }

  /** Patients: the short actions of the plan, in its order ("What you can do"). */
  function actionList(lines, words, className) {
    const items = lines.filter((line) => words.lineShort(line.id) && line.id !== SAFETY_NET);
    if (!items.length) return null;
    return element('ul', { className }, items.map((line, index) => element('li', {
      'data-action': line.id, 'data-first-action': index === 0 ? '' : undefined,
    }, [words.lineShort(line.id)])));
  }

  /** "When to get help": the safety-net line as a short bulleted list (content: its safetyNet). */
  function safetyNetList(lines, words, className) {
    const line = lines.find((entry) => entry.id === SAFETY_NET);
    const words_ = line && ((words.content.recommendations || {})[SAFETY_NET] || {}).safetyNet;
    const tiers = (words_ && words_[words.audience]) || [];
    if (!tiers.length) return null;
    return element('div', { className }, tiers.map((tier) => element('div', { className: `safety__tier safety__tier--${tier.when}`, 'data-safety': tier.when }, [
      element('p', { className: 'safety__lead' }, [tier.lead]),
      element('ul', { className: 'safety__items' }, tier.items.map((item) => element('li', {}, [item]))),
      tier.note ? element('p', { className: 'safety__note' }, [tier.note]) : null,
    ])));
  }

  // Clinicians: the plan in 10 seconds, one short line each, by what to do with it.
  const SUMMARY_GROUPS = [
    ['summaryActNow', ['emergency', 'urgent']], ['summaryDo', ['do']], ['summaryConsider', ['consider']],
    ['summaryCaution', ['caution']], ['summaryAvoid', ['avoid']],
  ];
  const SAFETY_NET = 'seek-care-if-red-flags';

  function summaryBlock(lines, words) {
    const rows = [];
    let first = true;
    const item = (line) => {
      const tags = (line.evidenceNotes || []).filter((note) => DISAGREEING.includes(note.stance));
      const node = element('li', { 'data-summary-id': line.id, 'data-first-action': first ? '' : undefined }, [
        element('a', { href: `#rec-${line.id}`, className: 'summary__line', 'data-line-link': line.id }, [words.lineShort(line.id) || line.text]),
        ...tags.map((note) => element('span', { className: `summary__tag stance stance--${note.stance}`, 'data-note-stance': note.stance }, [words.stance(note.stance)])),
      ]);
      first = false;
      return node;
    };
    for (const [label, kinds] of SUMMARY_GROUPS) {
      const group = lines.filter((line) => kinds.includes(line.kind) && line.id !== SAFETY_NET);
      if (group.length) rows.push(element('dt', {}, [words.ui(label)]), element('dd', {}, [element('ul', {}, group.map(item))]));
    }
    const net = lines.find((line) => line.id === SAFETY_NET);
    if (net) rows.push(element('dt', {}, [words.ui('safetyNetTitle')]), element('dd', {}, [element('ul', {}, [item(net)])]));
    if (!rows.length) return null;
    return element('section', { className: 'summary', 'data-plan-summary': '', 'aria-labelledby': 'summary-title' }, [
      element('h3', { className: 'summary__title', id: 'summary-title' }, [words.ui('summaryTitle')]),
      element('dl', { className: 'summary__groups' }, rows),
    ]);
  }

  /** "Publisher, year" (the year is left out for a living page that has none); the publisher's
   * name is in the document's own language, marked as its title is. */
  function referenceSource(reference, pageLanguage) {
    const foreign = reference.titleLanguage && reference.titleLanguage !== pageLanguage ? reference.titleLanguage : undefined;
    return [element('span', { lang: foreign }, [reference.publisher]), reference.year ? `, ${reference.year}` : ''];
  }

  function referenceItem(reference, words, idPrefix, plain) {
    // The document's own title, in its own language (marked, so screen readers read it right).
    const titleLanguage = reference.titleLanguage && reference.titleLanguage !== words.content.language ? reference.titleLanguage : undefined;
    const title = reference.url && !plain
      ? element('a', { href: reference.url, target: '_blank', rel: 'noopener noreferrer' }, [
        element('span', { lang: titleLanguage }, [reference.title]),
        element('span', { className: 'visually-hidden' }, [` ${words.ui('opensNewWindow')}`]),
      ])
      : element('span', { lang: titleLanguage }, [reference.title]);
    return element(plain ? 'div' : 'li', { className: 'ref', id: plain ? undefined : `${idPrefix || 'ref-'}${reference.number}`, value: plain ? undefined : String(reference.number), tabindex: '-1' }, [
      element('p', { className: 'ref__title' }, [
        element('strong', {}, [title]),
        reference.beyondSource ? ' ' : null,
        reference.beyondSource ? element('span', { className: 'ref__beyond' }, [words.ui('beyondSource')]) : null,
      ]),
      element('p', { className: 'ref__meta' }, [...referenceSource(reference, words.content.language), `. ${reference.kind}.`]),
      reference.description ? element('p', { className: 'ref__description' }, [reference.description]) : null,
    ]);
  }

  function triageWord(triage, label) {
    return element('strong', { className: `triage-word triage-word--${triage}` }, [label]);
  }

  /**
   * "What would change this": the engine's plan.whatWouldChange, placed as the engine words it.
   * links: questions named in it link to their question on the page (not in print).
   */
  function whatWouldChangeBlock(plan, words, links) {
    const change = plan.whatWouldChange || {};
    const parts = [];
    // An incomplete plan also lists the other open questions it waits for (the age, say).
    const askNext = (change.askNext || []).concat((change.alsoUnanswered || []).map((entry) => ({ flag: entry.key, label: entry.label })));
    if (askNext.length) {
      parts.push(element('p', { className: 'wwc__lead' }, [words.ui(plan.triage === 'incomplete' ? 'planUnanswered' : 'askNextTitle')]));
      parts.push(element('ul', { className: 'wwc__ask', 'data-wwc': 'askNext' }, askNext.map((entry) => element('li', {
        'data-flag': entry.flag, 'data-triage-if-yes': entry.triageIfYes,
      }, [
        links
          ? element('a', { href: `#q-${entry.flag}`, 'data-focus-question': entry.flag }, [entry.label])
          : element('span', { className: 'wwc__flag' }, [entry.label]),
        entry.triageIfYes
          ? element('span', { className: `if-yes if-yes--${entry.triageIfYes}` }, [`${words.ui('ifYes')} `, triageWord(entry.triageIfYes, entry.triageIfYesLabel)])
          : null,
      ]))));
    }
    if (change.range) {
      parts.push(element('p', { className: 'wwc__range', 'data-wwc': 'range', 'data-best': change.bestTriage, 'data-worst': change.worstTriage }, [change.range]));
    }
    if (change.reassessIn) parts.push(element('p', { className: 'wwc__when', 'data-wwc': 'reassessInWeeks' }, [change.reassessIn]));
    if (change.ifNotImproving) parts.push(element('p', { className: 'wwc__when', 'data-wwc': 'ifNotImproving' }, [change.ifNotImproving]));
    const early = change.returnEarly || [];
    if (early.length) {
      parts.push(element('p', { className: 'wwc__lead' }, [words.ui('returnEarlyTitle')]));
      parts.push(element('ul', { className: 'wwc__groups', 'data-wwc': 'returnEarlyIf' }, early.map((group) =>
        element('li', { className: `wwc__group wwc__group--${group.triage}`, 'data-triage': group.triage }, [
          triageWord(group.triage, group.triageLabel), ' ',
          element('span', { className: 'wwc__flags' }, [group.flags]),
        ]))));
    }
    // Clinicians: why a procedure candidate's plan has no injection line.
    if ((change.injectionReasons || []).length && words.audience === 'clinician') {
      parts.push(element('p', { className: 'wwc__lead' }, [words.ui('injectionAbsentTitle')]));
      parts.push(element('ul', { className: 'wwc__reasons', 'data-wwc': 'injectionNotOffered' },
        change.injectionReasons.map((reason, index) => element('li', { 'data-reason': change.injectionNotOffered[index] }, [reason]))));
    }
    const whatIf = change.whatIf || [];
    if (whatIf.length) {
      const recList = (ids, className) => element('ul', { className }, ids.map((id) => element('li', { 'data-rec': id }, [words.recommendation(id)])));
      parts.push(element('p', { className: 'wwc__lead' }, [words.ui('whatIfTitle')]));
      parts.push(element('ul', { className: 'wwc__whatif', 'data-wwc': 'whatIf' }, whatIf.map((entry) => element('li', { className: 'wwc__case' }, [
        element('p', { className: 'wwc__change' }, [entry.text, entry.triageText ? ` (${entry.triageText})` : null]),
        (entry.adds || []).length ? element('p', { className: 'wwc__delta wwc__delta--adds' }, [words.ui('whatIfAdds')]) : null,
        (entry.adds || []).length ? recList(entry.adds, 'wwc__recs wwc__recs--adds') : null,
        (entry.removes || []).length ? element('p', { className: 'wwc__delta wwc__delta--removes' }, [words.ui('whatIfRemoves')]) : null,
        (entry.removes || []).length ? recList(entry.removes, 'wwc__recs wwc__recs--removes') : null,
      ]))));
    }
    if (parts.length === 0) return null;
    return element('section', { className: `wwc wwc--${plan.triage}`, 'data-what-would-change': plan.triage }, [
      element('h3', { className: 'plan__subtitle wwc__title' }, [words.ui('whatWouldChangeTitle')]),
      ...parts,
    ]);
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

  function todayIso(now) {
    const date = now || new Date();
    const two = (number) => String(number).padStart(2, '0');
    return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
  }

  /** "This content was due for review on <date>." once reviewDue has passed, else ''. */
  function reviewOverdueText(content, audience) {
    if (!content.reviewDue || !(content.reviewDue < todayIso())) return '';
    return fill(wordsFor(content, audience || 'clinician').ui('reviewOverdue'), { date: formatDate(content.reviewDue, content) });
  }

  /** The aid's address: this page without query or fragment (kiosk flags and the like stay out). */
  function aidAddress() {
    return String(window.location.href).split(/[?#]/)[0];
  }

  /** From a file (the one-file copy) the address is a local path, often with a user name: never
   * printed; the copy's build version (data-one-file) instead, and no about.html line. */
  function fromFile() {
    return window.location.protocol === 'file:' || document.documentElement.hasAttribute('data-one-file');
  }

  function aboutAddress() {
    try {
      return new URL('about.html', aidAddress()).href;
    } catch (error) {
      return 'about.html';
    }
  }

  /** clinic.js's "call <number> now" box, for the printout (unmarked: the screen keeps the one box). */
  function printCallNow(triage, words) {
    const box = Radiculo.callNowBox ? Radiculo.callNowBox(triage, words) : null;
    if (box) box.removeAttribute('data-call-now');
    return box;
  }

  /**
   * The take-home plan: a page of its own, shown only in print (print.css), rebuilt with every plan
   * so that page.pdf() and the browser's Print both get the current plan. Lives inside the plan's
   * body, so "Start again" clears it with the plan.
   */
  function printSheet(plan, content, words) {
    const settings = Radiculo.settings || {};
    const alert = plan.alert;
    const lines = plan.recommendations || [];
    const cites = (numbers) => (numbers && numbers.length ? ` [${numbers.join(', ')}]` : '');
    const overdue = reviewOverdueText(content, words.audience);
    const intended = content.intendedUse && content.intendedUse.title;
    const patient = words.audience === 'patient';
    const actions = actionList(lines, words, 'print-sheet__actions');
    // Patients: the safety net as the short list on page 1. Clinicians: its full line, in the plan's order.
    const safety = patient ? safetyNetList(lines, words, 'print-sheet__safety') : null;
    return element('div', { className: 'print-sheet', 'data-print-sheet': '' }, [
      element('div', { className: 'print-sheet__head' }, [
        element('p', { className: 'print-sheet__title' }, [words.ui('printTitle')]),
        settings.clinicName ? element('p', { className: 'print-sheet__clinic' }, [
          settings.clinicName, settings.clinicContact ? ` · ${settings.clinicContact}` : '',
        ]) : null,
        element('p', { className: 'print-sheet__date' }, [fill(words.ui('printDate'), { date: formatDate(todayIso(), content) })]),
      ]),
      element('div', { className: `print-sheet__triage print-sheet__triage--${plan.triage}` }, [
        element('p', { className: 'print-sheet__triage-label' }, [plan.triageLabel]),
        element('p', {}, [plan.headline]),
        // Why this plan, once; each line then gives only its own reason.
        element('p', { className: 'print-sheet__reason' }, [element('strong', {}, [words.ui('whyApplies')]), ' ', plan.reason]),
      ]),
      printCallNow(plan.triage, words),
      // The same order as the screen: what to do, then when to get help, on page 1; then every line.
      patient && actions ? element('p', { className: 'print-sheet__subtitle' }, [words.ui(alert ? 'whatToDoNow' : 'recommendationsTitle')]) : null,
      patient ? actions : null,
      safety ? element('p', { className: 'print-sheet__subtitle' }, [words.ui('safetyNetTitle')]) : null,
      safety,
      element('p', { className: 'print-sheet__subtitle' }, [patient ? words.ui('moreAboutPlan') : words.ui(alert ? 'whatToDoNow' : 'recommendationsTitle')]),
      lines.length ? element('ol', { className: 'print-sheet__recs' }, lines.map((line) => element('li', { className: `print-rec print-rec--${line.kind}` }, [
        element('p', { className: 'print-rec__text' }, [element('span', { className: 'print-rec__kind' }, [words.lineKind(line)]), ' ', line.text, cites(line.citations)]),
        line.ownReason ? element('p', { className: 'print-rec__why' }, [element('strong', {}, [words.ui('whyApplies')]), ' ', line.ownReason]) : null,
        ...(line.evidenceNotes || [])
          .filter((note) => DISAGREEING.includes(note.stance))
          .map((note) => element('p', { className: 'print-rec__note' }, [
            note.label ? element('strong', {}, [`${note.label}:`]) : null,
            note.label ? ' ' : null, note.text, cites(note.citations),
          ])),
      ]))) : element('p', {}, [words.ui('noRecommendations')]),
      whatWouldChangeBlock(plan, words, false),
      element('p', { className: 'print-sheet__subtitle' }, [words.ui('printAnswersTitle')]),
      element('dl', { className: 'print-sheet__answers' }, (plan.answers || []).flatMap((row) => [
        element('dt', {}, [row.label]), element('dd', { 'data-answer': row.key }, [row.value]),
      ])),
      (plan.references || []).length ? element('p', { className: 'print-sheet__subtitle' }, [words.ui('references')]) : null,
      (plan.references || []).length ? element('ol', { className: 'print-sheet__refs' }, plan.references.map((reference) => element('li', { value: String(reference.number) }, [
        element('span', { lang: reference.titleLanguage && reference.titleLanguage !== content.language ? reference.titleLanguage : undefined }, [reference.title]),
        '. ', ...referenceSource(reference, content.language), '.',
        reference.beyondSource ? ` ${words.ui('beyondSource')}` : '',
        reference.url ? ` ${reference.url}` : '',
      ]))) : null,
      element('div', { className: 'print-sheet__foot' }, [
        element('p', { className: 'print-sheet__disclaimer' }, [
          (content.disclaimer && words.pick(content.disclaimer)) || '',
          plan.triage !== 'emergency' && content.emergencyAdvice ? ` ${words.pick(content.emergencyAdvice)}` : '',
        ]),
        overdue ? element('p', { className: 'print-sheet__overdue' }, [overdue]) : null,
        element('p', {}, [fill(words.ui('versions'), {
          contentVersion: content.contentVersion, contentReleased: content.contentReleased,
          reviewStatus: words.pick(content.reviewStatus),
          reviewDue: content.reviewDue, engineVersion: content.engineVersion,
        })]),
        content.translationReview ? element('p', {}, [fill(words.ui('translationReview'), { review: content.translationReview })]) : null,
        fromFile()
          ? element('p', {}, [fill(words.ui('printOneFile'), { version: document.documentElement.getAttribute('data-one-file') || content.engineVersion })])
          : element('p', {}, [fill(words.ui('printAddress'), { url: aidAddress() })]),
        intended && !fromFile() ? element('p', {}, [fill(words.ui('printAbout'), { title: words.pick(intended), url: aboutAddress() })]) : null,
      ]),
    ]);
  }

  /**
   * Renders a plan into `body`; `section` (the plan container) gets data-triage.
   * Patients: the triage as a care card, then what to do (short actions), then when to get help (the
   * safety net as a list), then every line with its reasons and sources, folded away.
   * Clinicians: the triage, a summary by Do / Consider / Caution / Avoid / Safety net (one short line
   * each, guideline conflicts tagged), then every line.
   * Returns { changed, alerted, label, count }: alerted when an alert was (re)raised.
   */
  Radiculo.renderPlan = function renderPlan(section, body, plan, content, audience) {
    const words = wordsFor(content, audience);
    const patient = audience === 'patient';
    const previousTriage = section.getAttribute('data-triage');
    const open = new Set(Array.from(body.querySelectorAll('[data-rec-id] details[open]'))
      .map((details) => details.closest('[data-rec-id]').getAttribute('data-rec-id')));
    const moreOpen = Boolean(body.querySelector('details.more[open]'));
    const alert = plan.alert;
    const lines = plan.recommendations || [];

    // The triage label is a heading, inside the alert; the headline beside it can change (another
    // answer) without the alert being raised again: once per triage, not on every answer.
    const current = body.querySelector('#triage');
    const label = [icon(TRIAGE_ICONS[plan.triage]), plan.triageLabel];
    let banner = current;
    const same = current && current.getAttribute('data-triage') === plan.triage && current.getAttribute('data-words') === `${audience} ${content.language}`;
    if (same) {
      const headline = current.querySelector('.triage__headline');
      if (headline.textContent !== plan.headline) headline.textContent = plan.headline;
    } else {
      banner = element('div', {
        className: `triage triage--${plan.triage}`, id: 'triage', 'data-triage': plan.triage, 'data-words': `${audience} ${content.language}`,
      }, [
        element('div', { className: 'triage__alert', role: alert ? 'alert' : undefined }, [
          element('h3', { className: 'triage__label', id: 'triage-label' }, label),
        ]),
        element('p', { className: 'triage__headline' }, [plan.headline]),
      ]);
    }
    const references = plan.references || [];
    // Incomplete: what to answer next comes first; otherwise after what to do.
    const change = whatWouldChangeBlock(plan, words, true);
    const fullLines = lines.length
      ? element('ol', { className: 'recs' }, lines.map((line) => recommendationItem(line, words, open.has(line.id))))
      : element('p', { className: 'recs__none' }, [words.ui('noRecommendations')]);
    const refs = references.length ? element('section', { className: 'refs', 'aria-labelledby': 'refs-title' }, [
      element('h3', { className: 'plan__subtitle', id: 'refs-title' }, [words.ui('references')]),
      element('ol', { className: 'refs__list' }, references.map((reference) => referenceItem(reference, words))),
    ]) : null;
    let nodes;
    if (patient) {
      const actions = actionList(lines, words, 'actions');
      const safety = safetyNetList(lines, words, 'safety');
      nodes = [
        banner,
        plan.triage === 'incomplete' ? change : null,
        actions ? element('section', { className: 'care-section care-section--actions', 'aria-labelledby': 'actions-title' }, [
          element('h3', { className: 'plan__subtitle', id: 'actions-title' }, [words.ui(alert ? 'whatToDoNow' : 'recommendationsTitle')]),
          actions,
        ]) : null,
        safety ? element('section', { className: 'care-section care-section--safety', 'aria-labelledby': 'safety-title', 'data-safety-net': '' }, [
          element('h3', { className: 'plan__subtitle', id: 'safety-title' }, [words.ui('safetyNetTitle')]),
          safety,
        ]) : null,
        element('details', { className: 'more', open: moreOpen || undefined }, [
          element('summary', { className: 'more__summary' }, [words.ui('moreAboutPlan')]),
          fullLines,
          plan.triage === 'incomplete' ? null : change,
          refs,
        ]),
      ];
    } else {
      nodes = [
        banner,
        plan.triage === 'incomplete' ? change : null,
        summaryBlock(lines, words),
        element('h3', { className: 'plan__subtitle' }, [words.ui(alert ? 'whatToDoNow' : 'recommendationsTitle')]),
        fullLines,
        plan.triage === 'incomplete' ? null : change,
        refs,
      ];
    }
    nodes.push(printSheet(plan, content, words));
    body.replaceChildren(...nodes.filter(Boolean));
    section.setAttribute('data-triage', plan.triage);
    section.removeAttribute('data-state');
    return { changed: previousTriage !== plan.triage, alerted: alert && !same, label: plan.triageLabel, count: lines.length };
  };

  /**
   * A citation opens its reference in place, under the line, with a way back to where it was.
   * (The numbers still link to the list at the end, for printing and without this script.)
   */
  Radiculo.openCitation = function openCitation(link, plan, content, audience) {
    const number = Number((link.getAttribute('href') || '').replace('#ref-', ''));
    const reference = ((plan && plan.references) || []).find((entry) => entry.number === number);
    const holder = link.closest('.rec__body, .note, .why__body') || link.parentNode;
    if (!reference || !holder) return false;
    const words = wordsFor(content, audience);
    const existing = holder.querySelector(`:scope > [data-cite-pop="${number}"]`);
    for (const other of link.closest('#plan-body').querySelectorAll('[data-cite-pop]')) other.remove();
    if (existing) { link.focus(); return true; }
    const kiosk = document.documentElement.classList.contains('kiosk');
    const backButton = element('button', { type: 'button', className: 'button button--quiet cite-pop__back' }, [words.ui('closeReference')]);
    // The reference as the list's item (its number shown), in a list of its own, with its own id.
    const item = referenceItem(reference, words, 'cite-pop-ref-', kiosk);
    const pop = element('div', { className: 'cite-pop', 'data-cite-pop': String(number), role: 'group', 'aria-label': fill(words.ui('referenceNumber'), { number }) }, [
      kiosk ? item : element('ol', { className: 'cite-pop__list' }, [item]),
      backButton,
    ]);
    backButton.addEventListener('click', () => { pop.remove(); link.focus(); });
    holder.appendChild(pop);
    pop.querySelector('.ref').focus();
    return true;
  };

  /** Before a plan can be made: what is still needed, and any answer to check. */
  Radiculo.renderWaiting = function renderWaiting(section, body, needed, content, audience) {
    const words = wordsFor(content, audience);
    const items = [];
    if (needed.redFlagsLeft > 0) {
      items.push(element('li', {}, [element('a', { href: '#section-red-flags', 'data-focus-question': needed.firstRedFlag }, [
        fill(words.ui('planRedFlagsLeft'), { count: needed.redFlagsLeft, total: needed.redFlagsTotal }),
      ])]));
    }
    for (const key of needed.missing) {
      items.push(element('li', {}, [element('a', { href: `#q-${key}`, 'data-focus-question': key }, [words.short(key)])]));
    }
    const nodes = [
      element('div', { className: 'triage triage--waiting' }, [
        element('p', { className: 'triage__headline' }, [words.ui('planWaiting')]),
      ]),
      needed.hasErrors ? element('p', { className: 'plan__problem' }, [words.ui('planFixAnswers')]) : null,
      ...needed.general.map((message) => element('p', { className: 'plan__problem' }, [message])),
      items.length ? element('div', { className: 'unanswered' }, [
        element('p', { className: 'unanswered__title' }, [words.ui('planStillNeeded')]),
        element('ul', { className: 'unanswered__list' }, items),
      ]) : null,
    ];
    body.replaceChildren(...nodes.filter(Boolean));
    const changed = section.hasAttribute('data-triage');
    section.removeAttribute('data-triage');
    section.setAttribute('data-state', 'waiting');
    return { changed, label: '', count: 0 };
  };

  Radiculo.planWords = wordsFor;
  Radiculo.fillTemplate = fill;
  Radiculo.element = element;
  Radiculo.icon = icon;
  Radiculo.referenceItem = referenceItem;
  Radiculo.formatDate = formatDate;
  Radiculo.reviewOverdueText = reviewOverdueText;
  Radiculo.aboutAddress = aboutAddress;
})();
