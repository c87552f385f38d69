// Bad input in the CLI (issue 9): every rejected bill names the field and the constraint in Norwegian,
// never zod's "Invalid input" or an internal error; values are echoed at most 80 characters and never
// with raw control characters; deep nesting cannot overflow the stack.
import { runCli } from '../../src/cli/main';
import type { CliIO } from '../../src/cli/io';
import { safeLine } from '../../src/cli/safe-text';

function run(argv: string[], files: Record<string, string> = {}, stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    stdout: (s) => out.push(s),
    stderr: (s) => err.push(s),
    readFile: (p) => files[p] ?? '',
    readStdin: () => stdin,
    writeFile: () => undefined,
    mkdirp: () => undefined,
  };
  const code = runCli(argv, io);
  return { code, out: out.join(''), err: err.join('') };
}

const ok = { at: '2024-03-13T10:30', setting: 'fastlege', diagnoses: ['R74'], lines: [{ code: '2ad', count: 1 }] };
const line = (over: Record<string, unknown>, at = 0) => {
  const lines: unknown[] = [{ code: '2ad' }, { code: '701a' }, { code: '701c' }, { code: '2cd' }];
  lines[at] = { ...(lines[at] as object), ...over };
  return { ...ok, lines };
};
/** 5,000 nested lists, as JSON text (JSON.stringify of such a value would itself overflow). */
const DEEP = `${'['.repeat(5000)}${']'.repeat(5000)}`;

describe('malformed bills: field and constraint in Norwegian', () => {
  test.each<[string, unknown, RegExp]>([
    ['empty bill (lines: [])', { ...ok, lines: [] }, /^regningen: lines: må ha minst én takstlinje/],
    ['lines[3].count 0', line({ count: 0 }, 3), /lines\[3\]\.count: må være et helt tall fra 1 til 999 \(fikk «0»\)/],
    ['count 1.5', line({ count: 1.5 }), /lines\[0\]\.count: må være et helt tall fra 1 til 999/],
    ['count as text', line({ count: '2' }), /lines\[0\]\.count: må være et helt tall/],
    ['count 1000', line({ count: 1000 }), /lines\[0\]\.count: må være et helt tall fra 1 til 999/],
    ['code a number', line({ code: 701 }, 1), /lines\[1\]\.code: må være en takstkode/],
    ['code empty', line({ code: ' ' }), /lines\[0\]\.code: må være en takstkode/],
    ['code too long', line({ code: 'x'.repeat(40) }), /lines\[0\]\.code: må være en takstkode \(tekst, 1–16 tegn\)/],
    ['line not an object', { ...ok, lines: ['2ad'] }, /lines\[0\]: må være en takstlinje/],
    ['lines not a list', { ...ok, lines: '2ad' }, /lines: må være en liste med takstlinjer/],
    ['at with seconds', { ...ok, at: '2024-03-13T10:30:15' }, /at: må være lokal tid ÅÅÅÅ-MM-DDTTT:MM \(uten sekunder\)/],
    ['at in year 0000', { ...ok, at: '0000-03-13T10:30' }, /at: er ikke en gyldig dato og tid/],
    ['at 30 February', { ...ok, at: '2024-02-30T10:30' }, /at: er ikke en gyldig dato og tid/],
    ['at a date only', { ...ok, at: '2024-03-13' }, /at: må være lokal tid/],
    ['at missing', { ...ok, at: undefined }, /at: mangler/],
    ['at a number', { ...ok, at: 20240313 }, /at: må være lokal tid/],
    ['setting missing', { ...ok, setting: undefined }, /setting: mangler \(må være fastlege, legevakt eller spesialist\)/],
    ['onCall unknown', { ...ok, onCall: 'bakvakt' }, /onCall: må være presence \(tilstedevakt\) eller home \(hjemmevakt\)/],
    ['urgent as text', { ...ok, urgent: 'ja' }, /urgent: må være true eller false/],
    ['clinician.turnus as text', { ...ok, clinician: { turnus: 'yes' } }, /clinician\.turnus: må være true eller false/],
    ['clinician.performedBy unknown', { ...ok, clinician: { performedBy: 'nurse' } }, /clinician\.performedBy: må være doctor eller staff/],
    ['patient.age negative', { ...ok, patient: { age: -1 } }, /patient\.age: må være hele år fra 0 til 130/],
    ['patient.age 15.5', { ...ok, patient: { age: 15.5 } }, /patient\.age: må være hele år/],
    ['patient.exemptions unknown ground', { ...ok, patient: { exemptions: ['rich'] } }, /patient\.exemptions\[0\]: må være en av frikort, pregnancy/],
    ['patient a list', { ...ok, patient: [] }, /patient: må være et objekt/],
    ['diagnoses a string', { ...ok, diagnoses: 'K86' }, /diagnoses: må være en liste med diagnosekoder/],
    ['diagnosis empty', { ...ok, diagnoses: ['K86', ''] }, /diagnoses\[1\]: må være en diagnosekode/],
    ['51 diagnoses', { ...ok, diagnoses: Array(51).fill('K86') }, /diagnoses: kan ha høyst 50 diagnoser/],
    ['durationMinutes as text', { ...ok, durationMinutes: 'ti' }, /durationMinutes: må være minutter fra 0 til 1440/],
    ['holidayEveStart 25:00', { ...ok, clinic: { holidayEveStart: '25:00' } }, /clinic\.holidayEveStart: må være TT:MM/],
    ['bill is a list', [ok], /^regningen: må være et JSON-objekt$/],
    ['bill is null', null, /^regningen: må være et JSON-objekt$/],
    ['deeply nested lines', JSON.stringify({ ...ok, lines: 'DEEP' }).replace('"DEEP"', `[${DEEP}]`), /lines\[0\]: må være en takstlinje/],
  ])('%s', (_name, input, message) => {
    const r = run(['check', '-'], {}, typeof input === 'string' ? input : JSON.stringify(input));
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    const msg = r.err.replace(/^takstvakt: /, '').trimEnd();
    expect(msg).toMatch(message);
    expect(msg).not.toMatch(/Invalid input|internal error|intern feil|\bmust\b|expected/);
  });

  test('at most three issues, each naming its field', () => {
    const r = run(['check', '-'], {}, JSON.stringify({ at: 'x', setting: 'y', lines: [{ code: '', count: 0 }] }));
    expect(r.err.split('; ')).toHaveLength(3);
  });

  test('an echoed value is at most 80 characters', () => {
    const long = `9${'z'.repeat(500)}`;
    const r = run(['explain', long]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`«9${'z'.repeat(78)}…»`);
    expect(r.err).not.toContain('z'.repeat(80));
    const bad = run(['check', '-'], {}, JSON.stringify({ ...ok, at: '2'.repeat(300) }));
    expect(bad.err).toContain(`«${'2'.repeat(79)}…»`);
    expect(bad.err).not.toContain('2'.repeat(81));
  });
});

describe('options are checked', () => {
  test.each([
    [['--now', '2024-13-45T10:00'], /--now må være lokal tid/],
    [['--now', 'i går'], /--now må være .*\(fikk «i går»\)/],
    [['--now', '0000-01-01T00:00'], /--now må være/],
    [['--format', 'html'], /--format må være json eller text \(fikk «html»\)/],
    [['--locale', 'sv'], /--locale må være nb, nn eller en/],
  ])('check %j', (opts, message) => {
    const r = run(['check', '-', ...opts], {}, JSON.stringify(ok));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });

  test.each([['2024-02-30'], ['2024-3-1'], ['0000-01-01']])('explain --date %s is refused', (date) => {
    const r = run(['explain', '2ad', '--date', date]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--date må være en dato ÅÅÅÅ-MM-DD/);
  });

  test('a valid --now (local, with seconds, or an instant) is accepted', () => {
    for (const now of ['2024-06-01T12:00', '2024-06-01T12:00:30', '2024-06-01T10:00Z', '2024-06-01T12:00+02:00']) {
      expect(run(['check', '-', '--now', now], {}, JSON.stringify(ok)).code).toBe(0);
    }
  });
});

describe('control characters never reach the terminal raw', () => {
  test('a diagnosis with an escape sequence and a line break is escaped in --format text', () => {
    const r = run(['check', '-', '--format', 'text'], {}, JSON.stringify({ ...ok, diagnoses: ['K8\u001b[2J6', 'R7\n4\u202e'] }));
    expect(r.out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(r.out).toContain('K8\\u001b[2J6');
    expect(r.out).toContain('R7\\u000a4\\u202e');
  });

  test('an unknown option with control characters is escaped on stderr', () => {
    const r = run(['check', '--x\u001b]0;pwned\u0007']);
    expect(r.code).toBe(2);
    expect(r.err).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    expect(r.err).toContain('\\u001b');
  });

  test('safeLine escapes C0, C1, DEL and bidi controls', () => {
    expect(safeLine('a\u0000b\u007fc\u0085d\u2066e')).toBe('a\\u0000b\\u007fc\\u0085d\\u2066e');
  });
});

describe('deeply nested input', () => {
  test('import-tariff: a deeply nested field is a row error, not a stack overflow', () => {
    const file = `{"takstkoder": [{"takstkode": "2ad", "fradato": "2024-07-01", "honorar": ${DEEP}}]}`;
    const r = run(['import-tariff', 't.json', '--out', '/tmp/x'], { 't.json': file });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/honorar: must be a number, got a list/);
    expect(r.err).not.toMatch(/intern feil|internal error|call stack/);
  });
});
