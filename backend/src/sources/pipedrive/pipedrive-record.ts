/**
 * One Pipedrive record by id (the record preview reads one at a time): v2 GET /api/v2/<object>/{id},
 * v1 GET /v1/notes/{id} for notes (no v2 API). A record Pipedrive does not have (or hides from us)
 * answers 404: that is "no such record", not a failure.
 */
import type { SourceRecord } from '../connector.js';
import type { PipedriveApis } from './pipedrive-apis.js';
import { PipedriveRequestError } from './pipedrive-errors.js';
import type { PipedriveObjectKey } from './pipedrive-objects.js';
import { type PipedriveRecord, toSourceRecord } from './pipedrive-readers.js';

function fetchOne(apis: PipedriveApis, objectKey: PipedriveObjectKey, id: number): Promise<{ data?: unknown }> {
  switch (objectKey) {
    case 'persons':
      return apis.persons.getPerson({ id });
    case 'organizations':
      return apis.organizations.getOrganization({ id });
    case 'deals':
      return apis.deals.getDeal({ id });
    case 'products':
      return apis.products.getProduct({ id });
    case 'activities':
      return apis.activities.getActivity({ id });
    case 'notes':
      return apis.notes.getNote({ id });
  }
}

export async function readRecord(
  apis: PipedriveApis,
  objectKey: PipedriveObjectKey,
  sourceId: string,
): Promise<SourceRecord | null> {
  // Pipedrive ids are positive integers; anything else cannot name a record.
  if (!/^[1-9]\d{0,15}$/.test(sourceId)) return null;
  try {
    const response = await fetchOne(apis, objectKey, Number(sourceId));
    const data = response.data;
    return typeof data === 'object' && data !== null ? toSourceRecord(data as PipedriveRecord) : null;
  } catch (error) {
    if (error instanceof PipedriveRequestError && (error.status === 404 || error.status === 410)) return null;
    throw error;
  }
}
