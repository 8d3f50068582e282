import type { Instruction } from 'dockerfile-ast';
import { defineRule } from '~/engine/define-rule';
import type { Stage } from '~/engine/model';
import { resolveStageRef, stageRefs } from '~/engine/stage-refs';

export default defineRule({
  name: 'copy-from-own-stage',
  meta: {
    type: 'problem',
    severity: 'error',
    description: 'Disallow `COPY --from` and `RUN --mount=from=` that refer to their own stage, directly or through a cycle',
    category: 'multi-stage',
    scope: 'all-stages',
    onbuild: false,
    sources: ['hadolint:DL3023', 'trivy:DS-0006'],
    messages: {
      self: '`--from={{value}}` refers to the stage it is in: a stage cannot read its own result while it is being built, and BuildKit stops with "circular dependency detected". Copy from an earlier stage, or use the files already in this one.',
      cycle: '`--from={{value}}` makes a cycle: the stage `{{value}}` depends on this one, so neither can be built (BuildKit stops with "circular dependency detected"). Move what both need into a third stage.',
    },
  },
  create(context) {
    const { model } = context;
    // Every stage's dependencies: its parent and the stages its COPY/RUN --from name.
    const deps = new Map<Stage, Set<Stage>>();
    for (const s of model.stages) {
      const set = new Set<Stage>();
      if (s.parent) set.add(s.parent);
      for (const i of s.instructions) {
        for (const ref of stageRefs(model, i, s)) {
          const t = resolveStageRef(model, ref.value);
          if ((t.kind === 'stage' || t.kind === 'index') && t.stage) set.add(t.stage);
        }
      }
      deps.set(s, set);
    }
    const reaches = (from: Stage, to: Stage): boolean => {
      const seen = new Set<Stage>();
      const stack = [from];
      while (stack.length) {
        const s = stack.pop()!;
        if (s === to) return true;
        if (seen.has(s)) continue;
        seen.add(s);
        stack.push(...(deps.get(s) ?? []));
      }
      return false;
    };
    const check = (instr: Instruction, stage: Stage) => {
      for (const ref of stageRefs(model, instr, stage)) {
        const t = resolveStageRef(model, ref.value);
        if ((t.kind !== 'stage' && t.kind !== 'index') || !t.stage) continue;
        if (t.stage === stage) context.report({ messageId: 'self', data: { value: ref.written }, range: ref.range });
        // Report the forward reference that closes the cycle.
        else if (t.stage.index > stage.index && reaches(t.stage, stage)) context.report({ messageId: 'cycle', data: { value: ref.written }, range: ref.range });
      }
    };
    return { COPY: check, RUN: check };
  },
});
