// The teach-mode selector proposer (issue 12 §6): stable attributes over generated ids and positions,
// a code selector that names the same field on every bill line and nothing else, the smallest region.
import { customAdapter } from '../../content-scripts/adapters/custom';
import { readPlan } from '../../content-scripts/adapters/read-plan';
import { generated, propose } from '../../content-scripts/teach/propose';

const $ = (s: string) => document.querySelector(s)!;
const $$ = (s: string) => Array.from(document.querySelectorAll(s));

/** Reads the page with the proposed adapter, through the custom adapter's own code path. */
function readWith(adapter: Parameters<typeof customAdapter>[0]) {
  const a = customAdapter(adapter);
  return a.regions(document).map((r) => {
    const read = readPlan(a.plan(r));
    return { lines: read.lines.map((l) => [l.code, l.count]), context: read.context };
  });
}

describe('generated ids and values are recognised', () => {
  test.each([':r3:', '«r1b»', '_r_5_', 'mui-123', 'ember45', 'ext-gen1043', 'a1b2c3d4e5f6', 'row-1700000000000', 'field-3-code', 'el12'])('%s is generated', (v) => {
    expect(generated(v)).toBe(true);
  });
  test.each(['takst', 'regning-dato', 'ytelse-kode', 'diagnose', 'antall', 'Takstkode linje'])('%s is stable', (v) => {
    expect(generated(v)).toBe(false);
  });
});

describe('div lines with test ids and React-generated ids (a screen the generic adapter cannot read)', () => {
  beforeEach(() => {
    document.body.innerHTML = `
      <header><div id=":r0:" contenteditable="true">Notat om pasienten</div></header>
      <main>
        <section class="kort" data-testid="besok">
          <div class="felt" data-testid="besok-dato">13.03.2024</div>
          <div class="felt" data-testid="besok-tid">10:30</div>
          <div class="felt" data-testid="besok-dx">R74</div>
          <div class="ytelser">
            <div class="rad"><div id=":r1:" class="celle" data-testid="ytelse-kode" contenteditable="true">2ad</div><div class="celle" data-testid="ytelse-antall" contenteditable="true">1</div></div>
            <div class="rad"><div id=":r2:" class="celle" data-testid="ytelse-kode" contenteditable="true">1bd</div><div class="celle" data-testid="ytelse-antall" contenteditable="true">2</div></div>
            <div class="rad"><div id=":r3:" class="celle" data-testid="ytelse-kode" contenteditable="true">701a</div><div class="celle" data-testid="ytelse-antall" contenteditable="true">1</div></div>
          </div>
        </section>
        <section class="kort"><div class="celle" contenteditable="true">fritekst 2ad</div></section>
      </main>`;
  });

  test('one click on a code field names every line code field by its test id, never by the generated id', () => {
    const p = propose({ code: [$('[id=":r2:"]')], count: $$('[data-testid="ytelse-antall"]')[1], date: $('[data-testid="besok-dato"]'), time: $('[data-testid="besok-tid"]'), diagnosis: $('[data-testid="besok-dx"]') });
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(p.adapter.code).toBe('[data-testid="ytelse-kode"]');
    expect(p.adapter.region).toBe('[data-testid="besok"]');
    expect(p.adapter.line).toBe('div.rad');
    expect(p.adapter.count).toBe('[data-testid="ytelse-antall"]');
    expect(Object.values(p.adapter).join(' ')).not.toMatch(/:r\d:/);
    // The code selector matches the three line fields and not the note or the other card's free text.
    const region = $(p.adapter.region);
    expect($$(p.adapter.code)).toEqual($$('.rad > [data-testid="ytelse-kode"]'));
    expect(region.querySelectorAll(p.adapter.code)).toHaveLength(3);
    expect(readWith(p.adapter)).toEqual([{ lines: [['2ad', 1], ['1bd', 2], ['701a', 1]], context: { date: '2024-03-13', time: '10:30', diagnoses: ['R74'] } }]);
  });

  test('the region is the smallest container of what was clicked', () => {
    const p = propose({ code: [$('[id=":r1:"]')] });
    expect(p.ok && p.adapter.region).toBe('div.ytelser');
    expect(p.ok && p.adapter.line).toBeUndefined();
  });
});

describe('a table with numbered names and unnamed rows', () => {
  beforeEach(() => {
    document.body.innerHTML = `
      <form><label>Dato <input name="dato" value="2024-03-13"></label>
      <table><tbody>
        <tr><td><input class="form-control" name="kode-1" value="2ad"></td><td><input class="form-control" name="ant-1" value="1"></td></tr>
        <tr><td><input class="form-control" name="kode-2" value="2cd"></td><td><input class="form-control" name="ant-2" value="3"></td></tr>
      </tbody></table></form>
      <input class="form-control" name="sok" value="2ad">`;
  });

  test('the code field generalises by its name stem; the count is found in each line', () => {
    const p = propose({ code: [$('[name="kode-1"]')], count: $('[name="ant-2"]'), date: $('[name="dato"]') });
    expect(p).toEqual({ ok: true, adapter: { kind: 'custom', region: 'form', code: '[name^="kode-"]', line: 'tr', count: '[name^="ant-"]', date: '[name="dato"]' } });
    if (!p.ok) return;
    expect(readWith(p.adapter)).toEqual([{ lines: [['2ad', 1], ['2cd', 3]], context: { date: '2024-03-13' } }]);
  });
});

describe('a row\'s cells are not its lines', () => {
  test('code and count inputs sharing a class: the rows are the lines, named by the numbered label', () => {
    const rows = [1, 2, 3].map((n) => `<tr id="linje-${n}"><td class="nr">${n}</td><td><input class="kode" aria-label="Takst linje ${n}" value="${['2ad', '701a', '701c'][n - 1]}"></td><td><input class="kode" aria-label="Antall linje ${n}" value="1"></td></tr>`);
    document.body.innerHTML = `<form><table><tbody>${rows.join('')}</tbody></table></form>`;
    const p = propose({ code: [$('#linje-2 [aria-label^="Takst"]')] });
    expect(p).toEqual({ ok: true, adapter: { kind: 'custom', region: 'tbody', code: '[aria-label^="Takst linje "]' } });
    if (p.ok) expect(readWith(p.adapter)[0]!.lines).toEqual([['2ad', 1], ['701a', 1], ['701c', 1]]);
  });
});

describe('grids', () => {
  test('striped rows (even/odd) are one list; cells named by a column attribute generalise, count included', () => {
    document.body.innerHTML = `
      <div role="grid" class="grid">
        <div role="row" class="row row--first even"><div role="gridcell" class="cell" data-field="takst">2ad</div><div role="gridcell" class="cell" data-field="antall">1</div></div>
        <div role="row" class="row odd"><div role="gridcell" class="cell" data-field="takst">2cd</div><div role="gridcell" class="cell" data-field="antall">2</div></div>
      </div>`;
    const p = propose({ code: [$('.odd [data-field="takst"]')], count: $('.even [data-field="antall"]') });
    expect(p).toEqual({ ok: true, adapter: { kind: 'custom', region: 'div.grid', code: '[data-field="takst"]', line: 'div.row', count: '[data-field="antall"]' } });
    if (p.ok) expect(readWith(p.adapter)[0]!.lines).toEqual([['2ad', 1], ['2cd', 2]]);
  });

  test('cells with no name at all: the position within a line, never the first line alone', () => {
    document.body.innerHTML = `
      <table><tbody class="rader"><tr class="p-row-even"><td>2ad</td><td>Konsultasjon</td></tr><tr class="p-row-odd"><td>1bd</td><td>Enkel</td></tr></tbody></table>`;
    const p = propose({ code: [$('tr td')] });
    expect(p).toEqual({ ok: true, adapter: { kind: 'custom', region: 'tbody.rader', code: 'tr > td:nth-of-type(1)' } });
    if (p.ok) expect(readWith(p.adapter)[0]!.lines).toEqual([['2ad', 1], ['1bd', 1]]);
  });
});

describe('takst fields of two kinds', () => {
  test('a chips list and a free-text field picked together give one selector each, as a list', () => {
    document.body.innerHTML = `
      <section id="konsultasjon">
        <ul class="valgte"><li class="chip">2ad</li></ul>
        <textarea aria-label="Tillegg">701a</textarea>
        <textarea aria-label="Notat">Kari har 2ad</textarea>
      </section>`;
    const p = propose({ code: [$('ul.valgte'), $('textarea[aria-label="Tillegg"]')] });
    expect(p).toEqual({ ok: true, adapter: { kind: 'custom', region: '[id="konsultasjon"]', code: 'ul.valgte, [aria-label="Tillegg"]' } });
    if (!p.ok) return;
    expect(readWith(p.adapter)[0]!.lines).toEqual([['2ad', 1], ['701a', 1]]);
  });
});

describe('no stable names at all: position chains, anchored at the region', () => {
  beforeEach(() => {
    document.body.innerHTML = `
      <div><div id="ember12"><span>12.03.2024</span><span>2ad</span></div><div id="ember13"><span>x</span></div></div>`;
  });

  test('a single field with only a generated id gets a chain that matches it alone', () => {
    const p = propose({ code: [$('#ember12 > span:nth-of-type(2)')], date: $('#ember12 > span') });
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(p.adapter.code).not.toContain('ember');
    expect($(p.adapter.region).querySelectorAll(p.adapter.code)).toHaveLength(1);
    expect(readWith(p.adapter)).toEqual([{ lines: [['2ad', 1]], context: { date: '2024-03-12' } }]);
  });

  test('no code field clicked: no proposal', () => {
    expect(propose({ code: [] })).toEqual({ ok: false, problem: 'no-code' });
  });
});
