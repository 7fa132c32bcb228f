/** One portal's property definitions and groups, per object type, with HubSpot's definition rules. */
import { apiError, conflict, notFound, validationError } from '../errors.js';
import { OBJECT_TYPES, type ObjectType, type ObjectTypeName } from '../object-types.js';
import { defaultGroups, defaultProperties } from './defaults.js';
import type { PropertyDefinition, PropertyGroup } from './definition.js';
import {
  checkInternalName,
  checkTypePair,
  MAX_UNIQUE_PROPERTIES,
  type PropertyCreateInput,
  type PropertyUpdateInput,
} from './rules.js';

interface ObjectProperties {
  properties: Map<string, PropertyDefinition>;
  groups: Map<string, PropertyGroup>;
}

export class PropertyRegistry {
  private readonly byType = new Map<ObjectTypeName, ObjectProperties>();

  constructor(at: string) {
    for (const type of OBJECT_TYPES) {
      this.byType.set(type.name, {
        properties: new Map(defaultProperties(type, at).map((p) => [p.name, p])),
        groups: new Map(defaultGroups(type).map((g) => [g.name, g])),
      });
    }
  }

  private of(type: ObjectType): ObjectProperties {
    const entry = this.byType.get(type.name);
    if (!entry) throw new Error(`no properties for ${type.name}`);
    return entry;
  }

  /** A live (not archived) property, or undefined: what record writes and reads consult. */
  live(type: ObjectType, name: string): PropertyDefinition | undefined {
    const property = this.of(type).properties.get(name);
    return property && !property.archived ? property : undefined;
  }

  list(type: ObjectType, archived: boolean): PropertyDefinition[] {
    return [...this.of(type).properties.values()].filter((p) => p.archived === archived);
  }

  uniqueProperties(type: ObjectType): PropertyDefinition[] {
    return this.list(type, false).filter((p) => p.hasUniqueValue);
  }

  get(type: ObjectType, name: string, archived: boolean): PropertyDefinition {
    const property = this.of(type).properties.get(name);
    if (!property || property.archived !== archived) throw notFound(`Property ${name} does not exist`);
    return property;
  }

  create(type: ObjectType, input: PropertyCreateInput, at: string): PropertyDefinition {
    const { properties, groups } = this.of(type);
    const existing = properties.get(input.name);
    if (existing) {
      // Archived names stay reserved until purged, so they conflict too.
      throw conflict(`A property named '${input.name}' already exists.`, { context: { name: [input.name] } });
    }
    if (!groups.get(input.groupName) || groups.get(input.groupName)?.archived) {
      throw validationError(`Property group ${input.groupName} does not exist`);
    }
    if (input.hasUniqueValue) this.checkUniqueAllowed(type);
    const { referencedObjectType, calculationFormula, ...rest } = input;
    const property: PropertyDefinition = {
      ...rest,
      calculated: false,
      hubspotDefined: false,
      archived: false,
      createdAt: at,
      updatedAt: at,
      ...(referencedObjectType !== undefined ? { referencedObjectType } : {}),
      ...(calculationFormula !== undefined ? { calculationFormula } : {}),
      modificationMetadata: {
        archivable: true,
        readOnlyDefinition: false,
        readOnlyValue: input.fieldType === 'calculation_equation',
      },
    };
    properties.set(property.name, property);
    return property;
  }

  private checkUniqueAllowed(type: ObjectType): void {
    if (!type.allowsUniqueProperties) {
      throw validationError(
        `Unique value properties are not supported for object type ${type.objectTypeId} (${type.name})`,
        {
          subCategory: 'PropertyValidationError.UNIQUE_VALUE_NOT_SUPPORTED',
        },
      );
    }
    if (this.uniqueProperties(type).length >= MAX_UNIQUE_PROPERTIES) {
      throw apiError(400, {
        category: 'VALIDATION_ERROR',
        subCategory: 'PropertyValidationError.TOO_MANY_UNIQUE_PROPERTIES',
        message: `The object type ${type.objectTypeId} can only have a maximum of ${MAX_UNIQUE_PROPERTIES} unique properties`,
      });
    }
  }

  update(type: ObjectType, name: string, update: PropertyUpdateInput, at: string): PropertyDefinition {
    const property = this.get(type, name, false);
    if (property.hubspotDefined) {
      // Default definitions are read-only; only the options of a non-external enumeration may be replaced (community thread 295621).
      const onlyOptions = Object.keys(update).every((key) => key === 'options');
      if (!onlyOptions || property.modificationMetadata.readOnlyOptions) {
        throw validationError(`Property ${name} is a HubSpot default property; its definition is read-only`, {
          subCategory: 'PropertyValidationError.READ_ONLY_DEFINITION',
        });
      }
    }
    const merged = { ...property, ...update };
    checkTypePair(merged.type, merged.fieldType);
    if (update.groupName !== undefined && !this.of(type).groups.has(update.groupName)) {
      throw validationError(`Property group ${update.groupName} does not exist`);
    }
    Object.assign(property, update, { updatedAt: at });
    return property;
  }

  archive(type: ObjectType, name: string, at: string): void {
    const property = this.get(type, name, false);
    if (!property.modificationMetadata.archivable) {
      throw validationError(`Property ${name} is a HubSpot default property and cannot be archived`, {
        subCategory: 'PropertyValidationError.NOT_ARCHIVABLE',
      });
    }
    Object.assign(property, { archived: true, archivedAt: at, updatedAt: at });
  }

  groups(type: ObjectType): PropertyGroup[] {
    return [...this.of(type).groups.values()].filter((g) => !g.archived);
  }

  group(type: ObjectType, name: string): PropertyGroup {
    const group = this.of(type).groups.get(name);
    if (!group || group.archived) throw notFound(`Property group ${name} does not exist`);
    return group;
  }

  createGroup(type: ObjectType, group: Omit<PropertyGroup, 'archived'>): PropertyGroup {
    checkInternalName(group.name, 'Property group');
    const groups = this.of(type).groups;
    if (groups.has(group.name)) throw conflict(`A property group named '${group.name}' already exists.`);
    const created: PropertyGroup = { ...group, archived: false };
    groups.set(created.name, created);
    return created;
  }

  archiveGroup(type: ObjectType, name: string): void {
    const group = this.group(type, name);
    if (this.list(type, false).some((p) => p.groupName === name)) {
      throw validationError(`Property group ${name} still has properties; move or archive them first`);
    }
    group.archived = true;
  }

  snapshot(): Record<string, { custom: PropertyDefinition[]; groups: PropertyGroup[] }> {
    return Object.fromEntries(
      [...this.byType].map(([name, entry]) => [
        name,
        { custom: [...entry.properties.values()].filter((p) => !p.hubspotDefined), groups: [...entry.groups.values()] },
      ]),
    );
  }
}
