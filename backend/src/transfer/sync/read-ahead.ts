/**
 * The next source page is read while HubSpot writes the current one, so the writer never idles (and its
 * share of the portal's limit never goes unused) waiting for the source between pages. One page ahead at
 * most: memory stays two pages, and pages still reach the caller in order, so cursors mean what they did.
 */
export async function* readAhead<T>(pages: AsyncIterable<T>): AsyncGenerator<T> {
  const iterator = pages[Symbol.asyncIterator]();
  let next = iterator.next();
  try {
    for (;;) {
      const current = await next;
      if (current.done) return;
      next = iterator.next();
      // A failed read ahead is thrown when the caller asks for that page, not before.
      next.catch(() => undefined);
      yield current.value;
    }
  } finally {
    // The caller stopped early (a pause, an error, the last page): close the source after its pending read.
    await iterator.return?.();
  }
}
