import rule from '~/rules/pip-unpinned';
import { df, ruleTester } from '../support/rule-tester';

const py = (run: string) => `FROM python:3.12-slim\n${run}\n`;

ruleTester.run(rule, {
  valid: [
    py('RUN pip install --no-cache-dir flask==3.0.3 "gunicorn>=22,<23" uvicorn~=0.30'),
    { name: '-r', code: py('RUN pip install --no-cache-dir -r requirements.txt') },
    { name: '-Ur cluster (hadolint #1017)', code: py('RUN pip install -Ur requirements.txt') },
    { name: 'attached -r value', code: py('RUN pip install -rrequirements.txt') },
    { name: '--requirement=', code: py('RUN pip install --requirement=requirements/prod.txt') },
    { name: 'requirements plus named extras', code: py('RUN pip install -r requirements.txt gunicorn') },
    { name: '-c constraints', code: py('RUN pip install -c constraints.txt flask') },
    { name: '--constraint', code: py('RUN pip install --constraint /tmp/c.txt flask') },
    { name: 'PIP_CONSTRAINT in the stage', code: 'FROM python:3.12-slim\nENV PIP_CONSTRAINT=/constraints.txt\nRUN pip install flask\n' },
    { name: 'PIP_CONSTRAINT as an ARG default', code: 'FROM python:3.12-slim\nARG PIP_CONSTRAINT=/constraints.txt\nRUN pip install --no-cache-dir flask\n' },
    { name: 'PIP_CONSTRAINT exported in the RUN', code: py('RUN export PIP_CONSTRAINT=/c.txt && pip install flask') },
    { name: 'inline PIP_CONSTRAINT', code: py('RUN PIP_CONSTRAINT=/c.txt pip install flask') },
    { name: 'the current project', code: py('RUN pip install --no-cache-dir .') },
    { name: 'extras of the current project', code: py('RUN pip install ".[postgres]"') },
    { name: 'editable', code: py('RUN pip install -e . && pip install --editable ./libs/core') },
    { name: 'paths (hadolint #389)', code: py('RUN pip install /app ./vendor/pkg ../shared') },
    { name: 'wheels', code: py('RUN pip install /wheels/*.whl dist/app-1.0.tar.gz') },
    { name: 'a local wheelhouse (--no-index)', code: py('RUN pip install --no-index --find-links /wheels flask gunicorn') },
    { name: 'URL to an archive', code: py('RUN pip install https://files.example.com/pkg-1.0.tar.gz') },
    { name: 'VCS with a ref', code: py('RUN pip install git+https://github.com/pallets/flask.git@3.0.3') },
    { name: 'VCS over ssh with a ref', code: py('RUN pip install git+ssh://git@github.com/org/lib.git@v1.2#egg=lib') },
    { name: 'direct reference', code: py('RUN pip install "lib @ https://example.com/lib-1.0-py3-none-any.whl"') },
    { name: 'direct reference in three words', code: py('RUN pip install lib @ git+https://github.com/org/lib@v1') },
    { name: 'python -m pip (hadolint #181)', code: py('RUN python3 -m pip install --no-cache-dir flask==3.0.3') },
    { name: '--index-url value is not a package (hadolint #287)', code: py('RUN pip install --index-url https://download.pytorch.org/whl/cpu torch==2.4.0') },
    { name: '-i value', code: py('RUN pip install -i https://pypi.example.com/simple flask==3.0.3') },
    { name: '--target value', code: py('RUN pip install --target /deps flask==3.0.3') },
    { name: 'pipx is not pip (hadolint #1067)', code: py('RUN pipx install --python python3.12 poetry') },
    { name: 'pipenv is not pip', code: py('RUN pipenv install --system --deploy') },
    { name: 'variables', code: py('ARG PKG\nRUN pip install "$PKG" ${EXTRA_PKGS}') },
    { name: 'env markers with a version', code: py('RUN pip install "tomli==2.0.1; python_version < \'3.11\'"') },
    { name: 'a directory copied in', code: 'FROM python:3.12-slim\nCOPY app app\nRUN pip install app\n' },
    { name: 'uv pip with a lock', code: py('RUN uv pip install --system -r requirements.lock') },
    { name: 'pip download is not install', code: py('RUN pip download flask') },
    { name: '--ignore-installed flag (hadolint #157)', code: py('RUN pip install --ignore-installed flask==3.0.3') },
  ],
  invalid: [
    {
      code: py('RUN pip install --no-cache-dir flask'),
      errors: [{ messageId: 'unpinned', line: 2, column: 32, endColumn: 37, message: /^`flask` is installed without a version/ }],
      onbuild: true,
    },
    {
      name: 'pip itself',
      code: py('RUN pip install --no-cache-dir --upgrade pip setuptools==75.1.0'),
      errors: [{ message: /`pip`/ }],
    },
    {
      name: 'one finding per package',
      code: py('RUN python -m pip install --no-cache-dir gunicorn uvicorn[standard] requests==2.32.3'),
      errors: [{ column: 42, endColumn: 50 }, { column: 51, endColumn: 68, message: /`uvicorn\[standard\]==<version>`/ }],
    },
    {
      name: 'flags are not values',
      code: py('RUN pip install --no-deps --user -q flask'),
      errors: [{ message: /`flask`/ }],
    },
    {
      name: 'VCS without a ref',
      code: py('RUN pip install git+https://github.com/pallets/flask.git'),
      errors: [{ messageId: 'unpinnedVcs', line: 2, column: 17, endColumn: 57, message: /Pin a tag or a commit \(`git\+https:\/\/github\.com\/pallets\/flask\.git@<tag or commit>`\)/ }],
    },
    {
      name: 'VCS over ssh without a ref',
      code: py('RUN pip install git+ssh://git@github.com/org/lib.git'),
      errors: 1,
    },
    {
      name: 'VCS with a fragment: the revision goes before it',
      code: py('RUN pip install "git+https://github.com/org/lib.git#egg=lib&subdirectory=py" "lib2 @ git+https://github.com/org/lib2"'),
      errors: [
        { messageId: 'unpinnedVcs', column: 18, endColumn: 76, message: /`git\+https:\/\/github\.com\/org\/lib\.git@<tag or commit>#egg=lib&subdirectory=py`/ },
        { messageId: 'unpinnedVcs', message: /`lib2 @ git\+https:\/\/github\.com\/org\/lib2@<tag or commit>`/ },
      ],
    },
    {
      name: 'values of uv options are not packages',
      code: py('RUN uv pip install --system --allow-insecure-host mirror.local --no-build-isolation-package flash-attn --constraints c.txt --exclude ex.txt ruff'),
      errors: 0,
    },
    {
      name: 'values of uv options are not packages (no constraints file)',
      code: py('RUN uv pip install --system --allow-insecure-host mirror.local --no-build-isolation-package flash-attn -b build.txt ruff'),
      errors: [{ messageId: 'unpinned', column: 117, endColumn: 121 }],
    },
    {
      name: 'uv pip install',
      code: py('RUN uv pip install --system ruff'),
      errors: [{ message: /`ruff`/ }],
    },
    {
      name: 'heredoc and sh -c',
      code: df`
        FROM python:3.12-slim
        RUN <<EOF
        pip install httpx
        sh -c 'pip3 install rich'
        EOF
      `,
      errors: [{ line: 3, column: 13 }, { line: 4, column: 21 }],
    },
    {
      name: 'exec form',
      code: py('RUN ["pip", "install", "flask"]'),
      errors: [{ line: 2, column: 25, endColumn: 30 }],
    },
    {
      name: 'a quoted name is reported without its quotes',
      code: py('RUN pip install --no-cache-dir "uvicorn[standard]" \'httpx\''),
      errors: [{ line: 2, column: 33, endColumn: 50, message: /`uvicorn\[standard\]`/ }, { line: 2, column: 53, endColumn: 58 }],
    },
  ],
});
