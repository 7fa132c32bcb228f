/**
 * One connected Pipedrive account: the SourceSession the audit and the transfer use. One transport per
 * session, so every call of the session shares one burst limiter and one usage counter; run counts of
 * several objects at once and the limiter keeps them together under the token's burst limit.
 */
import type { AccessTokenProvider, CountState, ReadOptions, RecordPage, SourceSession } from '../connector.js';
import { createPipedriveApis } from './pipedrive-apis.js';
import { accountSettings, connectingUserAccess, readCatalog } from './pipedrive-catalog.js';
import { countRecords } from './pipedrive-counts.js';
import { countFilteredRecords } from './pipedrive-filter-counts.js';
import {
  PIPEDRIVE_COUNT_KEYS,
  PIPEDRIVE_OBJECT_KEYS,
  requirePipedriveCountKey,
  requirePipedriveObjectKey,
} from './pipedrive-objects.js';
import { readRecords } from './pipedrive-readers.js';
import { readRecord } from './pipedrive-record.js';
import { readRecordsById } from './pipedrive-records-by-id.js';
import type { PipedriveTransport } from './pipedrive-transport.js';

export function createPipedriveSession(input: {
  apiBaseUrl: string;
  accessToken: AccessTokenProvider;
  transport: PipedriveTransport;
}): SourceSession {
  const apis = createPipedriveApis(input);
  return {
    account: () => accountSettings(apis),
    access: (grantedScopes) => connectingUserAccess(apis, grantedScopes),
    catalog: () => readCatalog(apis, PIPEDRIVE_OBJECT_KEYS),
    countableObjects: () => PIPEDRIVE_COUNT_KEYS,
    count: (objectKey: string, resumeFrom?: CountState): AsyncGenerator<CountState> =>
      countRecords(apis, requirePipedriveCountKey(objectKey), resumeFrom),
    countFiltered: (objectKey, filter, resumeFrom, options) =>
      countFilteredRecords(apis, requirePipedriveObjectKey(objectKey), filter, resumeFrom, options),
    read: (objectKey: string, options?: ReadOptions): AsyncGenerator<RecordPage> =>
      readRecords(apis, requirePipedriveObjectKey(objectKey), options),
    readOne: (objectKey: string, sourceId: string) => readRecord(apis, requirePipedriveObjectKey(objectKey), sourceId),
    readMany: (objectKey: string, sourceIds: readonly string[]) =>
      readRecordsById(apis, requirePipedriveObjectKey(objectKey), sourceIds),
    usage: () => input.transport.usage(),
  };
}
