/* Radiculo: draws the engine's plan. Each line shows its kind (badge: colour, icon and word), its
 * text, its citation numbers linked to the reference list, and a "Why?" that reveals the rationale,
 * the basis and the evidence notes. An emergency, check-now or urgent triage comes first, as an alert. */
(function () {
  'use strict';

  const Radiculo = (window.Radiculo = window.Radiculo || {});
  const { element, icon, fill } = Radiculo.dom;
  const wordsFor = Radiculo.words.forAudience;
  const TRIAGE_ICONS = {
    emergency: 'emergency', 'check-now': 'emergency', urgent: 'urgent', priority: 'clock', incomplete: 'incomplete',
    'out-of-scope': 'info', reassess: 'reassess', conservative: 'do',
  };

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

  // Where guidelines differ or conflict it is said beside the line, not only under "Why?".
  const DISAGREEING = ['differs', 'conflicts'];
  const disagreeing = (note) => DISAGREEING.includes(note.stance);

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
    const plain = (line.evidenceNotes || []).filter(disagreeing);
    const inWhy = (line.evidenceNotes || []).filter((note) => !plain.includes(note));
    const notes = inWhy.map((note) => element('li', { className: 'note', 'data-note-stance': note.stance }, [
      ...noteText(note),
      note.citations && note.citations.length ? ' ' : null,
      citationLinks(note.citations, words),
    ]));
    // "Why?" is named after its line for screen readers ("Why? Stay active; no bed rest").
    // Its own wording only: a line with no short wording for this reader is named by its text (a
    // patient never gets the clinician's shorthand).
    const name = shortOf(line, words) || line.text;
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

  /** A line's short wording as the engine filled it for this plan (the content's, for a plan without it). */
  function shortOf(line, words) {
    return line.short || words.lineShort(line.id);
  }

  /** Patients: the short actions of the plan, in its order ("What you can do"). */
  function actionList(lines, words, className) {
    const items = lines.filter((line) => shortOf(line, words) && line.id !== SAFETY_NET && line.kind !== 'caution');
    if (!items.length) return null;
    return element('ul', { className }, items.map((line, index) => element('li', {
      'data-action': line.id, 'data-first-action': index === 0 ? '' : undefined,
    }, [shortOf(line, words)])));
  }

  /**
   * Patients: the cautions of the plan (medicines at the person's age, with other sedating
   * medicines, in pregnancy), short, under "What you can do" ("Take care with medicines"): never
   * only in the folded detail.
   */
  function cautionList(lines, words, className) {
    const items = lines.filter((line) => shortOf(line, words) && line.id !== SAFETY_NET && line.kind === 'caution');
    if (!items.length) return null;
    return element('ul', { className }, items.map((line) => element('li', { 'data-caution': line.id }, [shortOf(line, words)])));
  }

  /** "When to get help": the safety net as short lists by urgency, this person's (the engine's
   * tiers on the safety-net line: the same re-triage as "what would change", one text with the line's). */
  function safetyNetList(lines, words, className) {
    const line = lines.find((entry) => entry.id === SAFETY_NET);
    const tiers = (line && line.safetyNet) || [];
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
      const tags = (line.evidenceNotes || []).filter(disagreeing);
      const node = element('li', { 'data-summary-id': line.id, 'data-first-action': first ? '' : undefined }, [
        element('a', { href: `#rec-${line.id}`, className: 'summary__line', 'data-line-link': line.id }, [shortOf(line, words) || line.text]),
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
   * links: questions named in it link to their question on the page (not in print). returnEarly:
   * false where the person's safety net is already printed (the same re-triage, the same signs).
   */
  function whatWouldChangeBlock(plan, words, links, returnEarly = true) {
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
    const early = (returnEarly && change.returnEarly) || [];
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

  /**
   * Renders a plan into `body`; `section` (the plan container) gets data-triage.
   * Patients: the triage as a care card, then what to do (short actions), then when to get help (the
   * safety net as a list), then every line with its reasons and sources, folded away.
   * Clinicians: the triage, a summary by Do / Consider / Caution / Avoid / Safety net (one short line
   * each, guideline conflicts tagged), then every line.
   * Returns { changed, alerted, label, count }: alerted when an alert was (re)raised.
   */
  function render(section, body, plan, content, audience) {
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
      const cautions = cautionList(lines, words, 'cautions');
      const safety = safetyNetList(lines, words, 'safety');
      nodes = [
        banner,
        plan.triage === 'incomplete' ? change : null,
        actions || cautions ? element('section', { className: 'care-section care-section--actions', 'aria-labelledby': 'actions-title' }, [
          element('h3', { className: 'plan__subtitle', id: 'actions-title' }, [words.ui(alert ? 'whatToDoNow' : 'recommendationsTitle')]),
          actions,
          cautions ? element('h4', { className: 'cautions__title', id: 'cautions-title' }, [words.ui('takeCareTitle')]) : null,
          cautions,
        ]) : null,
        safety ? element('section', { className: 'care-section care-section--safety', 'aria-labelledby': 'safety-title', 'data-safety-net': '' }, [
          element('h3', { className: 'plan__subtitle', id: 'safety-title' }, [words.ui('safetyNetTitle')]),
          safety,
        ]) : null,
        Radiculo.optionsView ? Radiculo.optionsView.planBlock(plan, words) : null, // loaded by app.js for a plan that has options
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
        Radiculo.optionsView ? Radiculo.optionsView.planBlock(plan, words) : null, // loaded by app.js for a plan that has options
        element('h3', { className: 'plan__subtitle' }, [words.ui(alert ? 'whatToDoNow' : 'recommendationsTitle')]),
        fullLines,
        plan.triage === 'incomplete' ? null : change,
        refs,
      ];
    }
    body.replaceChildren(...nodes.filter(Boolean));
    section.setAttribute('data-triage', plan.triage);
    section.removeAttribute('data-state');
    return { changed: previousTriage !== plan.triage, alerted: alert && !same, label: plan.triageLabel, count: lines.length };
  }

  /**
   * A citation opens its reference in place, under the line, with a way back to where it was.
   * (The numbers still link to the list at the end, for printing and without this script.)
   */
  function openCitation(link, plan, content, audience) {
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
  }

  /** Before a plan can be made: what is still needed, and any answer to check. */
  function renderWaiting(section, body, needed, content, audience) {
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
  }

  Radiculo.planView = {
    render, renderWaiting, openCitation,
    // The print sheet (print-sheet.js), the options comparison (options-view.js) and the
    // intended-use page (about.js) draw these parts the same way.
    citationLinks, actionList, cautionList, safetyNetList, whatWouldChangeBlock, referenceItem, referenceSource, disagreeing,
  };
})();
