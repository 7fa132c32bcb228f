import { SOURCES } from './index.js';
import type { RecordShape } from './record-shape.js';
import { isAvailable } from './source-module.js';

/** The record shape of a source by its id (the one a mapping plan names); an unknown source is a bug. */
export function recordShapeOf(sourceId: string): RecordShape {
  const source = SOURCES.find((entry) => entry.id === sourceId);
  if (!source || !isAvailable(source)) throw new Error(`Source "${sourceId}" has no record shape`);
  return source.recordShape;
}
