// SnapshotLinesSchema takes well-formed lines without zod's per-object parse; anything else must get
// exactly what the object schema gives: stripped keys, or issues that name the line and the field.
import { describeZodError } from '../../src/core/zod-error';
import { BillSnapshotSchema } from '../../src/messages';

const bill = (lines: unknown) => ({ regionId: 'r0', lines, context: {} });

describe('SnapshotLinesSchema', () => {
  test('well-formed lines pass as they are', () => {
    const lines = Array.from({ length: 2000 }, (_, i) => ({ code: '701c', count: 1, anchor: i }));
    const r = BillSnapshotSchema.safeParse(bill(lines));
    expect(r.success && r.data.lines).toEqual(lines);
  });

  test.each([
    [[{ code: '', count: 1, anchor: 0 }], 'lines.0.code'],
    [[{ code: '2ad', count: 1, anchor: 0 }, { code: '1bd', count: 1.5, anchor: 1 }], 'lines.1.count'],
    [[{ code: '2ad', count: 1000, anchor: 0 }], 'lines.0.count'],
    [[{ code: '2ad', count: 1, anchor: -1 }], 'lines.0.anchor'],
    [[{ code: '2ad', count: 1 }], 'lines.0.anchor'],
    [[{ code: '2ad', count: 1, anchor: 2 ** 53 }], 'lines.0.anchor'],
    [[null], 'lines.0'],
    ['2ad', 'lines'],
    [Array.from({ length: 5001 }, (_, i) => ({ code: '701c', count: 1, anchor: i })), 'lines'],
  ])('a bad line is rejected with its field named (%#)', (lines, path) => {
    const r = BillSnapshotSchema.safeParse(bill(lines));
    expect(r.success).toBe(false);
    if (!r.success) expect(describeZodError(r.error)).toMatch(new RegExp(`^${path.replace(/\./g, '\\.')}: `));
  });

  test('a line with another key is parsed by the object schema, which drops the key', () => {
    const r = BillSnapshotSchema.safeParse(bill([{ code: '2ad', count: 1, anchor: 0, name: 'Per' }]));
    expect(r.success && r.data.lines).toEqual([{ code: '2ad', count: 1, anchor: 0 }]);
  });
});
