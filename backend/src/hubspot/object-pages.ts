import type { HubSpotJson } from './hubspot-json.js';

export interface ListedRecord {
  id: string;
  properties: Record<string, string | null>;
}

/** An object type's live records, page by page (100 each, in id order), with the named properties. */
export async function* objectPages(
  json: HubSpotJson,
  objectType: string,
  properties: readonly string[],
): AsyncGenerator<ListedRecord[]> {
  let after: string | undefined;
  do {
    const query = new URLSearchParams({ limit: '100', properties: properties.join(',') });
    if (after) query.set('after', after);
    const page = (await json('GET', `/crm/v3/objects/${objectType}?${query}`)) as {
      results?: ListedRecord[];
      paging?: { next?: { after?: string } };
    };
    yield page.results ?? [];
    after = page.paging?.next?.after;
  } while (after);
}
