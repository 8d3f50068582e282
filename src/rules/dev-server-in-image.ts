import { defineRule } from '~/engine/define-rule';
import { argsAfter, isDevelopmentStage, programWord, runtimeCommands } from '~/engine/runtime';
import type { Word } from '~/engine/shell';

export default defineRule({
  name: 'dev-server-in-image',
  meta: {
    type: 'problem',
    severity: 'warning',
    description: 'Disallow development servers (`uvicorn --reload`, `flask run`, `runserver`, `fastapi dev`) as the command of the final image',
    category: 'runtime',
    scope: 'final-stage',
    messages: {
      reload: '`uvicorn --reload` runs a file watcher and a single process meant for development. Drop `--reload` (and use several workers).',
      flask: '`flask run` starts Werkzeug\'s development server, which is not meant for production. Serve the app with gunicorn (`gunicorn app:app`).',
      reloadServer: '`{{server}} --reload` watches the code and restarts the workers when it changes, a development feature: in an image the code does not change, and the watcher costs CPU. Drop `--reload`.',
      runserver: '`{{command}}` runs a Django development server, not meant for production. Serve the project with gunicorn (`gunicorn project.wsgi`) or an ASGI server.',
      fastapiDev: '`fastapi dev` runs FastAPI in development mode with auto-reload. Use `fastapi run`.',
      functionsDebug: '`functions-framework --debug` serves the function with a development server (Flask\'s, with its interactive debugger) instead of gunicorn. Drop `--debug`.',
    },
  },
  create(context) {
    const { model } = context;
    return {
      FinalStage(stage) {
        // A last stage named `dev`/`development`/`local` is the development image by design.
        if (isDevelopmentStage(stage)) return;
        // `ENTRYPOINT ["python"]` with `CMD ["manage.py", "runserver"]`: the ENTRYPOINT's command (with the CMD's
        // words) and the CMD's own both reach the same word; it is reported once.
        const reported = new Set<string>();
        const report: typeof context.report = (d) => {
          const key = JSON.stringify(d.range);
          if (reported.has(key)) return;
          reported.add(key);
          context.report(d);
        };
        for (const { command: own, args: all, instruction } of runtimeCommands(model, stage)) {
          // The program as it runs, with the words an exec-form CMD adds (`ENTRYPOINT ["python3"]`, `CMD ["-m", "uvicorn", …]`).
          const command = { ...own, args: all };
          // `ENTRYPOINT ["flask"]` with `CMD ["run"]`: the subcommand alone, not a range across both instructions.
          const end = model.offsets(instruction.getRange()).end;
          const span = (program: Word, sub: Word) => ({ start: sub.start > end ? sub.start : program.start, end: sub.end });
          const uvicorn = programWord(command, 'uvicorn');
          const other = uvicorn ? null : programWord(command, 'gunicorn') ?? programWord(command, 'hypercorn') ?? programWord(command, 'granian');
          if (uvicorn || other) {
            const flag = argsAfter(all, (uvicorn ?? other)!).find((a) => a.value === '--reload' || a.value.startsWith('--reload='));
            if (!flag) continue;
            if (uvicorn) report({ messageId: 'reload', range: { start: flag.start, end: flag.end } });
            else report({ messageId: 'reloadServer', data: { server: other!.value.slice(other!.value.lastIndexOf('/') + 1) }, range: { start: flag.start, end: flag.end } });
            continue;
          }
          const flask = programWord(command, 'flask');
          if (flask) {
            const run = subcommand(argsAfter(all, flask), FLASK_OPTS_WITH_VALUE);
            if (run?.value === 'run') report({ messageId: 'flask', range: span(flask, run) });
            continue;
          }
          const fastapi = programWord(command, 'fastapi');
          if (fastapi) {
            const dev = subcommand(argsAfter(all, fastapi), new Set());
            if (dev?.value === 'dev') report({ messageId: 'fastapiDev', range: span(fastapi, dev) });
            continue;
          }
          // Google's Functions Framework: `--debug` swaps its gunicorn server for Flask's, with the debugger.
          const functions = programWord(command, 'functions-framework') ?? programWord(command, 'functions_framework');
          if (functions) {
            const debug = argsAfter(all, functions).find((a) => a.value === '--debug');
            if (debug) report({ messageId: 'functionsDebug', range: { start: debug.start, end: debug.end } });
            continue;
          }
          // `python manage.py runserver`, `./manage.py runserver`, `django-admin runserver`, `python -m django runserver`.
          const django = command.name === 'django-admin' || command.name === 'manage.py' ? command.program
            : programWord(command, 'django') ?? (/^python(\d+(\.\d+)?)?$/.test(command.name) ? all.find((a) => /(^|\/)manage\.py$/.test(a.value)) ?? null : null);
          if (django) {
            const rs = argsAfter(all, django).find((a) => a.value === 'runserver' || a.value === 'runserver_plus');
            if (rs) report({ messageId: 'runserver', data: { command: rs.value }, range: { start: rs.start, end: rs.end } });
          }
        }
      },
    };
  },
});

/** flask's group options that take a value (`flask --app app run`). */
const FLASK_OPTS_WITH_VALUE = new Set(['--app', '-A', '--env-file', '-e']);

/** The first word that is not an option or an option's value: the subcommand of a click-style CLI. */
function subcommand(args: readonly Word[], withValue: ReadonlySet<string>): Word | null {
  for (let i = 0; i < args.length; i++) {
    const v = args[i]!.value;
    if (withValue.has(v)) { i++; continue; }
    if (v.startsWith('-')) continue;
    return args[i]!;
  }
  return null;
}
