import { genericAdapter } from '../../content-scripts/adapters/generic';
import { readPlan } from '../../content-scripts/adapters/read-plan';
import { loadFixture } from './helpers/load-fixture';
test('dbg', () => {
  loadFixture(process.env.PAGE!);
  for (const r of genericAdapter.regions(document)) {
    const p = genericAdapter.plan(r);
    const read = readPlan(p);
    console.log(r.tagName, r.id, p.fields.map((f) => f.el.tagName + '#' + f.el.id + (f.chips ? '(chips)' : '')).slice(0, 20), read.unreadable, read.lines.map((l) => l.code + 'x' + l.count).slice(0, 20), JSON.stringify(read.context), read.partial);
  }
});
