import docs from 'virtual:rule-docs';
import { didYouMean } from '~/engine/commands';
import { rules, ruleUrl } from '~/engine/index';
import type { RuleModule } from '~/engine/types';

/** A rule by name, or by a code it lists in `sources` (`DL3042`, `JSONArgsRecommended`). */
export function findRule(query: string): RuleModule | null {
  const q = query.toLowerCase();
  return rules.find((r) => r.name === q)
    ?? rules.find((r) => r.meta.sources?.some((s) => s.slice(s.indexOf(':') + 1).toLowerCase() === q))
    ?? null;
}

/** Markdown/MDX to terminal text: headings underlined, code blocks indented, links as `text (url)`. */
export function mdxToText(mdx: string): string {
  const out: string[] = [];
  let inCode = false;
  for (const line of mdx.split('\n')) {
    const fence = /^```(\S*)\s*(incorrect|correct)?/.exec(line);
    if (fence) {
      if (!inCode && fence[2]) out.push(fence[2] === 'incorrect' ? '  ✗ Incorrect:' : '  ✓ Correct:');
      if (!inCode && fence[1] === 'dockerignore') out.push('  .dockerignore:');
      inCode = !inCode;
      continue;
    }
    if (inCode) { out.push(`      ${line}`); continue; }
    const h = /^(#{1,6})\s+(.*)$/.exec(line);
    if (h) { out.push('', h[2]!, (h[1] === '#' ? '=' : '-').repeat(h[2]!.length)); continue; }
    out.push(line.replace(/\[([^\]]+)\]\(([^)]+)\)/g, (_, t: string, u: string) => `${t} (${u.startsWith('/') ? `https://shipshape.dev${u}` : u})`));
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

export function explain(query: string): { ok: true; text: string } | { ok: false; error: string } {
  const rule = findRule(query);
  if (!rule) {
    const near = didYouMean(query.toLowerCase(), rules.map((r) => r.name));
    return { ok: false, error: `unknown rule '${query}'${near ? ` (did you mean '${near}'?)` : ''}. Run 'shipshape rules' for the list.` };
  }
  const m = rule.meta;
  const head = [
    rule.name,
    '='.repeat(rule.name.length),
    m.description.replace(/`/g, ''),
    '',
    `Severity: ${m.severity}${m.enabledByDefault === false ? ' (off by default)' : ''} · Category: ${m.category} · Scope: ${m.scope}${m.fixable ? ` · Fix: ${m.fixable}` : ''}`,
    ...(m.sources?.length ? [`Same as: ${m.sources.join(', ')}`] : []),
    `Page: ${ruleUrl(rule.name)}`,
  ];
  const body = docs[rule.name];
  return { ok: true, text: `${head.join('\n')}\n\n${body ? mdxToText(body) : ''}` };
}
