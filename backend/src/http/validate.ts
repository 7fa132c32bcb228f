import type { z } from 'zod';
import { invalid } from '../domain-errors.js';

/** Parses route input with its zod contract; anything else is a 400 naming each problem. */
export function parseInput<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
  what = 'request',
): z.infer<Schema> {
  const result = schema.safeParse(input);
  if (!result.success) {
    throw invalid(
      'invalid_request',
      `The ${what} is not valid.`,
      result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    );
  }
  return result.data;
}
