import { type BaseContext, Button, Text } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { expect, it } from '@jest/globals';
import { listApps } from '../../hubspot-app/app/shared/endpoints.ts';
import { useApiQuery } from '../../hubspot-app/app/shared/useApi.ts';
import {
  APPS,
  cleanUpAfterEach,
  fakeBackend,
  jsonResponse,
  mount,
  pendingResponse,
  PIPEDRIVE,
} from './support/index.ts';

cleanUpAfterEach();

/** Shows how many apps the latest answer had, and records every state it ever showed. */
function AppCount({ context, shown }: { context: BaseContext; shown: string[] }) {
  const { state, reload } = useApiQuery(listApps, context);
  const label = state.status === 'success' ? `${state.data.apps.length} apps` : state.status;
  shown.push(label);
  return (
    <>
      <Text testId="count">{label}</Text>
      <Button testId="reload" onClick={reload}>
        Reload
      </Button>
    </>
  );
}

it('keeps only the answer to the latest request when an older one arrives late', async () => {
  const first = pendingResponse();
  const second = pendingResponse();
  const { callsTo } = fakeBackend({ 'GET /api/v1/apps': [first, second] });
  const shown: string[] = [];
  const renderer = createRenderer('settings');
  const { findByTestId, waitFor, mocks } = renderer;
  mount(renderer, <AppCount context={mocks.context} shown={shown} />);
  expect(findByTestId(Text, 'count').text).toBe('loading');

  findByTestId(Button, 'reload').trigger('onClick');
  expect(callsTo('GET /api/v1/apps')).toHaveLength(2);

  // The older request answers first, then the newer one: only the newer answer may ever be shown.
  first.resolve(jsonResponse(APPS));
  second.resolve(jsonResponse({ apps: [PIPEDRIVE] }));
  await waitFor(() => expect(findByTestId(Text, 'count').text).toBe('1 apps'));
  expect(shown).not.toContain('4 apps');
});
