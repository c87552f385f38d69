// managed_schema.json (the shape clinic IT may push by browser policy) generated from SettingsSchema,
// so a settings field is written once. The build writes it into each Chromium package
// (scripts/build-extension.mjs); there is no committed copy to drift from the schema.
// Chrome reads a draft-03 subset with no null: a nullable choice gets the word `none`
// (src/settings/managed.ts maps it back), a nullable text is a text.
import type * as z from 'zod/mini';
import { POLICY_NULL } from './managed';
import { SettingsSchema } from './schema';

export interface PolicySchema {
  $schema?: string;
  title?: string;
  description?: string;
  type: 'object' | 'array' | 'string' | 'boolean' | 'number' | 'integer';
  enum?: string[];
  properties?: Record<string, PolicySchema>;
  items?: PolicySchema;
  additionalProperties?: PolicySchema;
}

/** What clinic IT reads next to each field (dotted path; `[]` = an item of a list). */
const WORDS: Record<string, { title?: string; description?: string }> = {
  '': { description: "Takstvakt settings a clinic's IT can push by browser policy. Every value set here wins over the user's own and shows as locked." },
  locale: { title: 'Language' },
  clinic: { title: 'Clinic profile' },
  'clinic.onCall': { description: 'Legevakt on-call form; none = not on call.' },
  'clinic.holidayEveStart': { description: 'HH:MM when the legevakt starts on days before Sundays/holidays; empty = not set.' },
  user: { title: 'Clinician' },
  sites: {
    title: 'EPJ sites',
    description: "Origins of the clinic's web journal; the browser still needs the host permission (e.g. by ExtensionSettings runtime_allowed_hosts or a user grant).",
  },
  'sites[].profile': {
    description:
      "Practice type and on-call form this site's bills are checked with (a legevakt system vs a fastlege system); set here, it is locked. Absent: the clinic profile.",
  },
  'sites[].profile.onCall': { description: 'none = not on call.' },
  rules: { title: 'Rules' },
  'rules.severity': { description: 'Severity per rule id: off, info, warning or error.' },
  tariff: { title: 'Tariff version' },
  'tariff.active': { description: 'by-date, or a tariff id.' },
  'tariff.endpoint': { description: "Takstkoder API address without query (https); default: Helsedirektoratet's documented addresses." },
  'tariff.weeklyCheck': { description: 'Check weekly whether a newer tariff version is out (only tells; never swaps).' },
};

/**
 * Fields policy does not set: the settings file's own version, and whether the user has picked the
 * practice type (a pushed practice type counts as picked by itself).
 */
const SKIP = new Set(['schemaVersion', 'settingChosen']);

type Def = {
  type: string;
  innerType?: z.ZodMiniType;
  shape?: Record<string, z.ZodMiniType>;
  element?: z.ZodMiniType;
  valueType?: z.ZodMiniType;
  options?: z.ZodMiniType[];
  entries?: Record<string, string>;
  values?: unknown[];
  format?: string;
};
const defOf = (s: z.ZodMiniType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

function convert(schema: z.ZodMiniType, path: string): PolicySchema {
  const def = defOf(schema);
  switch (def.type) {
    case 'default':
    case 'optional':
      return convert(def.innerType!, path);
    case 'nullable': {
      const inner = convert(def.innerType!, path);
      return inner.enum ? { ...inner, enum: [...inner.enum, POLICY_NULL] } : inner;
    }
    case 'enum':
      return { type: 'string', enum: Object.values(def.entries!) };
    case 'literal':
      return { type: 'string', enum: def.values!.map(String) };
    case 'string':
      return { type: 'string' };
    case 'boolean':
      return { type: 'boolean' };
    case 'number':
      return { type: def.format && /int/.test(def.format) ? 'integer' : 'number' };
    case 'array':
      return { type: 'array', items: convert(def.element!, `${path}[]`) };
    case 'record':
      return { type: 'object', additionalProperties: convert(def.valueType!, `${path}.*`) };
    case 'object': {
      const properties: Record<string, PolicySchema> = {};
      for (const [key, field] of Object.entries(def.shape!)) {
        if (SKIP.has(key)) continue;
        const at = path ? `${path}.${key}` : key;
        properties[key] = { ...WORDS[at], ...convert(field, at) };
      }
      return { type: 'object', properties };
    }
    case 'union': {
      // A discriminated union of objects (the adapter kinds): one object with every kind's fields.
      const properties: Record<string, PolicySchema> = {};
      for (const option of def.options!) {
        for (const [key, field] of Object.entries(convert(option, path).properties ?? {})) {
          const seen = properties[key];
          properties[key] = seen?.enum && field.enum ? { ...seen, enum: [...new Set([...seen.enum, ...field.enum])] } : field;
        }
      }
      return { type: 'object', properties };
    }
    default:
      throw new Error(`managed-schema: ${path || '(root)'} is a zod ${def.type}, which a policy schema cannot say; map it here`);
  }
}

export function managedSchema(): PolicySchema {
  return { $schema: 'http://json-schema.org/draft-03/schema#', ...convert(SettingsSchema, ''), ...WORDS[''] };
}
