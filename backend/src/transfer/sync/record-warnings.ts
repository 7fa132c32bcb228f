/**
 * Record warnings: a source record was written, but one of its values could not be held whole (text cut
 * at HubSpot's limit, an e-mail address HubSpot refuses left out). They are stored beside the record
 * errors with `severity: warning`, so the user sees them in the errors list and CSV, told apart from
 * failures, and they never count as failed.
 */
import type { RecordError as StoredError } from '../../db/repositories/record-errors.repository.js';

export interface RecordWarning {
  sourceId: string;
  /** VALUE_CUT, VALUE_LEFT_OUT. */
  code: string;
  /** The HubSpot property the value was meant for, when there is one. */
  property: string | null;
  message: string;
  hint: string;
}

export const WARNING_CATEGORY = 'WARNING';

/** The warnings of the records HubSpot took (a failed record's failure is what the user must see). */
export function warningRows(
  warnings: readonly RecordWarning[],
  written: ReadonlySet<string>,
): Omit<StoredError, 'object'>[] {
  return warnings
    .filter((warning) => written.has(warning.sourceId))
    .map((warning) => ({
      sourceId: warning.sourceId,
      code: warning.code,
      message: warning.message,
      context: {
        severity: 'warning',
        category: WARNING_CATEGORY,
        hint: warning.hint,
        ...(warning.property === null ? {} : { property: warning.property }),
      },
    }));
}
