import rule from '~/rules/venv-activate-in-run';
import { ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: [
    'FROM python:3.12-slim\nRUN python -m venv /venv && . /venv/bin/activate && pip install flask\n',
    'FROM python:3.12-slim\nENV PATH="/venv/bin:$PATH"\nRUN python -m venv /venv\n',
    { name: 'activate then commands across lines', code: 'FROM python:3.12-slim\nRUN source /opt/venv/bin/activate \\\n && pip install -r req.txt\n' },
    { name: 'sourcing something else', code: 'FROM python:3.12-slim\nRUN . /etc/profile\n' },
    { name: 'activate then commands in sh -c exec form', code: 'FROM python:3.12-slim\nRUN ["/bin/bash", "-c", "source /venv/bin/activate && pip install flask"]\n' },
    { name: 'activate_this.py is something else', code: 'FROM python:3.12-slim\nRUN python /venv/bin/activate_this.py\n' },
    { name: 'conda activation followed by a command', code: 'FROM continuumio/miniconda3\nRUN conda activate myenv && python -m pip install flask\n' },
    { name: 'conda run is not an activation', code: 'FROM continuumio/miniconda3\nRUN conda run -n myenv python -m pip install flask\n' },
    { name: 'bash -c sourcing the script', code: 'FROM python:3.12-slim\nRUN bash -c ". /venv/bin/activate && pip install flask"\n' },
    { name: 'bash running another script', code: 'FROM python:3.12-slim\nRUN bash scripts/activate-env.sh && pip install flask\n' },
    { name: 'activation followed by a heredoc command', code: 'FROM python:3.12-slim\nRUN <<EOF\n. /venv/bin/activate\npip install flask\nEOF\n' },
  ],
  invalid: [
    {
      name: 'activate run by bash, a child shell, before pip: pip is the system one',
      code: 'FROM python:3.12-slim\nRUN python -m venv /venv\nRUN bash /venv/bin/activate \\\n && pip install --no-cache-dir -r requirements.txt\n',
      errors: [{ messageId: 'childShell', line: 3, column: 5, endColumn: 28, message: /`bash \/venv\/bin\/activate` runs the activation script in a child shell.*`\. \/venv\/bin\/activate && …`.*ENV PATH="\/venv\/bin:\$PATH"/ }],
    },
    {
      name: 'sh with a relative script, resolved against WORKDIR',
      code: 'FROM python:3.12-slim\nWORKDIR /app\nRUN python -m venv venv && sh venv/bin/activate && pip install flask\n',
      errors: [{ messageId: 'childShell', line: 3, column: 28, endColumn: 48, message: /ENV PATH="\/app\/venv\/bin:\$PATH"/ }],
    },
    { code: 'FROM python:3.12-slim\nRUN python -m venv /venv\nRUN . /venv/bin/activate\n', errors: [{ messageId: 'lost', line: 3, column: 5, endColumn: 25 }] },
    { code: 'FROM python:3.12-slim\nRUN python -m venv venv && source venv/bin/activate\n', errors: [{ line: 2, column: 28, endColumn: 52 }] },
    { name: 'sh -c', code: "FROM python:3.12-slim\nRUN bash -c 'source /opt/venv/bin/activate'\n", errors: 1 },
    { name: 'heredoc', code: 'FROM python:3.12-slim\nRUN <<EOF\npython -m venv /venv\n. /venv/bin/activate\nEOF\n', errors: [{ line: 4 }] },
    {
      name: 'relative path resolved against WORKDIR',
      code: 'FROM python:3.12-slim\nWORKDIR /app\nRUN python -m venv .venv; . .venv/bin/activate;\n',
      errors: [{ line: 3, column: 27, endColumn: 47, message: /ENV PATH="\/app\/\.venv\/bin:\$PATH"/ }],
    },
    { name: 'quoted script, lower-case', code: 'FROM python:3.12-slim\nrun . "/opt/venv/bin/activate"\n', errors: [{ line: 2, column: 5, endColumn: 31, message: /\/opt\/venv\/bin:\$PATH/ }], onbuild: true },
    { name: 'only a fallback after the activation', code: 'FROM python:3.12-slim\nRUN . /venv/bin/activate || true\n', errors: [{ line: 2, column: 5, endColumn: 25 }] },
    { name: 'exec form sh -c alone', code: 'FROM python:3.12-slim\nRUN ["/bin/bash", "-c", "source /venv/bin/activate"]\n', errors: 1 },
    {
      name: 'a known $VIRTUAL_ENV is resolved, never joined to WORKDIR',
      code: 'FROM python:3.12-slim\nENV VIRTUAL_ENV=/opt/venv\nWORKDIR /app\nRUN python -m venv "$VIRTUAL_ENV" && . "$VIRTUAL_ENV/bin/activate"\n',
      errors: [{ messageId: 'lost', line: 4, column: 38, endColumn: 67, message: /Set `ENV PATH="\/opt\/venv\/bin:\$PATH"`/ }],
    },
    {
      name: 'a known ${VENV} from ARG in a parent stage',
      code: 'FROM python:3.12-slim AS base\nARG VENV=/srv/venv\nFROM base\nWORKDIR /app\nRUN . ${VENV}/bin/activate\n',
      errors: [{ messageId: 'lost', message: /ENV PATH="\/srv\/venv\/bin:\$PATH"/ }],
    },
    {
      name: 'an unknown variable stays unexpanded, without WORKDIR',
      code: 'FROM python:3.12-slim\nWORKDIR /app\nRUN . "$VIRTUAL_ENV/bin/activate"\n',
      errors: [{ messageId: 'lost', line: 3, column: 5, endColumn: 34, message: /Set `ENV PATH="\$VIRTUAL_ENV\/bin:\$PATH"` instead/ }],
    },
    {
      name: '~ as root is /root',
      code: 'FROM python:3.12-slim\nWORKDIR /app\nRUN python -m venv ~/venv && . ~/venv/bin/activate\n',
      errors: [{ messageId: 'lost', line: 3, column: 30, endColumn: 51, message: /ENV PATH="\/root\/venv\/bin:\$PATH"/ }],
    },
    {
      name: '~ as USER root (uid 0) explicitly',
      code: 'FROM python:3.12-slim\nUSER app\nUSER 0:0\nRUN . ~/venv/bin/activate\n',
      errors: [{ messageId: 'lost', message: /ENV PATH="\/root\/venv\/bin:\$PATH"/ }],
    },
    {
      name: '~ as another user: no PATH to suggest',
      code: 'FROM python:3.12-slim\nWORKDIR /app\nUSER app\nRUN . ~/venv/bin/activate\n',
      errors: [{ messageId: 'lostHome', line: 4, column: 5, endColumn: 26 }],
    },
    {
      name: '~ as a user set in the parent stage',
      code: 'FROM python:3.12-slim AS base\nUSER app\nFROM base\nRUN . ~/venv/bin/activate\n',
      errors: [{ messageId: 'lostHome' }],
    },
    {
      name: 'source activate NAME is conda, not a venv path',
      code: 'FROM continuumio/miniconda3\nWORKDIR /app\nRUN conda create -n myenv python=3.12 && source activate myenv\n',
      errors: [{ messageId: 'conda', line: 3, column: 42, endColumn: 63, message: /`source activate myenv` activates the conda environment `myenv`.*`conda run -n myenv …`.*ENV PATH="\/opt\/conda\/envs\/myenv\/bin:\$PATH"/ }],
    },
    {
      name: 'conda activate NAME as the last command',
      code: 'FROM continuumio/miniconda3\nRUN conda activate myenv\n',
      errors: [{ messageId: 'conda', line: 2, column: 5, endColumn: 25, message: /conda run -n myenv/ }],
    },
    {
      name: 'micromamba activate with a prefix path',
      code: 'FROM mambaorg/micromamba\nRUN micromamba activate /opt/env\n',
      errors: [{ messageId: 'conda', message: /conda run -p \/opt\/env ….*ENV PATH="\/opt\/env\/bin:\$PATH"`\.$/ }],
    },
    { name: 'after set -e, across a continuation', code: 'FROM python:3.12-slim\nRUN set -eux; \\\n    python -m venv /venv; \\\n    . /venv/bin/activate\n', errors: [{ line: 4, column: 5, endColumn: 25 }] },
    {
      name: '$HOME is read as ~ (ENV would not expand it)',
      code: 'FROM python:3.12-slim\nRUN python -m venv $HOME/venv && . $HOME/venv/bin/activate\n',
      errors: [{ messageId: 'lost', line: 2, column: 34, endColumn: 59, message: /ENV PATH="\/root\/venv\/bin:\$PATH"/ }],
    },
    {
      name: '${HOME} as another user',
      code: 'FROM python:3.12-slim\nUSER app\nRUN . ${HOME}/venv/bin/activate\n',
      errors: [{ messageId: 'lostHome', line: 3, column: 5, endColumn: 32 }],
    },
  ],
});
