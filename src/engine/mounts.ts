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
      // `--mount="type=cache,target=/x"`: BuildKit removes the quotes of a flag value.
      const key = opt.getName().replace(/["']/g, '').toLowerCase();
      const name = ALIASES[key] ?? key;
      const raw = opt.getValue();
      const value = raw?.replace(/^["']|["']$/g, '') ?? null;
      options[name] = value;
      if (name === 'target') {
        const r = opt.getValueRange() ?? opt.getRange();
        const lead = raw && /^["']/.test(raw) ? 1 : 0;
        const trail = raw && raw.length > lead && /["']$/.test(raw) ? 1 : 0;
        targetRange = lead || trail
          ? { start: { line: r.start.line, character: r.start.character + lead }, end: { line: r.end.line, character: r.end.character - trail } }
          : r;
      }
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
    const targetHome = homeRelative(target);
    for (const d of dirs) {
      const dir = normalizePath(d);
      const rest = dir.replace(/^\/root/, '');
      if (target === dir || dir.startsWith(`${target}/`) || (rest && target.endsWith(rest))) return m;
      // Another user's home: `/home/app/.cache` covers `/root/.cache/pip`.
      const dirHome = homeRelative(dir);
      if (targetHome !== null && dirHome !== null && (targetHome === dirHome || dirHome.startsWith(`${targetHome}/`))) return m;
    }
  }
  return null;
}

/** The part of a path below a home directory (`/root/.cache` → `/.cache`, `/home/app` → ``), or null. */
function homeRelative(p: string): string | null {
  return /^(?:\/root|\/home\/[^/]+)(\/.*)?$/.exec(p)?.[1] ?? (/^(?:\/root|\/home\/[^/]+)$/.test(p) ? '' : null);
}

export function normalizePath(p: string): string {
  return p.replace(/\/+$/, '').replace(/\/+/g, '/');
}
