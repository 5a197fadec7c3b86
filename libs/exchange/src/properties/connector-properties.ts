import { ExtendedPropertyDefinition, Guid, MapiPropertyType, type Item } from 'ews-javascript-api';
import type { MarkerProperty } from '../exchange.port.js';

/** The named MAPI properties the connector reads and writes, all in its own property set. */
export class ConnectorProperties {
  readonly markers: Record<MarkerProperty, ExtendedPropertyDefinition>;
  /** Tells our absence blocks from ordinary appointments in the same calendar. */
  readonly absenceKind: ExtendedPropertyDefinition;
  /** A contact entry standing for a company, not a person (no EWS field says so). */
  readonly isCompany: ExtendedPropertyDefinition;
  /** The CRM activity kind (visit, meeting…) of an appointment. */
  readonly activityKind: ExtendedPropertyDefinition;
  readonly extras: ReadonlyMap<string, ExtendedPropertyDefinition>;

  constructor(propertySetId: string, extraNames: readonly string[] = []) {
    const guid = new Guid(propertySetId);
    const named = (name: string) => new ExtendedPropertyDefinition(guid, name, MapiPropertyType.String);
    this.markers = { linkId: named('ConnectorLinkId'), crmId: named('ConnectorCrmId'), failureReason: named('ConnectorFailureReason') };
    this.absenceKind = named('ConnectorAbsenceKind');
    this.isCompany = named('ConnectorIsCompany');
    this.activityKind = named('ConnectorActivityKind');
    this.extras = new Map(extraNames.map((name) => [name, named(`Extra:${name}`)]));
  }

  get markerDefinitions(): ExtendedPropertyDefinition[] {
    return Object.values(this.markers);
  }

  get extraDefinitions(): ExtendedPropertyDefinition[] {
    return [...this.extras.values()];
  }

  readMarkers(item: Item): Partial<Record<MarkerProperty, string>> {
    const out: Partial<Record<MarkerProperty, string>> = {};
    for (const [name, def] of Object.entries(this.markers) as [MarkerProperty, ExtendedPropertyDefinition][]) {
      const value = readString(item, def);
      if (value !== undefined) out[name] = value;
    }
    return out;
  }

  read(item: Item, def: ExtendedPropertyDefinition): string | undefined {
    return readString(item, def);
  }

  readFlag(item: Item, def: ExtendedPropertyDefinition): boolean {
    return readString(item, def) === 'true';
  }

  readExtras(item: Item): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [name, def] of this.extras) {
      const value = readString(item, def);
      if (value !== undefined) out[name] = value;
    }
    return out;
  }
}

export function readString(item: Item, def: ExtendedPropertyDefinition): string | undefined {
  const out: { outValue: unknown } = { outValue: undefined };
  if (!item.ExtendedProperties.TryGetValue(def, out as never)) return undefined;
  return out.outValue === undefined || out.outValue === null ? undefined : String(out.outValue);
}
