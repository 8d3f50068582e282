import type { Instruction, Label, Property } from 'dockerfile-ast';
import parseSpdx from 'spdx-expression-parse';
import validSemver from 'semver/functions/valid.js';
import type { DockerfileModel, Stage } from './model';
import type { LintOptions, LspRange } from './types';

/** The value formats of a label schema, as hadolint's `label-schema` names them. */
export const LABEL_TYPES = ['text', 'url', 'semver', 'hash', 'rfc3339', 'spdx', 'email'] as const;
export type LabelType = (typeof LABEL_TYPES)[number];

/** One `key=value` of a `LABEL`. */
export interface LabelEntry {
  /** The key without quotes, variables expanded where they are known. */
  key: string;
  /** The key still holds a variable whose value is unknown here. */
  keyDynamic: boolean;
  /** The value without quotes, or null for `LABEL key` with no value. */
  value: string | null;
  /** The value uses a variable: it is decided at build time, so its format cannot be judged. */
  valueDynamic: boolean;
  property: Property;
  keyRange: LspRange;
  /** The value's range, or the key's when there is no value. */
  valueRange: LspRange;
  instruction: Instruction;
}

/** `settings.labelSchema` as a map, or null when none (or an empty one) is configured. Unknown types count as text. */
export function labelSchemaOf(options: Readonly<LintOptions>): Map<string, LabelType> | null {
  const raw = options.settings?.labelSchema;
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return null;
  const schema = new Map<string, LabelType>();
  for (const [key, type] of Object.entries(raw as Record<string, unknown>)) {
    schema.set(key, (LABEL_TYPES as readonly unknown[]).includes(type) ? type as LabelType : 'text');
  }
  return schema.size ? schema : null;
}

export function strictLabelsOf(options: Readonly<LintOptions>): boolean {
  return options.settings?.strictLabels === true;
}

const within = (inner: LspRange, outer: LspRange) =>
  (inner.start.line > outer.start.line || (inner.start.line === outer.start.line && inner.start.character >= outer.start.character))
  && (inner.end.line < outer.end.line || (inner.end.line === outer.end.line && inner.end.character <= outer.end.character));

/** The pairs of a `LABEL`, with which parts hold variables. */
export function labelEntries(model: DockerfileModel, instr: Instruction, stage: Stage | null): LabelEntry[] {
  const label = instr as Label;
  if (typeof label.getProperties !== 'function') return [];
  const variables = typeof label.getVariables === 'function' ? label.getVariables().map((v) => v.getRange()) : [];
  return label.getProperties().map((property) => {
    const keyRange = property.getNameRange();
    const valueRange = property.getValueRange();
    let key = property.getName();
    let keyDynamic = false;
    if (variables.some((v) => within(v, keyRange))) {
      key = stage ? model.resolveInStage(key, stage, instr) : key;
      keyDynamic = /\$(\{|[A-Za-z_])/.test(key);
    }
    const valueDynamic = valueRange !== null && variables.some((v) => within(v, valueRange));
    return { key, keyDynamic, value: property.getValue(), valueDynamic, property, keyRange, valueRange: valueRange ?? keyRange, instruction: instr };
  });
}

/** The labels of the stage's image: its own and its parent stages', in build order. */
export function stageLabels(model: DockerfileModel, stage: Stage): LabelEntry[] {
  const out: LabelEntry[] = [];
  for (const s of [...model.lineage(stage)].reverse()) {
    for (const instr of s.instructions) {
      if (instr.getKeyword() === 'LABEL') out.push(...labelEntries(model, instr, s));
    }
  }
  return out;
}

// RFC 3986 §3: scheme ":" then only URI characters, with well-formed percent-encodings.
const URI = /^[A-Za-z][A-Za-z0-9+.-]*:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+$/;
// Schemes whose URIs always name a host (RFC 3986 §3.2): `https:example.com` is not a usable address.
const HIER = /^(https?|ftps?|wss?|git|ssh|git\+ssh|git\+https|s3|gs|oci|docker)$/i;

export function isUrl(value: string): boolean {
  if (!URI.test(value) || /%(?![0-9A-Fa-f]{2})/.test(value)) return false;
  const scheme = value.slice(0, value.indexOf(':'));
  if (HIER.test(scheme)) {
    const m = /^[^:]+:\/\/(?:[^@/?#]*@)?([^/?#]*)/.exec(value);
    if (!m || !m[1] || m[1].startsWith(':')) return false;
  }
  return true;
}

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
// RFC 3339 §5.6 date-time; §5.6 also lets applications use a space instead of `T`, as `date --rfc-3339` prints.
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|[+-](\d{2}):(\d{2}))$/;

export function isRfc3339(value: string): boolean {
  const m = RFC3339.exec(value);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  if (month < 1 || month > 12 || day < 1 || day > (month === 2 && !leap ? 28 : DAYS[month - 1]!)) return false;
  if (hour > 23 || minute > 59 || second > 60) return false;
  if (m[7] !== undefined && (Number(m[7]) > 23 || Number(m[8]) > 59)) return false;
  return true;
}

/** An SPDX license expression (`MIT`, `Apache-2.0 OR MIT`, `GPL-2.0-only WITH Classpath-exception-2.0`, `LicenseRef-…`). */
export function isSpdx(value: string): boolean {
  try {
    parseSpdx(value);
    return true;
  } catch {
    return false;
  }
}

/** A git object name: an abbreviated (at least 7 digits) or full SHA-1, or a full SHA-256. */
export function isGitHash(value: string): boolean {
  return /^[0-9a-f]{7,40}$/i.test(value) || /^[0-9a-f]{64}$/i.test(value);
}

/** A Semantic Versioning 2.0.0 version, as written: no `v` prefix, no spaces. */
export function isSemver(value: string): boolean {
  return /^\d/.test(value) && value === value.trim() && validSemver(value) !== null;
}

const ATEXT = "[A-Za-z0-9!#$%&'*+\\-/=?^_`{|}~]+";
const DOT_ATOM = `${ATEXT}(?:\\.${ATEXT})*`;
const QUOTED = '"(?:[^"\\\\\\r\\n]|\\\\.)*"';
const ADDR_SPEC = `(?:${DOT_ATOM}|${QUOTED})@(?:${DOT_ATOM}|\\[[^\\[\\]\\\\\\s]*\\])`;
const ADDRESS = new RegExp(`^${ADDR_SPEC}$`);
const MAILBOX = new RegExp(`^(?:${QUOTED}|[^<>"@]*)<${ADDR_SPEC}>$`);

/** An RFC 5322 mailbox: `jane@example.com`, or with a display name, `Jane Doe <jane@example.com>`. */
export function isEmail(value: string): boolean {
  const v = value.trim();
  if (v !== value || v.length > 320) return false;
  return ADDRESS.test(v) || MAILBOX.test(v.replace(/\s*</, '<'));
}

/** Whether a label value has the schema's format; `text` takes anything. */
export function hasLabelFormat(type: LabelType, value: string): boolean {
  switch (type) {
    case 'url': return isUrl(value);
    case 'rfc3339': return isRfc3339(value);
    case 'spdx': return isSpdx(value);
    case 'hash': return isGitHash(value);
    case 'semver': return isSemver(value);
    case 'email': return isEmail(value);
    default: return true;
  }
}
