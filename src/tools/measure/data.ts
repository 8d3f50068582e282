/** Putting a measurement run's results into src/data/builds.json without ever corrupting it. */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { BuildsData, BuildVariant } from '../../data/builds';

/** The current data file, or null when it is absent or unreadable (then nothing can be kept). */
export function readPrevious(file: string): BuildsData | null {
  if (!existsSync(file)) return null;
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as BuildsData;
    return data && typeof data === 'object' && Array.isArray(data.variants) ? data : null;
  } catch {
    return null;
  }
}

export interface Merged {
  variants: BuildVariant[];
  /** Ids whose previous numbers were kept (not measured this run, or failed). */
  kept: string[];
  /** Ids with no numbers at all (failed or not measured, and nothing to keep). */
  missing: string[];
}

/**
 * The variants of the new data, in the order of `ids` (the variants that exist): this run's result
 * where there is one, else the previous entry, else none. Entries of variants that no longer exist
 * are dropped.
 */
export function mergeVariants(ids: readonly string[], measured: ReadonlyMap<string, BuildVariant>, previous: BuildsData | null): Merged {
  const old = new Map((previous?.variants ?? []).map((v) => [v.id, v]));
  const out: Merged = { variants: [], kept: [], missing: [] };
  for (const id of ids) {
    const now = measured.get(id);
    if (now) out.variants.push(now);
    else if (old.has(id)) {
      out.variants.push(old.get(id)!);
      out.kept.push(id);
    } else out.missing.push(id);
  }
  return out;
}

/** Writes JSON to a temporary file beside `file`, then renames it over `file` (atomic on POSIX). */
export function writeJsonAtomic(file: string, data: unknown): void {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, `${JSON.stringify(data, null, 2)}\n`);
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
