import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import Ajv from 'ajv';
import { load, YAMLException } from 'js-yaml';
import { rules } from '~/engine/index';
import { LABEL_TYPES, type LabelType } from '~/engine/labels';
import { SEVERITIES, type Severity } from '~/engine/types';
import { CONFIG_SCHEMA, type Config } from './config';
import type { CliIO } from './main';

/** A problem that stops the migration: exit 2 with this one line. */
export class MigrateError extends Error {}

export interface MigrateResult {
  config: Config;
  /** Things that did not carry over, or changed meaning: one line each, for stderr. */
  warnings: string[];
}

/** Keys of `.hadolint.yaml` that only change hadolint's own output or runs. */
const NOT_APPLICABLE: Record<string, string> = {
  'no-color': 'colour follows the terminal and NO_COLOR',
  format: 'pass `--format` to `shipshape lint`',
  'output-format': 'pass `--format` to `shipshape lint`',
  verbose: 'Shipshape has no verbose mode',
};

/** Codes hadolint removed or that have no counterpart by design. */
const NO_COUNTERPART: Record<string, string> = {
  DL1000: 'parse errors: Shipshape lints every instruction it can parse and never fails the whole file',
  DL1001: 'Shipshape has no rule against inline ignore comments; use "noInlineIgnores": true to disregard them',
  DL3005: 'removed from hadolint',
  DL3017: 'removed from hadolint',
  DL3031: 'removed from hadolint',
  DL3039: 'removed from hadolint',
};

/** hadolint and ShellCheck codes → the Shipshape rule that lists them in `sources`. */
function codeIndex(): Map<string, { rule: string; codes: string[] }> {
  const index = new Map<string, { rule: string; codes: string[] }>();
  for (const r of rules) {
    const codes = (r.meta.sources ?? []).filter((s) => s.startsWith('hadolint:') || s.startsWith('shellcheck:')).map((s) => s.slice(s.indexOf(':') + 1).toUpperCase());
    for (const code of codes) index.set(code, { rule: r.name, codes });
  }
  return index;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function codeList(value: unknown, where: string): string[] {
  if (value === null || value === undefined) return [];
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || !list.every((c) => typeof c === 'string')) throw new MigrateError(`${where} must be a list of rule codes`);
  return list.map((c) => c.trim().toUpperCase());
}

/** Converts the text of a `.hadolint.yaml` into a `.shipshape.json` config. Throws MigrateError when it is not valid. */
export function migrateHadolint(yamlText: string): MigrateResult {
  let data: unknown;
  try {
    // An empty file (or only comments) is an empty configuration, as hadolint reads it.
    data = yamlText.split(/\r\n|\r|\n/).every((l) => /^\s*(#.*)?$/.test(l)) ? {} : load(yamlText);
  } catch (e) {
    if (e instanceof YAMLException) {
      const at = e.mark ? ` (line ${e.mark.line + 1}, column ${e.mark.column + 1})` : '';
      throw new MigrateError(`not valid YAML: ${e.reason}${at}`);
    }
    throw new MigrateError(`not valid YAML: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  }
  if (data === null || data === undefined) data = {};
  if (!isRecord(data)) throw new MigrateError('not a hadolint configuration: expected a mapping of keys such as `ignored` and `override`');

  const warnings: string[] = [];
  const index = codeIndex();
  const ruleSettings = new Map<string, Severity | 'off'>();
  const why = new Map<string, string>();
  const config: Config = {};
  const settings: NonNullable<Config['settings']> = {};

  const lookup = (code: string, where: string): string | null => {
    const hit = index.get(code);
    if (hit) return hit.rule;
    if (NO_COUNTERPART[code]) warnings.push(`${where}: ${code} not carried over (${NO_COUNTERPART[code]})`);
    else if (/^SC\d+$/.test(code)) warnings.push(`${where}: ${code} is a ShellCheck code; Shipshape does not run ShellCheck, so there is nothing to configure`);
    else warnings.push(`${where}: unknown rule code ${code}; no Shipshape rule checks it`);
    return null;
  };

  // `override` first, so that `ignored` wins over it as in hadolint.
  const override = data.override;
  if (override !== undefined && override !== null) {
    if (!isRecord(override)) throw new MigrateError('override must be a mapping of error, warning, info and style to lists of rule codes');
    for (const [level, codes] of Object.entries(override)) {
      if (!(SEVERITIES as readonly string[]).includes(level)) {
        warnings.push(`override.${level}: not a hadolint severity (error, warning, info, style); skipped`);
        continue;
      }
      for (const code of codeList(codes, `override.${level}`)) {
        const rule = lookup(code, `override.${level}`);
        if (!rule) continue;
        const before = ruleSettings.get(rule);
        if (before && before !== level) {
          // Several codes of one rule set to different levels: keep the most severe.
          const keep = SEVERITIES.indexOf(before as Severity) <= SEVERITIES.indexOf(level as Severity) ? before : level as Severity;
          warnings.push(`override.${level}: ${code} and ${why.get(rule)} are both checked by ${rule}, with different severities; using ${keep}`);
          ruleSettings.set(rule, keep);
          continue;
        }
        ruleSettings.set(rule, level as Severity);
        why.set(rule, code);
      }
    }
  }

  for (const code of codeList(data.ignored, 'ignored')) {
    const rule = lookup(code, 'ignored');
    if (!rule) continue;
    const before = ruleSettings.get(rule);
    if (before && before !== 'off') warnings.push(`ignored: ${code} is also in override.${before}; ignoring wins, as in hadolint`);
    ruleSettings.set(rule, 'off');
    why.set(rule, code);
  }
  // One rule may cover several hadolint codes: turning it off for one turns it off for all.
  for (const [rule, value] of ruleSettings) {
    if (value !== 'off') continue;
    const covered = index.get(why.get(rule)!)?.codes ?? [];
    const ignored = new Set(codeList(data.ignored, 'ignored'));
    const others = covered.filter((c) => !ignored.has(c));
    if (others.length) warnings.push(`ignored: ${rule} also checks ${others.join(', ')}, which will be off too`);
  }
  if (ruleSettings.size) config.rules = Object.fromEntries([...ruleSettings].sort(([a], [b]) => a.localeCompare(b)));

  const threshold = data['failure-threshold'];
  if (threshold !== undefined && threshold !== null) {
    if (typeof threshold !== 'string') throw new MigrateError('failure-threshold must be one of error, warning, info, style, ignore, none');
    const t = threshold.trim().toLowerCase();
    if ((SEVERITIES as readonly string[]).includes(t)) config.failureThreshold = t as Severity;
    else if (t === 'ignore' || t === 'none') {
      // hadolint reads both as its lowest level, so any finding fails the run; Shipshape's "none" never fails.
      config.failureThreshold = 'style';
      warnings.push(`failure-threshold: ${t} makes hadolint fail on any finding; that is "style" here (Shipshape's "none" would never fail)`);
    } else throw new MigrateError(`failure-threshold: unknown value '${threshold}' (error, warning, info, style, ignore, none)`);
  } else {
    // hadolint's default threshold is info; ours is warning. Keep the run failing as it did.
    config.failureThreshold = 'info';
    warnings.push('failure-threshold: not set; hadolint fails on info and above by default, so "failureThreshold": "info" keeps that (Shipshape\'s own default is warning)');
  }
  // `no-fail: true` means hadolint never fails the run, which is our "none".
  if (data['no-fail'] === true) config.failureThreshold = 'none';

  const registries = data.trustedRegistries ?? data['trusted-registries'];
  if (registries !== undefined && registries !== null) {
    const list = typeof registries === 'string' ? [registries] : registries;
    if (!Array.isArray(list) || !list.every((r) => typeof r === 'string')) throw new MigrateError('trustedRegistries must be a registry name or a list of them');
    if (list.length) settings.trustedRegistries = list.map((r) => r.trim());
  }

  const schema = data['label-schema'];
  if (schema !== undefined && schema !== null) {
    if (!isRecord(schema)) throw new MigrateError('label-schema must be a mapping of label names to types (text, url, semver, hash, rfc3339, spdx, email)');
    const out: Record<string, LabelType> = {};
    for (const [label, type] of Object.entries(schema)) {
      const t = typeof type === 'string' ? type.trim().toLowerCase() : '';
      if ((LABEL_TYPES as readonly string[]).includes(t)) out[label] = t as LabelType;
      else warnings.push(`label-schema.${label}: unknown type '${String(type)}' (${LABEL_TYPES.join(', ')}); skipped`);
    }
    if (Object.keys(out).length) settings.labelSchema = out;
  }

  const strict = data['strict-labels'];
  if (strict !== undefined && strict !== null) {
    if (typeof strict !== 'boolean') throw new MigrateError('strict-labels must be true or false');
    if (strict) settings.strictLabels = true;
  }

  const pragmas = data['disable-ignore-pragma'];
  if (pragmas !== undefined && pragmas !== null) {
    if (typeof pragmas !== 'boolean') throw new MigrateError('disable-ignore-pragma must be true or false');
    if (pragmas) config.noInlineIgnores = true;
  }

  for (const key of Object.keys(data)) {
    if (['ignored', 'override', 'failure-threshold', 'no-fail', 'trustedRegistries', 'trusted-registries', 'label-schema', 'strict-labels', 'disable-ignore-pragma'].includes(key)) continue;
    const reason = NOT_APPLICABLE[key];
    warnings.push(reason ? `${key}: not applicable (${reason})` : `${key}: not a hadolint setting Shipshape knows; skipped`);
  }

  if (Object.keys(settings).length) config.settings = settings;
  const validate = new Ajv({ allErrors: false }).compile(CONFIG_SCHEMA);
  if (!validate(config)) throw new MigrateError(`internal error: the converted config does not validate (${validate.errors?.[0]?.instancePath ?? ''} ${validate.errors?.[0]?.message ?? ''})`);
  return { config, warnings };
}

/** `shipshape migrate --from-hadolint .hadolint.yaml [--output .shipshape.json] [--force]`. */
export function migrateCommand(io: CliIO, args: string[]): number {
  let values: { 'from-hadolint'?: string; output?: string; force?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      options: { 'from-hadolint': { type: 'string' }, output: { type: 'string', short: 'o' }, force: { type: 'boolean', default: false } },
      allowPositionals: true,
      strict: true,
    }));
  } catch (e) {
    throw new MigrateError(e instanceof Error ? e.message.split('\n')[0]! : String(e));
  }
  if (positionals.length) throw new MigrateError(`unexpected argument '${positionals[0]}' (usage: shipshape migrate --from-hadolint .hadolint.yaml [--output .shipshape.json] [--force])`);
  const from = values['from-hadolint'];
  if (!from) throw new MigrateError('migrate needs --from-hadolint FILE (e.g. shipshape migrate --from-hadolint .hadolint.yaml)');
  const cwd = io.cwd ?? process.cwd();

  let text: string;
  try {
    text = readFileSync(resolve(cwd, from), 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new MigrateError(`cannot read ${from}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (e as Error).message}`);
  }
  let result: MigrateResult;
  try {
    result = migrateHadolint(text);
  } catch (e) {
    if (e instanceof MigrateError) throw new MigrateError(`${from}: ${e.message}`);
    throw e;
  }
  const json = `${JSON.stringify(result.config, null, 2)}\n`;

  if (values.output) {
    const target = resolve(cwd, values.output);
    if (existsSync(target)) {
      if (statSync(target).isDirectory()) throw new MigrateError(`${values.output} is a directory`);
      if (!values.force) throw new MigrateError(`${values.output} already exists; pass --force to overwrite it`);
    }
    try {
      writeFileSync(target, json);
    } catch (e) {
      throw new MigrateError(`cannot write ${values.output}: ${(e as Error).message}`);
    }
  } else {
    io.stdout(json);
  }
  for (const w of result.warnings) io.stderr(`shipshape migrate: ${w}\n`);
  if (values.output) io.stderr(`shipshape migrate: wrote ${values.output}\n`);
  return 0;
}
