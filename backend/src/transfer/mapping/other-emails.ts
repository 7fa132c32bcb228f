/**
 * Where a person's other e-mail addresses go (the primary one is the contact's `email`). HubSpot takes
 * them as secondary e-mails only through an API of one call per address (`hs_additional_emails` is
 * read-only), which would be most of a large transfer's calls. So by default they go, `;`-separated as
 * HubSpot lists its own, into a text property setup creates in the row's group, written in the same
 * upsert as the rest of the contact; the `addSecondaryEmails` setting chooses the secondary-email API
 * instead (sync/secondary-emails.ts). Setup and the record mapper both ask here, so they never disagree.
 */
import type { AuditField, TransferSettings } from '../../../../shared/src/contracts/index.js';
import { otherEmailsProperty } from './lineage.js';
import type { PlannedObject } from './mapping-plan.js';

export type OtherEmailsTarget =
  | { kind: 'secondary_emails' }
  | { kind: 'property'; name: string }
  /** Contact properties are turned off: setup creates no property for them. */
  | { kind: 'none' };

/** The field whose values beyond the primary are other addresses (the plan names HubSpot's own property as its target). */
export const holdsOtherEmails = (field: AuditField): boolean =>
  field.targets.some((target) => target.name === 'hs_additional_emails');

export function otherEmailsTarget(
  settings: Pick<TransferSettings, 'addSecondaryEmails' | 'dataTypes'>,
  row: Pick<PlannedObject, 'propertyGroup'>,
): OtherEmailsTarget {
  if (settings.addSecondaryEmails) return { kind: 'secondary_emails' };
  if (settings.dataTypes.contact_properties === false) return { kind: 'none' };
  return { kind: 'property', name: otherEmailsProperty(row) };
}

/** The property's value: HubSpot's own list format. */
export const otherEmailsValue = (emails: readonly string[]): string => emails.join(';');

/** Several such values as one: each address once (case aside), in order, never the contact's primary address. */
export function otherEmailsUnion(values: readonly (string | null | undefined)[], primary: string | null): string {
  const seen = new Set(primary === null ? [] : [primary.trim().toLowerCase()]);
  const kept: string[] = [];
  for (const value of values)
    for (const part of (value ?? '').split(';')) {
      const address = part.trim();
      if (address === '' || seen.has(address.toLowerCase())) continue;
      seen.add(address.toLowerCase());
      kept.push(address);
    }
  return otherEmailsValue(kept);
}
