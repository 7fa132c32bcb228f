import { Button, EmptyState, LoadingButton, SearchInput } from '@hubspot/ui-extensions';
import type { Renderer } from '@hubspot/ui-extensions/testing';
import { expect } from '@jest/globals';
import type { TransferErrorsPage } from '../../../hubspot-app/app/shared/contracts/index.ts';
import { type fakeBackend, fetchOptions, jsonResponse, type Reply, url } from './backend.ts';
import { fire } from './fire.ts';
import { textOf } from './tables.ts';

/**
 * A transfer's errors as the backend answers the three reads of `expectErrorsSearchedAndExported` (page 1,
 * page 2, a search nothing matches), and the single-use export link `token` names.
 */
export function transferErrorsRoutes(
  errorsPath: string,
  first: TransferErrorsPage,
  token: string,
): Record<string, Reply[]> {
  return {
    [`GET ${errorsPath}`]: [
      jsonResponse(first),
      jsonResponse({ ...first, page: 2 }),
      jsonResponse({ ...first, errors: [], total: 0 }),
    ],
    [`POST ${errorsPath}/export-link`]: [
      jsonResponse(
        { url: `https://api.smart-transfer.example/downloads/errors/${token}`, expiresAt: '2026-12-01T15:10:00.000Z' },
        201,
      ),
    ],
  };
}

/**
 * On page 2 of a step's errors table (test ids `<step>-errors-…`): a search nothing matches shows the empty
 * state, the three reads were page 1, page 2 and the search from page 1, and Export gives the download link.
 */
export async function expectErrorsSearchedAndExported(
  page: Renderer<'settings'> & Pick<ReturnType<typeof fakeBackend>, 'callsTo'>,
  step: 'setup' | 'sync',
  errorsPath: string,
  token: string,
): Promise<void> {
  const { waitFor, findByTestId, maybeFind, callsTo } = page;
  fire(findByTestId(SearchInput, `${step}-errors-search`), 'onChange', 'no such thing');
  await waitFor(() => expect(maybeFind(EmptyState, { testId: `${step}-errors-empty` })).not.toBeNull());
  expect(textOf(findByTestId(EmptyState, `${step}-errors-empty`))).toBe('No errors match "no such thing".');
  expect(callsTo(`GET ${errorsPath}`).map(([called]) => called)).toEqual([
    url(errorsPath, 'page=1&pageSize=20'),
    url(errorsPath, 'page=2&pageSize=20'),
    url(errorsPath, 'page=1&pageSize=20&q=no+such+thing'),
  ]);

  findByTestId(LoadingButton, `${step}-errors-export`).trigger('onClick');
  await waitFor(() => expect(maybeFind(Button, { testId: `${step}-errors-download` })).not.toBeNull());
  expect(callsTo(`POST ${errorsPath}/export-link`)).toEqual([[url(`${errorsPath}/export-link`), fetchOptions('POST')]]);
  expect(findByTestId(Button, `${step}-errors-download`).props.href).toEqual({
    url: `https://api.smart-transfer.example/downloads/errors/${token}`,
    external: true,
  });
}
