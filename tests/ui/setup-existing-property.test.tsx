import {
  Accordion,
  Button,
  ErrorState,
  LoadingButton,
  SearchInput,
  Select,
  StepIndicator,
  Text,
} from '@hubspot/ui-extensions';
import { describe, expect, it } from '@jest/globals';
import {
  BEFORE_SETUP,
  cleanUpAfterEach,
  DEAL_PROPERTIES_FOR_OPTIONS,
  errorResponse,
  fakeBackend,
  fetchOptions,
  fire,
  jsonResponse,
  LEAD_TEMPERATURE,
  READY,
  renderWizard,
  REVIEW,
  SETTINGS,
  SETTINGS_PATH,
  url,
} from './support/index.ts';

cleanUpAfterEach();

const PROPERTIES_PATH = '/api/v1/hubspot/properties/deals';
const PICKER = `property-existing-${LEAD_TEMPERATURE}`;

/** The wizard on its Configure step, showing the deals' fields. */
async function openDealFields(routes: Parameters<typeof fakeBackend>[0]) {
  const page = Object.assign(
    fakeBackend({
      ...BEFORE_SETUP,
      [`PATCH ${SETTINGS_PATH}`]: [jsonResponse({ ...SETTINGS, saved: true, readiness: READY })],
      'GET /api/v1/setup/review': [jsonResponse(REVIEW)],
      ...routes,
    }),
    renderWizard(),
  );
  await page.waitFor(() => expect(page.maybeFind(StepIndicator)).not.toBeNull());
  page.findByTestId(LoadingButton, 'data-types-save').trigger('onClick');
  await page.waitFor(() => expect(page.find(StepIndicator).props.currentStep).toBe(1));
  fire(page.findByTestId(Select, 'properties-object'), 'onChange', 'deals');
  await page.waitFor(() =>
    expect(page.maybeFind(Select, { testId: `property-mode-${LEAD_TEMPERATURE}` })).not.toBeNull(),
  );
  return page;
}

const optionsOf = (select: { props: { options: { value: unknown }[] } }) =>
  select.props.options.map((option) => option.value);

describe('Configure: map a field onto an existing HubSpot property', () => {
  it('offers only the portal’s properties that can take the field, searchable, says why the others can’t, and saves the choice', async () => {
    const page = await openDealFields({ [`GET ${PROPERTIES_PATH}`]: [jsonResponse(DEAL_PROPERTIES_FOR_OPTIONS)] });
    const { findByTestId, maybeFind, waitFor, callsTo, find } = page;
    expect(callsTo(`GET ${PROPERTIES_PATH}`)).toHaveLength(0);

    fire(findByTestId(Select, `property-mode-${LEAD_TEMPERATURE}`), 'onChange', 'existing');
    await waitFor(() => expect(maybeFind(Select, { testId: PICKER })).not.toBeNull());
    // One call, for the deals' properties that can take an option field.
    expect(callsTo(`GET ${PROPERTIES_PATH}`)).toEqual([
      [url(PROPERTIES_PATH, 'valueType=enumeration'), fetchOptions('GET')],
    ]);
    expect(findByTestId(Select, PICKER).props.options).toEqual([
      { label: 'Deal Name (dealname)', value: 'dealname' },
      { label: 'Priority (hs_priority)', value: 'hs_priority' },
      { label: 'Temperature (temperature)', value: 'temperature' },
    ]);
    const refused = findByTestId(Accordion, `property-refused-${LEAD_TEMPERATURE}`);
    expect(refused.props.title).toBe('2 properties can’t take Lead temperature');
    expect(refused.findAll(Text).map((text) => text.text)).toEqual([
      'Amount (amount): This property holds numbers, and this field holds options.',
      'Record ID (hs_object_id): HubSpot computes “Record ID” itself: nothing can be written to it.',
    ]);

    // The search narrows both lists, by label or internal name.
    fire(findByTestId(SearchInput, `property-existing-search-${LEAD_TEMPERATURE}`), 'onInput', 'TEMP');
    await waitFor(() => expect(optionsOf(findByTestId(Select, PICKER))).toEqual(['temperature']));
    expect(maybeFind(Accordion, { testId: `property-refused-${LEAD_TEMPERATURE}` })).toBeNull();
    fire(findByTestId(Select, PICKER), 'onChange', 'temperature');
    await waitFor(() => expect(findByTestId(Select, PICKER).props.value).toBe('temperature'));
    fire(findByTestId(SearchInput, `property-existing-search-${LEAD_TEMPERATURE}`), 'onInput', 'priority');
    // The chosen property stays shown while the search hides it.
    await waitFor(() => expect(optionsOf(findByTestId(Select, PICKER))).toEqual(['temperature', 'hs_priority']));
    expect(findByTestId(Select, PICKER).props.validationMessage).toBeUndefined();

    // Another mode and back: the list is not asked for again.
    fire(findByTestId(Select, `property-mode-${LEAD_TEMPERATURE}`), 'onChange', 'create');
    await waitFor(() => expect(maybeFind(Select, { testId: PICKER })).toBeNull());
    fire(findByTestId(Select, `property-mode-${LEAD_TEMPERATURE}`), 'onChange', 'existing');
    await waitFor(() => expect(maybeFind(Select, { testId: PICKER })).not.toBeNull());
    fire(findByTestId(Select, PICKER), 'onChange', 'hs_priority');
    expect(callsTo(`GET ${PROPERTIES_PATH}`)).toHaveLength(1);

    findByTestId(LoadingButton, 'configure-save').trigger('onClick');
    await waitFor(() => expect(find(StepIndicator).props.currentStep).toBe(2));
    const saves = callsTo(`PATCH ${SETTINGS_PATH}`) as unknown as [string, { body: Record<string, unknown> }][];
    expect(saves[1]?.[1].body.fields).toEqual({
      deals: { [LEAD_TEMPERATURE]: { mode: 'existing', hubspotProperty: 'hs_priority' } },
    });
  });

  it('does not offer an existing property for a field that already goes to one of HubSpot’s own', async () => {
    const { findByTestId } = await openDealFields({});
    expect(optionsOf(findByTestId(Select, 'property-mode-title'))).toEqual(['create', 'exclude']);
    expect(optionsOf(findByTestId(Select, `property-mode-${LEAD_TEMPERATURE}`))).toEqual([
      'create',
      'existing',
      'exclude',
    ]);
  });

  it('shows why the properties could not be read, and reads them again on retry', async () => {
    const page = await openDealFields({
      [`GET ${PROPERTIES_PATH}`]: [
        errorResponse(409, 'hubspot_unavailable', 'HubSpot did not answer reading its deals properties. Try again.'),
        jsonResponse(DEAL_PROPERTIES_FOR_OPTIONS),
      ],
    });
    const { findByTestId, maybeFind, find, waitFor, callsTo } = page;
    fire(findByTestId(Select, `property-mode-${LEAD_TEMPERATURE}`), 'onChange', 'existing');
    await waitFor(() => expect(maybeFind(ErrorState)).not.toBeNull());
    expect(find(ErrorState).props.title).toBe("We couldn't load your HubSpot properties");
    expect(find(ErrorState).find(Text).text).toBe('HubSpot did not answer reading its deals properties. Try again.');
    find(ErrorState).find(Button).trigger('onClick');
    await waitFor(() => expect(maybeFind(Select, { testId: PICKER })).not.toBeNull());
    expect(callsTo(`GET ${PROPERTIES_PATH}`)).toHaveLength(2);
  });
});
