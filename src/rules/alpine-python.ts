import { pipInstall, throughRunner, uvInstall } from '~/engine/commands';
import { defineRule } from '~/engine/define-rule';
import type { Word } from '~/engine/shell';

const INSTALLERS = new Set(['poetry', 'pdm', 'pipenv']);
/** pip's own packaging tools: pure Python, without dependencies, wheels for every platform. */
const PACKAGING_TOOLS = /^(pip|setuptools|wheel)(\s*(===|==|~=|!=|<=|>=|<|>).*)?$/i;
/** Options of `pip install` / `uv pip install` whose value is the next word. */
const WITH_VALUE = new Set([
  '-i', '--index-url', '--extra-index-url', '-f', '--find-links', '--trusted-host', '--progress-bar', '--root-user-action',
  '--python', '-t', '--target', '--prefix', '--root', '--cache-dir', '--timeout', '--retries', '--proxy', '--upgrade-strategy',
  '--cert', '--client-cert', '--log', '--exists-action', '--index-strategy', '--keyring-provider',
]);

/** `pip install -U pip setuptools wheel`: only the installer's own tools, which need no wheel for musl. */
function onlyPackagingTools(args: readonly Word[]): boolean {
  let named = 0;
  for (let i = 0; i < args.length; i++) {
    const v = args[i]!.value;
    if (v.startsWith('-')) {
      // A requirements, constraints or editable input installs whatever it lists.
      if (/^--(requirements?|constraint|editable|override|group)(=|$)/.test(v) || /^-[a-zA-Z]*[rce]/.test(v)) return false;
      if (WITH_VALUE.has(v)) i++;
      continue;
    }
    if (!PACKAGING_TOOLS.test(v)) return false;
    named++;
  }
  return named > 0;
}

export default defineRule({
  name: 'alpine-python',
  meta: {
    type: 'suggestion',
    severity: 'warning',
    description: 'Disallow installing Python packages on an Alpine base',
    category: 'base-image',
    scope: 'all-stages',
    messages: {
      alpine: 'Python packages are installed on Alpine: most binary wheels target glibc, so `{{tool}}` builds every package without a musllinux wheel from source on musl (slow builds, compilers in the image). Use `python:3.x-slim` unless every dependency ships musllinux wheels.',
    },
  },
  create(context) {
    const { model } = context;
    return {
      RUN(run, stage) {
        if (model.baseImage(stage)?.distro?.distro !== 'alpine') return;
        for (const c of model.commands(run)) {
          // `conda run -n env poetry install`: the program the runner starts.
          const cmd = throughRunner(c);
          const pip = pipInstall(cmd);
          const uv = uvInstall(cmd);
          const other = INSTALLERS.has(cmd.name) && cmd.args.some((a) => a.value === 'install' || a.value === 'add' || a.value === 'sync');
          if (!pip && !uv && !other) continue;
          if (pip && onlyPackagingTools(pip.args)) continue;
          const end = pip?.subcommand?.end ?? uv?.sub.end ?? cmd.args.find((a) => !a.value.startsWith('-'))?.end ?? cmd.program.end;
          context.report({ messageId: 'alpine', data: { tool: pip ? pip.tool : uv ? 'uv' : cmd.name }, range: { start: (pip?.command ?? uv?.command ?? cmd).program.start, end } });
        }
      },
    };
  },
});
