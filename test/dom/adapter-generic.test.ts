// The generic adapter on small hand-made screens: each association (label, aria, name, id, placeholder,
// column header, group), each field kind, counts, context, opt-out, reference tables and privacy.
import { customAdapter, asCustomAdapter } from '../../content-scripts/adapters/custom';
import { genericAdapter } from '../../content-scripts/adapters/generic';
import { readPlan } from '../../content-scripts/adapters/read-plan';
import { $, setBody } from './helpers/dom';

function read(adapter = genericAdapter) {
  return adapter.regions(document).map((r) => ({ region: r, ...readPlan(adapter.plan(r)) }));
}
function codes(adapter = genericAdapter) {
  return read(adapter).flatMap((r) => r.lines.map((l) => `${l.code}x${l.count}`));
}

describe('finding takst fields by association', () => {
  test.each([
    ['<label for="t">Takst</label><input id="t" value="2ad">', 'label for'],
    ['<label>Takstkode <input value="2ad"></label>', 'wrapping label'],
    ['<input aria-label="Takster" value="2ad">', 'aria-label'],
    ['<span id="l">Takst</span><input aria-labelledby="l" value="2ad">', 'aria-labelledby'],
    ['<input name="takst" value="2ad">', 'name'],
    ['<input id="takstkode" value="2ad">', 'id'],
    ['<input placeholder="Takster, f.eks. 2ad" value="2ad">', 'placeholder'],
    ['<table><thead><tr><th>Takst</th></tr></thead><tbody><tr><td><input value="2ad"></td></tr></tbody></table>', 'column header'],
  ])('%s (%s)', (html) => {
    setBody(`<form>${html}</form>`);
    expect(codes()).toEqual(['2adx1']);
  });

  test('fields not about takster are not read', () => {
    setBody('<form><label>Kommentar <input value="2ad"></label><label>Søk takst <input value="2a"></label></form>');
    expect(codes()).toEqual([]);
  });
});

describe('field kinds', () => {
  test('select, textarea and contenteditable with several codes', () => {
    setBody(`<form>
      <select name="takst"><option value="">Velg</option><option value="2ad" selected>2ad Konsultasjon</option></select>
      <textarea name="takster">701a;2cd x2</textarea>
      <div contenteditable="true" aria-label="Takster">1bd<br>11ak</div></form>`);
    expect(codes()).toEqual(['2adx1', '701ax1', '2cdx2', '1bdx1', '11akx1']);
  });

  test('checked checkboxes and radios whose value is a code; unchecked ones are not read', () => {
    setBody(`<form>
      <label><input type="checkbox" name="takst" value="2ad" checked> 2ad Konsultasjon</label>
      <label><input type="checkbox" name="takst" value="1bd"> 1bd</label>
      <fieldset><legend>Tilleggstakster</legend><label><input type="radio" name="x" value="2cd" checked> 2cd</label></fieldset></form>`);
    expect(codes()).toEqual(['2adx1', '2cdx1']);
  });

  test('pressed buttons in a takst group: the code, not the price line', () => {
    setBody(`<form><div role="group" aria-label="Takster">
      <button aria-pressed="true"><span>2ad</span><small>kr 170</small></button>
      <button aria-pressed="false"><span>2ak</span><small>kr 288</small></button></div></form>`);
    expect(codes()).toEqual(['2adx1']);
  });

  test('chips in a combobox: chip texts, not the remove buttons or the typed query', () => {
    setBody(`<form><div role="combobox" aria-label="Takster">
      <span>2ad<button aria-label="Fjern 2ad">×</button></span><span>701c<button>×</button></span>
      <input aria-autocomplete="list" value="2c"></div></form>`);
    expect(codes()).toEqual(['2adx1', '701cx1']);
  });

  test('a "Valgte takster" summary wins over the picker list it summarises', () => {
    setBody(`<form>
      <ul aria-label="Takster å velge fra"><li><span>2ad</span><span>0</span><button>+</button></li><li><span>2cd</span><button>+</button></li></ul>
      <h3>Valgte takster</h3><ul><li><strong>2cd</strong> – Tidstillegg × 3</li></ul></form>`);
    expect(codes()).toEqual(['2cdx3']);
  });
});

describe('counts', () => {
  test('an adjacent Antall field on the same line', () => {
    setBody(`<form>
      <div class="linje"><input aria-label="Takst" value="2cd"><input aria-label="Antall" value="3"></div>
      <div class="linje"><input aria-label="Takst" value="2ad"><input aria-label="Antall" value="1"></div></form>`);
    expect(codes()).toEqual(['2cdx3', '2adx1']);
  });

  test('an antall_<code> field inserted at runtime names its code', () => {
    setBody(`<form><label><input type="checkbox" name="takst" value="2cd" checked> 2cd</label></form>`);
    expect(codes()).toEqual(['2cdx1']);
    const extra = document.createElement('input');
    extra.name = 'antall_2cd';
    extra.setAttribute('aria-label', 'Antall 2cd');
    extra.value = '2';
    $('form').append(extra);
    expect(codes()).toEqual(['2cdx2']);
  });

  test('a count written with the code wins over the Antall field', () => {
    setBody('<form><div><input aria-label="Takst" value="2cd x2"><input aria-label="Antall" value="5"></div></form>');
    expect(codes()).toEqual(['2cdx2']);
  });
});

describe('context', () => {
  test('date, time, diagnosis codes, age from a birth date, contact type, specialist, duration', () => {
    setBody(`<form>
      <label>Dato <input type="date" value="2024-03-13"></label>
      <label>Tidspunkt <input type="time" value="09:05:00"></label>
      <label>Diagnose (ICPC-2) <input value="k86, R74 tekst"></label>
      <label>Fødselsdato <input value="14.03.1970"></label>
      <label>Kontakttype <select><option>Kontor</option><option selected>Sykebesøk</option></select></label>
      <label><input type="checkbox" checked> Spesialist i allmennmedisin</label>
      <label>Varighet (min) <input value="35"></label>
      <input name="takst" value="2ad"></form>`);
    const [r] = read();
    expect(r!.context).toEqual({
      date: '2024-03-13',
      time: '09:05',
      diagnoses: ['K86', 'R74'],
      age: 53,
      specialistGP: true,
      durationMinutes: 35,
    });
  });

  test('datetime-local gives date and time; Alder wins over a birth date', () => {
    setBody(`<form><label>Tidspunkt <input type="datetime-local" value="2024-03-13T18:30"></label>
      <label>Alder <input value="8"></label><label>Fødselsdato <input type="date" value="1970-01-01"></label><input name="takst" value="2ad"></form>`);
    expect(read()[0]!.context).toEqual({ date: '2024-03-13', time: '18:30', age: 8 });
  });
});

describe('privacy', () => {
  test('names, national ids and HPR numbers are never read, even when labelled near takster', () => {
    setBody(`<form>
      <label>Pasientnavn <input value="Kari Nordmann"></label>
      <label>Fødselsnummer <input value="01017012345"></label>
      <label>HPR-nummer <input value="9144889"></label>
      <label>Navn på takst <input value="2ad"></label>
      <label>Takst <input value="2ad"></label></form>`);
    const text = JSON.stringify(read().map((r) => [r.lines.map((l) => [l.code, l.count]), r.context]));
    expect(text).not.toMatch(/Kari|01017012345|9144889/);
    expect(codes()).toEqual(['2adx1']);
  });
});

describe('what is not a bill', () => {
  test('a reference table with "Ugyldig kombinasjon"/"Krever takst" columns yields no region', () => {
    const rows = Array.from({ length: 300 }, (_, i) => `<tr><td>${i}ad</td><td>2ak</td><td>2ad</td></tr>`).join('');
    setBody(`<table><thead><tr><th>Takst</th><th>Ugyldig kombinasjon</th><th>Krever takst</th></tr></thead><tbody>${rows}</tbody></table>`);
    expect(genericAdapter.regions(document)).toEqual([]);
  });

  test('data-takstvakt="off" on any ancestor opts out', () => {
    setBody('<div data-takstvakt="off"><form><input name="takst" value="2ad"></form></div><form id="b"><input name="takst" value="1bd"></form>');
    expect(codes()).toEqual(['1bdx1']);
  });

  test('a takst label with nothing readable marks the region unreadable', () => {
    setBody('<form><label>Takster</label><canvas></canvas></form>');
    const [r] = read();
    expect(r!.unreadable).toBe('no-field');
  });

  test('a takst field holding words that are not codes is unreadable', () => {
    setBody('<form><input name="takst" value="konsultasjon"></form>');
    expect(read()[0]!.unreadable).toBe('not-codes');
  });
});

describe('regions', () => {
  test('each form is one bill; saved-bill rows outside a form are one bill each', () => {
    setBody(`<form id="a"><input name="takst" value="2ad"></form><form id="b"><input name="takst" value="1bd"></form>
      <table><thead><tr><th>Kl.</th><th>Takster</th></tr></thead><tbody><tr id="r1"><td>08:40</td><td>2ad, 2cd x2</td></tr></tbody></table>`);
    const regions = read();
    expect(regions.map((r) => r.region.id)).toEqual(['a', 'b', 'r1']);
    expect(regions[2]!.lines.map((l) => `${l.code}x${l.count}`)).toEqual(['2adx1', '2cdx2']);
    expect(regions[2]!.context.time).toBe('08:40');
  });

  test('an open shadow root of a host component is read, its host is the region', () => {
    setBody('<epj-bill id="c"></epj-bill>');
    const host = $('#c');
    const root = host.attachShadow({ mode: 'open' });
    const input = document.createElement('input');
    input.setAttribute('aria-label', 'Takst');
    input.value = '701a';
    root.append(input);
    expect(genericAdapter.regions(root)).toEqual([host]);
    expect(readPlan(genericAdapter.plan(host)).lines.map((l) => l.code)).toEqual(['701a']);
  });
});

describe('custom adapter', () => {
  test('reads with the clinic selectors, counts from the line', () => {
    setBody('<div class="bill"><div class="row"><b class="c">2cd</b><i class="n">3</i></div><span class="d">13.03.2024</span></div>');
    const cfg = asCustomAdapter({ kind: 'custom', region: '.bill', code: '.c', line: '.row', count: '.n', date: '.d' });
    expect(cfg).not.toBeNull();
    const a = customAdapter(cfg!);
    expect(codes(a)).toEqual(['2cdx3']);
    expect(read(a)[0]!.context.date).toBe('2024-03-13');
  });

  test('a selector the browser rejects makes the region unreadable, never throws', () => {
    setBody('<div class="bill"><b>2ad</b></div>');
    const a = customAdapter(asCustomAdapter({ kind: 'custom', region: '.bill', code: 'b[' })!);
    expect(read(a)[0]!.unreadable).toBe('bad-selector');
  });

  test('a region selector the browser rejects makes the page "not checked" instead of silent', () => {
    setBody('<div class="bill"><b>2ad</b></div>');
    const a = customAdapter(asCustomAdapter({ kind: 'custom', region: 'div[[', code: 'b' })!);
    expect(a.regions(document)).toEqual([document.body]);
    expect(read(a)[0]!.unreadable).toBe('bad-selector');
  });

  test('a config of the wrong shape is not a custom adapter', () => {
    expect(asCustomAdapter({ kind: 'generic' })).toBeNull();
    expect(asCustomAdapter({ kind: 'custom', region: '' , code: 'x' })).toBeNull();
  });
});
