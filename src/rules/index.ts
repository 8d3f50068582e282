// The rule registry: every rule, sorted by name. Kept in step with the files in this folder by
// `node src/tools/sync-registry.mjs`; tests/engine/registry.test.ts fails when they drift.
import type { RuleModule } from '~/engine/types';
import devServerInImage from './dev-server-in-image';
import execFormVariable from './exec-form-variable';
import gunicornWorkerTmpDir from './gunicorn-worker-tmp-dir';
import pipNoCacheDir from './pip-no-cache-dir';
import pythonUnbuffered from './python-unbuffered';
import rootFinalUser from './root-final-user';

export const rules: readonly RuleModule[] = [
  devServerInImage,
  execFormVariable,
  gunicornWorkerTmpDir,
  pipNoCacheDir,
  pythonUnbuffered,
  rootFinalUser,
];
