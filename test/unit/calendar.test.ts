import Holidays from 'date-holidays';
import { easterSunday, holidayDates, inEveningWindow, timeFacts, type TimeFacts } from '../../src/core/calendar';

describe('calendar: Norwegian holidays match date-holidays (type public) for 2000-2100', () => {
  const oracle = new Holidays('NO');
  test('every year', () => {
    const mismatches: string[] = [];
    for (let year = 2000; year <= 2100; year++) {
      const want = [...new Set(oracle.getHolidays(year).filter((h) => h.type === 'public').map((h) => h.date.slice(0, 10)))].sort();
      const got = holidayDates(year).map((h) => h.date);
      if (want.join() !== got.join()) mismatches.push(`${year}: want ${want.join(' ')} got ${got.join(' ')}`);
    }
    expect(mismatches).toEqual([]);
  });
});

describe('calendar', () => {
  test.each([
    [2024, 3, 31],
    [2025, 4, 20],
    [2000, 4, 23],
    [2038, 4, 25], // latest possible date
    [2285, 3, 22], // earliest possible date
  ])('Easter %i is %i/%i', (y, m, d) => expect(easterSunday(y)).toEqual({ month: m, day: d }));

  const f = (at: string): TimeFacts => {
    const r = timeFacts(at);
    if (!r) throw new Error(at);
    return r;
  };

  test('time facts', () => {
    expect(f('2024-03-13T17:30')).toMatchObject({ date: '2024-03-13', weekday: 3, minutes: 1050, holiday: null, redDay: false, eve: false });
    expect(f('2024-03-28T10:00')).toMatchObject({ holiday: 'maundy-thursday', redDay: true });
    expect(f('2024-03-27T10:00')).toMatchObject({ eve: true }); // Wednesday before Maundy Thursday
    expect(f('2024-12-24T10:00')).toMatchObject({ eve: true, redDay: false });
    expect(f('2024-12-31T10:00')).toMatchObject({ eve: true }); // next day in the next year
    expect(f('2024-04-30T10:00')).toMatchObject({ eve: false }); // before 1 May: a public day, not a helgedag
    expect(f('2024-05-17T10:00')).toMatchObject({ holiday: 'constitution-day', redDay: true });
    expect(f('2024-03-16T10:00')).toMatchObject({ weekday: 6, eve: true });
    expect(f('2024-03-13')).toMatchObject({ minutes: 0 });
    expect(timeFacts('13.03.2024')).toBeNull();
    expect(timeFacts('2024-03-13T25:00')).toBeNull();
  });

  test.each([
    ['2024-03-13T15:59', null, false],
    ['2024-03-13T16:00', null, true],
    ['2024-03-13T07:59', null, true],
    ['2024-03-17T12:00', null, true], // Sunday
    ['2024-03-16T09:00', null, true], // Saturday
    ['2024-12-24T11:00', '12:00', false],
    ['2024-12-24T12:00', '12:00', true],
    ['2024-12-24T12:00', null, false],
    ['2024-12-24T09:00', '00:00', true], // office closed all day
    ['2024-12-25T12:00', null, true],
    ['2024-12-27T09:00', null, false],
  ])('evening window at %s (eve start %s) = %p', (at, start, want) => {
    const minutes = start === null ? null : Number(start.slice(0, 2)) * 60 + Number(start.slice(3));
    expect(inEveningWindow(f(at), minutes)).toBe(want);
  });
});
