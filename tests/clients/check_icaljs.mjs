// Mozilla's ical.js (Thunderbird's parser) reads an annals .ics: every
// event with its UID, dates and summary as expected.py says.
// Usage: node check_icaljs.mjs FILE.ics EXPECTED.json
import fs from 'node:fs';
import ICAL from 'ical.js';

const [ics, exp] = process.argv.slice(2);
const want = JSON.parse(fs.readFileSync(exp, 'utf8'));
const cal = new ICAL.Component(ICAL.parse(fs.readFileSync(ics, 'utf8')));
// ical.js prints year 1 as "1-11-01": write the ISO date ourselves
const pad = (n, w) => String(n).padStart(w, '0');
const iso = (t) => `${pad(t.year, 4)}-${pad(t.month, 2)}-${pad(t.day, 2)}`;
const got = {};
for (const v of cal.getAllSubcomponents('vevent')) {
  const e = new ICAL.Event(v);
  if (!e.startDate.isDate || !e.endDate.isDate) throw new Error(`${e.uid}: not an all-day event`);
  got[e.uid] = [iso(e.startDate), iso(e.endDate), e.summary];
}
const bad = [];
for (const uid of new Set([...Object.keys(want), ...Object.keys(got)])) {
  const a = JSON.stringify(want[uid]), b = JSON.stringify(got[uid]);
  if (a !== b) bad.push(`ical.js: ${uid} is ${b}, wanted ${a}`);
}
for (const line of bad.slice(0, 5)) console.log('     ' + line);
if (bad.length) { console.log(`     (${bad.length} differences)`); process.exit(1); }
console.log(`     ${Object.keys(want).length} events, UIDs, dates and summaries as in the timeline`);
