// What is a bill and what is a line (content-scripts/README.md, "What is a bill"): each step of the
// generic adapter's heuristic on small screens, and the values that are never read as codes.
import { genericAdapter } from '../../content-scripts/adapters/generic';
import { readPlan } from '../../content-scripts/adapters/read-plan';
import { screenValue } from '../../content-scripts/adapters/screen-values';
import { selectedToggles } from '../../content-scripts/adapters/toggles';
import { setBody } from './helpers/dom';

function bills(): string[][] {
  return genericAdapter.regions(document).map((r) => readPlan(genericAdapter.plan(r)).lines.map((l) => `${l.code}x${l.count}`));
}
function reads() {
  return genericAdapter.regions(document).map((r) => readPlan(genericAdapter.plan(r)));
}

describe('values that are never codes', () => {
  test.each([
    ['2ad 010170 12345', 'national-id'],
    ['01017012345', 'national-id'],
    ['01.01.70-123 45', 'national-id'],
    ['41017012345', 'national-id'],
    ['2ad 01 01 70 12345', 'national-id'],
  ])('%s drops the whole field (%s)', (text, reason) => {
    expect(screenValue(text)).toEqual({ text: '', skipped: [reason] });
  });

  test.each([
    ['2026-11-29', 'date'],
    ['29.11.2026', 'date'],
    ['kl 14.30', 'time'],
    ['14:30', 'time'],
    ['22 33 44 55', 'phone'],
    ['+47 912 34 567', 'phone'],
  ])('%s is cut out (%s)', (text, reason) => {
    const out = screenValue(`2ad ${text}`);
    expect(out.skipped).toContain(reason);
    expect(out.text.trim()).toBe('2ad');
  });

  test('rows of codes that look like numbers stay codes', () => {
    expect(screenValue('100 101 102 105 2cd x2')).toEqual({ text: '100 101 102 105 2cd x2', skipped: [] });
  });
});

describe('regions without <form>', () => {
  test('editable rows of one table are lines of one bill', () => {
    setBody(`<div><label>Dato <input type="date" value="2024-03-13"></label>
      <table><thead><tr><th>Takst</th><th>Antall</th></tr></thead><tbody>
      <tr><td><input value="2ad"></td><td><input value="1"></td></tr>
      <tr><td><input value="1bd"></td><td><input value="1"></td></tr></tbody></table></div>`);
    expect(bills()).toEqual([['2adx1', '1bdx1']]);
  });

  test('rows that carry their own time and patient are separate bills', () => {
    setBody(`<table><thead><tr><th>Kl.</th><th>Pasient</th><th>Takster</th></tr></thead><tbody>
      <tr id="a"><td>08:40</td><td>Ola</td><td>2ad, 701a</td></tr>
      <tr id="b"><td>09:10</td><td>Kari</td><td>1bd</td></tr></tbody></table>`);
    expect(bills()).toEqual([['2adx1', '701ax1'], ['1bdx1']]);
  });

  test('two bills side by side, each with its own date, stay apart', () => {
    setBody(`<main>
      <div class="a"><label>Dato <input type="date" value="2024-03-13"></label><label>Takst <input value="2ad"></label></div>
      <div class="b"><label>Dato <input type="date" value="2024-03-14"></label><label>Takst <input value="1bd"></label></div></main>`);
    expect(bills()).toEqual([['2adx1'], ['1bdx1']]);
  });

  test('a static price list is not a bill', () => {
    setBody(`<table><thead><tr><th>Takst</th><th>Honorar</th></tr></thead><tbody><tr><td>2ad</td><td>175</td></tr><tr><td>1bd</td><td>72</td></tr></tbody></table>`);
    expect(bills()).toEqual([]);
  });
});

describe('query fields and lookup pages', () => {
  test('filter fields above a reference table are not a bill', () => {
    setBody(`<div><label>Dato <input value="2026-11-29"></label><label>Takstkode <input value="2ad 1bd"></label></div>
      <table><thead><tr><th>Takst</th><th>Ugyldig kombinasjon</th></tr></thead><tbody><tr><td>2ad</td><td>1bd</td></tr></tbody></table>`);
    expect(reads()).toEqual([]);
  });

  test.each([
    ['<label>Filtrer takster <input value="2ad"></label>'],
    ['<div role="search"><label>Takst <input value="2ad"></label></div>'],
    ['<fieldset><legend>Filter</legend><label>Takstkode <input value="2ad"></label></fieldset>'],
  ])('%s is never read', (html) => {
    setBody(`<form><label>Dato <input type="date" value="2024-03-13"></label>${html}</form>`);
    expect(bills().flat()).toEqual([]);
  });

  test('a placeholder is weaker than a label: "Søk ..." under the label Takster is still the takst field', () => {
    setBody('<form><label>Takster <input placeholder="Søk etter takst" value="2ad"></label></form>');
    expect(bills()).toEqual([['2adx1']]);
  });
});

describe('chips and toggles', () => {
  test('an empty typing input named like the widget does not hide the chips', () => {
    setBody(`<form><label for="t">Takster</label><div><span class="chip">2ad<button>×</button></span><span class="chip">701c<button>×</button></span><input id="t" value=""></div></form>`);
    expect(bills()).toEqual([['2adx1', '701cx1']]);
  });

  const buttons = (classes: string[]) => classes.map((c, i) => Object.assign(document.createElement('button'), { className: c, textContent: `${i + 1}ad` }));

  test('a class and its opposite: the smaller side is selected', () => {
    const b = buttons(['k bg-blue text-white', 'k bg-white', 'k bg-white', 'k bg-white']);
    expect(selectedToggles(b)).toEqual({ selected: [b[0]] });
  });

  test('a class named like a state wins, whatever its share', () => {
    const b = buttons(['k valgt', 'k valgt', 'k valgt', 'k']);
    expect(selectedToggles(b)).toEqual({ selected: [b[0], b[1], b[2]] });
  });

  test('all alike: none selected (a favourites bar); told apart only by style: unreadable', () => {
    expect(selectedToggles(buttons(['k', 'k', 'k']))).toEqual({ selected: [] });
    const b = buttons(['k', 'k', 'k']);
    b[1]!.setAttribute('style', 'background: blue');
    expect(selectedToggles(b)).toEqual({ unreadable: 'toggle-state-unknown' });
  });

  test('a group whose selection cannot be told is "not checked", never silent', () => {
    setBody(`<form><label>Dato <input type="date" value="2024-03-13"></label><div role="group" aria-label="Takster">
      <button class="k a">2ad</button><button class="k b">1bd</button><button class="k c">2cd</button></div></form>`);
    expect(reads().map((r) => r.unreadable)).toEqual(['toggle-state-unknown']);
  });
});

test('a virtualised grid says how many of its rows were read', () => {
  setBody(`<section aria-label="Regning"><label>Dato <input type="date" value="2024-03-13"></label>
    <div role="grid" aria-rowcount="41"><div role="row"><div role="columnheader" aria-colindex="1">Takst</div></div>
    <div role="row" aria-rowindex="2"><div role="gridcell" aria-colindex="1">2ad</div></div>
    <div role="row" aria-rowindex="3"><div role="gridcell" aria-colindex="1">701a</div></div></div></section>`);
  expect(reads().map((r) => [r.lines.map((l) => l.code), r.partial])).toEqual([[['2ad', '701a'], { read: 2, total: 40 }]]);
});
