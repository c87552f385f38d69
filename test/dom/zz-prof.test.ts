import { genericAdapter } from '../../content-scripts/adapters/generic';
import { readPlan } from '../../content-scripts/adapters/read-plan';
import { loadFixture } from './helpers/load-fixture';
test('prof', () => {
  loadFixture('stress/index.html');
  let t = performance.now();
  const r = genericAdapter.regions(document); console.log('regions', performance.now() - t); t = performance.now();
  const p = genericAdapter.plan(r[0]!); console.log('plan', performance.now() - t); t = performance.now();
  const x = readPlan(p); console.log('read', performance.now() - t, x.lines.length); t = performance.now();
});
