import { controlLabels } from '../../content-scripts/adapters/dom';

// controlLabels() stands in for the browser's `el.labels` (which walks the whole page per control):
// on every case below it must give exactly what the browser gives.
const CASES: Array<[string, string]> = [
  ['for label', '<label for="a">Takst</label><input id="a">'],
  ['wrapping label', '<label>Takst <input id="a"></label>'],
  ['wrapping label with a for elsewhere names the other field', '<label for="b">Takst <input id="a"></label><input id="b">'],
  ['two labels, tree order', '<label>Diagnose <input id="a"></label><label for="a">ICPC-2</label>'],
  ['a wrapping label names only its first labelable descendant', '<label>Takst <input id="x"><input id="a"></label>'],
  ['a for label of a duplicate id names the first element only', '<input id="a"><label for="a">Takst</label><input id="a">'],
  ['select and textarea', '<label for="a">Takster</label><select id="a"></select><label>Notat <textarea></textarea></label>'],
  ['no label', '<input id="a"><label>Annet</label>'],
];

describe('controlLabels gives what el.labels gives', () => {
  test.each(CASES)('%s', (_name, html) => {
    document.body.innerHTML = html;
    for (const el of Array.from(document.querySelectorAll('input,select,textarea,div'))) {
      const want = (el as HTMLInputElement).labels;
      expect(controlLabels(el)).toEqual(want ? Array.from(want) : null);
    }
  });

  test('not labelable, and hidden inputs: null, as el.labels is', () => {
    document.body.innerHTML = '<label>Takst <div id="d"></div><input type="hidden" id="h"></label>';
    expect(controlLabels(document.getElementById('d')!)).toBeNull();
    expect(controlLabels(document.getElementById('h')!)).toBeNull();
  });

  test('a for label in another tree scope does not count; one in the same shadow root does', () => {
    document.body.innerHTML = '<label for="a">Utenfor</label><div id="host"></div>';
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<label for="a">Takst</label><input id="a">';
    const input = shadow.getElementById('a')!;
    expect(controlLabels(input)!.map((l) => l.textContent)).toEqual(['Takst']);
  });

  test('a label added by the page in a later task is seen (the map lives for one task)', async () => {
    document.body.innerHTML = '<input id="a">';
    const input = document.getElementById('a')!;
    expect(controlLabels(input)).toEqual([]);
    await Promise.resolve();
    const label = document.createElement('label');
    label.htmlFor = 'a';
    label.textContent = 'Takst';
    document.body.prepend(label);
    expect(controlLabels(input)).toEqual([label]);
  });
});
