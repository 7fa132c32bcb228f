/** Whether any of the names contains what the user typed, ignoring case and surrounding spaces. */
export function matchesQuery(query: string, ...names: string[]): boolean {
  const needle = query.trim().toLowerCase();
  return needle === '' || names.some((name) => name.toLowerCase().includes(needle));
}

/** The items one of whose names matches the query (all of them when the query is empty). */
export function filterByName<T>(items: readonly T[], query: string, namesOf: (item: T) => string[]): T[] {
  return items.filter((item) => matchesQuery(query, ...namesOf(item)));
}
