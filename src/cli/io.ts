// The CLI's window on the world, injected so commands are testable in-process.
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): string;
  readStdin(): string;
  writeFile(path: string, data: string): void;
  mkdirp(path: string): void;
  /** The network, for fetch-tariff only; the global fetch when absent. */
  fetch?: (url: string, init: RequestInit) => Promise<Response>;
}

/** A user-facing failure: printed as one line, exit code 2, no stack trace. */
export class UsageError extends Error {}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_BAD_INPUT = 2;
