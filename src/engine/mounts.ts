import type { Flag, Run } from 'dockerfile-ast';
import type { LspRange } from './types';

/** A `RUN --mount=…` flag, parsed. Defaults follow the Dockerfile reference (type=bind). */
export interface Mount {
  type: string;
  target: string | null;
  source: string | null;
  from: string | null;
  sharing: string | null;
  id: string | null;
  /** Every option as written, lower-cased keys. */
  options: Record<string, string | null>;
  flag: Flag;
  range: LspRange;
  /** Range of the target value, when there is one. */
  targetRange: LspRange | null;
}

const ALIASES: Record<string, string> = { dst: 'target', destination: 'target', src: 'source' };

export function parseMounts(run: Run): Mount[] {
  const mounts: Mount[] = [];
  for (const flag of run.getFlags()) {
    if (flag.getName().toLowerCase() !== 'mount') continue;
    const options: Record<string, string | null> = {};
    let targetRange: LspRange | null = null;
    for (const opt of flag.getOptions()) {
      const key = opt.getName().toLowerCase();
      const name = ALIASES[key] ?? key;
      options[name] = opt.getValue();
      if (name === 'target') targetRange = opt.getValueRange() ?? opt.getRange();
    }
    mounts.push({
      type: (options.type ?? 'bind').toLowerCase(),
      target: options.target ?? null,
      source: options.source ?? null,
      from: options.from ?? null,
      sharing: options.sharing ?? null,
      id: options.id ?? null,
      options,
      flag,
      range: flag.getRange(),
      targetRange,
    });
  }
  return mounts;
}

/** A cache or tmpfs mount whose target is `dir` or lies below/above it (`/root/.cache` covers `/root/.cache/pip`). */
export function mountCovers(mounts: readonly Mount[], dirs: readonly string[]): Mount | null {
  for (const m of mounts) {
    if (m.type !== 'cache' && m.type !== 'tmpfs') continue;
    const target = normalizePath(m.target ?? '');
    if (!target) continue;
    for (const d of dirs) {
      const dir = normalizePath(d);
      if (target === dir || dir.startsWith(`${target}/`) || target.endsWith(dir.replace(/^\/root/, ''))) return m;
    }
  }
  return null;
}

export function normalizePath(p: string): string {
  return p.replace(/\/+$/, '').replace(/\/+/g, '/');
}
