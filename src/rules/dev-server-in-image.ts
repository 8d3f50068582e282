import { defineRule } from '~/engine/define-rule';
import { programWord, runtimeCommands } from '~/engine/runtime';

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
      runserver: '`runserver` is Django\'s development server, not meant for production. Serve the project with gunicorn (`gunicorn project.wsgi`) or an ASGI server.',
      fastapiDev: '`fastapi dev` runs FastAPI in development mode with auto-reload. Use `fastapi run`.',
    },
  },
  create(context) {
    const { model } = context;
    return {
      FinalStage(stage) {
        for (const { command, args } of runtimeCommands(model, stage)) {
          if (programWord(command, 'uvicorn')) {
            const flag = args.find((a) => a.value === '--reload' || a.value.startsWith('--reload='));
            if (flag) context.report({ messageId: 'reload', range: { start: flag.start, end: flag.end } });
            continue;
          }
          const flask = programWord(command, 'flask');
          if (flask) {
            const run = args.find((a) => a.value === 'run');
            if (run) context.report({ messageId: 'flask', range: { start: flask.start, end: run.end } });
            continue;
          }
          if (command.name === 'fastapi') {
            const dev = args.find((a) => !a.value.startsWith('-'));
            if (dev?.value === 'dev') context.report({ messageId: 'fastapiDev', range: { start: command.program.start, end: dev.end } });
            continue;
          }
          const managesDjango = command.name === 'django-admin' || command.name === 'manage.py'
            || (/^python(\d+(\.\d+)?)?$/.test(command.name) && args.some((a) => /(^|\/)manage\.py$/.test(a.value)));
          if (managesDjango) {
            const rs = args.find((a) => a.value === 'runserver');
            if (rs) context.report({ messageId: 'runserver', range: { start: rs.start, end: rs.end } });
          }
        }
      },
    };
  },
});
