/**
 * Request-body reading with HubSpot's wording: a body missing required attributes is refused with
 * "Cannot build <Type>, some of required attributes are not set [a, b]" (400 VALIDATION_ERROR).
 */
import { validationError } from './errors.js';

export type Json = Record<string, unknown>;

export const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function requireFields(body: unknown, typeName: string, fields: readonly string[]): Json {
  if (!isRecord(body))
    throw validationError(`Invalid input JSON: Cannot build ${typeName}, the body must be a JSON object`);
  const missing = fields.filter((field) => body[field] === undefined || body[field] === null);
  if (missing.length > 0) {
    throw validationError(
      `Invalid input JSON: Cannot build ${typeName}, some of required attributes are not set [${missing.join(', ')}]`,
    );
  }
  return body;
}

export function stringField(body: Json, field: string): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw validationError(`Invalid input JSON: ${field} must be a string`);
  return value;
}

export function numberField(body: Json, field: string): number | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw validationError(`Invalid input JSON: ${field} must be a number`);
  return value;
}

export function booleanField(body: Json, field: string): boolean | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw validationError(`Invalid input JSON: ${field} must be a boolean`);
  return value;
}

export function arrayField(body: Json, field: string): unknown[] | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw validationError(`Invalid input JSON: ${field} must be an array`);
  return value;
}

/** The `inputs` of a batch body, refusing more than `max` (100 for CRM objects). */
export function batchInputs(body: unknown, typeName: string, max: number): unknown[] {
  const inputs = arrayField(requireFields(body, typeName, ['inputs']), 'inputs') ?? [];
  if (inputs.length > max) {
    throw validationError(
      `Too many inputs: ${inputs.length}. The maximum number of inputs per batch request is ${max}.`,
      {
        context: { inputs: [String(inputs.length)], max: [String(max)] },
      },
    );
  }
  return inputs;
}
