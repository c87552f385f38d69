// The generic adapter against every demo EPJ screen: it must read exactly the bill expected.json
// states (codes, counts and context), never a name or national id, and nothing from reference tables.
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { genericAdapter } from '../../content-scripts/adapters/generic';
import { readPlan } from '../../content-scripts/adapters/read-plan';
import { toSnapshot } from '../../content-scripts/snapshot';
import { shadowRootsUnder } from '../../content-scripts/adapters/dom';
import { expectedFor, FIXTURES, loadFixture, type ExpectedBill } from './helpers/load-fixture';

function readAll() {
  const scopes: ParentNode[] = [document, ...shadowRootsUnder(document)];
  const regions = [...new Set(scopes.flatMap((s) => genericAdapter.regions(s)))];
  return regions.map((el) => ({ el, read: readPlan(genericAdapter.plan(el)) }));
}

function lines(read: ReturnType<typeof readPlan>) {
  return read.lines.map((l) => ({ code: l.code.toLowerCase(), count: l.count }));
}

function expectContext(ctx: ReturnType<typeof readPlan>['context'], bill: Pick<ExpectedBill, 'date' | 'time' | 'diagnoses' | 'age'>) {
  if (bill.date) expect(ctx.date).toBe(bill.date);
  if (bill.time) expect(ctx.time).toBe(bill.time);
  // The contact type field is recognised but never read (no rule uses it).
  expect(ctx).not.toHaveProperty('contactType');
  if (bill.diagnoses) expect(ctx.diagnoses).toEqual(bill.diagnoses);
  if (bill.age !== undefined) expect(ctx.age).toBe(bill.age);
}

const dirs = readdirSync(FIXTURES).filter((d) => existsSync(join(FIXTURES, d, 'expected.json')));

describe('demo EPJ screens', () => {
  test('the fixture folder has screens to test', () => {
    expect(dirs.length).toBeGreaterThan(5);
  });

  for (const dir of dirs) {
    const expected = expectedFor(dir);
    // Screens built from UI libraries (React, Vue, AG Grid) run in Chromium only: screens-read e2e test.
    if ((expected as { built?: boolean }).built) continue;
    const bill = expected.bill;
    // The iframe screen's bill lives in the framed page (the script runs per frame).
    const page = dir === 'iframe' ? 'iframe/skjema.html' : expected.page;

    test(`${dir} (pattern ${expected.pattern}): reads the expected bill`, () => {
      loadFixture(page);
      const all = readAll();
      if (bill.rows) {
        // One bill per saved row, with the page's date.
        const byRow = new Map(all.map((r) => [r.el.id, r.read]));
        for (const row of bill.rows) {
          const read = byRow.get(row.row);
          expect(read).toBeDefined();
          expect(lines(read!)).toEqual(row.lines);
          expectContext(read!.context, { ...row, date: bill.date });
        }
        expect(all).toHaveLength(bill.rows.length);
      } else if (Array.isArray(bill.lines)) {
        const withLines = all.filter((r) => r.read.lines.length);
        expect(withLines).toHaveLength(1);
        const read = withLines[0]!.read;
        expect(all.filter((r) => r.read.unreadable !== null).map((r) => r.el.tagName)).toEqual([]);
        expect(lines(read)).toEqual(bill.lines);
        expectContext(read.context, bill);
      } else if (dir === 'stress') {
        const read = all.find((r) => r.read.lines.length)!.read;
        expect(read.lines).toHaveLength(2000);
        expect(read.lines[1499]!.code).toBe('612b');
      } else if (expected.badge === 'unreadable') {
        // A billing region whose codes are pixels: found, read nothing, and says so.
        expect(all.flatMap((r) => r.read.lines)).toEqual([]);
        expect(all.some((r) => r.read.unreadable !== null)).toBe(true);
      } else {
        // Reference tables and other non-bills: nothing is read, and no "not checked" either.
        expect(all.flatMap((r) => r.read.lines)).toEqual([]);
        expect(all.filter((r) => r.read.unreadable !== null)).toEqual([]);
      }
    });

    if (expected.private?.length) {
      test(`${dir}: never reads names, national ids or HPR numbers`, () => {
        loadFixture(page);
        const sent = JSON.stringify(readAll().map((r, i) => toSnapshot(`r${i}`, r.read).snapshot));
        for (const secret of expected.private!) expect(sent).not.toContain(secret);
      });
    }
  }
});
