// Loads a demo EPJ screen (test/fixtures/epj) into the jsdom document and runs its page scripts,
// so adapters see the DOM a browser would show after load.
import { readFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';

export const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'epj');

export function fixturePath(page: string): string {
  return join(FIXTURES, page);
}

/** Replaces the current document with `page` and runs its local `<script src>` files in order. */
export function loadFixture(page: string): void {
  // Page timers (an SPA hydrating after 150 ms, autosave intervals) run on fake time, then stop.
  jest.useFakeTimers();
  // jsdom reports the APIs it lacks (canvas) on console.error; that is jsdom, not the page or us.
  const quiet = jest.spyOn(console, 'error').mockImplementation(() => {});
  try {
    loadInto(page);
    jest.advanceTimersByTime(500);
  } finally {
    jest.clearAllTimers();
    jest.useRealTimers();
    quiet.mockRestore();
  }
}

function loadInto(page: string): void {
  const file = fixturePath(page);
  const html = readFileSync(file, 'utf8');
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.replaceChild(document.importNode(parsed.documentElement, true), document.documentElement);
  for (const s of Array.from(document.querySelectorAll('script[src]'))) {
    const src = join(dirname(file), s.getAttribute('src') ?? '');
    if (!existsSync(src)) continue;
    try {
      // eslint-disable-next-line no-new-func
      new Function(readFileSync(src, 'utf8'))();
    } catch {
      // jsdom lacks some APIs the page uses (dialog.showModal); the markup is what matters here.
    }
  }
}

export interface ExpectedBill {
  date?: string;
  time?: string;
  diagnoses?: string[];
  age?: number;
  lines?: Array<{ code: string; count: number }> | string;
  rows?: Array<{ row: string; time?: string; diagnoses?: string[]; lines: Array<{ code: string; count: number }> }>;
}

export interface Expected {
  pattern: number;
  page: string;
  badge?: 'checked' | 'unreadable';
  bill: ExpectedBill;
  private?: string[];
}

export function expectedFor(dir: string): Expected {
  return JSON.parse(readFileSync(join(FIXTURES, dir, 'expected.json'), 'utf8')) as Expected;
}
