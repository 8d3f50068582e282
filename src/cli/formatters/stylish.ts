import type { Severity } from '~/engine/types';
import type { Formatter } from './types';

const COLORS: Record<Severity | 'dim' | 'bold' | 'underline', [number, number]> = {
  error: [31, 39], warning: [33, 39], info: [36, 39], style: [35, 39], dim: [2, 22], bold: [1, 22], underline: [4, 24],
};

/**
 * Human output: per file, each finding with a code frame, the range underlined, the message,
 * the rule name and its page. Colour only when asked (a TTY without NO_COLOR).
 */
export const stylish: Formatter = (results, { color }) => {
  const paint = (kind: keyof typeof COLORS, s: string) => (color ? `\u001b[${COLORS[kind][0]}m${s}\u001b[${COLORS[kind][1]}m` : s);
  const lines: string[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, style: 0 };
  for (const r of results) {
    if (!r.findings.length) continue;
    const src = r.text.split(/\r\n|\r|\n/);
    lines.push(paint('underline', r.file));
    for (const f of r.findings) {
      counts[f.severity]++;
      lines.push(`  ${paint('dim', `${f.line}:${f.column}`)}  ${paint(f.severity, f.severity.padEnd(7))}  ${f.message}  ${paint('bold', f.rule)}`);
      const text = src[f.line - 1] ?? '';
      const gutter = String(f.line).padStart(5);
      const shown = text.length > 160 ? `${text.slice(0, 160)}…` : text;
      lines.push(`  ${paint('dim', `${gutter} |`)} ${shown}`);
      const endCol = f.endLine === f.line ? f.endColumn : text.length + 1;
      const width = Math.max(1, Math.min(endCol, 161) - f.column);
      lines.push(`  ${paint('dim', `${' '.repeat(5)} |`)} ${' '.repeat(Math.min(f.column - 1, 160))}${paint(f.severity, '^'.repeat(width))}`);
      lines.push(`  ${' '.repeat(8)}${paint('dim', f.url)}${f.fix ? paint('dim', '  (fixable with --fix)') : ''}`);
    }
    lines.push('');
  }
  const total = counts.error + counts.warning + counts.info + counts.style;
  if (total) {
    const parts = (Object.keys(counts) as Severity[]).filter((s) => counts[s]).map((s) => `${counts[s]} ${s}${counts[s] === 1 ? '' : 's'}`);
    lines.push(paint('bold', `✖ ${total} problem${total === 1 ? '' : 's'} (${parts.join(', ')})`));
    return `${lines.join('\n')}\n`;
  }
  return '';
};
