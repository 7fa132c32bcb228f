/**
 * Source persons sharing one primary e-mail become one HubSpot contact (HubSpot keeps e-mails unique):
 * the oldest person wins, the others are merged into it. Pure.
 */

export interface PersonInput {
  sourceId: string;
  /** The primary e-mail as the mapper wrote it into `properties.email`, or null. */
  email: string | null;
  /** When the person was created at the source (ISO 8601): the oldest of a group wins. */
  sourceCreatedAt: string;
  properties: Record<string, string>;
}

export interface PersonGroup {
  /** The person whose record becomes the contact. */
  winner: PersonInput;
  /** Persons sharing the winner's e-mail, merged into its contact. */
  merged: PersonInput[];
}

/** HubSpot compares e-mails without case; surrounding spaces are never part of one. */
export const emailKey = (email: string): string => email.trim().toLowerCase();

/** Oldest first; the same instant goes to the lower source id (numeric when both are numbers). */
function olderFirst(a: PersonInput, b: PersonInput): number {
  const byDate = Date.parse(a.sourceCreatedAt) - Date.parse(b.sourceCreatedAt);
  if (byDate !== 0 && !Number.isNaN(byDate)) return byDate;
  const [x, y] = [Number(a.sourceId), Number(b.sourceId)];
  if (Number.isFinite(x) && Number.isFinite(y) && x !== y) return x - y;
  return a.sourceId < b.sourceId ? -1 : a.sourceId > b.sourceId ? 1 : 0;
}

/** One group per e-mail (persons without one stand alone), in the order of each group's first person. */
export function groupPersonsByEmail(persons: readonly PersonInput[]): PersonGroup[] {
  const groups = new Map<string, PersonInput[]>();
  for (const person of persons) {
    const key = person.email && person.email.trim() !== '' ? `e:${emailKey(person.email)}` : `s:${person.sourceId}`;
    const group = groups.get(key);
    if (group) group.push(person);
    else groups.set(key, [person]);
  }
  return [...groups.values()].map((members) => {
    const [winner, ...merged] = [...members].sort(olderFirst);
    return { winner: winner as PersonInput, merged };
  });
}
