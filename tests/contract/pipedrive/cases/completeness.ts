/**
 * Contract cases for what an audit of the whole account reads: leads, lead labels, the archived
 * side of the deal split, deals with include_fields counts, lists that return soft-deleted rows
 * (`listDeleted`), and the answers a non-admin or reduced-scope OAuth connection gets.
 */
import { v1, v2 } from 'pipedrive';
import { type CallResult, type ContractCase, type ContractContext, viaClient, viaHttp } from '../support/harness.js';
import { authorizationCode, oauthClient } from './oauth.js';

const v1op = (operationId: string) => ({ spec: 'v1' as const, operationId });
const v2op = (operationId: string) => ({ spec: 'v2' as const, operationId });

/** Runs a call with soft-deleted rows listed, then switches the option back. */
async function withDeletedListed(c: ContractContext, call: () => Promise<CallResult>): Promise<CallResult> {
  c.state.configure({ listDeleted: true });
  try {
    return await call();
  } finally {
    c.state.configure({ listDeleted: false });
  }
}

/** An OAuth access token granted with the given app scopes. */
async function tokenWithScope(c: ContractContext, scope: string): Promise<string> {
  const previous = c.state.settings().scope;
  c.state.configure({ scope });
  try {
    const oauth = oauthClient(c);
    const tokens = await oauth.authorize(await authorizationCode(c));
    return tokens.access_token;
  } finally {
    c.state.configure({ scope: previous });
  }
}

function expectGatewayError(status: number, error: string): (result: CallResult) => void {
  return (result) => {
    const body = result.body as { success?: unknown; error?: unknown; errorCode?: unknown };
    if (result.status !== status || body.success !== false || body.error !== error || body.errorCode !== status) {
      throw new Error(`expected ${status} "${error}", got ${result.status} ${JSON.stringify(result.body)}`);
    }
  };
}

export function completenessCases(): ContractCase[] {
  return [
    {
      title: 'getLeads',
      target: v1op('getLeads'),
      run: (c) => viaClient(c, () => new v1.LeadsApi(c.v1).getLeads({ limit: 100, sort: 'update_time' })),
    },
    {
      title: 'getLeads (updated_since, person)',
      target: v1op('getLeads'),
      run: (c) =>
        viaClient(c, () =>
          new v1.LeadsApi(c.v1).getLeads({ updated_since: '2025-01-01T00:00:00Z', person_id: c.fixtures.personId }),
        ),
    },
    {
      title: 'getArchivedLeads',
      target: v1op('getArchivedLeads'),
      run: (c) => viaClient(c, () => new v1.LeadsApi(c.v1).getArchivedLeads({ limit: 100 })),
    },
    {
      title: 'getLead',
      target: v1op('getLead'),
      run: (c) => viaClient(c, () => new v1.LeadsApi(c.v1).getLead({ id: c.fixtures.leadId })),
    },
    {
      title: 'getLead (unknown: 404)',
      target: v1op('getLead'),
      run: (c) => viaHttp(c, 'GET', '/v1/leads/00000000-0000-4000-a000-000000000000'),
    },
    {
      title: 'getLeadLabels',
      target: v1op('getLeadLabels'),
      run: (c) => viaClient(c, () => new v1.LeadLabelsApi(c.v1).getLeadLabels()),
    },
    {
      title: 'getArchivedDealsSummary',
      target: v1op('getArchivedDealsSummary'),
      run: (c) => viaClient(c, () => new v1.DealsApi(c.v1).getArchivedDealsSummary({ status: 'won' })),
    },
    {
      title: 'getDeals (include_fields counts)',
      target: v2op('getDeals'),
      run: (c) =>
        viaHttp(
          c,
          'GET',
          '/api/v2/deals?limit=100&include_fields=products_count,participants_count,files_count,notes_count,activities_count,done_activities_count,undone_activities_count,first_won_time',
        ),
    },
    {
      title: 'getArchivedDeals (include_fields, status lost)',
      target: v2op('getArchivedDeals'),
      run: (c) => viaHttp(c, 'GET', '/api/v2/deals/archived?status=lost&include_fields=products_count,files_count'),
    },
    {
      title: 'getPersons (listDeleted)',
      target: v2op('getPersons'),
      run: (c) => withDeletedListed(c, () => viaClient(c, () => new v2.PersonsApi(c.v2).getPersons({ limit: 500 }))),
    },
    {
      title: 'getActivities (listDeleted)',
      target: v2op('getActivities'),
      run: (c) =>
        withDeletedListed(c, () => viaClient(c, () => new v2.ActivitiesApi(c.v2).getActivities({ limit: 500 }))),
    },
    {
      title: 'getNotes (listDeleted)',
      target: v1op('getNotes'),
      run: (c) => withDeletedListed(c, () => viaClient(c, () => new v1.NotesApi(c.v1).getNotes({ limit: 500 }))),
    },
    {
      title: 'getFiles (listDeleted)',
      target: v1op('getFiles'),
      run: (c) => withDeletedListed(c, () => viaClient(c, () => new v1.FilesApi(c.v1).getFiles({ limit: 100 }))),
    },
    {
      title: 'getDeals (OAuth without deals scope: 403 Scope and URL mismatch)',
      target: { route: 'GET /api/v2/deals', check: expectGatewayError(403, 'Scope and URL mismatch') },
      run: async (c) =>
        viaHttp(c, 'GET', '/api/v2/deals', {
          auth: false,
          headers: { authorization: `Bearer ${await tokenWithScope(c, 'base,contacts:read')}` },
        }),
    },
    {
      title: 'getPersons (OAuth with contacts:read only: 200)',
      target: v2op('getPersons'),
      run: async (c) =>
        viaHttp(c, 'GET', '/api/v2/persons?limit=10', {
          auth: false,
          headers: { authorization: `Bearer ${await tokenWithScope(c, 'base,contacts:read')}` },
        }),
    },
    {
      title: 'getCurrentUser (deactivated user: 401)',
      target: { route: 'GET /v1/users/me', check: expectGatewayError(401, 'unauthorized access') },
      run: async (c) => {
        const user = c.state.store.users.find((candidate) => !candidate.active_flag && !candidate.is_deleted);
        if (!user) throw new Error('the generated account has no deactivated user');
        return viaHttp(c, 'GET', '/v1/users/me', {
          auth: false,
          headers: { 'x-api-token': c.state.apiToken(user.id) },
        });
      },
    },
  ];
}
