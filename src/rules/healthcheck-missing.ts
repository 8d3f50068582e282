import { defineRule } from '~/engine/define-rule';

export default defineRule({
  name: 'healthcheck-missing',
  meta: {
    type: 'suggestion',
    severity: 'info',
    description: 'Require a `HEALTHCHECK` (or an explicit `HEALTHCHECK NONE`) in the final image',
    category: 'runtime',
    scope: 'final-stage',
    enabledByDefault: false,
    sources: ['hadolint:DL3057', 'trivy:DS-0026', 'checkov:CKV_DOCKER_2'],
    messages: {
      missing: 'The final image has no `HEALTHCHECK`, so Docker, Compose and Swarm cannot tell a hung app from a healthy one. Add `HEALTHCHECK CMD …` that probes the app, or `HEALTHCHECK NONE` if your orchestrator checks health itself.',
    },
  },
  create(context) {
    return {
      'Dockerfile:exit'() {
        const { model } = context;
        const stage = model.finalStage;
        if (!stage) return;
        // A HEALTHCHECK (NONE included: a deliberate choice) in the stage or a stage it is built FROM is inherited.
        // ONBUILD HEALTHCHECK only applies to images built from this one, so it does not count.
        for (const s of model.lineage(stage)) {
          if (s.instructions.some((i) => i.getKeyword() === 'HEALTHCHECK')) return;
        }
        context.report({ messageId: 'missing', range: stage.from.getImageRange() ?? stage.from.getInstructionRange() });
      },
    };
  },
});
