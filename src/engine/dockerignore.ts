import dockerignore from '@balena/dockerignore';

/** Matches paths against a .dockerignore the way Docker does (root-anchored patterns, `**`, `!` exceptions). */
export function dockerignoreMatcher(text: string): (path: string) => boolean {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  const ig = dockerignore({ ignorecase: false }).add(lines);
  return (path: string) => {
    try {
      return ig.ignores(path);
    } catch {
      return false;
    }
  };
}
