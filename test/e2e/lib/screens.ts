// The demo EPJ screens as data: each folder of test/fixtures/epj with an expected.json is a screen (new
// folders are picked up by every browser's screen suite), with its expected markers, user steps and fix.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** One expected marker: `near` is the selector (or alternatives) of the field that holds the code. */
export interface ExpectedMarker {
  code: string;
  rules: string[];
  near: string | string[];
  why?: string;
}

/** A user action on the host page, run like a user would (fill/click/keyboard through the driver). */
export type Step =
  | { fill: string; value: string }
  | { type: string; text: string }
  | { click: string }
  | { check: string }
  | { uncheck: string }
  | { press: string; key: string }
  | { select: string; value: string };

/**
 * What must be on the page: every `markers` entry, at least one entry of each `anyOf` group (a
 * conflict between two codes may be reported from either side), and nothing outside
 * markers + anyOf + optional.
 */
export interface MarkerExpectation {
  markers: ExpectedMarker[];
  anyOf?: ExpectedMarker[][];
  optional?: ExpectedMarker[];
}

export interface Scenario extends MarkerExpectation {
  name: string;
  steps: Step[];
}

export interface Screen extends MarkerExpectation {
  id: string;
  title: string;
  pattern: number;
  page: string;
  /** Selector of the same-origin iframe holding the bill, if any. */
  frame?: string;
  /** Selector that exists once the page's own script is ready. */
  ready?: string;
  private: string[];
  notABill?: boolean;
  /** Expected page badge state; default `checked` (`partial`: a virtualised grid renders only some lines). */
  badge?: 'checked' | 'unreadable' | 'partial';
  /** The screen is built from a library source (kilde.jsx/kilde.js -> bundle.js) and runs in a real browser only. */
  built?: boolean;
  fix: (Scenario & { what: string }) | null;
  scenarios: Scenario[];
}

export function loadScreens(root = 'test/fixtures/epj'): Screen[] {
  const base = resolve(root);
  return readdirSync(base, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(base, d.name, 'expected.json')))
    .map((d) => ({ id: d.name, ...(JSON.parse(readFileSync(join(base, d.name, 'expected.json'), 'utf8')) as Omit<Screen, 'id'>) }))
    .sort((a, b) => a.pattern - b.pattern || a.id.localeCompare(b.id));
}

/** An expectation with its optional lists defaulted. */
export function expectationOf(s: MarkerExpectation): MarkerExpectation {
  return { markers: s.markers ?? [], anyOf: s.anyOf ?? [], optional: s.optional ?? [] };
}

/** Every entry an expectation allows. */
export function allEntries(s: MarkerExpectation): ExpectedMarker[] {
  return [...(s.markers ?? []), ...(s.anyOf ?? []).flat(), ...(s.optional ?? [])];
}
