// Core benchmark: validateBill on realistic bills. Timed in batches (one call is ~µs, near the timer's
// resolution); reports median and p95 of the per-call time in microseconds.
import { validateBill } from '../../src/core/validate';
import { icpc2Kind, isIcd10 } from '../../src/core/diagnosis/lookup';
import { bundledCompiled } from '../../src/data/index';
import type { Bill, BillLine, CompiledTariff } from '../../src/core/types';

export interface BenchResult {
  name: string;
  unit: string;
  median: number;
  p95: number;
  samples: number;
}

/** A 20-line daytime fastlege bill: consultation, time supplement, labs, procedures, materials. */
const DAY_LINES: BillLine[] = [
  { code: '2ad', count: 1 },
  { code: '2cd', count: 2 },
  { code: '701a', count: 1 },
  { code: '701c', count: 1 },
  { code: '703', count: 1 },
  { code: '704j', count: 1 },
  { code: '705a', count: 1 },
  { code: '705g', count: 1 },
  { code: '705h', count: 1 },
  { code: '705i', count: 1 },
  { code: '705j', count: 1 },
  { code: '705k', count: 1 },
  { code: '706h', count: 1 },
  { code: '706j', count: 1 },
  { code: '100', count: 2 },
  { code: '105', count: 1 },
  { code: '10a', count: 1 },
  { code: '612a', count: 1 },
  { code: '615', count: 1 },
  { code: '1e', count: 1 },
];

export function bill(lines: BillLine[]): Bill {
  return {
    at: '2024-03-13T10:30',
    setting: 'fastlege',
    clinician: { specialistGP: true, turnus: false, performedBy: 'doctor' },
    patient: { age: 34, exemptions: [] },
    diagnoses: ['P74', 'K86'],
    durationMinutes: 45,
    lines,
  };
}

/**
 * 200 lines with as many distinct codes as the tariff offers: a consultation plus every procedure, lab
 * and radiology takst of the bundled tariff, cycled. Distinct codes defeat line merging, so every pair
 * goes through the combination checks (the worst case, not the common one).
 */
export function lines200(tariff: CompiledTariff): BillLine[] {
  const pool = [...tariff.byKey.values()].filter((t) => ['procedure', 'lab', 'radiology'].includes(t.row.kind ?? '')).map((t) => t.row.code);
  const out: BillLine[] = [{ code: '2ad', count: 1 }, { code: '2cd', count: 2 }];
  for (let i = 0; out.length < 200; i++) out.push({ code: pool[i % pool.length] as string, count: 1 });
  return out;
}

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] as number;
}

export function measure(name: string, fn: () => unknown, batch: number, samples: number): BenchResult {
  for (let i = 0; i < batch * 20; i++) fn(); // warm up the JIT
  const perCall: number[] = [];
  for (let s = 0; s < samples; s++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < batch; i++) fn();
    perCall.push(Number(process.hrtime.bigint() - t0) / 1000 / batch);
  }
  perCall.sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 100) / 100;
  return { name, unit: 'us', median: round(percentile(perCall, 50)), p95: round(percentile(perCall, 95)), samples };
}

/** One-off cost of expanding the packed diagnosis lists into sets (the first bill with a diagnosis pays it). */
function diagnosisListsFirstUse(): BenchResult {
  const t0 = process.hrtime.bigint();
  if (!isIcd10('J069') || icpc2Kind('K86') !== 'diagnosis') throw new Error('diagnosis lists not loaded');
  const ms = Math.round(Number(process.hrtime.bigint() - t0) / 10_000) / 100;
  return { name: 'core.diagnosis-lists.first-use', unit: 'ms', median: ms, p95: ms, samples: 1 };
}

export function runCoreBench(): BenchResult[] {
  const first = diagnosisListsFirstUse();
  const tariffs = bundledCompiled();
  const b20 = bill(DAY_LINES);
  const b200 = bill(lines200(tariffs[0] as CompiledTariff));
  const opts = { tariffs, locale: 'nb' as const, now: '2024-06-01T12:00' };
  const r20 = validateBill(b20, opts);
  // Sanity: the bench bill must be understood by the tariff, or we would be timing the unknown-code path.
  const unknown = r20.findings.filter((f) => f.rule === 'unknown-code');
  if (unknown.length) throw new Error(`bench bill has codes the bundled tariff lacks: ${unknown.map((f) => f.codes[0]).join(', ')}`);
  const distinct = new Set(b200.lines.map((l) => l.code)).size;
  process.stderr.write(`core.validate.200: ${b200.lines.length} lines, ${distinct} distinct codes, ${validateBill(b200, opts).findings.length} findings\n`);
  return [
    first,
    measure('core.validate.20', () => validateBill(b20, opts), 200, 300),
    measure('core.validate.200', () => validateBill(b200, opts), 20, 300),
  ];
}

if (require.main === module) {
  process.stdout.write(`${JSON.stringify(runCoreBench())}\n`);
}
