/** Command-line arguments of `npm run measure` (measure.ts). */
import { parseArgs } from 'node:util';

export const USAGE = `usage: npm run measure -- [--only ID[,ID…]] [--help]

Builds every example image of content/builds/<id>/ for real and writes src/data/builds.json:
sizes (uncompressed and gzip, per layer with the instruction that made it), layer count, and the
cold, warm, source-change and requirements-change build times.

  --only ID,…   measure only these variants; the others keep their numbers from builds.json
  --help        show this text

Builder: docker buildx when a Docker engine answers (\`docker info\`), with the real python images;
otherwise buildah (as root, --isolation chroot) with stand-in base images built locally
(debootstrap + CPython from Debian's source tarball) and a local package index on 127.0.0.1.

Environment:
  SHIPSHAPE_MEASURE_CACHE   cache dir: buildah storage, base images, downloads, logs
                            (default: $HOME/.cache/shipshape-measure)

Exit status: 0 when every requested variant was measured; 1 when any failed (its previous numbers
are kept and its log is named); 2 for bad arguments.`;

export interface MeasureArgs {
  help: boolean;
  /** The variants to measure; null = all. */
  only: string[] | null;
}

export class UsageError extends Error {}

/** Parses argv (without node and the script); `known` are the variant ids that exist. */
export function parseMeasureArgs(argv: readonly string[], known: readonly string[]): MeasureArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: { only: { type: 'string', multiple: true }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: false,
      strict: true,
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const help = parsed.values.help === true;
  const raw = parsed.values.only;
  if (raw === undefined) return { help, only: null };
  const ids = [...new Set(raw.flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean))];
  if (ids.length === 0) throw new UsageError('--only needs at least one variant id');
  const unknown = ids.filter((id) => !known.includes(id));
  if (unknown.length) throw new UsageError(`unknown variant id(s): ${unknown.join(', ')} (known: ${known.join(', ')})`);
  return { help, only: known.filter((id) => ids.includes(id)) };
}
