/**
 * Associations between records, kept in both directions: adding a type also adds its inverse, and a
 * labelled association always carries the pair's unlabeled default type, as in HubSpot.
 */
import type { ObjectType, ObjectTypeName } from '../object-types.js';
import type { AssociationTypeDef, AssociationTypes } from './types.js';

export interface RecordRef {
  type: ObjectType;
  id: string;
}

const nodeKey = (type: ObjectTypeName, id: string): string => `${type}:${id}`;

export class AssociationStore {
  /**
   * from node → to node → association types (USER_DEFINED/HUBSPOT_DEFINED defs), each once, in the order
   * added. An array, not a Set: a pair holds one or two types, and at a million records a Set per pair
   * costs hundreds of MB.
   */
  private readonly edges = new Map<string, Map<string, AssociationTypeDef[]>>();

  constructor(private readonly types: AssociationTypes) {}

  private addOne(from: RecordRef, to: RecordRef, def: AssociationTypeDef): void {
    const [fromKey, toKey] = [nodeKey(from.type.name, from.id), nodeKey(to.type.name, to.id)];
    let targets = this.edges.get(fromKey);
    if (!targets) this.edges.set(fromKey, (targets = new Map()));
    const types = targets.get(toKey);
    if (!types) targets.set(toKey, [def]);
    else if (!types.includes(def)) types.push(def);
  }

  /** Takes one type off a pair (one direction). */
  private removeOne(from: string, to: string, def: AssociationTypeDef): void {
    const types = this.edges.get(from)?.get(to);
    const at = types?.indexOf(def) ?? -1;
    if (types && at >= 0) types.splice(at, 1);
  }

  add(from: RecordRef, to: RecordRef, def: AssociationTypeDef): void {
    this.keepOnePrimary(from, to, def);
    const withDefault = def.label === null ? [def] : [def, this.types.defaultType(from.type, to.type)];
    for (const d of withDefault) {
      this.addOne(from, to, d);
      const inverse = this.types.byId(d.inverseTypeId, to.type, from.type);
      if (inverse) this.addOne(to, from, inverse);
    }
  }

  /**
   * "Only one can be the primary company" (associations v4 guide): a contact or deal holds at most
   * one Primary company. A new primary replaces the old one, which stays associated unlabelled.
   * Seen from either side: contact→company "Primary" (1) or company→contact "Primary" (2).
   */
  private keepOnePrimary(from: RecordRef, to: RecordRef, def: AssociationTypeDef): void {
    if (def.category !== 'HUBSPOT_DEFINED' || def.label !== 'Primary') return;
    const [holder, company] = from.type.name === 'companies' ? [to, from] : [from, to];
    const primary = this.types.byId(from === holder ? def.typeId : def.inverseTypeId, holder.type, company.type);
    if (!primary) return;
    for (const { toId, types } of this.list(holder, company.type)) {
      if (toId !== company.id && types.includes(primary))
        this.removeTypes(holder, { type: company.type, id: toId }, [primary]);
    }
  }

  /** Removes every association of one record, both ways (the record is gone for good). */
  forgetRecord(record: RecordRef): void {
    const key = nodeKey(record.type.name, record.id);
    for (const target of this.edges.get(key)?.keys() ?? []) this.edges.get(target)?.delete(key);
    this.edges.delete(key);
  }

  /** Removes every association between two records, both ways. */
  removeAll(from: RecordRef, to: RecordRef): void {
    this.edges.get(nodeKey(from.type.name, from.id))?.delete(nodeKey(to.type.name, to.id));
    this.edges.get(nodeKey(to.type.name, to.id))?.delete(nodeKey(from.type.name, from.id));
  }

  /** Removes some labelled types (and their inverses); the unlabeled default stays. */
  removeTypes(from: RecordRef, to: RecordRef, defs: AssociationTypeDef[]): void {
    const [fromKey, toKey] = [nodeKey(from.type.name, from.id), nodeKey(to.type.name, to.id)];
    for (const def of defs) {
      this.removeOne(fromKey, toKey, def);
      const inverse = this.types.byId(def.inverseTypeId, to.type, from.type);
      if (inverse) this.removeOne(toKey, fromKey, inverse);
    }
  }

  /** Every associated record of one type, in insertion order, with its types. */
  list(from: RecordRef, toType: ObjectType): Array<{ toId: string; types: AssociationTypeDef[] }> {
    const targets = this.edges.get(nodeKey(from.type.name, from.id));
    if (!targets) return [];
    const prefix = `${toType.name}:`;
    return [...targets]
      .filter(([key, types]) => key.startsWith(prefix) && types.length > 0)
      .map(([key, types]) => ({ toId: key.slice(prefix.length), types: [...types] }));
  }

  /** Drops a deleted label from every association that carried it. */
  forgetType(def: AssociationTypeDef): void {
    for (const [from, targets] of this.edges) for (const to of targets.keys()) this.removeOne(from, to, def);
  }

  snapshot(): Array<{
    from: string;
    to: string;
    types: Array<{ category: string; typeId: number; label: string | null }>;
  }> {
    return [...this.edges].flatMap(([from, targets]) =>
      [...targets]
        .filter(([, types]) => types.length > 0)
        .map(([to, types]) => ({
          from,
          to,
          types: types.map((t) => ({ category: t.category, typeId: t.typeId, label: t.label })),
        })),
    );
  }
}
