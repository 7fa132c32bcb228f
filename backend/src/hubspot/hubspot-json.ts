/** One plain JSON call through the portal's HubSpot client (limiter, retries, typed errors): the answer's body. */
export type HubSpotJson = (
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
) => Promise<unknown>;

interface Page<T> {
  results?: T[];
  paging?: { next?: { after?: string } };
}

/** Every result of a HubSpot list that pages with `after` (100 per page). */
export async function allPages<T>(json: HubSpotJson, path: string): Promise<T[]> {
  const results: T[] = [];
  let after: string | undefined;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const page = (await json(
      'GET',
      `${path}${separator}limit=100${after ? `&after=${encodeURIComponent(after)}` : ''}`,
    )) as Page<T>;
    results.push(...(page.results ?? []));
    after = page.paging?.next?.after;
  } while (after);
  return results;
}
