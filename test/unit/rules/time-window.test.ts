import { BASE_ROWS, check, compile, findingsOf, row, ruleTable } from './helpers';

// 2024-03-11 Monday, 2024-03-13 Wednesday, 2024-03-16 Saturday, 2024-03-17 Sunday,
// 2024-03-27 Wednesday before Maundy Thursday, 2024-05-01 Wednesday (1 May), 2024-04-30 Tuesday.
const LV = { setting: 'legevakt' as const, onCall: 'home' as const };

describe('time-window', () => {
  ruleTable('time-window', [
    { name: 'k-takst at legevakt 16:00 on a weekday', bill: { codes: '2ak', ...LV, at: '2024-03-13T16:00' }, want: [] },
    { name: 'k-takst at legevakt 07:59 on a weekday', bill: { codes: '2ak', ...LV, at: '2024-03-13T07:59' }, want: [] },
    { name: 'k-takst at legevakt 15:59 on a weekday', bill: { codes: '2ak', ...LV, at: '2024-03-13T15:59' }, want: ['rule_time_window_k'] },
    { name: 'k-takst at legevakt 08:00 on a weekday', bill: { codes: '2ak', ...LV, at: '2024-03-13T08:00' }, want: ['rule_time_window_k'] },
    { name: 'k-takst on a Sunday at noon', bill: { codes: '2ak', ...LV, at: '2024-03-17T12:00' }, want: [] },
    { name: 'k-takst on a Saturday at 10:00 (offices closed)', bill: { codes: '2ak', ...LV, at: '2024-03-16T10:00' }, want: [] },
    { name: 'k-takst on 1 May at noon (public day)', bill: { codes: '2ak', ...LV, at: '2024-05-01T12:00' }, want: [] },
    { name: 'the day before 1 May is an ordinary weekday', bill: { codes: '2ak', ...LV, at: '2024-04-30T12:00' }, want: ['rule_time_window_k'] },
    { name: 'Wednesday before Maundy Thursday from the legevakt start 12:00', bill: { codes: '2ak', ...LV, at: '2024-03-27T12:00', clinic: { holidayEveStart: '12:00' } }, want: [] },
    { name: 'Wednesday before Maundy Thursday before the legevakt start', bill: { codes: '2ak', ...LV, at: '2024-03-27T11:00', clinic: { holidayEveStart: '12:00' } }, want: ['rule_time_window_eve_before_start'], severity: 'error' },
    // Seed «Korrekt bruk av kveldstakstar»: the legevakt may start early on these days; only the clinic knows when.
    { name: 'a holiday eve at legevakt without a clinic start asks for it (warning)', bill: { codes: '2ak', ...LV, at: '2024-03-27T13:00' }, want: ['rule_time_window_eve_start_unknown'], severity: 'warning' },
    { name: '24 December 2024 (Tuesday) 10:00 at legevakt without a clinic start (warning)', bill: { codes: '2ak', ...LV, at: '2024-12-24T10:00' }, want: ['rule_time_window_eve_start_unknown'], severity: 'warning' },
    { name: '24 December 2023 is a Sunday: a red day anyway', bill: { codes: '2ak', ...LV, at: '2023-12-24T10:00' }, want: [] },
    { name: '2fk on a holiday eve at legevakt without a clinic start (warning, not the weekday text)', bill: { codes: '2fk', ...LV, at: '2024-03-27T13:00' }, want: ['rule_time_window_eve_start_unknown'], severity: 'warning' },
    { name: '2fk on a holiday eve after the clinic start', bill: { codes: '2fk', ...LV, at: '2024-03-27T13:00', clinic: { holidayEveStart: '12:00' } }, want: [] },
    { name: 'a holiday eve at a fastlege office (not legevakt) counts from 16:00', bill: { codes: '2ak', at: '2024-03-27T13:00', urgent: true }, want: ['rule_time_window_k'] },
    // D1: «ved reise: når reisa startar før klokka 07.00»
    { name: '21k at 06:30 on a weekday (the trip started before 07:00)', bill: { codes: '2fk 21k', ...LV, at: '2024-03-13T06:30' }, want: [] },
    { name: '21k at 07:30 on a weekday: did the trip start before 07:00?', bill: { codes: '2fk 21k', ...LV, at: '2024-03-13T07:30' }, want: ['rule_time_window_travel_start'], codes: ['21k'], severity: 'warning' },
    { name: '21k at 07:30 on a Sunday', bill: { codes: '2fk 21k', ...LV, at: '2024-03-17T07:30' }, want: [] },
    { name: 'holidayEveStart does not make an ordinary weekday an eve', bill: { codes: '2ak', ...LV, at: '2024-03-13T13:00', clinic: { holidayEveStart: '12:00' } }, want: ['rule_time_window_k'] },
    { name: 'k-takst by a fastlege in the evening, not urgent', bill: { codes: '2ak', at: '2024-03-13T18:00', urgent: false }, want: ['rule_time_window_who'], severity: 'error' },
    { name: 'k-takst by a fastlege in the evening, urgency not stated', bill: { codes: '2ak', at: '2024-03-13T18:00' }, want: ['rule_time_window_who'], severity: 'warning' },
    { name: 'k-takst by a fastlege in the evening for urgent help', bill: { codes: '2ak', at: '2024-03-13T18:00', urgent: true }, want: [] },
    { name: "fastlege's planned home visit 11ak + 11e after 16:00", bill: { codes: '11ak 11e', at: '2024-03-13T16:30', urgent: false }, want: [] },
    { name: "fastlege's planned home visit 11ak before 16:00", bill: { codes: '11ak', at: '2024-03-13T14:00', urgent: false }, want: ['rule_time_window_k'] },
    { name: '2fk on a weekday at 15:00 (use 2ad)', bill: { codes: '2fk', ...LV, at: '2024-03-11T15:00' }, want: ['rule_time_window_k'] },
    { name: '2fk on a weekday at 16:30', bill: { codes: '2fk', ...LV, at: '2024-03-11T16:30' }, want: [] },
    { name: '1g at 23:30 at legevakt', bill: { codes: '1g', ...LV, at: '2024-03-11T23:30' }, want: [] },
    { name: '1g at 03:00', bill: { codes: '1g', ...LV, at: '2024-03-12T03:00' }, want: [] },
    { name: '1g at 22:59', bill: { codes: '1g', ...LV, at: '2024-03-11T22:59' }, want: ['rule_time_window_clock'] },
    { name: 'd-takst is not limited by this rule', bill: { codes: '2ad', ...LV, at: '2024-03-11T20:00' }, want: [] },
  ]);
});

describe('time-window: 2aek, the year decides (row.eveningException)', () => {
  // 2023-24: 2aek is also the fastlege's evening e-consultation (exception for fastlege, whole window).
  ruleTable('time-window', [
    { name: '2aek by a fastlege at 18:00', bill: { codes: '2aek', at: '2024-03-13T18:00' }, want: [] },
    { name: '2aek by a fastlege at 10:00 on a weekday', bill: { codes: '2aek', at: '2024-03-13T10:00' }, want: ['rule_time_window_k'] },
  ], compile([...BASE_ROWS, row('2aek', { kind: 'consultation', timeClass: 'k', eveningException: { settings: ['fastlege'], after: null } })]));
  // From 1 July 2024 the row has no fastlege exception (2aef is the fastlege's): D1's "who" applies.
  ruleTable('time-window', [
    { name: '2aek by a fastlege at 18:00 without the exception', bill: { codes: '2aek', at: '2024-03-13T18:00', urgent: false }, want: ['rule_time_window_who'] },
    { name: '2aek at legevakt at 18:00', bill: { codes: '2aek', ...LV, at: '2024-03-13T18:00' }, want: [] },
  ], compile([...BASE_ROWS, row('2aek', { kind: 'consultation', timeClass: 'k' })]));
});

describe('time-window: clock, exceptions and day takst are row data', () => {
  const other = compile([
    ...BASE_ROWS.filter((r) => r.code !== '1g' && r.code !== '11ak'),
    row('1g', { kind: 'contact', clock: { from: '22:00', to: '07:00' } }),
    row('11ak', { kind: 'home-visit', timeClass: 'k', eveningException: { settings: ['fastlege'], after: '17:00' } }),
  ]);
  ruleTable('time-window', [
    { name: '1g at 22:30 with a 22:00-07:00 clock', bill: { codes: '1g', ...LV, at: '2024-03-11T22:30' }, want: [] },
    { name: '1g at 07:30 with a 22:00-07:00 clock', bill: { codes: '1g', ...LV, at: '2024-03-12T07:30' }, want: ['rule_time_window_clock'] },
    { name: '11ak by a fastlege at 16:30 with the exception from 17:00', bill: { codes: '11ak', at: '2024-03-13T16:30', urgent: false }, want: ['rule_time_window_who'] },
    { name: '11ak by a fastlege at 17:30 with the exception from 17:00', bill: { codes: '11ak', at: '2024-03-13T17:30', urgent: false }, want: [] },
  ], other);

  test('the fix names the day takst the row gives (2fk -> 2ad), else the generic d-takst', () => {
    const fk = findingsOf(check({ codes: '2fk', ...LV, at: '2024-03-11T15:00' }), 'time-window')[0];
    expect(fk?.fix).toContain('2ad');
    const ak = findingsOf(check({ codes: '2ak', ...LV, at: '2024-03-11T15:00' }), 'time-window')[0];
    expect(ak?.fix).toBe('Bruk dagtaksten (d) i stedet, eller rett tidspunktet. Dagen før helligdag: legg inn når legevakten starter i innstillingene.');
  });

  test('the D1 address comes from the tariff version, not from code', () => {
    const d1 = 'https://example.test/merknad-d1';
    const t = compile(BASE_ROWS, { merknader: [{ id: 'D1', summary: null, url: d1, provenance: { source: 'test', url: null, year: null, verified: false } }] });
    const f = findingsOf(check({ codes: '2ak', ...LV, at: '2024-03-11T15:00' }, {}, t), 'time-window')[0];
    expect(f?.source.url).toBe(d1);
    expect(findingsOf(check({ codes: '2ak', ...LV, at: '2024-03-11T15:00' }), 'time-window')[0]?.source.url).toBeUndefined();
  });
});
