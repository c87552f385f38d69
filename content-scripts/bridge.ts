// Connects the scanner to the background and the overlay: sends changed regions for validation,
// turns the findings into markers (one per offending code and field) and reports adapter states.
import type { ReadLine, RegionRead } from './adapters/read-plan';
import type { Finding } from './overlay/card';
import { DIAGNOSIS_RULES } from './overlay/banner';
import type { BillSpec, MarkerSpec, Overlay } from './overlay/overlay';
import type { Sender } from './runtime';
import type { ScannerSink, TrackedRegion } from './scanner';
import { codeKey, firstLineByCode } from './snapshot';

/** The first line of each code the findings name (only those: a 2,000-line bill is walked once, briefly). */
function linesNamed(findings: readonly Finding[], lines: readonly ReadLine[]): Map<string, ReadLine> {
  const wanted = new Set<string>();
  for (const f of findings) if (f.codes[0] !== undefined) wanted.add(codeKey(f.codes[0]));
  return firstLineByCode(lines, wanted);
}

/** Findings grouped into markers: `codes[0]` is the offending code, anchored to the first field holding it. */
export function markerSpecs(findings: readonly Finding[], lines: readonly ReadLine[], byCode = linesNamed(findings, lines)): MarkerSpec[] {
  const specs = new Map<string, MarkerSpec>();
  for (const f of findings) {
    const code = f.codes[0];
    const line = code === undefined ? undefined : byCode.get(codeKey(code));
    if (!line) continue;
    const key = codeKey(line.code);
    const spec = specs.get(key) ?? { code: line.code.trim(), field: line.field, findings: [] };
    spec.findings.push(f);
    specs.set(key, spec);
  }
  return Array.from(specs.values());
}

/**
 * Findings no code marker shows: they name no code (no diagnosis, tariff year, future date,
 * exemptions) or none on the page. Before the banner these were dropped by markerSpecs.
 */
export function billFindings(findings: readonly Finding[], lines: readonly ReadLine[], byCode = linesNamed(findings, lines)): Finding[] {
  return findings.filter((f) => f.codes[0] === undefined || !byCode.has(codeKey(f.codes[0])));
}

/**
 * Markers and banner of a region: the code markers, a marker on the diagnosis field (when the adapter
 * found one) for the bill's diagnosis findings, and the banner with every whole-bill finding.
 */
export function regionView(findings: readonly Finding[], region: TrackedRegion): { specs: MarkerSpec[]; bill: BillSpec } {
  const lines = region.read?.lines ?? [];
  const byCode = linesNamed(findings, lines);
  const specs = markerSpecs(findings, lines, byCode);
  const bill = billFindings(findings, lines, byCode);
  const diagnosisField = region.plan?.context.find((c) => c.kind === 'diagnosis')?.el;
  const aboutDiagnosis = bill.filter((f) => DIAGNOSIS_RULES.has(f.rule));
  if (diagnosisField && aboutDiagnosis.length) specs.push({ code: '', field: diagnosisField, findings: aboutDiagnosis, kind: 'diagnosis' });
  return { specs, bill: { region: region.el, findings: bill } };
}

export class Bridge implements ScannerSink {
  private readonly findings = new Map<string, Finding[]>();
  private readonly states = new Map<string, string>();
  /** The live region object per id (an SPA re-render replaces the object but keeps the id). */
  private readonly live = new Map<string, TrackedRegion>();
  private readonly seqs = new Map<string, number>();

  constructor(
    private readonly send: Sender,
    private readonly overlay: Overlay,
    /** Told when a check gets no report (checking stopped) and when one gets it again. */
    private readonly health: { failed(): void; ok(): void } = { failed: () => undefined, ok: () => undefined },
  ) {}

  changed(r: TrackedRegion): void {
    const read = r.read;
    const snap = r.snapshot;
    if (!read || !snap) return;
    this.live.set(r.id, r);
    const seq = (this.seqs.get(r.id) ?? 0) + 1;
    this.seqs.set(r.id, seq);
    void this.send('cs:check-bill', snap.snapshot).then((res) => {
      // A newer edit was sent meanwhile, or the region is gone: this reply is stale.
      const current = this.live.get(r.id);
      if (!current || this.seqs.get(r.id) !== seq) return;
      if (!res.ok) return this.health.failed();
      this.health.ok();
      this.findings.set(r.id, res.value.report.findings);
      // The tab's stored state is full: markers still work here, the badge says the popup shows less.
      // `version`: the badge says "kontrollert mot 2023-24" until an official version covers the bill.
      this.overlay.setStatus({ full: res.value.full === true, unofficialYears: res.value.version && !res.value.version.official ? res.value.version.years : null });
      this.render(current);
      // Markers first: the reply is what the doctor waits for (laid out now, if anything changed);
      // then the state, off the hot path.
      this.overlay.flush();
      this.reportState(r.id, read);
    });
    // Until the reply comes, markers stay on their fields (they move only if the fields changed).
    this.render(r);
  }

  /** The popup's "checked / not checked" per region, sent only when it changes. */
  private reportState(regionId: string, read: RegionRead): void {
    const state = read.unreadable ? 'unreadable' : 'checked';
    const key = `${state}:${read.unreadable ?? ''}:${read.lines.length}:${read.partial?.total ?? ''}`;
    if (this.states.get(regionId) === key) return;
    this.states.set(regionId, key);
    void this.send('cs:adapter-state', {
      regionId,
      state,
      lineCount: read.lines.length,
      ...(read.unreadable ? { reason: read.unreadable } : {}),
      ...(read.partial ? { partial: read.partial } : {}),
    });
  }

  reanchored(r: TrackedRegion): void {
    this.live.set(r.id, r);
    this.render(r);
  }

  private render(r: TrackedRegion): void {
    if (!r.read) return;
    const { specs, bill } = regionView(this.findings.get(r.id) ?? [], r);
    this.overlay.setRegion(r.id, specs, r.read.unreadable !== null, r.read.partial, bill);
  }

  gone(r: TrackedRegion): void {
    this.live.delete(r.id);
    this.seqs.delete(r.id);
    this.findings.delete(r.id);
    this.states.delete(r.id);
    this.overlay.dropRegion(r.id);
    // Tell the background the bill left the page, so the popup's findings for this tab stay true.
    void this.send('cs:region-gone', { regionId: r.id });
  }

  afterFrame(moved: boolean): void {
    // A value edit moves no field: skip the forced layout (7 ms on a 2,000-line page) until the reply.
    if (moved) this.overlay.layout();
  }
}
