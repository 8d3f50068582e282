import { pipCall, uvInstall } from '~/engine/commands';
import { copiesWholeContext, copyArgs } from '~/engine/copy';
import { defineRule } from '~/engine/define-rule';
import type { Stage } from '~/engine/model';
import type { Command, Word } from '~/engine/shell';

/** A command that installs dependencies from a requirements or lock file. */
function installsFromLock(cmd: Command): boolean {
  const pip = pipCall(cmd);
  if (pip && /^(install|wheel|download)$/.test(pip.subcommand?.value ?? '')) {
    return pip.args.some((a) => /^(-r|--requirement|-c|--constraint)(=|$)/.test(a.value) || /^-[rc]\S/.test(a.value));
  }
  if (/^(conda|mamba|micromamba)$/.test(cmd.name)) {
    // `conda env create -f environment.yml`, `conda install --file requirements.txt`, `micromamba install -f env.yaml`.
    const words = cmd.args.map((a) => a.value);
    const sub = words.find((w) => !w.startsWith('-'));
    return (sub === 'env' || sub === 'install' || sub === 'create' || sub === 'update')
      && words.some((w) => /^(-f|--file)(=|$)/.test(w) || /^-f\S/.test(w));
  }
  const uv = uvInstall(cmd);
  if (uv) return uv.sub.value === 'sync' || uv.args.some((a) => /^(-r|--requirement|-c|--constraint)(=|$)/.test(a.value));
  // The subcommand, not any word: `poetry run python setup.py install` and `pipenv run pip install x` install no lock.
  if (/^(poetry|pipenv|pdm)$/.test(cmd.name)) {
    let sub: string | undefined;
    for (let i = 0; i < cmd.args.length && sub === undefined; i++) {
      const w = cmd.args[i]!.value;
      // Global options that take the next word (`poetry -C /app install`, `pdm -p /app sync`).
      if (/^(-C|--directory|-P|--project|-p)$/.test(w)) i++;
      else if (!w.startsWith('-')) sub = w;
    }
    return sub === 'install' || sub === 'sync';
  }
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
        // What a stage leaves to the stages built `FROM` it: a wholesale copy not yet followed by an install.
        const endState = new Map<Stage, { wholesale: Word | null; installedBefore: boolean; done: boolean }>();
        const reported = new Set<Word>();
        for (const stage of model.stages) {
          const inherited = stage.parent ? endState.get(stage.parent) : undefined;
          let wholesale: Word | null = inherited && !inherited.done ? inherited.wholesale : null;
          let installedBefore = inherited?.installedBefore ?? false;
          let done = inherited?.done ?? false;
          endState.set(stage, { wholesale, installedBefore, done });
          if (done) continue;
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
            done = true;
            if (installedBefore || reported.has(wholesale)) break;
            reported.add(wholesale);
            context.report({ messageId: 'order', data: { line: instr.getRange().start.line + 1 }, range: { start: wholesale.start, end: wholesale.end } });
            break;
          }
          endState.set(stage, { wholesale, installedBefore, done });
        }
      },
    };
  },
});
