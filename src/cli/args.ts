// Minimal argv parsing: positionals and `--name value` / `--name=value` / boolean flags.
import { shownValue } from '../core/bill';
import { UsageError } from './io';

export interface ParsedArgs {
  positionals: string[];
  options: Map<string, string[]>;
}

export function parseArgs(argv: readonly string[], valueOptions: readonly string[], flags: readonly string[]): ParsedArgs {
  const positionals: string[] = [];
  const options = new Map<string, string[]>();
  const add = (k: string, v: string) => options.set(k, [...(options.get(k) ?? []), v]);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '-' || !a.startsWith('-')) {
      positionals.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = (eq >= 0 ? a.slice(0, eq) : a).replace(/^--?/, '');
    if (flags.includes(name)) {
      add(name, 'true');
    } else if (valueOptions.includes(name)) {
      const value = eq >= 0 ? a.slice(eq + 1) : argv[++i];
      if (value === undefined) throw new UsageError(`--${name} mangler verdi`);
      add(name, value);
    } else {
      throw new UsageError(`ukjent valg ${shownValue(a)}; se takstvakt --help`);
    }
  }
  return { positionals, options };
}

export function lastOption(args: ParsedArgs, name: string): string | undefined {
  const v = args.options.get(name);
  return v ? v[v.length - 1] : undefined;
}
