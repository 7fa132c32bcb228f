/**
 * The table of emulated operations. Every route says which OpenAPI operation it implements and what
 * it costs, so the limits can charge a call before it runs, request counts are named after the spec
 * path, and the contract tests can check each route against its operation.
 */
import type { Express, Request, RequestHandler, Response } from 'express';

export type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

export interface RouteDef {
  method: Method;
  /** Express path; parameters are named as in the spec (`/api/v2/deals/:id/products`). */
  path: string;
  /** The spec's operationId; routes outside the spec (OAuth revoke) name themselves. */
  operationId: string;
  /** Which OpenAPI file describes it, or null. */
  spec: 'v1' | 'v2' | null;
  /** The operation's x-token-cost (0 for OAuth). */
  cost: number;
  /** OAuth server routes need no API credentials and are not limited. */
  public?: boolean;
  handler: (req: Request, res: Response) => void | Promise<void>;
}

interface CompiledRoute {
  def: RouteDef;
  pattern: RegExp;
  params: number;
}

export class RouteRegistry {
  private readonly compiled: CompiledRoute[] = [];

  add(def: RouteDef): void {
    const source = def.path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/:[A-Za-z_]+/g, '[^/]+');
    this.compiled.push({ def, pattern: new RegExp(`^${source}/?$`), params: (def.path.match(/:/g) ?? []).length });
    // Literal segments win over parameters (`/deals/archived` before `/deals/:id`), whatever the order of adding.
    this.compiled.sort((a, b) => a.params - b.params);
  }

  get routes(): readonly RouteDef[] {
    return this.compiled.map(({ def }) => def);
  }

  match(method: string, path: string): RouteDef | undefined {
    const lower = method.toLowerCase();
    return this.compiled.find(({ def, pattern }) => def.method === lower && pattern.test(path))?.def;
  }

  /** Registers every route on the app; API routes get the guards (authentication, limits) first. */
  mount(app: Express, guards: (def: RouteDef) => RequestHandler[]): void {
    for (const { def } of this.compiled) app[def.method](def.path, ...(def.public ? [] : guards(def)), def.handler);
  }
}

/** "GET /api/v2/persons/{id}": the name counts and costs are reported under. */
export function endpointName(def: Pick<RouteDef, 'method' | 'path'>): string {
  return `${def.method.toUpperCase()} ${def.path.replace(/:([A-Za-z_]+)/g, '{$1}')}`;
}
