import { ruleTable } from './helpers';

describe('invalid-combination', () => {
  ruleTable('invalid-combination', [
    { name: '1ad2 with 701a and 703 (seed: lab takster 701a-712 are allowed)', bill: { codes: '1ad2 701a 703' }, want: [] },
    { name: '1ad2 with 2ad (all other takster are invalid)', bill: { codes: '1ad2 2ad' }, want: ['rule_invalid_combination'], codes: ['1ad2', '2ad'] },
    { name: '1bd alone', bill: { codes: '1bd' }, want: [] },
    { name: '1bd with 2ad ("alle")', bill: { codes: '1bd 2ad' }, want: ['rule_invalid_combination_alone'], codes: ['1bd', '2ad'] },
    { name: '1bk with 1i and 701a: one finding naming both', bill: { codes: '1bk 1i 701a', at: '2024-03-13T18:00', setting: 'legevakt' }, want: ['rule_invalid_combination_alone'], codes: ['1bk', '1i', '701a'] },
    { name: '1i with a consultation (seed: prescriptions are part of the consultation)', bill: { codes: '2ad 1i' }, want: ['rule_invalid_combination'], codes: ['1i', '2ad'] },
    { name: '1i with a home visit', bill: { codes: '11ad 1i' }, want: ['rule_invalid_combination'] },
    { name: '1i alone', bill: { codes: '1i' }, want: [] },
    // Seed «Takst 1i»: «skal enten takst 1i eller takst 1h brukast»; «berre bruke ein kontakttakst».
    { name: '1i with 1h (one contact takst per contact)', bill: { codes: '1i 1h' }, want: ['rule_invalid_combination'], codes: ['1i', '1h'] },
    { name: '1h alone', bill: { codes: '1h' }, want: [] },
    // Seed «Takst 2fk»: «For andre pasientar under same utrykking skal legen nytte takst 2ak».
    { name: '2fk with 2ak for one patient', bill: { codes: '2ak 2fk', setting: 'legevakt', at: '2024-03-13T18:00' }, want: ['rule_invalid_combination'], codes: ['2fk', '2ak'] },
    { name: '2fk alone', bill: { codes: '2fk', setting: 'legevakt', at: '2024-03-13T18:00' }, want: [] },
    { name: '2ae with 1h (referral is part of the e-consultation)', bill: { codes: '2ae 1h' }, want: ['rule_invalid_combination'], codes: ['2ae', '1h'] },
    { name: '2ae with 1i: both deny each other, reported once', bill: { codes: '2ae 1i' }, want: ['rule_invalid_combination'], codes: ['2ae', '1i'] },
    { name: 'a symmetric pair is reported once (612a denies 612b)', bill: { codes: '612a 612b', patient: { age: 10 } }, want: ['rule_invalid_combination'] },
    { name: 'codes match case- and space-insensitively', bill: { codes: '1BD 2AD' }, want: ['rule_invalid_combination_alone'] },
  ]);
});
