import type { BaseContext } from '@hubspot/ui-extensions';
import { useCallback, useRef, useState } from 'react';
import { callApi, identityOf } from '../api.ts';
import { toApiError } from '../api-error.ts';
import type { PortalPropertiesResponse, PropertyValueType } from '../contracts/hubspot-properties.ts';
import type { LoadState } from '../useApi.ts';
import { getPortalProperties } from './setup-endpoints.ts';

export interface PortalPropertiesStore {
  /** The portal's properties of `object` for a field of `valueType` (loading until `load` has answered). */
  stateOf: (object: string, valueType: PropertyValueType) => LoadState<PortalPropertiesResponse>;
  /** Asks the backend once per object and value type; `again` asks anew (the error state's retry). */
  load: (object: string, valueType: PropertyValueType, again?: boolean) => void;
}

const keyOf = (object: string, valueType: PropertyValueType) => `${object}/${valueType}`;

/**
 * The portal's HubSpot properties for the "existing property" pickers of the Configure step: read once
 * per object and value type, and shared by every field that needs that list.
 */
export function usePortalProperties(context: BaseContext): PortalPropertiesStore {
  const [states, setStates] = useState<Readonly<Record<string, LoadState<PortalPropertiesResponse>>>>({});
  const asked = useRef(new Set<string>());
  const { portalId, userId } = identityOf(context);
  const load = useCallback(
    (object: string, valueType: PropertyValueType, again = false) => {
      const key = keyOf(object, valueType);
      if (asked.current.has(key) && !again) return;
      asked.current.add(key);
      const set = (state: LoadState<PortalPropertiesResponse>) => setStates((all) => ({ ...all, [key]: state }));
      set({ status: 'loading' });
      callApi(getPortalProperties(object, valueType), { portalId, userId }).then(
        (data) => set({ status: 'success', data }),
        (error: unknown) => set({ status: 'error', error: toApiError(error) }),
      );
    },
    [portalId, userId],
  );
  const stateOf = useCallback(
    (object: string, valueType: PropertyValueType) => states[keyOf(object, valueType)] ?? { status: 'loading' },
    [states],
  );
  return { stateOf, load };
}
