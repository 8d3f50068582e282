import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { lint, rules, ruleUrl, version } from '~/engine/index';
import { SEVERITIES, type LintOptions, type Severity } from '~/engine/types';
import { formatters } from './formatters/index';
import type { FileResult } from './formatters/types';

/** What the process should do once main returns. */
export interface CliIO {
  argv: string[];
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readStdin: () => string;
  isTTY: boolean;
  env: Record<string, string | undefined>;
}

const USAGE = `Usage:
  shipshape lint [--format stylish|json] [--dockerignore FILE] [--target STAGE]
                 [--failure-threshold error|warning|info|style|none] FILE... | -
  shipshape rules [--format json|stylish]
  shipshape --version

Exit codes: 0 no finding at or above the failure threshold (default: warning), 1 findings, 2 usage error or unreadable input.`;

class UsageError extends Error {}

/** Runs the CLI; returns the exit code. */
export function main(io: CliIO): number {
  try {
    return run(io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`shipshape: ${e.message}\n`);
      return 2;
    }
    io.stderr(`shipshape: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
}

function run(io: CliIO): number {
  const [command, ...rest] = io.argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    io.stdout(`${USAGE}\n`);
    return command ? 0 : 2;
  }
  if (command === '--version' || command === '-v') {
    io.stdout(`${version}\n`);
    return 0;
  }
  if (command === 'rules') return rulesCommand(io, rest);
  if (command === 'lint') return lintCommand(io, rest);
  throw new UsageError(`unknown command '${command}'. Run 'shipshape --help'.`);
}

function parse(args: string[], options: NonNullable<ParseArgsConfig['options']>) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message.split('\n')[0]! : String(e));
  }
}

function rulesCommand(io: CliIO, args: string[]): number {
  const { values } = parse(args, { format: { type: 'string', default: 'stylish' } });
  const list = rules.map((r) => ({
    name: r.name,
    severity: r.meta.severity,
    description: r.meta.description,
    sources: r.meta.sources ?? [],
    url: ruleUrl(r.name),
    fixable: r.meta.fixable === 'safe',
    ...(r.meta.enabledByDefault === false ? { enabledByDefault: false } : {}),
  }));
  if (values.format === 'json') {
    io.stdout(`${JSON.stringify(list, null, 2)}\n`);
    return 0;
  }
  if (values.format !== 'stylish') throw new UsageError(`unknown format '${String(values.format)}' for rules (json, stylish)`);
  for (const r of list) io.stdout(`${r.name.padEnd(34)} ${r.severity.padEnd(8)} ${r.description}\n`);
  return 0;
}

function lintCommand(io: CliIO, args: string[]): number {
  const { values, positionals } = parse(args, {
    format: { type: 'string', short: 'f', default: 'stylish' },
    dockerignore: { type: 'string' },
    target: { type: 'string' },
    'failure-threshold': { type: 'string', short: 't', default: 'warning' },
  });
  const format = String(values.format);
  const formatter = formatters[format];
  if (!formatter) throw new UsageError(`unknown format '${format}' (${Object.keys(formatters).join(', ')})`);
  const threshold = String(values['failure-threshold']);
  if (threshold !== 'none' && !SEVERITIES.includes(threshold as Severity)) {
    throw new UsageError(`unknown failure threshold '${threshold}' (error, warning, info, style, none)`);
  }
  if (!positionals.length) throw new UsageError('no Dockerfile given (pass a path, or - for standard input)');

  const results: FileResult[] = [];
  for (const file of positionals) {
    let text: string;
    try {
      text = file === '-' ? io.readStdin() : readFileSync(file, 'utf8');
    } catch (e) {
      const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message;
      io.stderr(`shipshape: cannot read ${file}: ${reason}\n`);
      return 2;
    }
    const options: LintOptions = { dockerignore: null };
    if (typeof values.target === 'string') options.target = values.target;
    const ignorePath = typeof values.dockerignore === 'string'
      ? values.dockerignore
      : file === '-' ? null : join(dirname(file), '.dockerignore');
    if (ignorePath) {
      if (typeof values.dockerignore === 'string' || existsSync(ignorePath)) {
        try {
          options.dockerignore = readFileSync(ignorePath, 'utf8');
        } catch {
          io.stderr(`shipshape: cannot read ${ignorePath}\n`);
          return 2;
        }
      }
    }
    results.push({ file, text, findings: lint(text, options) });
  }
  const color = io.isTTY && !('NO_COLOR' in io.env && io.env.NO_COLOR !== undefined) && format === 'stylish';
  io.stdout(formatter(results, { color }));
  if (threshold === 'none') return 0;
  const limit = SEVERITIES.indexOf(threshold as Severity);
  const failing = results.some((r) => r.findings.some((f) => SEVERITIES.indexOf(f.severity) <= limit));
  return failing ? 1 : 0;
}
