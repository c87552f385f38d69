// The rule registry, in the order findings about the same code are listed.
import type { Rule } from '../rule';
import { clinician } from './clinician';
import { copaymentExemption } from './copayment-exemption';
import { diagnosisIndication } from './diagnosis-indication';
import { diagnosisRequired } from './diagnosis-required';
import { diagnosisSystem } from './diagnosis-system';
import { duration } from './duration';
import { futureDate } from './future-date';
import { invalidCombination } from './invalid-combination';
import { onlyCombinableWith } from './only-combinable-with';
import { patientAge } from './patient-age';
import { prescriptionContact } from './prescription-contact';
import { repetitionLimit } from './repetition-limit';
import { requiresCompanion } from './requires-companion';
import { setting } from './setting';
import { tariffVersion } from './tariff-version';
import { timeWindow } from './time-window';
import { unknownCode } from './unknown-code';

export const RULES: readonly Rule[] = [
  tariffVersion,
  futureDate,
  unknownCode,
  invalidCombination,
  onlyCombinableWith,
  requiresCompanion,
  repetitionLimit,
  timeWindow,
  setting,
  clinician,
  patientAge,
  duration,
  prescriptionContact,
  diagnosisRequired,
  diagnosisSystem,
  diagnosisIndication,
  copaymentExemption,
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.meta.id, r]));

/** Every rule id, from the registry (the one list); pages that may not load rules get it from the background. */
export const RULE_IDS: readonly string[] = RULES.map((r) => r.meta.id);
