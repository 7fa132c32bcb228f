/**
 * Before a batch is written: values HubSpot could not hold as mapped are made holdable, never dropped or
 * cut silently. An option added at the source after setup (a value the HubSpot property lacks) is added to
 * the property first — its label read from the source's fields as they are now — and the change is in the
 * ledger with the options before, so revert can remove it; text over HubSpot's limit is cut with a record
 * warning; a value that names an option the source no longer has is left out with a warning.
 */
import type { TransferSettings } from '../../../../shared/src/contracts/index.js';
import { ledgerRepository } from '../../db/repositories/ledger.repository.js';
import type { HubSpotPortalApi } from '../../hubspot/hubspot-api.js';
import { HubSpotApiError } from '../../hubspot/hubspot-errors.js';
import type { HubSpotProperty, HubSpotPropertyOption } from '../../hubspot/hubspot-properties.client.js';
import type { TransferRun } from '../../jobs/transfer-run.js';
import type { SourceCatalog } from '../../sources/connector.js';
import type { MappingPlan, PlannedObject } from '../mapping/mapping-plan.js';
import { cutLongText, optionProperties, type OptionProperty, optionValues } from './held-values.js';
import type { RecordWarning } from './record-warnings.js';
import type { MappedRecord } from './sync-records.js';

export interface ValueGuardDeps {
  api: Pick<HubSpotPortalApi, 'properties' | 'propertyDefinitions'>;
  /** The source's fields as they are now: read only when a record names an option the plan does not know. */
  catalog: () => Promise<SourceCatalog>;
  run: Pick<TransferRun, 'commit' | 'transfer'>;
  plan: MappingPlan;
  settings: TransferSettings;
}

export interface GuardedBatch {
  batch: MappedRecord[];
  warnings: RecordWarning[];
}

export type ValueGuard = (row: PlannedObject, batch: readonly MappedRecord[]) => Promise<GuardedBatch>;

/** One guard per sync run: it keeps the portal's property definitions and the source's fields it read (metadata, not records). */
export function createValueGuard(deps: ValueGuardDeps): ValueGuard {
  const { plan, settings } = deps;
  const definitions = new Map<string, Promise<Map<string, HubSpotProperty>>>();
  let catalog: SourceCatalog | null = null;
  /** Option ids the source's fields did not have when read again: not read again for each batch. */
  const gone = new Set<string>();
  /**
   * Per property, the settling of the batch before: several batches are in flight (ordered-batches.ts), and
   * two PATCHes of one property's options would each replace the list without the other's options.
   */
  const settling = new Map<string, Promise<unknown>>();

  function oneAtATime<T>(key: string, work: () => Promise<T>): Promise<T> {
    const done = (settling.get(key) ?? Promise.resolve()).then(work);
    const tail = done.catch(() => undefined);
    settling.set(key, tail);
    void tail.then(() => settling.get(key) === tail && settling.delete(key));
    return done;
  }

  const definitionsOf = (objectType: string) => {
    let found = definitions.get(objectType);
    if (!found) {
      found = deps.api.properties(objectType).then((list) => new Map(list.map((p) => [p.name, p])));
      definitions.set(objectType, found);
    }
    return found;
  };

  const sourceOptions = (row: PlannedObject, field: string) =>
    catalog?.objects.find((object) => object.key === row.sourceObject)?.fields.find((f) => f.key === field)?.options ??
    [];

  /** Labels of option ids: the plan's, else the source's fields now (read again when one is still unknown). */
  async function labelsOf(row: PlannedObject, option: OptionProperty, ids: string[]): Promise<Map<string, string>> {
    const labels = new Map<string, string>();
    const fill = (options: readonly { id: string; label: string }[]) => {
      for (const { id, label } of options) if (ids.includes(id) && !labels.has(id)) labels.set(id, label);
    };
    fill(option.field.options ?? []);
    if (labels.size === ids.length) return labels;
    fill(sourceOptions(row, option.field.key));
    const key = (id: string) => `${row.key}/${option.field.key}/${id}`;
    if (ids.every((id) => labels.has(id) || gone.has(key(id)))) return labels;
    catalog = await deps.catalog();
    fill(sourceOptions(row, option.field.key));
    for (const id of ids) if (!labels.has(id)) gone.add(key(id));
    return labels;
  }

  /** Adds options to a live enumeration (HubSpot replaces the whole list), recorded as a change of it. */
  async function addOptions(objectType: string, property: HubSpotProperty, added: { value: string; label: string }[]) {
    const live = property.options ?? [];
    const taken = new Set(live.map((option) => option.label));
    const options: HubSpotPropertyOption[] = [
      ...live,
      ...added.map(({ value, label }, index) => ({
        value,
        // HubSpot needs distinct labels: a source option renamed onto another's label keeps its id beside it.
        label: taken.has(label) ? `${label} (${value})` : label,
        displayOrder: live.length + index,
        hidden: false,
      })),
    ];
    const key = { itemType: 'property', hubspotObject: objectType, itemKey: property.name };
    // The first change of the transfer keeps its row: revert restores the options the transfer found.
    await deps.run.commit((tx) => tx.intend([{ ...key, action: 'changed', previousValues: { options: live } }]));
    try {
      await deps.api.propertyDefinitions.setOptions(objectType, property.name, options);
    } catch (error) {
      if (!(error instanceof HubSpotApiError)) throw error;
      // The change may have landed with its answer lost: look before giving up.
      const now = (await deps.api.properties(objectType)).find((candidate) => candidate.name === property.name);
      const values = new Set((now?.options ?? []).map((option) => option.value));
      if (!added.every((option) => values.has(option.value))) {
        // The records holding these values fail with HubSpot's INVALID_OPTION, in the errors list.
        await deps.run.commit((tx) =>
          ledgerRepository.discard(tx.client, { transferId: deps.run.transfer.id, items: [key] }),
        );
        return;
      }
    }
    await deps.run.commit((tx) => tx.confirm([{ ...key, hubspotId: property.name }]));
    property.options = options;
  }

  /** Per property, the option ids no source option has any more: left out of the records, with a warning. */
  async function settleOptions(row: PlannedObject, batch: readonly MappedRecord[]) {
    const live = await definitionsOf(row.hubspotObject);
    const unknown = new Map<string, Set<string>>();
    for (const option of optionProperties(plan, settings, row)) {
      const property = live.get(option.property);
      if (property?.type !== 'enumeration') continue;
      const multiple = property.fieldType === 'checkbox';
      const values = [
        ...new Set(batch.flatMap((m) => optionValues(m.input.properties[option.property] ?? '', multiple))),
      ];
      const missingNow = () => {
        const known = new Set((property.options ?? []).map((o) => o.value));
        return values.filter((value) => !known.has(value));
      };
      if (missingNow().length === 0) continue;
      // The options as the batch before left them: read once it has added its own.
      const leftOut = await oneAtATime(`${row.hubspotObject}/${property.name}`, async () => {
        const missing = missingNow();
        if (missing.length === 0) return [];
        const labels = await labelsOf(row, option, missing);
        const added = missing.flatMap((value) => {
          const label = labels.get(value);
          return label === undefined ? [] : [{ value, label }];
        });
        if (added.length > 0) await addOptions(row.hubspotObject, property, added);
        return missing.filter((value) => !labels.has(value));
      });
      if (leftOut.length > 0) unknown.set(option.property, new Set(leftOut));
    }
    return { live, unknown };
  }

  return async (row, batch) => {
    if (batch.length === 0) return { batch: [], warnings: [] };
    const { live, unknown } = await settleOptions(row, batch);
    const warnings: RecordWarning[] = [];
    const guarded = batch.map((mapped): MappedRecord => {
      const sourceId = mapped.record.id;
      // Copied only when a value changes: most records pass as they are.
      let properties = mapped.input.properties;
      for (const [property, gone] of unknown) {
        const value = properties[property];
        if (value === undefined) continue;
        const multiple = live.get(property)?.fieldType === 'checkbox';
        const values = optionValues(value, multiple);
        const kept = values.filter((v) => !gone.has(v));
        if (kept.length === values.length) continue;
        if (properties === mapped.input.properties) properties = { ...properties };
        if (kept.length === 0) delete properties[property];
        else properties[property] = kept.join(';');
        warnings.push({
          sourceId,
          code: 'VALUE_LEFT_OUT',
          property,
          message: `${property}: the option${values.length - kept.length > 1 ? 's' : ''} ${values.filter((v) => gone.has(v)).join(', ')} no longer exist at the source, so HubSpot cannot be given them; left out.`,
          hint: 'Choose an existing option in the source record, then sync again.',
        });
      }
      const cut = cutLongText(plan, row, sourceId, properties, (name) => {
        const type = live.get(name)?.type;
        return type === undefined || type === 'string';
      });
      warnings.push(...cut.warnings);
      for (const message of mapped.input.warnings)
        warnings.push({
          sourceId,
          code: 'VALUE_LEFT_OUT',
          property: null,
          message,
          hint: 'Correct the value in the source record, then sync again.',
        });
      return cut.properties === mapped.input.properties
        ? mapped
        : { ...mapped, input: { ...mapped.input, properties: cut.properties } };
    });
    return { batch: guarded, warnings };
  };
}
