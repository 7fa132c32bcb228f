import type { AuditResult, SourceId } from '../../../../shared/src/contracts/index.js';
import { type Db, withTransaction } from '../../db/pool.js';
import { auditsRepository } from '../../db/repositories/audits.repository.js';
import { mappingPlansRepository } from '../../db/repositories/mapping-plans.repository.js';
import type { HubSpotPortalApi } from '../../hubspot/hubspot-api.js';
import type { CountState, SourceAccess, SourceCatalog } from '../../sources/connector.js';
import type { SourceMappingRules } from '../../sources/mapping-rules.js';
import { buildMappingPlan } from '../mapping/build-mapping-plan.js';
import { readPortalProperties } from '../mapping/portal-properties.js';
import { buildAuditResult } from './build-audit-result.js';

/**
 * The audit's last step: reads the portal's side once (owners, currencies, live properties), builds the
 * mapping plan and the result, and saves both in one transaction, so no audit exists without its plan.
 */
export async function recordAudit(
  deps: { db: Db; hubspot: HubSpotPortalApi },
  audit: {
    id: string;
    portalId: number;
    connectionId: string;
    source: SourceId;
    rules: SourceMappingRules;
    catalog: SourceCatalog;
    access: SourceAccess & { scopes: readonly string[] };
    counts: Record<string, CountState>;
    usage: AuditResult['usage'];
  },
): Promise<AuditResult> {
  const [owners, currencies, portal] = await Promise.all([
    deps.hubspot.owners(),
    deps.hubspot.accountCurrencies(),
    readPortalProperties(
      deps.hubspot,
      audit.rules.objects.map((row) => row.hubspotObject),
    ),
  ]);
  const plan = buildMappingPlan({ source: audit.source, rules: audit.rules, catalog: audit.catalog, owners, portal });
  const result = buildAuditResult({
    plan,
    rules: audit.rules,
    access: audit.access,
    catalog: audit.catalog,
    counts: audit.counts,
    currencies,
    usage: audit.usage,
  });
  await withTransaction(deps.db, async (tx) => {
    await auditsRepository.save(tx, {
      id: audit.id,
      portalId: audit.portalId,
      connectionId: audit.connectionId,
      result,
    });
    await mappingPlansRepository.save(tx, {
      auditId: audit.id,
      portalId: audit.portalId,
      connectionId: audit.connectionId,
      plan,
    });
  });
  return result;
}
