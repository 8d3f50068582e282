import { json } from './json';
import { stylish } from './stylish';
import type { Formatter } from './types';

/** Output formats by name; one module each. */
export const formatters: Record<string, Formatter> = { json, stylish };
