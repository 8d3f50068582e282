import { pipInstall, uvInstall } from '~/engine/commands';
import { defineRule } from '~/engine/define-rule';

const INSTALLERS = new Set(['poetry', 'pdm', 'pipenv']);

export default defineRule({
  name: 'alpine-python',
  meta: {
    type: 'suggestion',
    severity: 'warning',
    description: 'Disallow installing Python packages on an Alpine base',
    category: 'base-image',
    scope: 'all-stages',
    messages: {
      alpine: 'Python packages are installed on Alpine: most binary wheels target glibc, so pip builds them from source on musl (slow builds, compilers in the image). Use `python:3.x-slim` unless every dependency ships musllinux wheels.',
    },
  },
  create(context) {
    const { model } = context;
    return {
      RUN(run, stage) {
        if (model.baseImage(stage)?.distro?.distro !== 'alpine') return;
        for (const cmd of model.commands(run)) {
          const pip = pipInstall(cmd);
          const uv = uvInstall(cmd);
          const other = INSTALLERS.has(cmd.name) && cmd.args.some((a) => a.value === 'install' || a.value === 'add' || a.value === 'sync');
          if (!pip && !uv && !other) continue;
          const end = pip?.subcommand?.end ?? uv?.sub.end ?? cmd.args.find((a) => !a.value.startsWith('-'))?.end ?? cmd.program.end;
          context.report({ messageId: 'alpine', range: { start: cmd.program.start, end } });
        }
      },
    };
  },
});
