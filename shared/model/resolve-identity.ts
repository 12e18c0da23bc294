/** Resolves who an object is from its holograms, its delta and, last, its DN. */
import type { Identity, IdentityField, IdentitySource } from './csexport-model.js';
import { bytesToGuid, decodeBase64 } from './attribute-values.js';

/** An attribute's values by lower-cased name, as one hologram or the delta holds them. */
export type AttributeBag = Map<string, Array<{ raw: string; base64: boolean }>>;

export interface IdentitySources {
  exportHologram?: AttributeBag;
  synchronizedHologram?: AttributeBag;
  pendingImportHologram?: AttributeBag;
  delta?: AttributeBag;
  dn: string;
}

type FieldReader = (bag: AttributeBag) => string | undefined;

function first(bag: AttributeBag, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = bag.get(name)?.[0]?.raw;
    if (value !== undefined && value !== '') return value;
  }
  return undefined;
}

function guidOf(bag: AttributeBag, name: string): string | undefined {
  const value = bag.get(name)?.[0];
  if (!value?.base64) return undefined;
  const bytes = decodeBase64(value.raw);
  return bytes?.length === 16 ? bytesToGuid(bytes) : undefined;
}

const FIELD_READERS: Record<IdentityField, FieldReader> = {
  userPrincipalName: (bag) => first(bag, 'userprincipalname'),
  displayName: (bag) => first(bag, 'displayname'),
  mail: (bag) => first(bag, 'mail'),
  primarySmtp: (bag) =>
    bag
      .get('proxyaddresses')
      ?.find((v) => v.raw.startsWith('SMTP:'))
      ?.raw.slice(5),
  sourceAnchor: (bag) => first(bag, 'sourceanchor', 'msds-consistencyguid', 'ms-ds-consistencyguid'),
  cloudAnchor: (bag) => first(bag, 'cloudanchor'),
  alias: (bag) => first(bag, 'alias', 'mailnickname'),
  samAccountName: (bag) => first(bag, 'samaccountname', 'onpremisessamaccountname'),
  objectGuid: (bag) => guidOf(bag, 'objectguid'),
};

/** The value of a DN's first RDN: `CN=Ortiz\, Mateo,OU=...` gives `Ortiz, Mateo`; a DN without `=` is itself. */
export function rdnValue(dn: string): string {
  const eq = dn.indexOf('=');
  if (eq === -1) return dn.trim();
  let out = '';
  // RFC 4514: `\XX` escapes are UTF-8 bytes, possibly several for one character.
  let escapedBytes: number[] = [];
  const flush = () => {
    if (escapedBytes.length) out += new TextDecoder().decode(Uint8Array.from(escapedBytes));
    escapedBytes = [];
  };
  for (let i = eq + 1; i < dn.length; i++) {
    const c = dn[i] as string;
    if (c === '\\' && i + 1 < dn.length) {
      const hexPair = dn.slice(i + 1, i + 3);
      if (/^[0-9a-fA-F]{2}$/.test(hexPair)) {
        // `\00` would put U+0000 in a name, which XML never could: rows cross threads joined by it
        // (packed-rows.ts). It shows as U+FFFD, as undecodable bytes do.
        const byte = parseInt(hexPair, 16);
        if (byte === 0) {
          flush();
          out += '\uFFFD';
        } else escapedBytes.push(byte);
        i += 2;
        continue;
      }
      flush();
      out += dn[++i];
      continue;
    }
    flush();
    if (c === ',' || c === '+') break;
    out += c;
  }
  flush();
  return out.trim();
}

export function resolveIdentity(sources: IdentitySources): Identity {
  const ordered: Array<[IdentitySource, AttributeBag | undefined]> = [
    ['export-hologram', sources.exportHologram],
    ['synchronized-hologram', sources.synchronizedHologram],
    ['pending-import-hologram', sources.pendingImportHologram],
    ['delta', sources.delta],
  ];
  const identity: Identity = { sources: {} };
  for (const field of Object.keys(FIELD_READERS) as IdentityField[]) {
    for (const [source, bag] of ordered) {
      if (!bag) continue;
      const value = FIELD_READERS[field](bag);
      if (value !== undefined) {
        identity[field] = value;
        identity.sources[field] = source;
        break;
      }
    }
  }
  if (identity.displayName === undefined && identity.userPrincipalName === undefined) {
    const rdn = rdnValue(sources.dn);
    if (rdn) {
      identity.displayName = rdn;
      identity.sources.displayName = 'dn';
    }
  }
  return identity;
}

/** The one rule for the name that says who an object is: UPN, else displayName, else the DN. */
export function whoLabel(userPrincipalName: string | undefined, displayName: string | undefined, dn: string): string {
  return userPrincipalName || displayName || dn;
}

export function identityLabel(identity: Identity, dn: string): string {
  return whoLabel(identity.userPrincipalName, identity.displayName, dn);
}

/** Where the label came from (the "identity source" column). */
export function identitySource(identity: Identity): IdentitySource | undefined {
  return identity.userPrincipalName !== undefined ? identity.sources.userPrincipalName : identity.sources.displayName;
}
