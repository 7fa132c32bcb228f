import { Router } from 'express';
import { z } from 'zod';
import {
  ApiPaths,
  FilterCountRequest,
  ReplaceSettingsRequest,
  UpdateSettingsRequest,
} from '../../../../shared/src/contracts/index.js';
import type { SourceRegistry } from '../../sources/source-registry.js';
import type { FilterCounts } from '../../transfer/settings/filter-counts.js';
import type { SettingsService } from '../../transfer/settings/settings.service.js';
import { callerIdentity } from '../middleware/signed-request.js';
import { parseInput } from '../validate.js';

/** Transfer settings of the signed portal's connection to a source, and the record filters' counts. */
export function settingsRoutes(deps: {
  settings: SettingsService;
  filterCounts: FilterCounts;
  sources: Pick<SourceRegistry, 'idSchema'>;
}): Router {
  const router = Router();
  const SourceParam = z.object({ source: deps.sources.idSchema });
  const sourceOf = (params: unknown) => parseInput(SourceParam, params, 'source').source;

  router.get(ApiPaths.settings(':source'), async (req, res) => {
    res.json(await deps.settings.get(callerIdentity(res).portalId, sourceOf(req.params)));
  });

  router.put(ApiPaths.settings(':source'), async (req, res) => {
    const source = sourceOf(req.params);
    const body = parseInput(ReplaceSettingsRequest, req.body, 'settings');
    res.json(await deps.settings.replace(callerIdentity(res).portalId, source, body));
  });

  router.patch(ApiPaths.settings(':source'), async (req, res) => {
    const source = sourceOf(req.params);
    const body = parseInput(UpdateSettingsRequest, req.body, 'settings');
    res.json(await deps.settings.update(callerIdentity(res).portalId, source, body));
  });

  router.get(ApiPaths.settingsSelection(':source'), async (req, res) => {
    res.json(await deps.settings.selection(callerIdentity(res).portalId, sourceOf(req.params)));
  });

  router.post(ApiPaths.settingsFilterCounts(':source'), async (req, res) => {
    const source = sourceOf(req.params);
    const body = parseInput(FilterCountRequest, req.body ?? {}, 'count request');
    res.json(await deps.filterCounts.count(callerIdentity(res).portalId, source, body));
  });
  return router;
}
