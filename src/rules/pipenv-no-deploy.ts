import { buildVar, isOn } from '~/engine/build-env';
import { defineRule } from '~/engine/define-rule';
import type { Command, Word } from '~/engine/shell';

/** `pipenv install` options that take a value. */
const WITH_VALUE = new Set(['-r', '--requirements', '--python', '-i', '--index', '--extra-index-url', '--pypi-mirror', '--categories', '--extra-pip-args', '-c', '--code']);

/** `pipenv install` that installs from the Pipfile (no package named): the subcommand word, or null. */
function pipenvInstall(cmd: Command): Word | null {
  if (cmd.name !== 'pipenv') return null;
  let sub: Word | null = null;
  for (let i = 0; i < cmd.args.length; i++) {
    const a = cmd.args[i]!;
    // `-r requirements.txt` imports the file into the Pipfile: like a named package, another operation.
    if (sub && (a.value === '-r' || a.value === '--requirements' || a.value.startsWith('--requirements=') || /^-r./.test(a.value))) return null;
    if (WITH_VALUE.has(a.value)) { i++; continue; }
    if (a.value.startsWith('-')) {
      // `-e <path>` names a package to add.
      if (sub && (a.value === '-e' || a.value === '--editable' || a.value.startsWith('--editable='))) return null;
      continue;
    }
    if (!sub) {
      if (a.value !== 'install') return null;
      sub = a;
      continue;
    }
    // A package name: `pipenv install gunicorn` adds it to the Pipfile, a different operation.
    return null;
  }
  return sub;
}

export default defineRule({
  name: 'pipenv-no-deploy',
  meta: {
    type: 'suggestion',
    severity: 'info',
    description: 'Require `pipenv install` in an image build to use `--deploy`, so an out-of-date `Pipfile.lock` fails the build',
    category: 'reproducibility',
    scope: 'all-stages',
    fixable: 'unsafe',
    messages: {
      noDeploy: '`pipenv install` without `--deploy` locks again when `Pipfile.lock` is out of date with the `Pipfile`, so the image can get versions nobody reviewed. Add `--deploy` (fail instead), or use `pipenv sync` / `--ignore-pipfile` to install exactly the lock.',
      skipLock: '`--skip-lock` ignores `Pipfile.lock` and installs whatever the `Pipfile`\'s version ranges resolve to at build time (`--deploy` checks nothing then), so the image can get versions nobody reviewed. Install from the lock: replace `--skip-lock` with `--deploy`, or use `pipenv sync`.',
    },
  },
  create(context) {
    const { model } = context;
    return {
      RUN(run, stage) {
        const cmds = model.commands(run);
        let locked = false;
        for (const cmd of cmds) {
          // `pipenv lock && pipenv install`: the build locks on purpose, and `--deploy` would change nothing.
          if (cmd.name === 'pipenv' && cmd.args.some((a) => a.value === 'lock')) locked = true;
          const sub = pipenvInstall(cmd);
          if (!sub || locked) continue;
          const values = cmd.args.map((a) => a.value);
          // `--skip-lock` installs from the Pipfile's ranges, lock or no lock: `--deploy` would not help.
          const skip = cmd.args.find((a) => a.value === '--skip-lock');
          if (skip) {
            const deploy = values.includes('--deploy');
            context.report({
              messageId: 'skipLock',
              range: { start: skip.start, end: skip.end },
              suggestions: deploy ? [] : [{ title: 'Install from the lock with `--deploy`', edits: [{ start: skip.start, end: skip.end, text: skip.raw.startsWith('"') ? '"--deploy"' : '--deploy' }] }],
            });
            continue;
          }
          if (values.includes('--deploy') || values.includes('--ignore-pipfile')) continue;
          // The same switches as environment variables (`ENV PIPENV_DEPLOY=1`, `PIPENV_IGNORE_PIPFILE=1`).
          if (['PIPENV_DEPLOY', 'PIPENV_IGNORE_PIPFILE'].some((name) => isOn(buildVar(model, stage, name, run, cmd, cmds)))) continue;
          context.report({
            messageId: 'noDeploy',
            range: { start: cmd.program.start, end: sub.end },
            suggestions: [{ title: 'Add `--deploy`', edits: [{ start: sub.end, end: sub.end, text: sub.raw.startsWith('"') ? ', "--deploy"' : ' --deploy' }] }],
          });
        }
      },
    };
  },
});
