import type { Client } from '@hubspot/api-client';

/** A property as the portal has it now (HubSpot's defaults and any created one). */
export interface HubSpotProperty {
  name: string;
  label: string;
  type: string;
  fieldType: string;
  groupName: string;
  /** HubSpot computes it (modificationMetadata.readOnlyValue): no API write takes it. */
  readOnly: boolean;
  /** An enumeration's options, in HubSpot's order. */
  options?: HubSpotPropertyOption[];
}

export interface HubSpotPropertyOption {
  label: string;
  value: string;
  displayOrder: number;
  hidden: boolean;
}

type Call = <T>(work: (client: Client) => Promise<T>) => Promise<T>;

/** The portal's live, unarchived properties of one object type (one call: HubSpot does not page this list). */
export async function readProperties(call: Call, objectType: string): Promise<HubSpotProperty[]> {
  const page = await call((client) => client.crm.properties.coreApi.getAll(objectType, false));
  return page.results.map(({ name, label, type, fieldType, groupName, modificationMetadata, options }) => ({
    name,
    label,
    type,
    fieldType,
    groupName,
    readOnly: modificationMetadata?.readOnlyValue === true,
    options: options.map((option) => ({
      label: option.label,
      value: option.value,
      displayOrder: option.displayOrder ?? 0,
      hidden: option.hidden,
    })),
  }));
}
