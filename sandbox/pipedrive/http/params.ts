/**
 * Query parameter parsing with v2's strictness: booleans only `true`/`false`, integers without
 * coercion from other forms, RFC 3339 times without fractions; anything else is a 400.
 */
import type { Request } from 'express';
import { badRequest } from './errors.js';
import { parseRfc3339 } from './time.js';

export class QueryParams {
  constructor(private readonly query: Request['query']) {}

  string(name: string): string | undefined {
    const value = this.query[name];
    if (value === undefined) return undefined;
    if (typeof value !== 'string') throw badRequest(`Parameter ${name} must be given once`);
    return value;
  }

  int(name: string): number | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    if (!/^-?\d+$/.test(value)) throw badRequest(`Parameter ${name} must be an integer`);
    return Number(value);
  }

  bool(name: string): boolean | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    if (value !== 'true' && value !== 'false') throw badRequest(`Parameter ${name} must be true or false`);
    return value === 'true';
  }

  /** v1 flags accept 0/1 as well. */
  flag(name: string): boolean | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    if (!['0', '1', 'true', 'false'].includes(value)) throw badRequest(`Parameter ${name} must be 0 or 1`);
    return value === '1' || value === 'true';
  }

  oneOf<const T extends string>(name: string, allowed: readonly T[]): T | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    const match = allowed.find((candidate) => candidate === value);
    if (match === undefined) throw badRequest(`Parameter ${name} must be one of: ${allowed.join(', ')}`);
    return match;
  }

  /** Epoch ms of an RFC 3339 time. */
  time(name: string): number | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    const ms = parseRfc3339(value);
    if (ms === undefined)
      throw badRequest(`Parameter ${name} must be an RFC 3339 date-time, e.g. 2025-01-01T10:20:00Z`);
    return ms;
  }

  /** A comma-separated list of integers, at most `max` of them. */
  ids(name: string, max: number): number[] | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    const parts = value
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part !== '');
    if (parts.length > max) throw badRequest(`Parameter ${name} takes at most ${max} ids`);
    if (!parts.every((part) => /^\d+$/.test(part)))
      throw badRequest(`Parameter ${name} must be comma-separated integers`);
    return parts.map(Number);
  }

  /** A comma-separated list of strings. */
  list(name: string): string[] | undefined {
    return this.string(name)
      ?.split(',')
      .map((part) => part.trim())
      .filter((part) => part !== '');
  }

  /** Page size: default `fallback`, 1…max. */
  limit(max: number, fallback: number): number {
    const limit = this.int('limit') ?? fallback;
    if (limit < 1 || limit > max) throw badRequest(`Parameter limit must be between 1 and ${max}`);
    return limit;
  }

  /** v1 offset. */
  start(): number {
    const start = this.int('start') ?? 0;
    if (start < 0) throw badRequest('Parameter start must not be negative');
    return start;
  }
}
