/**
 * Webhook subscriptions and their delivery, as Pipedrive does it: a JSON POST with the Basic-auth
 * credentials given at creation; any 2xx is success; no answer in 10 s or a non-2xx is a failure,
 * retried 3 more times after 3, 30 and 150 s. Retries wait on the sandbox clock (advance it to make
 * them due); deliveries to one webhook go out one after another, in the order of the changes.
 */
import type { Clock } from '../../common/clock.js';
import { formatV2Time } from '../http/time.js';
import type { WebhookRecord } from '../store/types.js';
import { buildPayload, type PayloadContext, subscribes, type WebhookChange } from './payload.js';

export const MAX_WEBHOOKS_PER_USER = 40;
const RETRY_DELAYS_MS = [3_000, 30_000, 150_000];

export interface DeliveryOptions {
  timeoutMs: number;
}

export interface DeliveryRecord {
  webhook_id: number;
  event: string;
  entity_id: number;
  attempt: number;
  /** HTTP status, or 0 when the receiver did not answer. */
  status: number;
  error: string | null;
  at: string;
}

interface Pending {
  webhook: WebhookRecord;
  change: WebhookChange;
  attempt: number;
  dueAt: number;
}

export type NewWebhook = Omit<WebhookRecord, 'id' | 'add_time' | 'last_delivery_time' | 'last_http_status'>;

export class Webhooks {
  private hooks: WebhookRecord[] = [];
  private nextId = 1;
  private waiting: Pending[] = [];
  private readonly chains = new Map<number, Promise<void>>();
  private readonly inFlight = new Set<Promise<void>>();
  readonly deliveries: DeliveryRecord[] = [];

  constructor(
    private readonly clock: Clock,
    private readonly context: (entity: WebhookChange['entity']) => PayloadContext,
    private readonly options: DeliveryOptions,
  ) {}

  list(): readonly WebhookRecord[] {
    return this.hooks;
  }

  countFor(userId: number): number {
    return this.hooks.filter((hook) => hook.user_id === userId).length;
  }

  add(input: NewWebhook): WebhookRecord {
    const webhook: WebhookRecord = {
      ...input,
      id: this.nextId,
      add_time: formatV2Time(this.clock.now().getTime()),
      last_delivery_time: null,
      last_http_status: null,
    };
    this.nextId += 1;
    this.hooks.push(webhook);
    return webhook;
  }

  remove(id: number): boolean {
    const before = this.hooks.length;
    this.hooks = this.hooks.filter((hook) => hook.id !== id);
    this.waiting = this.waiting.filter((pending) => pending.webhook.id !== id);
    return this.hooks.length < before;
  }

  /** Queues a first attempt to every subscribed webhook whose user may see the record. */
  publish(change: WebhookChange): void {
    for (const webhook of this.hooks) {
      if (subscribes(webhook, change) && change.permits(webhook.user_id))
        this.dispatch({ webhook, change, attempt: 1, dueAt: change.timestamp });
    }
  }

  /** Sends the retries whose time has come (call after moving the clock, or on a timer). */
  runDue(): void {
    const now = this.clock.now().getTime();
    const due = this.waiting.filter((pending) => pending.dueAt <= now);
    this.waiting = this.waiting.filter((pending) => pending.dueAt > now);
    for (const pending of due) this.dispatch(pending);
  }

  /** Resolves once nothing is being sent (retries waiting on the clock do not count). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  pendingRetries(): number {
    return this.waiting.length;
  }

  clear(): void {
    this.hooks = [];
    this.waiting = [];
    this.deliveries.length = 0;
    this.nextId = 1;
  }

  private dispatch(pending: Pending): void {
    const previous = this.chains.get(pending.webhook.id) ?? Promise.resolve();
    const sending = previous.then(() => this.send(pending));
    this.chains.set(pending.webhook.id, sending);
    this.inFlight.add(sending);
    void sending.finally(() => {
      this.inFlight.delete(sending);
      if (this.chains.get(pending.webhook.id) === sending) this.chains.delete(pending.webhook.id);
    });
  }

  private async send(pending: Pending): Promise<void> {
    const { webhook, change, attempt } = pending;
    // A webhook deleted while this attempt waited gets nothing.
    if (!this.hooks.includes(webhook)) return;
    const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'Pipedrive-Webhook' };
    if (webhook.http_auth_user !== null) {
      headers.authorization = `Basic ${Buffer.from(`${webhook.http_auth_user}:${webhook.http_auth_password ?? ''}`).toString('base64')}`;
    }
    let status = 0;
    let error: string | null = null;
    try {
      const response = await fetch(webhook.subscription_url, {
        method: 'POST',
        headers,
        body: JSON.stringify(buildPayload(webhook, change, attempt, this.context(change.entity))),
        redirect: 'manual',
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      status = response.status;
      await response.arrayBuffer();
    } catch (caught) {
      error = caught instanceof Error ? caught.message : String(caught);
    }
    const now = this.clock.now().getTime();
    webhook.last_delivery_time = formatV2Time(now);
    webhook.last_http_status = status === 0 ? null : status;
    this.deliveries.push({
      webhook_id: webhook.id,
      event: `${change.action}.${change.entity}`,
      entity_id: change.entityId,
      attempt,
      status,
      error,
      at: formatV2Time(now),
    });
    const delay = RETRY_DELAYS_MS[attempt - 1];
    if ((status < 200 || status > 299) && delay !== undefined)
      this.waiting.push({ ...pending, attempt: attempt + 1, dueAt: now + delay });
  }
}
