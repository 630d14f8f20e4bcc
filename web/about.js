/* Radiculo: "Intended use, inputs, logic, data and limits", generated from the engine's own content()
 * and schema() (no hand-copied second version): who it is for and not for, every question with how
 * its answer is checked, the triage rules in order, every recommendation with its trigger per triage,
 * the references, and the release, review and translation status.
 *
 * On the main page it opens in place, as a dialog, so the answers are never lost (loaded when its
 * footer link is first used: footer.js draws that link); about.html shows the same as a page of its
 * own (direct links, printing: about-page.js, which loads this file beside the engine). */
(function () {
  'use strict';

  const Radiculo = (window.Radiculo = window.Radiculo || {});
  const { byId, element, icon, fill } = Radiculo.dom;
  const { forAudience, reviewOverdueText } = Radiculo.words;
  const engine = () => Radiculo.engineClient.engine; // once loaded

  const INTENDED_USE = ['purpose', 'forWhom', 'notFor', 'pregnancy', 'dataUse', 'attributes', 'inputsChecked'];
  const AFTER_LOGIC = ['optionsComparison', 'limits', 'developer', 'funding'];

  /** Triages in the order the engine tries them: its own ladder (content().triageLadder), each with its rule. */
  function triageOrder(content) {
    const rules = content.triageRules || {};
    return (content.triageLadder || []).map((rung) => rung.id).filter((triage) => rules[triage]);
  }

  /** The schema node for one question of the questionnaire. */
  function schemaFor(schema, key, redFlagKeys) {
    const properties = (schema && schema.properties) || {};
    if (redFlagKeys.includes(key)) return ((properties.redFlags || {}).properties || {})[key];
    if (key === 'herniationContained') return ((properties.herniation || {}).properties || {}).contained;
    if (key === 'herniationLevel') return ((properties.herniation || {}).properties || {}).level;
    return properties[key];
  }

  /** How the engine checks one answer, in the page's language, from its JSON Schema. */
  function describeCheck(node, key, schema, words, redFlagKeys) {
    if (!node) return '';
    const parts = [];
    const types = [].concat(node.type || []);
    if (node.enum) parts.push(fill(words.ui('checkOneOf'), { values: node.enum.join(', ') }));
    else if (types.includes('boolean') && types.includes('null')) parts.push(words.ui('checkNullableBoolean'));
    else if (types.includes('boolean')) parts.push(words.ui('checkBoolean'));
    else if (types.includes('integer')) parts.push(words.ui('checkInteger'));
    else if (types.includes('number')) parts.push(words.ui('checkNumber'));
    if (typeof node.minimum === 'number' && typeof node.maximum === 'number') {
      parts.push(fill(words.ui('checkRange'), { min: node.minimum, max: node.maximum }));
    }
    if (!redFlagKeys.includes(key)) {
      const required = ((schema.anyOf || [])[0] || {}).required || [];
      parts.push(words.ui(required.includes(key) ? 'checkRequiredUnlessRedFlag' : 'checkOptional'));
    }
    return parts.join('; ');
  }

  function section(id, title, children) {
    return element('section', { className: 'about__section', 'data-about-section': id, 'aria-labelledby': `about-${id}` }, [
      element('h3', { className: 'about__heading', id: `about-${id}` }, [title]),
      ...children,
    ]);
  }

  function intendedUseSection(key, content, words) {
    return section(key, ((content.ui || {}).aboutSections || {})[key] || key, [
      element('p', {}, [words.pick(content.intendedUse[key])]),
    ]);
  }

  function inputsSection(content, schema, words) {
    const redFlagKeys = (content.redFlagGroups || []).flatMap((group) => group.flags);
    const others = Object.keys(content.questions || {}).filter((key) => !redFlagKeys.includes(key));
    const groupOf = new Map();
    for (const group of content.redFlagGroups || []) for (const flag of group.flags) groupOf.set(flag, group.group);
    const items = [...redFlagKeys, ...others].map((key) => {
      const question = words.question(key);
      const check = describeCheck(schemaFor(schema, key, redFlagKeys), key, schema, words, redFlagKeys);
      const group = groupOf.get(key);
      return element('li', { className: 'about__input', 'data-input': key }, [
        element('p', { className: 'about__question' }, [
          element('strong', {}, [question.text]),
          group ? ` (${words.ui('aboutRedFlag')}: ${words.pick(content.groups[group])})` : null,
        ]),
        question.help ? element('p', {}, [question.help]) : null,
        check ? element('p', { className: 'about__check' }, [element('strong', {}, [words.ui('checkLabel')]), ' ', check]) : null,
      ]);
    });
    return section('inputs', words.ui('aboutInputs'), [element('ul', { className: 'about__list' }, items)]);
  }

  function triageRulesSection(content, words) {
    return section('triageRules', words.ui('aboutTriageRules'), [
      element('ul', { className: 'about__rules' }, triageOrder(content).map((triage) =>
        element('li', { 'data-triage-rule': triage }, [words.pick(content.triageRules[triage])]))),
    ]);
  }

  function recommendationsSection(content, words) {
    const table = content.triageTable || {};
    const conditions = content.conditionDescriptions || {};
    const blocks = triageOrder(content).map((triage) => {
      const rows = table[triage] || [];
      return element('div', { className: 'about__triage', 'data-triage-rows': triage }, [
        element('h4', { className: 'about__subheading' }, [words.triage(triage)]),
        rows.length ? element('ul', { className: 'about__recs' }, rows.map((row) => {
          const citations = ((content.recommendations || {})[row.id] || {}).citations || [];
          return element('li', { className: 'about__rec', 'data-rec': row.id, 'data-kind': row.kind, 'data-when': row.when }, [
            element('span', { className: `badge badge--${row.kind}` }, [icon(row.kind), words.kind(row.kind)]),
            element('div', {}, [
              element('p', {}, [words.recommendation(row.id), citations.length ? ` [${citations.join(', ')}]` : '']),
              element('p', { className: 'about__when' }, [
                element('strong', {}, [words.ui('aboutWhen')]), ' ', words.pick(conditions[row.when]) || row.when,
              ]),
            ]),
          ]);
        })) : element('p', {}, [words.ui('noRecommendations')]),
      ]);
    });
    return section('recommendations', words.ui('aboutRecommendations'), blocks);
  }

  function referencesSection(content, words) {
    return section('references', words.ui('aboutReferences'), [
      element('ol', { className: 'refs__list' }, (content.references || []).map((reference) =>
        Radiculo.planView.referenceItem(reference, words, 'about-ref-'))),
    ]);
  }

  function datesSection(content, words) {
    const overdue = reviewOverdueText(content, words.audience);
    return section('dates', words.ui('aboutDates'), [
      overdue ? element('p', { className: 'review-due', 'data-review-overdue': '' }, [overdue]) : null,
      element('p', {}, [fill(words.ui('aboutVersions'), {
        contentVersion: content.contentVersion,
        contentReleased: Radiculo.words.formatDate(content.contentReleased, content),
        reviewStatus: words.pick(content.reviewStatus),
        reviewDue: Radiculo.words.formatDate(content.reviewDue, content),
        engineVersion: content.engineVersion,
      })]),
      element('p', { 'data-translation-review': '' }, [fill(words.ui('aboutTranslation'), {
        language: content.languageName, review: content.translationReview,
      })]),
      // The source is cited as it names itself, in English (marked, as reference titles are).
      content.sourceDocument ? element('p', {}, words.ui('aboutSource').split('{source}').flatMap((part, index) =>
        (index ? [content.sourceDocument, part] : [part]))) : null,
      // The clinical risk management: the hazard log ships beside the page (web/hazard-log.html).
      element('p', { 'data-hazard-log': '' }, [element('a', { href: 'hazard-log.html', hreflang: 'en' }, [words.ui('aboutHazardLog')])]),
      // For integrators: the engine's own FHIR R4 Questionnaire in the language and wording shown,
      // and its code systems, made here on the device (no file on a server).
      element('p', { className: 'about__downloads' }, [
        element('button', { type: 'button', className: 'button button--quiet', 'data-fhir-questionnaire': words.audience, 'data-fhir-language': content.language }, [words.ui('aboutQuestionnaire')]),
        element('button', { type: 'button', className: 'button button--quiet', 'data-fhir-code-systems': '' }, [words.ui('aboutCodeSystems')]),
      ]),
    ]);
  }

  /** Saves a FHIR resource the engine made as a file. */
  function download(resource, name) {
    const blob = new Blob([`${JSON.stringify(resource, null, 2)}\n`], { type: 'application/fhir+json' });
    const link = element('a', { href: URL.createObjectURL(blob), download: name });
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(() => URL.revokeObjectURL(link.href), 0);
  }
  // The FHIR files come from the records module, loaded on the first click (engine-client.js records()).
  document.addEventListener('click', (event) => {
    if (!event.target.closest || !engine()) return;
    const questionnaire = event.target.closest('[data-fhir-questionnaire]');
    const codeSystems = event.target.closest('[data-fhir-code-systems]');
    if (!questionnaire && !codeSystems) return;
    engine().records().then((records) => {
      if (questionnaire) {
        const audience = questionnaire.getAttribute('data-fhir-questionnaire') === 'patient' ? 'patient' : 'clinician';
        const resource = records.fhirQuestionnaire(audience, questionnaire.getAttribute('data-fhir-language'));
        download(resource, `${resource.id || 'radiculo-questionnaire'}-${resource.version || 'r4'}.json`);
      }
      if (codeSystems) download(records.fhirCodeSystems(), 'radiculo-code-systems.json');
    }, (error) => {
      if (window.console && console.warn) console.warn(`Radiculo: the FHIR files could not be made (${error && error.message})`);
    });
  });

  /** Every section, in reading order, for one language and audience. */
  function renderAbout(container, content, schema, audience) {
    const words = forAudience(content, audience);
    container.replaceChildren(
      ...INTENDED_USE.map((key) => intendedUseSection(key, content, words)),
      inputsSection(content, schema, words),
      triageRulesSection(content, words),
      recommendationsSection(content, words),
      ...AFTER_LOGIC.map((key) => intendedUseSection(key, content, words)),
      referencesSection(content, words),
      datesSection(content, words),
    );
  }

  // ---------- on the main page: the dialog ----------

  const current = { content: null, audience: null }; // as app.js last said

  function fillDialog(dialog) {
    const { content, audience } = current;
    const words = forAudience(content, audience);
    dialog.setAttribute('lang', content.language);
    dialog.querySelector('#about-dialog-title').textContent = words.pick(content.intendedUse.title);
    dialog.querySelector('[data-about-close]').textContent = words.ui('close');
    const page = dialog.querySelector('[data-about-page]');
    page.textContent = words.ui('aboutOpenPage');
    page.setAttribute('href', Radiculo.footer.aboutHref(content, audience));
    page.appendChild(element('span', { className: 'visually-hidden' }, [` ${words.ui('opensNewWindow')}`]));
    const schema = engine() ? engine().schema() : {};
    renderAbout(dialog.querySelector('[data-about-body]'), content, schema, audience);
  }

  function createDialog() {
    const dialog = element('dialog', { className: 'about-dialog', id: 'about-dialog', 'aria-labelledby': 'about-dialog-title' }, [
      element('div', { className: 'about-dialog__bar' }, [
        element('h2', { className: 'about-dialog__title', id: 'about-dialog-title' }),
        element('div', { className: 'about-dialog__actions' }, [
          element('a', { className: 'about-dialog__page', href: 'about.html', target: '_blank', rel: 'noopener', 'data-about-page': '' }),
          element('button', { type: 'button', className: 'button', 'data-about-close': '' }),
        ]),
      ]),
      element('div', { className: 'about about--dialog', 'data-about-body': '' }),
    ]);
    dialog.querySelector('[data-about-close]').addEventListener('click', () => dialog.close());
    document.body.appendChild(dialog);
    return dialog;
  }

  /** The footer's link, on the main page (app.js): the text in place, so the answers are never lost;
   * closing it gives the focus back to `opener`. */
  function openDialog(content, audience, opener) {
    current.content = content;
    current.audience = audience;
    const dialog = byId('about-dialog') || createDialog();
    fillDialog(dialog);
    dialog.showModal();
    dialog.querySelector('[data-about-close]').focus();
    dialog.scrollTop = 0;
    dialog.addEventListener('close', () => { if (opener && opener.focus) opener.focus(); }, { once: true });
  }

  /** The language or the wording changed (app.js): an open dialog follows. */
  function wordsChanged(content, audience) {
    current.content = content;
    current.audience = audience;
    const dialog = byId('about-dialog');
    if (dialog && dialog.open) fillDialog(dialog);
  }

  Radiculo.about = { render: renderAbout, openDialog, wordsChanged };
})();
