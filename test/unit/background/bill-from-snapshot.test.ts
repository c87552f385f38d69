import { billFromSnapshot } from '../../../src/background/bill-from-snapshot';
import { osloClock } from '../../../src/core/oslo-clock';
import { defaultSettings } from '../../../src/settings/defaults';

const snapshot = (context = {}) => ({ regionId: 'r0', lines: [{ code: '2ad', count: 1, anchor: 0 }, { code: '2cd', count: 2, anchor: 1 }], context });

describe('bill from a page snapshot and settings', () => {
  test('the page date and time make the bill time', () => {
    const bill = billFromSnapshot(snapshot({ date: '2024-03-12', time: '17:05' }), defaultSettings(), osloClock(new Date('2020-01-01T00:00:00Z')));
    expect(bill.at).toBe('2024-03-12T17:05');
    expect(bill.lines).toEqual([{ code: '2ad', count: 1 }, { code: '2cd', count: 2 }]);
  });

  test('without a page date/time the bill is dated now on the Oslo wall clock (summer and winter time)', () => {
    // 22:30 UTC on 30 June is 00:30 on 1 July in Oslo (UTC+2): a new tariff year.
    expect(billFromSnapshot(snapshot(), defaultSettings(), osloClock(new Date('2024-06-30T22:30:00Z'))).at).toBe('2024-07-01T00:30');
    expect(billFromSnapshot(snapshot(), defaultSettings(), osloClock(new Date('2024-01-15T16:59:00Z'))).at).toBe('2024-01-15T17:59');
    // Only the date on the page: the time of day comes from the clock.
    expect(billFromSnapshot(snapshot({ date: '2024-02-01' }), defaultSettings(), osloClock(new Date('2024-01-15T16:59:00Z'))).at).toBe('2024-02-01T17:59');
  });

  test('clinic settings give setting, on-call form and holiday-eve start; user settings give specialist and turnus', () => {
    const s = defaultSettings();
    s.clinic = { setting: 'legevakt', onCall: 'home', holidayEveStart: '12:00' };
    s.user = { specialistGP: true, turnus: true };
    const bill = billFromSnapshot(snapshot({ date: '2024-12-24', time: '13:00', diagnoses: ['R74'], age: 4, durationMinutes: 25 }), s, osloClock(new Date()));
    expect(bill).toMatchObject({
      setting: 'legevakt',
      onCall: 'home',
      clinic: { holidayEveStart: '12:00' },
      clinician: { specialistGP: true, turnus: true },
      patient: { age: 4 },
      diagnoses: ['R74'],
      durationMinutes: 25,
    });
  });

  test("the page's specialist checkbox decides for this bill when present", () => {
    const s = defaultSettings();
    expect(billFromSnapshot(snapshot({ specialistGP: true }), s, osloClock(new Date())).clinician?.specialistGP).toBe(true);
    s.user.specialistGP = true;
    expect(billFromSnapshot(snapshot({ specialistGP: false }), s, osloClock(new Date())).clinician?.specialistGP).toBe(false);
    expect(billFromSnapshot(snapshot({}), s, osloClock(new Date())).clinician?.specialistGP).toBe(true);
  });

  test('no on-call form and no age leave those fields out', () => {
    const bill = billFromSnapshot(snapshot(), defaultSettings(), osloClock(new Date()));
    expect(bill.onCall).toBeUndefined();
    expect(bill.patient).toBeUndefined();
    expect(bill.clinic).toBeUndefined();
  });

  test('osloClock across the autumn DST change', () => {
    expect(osloClock(new Date('2024-10-27T00:30:00Z'))).toEqual({ date: '2024-10-27', time: '02:30' });
    expect(osloClock(new Date('2024-10-27T01:30:00Z'))).toEqual({ date: '2024-10-27', time: '02:30' });
    expect(osloClock(new Date('2024-10-27T02:30:00Z'))).toEqual({ date: '2024-10-27', time: '03:30' });
  });
});
