/**
 * One connected Pipedrive account: the SourceSession the audit and the transfer use. One transport per
 * session, so every call of the session shares one burst limiter and one usage counter; run counts of
 * several objects at once and the limiter keeps them together under the token's burst limit.
 */
import type { AccessTokenProvider, CountState, ReadOptions, RecordPage, SourceSession } from '../connector.js';
import { createPipedriveApis } from './pipedrive-apis.js';
import { accountSettings, readCatalog } from './pipedrive-catalog.js';
import { countRecords } from './pipedrive-counts.js';
import { countFilteredRecords } from './pipedrive-filter-counts.js';
import { PIPEDRIVE_OBJECT_KEYS, requirePipedriveObjectKey } from './pipedrive-objects.js';
import { readRecords } from './pipedrive-readers.js';
import { readRecord } from './pipedrive-record.js';
import type { PipedriveTransport } from './pipedrive-transport.js';

export function createPipedriveSession(input: {
  apiBaseUrl: string;
  accessToken: AccessTokenProvider;
  transport: PipedriveTransport;
}): SourceSession {
  const apis = createPipedriveApis(input);
  return {
    account: () => accountSettings(apis),
    catalog: () => readCatalog(apis, PIPEDRIVE_OBJECT_KEYS),
    countableObjects: () => PIPEDRIVE_OBJECT_KEYS,
    count: (objectKey: string, resumeFrom?: CountState): AsyncGenerator<CountState> =>
      countRecords(apis, requirePipedriveObjectKey(objectKey), resumeFrom),
    countFiltered: (objectKey, filter, resumeFrom) =>
      countFilteredRecords(apis, requirePipedriveObjectKey(objectKey), filter, resumeFrom),
    read: (objectKey: string, options?: ReadOptions): AsyncGenerator<RecordPage> =>
      readRecords(apis, requirePipedriveObjectKey(objectKey), options),
    readOne: (objectKey: string, sourceId: string) => readRecord(apis, requirePipedriveObjectKey(objectKey), sourceId),
    usage: () => input.transport.usage(),
  };
}
