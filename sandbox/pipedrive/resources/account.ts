/** v1 account endpoints: users, the current user, user settings, currencies, activity types. */
import { callerOf } from '../http/context.js';
import { ok } from '../http/envelope.js';
import { notFound } from '../http/errors.js';
import { QueryParams } from '../http/params.js';
import type { RouteRegistry } from '../http/routes.js';
import type { UserRecord } from '../store/types.js';
import { idParam, type ResourceContext } from './context.js';

export function renderUser(user: UserRecord, callerId: number): Record<string, unknown> {
  return {
    id: user.id,
    name: user.name,
    default_currency: user.default_currency,
    locale: user.locale,
    lang: user.lang,
    email: user.email,
    phone: user.phone,
    activated: user.activated,
    last_login: user.last_login,
    created: user.created,
    modified: user.modified,
    has_created_company: user.has_created_company,
    access: [
      { app: 'sales', admin: user.is_admin, permission_set_id: user.is_admin ? 'admin-set' : 'regular-set' },
      { app: 'global', admin: user.is_admin, permission_set_id: user.is_admin ? 'global-admin' : 'global-user' },
    ],
    active_flag: user.active_flag,
    timezone_name: user.timezone_name,
    timezone_offset: user.timezone_offset,
    role_id: user.role_id,
    icon_url: user.icon_url,
    is_you: user.id === callerId,
    is_deleted: user.is_deleted,
  };
}

export function registerAccount(routes: RouteRegistry, context: ResourceContext): void {
  const { store } = context;
  routes.add({
    method: 'get',
    path: '/v1/users',
    operationId: 'getUsers',
    spec: 'v1',
    cost: 20,
    handler: (_req, res) => {
      const caller = callerOf(res);
      res.json(ok(store.users.map((user) => renderUser(user, caller.userId))));
    },
  });
  routes.add({
    method: 'get',
    path: '/v1/users/me',
    operationId: 'getCurrentUser',
    spec: 'v1',
    cost: 2,
    handler: (_req, res) => {
      const caller = callerOf(res);
      const user = store.user(caller.userId);
      if (!user) throw notFound('User');
      const [language, country] = user.locale.split('_');
      res.json(
        ok({
          ...renderUser(user, caller.userId),
          company_id: store.company.id,
          company_name: store.company.name,
          company_domain: store.company.domain,
          company_country: store.company.country,
          company_industry: store.company.industry,
          language: { language_code: language ?? 'en', country_code: country ?? 'US' },
        }),
      );
    },
  });
  routes.add({
    method: 'get',
    path: '/v1/users/:id',
    operationId: 'getUser',
    spec: 'v1',
    cost: 2,
    handler: (req, res) => {
      const user = store.user(idParam(req));
      if (!user) throw notFound('User');
      res.json(ok(renderUser(user, callerOf(res).userId)));
    },
  });
  routes.add({
    method: 'get',
    path: '/v1/userSettings',
    operationId: 'getUserSettings',
    spec: 'v1',
    cost: 2,
    handler: (_req, res) => {
      res.json(
        ok({
          marketplace_team: false,
          list_limit: 100,
          beta_app: false,
          prevent_salesphone_callto_override: false,
          file_upload_destination: 's3',
          callto_link_syntax: 'callto:[number]',
          autofill_deal_expected_close_date: false,
          person_duplicate_condition: 'email_or_name',
        }),
      );
    },
  });
  routes.add({
    method: 'get',
    path: '/v1/currencies',
    operationId: 'getCurrencies',
    spec: 'v1',
    cost: 20,
    handler: (req, res) => {
      const term = new QueryParams(req.query).string('term')?.toLowerCase();
      const currencies = term
        ? store.currencies.filter((currency) => `${currency.code} ${currency.name}`.toLowerCase().includes(term))
        : store.currencies;
      res.json(ok(currencies));
    },
  });
  routes.add({
    method: 'get',
    path: '/v1/activityTypes',
    operationId: 'getActivityTypes',
    spec: 'v1',
    cost: 20,
    handler: (_req, res) => {
      res.json(ok(store.activityTypes));
    },
  });
}
