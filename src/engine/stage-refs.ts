import type { Copy, Instruction, Run } from 'dockerfile-ast';
import type { DockerfileModel, Stage } from './model';
import type { LspRange } from './types';

/** A reference to another stage or image: `COPY --from=…` or `RUN --mount=…,from=…`. */
export interface StageRef {
  /** The value as written. */
  written: string;
  /** The value after ARG substitution. */
  value: string;
  range: LspRange;
  kind: 'copy' | 'mount';
}

/** What a `--from` value names. */
export type StageTarget =
  | { kind: 'stage'; stage: Stage }
  | { kind: 'index'; index: number; stage: Stage | null }
  | { kind: 'image' }
  | { kind: 'name' }
  | { kind: 'unknown' };

/** The `--from` references of a COPY or RUN instruction. */
export function stageRefs(model: DockerfileModel, instr: Instruction, stage: Stage): StageRef[] {
  const out: StageRef[] = [];
  const keyword = instr.getKeyword();
  const resolve = (v: string) => (v.includes('$') ? model.resolveInStage(v, stage, instr) : v);
  if (keyword === 'COPY') {
    for (const f of (instr as Copy).getFlags()) {
      const value = f.getValue();
      const range = f.getValueRange();
      if (f.getName().toLowerCase() !== 'from' || !value || !range) continue;
      out.push({ written: value, value: resolve(value), range, kind: 'copy' });
    }
  } else if (keyword === 'RUN') {
    for (const m of model.mounts(instr as Run)) {
      const opt = m.flag.getOptions().find((o) => o.getName().toLowerCase() === 'from');
      const value = opt?.getValue();
      const range = opt?.getValueRange();
      if (!value || !range) continue;
      out.push({ written: value, value: resolve(value), range, kind: 'mount' });
    }
  }
  return out;
}

/**
 * Resolves a `--from` value as BuildKit does: a stage name (any position, case-insensitive), a
 * stage index, otherwise an image reference. A bare word that names no stage is `name`: an image
 * on Docker Hub, or a typo.
 */
export function resolveStageRef(model: DockerfileModel, value: string): StageTarget {
  if (!value || value.includes('$')) return { kind: 'unknown' };
  const byName = model.stages.find((s) => s.name === value.toLowerCase());
  if (byName) return { kind: 'stage', stage: byName };
  if (/^\d+$/.test(value)) return { kind: 'index', index: Number(value), stage: model.stages[Number(value)] ?? null };
  if (/[/:@.]/.test(value)) return { kind: 'image' };
  return { kind: 'name' };
}
