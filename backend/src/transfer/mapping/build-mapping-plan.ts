import type { SourceId } from '../../../../shared/src/contracts/index.js';
import type { HubSpotOwner } from '../../hubspot/hubspot-api.js';
import type { SourceCatalog, SourceUser } from '../../sources/connector.js';
import type { SourceMappingRules } from '../../sources/mapping-rules.js';
import { mapCatalog } from './map-catalog.js';
import type { MappingPlan } from './mapping-plan.js';
import type { PortalProperties } from './portal-properties.js';

/** Source users matched to HubSpot owners by email (case-insensitive). */
function matchOwners(users: readonly SourceUser[], owners: readonly HubSpotOwner[]): MappingPlan['owners'] {
  const ownersByEmail = new Map(
    owners.filter((owner) => owner.email).map((owner) => [owner.email?.toLowerCase(), owner]),
  );
  return users.map((user) => {
    const owner = user.email ? ownersByEmail.get(user.email.toLowerCase()) : undefined;
    const ownerName = [owner?.firstName, owner?.lastName].filter(Boolean).join(' ');
    return { ...user, hubspotOwnerId: owner?.id ?? null, hubspotOwnerName: ownerName || null };
  });
}

/** The mapping plan of one audit: the source's rules applied to its catalog, against the portal as it is now. */
export function buildMappingPlan(input: {
  source: SourceId;
  rules: SourceMappingRules;
  catalog: SourceCatalog;
  owners: readonly HubSpotOwner[];
  portal: PortalProperties;
}): MappingPlan {
  return {
    source: input.source,
    ...mapCatalog(input.rules, input.catalog, input.portal),
    owners: matchOwners(input.catalog.users, input.owners),
    includeArchivedDeals: true,
  };
}
