import type { Formatter } from './types';

const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** GitHub Actions workflow commands: one `::error|warning|notice` annotation per finding. */
export const github: Formatter = (results) => {
  const lines: string[] = [];
  for (const r of results) {
    for (const f of r.findings) {
      const command = f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'notice';
      const props = [
        `file=${escapeProperty(r.file)}`,
        `line=${f.line}`,
        `col=${f.column}`,
        `endLine=${f.endLine}`,
        `endColumn=${f.endColumn}`,
        `title=${escapeProperty(`${f.rule} (Shipshape)`)}`,
      ].join(',');
      lines.push(`::${command} ${props}::${escapeData(`${f.message} ${f.url}`)}`);
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
};
