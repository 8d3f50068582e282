/** The package entry: `import { lint, rules, version } from 'shipshape'`. */
export * from './engine/index';
