/**
 * The official client's API objects for one Pipedrive account, all sending through one transport (so one
 * burst limiter and one usage counter per session). Base paths follow the client's own BASE_PATHs
 * (`https://api.pipedrive.com/api/v2`, `https://api.pipedrive.com/v1`) rebased onto the grant's
 * `api_domain`, as the client's OAuth2Configuration does for v2.
 */
import {
  ActivityTypesApi,
  Configuration as V1Configuration,
  CurrenciesApi,
  DealsApi as V1DealsApi,
  FilesApi,
  FiltersApi,
  LeadsApi,
  NoteFieldsApi,
  NotesApi,
  OrganizationRelationshipsApi,
  UsersApi,
} from 'pipedrive/v1';
import {
  ActivitiesApi,
  ActivityFieldsApi,
  Configuration as V2Configuration,
  DealFieldsApi,
  DealsApi,
  OrganizationFieldsApi,
  OrganizationsApi,
  PersonFieldsApi,
  PersonsApi,
  PipelinesApi,
  ProductFieldsApi,
  ProductsApi,
  StagesApi,
} from 'pipedrive/v2';
import type { AccessTokenProvider } from '../connector.js';
import type { PipedriveTransport } from './pipedrive-transport.js';

export function createPipedriveApis(input: {
  apiBaseUrl: string;
  accessToken: AccessTokenProvider;
  transport: PipedriveTransport;
}) {
  const root = input.apiBaseUrl.replace(/\/+$/, '');
  // The client asks for the token before every call, so a refresh between pages is picked up.
  const accessToken = () => input.accessToken();
  const baseOptions = { adapter: input.transport.adapter };
  const v2 = new V2Configuration({ accessToken, basePath: `${root}/api/v2` });
  v2.baseOptions = baseOptions;
  const v1 = new V1Configuration({ accessToken, basePath: `${root}/v1` });
  v1.baseOptions = baseOptions;
  return {
    persons: new PersonsApi(v2),
    organizations: new OrganizationsApi(v2),
    deals: new DealsApi(v2),
    products: new ProductsApi(v2),
    activities: new ActivitiesApi(v2),
    personFields: new PersonFieldsApi(v2),
    organizationFields: new OrganizationFieldsApi(v2),
    dealFields: new DealFieldsApi(v2),
    productFields: new ProductFieldsApi(v2),
    activityFields: new ActivityFieldsApi(v2),
    pipelines: new PipelinesApi(v2),
    stages: new StagesApi(v2),
    // The deal summary counts a record filter's deals in one call (transfer settings' filter counts).
    dealsSummary: new V1DealsApi(v1),
    notes: new NotesApi(v1),
    noteFields: new NoteFieldsApi(v1),
    files: new FilesApi(v1),
    filters: new FiltersApi(v1),
    leads: new LeadsApi(v1),
    organizationRelationships: new OrganizationRelationshipsApi(v1),
    users: new UsersApi(v1),
    currencies: new CurrenciesApi(v1),
    activityTypes: new ActivityTypesApi(v1),
  };
}
export type PipedriveApis = ReturnType<typeof createPipedriveApis>;
