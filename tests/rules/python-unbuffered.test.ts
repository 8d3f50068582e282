import rule from '~/rules/python-unbuffered';
import { df, ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: [
    df`
      FROM python:3.12-slim
      ENV PYTHONUNBUFFERED=1
      CMD ["python", "app.py"]`,
    { name: 'legacy ENV form', code: 'FROM python:3.12-slim\nENV PYTHONUNBUFFERED 1\n' },
    { name: 'several pairs in one ENV', code: 'FROM python:3.12-slim\nENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1\n' },
    { name: 'value 0 still disables buffering', code: 'FROM python:3.12-slim\nENV PYTHONUNBUFFERED=0\n' },
    { name: 'inherited from the parent stage', code: df`
      FROM python:3.12-slim AS base
      ENV PYTHONUNBUFFERED=1
      FROM base AS final
      CMD ["python", "app.py"]` },
    { name: 'not a Python image', code: 'FROM nginx:1.27\nCMD ["nginx", "-g", "daemon off;"]\n' },
    { name: 'only a builder stage is Python', code: df`
      FROM python:3.12 AS build
      RUN pip wheel -w /w flask
      FROM nginx:1.27
      COPY --from=build /w /w` },
    { name: '--target picks a non-Python stage', code: 'FROM python:3.12 AS py\nFROM nginx:1.27 AS web\n', options: { target: 'web' } },
    { name: 'empty file', code: '' },
    { name: 'the right name beside a misspelled one', code: 'FROM python:3.12-slim\nENV PYTHONBUFFERED=1\nENV PYTHONUNBUFFERED=1\n' },
    { name: 'python -u in the CMD', code: 'FROM python:3.12-slim\nCMD ["python", "-u", "bot.py"]\n' },
    { name: 'python -u clustered, behind an init, in the ENTRYPOINT', code: 'FROM python:3.12-slim\nENTRYPOINT ["tini", "--", "python3", "-Bu", "-m", "worker"]\n' },
    { name: 'python -u behind pipenv run', code: 'FROM python:3.12-slim\nCMD ["pipenv", "run", "python", "-u", "bot.py"]\n' },
    { name: 'AWS Lambda base image: the runtime interface client unbuffers stdout', code: df`
      FROM public.ecr.aws/lambda/python:3.12
      COPY requirements.txt \${LAMBDA_TASK_ROOT}
      RUN pip install --no-cache-dir -r requirements.txt
      COPY handler.py \${LAMBDA_TASK_ROOT}
      CMD ["handler.lambda_handler"]` },
    {
      name: 'Lambda base image with its own entry point written out',
      code: 'FROM public.ecr.aws/lambda/python:3.12\nCOPY app.py ${LAMBDA_TASK_ROOT}\nENTRYPOINT ["/lambda-entrypoint.sh"]\nCMD ["app.handler"]\n',
    },
    { name: 'AWS Lambda base image on Docker Hub, multi-stage', code: 'FROM amazon/aws-lambda-python:3.12 AS build\nRUN pip install --no-cache-dir --target /deps boto3\nFROM amazon/aws-lambda-python:3.12\nCOPY --from=build /deps /var/task\nCMD ["app.handler"]\n' },
    { name: 'awslambdaric as the container command', code: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir awslambdaric\nENTRYPOINT ["/usr/local/bin/python", "-m", "awslambdaric"]\nCMD ["app.handler"]\n' },
  ],
  invalid: [
    {
      name: 'Lambda base image whose ENTRYPOINT runs a script of its own',
      code: 'FROM public.ecr.aws/lambda/python:3.12\nCOPY worker.py /var/task/\nENTRYPOINT ["python3", "/var/task/worker.py"]\n',
      errors: [{ messageId: 'missing', line: 1, column: 6, endLine: 1, endColumn: 39 }],
      output: 'FROM public.ecr.aws/lambda/python:3.12\nENV PYTHONUNBUFFERED=1\nCOPY worker.py /var/task/\nENTRYPOINT ["python3", "/var/task/worker.py"]\n',
    },
    {
      code: 'FROM python:3.12-slim\nCMD ["python", "app.py"]\n',
      errors: [{ messageId: 'missing', line: 1, column: 6, endLine: 1, endColumn: 22 }],
      output: 'FROM python:3.12-slim\nENV PYTHONUNBUFFERED=1\nCMD ["python", "app.py"]\n',
    },
    {
      name: 'Debian base that runs pip',
      code: df`
        FROM debian:bookworm-slim
        RUN apt-get update && apt-get install -y python3-pip && pip install flask`,
      errors: [{ messageId: 'missing', line: 1 }],
      output: df`
        FROM debian:bookworm-slim
        ENV PYTHONUNBUFFERED=1
        RUN apt-get update && apt-get install -y python3-pip && pip install flask`,
    },
    {
      name: 'set in a builder stage only',
      code: df`
        FROM python:3.12 AS build
        ENV PYTHONUNBUFFERED=1
        FROM python:3.12-slim
        CMD ["gunicorn", "app:app"]`,
      errors: [{ messageId: 'missing', line: 3, column: 6 }],
      output: df`
        FROM python:3.12 AS build
        ENV PYTHONUNBUFFERED=1
        FROM python:3.12-slim
        ENV PYTHONUNBUFFERED=1
        CMD ["gunicorn", "app:app"]`,
    },
    {
      name: 'empty value',
      code: 'FROM python:3.12-slim\nENV PYTHONUNBUFFERED=""\n',
      errors: [{ messageId: 'empty', line: 2, column: 5, endColumn: 24 }],
    },
    {
      name: 'no trailing newline',
      code: 'FROM python:3.12-slim',
      errors: 1,
      output: 'FROM python:3.12-slim\nENV PYTHONUNBUFFERED=1\n',
    },
    {
      name: 'ARG in the tag',
      code: 'ARG PY=3.12\nFROM python:${PY}-slim\n',
      errors: [{ line: 2, column: 6, endColumn: 23 }],
      output: 'ARG PY=3.12\nFROM python:${PY}-slim\nENV PYTHONUNBUFFERED=1\n',
    },
    { name: '-u after the script is the script\'s argument', code: 'FROM python:3.12-slim\nCMD ["python", "app.py", "-u"]\n', errors: [{ messageId: 'missing' }], output: 'FROM python:3.12-slim\nENV PYTHONUNBUFFERED=1\nCMD ["python", "app.py", "-u"]\n' },
    {
      name: 'misspelled name (ENV PYTHONBUFFERED=1, a common typo): the typo is reported and renamed',
      code: 'FROM python:3.12-slim\nENV PYTHONDONTWRITEBYTECODE=1\nENV PYTHONBUFFERED=1\nCMD ["python", "app.py"]\n',
      errors: [{ messageId: 'misspelled', line: 3, column: 5, endLine: 3, endColumn: 19 }],
      output: 'FROM python:3.12-slim\nENV PYTHONDONTWRITEBYTECODE=1\nENV PYTHONUNBUFFERED=1\nCMD ["python", "app.py"]\n',
    },
    {
      name: 'misspelled in legacy form, in a parent stage',
      code: 'FROM python:3.12-slim AS base\nENV PYTHONUNBUFFERD 1\nFROM base\nCMD ["python", "app.py"]\n',
      errors: [{ messageId: 'misspelled', line: 2, column: 5, endLine: 2, endColumn: 20 }],
      output: 'FROM python:3.12-slim AS base\nENV PYTHONUNBUFFERED 1\nFROM base\nCMD ["python", "app.py"]\n',
    },
    {
      name: 'underscored name among other pairs',
      code: 'FROM python:3.12-slim\nENV LANG=C.UTF-8 PYTHON_UNBUFFERED=1\n',
      errors: [{ messageId: 'misspelled', line: 2, column: 18, endLine: 2, endColumn: 35 }],
      output: 'FROM python:3.12-slim\nENV LANG=C.UTF-8 PYTHONUNBUFFERED=1\n',
    },
    { name: 'another Python variable is no typo', code: 'FROM python:3.12-slim\nENV PYTHONIOENCODING=utf-8 PYTHONPATH=/app\n', errors: [{ messageId: 'missing' }], output: 'FROM python:3.12-slim\nENV PYTHONUNBUFFERED=1\nENV PYTHONIOENCODING=utf-8 PYTHONPATH=/app\n' },
    { name: 'empty value among other pairs: the pair is the range', code: 'FROM python:3.12-slim\nENV LANG=C.UTF-8 PYTHONUNBUFFERED= PATH=/venv/bin:$PATH\n', errors: [{ messageId: 'empty', line: 2, column: 18, endColumn: 35 }] },
  ],
});
