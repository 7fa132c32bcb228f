import { type LabelledItem, labelledItems } from './source-values.js';

/** What HubSpot's e-mail validation takes: one address, no spaces, a dot in the domain. */
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;

/** Primary first, then in source order. */
const primaryFirst = (items: LabelledItem[]): LabelledItem[] => [
  ...items.filter((item) => item.primary),
  ...items.filter((item) => !item.primary),
];

export interface Emails {
  primary: string | null;
  /** Every other valid address, without repeats. */
  others: string[];
  /** Values that are not an e-mail address HubSpot would take (kept out, shown in the preview). */
  invalid: string[];
}

/** E-mails trimmed and lower-cased, the primary first, repeats dropped, invalid ones set apart. */
export function emailsOf(value: unknown): Emails {
  const seen = new Set<string>();
  const valid: string[] = [];
  const invalid: string[] = [];
  for (const item of primaryFirst(labelledItems(value))) {
    const address = item.value.trim().toLowerCase();
    if (!EMAIL.test(address)) invalid.push(item.value);
    else if (!seen.has(address)) {
      seen.add(address);
      valid.push(address);
    }
  }
  return { primary: valid[0] ?? null, others: valid.slice(1), invalid };
}

export interface Phones {
  primary: string | null;
  mobile: string | null;
  /** Every other number as "label: number", one per line. */
  others: string | null;
}

/** The primary number, the first other mobile number, and the rest with their labels. */
export function phonesOf(value: unknown): Phones {
  const [primary, ...rest] = primaryFirst(labelledItems(value));
  const mobileAt = rest.findIndex((item) => item.label?.toLowerCase() === 'mobile');
  const mobile = mobileAt >= 0 ? rest[mobileAt] : undefined;
  const others = rest.filter((_, index) => index !== mobileAt);
  return {
    primary: primary?.value ?? null,
    mobile: mobile?.value ?? null,
    others:
      others.length > 0
        ? others.map((item) => (item.label ? `${item.label}: ${item.value}` : item.value)).join('\n')
        : null,
  };
}

/** A website's host without `www.`, as HubSpot keys companies by it. */
export function domainOf(website: string): string | null {
  const text = website.trim();
  try {
    const host = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`).hostname.toLowerCase();
    return host.includes('.') ? host.replace(/^www\./, '') : null;
  } catch {
    return null;
  }
}
