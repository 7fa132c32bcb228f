/**
 * `trigger` types its argument as the handler itself and resolves event names to `never` for props
 * typed as a union of handlers (Tabs.onSelectedChange); this wrapper takes the event's value instead.
 */
export function fire(node: { trigger: (event: never, arg?: never) => void }, event: string, arg?: unknown): void {
  node.trigger(event as never, arg as never);
}
