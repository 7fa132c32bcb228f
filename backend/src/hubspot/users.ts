import type { HubSpotJson } from './hubspot-json.js';

export interface HubSpotUser {
  id: string;
  email: string;
}

/** Users v3: creating a user invites them (HubSpot sends the e-mail; it may use a paid seat). */
export function usersApi(json: HubSpotJson) {
  return {
    async invite(user: { email: string; firstName?: string; lastName?: string }): Promise<HubSpotUser> {
      return (await json('POST', '/settings/v3/users', { ...user, sendWelcomeEmail: true })) as HubSpotUser;
    },
  };
}
