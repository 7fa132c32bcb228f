/** Finding records by id or by an `idProperty`, with HubSpot's not-found and non-unique errors. */
import { apiError, validationError } from '../errors.js';
import type { ObjectType } from '../object-types.js';
import type { Portal } from '../portal.js';
import type { CrmRecord } from './store.js';

export function objectNotFound(id: string) {
  return apiError(404, {
    category: 'OBJECT_NOT_FOUND',
    message: 'Object not found.  objectId are usually numeric.',
    context: { id: [id] },
  });
}

/**
 * Checks that `idProperty` identifies records: HubSpot refuses non-unique properties
 * ("Unable to perform update/upsert by non-unique 0-2 property hs_object_id in portal ID N",
 * segmentio/action-destinations#3957). `email` identifies contacts except in batch update
 * (HubSpot/hubspot-api-nodejs#548).
 */
export function checkIdProperty(portal: Portal, type: ObjectType, idProperty: string, allowEmail: boolean): void {
  const property = portal.properties.live(type, idProperty);
  const isEmail = idProperty === type.builtInUniqueProperty;
  if (property?.hasUniqueValue || (isEmail && allowEmail)) return;
  if (!property)
    throw validationError(`Property "${idProperty}" does not exist`, { context: { idProperty: [idProperty] } });
  throw validationError(
    `Unable to perform update/upsert by non-unique ${type.objectTypeId} property ${idProperty} in portal ID ${portal.id}`,
  );
}

/** A record by id, or by a unique `idProperty` value; archived ones only when asked. */
export function findRecord(
  portal: Portal,
  type: ObjectType,
  id: string,
  idProperty: string | undefined,
  archived = false,
): CrmRecord | undefined {
  if (idProperty === undefined || idProperty === 'hs_object_id') {
    const record = portal.records.get(type, id);
    return record && record.archived === archived ? record : undefined;
  }
  checkIdProperty(portal, type, idProperty, true);
  if (archived) return portal.records.archived(type).find((r) => r.properties[idProperty] === id);
  return portal.records.findUnique(type, idProperty, id);
}
