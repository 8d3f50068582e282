import { copyArgs } from '~/engine/copy';
import { defineRule } from '~/engine/define-rule';
import type { DockerfileModel, Stage } from '~/engine/model';
import { argsAfter, insertWords, programWord, runtimeCommands } from '~/engine/runtime';
import { optionValue } from '~/engine/shell';

export default defineRule({
  name: 'gunicorn-worker-tmp-dir',
  meta: {
    type: 'problem',
    severity: 'warning',
    description: 'Require gunicorn to keep its worker heartbeat files on a tmpfs such as `/dev/shm`',
    category: 'runtime',
    scope: 'final-stage',
    fixable: 'safe',
    messages: {
      missing: 'gunicorn starts without `--worker-tmp-dir`: worker heartbeats go to a disk-backed directory in the container and a slow disk can freeze or kill healthy workers. Add `--worker-tmp-dir /dev/shm`.',
      notTmpfs: '`--worker-tmp-dir {{dir}}` is not a tmpfs in a container; heartbeats still hit the disk. Use `/dev/shm`.',
    },
  },
  create(context) {
    const { model } = context;
    return {
      FinalStage(stage) {
        const envArgs = model.envValue(stage, 'GUNICORN_CMD_ARGS')?.value ?? '';
        if (envArgs.includes('--worker-tmp-dir')) return;
        // gunicorn reads `./gunicorn.conf.py` when no `-c` is given: a copied one may set worker_tmp_dir.
        if (copiesDefaultConfig(model, stage)) return;
        // `ENTRYPOINT ["python3"]` with `CMD ["-m", "gunicorn", …]`: the program is found with the CMD's words; and
        // `ENTRYPOINT ["python", "-m"]` with `CMD ["gunicorn", …]` reaches the same word twice, judged once.
        const seen = new Set<number>();
        for (const { command, args: all } of runtimeCommands(model, stage)) {
          const word = programWord({ ...command, args: all }, 'gunicorn');
          if (!word || seen.has(word.start)) continue;
          seen.add(word.start);
          const args = argsAfter(all, word);
          // `-c conf.py`, `-cconf.py`, `--config=conf.py`, and `"-c conf.py"` as one exec-form element (argparse takes
          // the rest of the word as the value, and gunicorn strips the space): netbox-docker's CMD.
          if (args.some((a) => a.value === '-c' || a.value === '--config' || a.value.startsWith('--config=') || /^-c\s*\S/.test(a.value))) continue;
          const dir = optionValue(args, ['--worker-tmp-dir']);
          if (dir) {
            if (dir.value.includes('$') || /^\/(dev\/shm|run\/shm)(\/|$)/.test(dir.value)) continue;
            context.report({ messageId: 'notTmpfs', range: { start: dir.start, end: dir.end }, data: { dir: dir.value } });
            continue;
          }
          context.report({
            messageId: 'missing',
            range: { start: word.start, end: word.end },
            fix: { title: 'Add `--worker-tmp-dir /dev/shm`', edits: [insertWords(word, ['--worker-tmp-dir', '/dev/shm'], context.text)] },
          });
        }
      },
    };
  },
});

/** Whether the stage or a parent copies a file named `gunicorn.conf.py` (gunicorn's default config file). */
function copiesDefaultConfig(model: DockerfileModel, stage: Stage): boolean {
  for (const s of model.lineage(stage)) {
    for (const instr of s.instructions) {
      const c = copyArgs(model, instr);
      if (!c) continue;
      const words = [...c.sources, ...(c.destination ? [c.destination] : [])];
      if (words.some((w) => /(^|\/)gunicorn\.conf\.py$/.test(w.value))) return true;
    }
  }
  return false;
}
