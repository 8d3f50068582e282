import rule from '~/rules/gunicorn-worker-tmp-dir';
import { df, ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: [
    'FROM python:3.12-slim\nCMD ["gunicorn", "--worker-tmp-dir", "/dev/shm", "app:app"]\n',
    'FROM python:3.12-slim\nCMD gunicorn --worker-tmp-dir=/dev/shm app:app\n',
    { name: 'config file', code: 'FROM python:3.12-slim\nCMD ["gunicorn", "-c", "gunicorn.conf.py", "app:app"]\n' },
    { name: 'config file given as one exec-form element with a space ("-c /etc/…", as netbox-docker wrote it)', code: 'FROM python:3.12-slim\nCMD ["gunicorn", "-c /etc/netbox/config/gunicorn_config.py", "netbox.wsgi"]\n' },
    { name: 'config file, long form', code: 'FROM python:3.12-slim\nCMD ["gunicorn", "--config=python:conf", "app:app"]\n' },
    { name: 'GUNICORN_CMD_ARGS', code: 'FROM python:3.12-slim\nENV GUNICORN_CMD_ARGS="--worker-tmp-dir /dev/shm"\nCMD ["gunicorn", "app:app"]\n' },
    { name: 'uvicorn has no heartbeat file', code: 'FROM python:3.12-slim\nCMD ["uvicorn", "app:app", "--workers", "4"]\n' },
    { name: 'gunicorn only in a builder stage', code: 'FROM python:3.12 AS b\nCMD ["gunicorn", "app:app"]\nFROM python:3.12-slim\nCMD ["python", "-m", "app"]\n' },
    { name: 'directory from a variable', code: 'FROM python:3.12-slim\nCMD gunicorn --worker-tmp-dir "$TMP" app:app\n' },
    { name: 'echo mentions gunicorn', code: 'FROM python:3.12-slim\nCMD ["echo", "gunicorn"]\n' },
    { name: 'a shell-form ENTRYPOINT never runs the CMD', code: 'FROM python:3.12-slim\nCMD ["gunicorn", "app:app"]\nENTRYPOINT python -m app\n' },
    { name: 'an ENTRYPOINT in a later stage resets the inherited CMD', code: 'FROM python:3.12-slim AS base\nCMD ["gunicorn", "app:app"]\nFROM base\nENTRYPOINT ["python", "-m", "app"]\n' },
    { name: 'a copied gunicorn.conf.py, which gunicorn reads by default', code: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY gunicorn.conf.py requirements.txt ./\nCMD ["gunicorn", "app:app"]\n' },
    { name: 'behind ddtrace-run, with the flag', code: 'FROM python:3.12-slim\nCMD ["ddtrace-run", "gunicorn", "--worker-tmp-dir", "/dev/shm", "app:app"]\n' },
    { name: 'flag given behind poetry run', code: 'FROM python:3.12-slim\nCMD ["poetry", "run", "gunicorn", "--worker-tmp-dir", "/dev/shm", "app:app"]\n' },
  ],
  invalid: [
    {
      name: 'ENTRYPOINT ["/bin/bash", "-c"] runs the CMD string as its script',
      code: 'FROM python:3.12-slim\nENTRYPOINT ["/bin/bash", "-c"]\nCMD ["exec gunicorn -b 0.0.0.0:$PORT app:app"]\n',
      errors: [{ line: 3, column: 12, endColumn: 20 }],
      output: 'FROM python:3.12-slim\nENTRYPOINT ["/bin/bash", "-c"]\nCMD ["exec gunicorn --worker-tmp-dir /dev/shm -b 0.0.0.0:$PORT app:app"]\n',
    },
    {
      name: 'ENTRYPOINT ["python3"] with CMD ["-m", "gunicorn", …]',
      code: 'FROM python:3.12-slim\nENTRYPOINT ["python3"]\nCMD ["-m", "gunicorn", "app:app"]\n',
      errors: [{ messageId: 'missing', line: 3, column: 12, endLine: 3, endColumn: 22 }],
      output: 'FROM python:3.12-slim\nENTRYPOINT ["python3"]\nCMD ["-m", "gunicorn", "--worker-tmp-dir", "/dev/shm", "app:app"]\n',
    },
    {
      name: 'ENTRYPOINT ["python", "-m"] with CMD ["gunicorn", …]: reported and fixed once',
      code: 'FROM python:3.12-slim\nENTRYPOINT ["python", "-m"]\nCMD ["gunicorn", "app:app"]\n',
      errors: [{ messageId: 'missing', line: 3, column: 6, endLine: 3, endColumn: 16 }],
      output: 'FROM python:3.12-slim\nENTRYPOINT ["python", "-m"]\nCMD ["gunicorn", "--worker-tmp-dir", "/dev/shm", "app:app"]\n',
    },
    {
      name: 'a compact exec-form array keeps its separator in the fix',
      code: 'FROM python:3.12-slim\nCMD ["gunicorn","--bind",":8000","--workers","2","mysite.wsgi"]\n',
      errors: [{ messageId: 'missing', line: 2, column: 6, endColumn: 16 }],
      output: 'FROM python:3.12-slim\nCMD ["gunicorn","--worker-tmp-dir","/dev/shm","--bind",":8000","--workers","2","mysite.wsgi"]\n',
    },
    {
      name: 'gunicorn last in a compact ENTRYPOINT array: the separator before it is copied',
      code: 'FROM python:3.12-slim\nENTRYPOINT ["tini","--","gunicorn"]\nCMD ["app:app"]\n',
      errors: [{ messageId: 'missing', line: 2, column: 25, endColumn: 35 }],
      output: 'FROM python:3.12-slim\nENTRYPOINT ["tini","--","gunicorn","--worker-tmp-dir","/dev/shm"]\nCMD ["app:app"]\n',
    },
    {
      name: 'an unquoted sh -c script: reported, but no fix (the words would go to sh)',
      code: 'FROM python:3.12-slim\nCMD sh -c gunicorn app\n',
      errors: [{ messageId: 'missing', line: 2, column: 11, endColumn: 19 }],
      output: null,
    },
    {
      name: 'a quoted sh -c script: the fix goes inside the quotes',
      code: "FROM python:3.12-slim\nCMD sh -c 'exec gunicorn'\n",
      errors: [{ messageId: 'missing', line: 2, column: 17, endColumn: 25 }],
      output: "FROM python:3.12-slim\nCMD sh -c 'exec gunicorn --worker-tmp-dir /dev/shm'\n",
    },
    {
      name: 'behind an init in exec form',
      code: 'FROM python:3.12-slim\nENTRYPOINT ["tini", "--", "gunicorn", "app:app"]\n',
      errors: [{ messageId: 'missing', line: 2, column: 27, endColumn: 37 }],
      output: 'FROM python:3.12-slim\nENTRYPOINT ["tini", "--", "gunicorn", "--worker-tmp-dir", "/dev/shm", "app:app"]\n',
    },
    {
      name: 'behind dumb-init, and a disk directory given with = in exec form',
      code: 'FROM python:3.12-slim\nENTRYPOINT ["dumb-init", "gunicorn", "--worker-tmp-dir=/tmp", "app:app"]\n',
      errors: [{ messageId: 'notTmpfs', line: 2, column: 56, endColumn: 60 }],
    },
    {
      code: 'FROM python:3.12-slim\nCMD ["gunicorn", "-w", "4", "app:app"]\n',
      errors: [{ messageId: 'missing', line: 2, column: 6, endColumn: 16 }],
      output: 'FROM python:3.12-slim\nCMD ["gunicorn", "--worker-tmp-dir", "/dev/shm", "-w", "4", "app:app"]\n',
    },
    {
      name: 'shell form',
      code: 'FROM python:3.12-slim\nCMD gunicorn -k uvicorn.workers.UvicornWorker app.main:app\n',
      errors: [{ messageId: 'missing', line: 2, column: 5, endColumn: 13 }],
      output: 'FROM python:3.12-slim\nCMD gunicorn --worker-tmp-dir /dev/shm -k uvicorn.workers.UvicornWorker app.main:app\n',
    },
    {
      name: 'python -m gunicorn through sh -c',
      code: 'FROM python:3.12-slim\nCMD ["sh", "-c", "exec python -m gunicorn -b 0.0.0.0:$PORT app:app"]\n',
      errors: [{ messageId: 'missing', line: 2, column: 34, endColumn: 42 }],
      output: 'FROM python:3.12-slim\nCMD ["sh", "-c", "exec python -m gunicorn --worker-tmp-dir /dev/shm -b 0.0.0.0:$PORT app:app"]\n',
    },
    {
      name: 'ENTRYPOINT with CMD arguments',
      code: 'FROM python:3.12-slim\nENTRYPOINT ["gunicorn"]\nCMD ["--bind", "0.0.0.0:8000", "app:app"]\n',
      errors: [{ messageId: 'missing', line: 2 }],
      output: 'FROM python:3.12-slim\nENTRYPOINT ["gunicorn", "--worker-tmp-dir", "/dev/shm"]\nCMD ["--bind", "0.0.0.0:8000", "app:app"]\n',
    },
    {
      name: 'a disk-backed directory',
      code: 'FROM python:3.12-slim\nCMD ["gunicorn", "--worker-tmp-dir", "/tmp", "app:app"]\n',
      errors: [{ messageId: "notTmpfs", line: 2, column: 38, endColumn: 44 }],
    },
    {
      name: 'inherited CMD',
      code: df`
        FROM python:3.12-slim AS base
        CMD ["gunicorn", "app:app"]
        FROM base
        USER 1000`,
      errors: [{ messageId: 'missing', line: 2 }],
      output: df`
        FROM python:3.12-slim AS base
        CMD ["gunicorn", "--worker-tmp-dir", "/dev/shm", "app:app"]
        FROM base
        USER 1000`,
    },
    {
      name: 'behind a tracing launcher',
      code: 'FROM python:3.12-slim\nCMD ["opentelemetry-instrument", "--traces_exporter", "otlp", "gunicorn", "-b", ":8000", "app:app"]\n',
      errors: [{ messageId: 'missing', line: 2, column: 63, endColumn: 73 }],
      output: 'FROM python:3.12-slim\nCMD ["opentelemetry-instrument", "--traces_exporter", "otlp", "gunicorn", "--worker-tmp-dir", "/dev/shm", "-b", ":8000", "app:app"]\n',
    },
    {
      name: 'shell form behind newrelic-admin',
      code: 'FROM python:3.12-slim\nCMD newrelic-admin run-program gunicorn app:app\n',
      errors: [{ messageId: 'missing', line: 2, column: 32, endColumn: 40 }],
      output: 'FROM python:3.12-slim\nCMD newrelic-admin run-program gunicorn --worker-tmp-dir /dev/shm app:app\n',
    },
    {
      name: 'behind uv run with its options',
      code: 'FROM python:3.12-slim\nCMD ["uv", "run", "--no-sync", "gunicorn", "app:app"]\n',
      errors: [{ messageId: 'missing', line: 2, column: 32, endColumn: 42 }],
      output: 'FROM python:3.12-slim\nCMD ["uv", "run", "--no-sync", "gunicorn", "--worker-tmp-dir", "/dev/shm", "app:app"]\n',
    },
    {
      name: 'behind pipenv run, shell form',
      code: 'FROM python:3.12-slim\nCMD pipenv run gunicorn -b :8000 app:app\n',
      errors: [{ messageId: 'missing', line: 2, column: 16, endColumn: 24 }],
      output: 'FROM python:3.12-slim\nCMD pipenv run gunicorn --worker-tmp-dir /dev/shm -b :8000 app:app\n',
    },
  ],
});
