/**
 * The limits tracking API (`GET /crm/v3/limits/pipelines`, `/custom-properties`, `/associations/labels`):
 * each limit of the portal's tier with its usage and percentage, in HubSpot's response shapes (limits
 * tracking guide). The same numbers refuse creates beyond them, so what the API says is what holds.
 */
import type { Express } from 'express';
import { validationError } from './errors.js';
import { OBJECT_TYPES, type ObjectType } from './object-types.js';
import type { Portal } from './portal.js';
import { portalOf } from './request-context.js';

const percentage = (usage: number, limit: number) => (limit === 0 ? 100 : Math.round((usage / limit) * 10_000) / 100);

const labelsOf = (type: ObjectType) => ({
  objectTypeId: type.objectTypeId,
  singularLabel: type.singular.replace(/_/g, ' '),
  pluralLabel: type.name.replace(/_/g, ' '),
});

const customProperties = (portal: Portal, type: ObjectType) =>
  portal.properties.list(type, false).filter((property) => !property.hubspotDefined).length;

const labelsBetween = (portal: Portal, from: ObjectType, to: ObjectType) =>
  portal.associationTypes.userLabels().filter((label) => label.from === from.name && label.to === to.name);

/** Refuses a custom property the tier has no room for. */
export function checkPropertyRoom(portal: Portal, type: ObjectType): void {
  const limit = portal.limits().customPropertiesPerObject;
  if (customProperties(portal, type) >= limit)
    throw validationError(`You have reached your limit of ${limit} custom properties for ${type.name}.`, {
      subCategory: 'PropertyValidationError.MAX_CUSTOM_PROPERTIES_EXCEEDED',
    });
}

/** Refuses a custom association label the tier has no room for. */
export function checkLabelRoom(portal: Portal, from: ObjectType, to: ObjectType): void {
  const limit = portal.limits().associationLabelsPerPair;
  if (labelsBetween(portal, from, to).length >= limit)
    throw validationError(
      `You have reached your limit of ${limit} association labels between ${from.name} and ${to.name}.`,
    );
}

export function registerLimitsRoutes(app: Express): void {
  app.get('/crm/v3/limits/pipelines', (_req, res) => {
    const portal = portalOf(res);
    // The sandbox keeps deal pipelines only; other objects have none in use.
    const limit = portal.pipelineLimit();
    const usage = portal.pipelines.list().length;
    res.json({
      hubspotDefinedObjectTypes: OBJECT_TYPES.filter((type) => type.name === 'deals').map((type) => ({
        ...labelsOf(type),
        limit,
        usage,
        percentage: percentage(usage, limit),
      })),
      customObjectTypes: { byObjectType: [], overallLimit: 0, overallUsage: 0, overallPercentage: 0 },
    });
  });

  app.get('/crm/v3/limits/custom-properties', (_req, res) => {
    const portal = portalOf(res);
    const limit = portal.limits().customPropertiesPerObject;
    const byObjectType = OBJECT_TYPES.map((type) => {
      const usage = customProperties(portal, type);
      return { ...labelsOf(type), limit, usage, percentage: percentage(usage, limit) };
    });
    const overallLimit = limit * byObjectType.length;
    const overallUsage = byObjectType.reduce((sum, entry) => sum + entry.usage, 0);
    res.json({ byObjectType, overallLimit, overallUsage, overallPercentage: percentage(overallUsage, overallLimit) });
  });

  app.get('/crm/v3/limits/associations/labels', (_req, res) => {
    const portal = portalOf(res);
    const limit = portal.limits().associationLabelsPerPair;
    // Every pair, so a client learns the limit of a pair before its first label.
    const results = OBJECT_TYPES.flatMap((from) =>
      OBJECT_TYPES.flatMap((to) => {
        const labels = labelsBetween(portal, from, to);
        return [
          {
            fromObjectType: labelsOf(from),
            toObjectType: labelsOf(to),
            limit,
            usage: labels.length,
            percentage: percentage(labels.length, limit),
            allLabels: labels.map((label) => label.label ?? label.name),
          },
        ];
      }),
    );
    res.json({ results });
  });
}
