import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Ajv from 'ajv';
import { didYouMean } from '~/engine/commands';
import { rules } from '~/engine/index';
import { SEVERITIES, type LintOptions, type Severity } from '~/engine/types';

/** `.shipshape.json`: found next to the Dockerfile, else in the working directory, or given with `--config`. */
export interface Config {
  rules?: Record<string, Severity | 'off' | 'on'>;
  failureThreshold?: Severity | 'none';
  noInlineIgnores?: boolean;
  target?: string;
  settings?: {
    trustedRegistries?: string[];
    labelSchema?: Record<string, 'text' | 'url' | 'semver' | 'hash' | 'rfc3339' | 'spdx' | 'email'>;
    strictLabels?: boolean;
  };
}

export const CONFIG_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    rules: { type: 'object', additionalProperties: { enum: [...SEVERITIES, 'off', 'on'] }, description: 'Rule name → severity, "on" (its default severity) or "off".' },
    failureThreshold: { enum: [...SEVERITIES, 'none'], description: 'Lowest severity that makes `shipshape lint` exit 1.' },
    noInlineIgnores: { type: 'boolean', description: 'Ignore `# shipshape ignore=`, `# hadolint ignore=` and `# check=skip=` comments.' },
    target: { type: 'string', description: 'The build stage that ships (as `docker build --target`).' },
    settings: {
      type: 'object',
      additionalProperties: false,
      properties: {
        trustedRegistries: { type: 'array', items: { type: 'string' }, description: 'Registries allowed in FROM (globs such as `*.gcr.io`).' },
        labelSchema: { type: 'object', additionalProperties: { enum: ['text', 'url', 'semver', 'hash', 'rfc3339', 'spdx', 'email'] }, description: 'Required labels and the format of their values.' },
        strictLabels: { type: 'boolean', description: 'Report labels that are not in the label schema.' },
      },
    },
  },
} as const;

export class ConfigError extends Error {}

const validate = new Ajv({ allErrors: false }).compile(CONFIG_SCHEMA);

/** Reads and checks a config file; throws ConfigError with one clear line. */
export function readConfig(path: string): Config {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new ConfigError(`${path}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `not valid JSON (${(e as Error).message})`}`);
  }
  if (!validate(data)) {
    const err = validate.errors?.[0];
    const where = err?.instancePath ? err.instancePath.slice(1) : '(top level)';
    const extra = err?.params && 'additionalProperty' in err.params ? ` '${String(err.params.additionalProperty)}'` : '';
    const allowed = err?.params && 'allowedValues' in err.params ? ` (${(err.params.allowedValues as string[]).join(', ')})` : '';
    throw new ConfigError(`${path}: ${where}: ${err?.message ?? 'invalid'}${extra}${allowed}`);
  }
  const config = data as Config;
  const names = new Set(rules.map((r) => r.name));
  for (const name of Object.keys(config.rules ?? {})) {
    if (names.has(name)) continue;
    const near = didYouMean(name, names);
    throw new ConfigError(`${path}: rules/${name}: unknown rule '${name}'${near ? ` (did you mean '${near}'?)` : ''}`);
  }
  return config;
}

/** The config that applies to a Dockerfile: `--config`, else `.shipshape.json` beside it, else in the working directory. */
export function findConfig(file: string, explicit: string | undefined, cwd: string): Config | null {
  if (explicit) return readConfig(explicit);
  const candidates = [file === '-' ? null : join(dirname(file), '.shipshape.json'), join(cwd, '.shipshape.json')];
  for (const c of candidates) if (c && existsSync(c)) return readConfig(c);
  return null;
}

export function lintOptionsOf(config: Config | null): LintOptions {
  if (!config) return {};
  return {
    ...(config.rules ? { rules: config.rules } : {}),
    ...(config.noInlineIgnores ? { noInlineIgnores: true } : {}),
    ...(config.target ? { target: config.target } : {}),
    ...(config.settings ? { settings: config.settings } : {}),
  };
}
