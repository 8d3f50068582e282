import type { DockerfileModel, Stage } from './model';
import type { ReportRange } from './types';

/** The narrowest range for a stage's base image: the tag when written literally, else the image. */
export function imageRange(stage: Stage, part: 'tag' | 'image' = 'image'): ReportRange {
  const from = stage.from;
  if (part === 'tag') {
    const tag = from.getImageTagRange();
    if (tag) return tag;
  }
  return from.getImageRange() ?? from.getRange();
}

/** Offsets of the first `length` characters of a stage's tag as written, when the tag has no variable. */
export function tagPrefix(model: DockerfileModel, stage: Stage, length: number): ReportRange {
  const tag = stage.from.getImageTagRange();
  const written = stage.from.getImageTag() ?? '';
  if (!tag || written.includes('$')) return imageRange(stage);
  const { start, end } = model.offsets(tag);
  return { start, end: Math.min(end, start + Math.max(1, length)) };
}
