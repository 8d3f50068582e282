import rule from '~/rules/dev-server-in-image';
import { ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: [
    'FROM python:3.12-slim\nCMD ["uvicorn", "app:app", "--host", "0.0.0.0"]\n',
    'FROM python:3.12-slim\nCMD ["gunicorn", "app:app"]\n',
    'FROM python:3.12-slim\nCMD ["fastapi", "run", "app/main.py"]\n',
    { name: 'flask routes is not a server', code: 'FROM python:3.12-slim\nCMD ["flask", "routes"]\n' },
    { name: 'manage.py migrate', code: 'FROM python:3.12-slim\nCMD ["python", "manage.py", "migrate"]\n' },
    { name: 'builder stage only', code: 'FROM python:3.12 AS dev\nCMD ["flask", "run"]\nFROM python:3.12-slim\nCMD ["gunicorn", "app:app"]\n' },
    { name: 'RUN is not the container command', code: 'FROM python:3.12-slim\nRUN python manage.py runserver --help\nCMD ["gunicorn", "p.wsgi"]\n' },
    { name: 'a shell-form ENTRYPOINT never runs the CMD', code: 'FROM python:3.12-slim\nCMD ["flask", "run"]\nENTRYPOINT gunicorn app:app\n' },
    { name: 'a flask app module named run', code: 'FROM python:3.12-slim\nENTRYPOINT ["python", "-m", "flask", "--app", "run", "routes"]\n' },
    { name: 'the last stage is the development image', code: 'FROM python:3.12-slim AS base\nFROM base AS production\nCMD ["uvicorn", "app:app"]\nFROM base AS development\nCMD ["uvicorn", "app:app", "--reload"]\n' },
    { name: 'uvicorn --reload-dir without --reload does not reload', code: 'FROM python:3.12-slim\nCMD ["uvicorn", "app:app", "--reload-dir", "src"]\n' },
    { name: 'gunicorn --reload-engine alone', code: 'FROM python:3.12-slim\nCMD ["gunicorn", "--reload-engine", "poll", "app:app"]\n' },
  ],
  invalid: [
    { name: 'uvicorn --reload behind tini', code: 'FROM python:3.12-slim\nENTRYPOINT ["tini", "--", "uvicorn", "app:app", "--reload"]\n', errors: 1 },
    { name: 'runserver behind dumb-init', code: 'FROM python:3.12-slim\nENTRYPOINT ["dumb-init", "python", "manage.py", "runserver"]\n', errors: 1 },
    { code: 'FROM python:3.12-slim\nCMD ["uvicorn", "app:app", "--reload"]\n', errors: [{ messageId: 'reload', line: 2, column: 28, endColumn: 38 }] },
    { code: 'FROM python:3.12-slim\nCMD flask run --host=0.0.0.0\n', errors: [{ messageId: 'flask', line: 2, column: 5, endColumn: 14 }] },
    { code: 'FROM python:3.12-slim\nCMD ["python", "-m", "flask", "run"]\n', errors: [{ messageId: 'flask', line: 2, column: 22, endColumn: 36 }] },
    { code: 'FROM python:3.12-slim\nCMD python manage.py runserver 0.0.0.0:8000\n', errors: [{ messageId: 'runserver', line: 2, column: 22, endColumn: 31 }] },
    { code: 'FROM python:3.12-slim\nCMD ["./manage.py", "runserver"]\n', errors: [{ messageId: 'runserver' }] },
    { code: 'FROM python:3.12-slim\nENTRYPOINT ["fastapi"]\nCMD ["dev", "main.py"]\n', errors: [{ messageId: 'fastapiDev', line: 2 }] },
    { code: 'FROM python:3.12-slim\nCMD ["fastapi", "dev", "main.py"]\n', errors: [{ messageId: 'fastapiDev', line: 2, column: 6, endColumn: 22 }] },
    { name: 'through sh -c', code: 'FROM python:3.12-slim\nCMD ["sh", "-c", "exec uvicorn app:app --reload --port $PORT"]\n', errors: [{ messageId: 'reload' }] },
    { name: 'flask with group options before run', code: 'FROM python:3.12-slim\nCMD ["flask", "--app", "run", "--debug", "run"]\n', errors: [{ messageId: 'flask', line: 2, column: 6, endColumn: 47 }] },
    { name: 'python -m fastapi dev', code: 'FROM python:3.12-slim\nCMD python -m fastapi dev --host 0.0.0.0 main.py\n', errors: [{ messageId: 'fastapiDev', line: 2, column: 15, endColumn: 26 }] },
    { name: 'runserver_plus through an ENTRYPOINT', code: 'FROM python:3.12-slim\nENTRYPOINT ["python", "manage.py"]\nCMD ["runserver_plus", "0.0.0.0:8000"]\n', errors: [{ messageId: 'runserver', line: 3, column: 6, endColumn: 22, message: /^`runserver_plus` runs a Django development server/ }] },
    { name: 'python -m django runserver', code: 'FROM python:3.12-slim\nCMD ["python", "-m", "django", "runserver", "--settings=app.settings"]\n', errors: [{ messageId: 'runserver', line: 2, column: 32, endColumn: 43 }] },
    { name: 'gunicorn --reload', code: 'FROM python:3.12-slim\nCMD gunicorn --reload -b :8000 app:app\n', errors: [{ messageId: 'reloadServer', line: 2, column: 14, endColumn: 22, message: /^`gunicorn --reload`/ }] },
    { name: 'uvicorn --reload behind ddtrace-run', code: 'FROM python:3.12-slim\nCMD ["ddtrace-run", "uvicorn", "app:app", "--reload"]\n', errors: [{ messageId: 'reload', line: 2, column: 43, endColumn: 53 }] },
    { name: 'a stage named after production is judged', code: 'FROM python:3.12-slim AS devtools\nCMD ["flask", "run"]\n', errors: [{ messageId: 'flask' }] },
  ],
});
