import type { HubSpotInputError } from '../../hubspot/hubspot-errors.js';
import type { SetupItem } from './setup-items.js';

/** What the user can do about a HubSpot refusal, by HubSpot's error category. */
export function hintFor(item: SetupItem, error: HubSpotInputError | null, status: number | null): string {
  const what = item.itemType.replace(/_/g, ' ');
  switch (error?.category) {
    case 'VALIDATION_ERROR':
      return `HubSpot refused this ${what} as defined. Check its label, options or value in the settings (or HubSpot's limits for this account), then run setup again.`;
    case 'OBJECT_ALREADY_EXISTS':
    case 'CONFLICT':
      return `HubSpot already has a ${what} that clashes with this one. Rename or remove it in HubSpot, then run setup again.`;
    case 'RATE_LIMITS':
      return 'HubSpot’s API limit for this account is spent. Run setup again later; what is done is not created twice.';
    case 'MISSING_SCOPES':
      return 'The app lacks a HubSpot permission for this. Reinstall the app to grant it, then run setup again.';
    default:
      return status === null || status >= 500
        ? 'HubSpot could not be reached or failed. Run setup again; what is done is not created twice.'
        : `HubSpot refused this ${what}. Run setup again; if it fails again, contact support with this message.`;
  }
}
