import { BUNDLED_TARIFFS } from '../../../src/data/index';
import { addImportedTariff, IMPORTED_TARIFFS_KEY, listImportedTariffs, removeImportedTariff } from '../../../src/settings/tariffs';
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
});
