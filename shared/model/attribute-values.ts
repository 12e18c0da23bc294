/** Turns a value as written in the file into the readable forms an admin compares (GUID, decimal, text). */
import type { AttributeValue } from './csexport-model.js';

const GUID_ATTRIBUTES = new Set(['objectguid', 'msds-consistencyguid', 'ms-ds-consistencyguid', 'msds-deviceid', 'sourceanchorbinary']);

/** userAccountControl bits (Microsoft's documented flag names). */
const USER_ACCOUNT_CONTROL_FLAGS: ReadonlyArray<[number, string]> = [
  [0x0001, 'SCRIPT'],
  [0x0002, 'ACCOUNTDISABLE'],
  [0x0008, 'HOMEDIR_REQUIRED'],
  [0x0010, 'LOCKOUT'],
  [0x0020, 'PASSWD_NOTREQD'],
  [0x0040, 'PASSWD_CANT_CHANGE'],
  [0x0080, 'ENCRYPTED_TEXT_PWD_ALLOWED'],
  [0x0100, 'TEMP_DUPLICATE_ACCOUNT'],
  [0x0200, 'NORMAL_ACCOUNT'],
  [0x0800, 'INTERDOMAIN_TRUST_ACCOUNT'],
  [0x1000, 'WORKSTATION_TRUST_ACCOUNT'],
  [0x2000, 'SERVER_TRUST_ACCOUNT'],
  [0x10000, 'DONT_EXPIRE_PASSWORD'],
  [0x20000, 'MNS_LOGON_ACCOUNT'],
  [0x40000, 'SMARTCARD_REQUIRED'],
  [0x80000, 'TRUSTED_FOR_DELEGATION'],
  [0x100000, 'NOT_DELEGATED'],
  [0x200000, 'USE_DES_KEY_ONLY'],
  [0x400000, 'DONT_REQ_PREAUTH'],
  [0x800000, 'PASSWORD_EXPIRED'],
  [0x1000000, 'TRUSTED_TO_AUTH_FOR_DELEGATION'],
  [0x4000000, 'PARTIAL_SECRETS_ACCOUNT'],
];

export function userAccountControlFlags(value: number): string[] {
  return USER_ACCOUNT_CONTROL_FLAGS.filter(([bit]) => (value & bit) !== 0).map(([, name]) => name);
}

export function decodeBase64(text: string): Uint8Array | undefined {
  try {
    const binary = atob(text.replace(/\s+/g, ''));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return undefined;
  }
}

function hex(bytes: Uint8Array, from: number, to: number, reverse: boolean): string {
  let out = '';
  for (let i = from; i < to; i++) out += (bytes[reverse ? to - 1 - (i - from) : i] as number).toString(16).padStart(2, '0');
  return out;
}

/** A 16-byte GUID in Microsoft (mixed-endian) byte order, as `[guid]` and AD tools show it. */
export function bytesToGuid(bytes: Uint8Array): string {
  return `${hex(bytes, 0, 4, true)}-${hex(bytes, 4, 6, true)}-${hex(bytes, 6, 8, true)}-${hex(bytes, 8, 10, false)}-${hex(bytes, 10, 16, false)}`;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function printableText(bytes: Uint8Array): string | undefined {
  try {
    const text = utf8.decode(bytes);
    // Control characters other than tab / CR / LF mean the bytes are not text.
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) return undefined;
    }
    return text;
  } catch {
    return undefined;
  }
}

/**
 * Parses an `integer` value. csexport writes integers in hex, with or without `0x`: so an all-digit
 * value is hex too (`200` is 512), never decimal.
 */
export function parseIntegerValue(raw: string): number | undefined {
  const text = raw.trim();
  if (/^-?0x[0-9a-f]+$/i.test(text)) return Number.parseInt(text.replace(/0x/i, ''), 16) * (text.startsWith('-') ? -1 : 1);
  if (/^[0-9a-f]+$/i.test(text) && /[a-f]/i.test(text)) return Number.parseInt(text, 16);
  if (/^-?[0-9]+$/.test(text)) return Number.parseInt(text, 16);
  return undefined;
}

export function describeValue(attributeName: string, type: string, raw: string, base64: boolean): AttributeValue {
  const value: AttributeValue = { raw, base64 };
  if (base64) {
    const bytes = decodeBase64(raw);
    if (bytes) {
      if (bytes.length === 16 && GUID_ATTRIBUTES.has(attributeName.toLowerCase())) value.guid = bytesToGuid(bytes);
      else {
        const text = printableText(bytes);
        if (text !== undefined && text.length > 0) value.text = text;
      }
    }
  } else if (type === 'integer') {
    const number = parseIntegerValue(raw);
    if (number !== undefined) {
      value.decimal = String(number);
      if (attributeName.toLowerCase() === 'useraccountcontrol') value.flags = userAccountControlFlags(number);
    }
  }
  return value;
}

/** The one-line form of a value for grids and CSV: GUID, decimal (+flags), decoded text, else raw. */
export function displayValue(value: AttributeValue): string {
  if (value.guid) return value.guid;
  if (value.decimal !== undefined) return value.flags?.length ? `${value.decimal} (${value.flags.join(', ')})` : value.decimal;
  if (value.text !== undefined) return value.text;
  return value.raw;
}

/**
 * What makes two values of an attribute the same value: the encoding and the text as written, DNs
 * (reference values) without case, as the directory compares them.
 */
export function sameValueKey(reference: boolean, value: Pick<AttributeValue, 'raw' | 'base64'>): string {
  return (value.base64 ? 'b' : 't') + (reference ? value.raw.toLowerCase() : value.raw);
}
