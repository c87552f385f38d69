// One import path for the CLI and the settings page: official takstkoder JSON -> the version that
// would be used, with its coverage of and changes against the version in use for its date. Nothing
// here stores anything; the caller does, after the clinic (or the CLI's flags) chose merge or replace.
import { pickTariff } from '../../core/tariff/pick';
import { compileTariff } from '../../core/tariff/compile';
import type { CompiledTariff, TariffVersion } from '../../core/types';
import { BUNDLED_TARIFFS } from '../index';
import { diffVersions, type TariffDiff } from './diff';
import { coverage, mergeVersions, type Coverage, type ImportMode } from './merge';
import { importTakstkoder, type ImportError } from './takstkoder';

export interface PrepareOptions {
  mode: ImportMode;
  /** Versions loaded now (bundled and imported): the one in use for the file's date is compared and merged with. */
  loaded: readonly CompiledTariff[];
  /** The date asked for (fetch); a file's own tariff year otherwise. */
  asOf?: string;
  id?: string;
}

export interface PreparedImport {
  version: TariffVersion;
  tariff: CompiledTariff;
  /** The version in use for the file's date before this import (null when nothing is loaded). */
  against: CompiledTariff | null;
  coverage: Coverage | null;
  diff: TariffDiff | null;
  warnings: string[];
}

export type PrepareResult = ({ ok: true } & PreparedImport) | { ok: false; errors: ImportError[] };

export function prepareImport(json: unknown, opts: PrepareOptions): PrepareResult {
  // The newest bundled version lends the rule data the official file lacks (allow lists, ages ...).
  const base = BUNDLED_TARIFFS[BUNDLED_TARIFFS.length - 1];
  const imported = importTakstkoder(json, { ...(base ? { base } : {}), ...(opts.asOf ? { asOf: opts.asOf } : {}), ...(opts.id ? { id: opts.id } : {}) });
  if (!imported.ok) return imported;
  const against = pickTariff(opts.loaded, opts.asOf ?? imported.version.validFrom).tariff;
  let version = imported.version;
  let tariff = imported.tariff;
  const warnings = [...imported.warnings];
  if (against && opts.mode === 'merge') {
    version = mergeVersions(imported.version, against.version);
    if (version !== imported.version) {
      const compiled = compileTariff(version);
      if (!compiled.ok) return { ok: false, errors: compiled.errors.map((e) => ({ row: 0, code: e.code || null, field: e.field, message: `merged with ${against.ref.id}: ${e.message}` })) };
      tariff = compiled.tariff;
    }
  }
  return {
    ok: true,
    version,
    tariff,
    against,
    coverage: against ? coverage(imported.version, against.version) : null,
    diff: against ? diffVersions(against.version, version) : null,
    warnings,
  };
}

/** One line for people: "4 av 187 takster i fastlege-2023-2024; 183 ført videre" (CLI summary, English words). */
export function coverageLine(p: PreparedImport, mode: ImportMode): string {
  if (!p.coverage || !p.against) return `${p.version.takster.length} takster (no earlier version to compare with)`;
  const c = p.coverage;
  const rest = c.missing.length === 0 ? 'nothing left out' : mode === 'merge' ? `${c.missing.length} carried from ${p.against.ref.id} (marked carriedFrom)` : `${c.missing.length} dropped`;
  return `the file has ${c.covered} of the ${c.againstCount} takster of ${p.against.ref.id} (${c.fileCount} in the file); ${mode}: ${rest}`;
}
