import { DockerfileParser, type Run } from 'dockerfile-ast';
import { describe, expect, it } from 'vitest';
import { DockerfileModel } from '~/engine/model';
import { mountCovers, normalizePath, parseMounts, type Mount } from '~/engine/mounts';

function mountsOf(text: string): { text: string; model: DockerfileModel; mounts: Mount[] } {
  const model = new DockerfileModel(DockerfileParser.parse(text), text);
  const run = model.instructions.find((i) => i.getKeyword() === 'RUN') as Run;
  return { text, model, mounts: parseMounts(run) };
}

const slice = (m: ReturnType<typeof mountsOf>, range: Mount['range'] | null) => {
  if (!range) return null;
  const { start, end } = m.model.offsets(range);
  return m.text.slice(start, end);
};

describe('parseMounts', () => {
  it('reads a cache mount with every option and exact ranges', () => {
    const m = mountsOf('FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip,sharing=locked,id=pip pip install x\n');
    expect(m.mounts).toHaveLength(1);
    const [c] = m.mounts;
    expect([c!.type, c!.target, c!.sharing, c!.id, c!.source, c!.from]).toEqual(['cache', '/root/.cache/pip', 'locked', 'pip', null, null]);
    expect(slice(m, c!.range)).toBe('--mount=type=cache,target=/root/.cache/pip,sharing=locked,id=pip');
    expect(slice(m, c!.targetRange)).toBe('/root/.cache/pip');
  });
  it('reads several mounts and the dst/destination/src aliases', () => {
    const m = mountsOf('FROM python:3.12\nRUN --mount=type=cache,dst=/root/.cache/uv --mount=type=bind,src=uv.lock,destination=uv.lock --network=none uv sync\n');
    expect(m.mounts.map((x) => [x.type, x.target, x.source])).toEqual([['cache', '/root/.cache/uv', null], ['bind', 'uv.lock', 'uv.lock']]);
    expect(slice(m, m.mounts[0]!.targetRange)).toBe('/root/.cache/uv');
  });
  it('defaults to a bind mount and keeps flag-only options', () => {
    const m = mountsOf('FROM python:3.12\nRUN --mount=target=/src,rw make\n');
    expect(m.mounts[0]!.type).toBe('bind');
    expect(m.mounts[0]!.options).toEqual({ target: '/src', rw: null });
  });
  it('compares keys and the type without case, lower-case RUN included', () => {
    const m = mountsOf('FROM python:3.12\nrun --MOUNT=Type=Cache,Target=/x,from=builder,source=/c pip install x\n');
    expect(m.mounts.map((x) => [x.type, x.target, x.from, x.source])).toEqual([['cache', '/x', 'builder', '/c']]);
  });
  it('removes the quotes of a quoted flag value', () => {
    const m = mountsOf('FROM python:3.12\nRUN --mount="type=cache,target=/root/.cache/pip" pip install x\n');
    expect(m.mounts.map((x) => [x.type, x.target])).toEqual([['cache', '/root/.cache/pip']]);
    expect(slice(m, m.mounts[0]!.targetRange)).toBe('/root/.cache/pip');
  });
  it('reads secret and ssh mounts', () => {
    const m = mountsOf('FROM python:3.12\nRUN --mount=type=secret,id=netrc,target=/root/.netrc --mount=type=ssh pip install x\n');
    expect(m.mounts.map((x) => [x.type, x.id, x.target])).toEqual([['secret', 'netrc', '/root/.netrc'], ['ssh', null, null]]);
  });
  it('survives empty or value-less mount flags', () => {
    expect(mountsOf('FROM python:3.12\nRUN --mount= pip\n').mounts.map((x) => [x.type, x.target])).toEqual([['bind', null]]);
    expect(mountsOf('FROM python:3.12\nRUN --mount pip\n').mounts.map((x) => [x.type, x.targetRange])).toEqual([['bind', null]]);
    expect(mountsOf('FROM python:3.12\nRUN pip install x\n').mounts).toEqual([]);
  });
  it('is cached per RUN by the model', () => {
    const m = mountsOf('FROM python:3.12\nRUN --mount=type=cache,target=/x y\n');
    const run = m.model.instructions[1] as Run;
    expect(m.model.mounts(run)).toBe(m.model.mounts(run));
  });
});

describe('mountCovers', () => {
  const covers = (flags: string, dirs: string[]) =>
    mountCovers(mountsOf(`FROM python:3.12\nRUN ${flags} pip install x\n`).mounts, dirs)?.target ?? null;
  it('covers the directory itself, below it, and trailing slashes', () => {
    expect(covers('--mount=type=cache,target=/root/.cache/pip', ['/root/.cache/pip'])).toBe('/root/.cache/pip');
    expect(covers('--mount=type=cache,target=/root/.cache/', ['/root/.cache/pip'])).toBe('/root/.cache/');
    expect(covers('--mount=type=tmpfs,target=/root/.cache', ['/root/.cache/pip'])).toBe('/root/.cache');
  });
  it('covers the same directory under another home', () => {
    expect(covers('--mount=type=cache,target=/home/app/.cache/pip,uid=1000', ['/root/.cache/pip'])).toBe('/home/app/.cache/pip');
    expect(covers('--mount=type=cache,target=/home/app/.cache,uid=1000', ['/root/.cache/pip'])).toBe('/home/app/.cache');
  });
  it('does not cover other directories or non-cache mounts', () => {
    expect(covers('--mount=type=cache,target=/root/.cache/pip/http', ['/root/.cache/pip'])).toBeNull();
    expect(covers('--mount=type=cache,target=/root/.cache/uv', ['/root/.cache/pip'])).toBeNull();
    expect(covers('--mount=type=bind,target=/root/.cache/pip', ['/root/.cache/pip'])).toBeNull();
    expect(covers('--mount=type=cache,target=/', ['/root/.cache/pip'])).toBeNull();
    expect(covers('--mount=type=cache,target=/srv', ['/root'])).toBeNull();
    expect(covers('--mount=type=secret,id=x', ['/root/.cache/pip'])).toBeNull();
  });
  it('normalizePath drops trailing and repeated slashes', () => {
    expect(normalizePath('//root///.cache/pip/')).toBe('/root/.cache/pip');
  });
});
