import { BUNDLED_TARIFFS } from '../../../src/data/index';
import { addImportedTariff, IMPORTED_TARIFFS_KEY, listImportedTariffs, removeImportedTariff, storedBytes } from '../../../src/settings/tariffs';
import { fakeBrowser } from '../background/fake-browser';

const base = () => structuredClone(BUNDLED_TARIFFS[0]!);

describe('imported tariff versions in storage.local', () => {
  test('a valid version is stored, listed, replaced by id and removed', async () => {
    const { local } = fakeBrowser().fake;
    expect(await addImportedTariff(local, { ...base(), id: 'imp-a' })).toEqual({ ok: true, id: 'imp-a' });
    expect(await addImportedTariff(local, { ...base(), id: 'imp-a', label: 'Ny' })).toEqual({ ok: true, id: 'imp-a' });
    const list = await listImportedTariffs(local);
    expect(list.map((v) => [v.id, v.label])).toEqual([['imp-a', 'Ny']]);
    await removeImportedTariff(local, 'imp-a');
    expect(await listImportedTariffs(local)).toEqual([]);
  });

  test('a version that does not fit the schema is refused with the field named; nothing is written', async () => {
    const { local } = fakeBrowser().fake;
    const bad = base();
    (bad.takster[0] as { hon: unknown }).hon = 'gratis';
    const r = await addImportedTariff(local, bad);
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/^takster\.0\.hon: /) });
    expect(local.writes).toBe(0);
  });

  test('a version whose rows do not compile (duplicate code) is refused with the code named', async () => {
    const { local } = fakeBrowser().fake;
    const dup = base();
    dup.takster.push(structuredClone(dup.takster[0]!));
    const r = await addImportedTariff(local, { ...dup, id: 'dup' });
    expect(r).toEqual({ ok: false, error: expect.stringContaining(`takster ${dup.takster[0]!.code}.code:`) });
    expect(local.data.has(IMPORTED_TARIFFS_KEY)).toBe(false);
  });

  test('stored entries that no longer validate are skipped when listing', async () => {
    const { local } = fakeBrowser().fake;
    await local.set({ [IMPORTED_TARIFFS_KEY]: [{ id: 'broken' }, { ...base(), id: 'ok' }] });
    expect((await listImportedTariffs(local)).map((v) => v.id)).toEqual(['ok']);
  });

  // Issue 10: a file over the storage quota is refused before anything is written.
  test('a version over the storage quota is refused, nothing written, the old versions kept', async () => {
    const { local } = fakeBrowser().fake;
    expect(await addImportedTariff(local, { ...base(), id: 'old' })).toEqual({ ok: true, id: 'old' });
    const writes = local.writes;
    const one = storedBytes(IMPORTED_TARIFFS_KEY, [base()]);
    Object.assign(local, { QUOTA_BYTES: Math.floor(one * 1.5) }); // room for one version, not two
    const r = await addImportedTariff(local, { ...base(), id: 'big' });
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/^\(root\): .*over the quota of \d+ KB/) });
    expect(local.writes).toBe(writes);
    expect((await listImportedTariffs(local)).map((v) => v.id)).toEqual(['old']);
    // Replacing the same id fits: the old copy does not count twice.
    expect(await addImportedTariff(local, { ...base(), id: 'old', label: 'Ny' })).toEqual({ ok: true, id: 'old' });
  });

  test('the rest of storage.local counts when the area can say how much it uses', async () => {
    const { local } = fakeBrowser().fake;
    const one = storedBytes(IMPORTED_TARIFFS_KEY, [base()]);
    Object.assign(local, { QUOTA_BYTES: one * 3, getBytesInUse: async (keys: string | null) => (keys === null ? one * 2.5 : 0) });
    expect(await addImportedTariff(local, { ...base(), id: 'x' })).toMatchObject({ ok: false });
    expect(local.writes).toBe(0);
  });

  test('codes over 12 characters and runaway text fields are refused with the field named', async () => {
    const { local } = fakeBrowser().fake;
    const long = base();
    long.takster[0]!.code = '1234567890abc';
    expect(await addImportedTariff(local, long)).toEqual({ ok: false, error: expect.stringMatching(/^takster\.0\.code: .*12 characters/) });
    const prose = base();
    prose.takster[1]!.label = 'x'.repeat(501);
    expect(await addImportedTariff(local, prose)).toEqual({ ok: false, error: expect.stringMatching(/^takster\.1\.label: .*500 characters/) });
    const note = base();
    note.takster[2]!.provenance.note = 'x'.repeat(2001);
    expect(await addImportedTariff(local, note)).toEqual({ ok: false, error: expect.stringMatching(/^takster\.2\.provenance\.note: /) });
    expect(local.writes).toBe(0);
  });
});

test('storedBytes counts UTF-8 bytes of key and JSON', () => {
  expect(storedBytes('k', 'a')).toBe(4); // k"a"
  expect(storedBytes('k', 'æ')).toBe(5);
  expect(storedBytes('k', '€')).toBe(6);
  expect(storedBytes('k', '😀')).toBe(7);
});
