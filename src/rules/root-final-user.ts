import { defineRule } from '~/engine/define-rule';

const ROOT = /^(root|0)(:.*)?$/;

/**
 * Base images whose own last `USER` is unprivileged, by repository path: micromamba (`mambaorg/micromamba`,
 * mambauser), Apache Airflow (airflow, uid 50000), the Jupyter Docker Stacks (`jupyter/*-notebook`,
 * also on quay.io; jovyan) and the Red Hat / Software Collections Python images (`ubi9/python-311`,
 * `sclorg/python-312-c9s`; uid 1001).
 */
const NON_ROOT_BASES = /^(mambaorg\/micromamba|apache\/airflow|jupyter\/([a-z0-9-]+-notebook|docker-stacks-foundation)|(ubi\d+|rhel\d+|rhscl|sclorg|centos\d*)\/python-\d+[a-z0-9.-]*)$/;

export default defineRule({
  name: 'root-final-user',
  meta: {
    type: 'problem',
    severity: 'warning',
    description: 'Require the final stage to switch to a non-root user',
    category: 'security',
    scope: 'final-stage',
    fixable: 'unsafe',
    sources: ['hadolint:DL3002', 'trivy:DS-0002', 'checkov:CKV_DOCKER_3', 'checkov:CKV_DOCKER_8'],
    messages: {
      noUser: 'The final stage never sets `USER`, so the container runs as root. Create an unprivileged user and switch to it with a numeric `USER`.',
      rootUser: 'The last `USER` of the final stage is `{{user}}`: the container runs as root. Switch to an unprivileged user after the steps that need root.',
    },
  },
  create(context) {
    return {
      'Dockerfile:exit'() {
        const { model } = context;
        const stage = model.finalStage;
        if (!stage) return;
        const base = model.baseImage(stage);
        // Images that already run unprivileged (distroless :nonroot, Chainguard) need no USER.
        if (base && (/nonroot/.test(base.tag ?? '') || base.registry === 'cgr.dev' || NON_ROOT_BASES.test(base.path.toLowerCase()))) {
          if (!model.user(stage)) return;
        }
        if (base?.isScratch && !model.user(stage)) return;
        const user = model.user(stage);
        if (!user) {
          const insertAt = model.text.length;
          const sep = /[\r\n]$/.test(model.text) || !model.text ? '' : '\n';
          context.report({
            messageId: 'noUser',
            range: stage.from.getImageRange() ?? stage.from.getRange(),
            suggestions: [{
              title: 'Create an unprivileged user and switch to it at the end',
              edits: [{ start: insertAt, end: insertAt, text: `${sep}RUN useradd --system --uid 10001 --no-log-init --no-create-home app\nUSER 10001\n` }],
            }],
          });
          return;
        }
        if (user.value.includes('$')) return;
        if (!ROOT.test(user.value.trim())) return;
        const range = user.instruction.getArgumentsRange() ?? user.instruction.getRange();
        context.report({ messageId: 'rootUser', range, data: { user: user.value.trim() } });
      },
    };
  },
});
