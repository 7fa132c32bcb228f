/**
 * Association types per object pair. HUBSPOT_DEFINED ids come from HubSpot's official Ruby client
 * (lib/hubspot/…/association_type.rb) and the associations v4 guide
 * (https://developers.hubspot.com/docs/api-reference/latest/crm/associations/overview);
 * USER_DEFINED labels are created through the labels API.
 */
import { validationError } from '../errors.js';
import { IdSequence } from '../ids.js';
import type { ObjectType, ObjectTypeName } from '../object-types.js';

export type AssociationCategory = 'HUBSPOT_DEFINED' | 'USER_DEFINED' | 'INTEGRATOR_DEFINED';

export interface AssociationTypeDef {
  typeId: number;
  category: AssociationCategory;
  from: ObjectTypeName;
  to: ObjectTypeName;
  /** null for the unlabeled association, else the label shown in HubSpot. */
  label: string | null;
  /** Internal name (USER_DEFINED labels carry one). */
  name?: string;
  inverseTypeId: number;
}

/** [from, to, typeId, inverseTypeId, label, inverseLabel]; the first unlabeled pair entry is the default. */
const DEFINED: ReadonlyArray<readonly [ObjectTypeName, ObjectTypeName, number, number, string | null, string | null]> =
  [
    ['contacts', 'companies', 279, 280, null, null],
    ['contacts', 'companies', 1, 2, 'Primary', 'Primary'],
    ['deals', 'contacts', 3, 4, null, null],
    ['deals', 'companies', 341, 342, null, null],
    ['deals', 'companies', 5, 6, 'Primary', 'Primary'],
    ['deals', 'line_items', 19, 20, null, null],
    ['companies', 'companies', 450, 450, null, null],
    ['companies', 'companies', 13, 14, 'Parent Company', 'Child Company'],
    ['contacts', 'contacts', 449, 449, null, null],
    ['deals', 'deals', 451, 451, null, null],
    ['calls', 'contacts', 194, 193, null, null],
    ['calls', 'companies', 182, 181, null, null],
    ['calls', 'deals', 206, 205, null, null],
    ['emails', 'contacts', 198, 197, null, null],
    ['emails', 'companies', 186, 185, null, null],
    ['emails', 'deals', 210, 209, null, null],
    ['meetings', 'contacts', 200, 199, null, null],
    ['meetings', 'companies', 188, 187, null, null],
    ['meetings', 'deals', 212, 211, null, null],
    ['notes', 'contacts', 202, 201, null, null],
    ['notes', 'companies', 190, 189, null, null],
    ['notes', 'deals', 214, 213, null, null],
    ['tasks', 'contacts', 204, 203, null, null],
    ['tasks', 'companies', 192, 191, null, null],
    ['tasks', 'deals', 216, 215, null, null],
  ];

function hubspotDefined(): AssociationTypeDef[] {
  return DEFINED.flatMap(([from, to, typeId, inverseTypeId, label, inverseLabel]) => {
    const forward: AssociationTypeDef = { typeId, category: 'HUBSPOT_DEFINED', from, to, label, inverseTypeId };
    if (from === to && typeId === inverseTypeId) return [forward];
    return [
      forward,
      {
        typeId: inverseTypeId,
        category: 'HUBSPOT_DEFINED',
        from: to,
        to: from,
        label: inverseLabel,
        inverseTypeId: typeId,
      },
    ];
  });
}

export class AssociationTypes {
  private readonly defs: AssociationTypeDef[] = hubspotDefined();
  private readonly ids = new IdSequence(1001);

  between(from: ObjectType, to: ObjectType): AssociationTypeDef[] {
    return this.defs.filter((d) => d.from === from.name && d.to === to.name);
  }

  /** The unlabeled type HubSpot uses for "default" associations between two objects. */
  defaultType(from: ObjectType, to: ObjectType): AssociationTypeDef {
    const def = this.between(from, to).find((d) => d.label === null && d.category === 'HUBSPOT_DEFINED');
    if (!def) throw validationError(`${from.singular} to ${to.singular} associations are not supported`);
    return def;
  }

  find(category: string, typeId: number, from: ObjectType, to?: ObjectType): AssociationTypeDef | undefined {
    return this.defs.find(
      (d) => d.category === category && d.typeId === typeId && d.from === from.name && (!to || d.to === to.name),
    );
  }

  byId(typeId: number, from: ObjectType, to: ObjectType): AssociationTypeDef | undefined {
    return this.defs.find((d) => d.typeId === typeId && d.from === from.name && d.to === to.name);
  }

  /** A USER_DEFINED label (and its inverse, or the same type when the label is symmetric). */
  createLabel(
    from: ObjectType,
    to: ObjectType,
    name: string,
    label: string,
    inverseLabel: string | undefined,
  ): AssociationTypeDef[] {
    this.defaultType(from, to);
    if (this.between(from, to).some((d) => d.category === 'USER_DEFINED' && (d.name === name || d.label === label))) {
      throw validationError(`An association label named ${name} already exists between ${from.name} and ${to.name}`);
    }
    const typeId = this.ids.next();
    const symmetric = inverseLabel === undefined;
    const inverseTypeId = symmetric ? typeId : this.ids.next();
    const forward: AssociationTypeDef = {
      typeId,
      category: 'USER_DEFINED',
      from: from.name,
      to: to.name,
      label,
      name,
      inverseTypeId,
    };
    const created = [forward];
    if (!symmetric || from.name !== to.name) {
      created.push({
        typeId: inverseTypeId,
        category: 'USER_DEFINED',
        from: to.name,
        to: from.name,
        label: inverseLabel ?? label,
        name: `${name}_inverse`,
        inverseTypeId: typeId,
      });
    }
    this.defs.push(...created);
    return created;
  }

  userDefined(typeId: number, from: ObjectType, to: ObjectType): AssociationTypeDef {
    const def = this.defs.find(
      (d) => d.category === 'USER_DEFINED' && d.typeId === typeId && d.from === from.name && d.to === to.name,
    );
    if (!def) throw validationError(`Association type ${typeId} is not a label between ${from.name} and ${to.name}`);
    return def;
  }

  remove(def: AssociationTypeDef): void {
    for (let i = this.defs.length - 1; i >= 0; i -= 1) {
      const d = this.defs[i];
      if (
        d &&
        d.category === 'USER_DEFINED' &&
        (d === def || (d.typeId === def.inverseTypeId && d.from === def.to && d.to === def.from))
      )
        this.defs.splice(i, 1);
    }
  }

  userLabels(): AssociationTypeDef[] {
    return this.defs.filter((d) => d.category === 'USER_DEFINED');
  }
}

/** The v3 name of an association type, e.g. "deal_to_contact" or "contact_to_company_unlabeled". */
export function v3TypeName(def: AssociationTypeDef, from: ObjectType, to: ObjectType, pairHasLabels: boolean): string {
  const base = `${from.singular}_to_${to.singular}`;
  if (def.category !== 'HUBSPOT_DEFINED') return def.name ?? base;
  return def.label === null && pairHasLabels ? `${base}_unlabeled` : base;
}
