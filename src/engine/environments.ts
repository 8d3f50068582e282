import type { Instruction } from 'dockerfile-ast';
import { copyArgs, fromStage } from './copy';
import type { DockerfileModel, Stage } from './model';
import { isDevelopmentStage } from './runtime';
import { joinPath } from './workdir';

/** A directory copied from a builder stage into the final stage (`COPY --from=build /app /app`), for an in-project `.venv` inside it. */
export interface DirCopy { stages: Set<Stage>; path: string; instruction: Instruction }

/** Stages whose installed environment reaches the final stage, and the COPY that takes it there. */
export interface EnvironmentSources {
  /** Builder stages (and their parents) whose virtualenv or `site-packages` is copied. */
  envs: Map<Stage, Instruction>;
  /** Other absolute directories copied from builders, which may hold a project's `.venv`. */
  dirs: DirCopy[];
}

/**
 * What the final stage (and the stages it is built FROM) copies out of builder stages: a virtualenv or
 * `site-packages` (`COPY --from=builder /app/.venv /app/.venv`, `/usr/local`), or a directory that may
 * hold one (`COPY --from=builder /app /app`). Dependency-group rules use it to follow an install in a
 * builder into the image that ships.
 */
export function environmentSources(model: DockerfileModel, final: Stage): EnvironmentSources {
  const envs = new Map<Stage, Instruction>();
  const dirs: DirCopy[] = [];
  for (const s of model.lineage(final)) {
    for (const instr of s.instructions) {
      const c = copyArgs(model, instr);
      if (!c?.from) continue;
      const source = fromStage(model, c.from, s);
      if (!source || model.ships(source)) continue;
      if (!c.sources.some((w) => /venv|virtualenvs|site-packages|^\/usr\/local(\/lib)?\/?$/.test(w.value))) {
        for (const w of c.sources) {
          const path = model.resolveInStage(w.value, s, instr);
          if (path.startsWith('/') && !/[$*?[]/.test(path)) dirs.push({ stages: new Set(model.lineage(source)), path: joinPath('/', path), instruction: instr });
        }
        continue;
      }
      for (const st of model.lineage(source)) if (!envs.has(st)) envs.set(st, instr);
    }
  }
  return { envs, dirs };
}

/** The COPY that takes a directory holding `dir` from `stage` into the final stage, or null. */
export function copiedDirectory(sources: EnvironmentSources, stage: Stage, dir: string): Instruction | null {
  return sources.dirs.find((d) => d.stages.has(stage) && (d.path === '/' || dir === d.path || dir.startsWith(`${d.path}/`)))?.instruction ?? null;
}

/**
 * For the dependency-group rules: whether what a `RUN` of a stage installs can reach the image that
 * ships, because the stage ships (`inFinal`), because the final stage copies its environment
 * (`envCopy`), or because it copies a directory of it that may hold one (found later with
 * `copiedDirectory`). Null when none can, and for every stage when the Dockerfile ends with a
 * `dev`/`test` stage, which builds a development image by design. The copies are read once.
 */
export function environmentReach(model: DockerfileModel): (stage: Stage) => { inFinal: boolean; envCopy: Instruction | null; sources: EnvironmentSources } | null {
  let sources: EnvironmentSources | null = null;
  return (stage) => {
    const final = model.finalStage;
    if (!final || isDevelopmentStage(final)) return null;
    const inFinal = model.ships(stage);
    sources ??= environmentSources(model, final);
    const envCopy = inFinal ? null : sources.envs.get(stage) ?? null;
    if (!inFinal && !envCopy && !sources.dirs.some((d) => d.stages.has(stage))) return null;
    return { inFinal, envCopy, sources };
  };
}
