// The rule registry: every rule, sorted by name. Kept in step with the files in this folder by
// `node src/tools/sync-registry.mjs`; tests/engine/registry.test.ts fails when they drift.
import type { RuleModule } from '~/engine/types';
import alpinePython from './alpine-python';
import aptCacheMountDockerClean from './apt-cache-mount-docker-clean';
import aptCacheMountUnlocked from './apt-cache-mount-unlocked';
import buildToolsInFinalStage from './build-tools-in-final-stage';
import cacheMountRelativeTarget from './cache-mount-relative-target';
import cacheMountWasted from './cache-mount-wasted';
import copySitePackages from './copy-site-packages';
import debianEol from './debian-eol';
import depsAfterSource from './deps-after-source';
import devServerInImage from './dev-server-in-image';
import dockerignoreAbsent from './dockerignore-absent';
import dockerignoreMissingEntries from './dockerignore-missing-entries';
import execFormVariable from './exec-form-variable';
import fullPythonBase from './full-python-base';
import gunicornWorkerTmpDir from './gunicorn-worker-tmp-dir';
import libgl1MesaGlxRemoved from './libgl1-mesa-glx-removed';
import opencvGuiLibs from './opencv-gui-libs';
import pipNoCacheDir from './pip-no-cache-dir';
import pythonDontWriteBytecode from './python-dont-write-bytecode';
import pythonEol from './python-eol';
import pythonFloatingTag from './python-floating-tag';
import pythonUnbuffered from './python-unbuffered';
import pythonpathTrailingColon from './pythonpath-trailing-colon';
import rootFinalUser from './root-final-user';
import sourceStripped from './source-stripped';
import stagePythonMismatch from './stage-python-mismatch';
import tlsVerificationDisabled from './tls-verification-disabled';
import torchCudaWheels from './torch-cuda-wheels';
import uvLinkMode from './uv-link-mode';
import uvNoCache from './uv-no-cache';
import uvSyncUnlocked from './uv-sync-unlocked';
import venvActivateInRun from './venv-activate-in-run';
import wheelsLeftInImage from './wheels-left-in-image';

export const rules: readonly RuleModule[] = [
  alpinePython,
  aptCacheMountDockerClean,
  aptCacheMountUnlocked,
  buildToolsInFinalStage,
  cacheMountRelativeTarget,
  cacheMountWasted,
  copySitePackages,
  debianEol,
  depsAfterSource,
  devServerInImage,
  dockerignoreAbsent,
  dockerignoreMissingEntries,
  execFormVariable,
  fullPythonBase,
  gunicornWorkerTmpDir,
  libgl1MesaGlxRemoved,
  opencvGuiLibs,
  pipNoCacheDir,
  pythonDontWriteBytecode,
  pythonEol,
  pythonFloatingTag,
  pythonUnbuffered,
  pythonpathTrailingColon,
  rootFinalUser,
  sourceStripped,
  stagePythonMismatch,
  tlsVerificationDisabled,
  torchCudaWheels,
  uvLinkMode,
  uvNoCache,
  uvSyncUnlocked,
  venvActivateInRun,
  wheelsLeftInImage,
];
