import { github } from './github';
import { json } from './json';
import { sarif } from './sarif';
import { stylish } from './stylish';
import type { Formatter } from './types';

/** Output formats by name; one module each. */
export const formatters: Record<string, Formatter> = { stylish, json, sarif, github };
