/** Pieces of v2 request bodies, as strict as v2 is: real booleans and numbers, RFC 3339 times. */
import { z } from 'zod';
import { isDate, isTimeOfDay, parseRfc3339 } from '../http/time.js';
import type { Address, Contact } from '../store/types.js';

export const id = z.number().int().positive();
export const visibleTo = z.union([z.literal(1), z.literal(3), z.literal(5), z.literal(7)]);
export const labelIds = z.array(z.number().int());
export const customFields = z.record(z.string(), z.unknown());
export const instant = z.string().refine((value) => parseRfc3339(value) !== undefined, 'must be an RFC 3339 date-time');
export const date = z.string().refine(isDate, 'must be a YYYY-MM-DD date');
export const timeOfDay = z.string().refine(isTimeOfDay, 'must be HH:MM or HH:MM:SS');

const contact = z.object({ value: z.string(), primary: z.boolean().optional(), label: z.string().optional() });
export const contacts = z.array(contact);

export const address = z.object({
  value: z.string(),
  country: z.string().optional(),
  admin_area_level_1: z.string().optional(),
  admin_area_level_2: z.string().optional(),
  locality: z.string().optional(),
  sublocality: z.string().optional(),
  route: z.string().optional(),
  street_number: z.string().optional(),
  subpremise: z.string().optional(),
  postal_code: z.string().optional(),
});

/** Contacts as stored: label defaults to "work", and without a primary the first one is primary. */
export function toContacts(input: z.infer<typeof contacts> | undefined): Contact[] {
  const items = input ?? [];
  const hasPrimary = items.some((item) => item.primary === true);
  return items.map((item, index) => ({
    value: item.value,
    primary: item.primary ?? (!hasPrimary && index === 0),
    label: item.label ?? 'work',
  }));
}

/** Subfields left out of an address become null. */
export function toAddress(input: z.infer<typeof address> | null | undefined): Address | null {
  if (!input) return null;
  return {
    value: input.value,
    street_number: input.street_number ?? null,
    route: input.route ?? null,
    sublocality: input.sublocality ?? null,
    locality: input.locality ?? null,
    admin_area_level_1: input.admin_area_level_1 ?? null,
    admin_area_level_2: input.admin_area_level_2 ?? null,
    country: input.country ?? null,
    postal_code: input.postal_code ?? null,
    formatted_address: input.value,
    subpremise: input.subpremise ?? null,
  };
}

/** The address as v2 returns it on persons, organizations and activities (no formatted_address). */
export function renderAddress(value: Address | null): Record<string, string | null> | null {
  if (!value) return null;
  return {
    value: value.value,
    country: value.country,
    admin_area_level_1: value.admin_area_level_1,
    admin_area_level_2: value.admin_area_level_2,
    locality: value.locality,
    sublocality: value.sublocality,
    route: value.route,
    street_number: value.street_number,
    subpremise: value.subpremise ?? null,
    postal_code: value.postal_code,
  };
}

/** Drops keys whose value is undefined, so a PATCH changes only what it names. */
export function defined<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<T>;
}
