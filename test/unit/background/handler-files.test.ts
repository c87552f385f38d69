// Convention (refined-github's feature tests): src/background/handlers/ holds one file per protocol
// message the background answers, named after the message (`ui:site-add` -> ui-site-add.ts, exporting
// uiSiteAdd), and the router's table (handlers/index.ts) wires each one. Helpers live in src/background/.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROTOCOL } from '../../../src/messages';

const DIR = join(__dirname, '../../../src/background/handlers');
const files = readdirSync(DIR).filter((f) => /\.tsx?$/.test(f) && f !== 'index.ts');
const answered = Object.keys(PROTOCOL).filter((t) => !t.startsWith('bg:'));
const fileOf = (type: string) => `${type.replace(':', '-')}.ts`;
const exportOf = (type: string) => type.replace(/[:-]([a-z0-9])/g, (_, c: string) => c.toUpperCase());

test('every file in handlers/ is a protocol message type', () => {
  const stray = files.filter((f) => !answered.some((t) => fileOf(t) === f));
  if (stray.length) {
    throw new Error(
      `Not a message type in src/messages.ts PROTOCOL: ${stray.join(', ')}.\n` +
        'A file in src/background/handlers/ is the handler of one message (cs-x.ts for cs:x, ui-x.ts for ui:x). ' +
        'Move helpers to src/background/ (e.g. src/background/settings-state.ts), or add the message to PROTOCOL.',
    );
  }
});

test('every cs: and ui: message has its handler file, exporting the handler by name, wired in handlers/index.ts', () => {
  const index = readFileSync(join(DIR, 'index.ts'), 'utf8');
  const problems = answered.flatMap((t) => {
    const f = fileOf(t);
    if (!files.includes(f)) return [`${t}: add src/background/handlers/${f} exporting ${exportOf(t)}(ctx)`];
    const out: string[] = [];
    if (!new RegExp(`export (const|function) ${exportOf(t)}\\b`).test(readFileSync(join(DIR, f), 'utf8'))) out.push(`${t}: ${f} must export ${exportOf(t)}`);
    if (!index.includes(`'${t}': ${exportOf(t)}(ctx)`)) out.push(`${t}: add '${t}': ${exportOf(t)}(ctx), to createHandlers in src/background/handlers/index.ts`);
    return out;
  });
  if (problems.length) throw new Error(problems.join('\n'));
});
