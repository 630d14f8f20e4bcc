/* Radiculo: the take-home plan, a page of its own shown only in print (print.css): the triage and
 * why, what to do, when to get help, every line with its own reason, what would change the plan,
 * the answers, the references, the date, the versions, the address and the disclaimer. Black on
 * white and told in words, not colour. app.js builds it when the plan is printed (beforeprint),
 * inside the plan's body, so that page.pdf() and the browser's Print both get the current plan and
 * "Start again" clears it; it loads this file once a plan is shown (beforeprint cannot wait). */
(function () {
  'use strict';

  const Radiculo = (window.Radiculo = window.Radiculo || {});
  const { element, fill } = Radiculo.dom;
  const planView = Radiculo.planView;

  /** The aid's address: this page without query or fragment (kiosk flags and the like stay out). */
  function aidAddress() {
    return String(window.location.href).split(/[?#]/)[0];
  }

  /** From a file (the one-file copy) the address is a local path, often with a user name: never
   * printed; the copy's build version (data-one-file) instead, and no about.html line. */
  function fromFile() {
    return window.location.protocol === 'file:' || document.documentElement.hasAttribute('data-one-file');
  }

  /** The about page in the plan's own language and wording: the sheet names that page's title. */
  function aboutAddress(plan) {
    const query = `?lang=${encodeURIComponent(plan.language)}&audience=${encodeURIComponent(plan.audience)}`;
    try {
      return new URL(`about.html${query}`, aidAddress()).href;
    } catch (error) {
      return `about.html${query}`;
    }
  }

  /** clinic.js's "call <number> now" box, for the printout (unmarked: the screen keeps the one box). */
  function printCallNow(plan, words) {
    const box = Radiculo.clinic.callNowBox(plan.triage, words, plan);
    if (box) box.removeAttribute('data-call-now');
    return box;
  }

  /** The print sheet for a plan, in the plan's words; settings: the clinic's name and contact, and
   * the demonstration mark first of all when this is a demonstration. */
  function build(plan, content, words, settings) {
    const alert = plan.alert;
    const lines = plan.recommendations || [];
    const cites = (numbers) => (numbers && numbers.length ? ` [${numbers.join(', ')}]` : '');
    const overdue = Radiculo.words.reviewOverdueText(content, words.audience);
    const intended = content.intendedUse && content.intendedUse.title;
    const patient = words.audience === 'patient';
    const actions = planView.actionList(lines, words, 'print-sheet__actions');
    const cautions = patient ? planView.cautionList(lines, words, 'print-sheet__cautions') : null;
    // Patients: the safety net as the short list on page 1 (its line is not repeated in the list
    // below: the same tiers, the same words). Clinicians: its full line, in the plan's order.
    const safety = patient ? planView.safetyNetList(lines, words, 'print-sheet__safety') : null;
    const listed = safety ? lines.filter((line) => !line.safetyNet) : lines;
    return element('div', { className: 'print-sheet', 'data-print-sheet': '' }, [
      settings.demoMark ? element('p', { className: 'print-sheet__demo', 'data-demo-mark': '' }, [words.ui('demoMark')]) : null,
      element('div', { className: 'print-sheet__head' }, [
        element('p', { className: 'print-sheet__title' }, [words.ui('printTitle')]),
        settings.clinicName ? element('p', { className: 'print-sheet__clinic' }, [
          settings.clinicName, settings.clinicContact ? ` · ${settings.clinicContact}` : '',
        ]) : null,
        element('p', { className: 'print-sheet__date' }, [fill(words.ui('printDate'), { date: Radiculo.words.formatDate(Radiculo.words.todayIso(), content) })]),
      ]),
      element('div', { className: `print-sheet__triage print-sheet__triage--${plan.triage}` }, [
        element('p', { className: 'print-sheet__triage-label' }, [plan.triageLabel]),
        element('p', {}, [plan.headline]),
        // Why this plan, once; each line then gives only its own reason.
        element('p', { className: 'print-sheet__reason' }, [element('strong', {}, [words.ui('whyApplies')]), ' ', plan.reason]),
      ]),
      printCallNow(plan, words),
      // The same order as the screen: what to do, then when to get help, on page 1; then every line.
      patient && actions ? element('p', { className: 'print-sheet__subtitle' }, [words.ui(alert ? 'whatToDoNow' : 'recommendationsTitle')]) : null,
      patient ? actions : null,
      cautions ? element('p', { className: 'print-sheet__subtitle' }, [words.ui('takeCareTitle')]) : null,
      cautions,
      safety ? element('p', { className: 'print-sheet__subtitle' }, [words.ui('safetyNetTitle')]) : null,
      safety,
      Radiculo.optionsView ? Radiculo.optionsView.printBlock(plan, words) : null,
      element('p', { className: 'print-sheet__subtitle' }, [patient ? words.ui('moreAboutPlan') : words.ui(alert ? 'whatToDoNow' : 'recommendationsTitle')]),
      listed.length ? element('ol', { className: 'print-sheet__recs' }, listed.map((line) => element('li', { className: `print-rec print-rec--${line.kind}` }, [
        element('p', { className: 'print-rec__text' }, [element('span', { className: 'print-rec__kind' }, [words.lineKind(line)]), ' ', line.text, cites(line.citations)]),
        // A patient's emergency line needs no second reason on paper: the plan's own is at the top.
        line.ownReason && !(patient && line.kind === 'emergency')
          ? element('p', { className: 'print-rec__why' }, [element('strong', {}, [words.ui('whyApplies')]), ' ', line.ownReason]) : null,
        ...(line.evidenceNotes || [])
          .filter(planView.disagreeing)
          .map((note) => element('p', { className: 'print-rec__note' }, [
            note.label ? element('strong', {}, [`${note.label}:`]) : null,
            note.label ? ' ' : null, note.text, cites(note.citations),
          ])),
      ]))) : element('p', {}, [words.ui('noRecommendations')]),
      // Come back early: said on page 1 already, where a patient's safety net is printed.
      planView.whatWouldChangeBlock(plan, words, false, !safety),
      element('p', { className: 'print-sheet__subtitle' }, [words.ui('printAnswersTitle')]),
      element('dl', { className: 'print-sheet__answers' }, (plan.answers || []).flatMap((row) => [
        element('dt', {}, [row.label]), element('dd', { 'data-answer': row.key }, [row.value]),
      ])),
      (plan.references || []).length ? element('p', { className: 'print-sheet__subtitle' }, [words.ui('references')]) : null,
      (plan.references || []).length ? element('ol', { className: 'print-sheet__refs' }, plan.references.map((reference) => element('li', { value: String(reference.number) }, [
        element('span', { lang: reference.titleLanguage && reference.titleLanguage !== content.language ? reference.titleLanguage : undefined }, [reference.title]),
        '. ', ...planView.referenceSource(reference, content.language), '.',
        // "Beyond the source page" is for the clinician checking the rules, not for a patient's sheet.
        reference.beyondSource && !patient ? ` ${words.ui('beyondSource')}` : '',
        reference.url ? ` ${reference.url}` : '',
      ]))) : null,
      element('div', { className: 'print-sheet__foot' }, [
        element('p', { className: 'print-sheet__disclaimer' }, [
          (content.disclaimer && words.pick(content.disclaimer)) || '',
          plan.triage !== 'emergency' && content.emergencyAdvice ? ` ${words.pick(content.emergencyAdvice)}` : '',
        ]),
        overdue ? element('p', { className: 'print-sheet__overdue' }, [overdue]) : null,
        element('p', {}, [fill(words.ui('versions'), {
          contentVersion: content.contentVersion, contentReleased: Radiculo.words.formatDate(content.contentReleased, content),
          reviewStatus: words.pick(content.reviewStatus),
          reviewDue: Radiculo.words.formatDate(content.reviewDue, content), engineVersion: content.engineVersion,
        })]),
        content.translationReview ? element('p', {}, [fill(words.ui('translationReview'), { review: content.translationReview })]) : null,
        fromFile()
          ? element('p', {}, [fill(words.ui('printOneFile'), { version: document.documentElement.getAttribute('data-one-file') || content.engineVersion })])
          : element('p', {}, [fill(words.ui('printAddress'), { url: aidAddress() })]),
        intended && !fromFile() ? element('p', {}, [fill(words.ui('printAbout'), { title: words.pick(intended), url: aboutAddress(plan) })]) : null,
      ]),
    ]);
  }

  Radiculo.printSheet = { build };
})();
