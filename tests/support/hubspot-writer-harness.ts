/**
 * The sync writers against the HubSpot sandbox: an installed app, our HubSpot client on it, the
 * "source record id" properties the setup would create, a record of every batch call the writers make,
 * and reads of what HubSpot holds (never only the writers' own answers).
 */
import pino from 'pino';
import { createHubSpotApi, type HubSpotPortalApi } from '../../backend/src/hubspot/hubspot-api.js';
import { createPortalLimiter } from '../../backend/src/hubspot/portal-limiter.js';
import { call, installApp, type Installed, type JsonBody } from '../contract/hubspot/support/contract.js';
import { createTestDatabase } from './database.js';
import { type SandboxControl, sandboxControl } from './sandbox-control.js';

export const SOURCE_ID = 'st_source_id';
export const UNIQUE_SOURCE_ID_OBJECTS = ['contacts', 'companies', 'deals'] as const;
export const ENGAGEMENTS = ['calls', 'emails', 'meetings', 'notes', 'tasks'] as const;

export interface SentBatch {
  path: string;
  inputs: readonly unknown[];
}

export interface WriterHarness {
  installed: Installed;
  /** Our client, with every batch call it sends recorded in `sent`. */
  hubspot: HubSpotPortalApi;
  sent: SentBatch[];
  /** A raw HubSpot call (setup and read-back), outside the recorded client. */
  hs(method: string, path: string, body?: unknown, qs?: Record<string, string>): Promise<JsonBody>;
  control: SandboxControl;
  /** Every live record of `objectType` whose source id starts with `prefix`: [sourceId, record]. */
  recordsWithPrefix(objectType: string, prefix: string, properties?: string[]): Promise<HubSpotRecord[]>;
  close(): Promise<void>;
}

export interface HubSpotRecord {
  id: string;
  properties: Record<string, string | null>;
}

export async function startWriterHarness(requestsPer10s = 100): Promise<WriterHarness> {
  const installed = await installApp(
    'oauth crm.objects.contacts.write crm.objects.companies.write crm.objects.deals.write',
  );
  // The product's shared per-portal limiter, on a database of the harness's own.
  const db = await createTestDatabase();
  const api = createHubSpotApi({
    apiBaseUrl: installed.sandbox.apiBaseUrl,
    limiter: createPortalLimiter({ db: db.pool, requestsPer10s }),
    tokens: { accessToken: async () => installed.accessToken },
    logger: pino({ level: 'silent' }),
  });
  const portal = api.forPortal(1);
  const sent: SentBatch[] = [];
  const hubspot: HubSpotPortalApi = {
    ...portal,
    batch: (path, body, options) => {
      sent.push({ path, inputs: body.inputs });
      return portal.batch(path, body, options);
    },
  };

  async function hs(method: string, path: string, body?: unknown, qs?: Record<string, string>) {
    const reply = await call(installed.client, method, path, body, qs);
    if (reply.status >= 300) throw new Error(`${method} ${path}: ${reply.status} ${JSON.stringify(reply.body)}`);
    return reply.body;
  }

  const control = sandboxControl(installed.sandbox.apiBaseUrl);

  for (const objectType of [...UNIQUE_SOURCE_ID_OBJECTS, ...ENGAGEMENTS]) {
    await hs('POST', `/crm/v3/properties/${objectType}`, {
      name: SOURCE_ID,
      label: 'Source record id',
      type: 'string',
      fieldType: 'text',
      groupName: `${objectType.replace(/s$/, '').replace('companie', 'company')}information`,
      hasUniqueValue: (UNIQUE_SOURCE_ID_OBJECTS as readonly string[]).includes(objectType),
    });
  }

  async function recordsWithPrefix(objectType: string, prefix: string, properties: string[] = []) {
    const found: HubSpotRecord[] = [];
    let after: string | undefined;
    do {
      const page = (await hs('GET', `/crm/v3/objects/${objectType}`, undefined, {
        limit: '100',
        properties: [SOURCE_ID, ...properties].join(','),
        ...(after ? { after } : {}),
      })) as { results: HubSpotRecord[]; paging?: { next?: { after: string } } };
      found.push(...page.results.filter((record) => record.properties[SOURCE_ID]?.startsWith(prefix)));
      after = page.paging?.next?.after;
    } while (after);
    return found;
  }

  return {
    installed,
    hubspot,
    sent,
    hs,
    control,
    recordsWithPrefix,
    close: async () => {
      await installed.sandbox.close();
      await db.drop();
    },
  };
}
