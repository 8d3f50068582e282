import type { LintOptions } from '~/engine/types';

export interface Example {
  kind: 'incorrect' | 'correct' | 'plain';
  code: string;
  options: LintOptions;
  /** 1-based line of the opening fence. */
  line: number;
}

/**
 * Reads the Dockerfile examples of a Markdown/MDX page: fences ```dockerfile incorrect and
 * ```dockerfile correct (a plain ```dockerfile is 'plain'). Options may follow the kind as a JSON
 * object (```dockerfile incorrect {"target":"app"}). A ```dockerignore fence sets the
 * `.dockerignore` of the examples after it (a ```dockerignore none fence resets it).
 */
export function parseExamples(text: string): Example[] {
  const out: Example[] = [];
  let dockerignore: string | null | undefined;
  const fence = /^(`{3,}|~{3,})([^\n]*)\n([\s\S]*?)^\1[ \t]*$/gm;
  for (const m of text.matchAll(fence)) {
    const info = m[2]!.trim();
    const body = m[3]!;
    const line = text.slice(0, m.index).split('\n').length;
    const [lang = '', ...restParts] = info.split(/\s+/);
    const rest = restParts.join(' ');
    if (lang === 'dockerignore') {
      dockerignore = rest === 'none' ? undefined : body;
      continue;
    }
    if (lang !== 'dockerfile' && lang !== 'Dockerfile') continue;
    const kindMatch = /^(incorrect|correct)\b/.exec(rest);
    const kind = (kindMatch?.[1] ?? 'plain') as Example['kind'];
    const json = /\{.*\}\s*$/.exec(rest)?.[0];
    let options: LintOptions = {};
    if (json) options = JSON.parse(json) as LintOptions;
    if (dockerignore !== undefined && options.dockerignore === undefined) options = { ...options, dockerignore };
    out.push({ kind, code: body, options, line });
  }
  return out;
}
