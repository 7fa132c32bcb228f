/** The field definitions of one account: built-ins plus custom fields, per object. */
import { createHash } from 'node:crypto';
import type { Clock } from '../../common/clock.js';
import { formatV2Time } from '../http/time.js';
import { builtInFields } from './builtin.js';
import { FIELD_ENTITIES, type FieldDefinition, type FieldEntity, type FieldOption, type FieldType } from './types.js';

export interface NewField {
  name: string;
  type: FieldType;
  options?: readonly string[];
  /** Given by datasets that pin keys; otherwise derived from entity and id. */
  key?: string;
  id?: number;
  description?: string | null;
  mandatory?: boolean;
}

export class FieldNotFound extends Error {}

export class FieldRegistry {
  private readonly byEntity = new Map<FieldEntity, FieldDefinition[]>();
  private nextFieldId = 12000;
  private nextOptionId = 1;

  constructor(private readonly clock: Clock) {
    this.reset();
  }

  /** Back to built-in fields only. */
  reset(): void {
    this.nextFieldId = 12000;
    this.nextOptionId = 1;
    const now = this.now();
    let id = 1;
    for (const entity of FIELD_ENTITIES) {
      this.byEntity.set(
        entity,
        builtInFields(entity).map((field, index) => ({
          id: id++,
          key: field.key,
          name: field.name,
          field_type: field.type,
          description: null,
          options:
            field.options?.map((option) => ({ ...option, color: null, add_time: now, update_time: now })) ?? null,
          is_custom: false,
          mandatory: field.key === 'title' || field.key === 'name' || field.key === 'content',
          order_nr: index,
          add_time: now,
          update_time: now,
        })),
      );
    }
  }

  all(entity: FieldEntity): readonly FieldDefinition[] {
    return this.list(entity);
  }

  custom(entity: FieldEntity): FieldDefinition[] {
    return this.list(entity).filter((field) => field.is_custom);
  }

  byKey(entity: FieldEntity, key: string): FieldDefinition | undefined {
    return this.list(entity).find((field) => field.key === key);
  }

  add(entity: FieldEntity, input: NewField): FieldDefinition {
    const fields = this.list(entity);
    const id = input.id ?? this.nextFieldId;
    this.nextFieldId = Math.max(this.nextFieldId, id + 1);
    const key = input.key ?? customFieldKey(entity, id);
    if (fields.some((field) => field.key === key || field.id === id))
      throw new Error(`${entity} field ${key} already exists`);
    const now = this.now();
    const field: FieldDefinition = {
      id,
      key,
      name: input.name,
      field_type: input.type,
      description: input.description ?? null,
      options:
        input.type === 'enum' || input.type === 'set'
          ? (input.options ?? []).map((label) => this.option(label, now))
          : null,
      is_custom: true,
      mandatory: input.mandatory ?? false,
      order_nr: fields.length,
      add_time: now,
      update_time: now,
    };
    fields.push(field);
    return field;
  }

  update(entity: FieldEntity, key: string, patch: { name?: string; description?: string | null }): FieldDefinition {
    const field = this.require(entity, key);
    if (patch.name !== undefined) field.name = patch.name;
    if (patch.description !== undefined) field.description = patch.description;
    field.update_time = this.now();
    return field;
  }

  remove(entity: FieldEntity, key: string): FieldDefinition {
    const field = this.require(entity, key);
    if (!field.is_custom) throw new Error(`${entity} field ${key} is built in`);
    this.byEntity.set(
      entity,
      this.list(entity).filter((candidate) => candidate !== field),
    );
    return field;
  }

  addOptions(entity: FieldEntity, key: string, labels: readonly string[]): FieldOption[] {
    const options = this.optionsOf(entity, key);
    const now = this.now();
    const added = labels.map((label) => this.option(label, now));
    options.push(...added);
    return added;
  }

  /** Renames options; unknown ids throw before anything changes. */
  renameOptions(entity: FieldEntity, key: string, renames: readonly { id: number; label: string }[]): FieldOption[] {
    const options = this.optionsOf(entity, key);
    const targets = renames.map(({ id, label }) => {
      const option = options.find((candidate) => candidate.id === id);
      if (!option) throw new FieldNotFound(`option ${id} not found`);
      return { option, label };
    });
    const now = this.now();
    for (const { option, label } of targets) {
      option.label = label;
      option.update_time = now;
    }
    return targets.map(({ option }) => option);
  }

  removeOptions(entity: FieldEntity, key: string, ids: readonly number[]): FieldOption[] {
    const field = this.require(entity, key);
    const options = this.optionsOf(entity, key);
    const removed = options.filter((option) => ids.includes(option.id));
    if (removed.length !== ids.length) throw new FieldNotFound('option not found');
    field.options = options.filter((option) => !ids.includes(option.id));
    return removed;
  }

  private optionsOf(entity: FieldEntity, key: string): FieldOption[] {
    const field = this.require(entity, key);
    if (!field.options || !field.is_custom) throw new Error(`${entity} field ${key} has no editable options`);
    return field.options;
  }

  private require(entity: FieldEntity, key: string): FieldDefinition {
    const field = this.byKey(entity, key);
    if (!field) throw new FieldNotFound(`${entity} field ${key} not found`);
    return field;
  }

  private list(entity: FieldEntity): FieldDefinition[] {
    const fields = this.byEntity.get(entity);
    if (!fields) throw new Error(`unknown field entity ${entity}`);
    return fields;
  }

  private option(label: string, now: string): FieldOption {
    const option = { id: this.nextOptionId, label, color: null, add_time: now, update_time: now };
    this.nextOptionId += 1;
    return option;
  }

  private now(): string {
    return formatV2Time(this.clock.now().getTime());
  }
}

/** 40 hex characters, stable for (entity, id) so a seed reproduces the same keys. */
export function customFieldKey(entity: FieldEntity, id: number): string {
  return createHash('sha1').update(`${entity}:${id}`).digest('hex');
}
