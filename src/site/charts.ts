/**
 * Geometry for the build-time SVG charts (src/components/Build*Chart.astro): axis ticks and bar
 * segments. Pure functions, no DOM, so they are unit-tested and nothing ships to the browser.
 */

/** Round tick values from 0 to at least `max`: steps of 1, 2, 2.5 or 5 × 10^n. */
export function niceTicks(max: number, target = 5): number[] {
  if (!(max > 0) || !Number.isFinite(max)) return [0, 1];
  const rough = max / target;
  const pow = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * pow).find((s) => s >= rough) ?? 10 * pow;
  const ticks: number[] = [];
  for (let v = 0; v < max + step * 1e-9; v += step) ticks.push(Number(v.toPrecision(12)));
  if (ticks[ticks.length - 1]! < max) ticks.push(Number((ticks[ticks.length - 1]! + step).toPrecision(12)));
  return ticks;
}

export interface Segment<T> {
  item: T;
  /** Left edge and width in chart units. */
  x: number;
  width: number;
}

/**
 * Lays values end to end on a bar `width` units long for a total of `scaleMax`. Zero and
 * negative values get no segment; every positive one keeps at least `minWidth` so a tiny layer
 * stays visible (and hoverable) without pushing the bar's end past its true length by much.
 */
export function stack<T>(items: readonly T[], value: (t: T) => number, scaleMax: number, width: number, minWidth = 0): Segment<T>[] {
  const out: Segment<T>[] = [];
  let sum = 0;
  for (const item of items) {
    const v = value(item);
    if (!(v > 0)) continue;
    const x = (sum / scaleMax) * width;
    sum += v;
    const w = Math.max((v / scaleMax) * width, minWidth);
    out.push({ item, x, width: w });
  }
  return out;
}

/** A number for an SVG attribute: at most two decimals, no trailing zeros. */
export const n = (v: number): string => String(Math.round(v * 100) / 100);

/**
 * Splits text into lines of at most `max` characters at spaces (a longer word stays whole), for SVG
 * <text>, which does not wrap: the charts wrap their labels at build time so that they fit a phone.
 */
export function wrapLines(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

/** A percentage for an SVG x or width attribute: "12.34%". */
export const pct = (fraction: number): string => `${n(fraction * 100)}%`;

/** An axis tick: "250", and the unit on the last one only ("1,000 MB"), so ticks fit a phone. */
export function tickLabel(value: number, unit: string, last: boolean): string {
  const text = value.toLocaleString('en-US', { maximumFractionDigits: 1 });
  return last ? `${text} ${unit}` : text;
}
