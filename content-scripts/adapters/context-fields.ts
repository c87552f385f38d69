// Context of a bill read from fields next to the codes: date, time, diagnosis codes, age (computed
// locally from a birth date, which is never sent), contact type, duration and the specialist checkbox.
import type { Request } from '../../src/messages';
import { queryAll } from './dom';
import { fieldNames } from './label';
import { valueText } from './read-field';
import { holdsNationalId } from './screen-values';
import {
  AGE_RE, BIRTH_RE, CONTACT_RE, DATE_RE, DIAGNOSIS_RE, DURATION_RE, PRIVATE_RE, SEARCH_RE, SPECIALIST_RE, TIME_RE,
} from './words';

export type SnapshotContext = Request<'cs:check-bill'>['context'];
export type ContextKind = 'date' | 'time' | 'datetime' | 'diagnosis' | 'age' | 'birth' | 'contact' | 'specialist' | 'duration';
export interface ContextField {
  kind: ContextKind;
  el: Element;
}

/** Form controls that can hold a bill's context (or a takst): never hidden or password inputs. */
export const CONTROLS = 'input:not([type=hidden]):not([type=password]),select,textarea';

/** What a field holds by its names and type; null for fields we do not read (names, national ids). */
export function contextKind(el: Element, names: string): ContextKind | null {
  // A filter's date or code is a query, not the bill's context.
  if (SEARCH_RE.test(names) || el.getAttribute('type') === 'search') return null;
  if (PRIVATE_RE.test(names) || el.getAttribute('autocomplete')?.match(/name|bday|tel|email|address/)) {
    return BIRTH_RE.test(names) && !/nummer|nr\b/i.test(names) ? 'birth' : null;
  }
  const type = el instanceof HTMLInputElement ? el.type : '';
  if (type === 'checkbox') return SPECIALIST_RE.test(names) ? 'specialist' : null;
  if (BIRTH_RE.test(names)) return 'birth';
  if (type === 'datetime-local') return 'datetime';
  if (DURATION_RE.test(names)) return 'duration';
  if (type === 'time' || TIME_RE.test(names)) return 'time';
  if (type === 'date' || DATE_RE.test(names)) return 'date';
  if (DIAGNOSIS_RE.test(names)) return 'diagnosis';
  if (AGE_RE.test(names)) return 'age';
  if (CONTACT_RE.test(names)) return 'contact';
  return null;
}

/** findContextFields' answer "diagnosis" for one control, without classifying it otherwise when its names cannot say so. */
export function isDiagnosisField(el: Element): boolean {
  const names = fieldNames(el);
  return DIAGNOSIS_RE.test(names) && contextKind(el, names) === 'diagnosis';
}

/** Context fields inside `scope`: form controls, and the cells of a table row (saved bills). */
export function findContextFields(scope: Element, skip?: ReadonlySet<Element>): ContextField[] {
  const out: ContextField[] = [];
  const els: Element[] = queryAll(scope, CONTROLS);
  if (scope.matches('tr,[role=row]')) for (const c of scope.children) if (!c.querySelector(CONTROLS)) els.push(c);
  for (const el of els) {
    if (skip?.has(el)) continue;
    const kind = contextKind(el, fieldNames(el));
    if (kind) out.push({ kind, el });
  }
  return out;
}

/** `2024-03-05`, `05.03.2024`, `5/3/2024` -> `2024-03-05`; null when not a real date. */
export function isoDate(text: string): string | null {
  let m = /(\d{4})-(\d{2})-(\d{2})/.exec(text);
  let y: number, mo: number, d: number;
  if (m) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if ((m = /(\d{1,2})[./](\d{1,2})[./](\d{4})/.exec(text))) [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else return null;
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) return null;
  return dt.toISOString().slice(0, 10);
}

/** `14:05`, `14.05`, `kl 9.30`, `14:05:00` -> `HH:MM`. */
export function hhmm(text: string): string | null {
  const m = /(?:^|\D)(\d{1,2})[:.](\d{2})(?!\d)/.exec(text);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h < 24 && min < 60 ? `${String(h).padStart(2, '0')}:${m[2]}` : null;
}

/** Whole years between a birth date and the bill's date. */
export function ageOn(birth: string, on: string): number | null {
  const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  const age = y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
  return age >= 0 && age <= 130 ? age : null;
}

function todayIso(): string {
  const n = new Date();
  return `${n.getFullYear()}-${String(n.getMonth() + 1).padStart(2, '0')}-${String(n.getDate()).padStart(2, '0')}`;
}

/** Reads the context fields. A radio group counts only through its checked radio. */
export function readContext(fields: ContextField[]): SnapshotContext {
  const ctx: SnapshotContext = {};
  let birth: string | null = null;
  for (const { kind, el } of fields) {
    if (el instanceof HTMLInputElement && el.type === 'radio' && !el.checked) continue;
    // The contact type (kontor, telefon ...) is recognised so it is never read as a takst, but its value
    // is not read: no rule uses it (issue 13), and the page side reads only what validation needs.
    if (kind === 'contact') continue;
    const v = valueText(el);
    // A national id typed into any field drops the whole field: no part of it is read.
    if (holdsNationalId(v)) continue;
    switch (kind) {
      case 'date':
        ctx.date ??= isoDate(v) ?? undefined;
        break;
      case 'time':
        ctx.time ??= hhmm(v) ?? undefined;
        break;
      case 'datetime':
        ctx.date ??= isoDate(v) ?? undefined;
        ctx.time ??= hhmm(v.slice(10)) ?? undefined;
        break;
      case 'diagnosis': {
        const codes = (v.toUpperCase().match(/\b[A-Z]\d{2}(?:\.\d{1,2})?\b/g) ?? []).slice(0, 20);
        if (codes.length) ctx.diagnoses = [...(ctx.diagnoses ?? []), ...codes].slice(0, 20);
        break;
      }
      case 'age': {
        const n = /^\s*(\d{1,3})\b/.exec(v);
        if (n && Number(n[1]) <= 130) ctx.age ??= Number(n[1]);
        break;
      }
      case 'birth':
        birth ??= isoDate(v);
        break;
      case 'specialist':
        ctx.specialistGP = (el as HTMLInputElement).checked;
        break;
      case 'duration': {
        const n = /(\d{1,4})/.exec(v);
        if (n && Number(n[1]) <= 1440) ctx.durationMinutes ??= Number(n[1]);
        break;
      }
    }
  }
  if (birth && ctx.age === undefined) ctx.age = ageOn(birth, ctx.date ?? todayIso()) ?? undefined;
  // Optional keys that were not found stay absent rather than `undefined` (the snapshot key compares JSON).
  for (const k of Object.keys(ctx) as Array<keyof SnapshotContext>) if (ctx[k] === undefined) delete ctx[k];
  return ctx;
}
