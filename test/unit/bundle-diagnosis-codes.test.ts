// The diagnosis code lists ride in the background bundle only (issue 9): content scripts, popup and
// settings page never carry them. Bundled here as the build does (esbuild, minified, in memory), so the
// figure printed is the lists' real cost in the service worker.
import * as esbuild from 'esbuild';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const CODES = 'src/core/diagnosis/codes.generated.ts';

async function bundle(entry: string): Promise<{ bytes: number; inputs: Record<string, { bytesInOutput: number }> }> {
  const r = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: [entry],
    bundle: true,
    write: false,
    outdir: 'out',
    minify: true,
    metafile: true,
    format: 'iife',
    target: ['chrome116'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    loader: { '.svg': 'text' },
    logLevel: 'silent',
  });
  const out = Object.entries(r.metafile.outputs).find(([path]) => path.endsWith('.js'))?.[1];
  return { bytes: out?.bytes ?? 0, inputs: out?.inputs ?? {} };
}

describe('diagnosis code lists in the bundles', () => {
  test('the background carries them, packed', async () => {
    const bg = await bundle('src/background/main.ts');
    const codes = bg.inputs[CODES]?.bytesInOutput ?? 0;
    // ~20k ICD-10 and ~1,400 ICPC-2 codes; a plain list would be ~150 KB.
    expect(codes).toBeGreaterThan(40_000);
    expect(codes).toBeLessThan(80_000);
    process.stdout.write(`bundle.background ${bg.bytes} bytes, of which diagnosis code lists ${codes} bytes\n`);
  }, 30_000);

  test.each([['content-scripts/boot.ts'], ['content-scripts/main.ts'], ['popup/main.tsx'], ['src/options/main.tsx']])('%s does not carry them', async (entry) => {
    const b = await bundle(entry);
    expect(Object.keys(b.inputs).filter((p) => p.startsWith('src/core/diagnosis/'))).toEqual([]);
  }, 30_000);
});
