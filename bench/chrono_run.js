// Runs chrono-node over a JSON Lines corpus the way a user would:
// chrono.parse(text, published) per article. Prints "<seconds> <results>".
const fs = require('fs');
const chrono = require('chrono-node');
const lines = fs.readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean);
const docs = lines.map((l) => JSON.parse(l));
const t0 = process.hrtime.bigint();
let found = 0;
for (const d of docs) {
  const ref = d.published ? new Date(d.published) : new Date(0);
  found += chrono.parse(d.text, ref).length;
}
const s = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(s.toFixed(4) + ' ' + found);
