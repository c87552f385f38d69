// The boot script: the full content script is asked for exactly when the frame shows a takst word
// (text, a field's name/id/placeholder/aria-label/title/for, or inside an open shadow root), once.
import { lookupTables, mentionsTakst, watchForBill } from '../../content-scripts/boot';

const flush = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => {
  document.documentElement.innerHTML = '<head></head><body></body>';
});

describe('mentionsTakst', () => {
  test.each([
    ['<label>Takst <input></label>', true],
    ['<table><tr><th>Takster</th></tr></table>', true],
    ['<input name="takstkode">', true],
    ['<input placeholder="Legg til TAKST">', true],
    ['<input aria-label="takster for regningen">', true],
    ['<label for="takst-1">Kode</label>', true],
    ['<p>Journalnotat: pasienten har vondt i ryggen.</p><input name="diagnose">', false],
  ])('%s -> %p', (html, want) => {
    document.body.innerHTML = html;
    expect(mentionsTakst(document)).toBe(want);
  });

  test('sees into open shadow roots', () => {
    const host = document.createElement('div');
    host.attachShadow({ mode: 'open' }).innerHTML = '<label>Takst <input></label>';
    document.body.append(host);
    expect(mentionsTakst(document)).toBe(true);
  });
});

describe('watchForBill', () => {
  test('activates at once when the frame already shows a takst field', () => {
    document.body.innerHTML = '<label>Takst <input></label>';
    const activate = jest.fn();
    watchForBill(document, activate);
    expect(activate).toHaveBeenCalledTimes(1);
  });

  test('waits on a frame without one, then activates once when a billing form appears later', async () => {
    document.body.innerHTML = '<p>Laster …</p>';
    const activate = jest.fn();
    watchForBill(document, activate);
    document.body.append(Object.assign(document.createElement('div'), { textContent: 'Pasientliste' }));
    await flush();
    expect(activate).not.toHaveBeenCalled();
    const input = document.createElement('input');
    input.name = 'takst';
    document.body.append(input);
    await flush();
    document.body.append(Object.assign(document.createElement('h2'), { textContent: 'Takster' }));
    await flush();
    expect(activate).toHaveBeenCalledTimes(1);
  });

  test('notices text typed into an existing node and an attribute renamed to a takst field', async () => {
    document.body.innerHTML = '<span id="s">x</span><input id="f" name="kode">';
    const a = jest.fn();
    watchForBill(document, a);
    (document.getElementById('s')!.firstChild as Text).data = 'Takster';
    await flush();
    expect(a).toHaveBeenCalledTimes(1);

    document.body.innerHTML = '<input id="f" name="kode">';
    const b = jest.fn();
    watchForBill(document, b);
    document.getElementById('f')!.setAttribute('aria-label', 'Takstkode');
    await flush();
    expect(b).toHaveBeenCalledTimes(1);
  });

  test('watches inside open shadow roots, also when the component renders its form later', async () => {
    document.body.innerHTML = '';
    const host = document.createElement('div');
    const root = host.attachShadow({ mode: 'open' });
    document.body.append(host);
    const activate = jest.fn();
    watchForBill(document, activate);
    await flush();
    expect(activate).not.toHaveBeenCalled();
    const label = document.createElement('label');
    label.textContent = 'Takst';
    root.append(label);
    await flush();
    expect(activate).toHaveBeenCalledTimes(1);
  });

  test('stop() ends the watch: nothing is activated afterwards', async () => {
    document.body.innerHTML = '<p>tom</p>';
    const activate = jest.fn();
    const stop = watchForBill(document, activate);
    stop();
    document.body.append(Object.assign(document.createElement('label'), { textContent: 'Takst' }));
    await flush();
    expect(activate).not.toHaveBeenCalled();
  });
});

describe('boot shares the generic adapter words', () => {
  test('our own name on the page is not a takst field; a field named only by data-label is', () => {
    document.body.innerHTML = '<footer>Kontrollert av Takstvakt</footer>';
    expect(mentionsTakst(document)).toBe(false);
    document.body.innerHTML = '<input data-label="Takst">';
    expect(mentionsTakst(document)).toBe(true);
  });
});

describe('lookup pages (a reference table with filter fields) keep only the boot script', () => {
  const LOOKUP =
    '<h1>Takstoppslag</h1><label>Dato <input id="dato"></label><label>Takstkode <input id="takstkode"></label>' +
    '<table><thead><tr><th>Takst</th><th>Beskrivelse</th><th>Ugyldig kombinasjon</th></tr></thead>' +
    '<tbody><tr><td>2ad</td><td>Konsultasjon</td><td>1bd</td></tr></tbody></table>';
  const later = () => new Promise((r) => setTimeout(r, 120));

  test('no full script on a lookup page, not for rows re-rendered as the doctor filters; then a bill appears and it is asked for once', async () => {
    document.body.innerHTML = LOOKUP;
    expect(lookupTables(document)).toEqual([document.querySelector('table')]);
    const activate = jest.fn();
    watchForBill(document, activate, lookupTables);
    expect(activate).not.toHaveBeenCalled();
    const row = document.createElement('tr');
    row.innerHTML = '<td>2fk</td><td>Takst for legevakt</td><td></td>';
    document.querySelector('tbody')!.append(row);
    // React sets and clears an empty `name` on the filter on every keystroke: no news.
    document.getElementById('takstkode')!.setAttribute('name', '');
    document.getElementById('takstkode')!.removeAttribute('name');
    await later();
    expect(activate).not.toHaveBeenCalled();
    const form = document.createElement('form');
    form.innerHTML = '<label>Diagnose <input name="diagnose" value="A04"></label><label>Takster <input name="takster" value="2ad"></label>';
    document.body.append(form);
    await later();
    expect(activate).toHaveBeenCalledTimes(1);
  });

  test('a bill beside a reference table is a bill: asked for at once', () => {
    document.body.innerHTML = `${LOOKUP}<form><label>Dato <input name="dato" value="2024-03-13"></label><label>Diagnose <input name="diagnose" value="A04"></label><label>Takster <input name="takster" value="2ad"></label></form>`;
    expect(lookupTables(document)).toEqual([]);
    const activate = jest.fn();
    watchForBill(document, activate, lookupTables);
    expect(activate).toHaveBeenCalledTimes(1);
  });

  test('a page without a reference table is never held back', () => {
    document.body.innerHTML = '<label>Takstkode <input id="takstkode"></label>';
    expect(lookupTables(document)).toEqual([]);
  });
});
