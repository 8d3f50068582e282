/** Validates build data against src/data/builds.schema.json (JSON Schema draft-07) with ajv. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { SCHEMA_FILE } from './inputs';

/** Returns the list of schema errors ("/variants/0/layers: must …"); empty when the data is valid. */
export function validateBuilds(root: string, data: unknown): string[] {
  const schema = JSON.parse(readFileSync(join(root, SCHEMA_FILE), 'utf8')) as object;
  const ajv = new Ajv({ allErrors: true, strict: true });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  if (validate(data)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message ?? 'invalid'}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`);
}
