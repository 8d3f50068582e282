// The rule registry: every rule, sorted by name. Kept in step with the files in this folder by
// `node src/tools/sync-registry.mjs`; tests/engine/registry.test.ts fails when they drift.
import type { RuleModule } from '~/engine/types';
import addInsteadOfCopy from './add-instead-of-copy';
import alpinePython from './alpine-python';
import apkMissingNoCache from './apk-missing-no-cache';
import apkUnpinned from './apk-unpinned';
import aptCacheMountDockerClean from './apt-cache-mount-docker-clean';
import aptCacheMountUnlocked from './apt-cache-mount-unlocked';
import aptGetMissingNoInstallRecommends from './apt-get-missing-no-install-recommends';
import aptGetMissingYes from './apt-get-missing-yes';
import aptGetUnpinned from './apt-get-unpinned';
import aptInsteadOfAptGet from './apt-instead-of-apt-get';
import aptListsNotRemoved from './apt-lists-not-removed';
import baseImageLatest from './base-image-latest';
import baseImageUntagged from './base-image-untagged';
import binShSymlink from './bin-sh-symlink';
import buildToolsInFinalStage from './build-tools-in-final-stage';
import cacheMountRelativeTarget from './cache-mount-relative-target';
import cacheMountWasted from './cache-mount-wasted';
import cdInRun from './cd-in-run';
import consecutiveRun from './consecutive-run';
import consistentInstructionCasing from './consistent-instruction-casing';
import copyArchiveThenExtract from './copy-archive-then-extract';
import copyEntireStageFilesystem from './copy-entire-stage-filesystem';
import copyFromOwnStage from './copy-from-own-stage';
import copyFromUnknownStage from './copy-from-unknown-stage';
import copyIgnoredFile from './copy-ignored-file';
import copyMultipleSourcesNeedsSlash from './copy-multiple-sources-needs-slash';
import copyRelativeDestinationWithoutWorkdir from './copy-relative-destination-without-workdir';
import copySitePackages from './copy-site-packages';
import debianEol from './debian-eol';
import depsAfterSource from './deps-after-source';
import devServerInImage from './dev-server-in-image';
import dockerignoreAbsent from './dockerignore-absent';
import dockerignoreMissingEntries from './dockerignore-missing-entries';
import duplicateStageName from './duplicate-stage-name';
import envSelfReference from './env-self-reference';
import execFormVariable from './exec-form-variable';
import exposeInvalidFormat from './expose-invalid-format';
import exposePortInvalid from './expose-port-invalid';
import exposeProtoCasing from './expose-proto-casing';
import fromAsCasing from './from-as-casing';
import fromPlatformConstant from './from-platform-constant';
import fullPythonBase from './full-python-base';
import gemUnpinned from './gem-unpinned';
import goInstallUnpinned from './go-install-unpinned';
import gunicornWorkerTmpDir from './gunicorn-worker-tmp-dir';
import healthcheckMissing from './healthcheck-missing';
import instructionBeforeFrom from './instruction-before-from';
import invalidDefaultArgInFrom from './invalid-default-arg-in-from';
import invalidDefinitionDescription from './invalid-definition-description';
import jsonArgsRecommended from './json-args-recommended';
import labelEmpty from './label-empty';
import labelKeyInvalid from './label-key-invalid';
import labelMissing from './label-missing';
import labelNotInSchema from './label-not-in-schema';
import labelValueInvalid from './label-value-invalid';
import legacyKeyValueFormat from './legacy-key-value-format';
import libgl1MesaGlxRemoved from './libgl1-mesa-glx-removed';
import maintainerDeprecated from './maintainer-deprecated';
import multipleInstructionsDisallowed from './multiple-instructions-disallowed';
import noEmptyContinuation from './no-empty-continuation';
import npmUnpinned from './npm-unpinned';
import onbuildForbiddenTrigger from './onbuild-forbidden-trigger';
import opencvGuiLibs from './opencv-gui-libs';
import pipExternallyManaged from './pip-externally-managed';
import pipNoCacheDir from './pip-no-cache-dir';
import pipUnpinned from './pip-unpinned';
import pipefailMissing from './pipefail-missing';
import pipenvNoDeploy from './pipenv-no-deploy';
import poetryInstallDev from './poetry-install-dev';
import pythonDontWriteBytecode from './python-dont-write-bytecode';
import pythonEol from './python-eol';
import pythonFloatingTag from './python-floating-tag';
import pythonUnbuffered from './python-unbuffered';
import pythonpathTrailingColon from './pythonpath-trailing-colon';
import redundantTargetPlatform from './redundant-target-platform';
import reservedStageName from './reserved-stage-name';
import rootFinalUser from './root-final-user';
import rpmCacheNotCleaned from './rpm-cache-not-cleaned';
import rpmInstallMissingYes from './rpm-install-missing-yes';
import rpmPackageUnpinned from './rpm-package-unpinned';
import secretsInArgOrEnv from './secrets-in-arg-or-env';
import shellCommandPointless from './shell-command-pointless';
import sourceStripped from './source-stripped';
import stageNameCasing from './stage-name-casing';
import stagePythonMismatch from './stage-python-mismatch';
import sudoInRun from './sudo-in-run';
import tlsVerificationDisabled from './tls-verification-disabled';
import torchCudaWheels from './torch-cuda-wheels';
import undefinedArgInFrom from './undefined-arg-in-from';
import undefinedVar from './undefined-var';
import untrustedRegistry from './untrusted-registry';
import userNonNumeric from './user-non-numeric';
import useraddWithoutL from './useradd-without-l';
import uvLinkMode from './uv-link-mode';
import uvNoCache from './uv-no-cache';
import uvSyncDev from './uv-sync-dev';
import uvSyncUnlocked from './uv-sync-unlocked';
import venvActivateInRun from './venv-activate-in-run';
import wgetAndCurl from './wget-and-curl';
import wgetWithoutProgress from './wget-without-progress';
import wheelsLeftInImage from './wheels-left-in-image';
import workdirRelativePath from './workdir-relative-path';
import yarnCacheNotCleaned from './yarn-cache-not-cleaned';
import zypperDistUpgrade from './zypper-dist-upgrade';

export const rules: readonly RuleModule[] = [
  addInsteadOfCopy,
  alpinePython,
  apkMissingNoCache,
  apkUnpinned,
  aptCacheMountDockerClean,
  aptCacheMountUnlocked,
  aptGetMissingNoInstallRecommends,
  aptGetMissingYes,
  aptGetUnpinned,
  aptInsteadOfAptGet,
  aptListsNotRemoved,
  baseImageLatest,
  baseImageUntagged,
  binShSymlink,
  buildToolsInFinalStage,
  cacheMountRelativeTarget,
  cacheMountWasted,
  cdInRun,
  consecutiveRun,
  consistentInstructionCasing,
  copyArchiveThenExtract,
  copyEntireStageFilesystem,
  copyFromOwnStage,
  copyFromUnknownStage,
  copyIgnoredFile,
  copyMultipleSourcesNeedsSlash,
  copyRelativeDestinationWithoutWorkdir,
  copySitePackages,
  debianEol,
  depsAfterSource,
  devServerInImage,
  dockerignoreAbsent,
  dockerignoreMissingEntries,
  duplicateStageName,
  envSelfReference,
  execFormVariable,
  exposeInvalidFormat,
  exposePortInvalid,
  exposeProtoCasing,
  fromAsCasing,
  fromPlatformConstant,
  fullPythonBase,
  gemUnpinned,
  goInstallUnpinned,
  gunicornWorkerTmpDir,
  healthcheckMissing,
  instructionBeforeFrom,
  invalidDefaultArgInFrom,
  invalidDefinitionDescription,
  jsonArgsRecommended,
  labelEmpty,
  labelKeyInvalid,
  labelMissing,
  labelNotInSchema,
  labelValueInvalid,
  legacyKeyValueFormat,
  libgl1MesaGlxRemoved,
  maintainerDeprecated,
  multipleInstructionsDisallowed,
  noEmptyContinuation,
  npmUnpinned,
  onbuildForbiddenTrigger,
  opencvGuiLibs,
  pipExternallyManaged,
  pipNoCacheDir,
  pipUnpinned,
  pipefailMissing,
  pipenvNoDeploy,
  poetryInstallDev,
  pythonDontWriteBytecode,
  pythonEol,
  pythonFloatingTag,
  pythonUnbuffered,
  pythonpathTrailingColon,
  redundantTargetPlatform,
  reservedStageName,
  rootFinalUser,
  rpmCacheNotCleaned,
  rpmInstallMissingYes,
  rpmPackageUnpinned,
  secretsInArgOrEnv,
  shellCommandPointless,
  sourceStripped,
  stageNameCasing,
  stagePythonMismatch,
  sudoInRun,
  tlsVerificationDisabled,
  torchCudaWheels,
  undefinedArgInFrom,
  undefinedVar,
  untrustedRegistry,
  userNonNumeric,
  useraddWithoutL,
  uvLinkMode,
  uvNoCache,
  uvSyncDev,
  uvSyncUnlocked,
  venvActivateInRun,
  wgetAndCurl,
  wgetWithoutProgress,
  wheelsLeftInImage,
  workdirRelativePath,
  yarnCacheNotCleaned,
  zypperDistUpgrade,
];
