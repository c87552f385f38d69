// Settings and import messages in the reader's language, naming the field (issue 12 §8). The checks
// (zod schemas, migrations, the takstkoder importer) speak English to developers and the CLI; this maps
// their messages to locale texts. zod/mini's own "Invalid input" says nothing, so a known field gets what
// it expects instead. A message this table does not know is shown as it is: never hidden.
import { t } from '../core/i18n';
import type { Locale } from '../core/types';

export interface IssueLike {
  path: string;
  message: string;
}

type Params = Record<string, string | number>;
type Rule = readonly [RegExp, string, (m: RegExpExecArray) => Params];

const none = (): Params => ({});
const list = (text: string, locale: Locale) => text.replace(/ or /g, ` ${t(locale, 'issue_or')} `);

/** English message templates -> locale keys with their values. */
const MESSAGES: readonly Rule[] = [
  [/^must be HH:MM(?: or empty)?$/, 'issue_hhmm', none],
  [/^must be an origin like (\S+)$/, 'issue_origin', (m) => ({ example: m[1]! })],
  [/^must name the billing region$/, 'issue_region', none],
  [/^must name the code fields$/, 'issue_code_fields', none],
  [/^must be an object(?: \{.*\})?$/, 'issue_object', none],
  [/^the file must be an object \{.*\}$/, 'issue_takstkoder_file', none],
  [/^the file must be \{"takstkoder": \[\.\.\.\]\} or a list of takst rows$/, 'issue_takstkoder_file', none],
  [/^must be an https address without query$/, 'issue_endpoint', none],
  [/^must be a whole number(?:, got (.+))?$/, 'issue_whole_number', (m) => ({ got: m[1] ?? '–' })],
  [/^must be a number, got (.+)$/, 'issue_number', (m) => ({ got: m[1]! })],
  [/^must be a finite number$/, 'issue_number', () => ({ got: '–' })],
  [/^must be at least (\S+), got (.+)$/, 'issue_at_least', (m) => ({ min: m[1]!, got: m[2]! })],
  [/^must be at most (\S+), got (.+)$/, 'issue_at_most', (m) => ({ max: m[1]!, got: m[2]! })],
  [/^must be text, got (.+)$/, 'issue_text', (m) => ({ got: m[1]! })],
  [/^must be true or false, got (.+)$/, 'issue_boolean', (m) => ({ got: m[1]! })],
  [/^must be a date YYYY-MM-DD, got (.+)$/, 'issue_date', (m) => ({ got: m[1]! })],
  [/^must be a takst code, got (.+)$/, 'issue_code', (m) => ({ got: m[1]! })],
  [/^"(.+)" is not a takst code$/, 'issue_code', (m) => ({ got: `"${m[1]!}"` })],
  [/^must be a list of codes \(text or array\), got (.+)$/, 'issue_code_list', (m) => ({ got: m[1]! })],
  [/^is missing$/, 'issue_missing', none],
  [/^holds no takst for fagomraade LE$/, 'issue_no_takster', none],
  [/^appears twice in force \(rows (\d+) and (\d+)\)$/, 'issue_twice', (m) => ({ a: m[1]!, b: m[2]! })],
  [/^(\S+) appears more than once$/, 'issue_more_than_once', (m) => ({ code: m[1]! })],
  [/^must not be before validFrom$/, 'issue_valid_to', none],
  [/^must be above minAge$/, 'issue_max_age', none],
  [/^not valid JSON\b.*$/, 'issue_json', none],
  [/^(\d+) is newer than this version of Takstvakt understands \((\d+)\)$/, 'issue_newer', (m) => ({ version: m[1]!, supported: m[2]! })],
  [/^set by the clinic policy$/, 'issue_policy', none],
  [/^the browser has not granted access to this origin$/, 'issue_not_granted', none],
  [/^is not among the EPJ sites in settings$/, 'issue_not_a_site', none],
  [/^at most (\d+) imported tariff versions; remove one first$/, 'issue_too_many_tariffs', (m) => ({ max: m[1]! })],
  // The code-list parser (src/core/codeset), for the combination lists of an imported file.
  [/^not a takst code: "(.*)" at position (\d+)$/, 'issue_cl_not_code', (m) => ({ text: m[1]!, pos: m[2]! })],
  [/^.+: "(.*)" at position (\d+)$/, 'issue_cl_at', (m) => ({ text: m[1]!, pos: m[2]! })],
  [/^.+ at the end of the list$/, 'issue_cl_end', none],
  [/^code list is empty$/, 'issue_cl_empty', none],
  [/^code list must be text$/, 'issue_text', () => ({ got: '–' })],
  [/^code list is longer than (\d+) characters$/, 'issue_cl_long', (m) => ({ max: m[1]! })],
];

/** What a settings field expects, for zod/mini's bare "Invalid input". */
const EXPECTS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^locale$/, 'issue_expect_locale'],
  [/(^clinic|\.profile)\.setting$/, 'issue_expect_setting'],
  [/(^clinic|\.profile)\.onCall$/, 'issue_expect_oncall'],
  [/^rules\.severity\./, 'issue_expect_severity'],
  [/\.enabled$|^user\./, 'issue_expect_boolean'],
  [/^sites$/, 'issue_expect_sites'],
  [/^(schemaVersion)$/, 'issue_expect_version'],
  [/\.adapter\.kind$/, 'issue_expect_adapter'],
];

/** Field names a person recognises; the dotted path stays visible beside them for IT. */
const FIELDS: ReadonlyArray<readonly [RegExp, string, (m: RegExpExecArray) => Params]> = [
  [/^\(root\)$|^\(file\)$/, 'issue_field_file', none],
  [/^locale$/, 'options_lang_label', none],
  [/^clinic\.setting$/, 'common_profile_setting', none],
  [/^clinic\.onCall$/, 'options_clinic_oncall', none],
  [/^clinic\.holidayEveStart$/, 'issue_field_eve', none],
  [/^user\.specialistGP$/, 'options_user_specialist', none],
  [/^user\.turnus$/, 'options_user_turnus', none],
  [/^sites$/, 'options_sites_title', none],
  [/^(?:sites\.\d+\.)?origin$/, 'options_sites_origin', none],
  [/^sites\.(\d+)\.profile\.setting$/, 'issue_field_site_setting', (m) => ({ n: Number(m[1]) + 1 })],
  [/^sites\.(\d+)\.profile\.onCall$/, 'issue_field_site_oncall', (m) => ({ n: Number(m[1]) + 1 })],
  [/^sites\.(\d+)/, 'issue_field_site', (m) => ({ n: Number(m[1]) + 1 })],
  [/^rules\.severity\.(.+)$/, 'issue_field_severity', (m) => ({ rule: m[1]! })],
  [/^rules\.muted/, 'options_muted_title', none],
  [/^tariff\.active$/, 'options_tariff_active', none],
  [/^schemaVersion$/, 'issue_field_version', none],
  [/^profile$/, 'common_profile_setting', none],
];

function localMessage(locale: Locale, path: string, message: string): string {
  const wrapped = /^could not parse the code list \((.+)\)$/.exec(message);
  if (wrapped) return localMessage(locale, path, wrapped[1]!);
  // A nested field inside the message ("region: must name the billing region" for path `adapter`).
  const nested = /^([a-zA-Z][\w.]*): (.+)$/.exec(message);
  if (nested) return `${nested[1]!}: ${localMessage(locale, `${path}.${nested[1]!}`, nested[2]!)}`;
  for (const [re, key, params] of MESSAGES) {
    const m = re.exec(message);
    if (m) return t(locale, key, params(m));
  }
  const plainMustBe = /^must be ([\w-]+(?:, [\w-]+)*(?: or [\w-]+)?)$/.exec(message);
  if (plainMustBe) return t(locale, 'issue_one_of', { values: list(plainMustBe[1]!, locale) });
  if (message === 'Invalid input' || message.startsWith('Invalid input')) {
    const expect = EXPECTS.find(([re]) => re.test(path));
    return t(locale, expect ? expect[1] : 'issue_invalid');
  }
  return message;
}

/** The field as a person names it, or null when only the path can say it. */
export function fieldName(locale: Locale, path: string): string | null {
  for (const [re, key, params] of FIELDS) {
    const m = re.exec(path);
    if (m) return t(locale, key, params(m));
  }
  return null;
}

/** One issue as the settings page shows it: the field by name (and path), the message in the locale. */
export function issueText(locale: Locale, issue: IssueLike): { field: string | null; path: string; message: string } {
  return { field: fieldName(locale, issue.path), path: issue.path, message: localMessage(locale, issue.path, issue.message) };
}
