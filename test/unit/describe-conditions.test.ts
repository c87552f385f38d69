// The row options the rules read are shown with the takst (popup, `takstvakt explain`), so the doctor
// sees the same rule the check applies.
import { describeTakst } from '../../src/core/describe';
import { bundledCompiled } from '../../src/data/index';

const [y2023, , , y2026] = bundledCompiled();
const conditions = (tariff: typeof y2023, key: string, locale: 'nb' | 'en' = 'nb'): string => describeTakst(tariff!, key, locale)?.conditions.join(' | ') ?? '';

describe('describeTakst conditions from row options', () => {
  test.each([
    ['1g', /ikke ved tilstedevakt.*bare mellom kl\. 23:00 og 08:00/],
    ['2fk', /ikke ved tilstedevakt/],
    ['11ak', /utenom legevakt i: fastlegepraksis \(fra kl\. 16:00\)/],
    ['2cd', /legens eget arbeid.*mer enn 20 minutter; én til per påbegynte 15 minutter/],
    ['2ae', /turnuslege/],
    ['2dd', /spesialist i allmennmedisin/],
    ['1bk', /brukes 1i i stedet/],
  ])('2023-24 %s', (key, want) => expect(conditions(y2023, key)).toMatch(want));

  test('a carried 2026-27 row says it is carried and unverified', () => {
    expect(conditions(y2026, '2ad')).toMatch(/videreført fra Normaltariffen 2023-24 .*ikke kontrollert/);
    expect(conditions(y2026, '2ad', 'en')).toMatch(/carried from Normaltariffen 2023-24/);
  });
});
