/** Contract cases for the v1 endpoints (what v2 lacks), called through the official client. */
import { v1 } from 'pipedrive';
import { type ContractCase, viaClient, viaHttp } from '../support/harness.js';

const op = (operationId: string) => ({ spec: 'v1' as const, operationId });

export function v1Cases(): ContractCase[] {
  return [
    { title: 'getUsers', target: op('getUsers'), run: (c) => viaClient(c, () => new v1.UsersApi(c.v1).getUsers()) },
    {
      title: 'getCurrentUser',
      target: op('getCurrentUser'),
      run: (c) => viaClient(c, () => new v1.UsersApi(c.v1).getCurrentUser()),
    },
    {
      title: 'getCurrentUser (no token: 401)',
      target: op('getCurrentUser'),
      run: (c) => viaHttp(c, 'GET', '/v1/users/me', { auth: false }),
    },
    {
      title: 'getUser',
      target: op('getUser'),
      run: (c) => viaClient(c, () => new v1.UsersApi(c.v1).getUser({ id: c.fixtures.userId })),
    },
    {
      title: 'getUser (unknown: 404)',
      target: op('getUser'),
      run: (c) => viaClient(c, () => new v1.UsersApi(c.v1).getUser({ id: 999_999 })),
    },
    {
      title: 'getUserSettings',
      target: op('getUserSettings'),
      run: (c) => viaClient(c, () => new v1.UserSettingsApi(c.v1).getUserSettings()),
    },
    {
      title: 'getCurrencies',
      target: op('getCurrencies'),
      run: (c) => viaClient(c, () => new v1.CurrenciesApi(c.v1).getCurrencies()),
    },
    {
      title: 'getCurrencies (term)',
      target: op('getCurrencies'),
      run: (c) => viaClient(c, () => new v1.CurrenciesApi(c.v1).getCurrencies({ term: 'eur' })),
    },
    {
      title: 'getActivityTypes',
      target: op('getActivityTypes'),
      run: (c) => viaClient(c, () => new v1.ActivityTypesApi(c.v1).getActivityTypes()),
    },
    {
      title: 'getNotes',
      target: op('getNotes'),
      run: (c) => viaClient(c, () => new v1.NotesApi(c.v1).getNotes({ limit: 100, sort: 'update_time DESC' })),
    },
    {
      title: 'getNote',
      target: op('getNote'),
      run: (c) => viaClient(c, () => new v1.NotesApi(c.v1).getNote({ id: c.fixtures.noteId })),
    },
    {
      title: 'addNote',
      target: op('addNote'),
      run: (c) =>
        viaClient(c, () =>
          new v1.NotesApi(c.v1).addNote({
            AddNoteRequest: { content: '<p>Contract <b>note</b></p>', deal_id: c.fixtures.dealId },
          }),
        ),
    },
    {
      title: 'getNoteFields',
      target: op('getNoteFields'),
      run: (c) => viaClient(c, () => new v1.NoteFieldsApi(c.v1).getNoteFields()),
    },
    {
      title: 'getFiles',
      target: op('getFiles'),
      run: (c) => viaClient(c, () => new v1.FilesApi(c.v1).getFiles({ limit: 100 })),
    },
    {
      title: 'getFile',
      target: op('getFile'),
      run: (c) => viaClient(c, () => new v1.FilesApi(c.v1).getFile({ id: c.fixtures.fileId })),
    },
    {
      title: 'downloadFile',
      target: op('downloadFile'),
      run: (c) => viaHttp(c, 'GET', `/v1/files/${c.fixtures.fileId}/download`),
    },
    {
      title: 'getFilters',
      target: op('getFilters'),
      run: (c) => viaClient(c, () => new v1.FiltersApi(c.v1).getFilters()),
    },
    {
      title: 'getFilters (type)',
      target: op('getFilters'),
      run: (c) => viaClient(c, () => new v1.FiltersApi(c.v1).getFilters({ type: 'deals' })),
    },
    {
      title: 'addFilter',
      target: op('addFilter'),
      run: (c) =>
        viaClient(c, () =>
          new v1.FiltersApi(c.v1).addFilter({
            AddFilterRequest: {
              name: 'Deals titled A…',
              type: 'deals',
              conditions: {
                glue: 'and',
                conditions: [
                  { glue: 'and', conditions: [{ object: 'deal', field_id: '1', operator: "LIKE '$%'", value: 'A' }] },
                  { glue: 'or', conditions: [] },
                ],
              },
            },
          }),
        ),
    },
    {
      title: 'getFilter',
      target: op('getFilter'),
      run: (c) => viaClient(c, () => new v1.FiltersApi(c.v1).getFilter({ id: c.fixtures.filterId })),
    },
    {
      title: 'getDealParticipants',
      target: op('getDealParticipants'),
      run: (c) =>
        viaClient(c, () => new v1.DealsApi(c.v1).getDealParticipants({ id: c.fixtures.dealWithParticipants })),
    },
    {
      title: 'getOrganizationRelationships',
      target: op('getOrganizationRelationships'),
      run: (c) =>
        viaClient(c, () =>
          new v1.OrganizationRelationshipsApi(c.v1).getOrganizationRelationships({
            org_id: c.fixtures.organizationWithRelationship,
          }),
        ),
    },
    {
      title: 'getOrganizationRelationship',
      target: op('getOrganizationRelationship'),
      run: (c) =>
        viaClient(c, () =>
          new v1.OrganizationRelationshipsApi(c.v1).getOrganizationRelationship({
            id: c.fixtures.relationshipId,
            org_id: c.fixtures.organizationWithRelationship,
          }),
        ),
    },
    {
      title: 'getDealsSummary',
      target: op('getDealsSummary'),
      run: (c) => viaClient(c, () => new v1.DealsApi(c.v1).getDealsSummary({ status: 'open' })),
    },
    {
      title: 'getWebhooks',
      target: op('getWebhooks'),
      run: (c) => viaClient(c, () => new v1.WebhooksApi(c.v1).getWebhooks()),
    },
    {
      title: 'getWebhooks (no token: 401)',
      target: op('getWebhooks'),
      run: (c) => viaHttp(c, 'GET', '/v1/webhooks', { auth: false }),
    },
    {
      title: 'addWebhook',
      target: op('addWebhook'),
      run: (c) =>
        viaClient(c, () =>
          new v1.WebhooksApi(c.v1).addWebhook({
            AddWebhookRequest: {
              subscription_url: 'http://127.0.0.1:9/hooks',
              event_action: 'create',
              event_object: 'deal',
              name: 'Contract hook',
              http_auth_user: 'u',
              http_auth_password: 'p',
            },
          }),
        ),
    },
    {
      title: 'addWebhook (bad URL: 400)',
      target: op('addWebhook'),
      run: (c) =>
        viaClient(c, () =>
          new v1.WebhooksApi(c.v1).addWebhook({
            AddWebhookRequest: { subscription_url: 'not a url', event_action: '*', event_object: '*', name: 'Bad' },
          }),
        ),
    },
    {
      title: 'deleteWebhook',
      target: op('deleteWebhook'),
      run: async (c) => {
        const created = await new v1.WebhooksApi(c.v1).addWebhook({
          AddWebhookRequest: {
            subscription_url: 'http://127.0.0.1:9/x',
            event_action: '*',
            event_object: '*',
            name: 'To delete',
          },
        });
        return viaClient(c, () => new v1.WebhooksApi(c.v1).deleteWebhook({ id: created.data?.id ?? 0 }));
      },
    },
    {
      title: 'deleteWebhook (unknown: 404)',
      target: op('deleteWebhook'),
      run: (c) => viaClient(c, () => new v1.WebhooksApi(c.v1).deleteWebhook({ id: 987_654 })),
    },
  ];
}
