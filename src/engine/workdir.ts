import type { Instruction } from 'dockerfile-ast';
import type { DockerfileModel, Stage } from './model';
import { unquote } from './shell';

/** Joins and normalizes POSIX paths: `/app` + `./wheels/` → `/app/wheels`. */
export function joinPath(base: string, rel: string): string {
  const parts: string[] = [];
  for (const p of `${base}/${rel}`.split('/')) {
    if (!p || p === '.') continue;
    if (p === '..') parts.pop(); else parts.push(p);
  }
  return `/${parts.join('/')}`;
}

/**
 * The working directory in effect at `instr` (or at the end of the stage when `instr` is null) as
 * an absolute path, or null when it depends on the base image or a variable.
 */
export function workdirAt(model: DockerfileModel, stage: Stage, instr: Instruction | null): string | null {
  let path: string | null = model.baseImage(stage)?.isScratch ? '/' : null;
  for (const s of model.lineage(stage).reverse()) {
    for (const i of s.instructions) {
      if (s === stage && instr && !model.isBefore(i, instr)) break;
      if (i.getKeyword() !== 'WORKDIR') continue;
      const raw = unquote(i.getArgumentsContent() ?? '');
      if (!raw) continue;
      const value = model.resolveInStage(raw, s, i);
      if (value.includes('$')) path = null;
      else if (value.startsWith('/')) path = joinPath('/', value);
      else if (path !== null) path = joinPath(path, value);
    }
  }
  return path;
}
