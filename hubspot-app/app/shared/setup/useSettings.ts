import type { BaseContext } from '@hubspot/ui-extensions';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ApiError } from '../api-error.ts';
import type { SettingsResponse, UpdateSettingsRequest } from '../contracts/settings.ts';
import type { SourceId } from '../contracts/sources.ts';
import { type ActionState, type LoadState, useApiAction, useApiQuery } from '../useApi.ts';
import { getSettings, updateSettings } from './setup-endpoints.ts';

/** The part of a settings change the page chooses; `auditId` is added from the settings it was made on. */
export type SettingsPatch = Omit<UpdateSettingsRequest, 'auditId'>;

export interface SettingsController {
  /** The settings in force: the last saved answer once there is one, else the loaded one. */
  state: LoadState<SettingsResponse>;
  save: ActionState<SettingsResponse>;
  /** Saves a change (PATCH) made on the settings shown; the answer becomes the settings shown. */
  update: (patch: SettingsPatch) => void;
  reload: () => void;
  /** What the backend refused in the last save, by the setting's path (e.g. `exchangeRates.EUR`). */
  problemAt: (path: string) => string | undefined;
  /** The last save's refusal, when there was one. */
  saveError: ApiError | null;
}

/** The connection's transfer settings: read once, changed by PATCH with the audit they were made on. */
export function useSettings(source: SourceId, context: BaseContext): SettingsController {
  const query = useApiQuery(
    useMemo(() => getSettings(source), [source]),
    context,
  );
  const action = useApiAction(
    useMemo(() => updateSettings(source), [source]),
    context,
  );
  // The last answer a save gave stays in force, even when a later save is refused.
  const [saved, setSaved] = useState<SettingsResponse | null>(null);
  useEffect(() => {
    if (action.state.status === 'success') setSaved(action.state.data);
  }, [action.state]);
  const state: LoadState<SettingsResponse> = saved !== null ? { status: 'success', data: saved } : query.state;
  const auditId = state.status === 'success' ? state.data.settings.auditId : null;
  const { run } = action;
  const update = useCallback(
    (patch: SettingsPatch) => {
      if (auditId !== null) run({ ...patch, auditId });
    },
    [run, auditId],
  );
  const saveError = action.state.status === 'error' ? action.state.error : null;
  const problemAt = useCallback(
    (path: string) => saveError?.details.find((problem) => problem.path === path)?.message,
    [saveError],
  );
  const { reset, state: save } = action;
  const { reload: reloadQuery } = query;
  const reload = useCallback(() => {
    reset();
    setSaved(null);
    reloadQuery();
  }, [reset, reloadQuery]);
  return { state, save, update, reload, problemAt, saveError };
}
