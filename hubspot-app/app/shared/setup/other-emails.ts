/**
 * What the choice about a person's other e-mail addresses costs, in the Configure step and the review.
 * HubSpot's limit for an app is 110 calls per 10 seconds per account: 1,000 calls take about 1½ minutes.
 */
export const SECONDARY_EMAILS_COST =
  'One HubSpot call per address, after the contacts are written: about 1½ minutes more per 1,000 addresses at HubSpot’s limit. Off: they are kept in the contact property “Other e-mails”, with no extra calls.';

/** The review's line for the choice. */
export const otherEmailsLine = (addSecondaryEmails: boolean): string =>
  addSecondaryEmails
    ? `Other e-mail addresses become HubSpot secondary e-mails: one HubSpot call per address, about 1½ minutes more per 1,000 addresses.`
    : 'Other e-mail addresses are kept in the contact property “Other e-mails”, written with the contact (no extra calls).';
