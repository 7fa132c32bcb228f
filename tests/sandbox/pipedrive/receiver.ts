/** A local webhook receiver: records every delivery and lets a test wait for the n-th one (no sleeping). */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Delivery {
  headers: IncomingHttpHeaders;
  body: unknown;
}

export interface Receiver {
  url: string;
  deliveries: Delivery[];
  /** Resolves once `count` deliveries have arrived. */
  received(count: number): Promise<Delivery[]>;
  /** Status codes to answer with, in order; then 200. */
  answerWith(statuses: number[]): void;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const deliveries: Delivery[] = [];
  const waiters: { count: number; resolve: (deliveries: Delivery[]) => void }[] = [];
  let statuses: number[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      deliveries.push({ headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
      res.statusCode = statuses.shift() ?? 200;
      res.end();
      for (const waiter of waiters.filter((candidate) => deliveries.length >= candidate.count)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve([...deliveries]);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/pipedrive`,
    deliveries,
    received: (count) =>
      deliveries.length >= count
        ? Promise.resolve([...deliveries])
        : new Promise((resolve) => waiters.push({ count, resolve })),
    answerWith: (codes) => {
      statuses = [...codes];
    },
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
