#!/usr/bin/env node
// Journey benchmark: for each journey, the taps or clicks and the key presses to the
// first plan, the screens seen, and the scroll distance from the last answer to the first action.
// Runs the same journeys as tests/web/journeys.test.mjs (tests/web/journeys.mjs) in headless
// Chromium against the built web/ folder, and prints them beside the counts of the UX review of
// main at 4e980aa (../shared/reviews/ux.md, section 1), the "before".
//
//   node bench/journeys.mjs        (after ./build-wasm.sh; CHROMIUM_PATH to use another Chromium)
import {
  startAid, openJourney, patientTypical, patientEmergency, clinicianPointer, clinicianKeyboard, patientKeyboard,
} from '../tests/web/journeys.mjs';
import { SIGNED_OFF } from '../tests/web/settings-presets.mjs';

// The review's counts (before): to the first plan, and the scroll from the last answer to it.
const BEFORE = {
  'phone patient typical': { input: '15 taps + 1 key', scroll: '3,591 px to the plan (plan at y = 6,361)' },
  'phone patient emergency': { input: '2 taps (red bar); 3 to the plan', scroll: 'about 6,300 px (the bar\'s jump)' },
  'kiosk older adult (touch only)': { input: '15 taps + 1 typed number (needs a keyboard)', scroll: 'about 3 screens' },
  'desk clinician, mouse': { input: '15 clicks + 1 key', scroll: 'red flags 2,381 px; headline + 2 lines on screen' },
  'desk clinician, keyboard': { input: '37 keys', scroll: 'follows focus' },
  'tablet clinician, touch': { input: '16 taps + 1 key (bar tap included)', scroll: '5,011 px' },
  'phone patient, keyboard only': { input: 'n/a', scroll: 'n/a' },
};

const JOURNEYS = [
  ['phone patient typical', 'phone', {}, (page) => patientTypical(page)],
  ['phone patient emergency', 'phone', {}, (page) => patientEmergency(page)],
  ['kiosk older adult (touch only)', 'kiosk', { kiosk: true }, (page) => patientTypical(page)],
  ['desk clinician, mouse', 'desk', {}, (page) => clinicianPointer(page)],
  ['desk clinician, keyboard', 'desk', {}, (page) => clinicianKeyboard(page)],
  ['tablet clinician, touch', 'tablet', {}, (page) => clinicianPointer(page, { touch: true })],
  ['phone patient, keyboard only', 'phone', {}, async (page) => {
    const counts = await patientKeyboard(page);
    return { ...counts, scroll: null, screens: null };
  }],
];

function inputs(counts, device) {
  const parts = [];
  if (counts.pointer) parts.push(`${counts.pointer} ${device === 'desk' ? 'clicks' : 'taps'}`);
  if (counts.keys) parts.push(`${counts.keys} keys${counts.typed ? ` (${counts.typed} typed digits)` : ''}`);
  return parts.join(' + ') || '0';
}

function scrollText(counts) {
  if (counts.scroll === null || counts.scroll === undefined) return 'n/a';
  let text = `${counts.scroll} px`;
  if (counts.viaBar) text += ` (via the plan bar; ${counts.scrollWithoutBar} px without it)`;
  if (counts.summaryOnScreen !== undefined) text += counts.summaryOnScreen ? ', whole summary on screen' : ', summary not on screen';
  if (counts.toPlan) text += `; plan ${counts.toPlan} taps`;
  return text;
}

const aid = await startAid({ settings: SIGNED_OFF });
const rows = [];
try {
  for (const [name, device, options, run] of JOURNEYS) {
    const { page, context } = await openJourney(aid, device, options);
    try {
      const counts = await run(page);
      rows.push([name, `${device} ${Object.values((await page.viewportSize()) || {}).join('x')}`, inputs(counts, device),
        counts.screens === null || counts.screens === undefined ? 'n/a' : String(counts.screens), scrollText(counts),
        BEFORE[name].input, BEFORE[name].scroll]);
    } finally {
      await context.close();
    }
  }
} finally {
  await aid.close();
}

const head = ['journey', 'device', 'to the first plan (now)', 'screens', 'scroll, last answer to first action (now)', 'before: to the first plan', 'before: scroll'];
const widths = head.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
const line = (cells) => `| ${cells.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
console.log(line(head));
console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
for (const row of rows) console.log(line(row));
