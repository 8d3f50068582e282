/**
 * Which Dockerfile instruction made each layer of an image.
 *
 * buildah records `#(nop) COPY file:<sha> in .` rather than the instruction as written, so the
 * layers are matched to our own Dockerfile: the image that ships is the last stage, built on its
 * base image (whose layers come first) and on any earlier stage it names in FROM; after the base
 * layers, each RUN, COPY and ADD of that chain makes one layer, in order. Other instructions
 * (ENV, WORKDIR, USER, …) make none with buildah. The image's history is used to check the match.
 */
import { DockerfileParser } from 'dockerfile-ast';

export interface LayerInstruction {
  keyword: 'RUN' | 'COPY' | 'ADD' | 'WORKDIR';
  /** The instruction on one line (continuations joined, comments dropped). */
  text: string;
  /** 1-based line where it starts. */
  line: number;
}

export interface FinalStage {
  /** The base image of the shipped stage's chain, as written in FROM (e.g. "python:3.11-slim"). */
  baseRef: string;
  /** The layer-making instructions of the chain, in build order. */
  instructions: LayerInstruction[];
}

const LAYER_KEYWORDS = new Set(['RUN', 'COPY', 'ADD']);

/**
 * The shipped stage's chain. With includeWorkdir, WORKDIR instructions are listed too: BuildKit
 * (docker buildx) can record a layer for WORKDIR, buildah never does.
 */
export function finalStage(dockerfile: string, { includeWorkdir = false } = {}): FinalStage {
  const parsed = DockerfileParser.parse(dockerfile);
  interface Stage {
    name: string | null;
    image: string;
    instructions: LayerInstruction[];
  }
  const stages: Stage[] = [];
  for (const instr of parsed.getInstructions()) {
    const keyword = instr.getKeyword().toUpperCase();
    if (keyword === 'FROM') {
      const args = instr.getArguments().map((a) => a.getValue()).filter((v) => !v.startsWith('--'));
      const asIndex = args.findIndex((a) => a.toUpperCase() === 'AS');
      stages.push({ image: args[0] ?? '', name: asIndex >= 0 ? (args[asIndex + 1] ?? null) : null, instructions: [] });
      continue;
    }
    const stage = stages.at(-1);
    if (!stage) continue; // global ARG
    if (LAYER_KEYWORDS.has(keyword) || (includeWorkdir && keyword === 'WORKDIR')) {
      stage.instructions.push({
        keyword: keyword as LayerInstruction['keyword'],
        text: instr.toString().replace(/\s+/g, ' ').trim(),
        line: instr.getRange().start.line + 1,
      });
    }
  }
  const last = stages.at(-1);
  if (!last) throw new Error('the Dockerfile has no FROM');
  const chain: Stage[] = [last];
  for (;;) {
    const parent = stages.find((s) => s.name !== null && s.name.toLowerCase() === chain[0]!.image.toLowerCase() && s !== chain[0]);
    if (!parent || chain.includes(parent)) break;
    chain.unshift(parent);
  }
  return { baseRef: chain[0]!.image, instructions: chain.flatMap((s) => s.instructions) };
}

/** The kind of instruction a buildah/Docker history entry records: "COPY", "ADD", "WORKDIR" or "RUN". */
export function historyKind(createdBy: string): LayerInstruction['keyword'] {
  const nop = /#\(nop\)\s+(COPY|ADD|WORKDIR)\b/.exec(createdBy);
  if (nop) return nop[1] as 'COPY' | 'ADD' | 'WORKDIR';
  const plain = /^\s*(COPY|ADD|WORKDIR)\b/.exec(createdBy);
  if (plain) return plain[1] as 'COPY' | 'ADD' | 'WORKDIR';
  return 'RUN';
}

/** One entry of an OCI image config's history. */
export interface HistoryEntry {
  created_by?: string;
  empty_layer?: boolean;
  comment?: string;
  created?: string;
}

/** A layer of the shipped image, as src/data/builds.json records it. */
export interface MappedLayer {
  instruction: string;
  line: number | null;
  base: boolean;
  uncompressedBytes: number;
  compressedBytes: number;
}

export interface LayerInput {
  /** The variant's Dockerfile text. */
  dockerfile: string;
  /** The image config's history (all entries, empty ones included). */
  history: readonly HistoryEntry[];
  /** Layer tar sizes from the manifest, bottom layer first. */
  uncompressed: readonly number[];
  /** gzip blob sizes of the same layers, in the same order. */
  compressed: readonly number[];
  /** How many layers the FROM image has (they come first). */
  baseLayerCount: number;
}

/**
 * Names each layer of a built image: the first baseLayerCount are "base image: <FROM ref>", the rest
 * map 1:1 to the RUN/COPY/ADD instructions of the shipped stage's chain (plus WORKDIR when the
 * builder recorded layers for it). The image's history must agree: as many non-empty entries as
 * layers, and each own layer's entry of the same kind as its instruction. Throws when they do not,
 * rather than attribute a layer to the wrong line.
 */
export function mapLayers(input: LayerInput): MappedLayer[] {
  const { dockerfile, history, uncompressed, compressed, baseLayerCount } = input;
  if (uncompressed.length !== compressed.length) {
    throw new Error(`the image has ${uncompressed.length} layers but its gzip copy has ${compressed.length}`);
  }
  const own = uncompressed.length - baseLayerCount;
  if (own < 0) throw new Error(`the image has ${uncompressed.length} layers, fewer than its base image's ${baseLayerCount}`);
  const plain = finalStage(dockerfile);
  const stage = plain.instructions.length === own ? plain : finalStage(dockerfile, { includeWorkdir: true });
  if (stage.instructions.length !== own) {
    throw new Error(
      `the image has ${own} layers of its own, but the shipped stage has ${plain.instructions.length} RUN/COPY/ADD instructions` +
        (stage !== plain ? ` (${stage.instructions.length} with WORKDIR)` : ''),
    );
  }
  const nonEmpty = history.filter((h) => !h.empty_layer);
  if (nonEmpty.length !== uncompressed.length) {
    throw new Error(`the image history has ${nonEmpty.length} non-empty entries for ${uncompressed.length} layers`);
  }
  const layers: MappedLayer[] = [];
  for (let i = 0; i < uncompressed.length; i++) {
    const sizes = { uncompressedBytes: uncompressed[i]!, compressedBytes: compressed[i]! };
    if (i < baseLayerCount) {
      layers.push({ instruction: `base image: ${stage.baseRef}`, line: null, base: true, ...sizes });
      continue;
    }
    const instr = stage.instructions[i - baseLayerCount]!;
    const kind = historyKind(nonEmpty[i]!.created_by ?? '');
    if (kind !== instr.keyword) {
      throw new Error(`layer ${i + 1}: the history says ${kind} (${(nonEmpty[i]!.created_by ?? '').slice(0, 80)}) but line ${instr.line} is ${instr.keyword}`);
    }
    layers.push({ instruction: instr.text, line: instr.line, base: false, ...sizes });
  }
  return layers;
}
