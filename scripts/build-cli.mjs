// esbuild bundle of the `takstvakt` CLI for Node (one file, no runtime dependencies).
import * as esbuild from 'esbuild';

export async function buildCli({ watch = false } = {}) {
  const options = {
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli/takstvakt.cjs',
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: false,
    logLevel: 'warning',
  };
  if (watch) await (await esbuild.context(options)).watch();
  else await esbuild.build(options);
}
