/** A sandbox's control API, with the sandbox's API base URL (HubSpot's or Pipedrive's). */
export type SandboxControl = (method: string, path: string, body?: unknown) => Promise<unknown>;

/**
 * Calls to a sandbox's control API (`/_sandbox…`: portals, faults, request counts, state): a JSON body in,
 * its JSON answer out (null for 204); a refused call throws with the sandbox's answer.
 */
export function sandboxControl(apiBaseUrl: string): SandboxControl {
  return async (method, path, body) => {
    const res = await fetch(`${apiBaseUrl}/_sandbox${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!res.ok) throw new Error(`sandbox ${method} ${path}: ${res.status} ${await res.text()}`);
    return res.status === 204 ? null : ((await res.json()) as unknown);
  };
}
