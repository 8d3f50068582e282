import type { Finding, Fix, TextEdit } from './types';

export interface FixResult {
  text: string;
  /** Fixes applied, in order. */
  applied: Fix[];
  /** Fixes left out because they overlapped one already taken. */
  skipped: Fix[];
}

/**
 * Applies the findings' safe fixes (and, when asked, their suggestions) in one pass. Edits are
 * applied from the end of the text backwards; a fix whose edits overlap an accepted fix is skipped,
 * so the result never garbles text. Run again on the result to pick up skipped ones.
 */
export function applyFixes(text: string, findings: readonly Finding[], options: { unsafe?: boolean } = {}): FixResult {
  const fixes: Fix[] = [];
  for (const f of findings) {
    if (f.fix) fixes.push(f.fix);
    if (options.unsafe && f.suggestions?.[0]) fixes.push(f.suggestions[0]);
  }
  const accepted: Array<{ fix: Fix; edits: TextEdit[] }> = [];
  const skipped: Fix[] = [];
  const taken: Array<[number, number]> = [];
  const seen = new Set<string>();
  for (const fix of fixes) {
    const key = JSON.stringify(fix.edits);
    if (seen.has(key)) continue;
    seen.add(key);
    const edits = fix.edits.filter((e) => e.start >= 0 && e.end <= text.length && e.start <= e.end);
    if (edits.length !== fix.edits.length) { skipped.push(fix); continue; }
    const clash = edits.some((e) => taken.some(([s, t]) => e.start < t && s < e.end || (e.start === e.end && e.start === s && s === t)));
    if (clash) { skipped.push(fix); continue; }
    for (const e of edits) taken.push([e.start, e.end]);
    accepted.push({ fix, edits });
  }
  const all = accepted.flatMap((a) => a.edits).sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of all) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return { text: out, applied: accepted.map((a) => a.fix), skipped };
}
