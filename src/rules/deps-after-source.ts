import { pipInstall, uvInstall } from '~/engine/commands';
import { copiesWholeContext, copyArgs } from '~/engine/copy';
import { defineRule } from '~/engine/define-rule';
import type { Command, Word } from '~/engine/shell';

/** A command that installs dependencies from a requirements or lock file. */
function installsFromLock(cmd: Command): boolean {
  const pip = pipInstall(cmd);
  if (pip) return pip.args.some((a) => /^(-r|--requirement|-c|--constraint)(=|$)/.test(a.value) || /^-r\S/.test(a.value));
  const uv = uvInstall(cmd);
  if (uv) return uv.sub.value === 'sync' || uv.args.some((a) => /^(-r|--requirement|-c|--constraint)(=|$)/.test(a.value));
  if (cmd.name === 'poetry') return cmd.args.some((a) => a.value === 'install' || a.value === 'sync');
  if (cmd.name === 'pipenv') return cmd.args.some((a) => a.value === 'install' || a.value === 'sync');
  if (cmd.name === 'pdm') return cmd.args.some((a) => a.value === 'install' || a.value === 'sync');
  return false;
}

export default defineRule({
  name: 'deps-after-source',
  meta: {
    type: 'suggestion',
    severity: 'warning',
    description: 'Require dependencies to be installed before the whole source is copied, so code changes keep the dependency layer cached',
    category: 'cache',
    scope: 'all-stages',
    messages: {
      order: 'The whole build context is copied before dependencies are installed (line {{line}}): every code change invalidates this layer and reinstalls every dependency. Copy the requirements or lock file first, install, then copy the source.',
    },
  },
  create(context) {
    const { model } = context;
    return {
      'Dockerfile:exit'() {
        for (const stage of model.stages) {
          let wholesale: Word | null = null;
          let installedBefore = false;
          for (const instr of stage.instructions) {
            const k = instr.getKeyword();
            if ((k === 'COPY' || k === 'ADD') && !wholesale) {
              const args = copyArgs(model, instr);
              const source = args && copiesWholeContext(args);
              if (source) wholesale = source;
              continue;
            }
            if (k !== 'RUN') continue;
            const installs = model.commands(instr).some(installsFromLock);
            if (!installs) continue;
            if (!wholesale) { installedBefore = true; continue; }
            if (installedBefore) break;
            context.report({ messageId: 'order', data: { line: instr.getRange().start.line + 1 }, range: { start: wholesale.start, end: wholesale.end } });
            break;
          }
        }
      },
    };
  },
});
