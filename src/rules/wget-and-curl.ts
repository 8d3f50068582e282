import { defineRule } from '~/engine/define-rule';
import type { Command } from '~/engine/shell';

export default defineRule({
  name: 'wget-and-curl',
  meta: {
    type: 'suggestion',
    severity: 'warning',
    description: 'Disallow using both `wget` and `curl` in one stage',
    category: 'size',
    scope: 'all-stages',
    sources: ['hadolint:DL4001', 'trivy:DS-0014'],
    messages: {
      both: 'This stage uses both `curl` and `wget`: two tools for one job, each with its own dependencies and vulnerabilities. Pick one (in `python:*-slim`, neither is installed; Python\'s `urllib` often does the job).',
    },
  },
  create(context) {
    const { model } = context;
    return {
      'Dockerfile:exit'() {
        for (const stage of model.stages) {
          let curl: Command | null = null;
          let wget: Command | null = null;
          for (const instr of stage.instructions) {
            if (instr.getKeyword() !== 'RUN') continue;
            for (const c of model.commands(instr)) {
              // `command -v curl` asks whether curl exists; it does not use it.
              if (c.wrappers.includes('command') && /\bcommand\s+(-p\s+)?-[vV]\b/.test(model.text.slice(c.start, c.program.start))) continue;
              if (c.name === 'curl') curl ??= c;
              if (c.name === 'wget') wget ??= c;
            }
          }
          if (!curl || !wget) continue;
          const second = curl.start > wget.start ? curl : wget;
          context.report({ messageId: 'both', range: { start: second.program.start, end: second.program.end } });
        }
      },
    };
  },
});
