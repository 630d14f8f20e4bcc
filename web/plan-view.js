/* Radiculo: draws the engine's plan. Each line shows its kind (badge: colour, icon and word), its
 * text, its citation numbers linked to the reference list, and a "Why?" that reveals the rationale,
 * the basis and the evidence notes. An emergency or urgent triage comes first, as an alert. */
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
    incomplete: ['M9 9a3 3 0 1 1 4.5 2.6c-1 .6-1.5 1.2-1.5 2.4', 'M12 17.6v.4', 'M12 2.5a9.5 9.5 0 1 0 0 19a9.5 9.5 0 1 0 0-19z'],
    reassess: ['M19.5 12a7.5 7.5 0 1 1-2.2-5.3', 'M19.5 4v4.5H15'],
    info: ['M12 2.5a9.5 9.5 0 1 0 0 19a9.5 9.5 0 1 0 0-19z', 'M12 11v6', 'M12 7.6v.4'],
  };
  const TRIAGE_ICONS = {
    emergency: 'urgent', urgent: 'urgent', incomplete: 'incomplete',
    'out-of-scope': 'info', reassess: 'reassess', conservative: 'do',
  };
  const ALERT_TRIAGES = ['emergency', 'urgent'];

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

  function recommendationItem(line, words, open) {
    const notes = (line.evidenceNotes || []).map((note) => element('li', { className: 'note' }, [
      element('span', { className: `stance stance--${note.stance}` }, [words.stance(note.stance)]),
      ' ',
      note.text,
      note.citations && note.citations.length ? ' ' : null,
      citationLinks(note.citations, words),
    ]));
    const why = element('details', { className: 'why', open: open || undefined }, [
      element('summary', { className: 'why__summary' }, [words.ui('why')]),
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
    return element('li', { className: `rec rec--${line.kind}`, 'data-rec-id': line.id, 'data-kind': line.kind }, [
      element('span', { className: `badge badge--${line.kind}` }, [icon(line.kind), words.kind(line.kind)]),
      element('div', { className: 'rec__body' }, [
        element('p', { className: 'rec__text' }, [line.text]),
        sources ? element('p', { className: 'rec__sources' }, [words.ui('sources'), ' ', sources]) : null,
        why,
      ]),
    ]);
  }

  function referenceItem(reference, words) {
    const title = reference.url
      ? element('a', { href: reference.url, target: '_blank', rel: 'noopener noreferrer' }, [
        reference.title,
        element('span', { className: 'visually-hidden' }, [` ${words.ui('opensNewWindow')}`]),
      ])
      : element('span', {}, [reference.title]);
    return element('li', { className: 'ref', id: `ref-${reference.number}`, value: String(reference.number), tabindex: '-1' }, [
      element('p', { className: 'ref__title' }, [
        element('strong', {}, [title]),
        reference.beyondSource ? ' ' : null,
        reference.beyondSource ? element('span', { className: 'ref__beyond' }, [words.ui('beyondSource')]) : null,
      ]),
      element('p', { className: 'ref__meta' }, [`${reference.publisher}, ${reference.year}. ${reference.kind}.`]),
      reference.description ? element('p', { className: 'ref__description' }, [reference.description]) : null,
    ]);
  }

  function unansweredBlock(plan, words) {
    const unanswered = plan.unanswered || [];
    if (plan.triage !== 'incomplete' || unanswered.length === 0) return null;
    const ifYes = new Map();
    const change = plan.whatWouldChange;
    for (const entry of (change && change.askNext) || []) ifYes.set(entry.flag, entry.triageIfYes);
    const ordered = unanswered.slice().sort((a, b) => (ifYes.has(a) ? 0 : 1) - (ifYes.has(b) ? 0 : 1));
    return element('div', { className: 'unanswered' }, [
      element('p', { className: 'unanswered__title' }, [words.ui('planUnanswered')]),
      element('ul', { className: 'unanswered__list' }, ordered.map((flag) => element('li', {}, [
        element('a', { href: `#q-${flag}`, 'data-focus-question': flag }, [words.short(flag)]),
        ifYes.has(flag)
          ? element('span', { className: `if-yes if-yes--${ifYes.get(flag)}` }, [
            `${words.ui('ifYes')} `, element('strong', {}, [words.triage(ifYes.get(flag))]),
          ])
          : null,
      ]))),
    ]);
  }

  /**
   * Renders a plan into `body`; `section` (the plan container) gets data-triage.
   * Returns { changed } telling whether the triage changed since the last render.
   */
  Radiculo.renderPlan = function renderPlan(section, body, plan, content, audience) {
    const words = wordsFor(content, audience);
    const previousTriage = section.getAttribute('data-triage');
    const open = new Set(Array.from(body.querySelectorAll('[data-rec-id] details[open]'))
      .map((details) => details.closest('[data-rec-id]').getAttribute('data-rec-id')));
    const alert = ALERT_TRIAGES.includes(plan.triage);

    const lines = plan.recommendations || [];
    const fresh = element('div', {
      className: `triage triage--${plan.triage}`,
      role: alert ? 'alert' : undefined,
      id: 'triage',
    }, [
      element('p', { className: 'triage__label' }, [icon(TRIAGE_ICONS[plan.triage]), words.triage(plan.triage)]),
      element('p', { className: 'triage__headline' }, [plan.headline]),
    ]);
    // Keep the same banner while it says the same thing, so an alert is announced once, not on every answer.
    const current = body.querySelector('#triage');
    const banner = current && current.isEqualNode(fresh) ? current : fresh;
    const references = plan.references || [];
    const nodes = [
      banner,
      unansweredBlock(plan, words),
      element('h3', { className: 'plan__subtitle' }, [words.ui(alert ? 'whatToDoNow' : 'recommendationsTitle')]),
      lines.length
        ? element('ol', { className: 'recs' }, lines.map((line) => recommendationItem(line, words, open.has(line.id))))
        : element('p', { className: 'recs__none' }, [words.ui('noRecommendations')]),
      references.length ? element('section', { className: 'refs', 'aria-labelledby': 'refs-title' }, [
        element('h3', { className: 'plan__subtitle', id: 'refs-title' }, [words.ui('references')]),
        element('ol', { className: 'refs__list' }, references.map((reference) => referenceItem(reference, words))),
      ]) : null,
    ];
    body.replaceChildren(...nodes.filter(Boolean));
    section.setAttribute('data-triage', plan.triage);
    section.removeAttribute('data-state');
    return { changed: previousTriage !== plan.triage, label: words.triage(plan.triage), count: lines.length };
  };

  /** Before a plan can be made: what is still needed, and any answer to check. */
  Radiculo.renderWaiting = function renderWaiting(section, body, needed, content, audience) {
    const words = wordsFor(content, audience);
    const items = [];
    if (needed.redFlagsLeft > 0) {
      items.push(element('li', {}, [element('a', { href: '#section-red-flags', 'data-focus-question': needed.firstRedFlag }, [
        fill(words.ui('planRedFlagsLeft'), { count: needed.redFlagsLeft }),
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
})();
