// The store build of an extension for a test: the demo build's files with the store manifest (no
// static host access; scripts/build-extension.mjs manifestFor(browser, { demo: false })), in a private
// temporary copy so a build running meanwhile cannot hand the browser half-written files.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function storeManifest(browser: 'chrome' | 'firefox'): Record<string, unknown> {
  const r = spawnSync(
    process.execPath,
    ['--input-type=module', '-e', `import('./scripts/build-extension.mjs').then((m) => console.log(JSON.stringify(m.manifestFor(${JSON.stringify(browser)}, { demo: false }))))`],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`manifestFor failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

export function storeBuildCopy(browser: 'chrome' | 'firefox'): { dir: string; manifest: Record<string, unknown>; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), `takstvakt-store-${browser}-`));
  cpSync(`dist/${browser}`, dir, { recursive: true });
  const manifest = storeManifest(browser);
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return { dir, manifest, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
