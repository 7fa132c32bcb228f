/**
 * What the HubSpot writers report per source record, for the sync to commit: id-map and ledger rows for
 * the written ones, a record error for the others. The writers never touch Postgres.
 */
import type { HubSpotInputError } from '../../hubspot/hubspot-errors.js';

/** Why one source record (or association) did not reach HubSpot, as the user sees it in the errors list. */
export interface RecordError {
  sourceId: string;
  /** HubSpot's category (VALIDATION_ERROR, OBJECT_ALREADY_EXISTS, …) or ours (MISSING_END, NO_RESULT). */
  category: string;
  /** HubSpot's finer code when it gave one (INVALID_EMAIL, INVALID_OPTION, …). */
  code: string | null;
  message: string;
  /** What the user can do about it. */
  hint: string;
  context: Record<string, string[]>;
}

export type WriteOutcome =
  | { sourceId: string; outcome: 'created' | 'updated'; hubspotId: string }
  | { sourceId: string; outcome: 'failed'; error: RecordError };

const HINTS: Record<string, string> = {
  INVALID_EMAIL: 'Correct the e-mail address in the source record, then retry the failed records.',
  INVALID_OPTION: 'Add the value as an option of the HubSpot property (or change it at the source), then retry.',
  INVALID_DATE: 'The date must be a whole day; check the field mapping of this property.',
  INVALID_INTEGER: 'The value must be a number; correct it at the source or change the field mapping.',
  PROPERTY_DOESNT_EXIST: 'The HubSpot property was deleted after setup; run the setup again.',
  READ_ONLY_VALUE: 'HubSpot does not let apps set this property; remove it from the field mapping.',
  REQUIRED_PROPERTY: 'Fill the required field at the source, then retry the failed records.',
  OBJECT_ALREADY_EXISTS: 'Another HubSpot record already holds this unique value; merge or correct one of them.',
  OBJECT_NOT_FOUND: 'The HubSpot record was deleted while the sync ran; retry the failed records.',
};

const DEFAULT_HINT = "Check HubSpot's message, correct the source record, then retry the failed records.";

/** The code that names the problem: the first detail's code, else the category. */
function codeOf(error: HubSpotInputError): string | null {
  return error.details.find((detail) => detail.code)?.code ?? null;
}

export function recordError(sourceId: string, error: HubSpotInputError): RecordError {
  const code = codeOf(error);
  return {
    sourceId,
    category: error.category,
    code,
    message: error.message,
    hint: HINTS[code ?? ''] ?? HINTS[error.category] ?? DEFAULT_HINT,
    context: error.context,
  };
}

/** A failure the writer itself found (no HubSpot error body to quote). */
export function ownError(sourceId: string, category: string, message: string, hint: string): RecordError {
  return { sourceId, category, code: null, message, hint, context: {} };
}
