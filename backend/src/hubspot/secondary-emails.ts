import type { HubSpotJson } from './hubspot-json.js';

/**
 * A contact's secondary e-mail addresses: HubSpot documents only the contacts v1 API for them, one address
 * per call (https://developers.hubspot.com/docs/api-reference/legacy/crm/objects/contacts/v1/put-contacts-v1-secondary-email-vid-email-email);
 * `hs_additional_emails` is read-only and lists them.
 */
export function secondaryEmailsApi(json: HubSpotJson) {
  return {
    /** Adds one address (adding one the contact has changes nothing); the contact's list after it. */
    async add(contactId: string, email: string): Promise<string[]> {
      const answer = (await json(
        'PUT',
        `/contacts/v1/secondary-email/${encodeURIComponent(contactId)}/email/${encodeURIComponent(email)}`,
      )) as { secondaryEmails?: string[] } | null;
      return answer?.secondaryEmails ?? [];
    },
  };
}
