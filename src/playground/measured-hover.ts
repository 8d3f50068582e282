/**
 * Adds the project's measured cost to the hover of findings whose cost was measured (issue #7):
 * "Measured: 31.2 MB more (uncompressed) / … ; measured on locally built stand-ins …" with a link to
 * the guide chart. The lines are computed when the site is built (src/data/rule-costs.ts) and
 * handed over in the page's `data-measured-costs` attribute, so the bundle carries only these few
 * sentences, never the measurement data.
 */
import type * as Monaco from 'monaco-editor/editor/editor.api';
import type { Finding } from '~/engine/types';

export type MeasuredLines = Record<string, { text: string; href: string }>;

/** Reads the lines from the element's data attribute; malformed or absent → none. */
export function readMeasuredLines(el: HTMLElement | null): MeasuredLines {
  const raw = el?.dataset.measuredCosts;
  if (!raw) return {};
  try {
    const parsed = JSON.parse(raw) as unknown;
    if (!parsed || typeof parsed !== 'object') return {};
    const out: MeasuredLines = {};
    for (const [rule, v] of Object.entries(parsed as Record<string, unknown>)) {
      const { text, href } = (v ?? {}) as { text?: unknown; href?: unknown };
      if (typeof text === 'string' && typeof href === 'string' && href.startsWith('/')) out[rule] = { text, href };
    }
    return out;
  } catch {
    return {};
  }
}

/** Markdown-escapes text for a hover (the lines are ours, but stay literal all the same). */
const escapeMd = (s: string) => s.replace(/[\\`*_{}[\]()#+\-.!<>|~]/g, '\\$&');

export function registerMeasuredHover(
  monaco: typeof Monaco,
  model: Monaco.editor.ITextModel,
  findings: () => readonly Finding[],
  lines: MeasuredLines,
): void {
  if (Object.keys(lines).length === 0) return;
  monaco.languages.registerHoverProvider('dockerfile', {
    provideHover(m, position) {
      if (m !== model) return null;
      const offset = m.getOffsetAt(position);
      const seen = new Set<string>();
      const contents: Monaco.IMarkdownString[] = [];
      let range: Monaco.IRange | undefined;
      for (const f of findings()) {
        const line = lines[f.rule];
        if (!line || seen.has(f.rule)) continue;
        if (offset < f.start || offset > Math.max(f.end, f.start + 1)) continue;
        seen.add(f.rule);
        const a = m.getPositionAt(f.start);
        const b = m.getPositionAt(Math.max(f.end, f.start + 1));
        range ??= { startLineNumber: a.lineNumber, startColumn: a.column, endLineNumber: b.lineNumber, endColumn: b.column };
        const url = new URL(line.href, location.origin).href;
        contents.push({ value: `${escapeMd(line.text)} [See the chart](${url})` });
      }
      return contents.length ? { range, contents } : null;
    },
  });
}
