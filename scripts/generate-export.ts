/**
 * Generates realistic csexport `/f:x` files (seeded, so every run with the same options writes the
 * same bytes): Azure AD connector users, groups with member changes, contacts and devices, with every
 * operation, holograms and the bookkeeping elements csexport writes. Used by the bench and by tests.
 *
 *   tsx scripts/generate-export.ts --objects 200000 --out big.xml [--seed 7] [--encoding utf16le] [--indent]
 */
import { seededRandom } from '../shared/testing/seeded-random.js';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { isMainModule } from '../shared/is-main-module.node.js';

export type GeneratedEncoding = 'utf8' | 'utf16le' | 'utf16be';

export interface GenerateOptions {
  objects: number;
  seed?: number;
  /** Pretty-print with CRLF line breaks, as the on-premises AD sample is. csexport itself writes none. */
  indent?: boolean;
}

const FIRST = [
  'Ahmed',
  'Birgit',
  'Chen',
  'Dana',
  'Eve',
  'Farah',
  'Gustav',
  'Hana',
  'Ines',
  'José',
  'Kofi',
  'Lena',
  'Mateo',
  'Nora',
  'Olu',
  'Priya',
  'Quinn',
  'Rosa',
  'Sven',
  'Tomás',
  'Uma',
  'Viktor',
  'Wen',
  'Yara',
  'Zoë',
];
const LAST = [
  'Karimi',
  'Ölsner',
  'Wei',
  "O'Brien",
  'Formula',
  'Haddad',
  'Lind',
  'Sato',
  'Moreau',
  'García',
  'Mensah',
  'Berg',
  'Ortiz',
  'Novak',
  'Adeyemi',
  'Patel',
  'Fischer',
  'Díaz',
  'Nilsson',
  'Silva',
  'Rao',
  'Petrov',
  'Zhang',
  'Costa',
  'Müller',
];
const DEPARTMENTS = ['Finance', 'Research & Development', 'Sales', 'Legal', 'Operations', 'IT <Infrastructure>', 'HR'];

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

type Operation = 'add' | 'update' | 'delete' | 'delete-add';

interface Person {
  dn: string;
  upn: string;
  displayName: string;
  sam: string;
  department: string;
  sourceAnchor: string;
}

/** Builds one object at a time; `nl` and `pad` are empty unless indenting. */
class ExportBuilder {
  private readonly random: () => number;
  private readonly nl: string;
  private readonly people: Person[] = [];
  private index = 0;

  constructor(options: GenerateOptions) {
    this.random = seededRandom(options.seed ?? 1);
    this.nl = options.indent ? '\r\n' : '';
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)] as T;
  }

  private hex(length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += '0123456789ABCDEF'[Math.floor(this.random() * 16)];
    return out;
  }

  private base64(bytes: number): string {
    const buffer = Buffer.alloc(bytes);
    for (let i = 0; i < bytes; i++) buffer[i] = Math.floor(this.random() * 256);
    return buffer.toString('base64');
  }

  private line(depth: number, text: string): string {
    return this.nl ? '  '.repeat(depth) + text + this.nl : text;
  }

  private attr(
    depth: number,
    name: string,
    values: string[],
    opts: { op?: string; type?: string; mv?: boolean; valueOps?: string[]; base64?: boolean } = {},
  ): string {
    const type = opts.type ?? 'string';
    const mv = opts.mv ?? values.length > 1;
    const op = opts.op ? ` operation="${opts.op}"` : '';
    let out = this.line(depth, `<attr name="${name}" type="${type}" multivalued="${mv}"${op}>`);
    values.forEach((value, i) => {
      const valueOp = opts.valueOps?.[i] ? ` operation="${opts.valueOps[i]}"` : '';
      const encoding = opts.base64 ? ' encoding="base64"' : '';
      out += this.line(depth + 1, `<value${valueOp}${encoding}>${escapeXml(value)}</value>`);
    });
    return out + this.line(depth, '</attr>');
  }

  private dnAttr(depth: number, name: string, dns: string[], opts: { op?: string; valueOps?: string[] } = {}): string {
    const op = opts.op ? ` operation="${opts.op}"` : '';
    let out = this.line(depth, `<dn-attr name="${name}" multivalued="${name === 'member'}"${op}>`);
    dns.forEach((dn, i) => {
      const valueOp = opts.valueOps?.[i] ? ` operation="${opts.valueOps[i]}"` : '';
      out += this.line(depth + 1, `<dn-value${valueOp}><dn>${escapeXml(dn)}</dn></dn-value>`);
    });
    return out + this.line(depth, '</dn-attr>');
  }

  private newPerson(): Person {
    const first = this.pick(FIRST);
    const last = this.pick(LAST);
    const n = this.index;
    const local = `${first}.${last}${n}`
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9.]/g, '');
    return {
      dn: `CN={${this.hex(32)}}`,
      upn: `${local}@contoso.com`,
      displayName: n % 97 === 0 ? `=${first} ${last}` : `${first} ${last}`,
      sam: local.slice(0, 20),
      department: this.pick(DEPARTMENTS),
      sourceAnchor: this.base64(16),
    };
  }

  private userAttrs(depth: number, p: Person, extra: { department?: string; upn?: string } = {}): string {
    const upn = extra.upn ?? p.upn;
    return (
      this.line(depth, '<primary-objectclass>user</primary-objectclass>') +
      this.line(depth, '<objectclass><oc-value>user</oc-value></objectclass>') +
      this.attr(depth, 'cloudAnchor', [`User_${this.hex(8).toLowerCase()}-0000-4000-8000-${this.hex(12).toLowerCase()}`]) +
      this.attr(depth, 'sourceAnchor', [p.sourceAnchor]) +
      this.attr(depth, 'userPrincipalName', [upn]) +
      this.attr(depth, 'displayName', [p.displayName]) +
      this.attr(depth, 'mail', [upn]) +
      this.attr(depth, 'proxyAddresses', [`SMTP:${upn}`, `smtp:${p.sam}@contoso.mail.onmicrosoft.com`], { mv: true }) +
      this.attr(depth, 'onPremisesSamAccountName', [p.sam]) +
      this.attr(depth, 'onPremisesDistinguishedName', [`CN=${p.displayName},OU=Staff,DC=contoso,DC=com`]) +
      this.attr(depth, 'accountEnabled', ['true'], { type: 'boolean' }) +
      this.attr(depth, 'dnsDomainName', ['contoso.com']) +
      this.attr(depth, 'department', [extra.department ?? p.department])
    );
  }

  private hologram(depth: number, tag: string, dn: string, body: string): string {
    return (
      this.line(depth, `<${tag}>`) +
      this.line(depth + 1, `<entry dn="${escapeXml(dn)}">`) +
      body +
      this.line(depth + 1, '</entry>') +
      this.line(depth, `</${tag}>`)
    );
  }

  private bookkeeping(depth: number, operation: string): string {
    const items: Array<[string, string]> = [
      ['connector', '1'],
      ['connector-state', 'normal'],
      ['disconnection-type', 'none'],
      ['seen-by-import', '1'],
      ['rebuild-in-progress', '0'],
      ['obsoletion', '0'],
      ['need-full-sync', '0'],
      ['placeholder-parent', '0'],
      ['placeholder-link', '0'],
      ['placeholder-delete', '0'],
      ['pending', '0'],
      ['ref-retry', '0'],
      ['rename-retry', '0'],
      ['import-delta-operation', 'none'],
      ['export-delta-operation', operation],
      ['ma-id', '{B891884F-051E-4A83-95AF-2544101C9083}'],
      ['ma-name', 'contoso.onmicrosoft.com - AAD'],
      ['partition-id', '{7B2E0C22-9C0A-4E55-8D4F-6F3C2E1B0A11}'],
      ['partition-name', 'default'],
      ['last-import-delta-time', '2026-03-04 08:02:40.117'],
      ['last-export-delta-time', '2026-02-27 21:40:02.503'],
    ];
    return items.map(([tag, text]) => this.line(depth, `<${tag}>${text}</${tag}>`)).join('');
  }

  private wrap(id: number, dn: string, objectType: string, body: string): string {
    const idText = `{${id.toString(16).toUpperCase().padStart(8, '0')}-1111-4A4A-9B9B-${id.toString(16).toUpperCase().padStart(12, '0')}}`;
    return this.line(1, `<cs-object cs-dn="${escapeXml(dn)}" id="${idText}" object-type="${objectType}">`) + body + this.line(1, '</cs-object>');
  }

  private delta(depth: number, operation: string, dn: string, body: string): string {
    return (
      this.line(depth, '<unapplied-export>') +
      this.line(depth + 1, `<delta operation="${operation}" dn="${escapeXml(dn)}">`) +
      body +
      this.line(depth + 1, '</delta>') +
      this.line(depth, '</unapplied-export>')
    );
  }

  private user(operation: Operation): string {
    const p = this.newPerson();
    this.people.push(p);
    if (this.people.length > 5000) this.people.shift();
    let body = '';
    if (operation === 'add') {
      body += this.delta(2, 'add', p.dn, this.userAttrs(3, p).replace(/<attr ([^>]*)>/g, '<attr $1 operation="add">'));
      body += this.hologram(2, 'unapplied-export-hologram', p.dn, this.userAttrs(3, p));
    } else if (operation === 'delete') {
      body += this.delta(2, 'delete', p.dn, '');
      body += this.hologram(2, 'synchronized-hologram', p.dn, this.userAttrs(3, p));
    } else if (operation === 'delete-add') {
      body += this.delta(2, 'delete-add', p.dn, this.userAttrs(3, p).replace(/<attr ([^>]*)>/g, '<attr $1 operation="add">'));
      body += this.hologram(2, 'synchronized-hologram', p.dn, this.userAttrs(3, p));
      body += this.hologram(2, 'unapplied-export-hologram', p.dn, this.userAttrs(3, p));
    } else {
      const department = this.pick(DEPARTMENTS);
      const renamed = this.random() < 0.2 ? p.upn.replace('@contoso.com', '@fabrikam.com') : undefined;
      let changes = this.attr(3, 'department', [department], { op: 'replace' });
      changes += this.attr(3, 'proxyAddresses', [`smtp:${p.sam}.alias@contoso.com`, `smtp:${p.sam}@contoso.mail.onmicrosoft.com`], {
        op: 'update',
        mv: true,
        valueOps: ['add', 'delete'],
      });
      if (renamed) changes += this.attr(3, 'userPrincipalName', [renamed], { op: 'replace' });
      if (this.people.length > 2 && this.random() < 0.3) changes += this.dnAttr(3, 'manager', [this.pick(this.people).dn], { op: 'replace' });
      body += this.delta(2, 'update', p.dn, changes);
      body += this.hologram(2, 'synchronized-hologram', p.dn, this.userAttrs(3, p));
      body += this.hologram(2, 'unapplied-export-hologram', p.dn, this.userAttrs(3, p, { department, upn: renamed }));
    }
    return this.wrap(this.index, p.dn, 'user', body + this.bookkeeping(2, operation));
  }

  private group(): string {
    const dn = `CN={${this.hex(32)}}`;
    const members = Array.from({ length: 2 + Math.floor(this.random() * 6) }, () =>
      this.people.length && this.random() < 0.9 ? this.pick(this.people).dn : `CN={${this.hex(32)}}`,
    );
    const valueOps = members.map(() => (this.random() < 0.7 ? 'add' : 'delete'));
    const name = `${this.pick(DEPARTMENTS)} Team ${this.index}`;
    const attrs = (depth: number) =>
      this.line(depth, '<primary-objectclass>group</primary-objectclass>') +
      this.attr(depth, 'displayName', [name]) +
      this.attr(depth, 'mail', [`team${this.index}@contoso.com`]) +
      this.attr(depth, 'securityEnabled', ['true'], { type: 'boolean' });
    let body = this.delta(2, 'update', dn, this.dnAttr(3, 'member', members, { op: 'update', valueOps }));
    body += this.hologram(2, 'synchronized-hologram', dn, attrs(3));
    body += this.hologram(2, 'unapplied-export-hologram', dn, attrs(3));
    return this.wrap(this.index, dn, 'group', body + this.bookkeeping(2, 'update'));
  }

  private contact(): string {
    const dn = `CN={${this.hex(32)}}`;
    const name = `${this.pick(FIRST)} ${this.pick(LAST)} (external)`;
    const attrs = (depth: number, op?: string) =>
      this.attr(depth, 'displayName', [name], { op }) +
      this.attr(depth, 'mail', [`contact${this.index}@partner.example`], { op }) +
      this.attr(depth, 'proxyAddresses', [`SMTP:contact${this.index}@partner.example`], { op, mv: true });
    let body = this.delta(2, 'add', dn, attrs(3, 'add'));
    body += this.hologram(2, 'unapplied-export-hologram', dn, this.line(3, '<primary-objectclass>contact</primary-objectclass>') + attrs(3));
    return this.wrap(this.index, dn, 'contact', body + this.bookkeeping(2, 'add'));
  }

  next(): string {
    this.index++;
    const roll = this.random();
    if (roll < 0.1) return this.group();
    if (roll < 0.15) return this.contact();
    if (roll < 0.3) return this.user('add');
    if (roll < 0.4) return this.user('delete');
    if (roll < 0.43) return this.user('delete-add');
    return this.user('update');
  }

  header(): string {
    return `<?xml version="1.0" encoding="UTF-8"?>${this.nl}${this.line(0, '<cs-objects>')}`;
  }

  footer(): string {
    return this.line(0, '</cs-objects>');
  }
}

/** Yields the document as text pieces, header, one piece per object, footer. */
export function* generateExport(options: GenerateOptions): Generator<string> {
  const builder = new ExportBuilder(options);
  yield builder.header();
  for (let i = 0; i < options.objects; i++) yield builder.next();
  yield builder.footer();
}

export function encodeText(text: string, encoding: GeneratedEncoding): Buffer {
  if (encoding === 'utf8') return Buffer.from(text, 'utf8');
  const le = Buffer.from(text, 'utf16le');
  return encoding === 'utf16le' ? le : le.swap16();
}

function byteOrderMark(encoding: GeneratedEncoding): Buffer {
  if (encoding === 'utf16le') return Buffer.from([0xff, 0xfe]);
  if (encoding === 'utf16be') return Buffer.from([0xfe, 0xff]);
  return Buffer.alloc(0);
}

/** Writes a generated file; UTF-16 files get a BOM (and the declaration says UTF-16), as csexport's do. */
export async function writeGeneratedExport(path: string, options: GenerateOptions & { encoding?: GeneratedEncoding }): Promise<void> {
  const encoding = options.encoding ?? 'utf8';
  const out = createWriteStream(path);
  out.write(byteOrderMark(encoding));
  let pending = '';
  for (const piece of generateExport(options)) {
    const text = encoding === 'utf8' ? piece : piece.replace('encoding="UTF-8"', 'encoding="UTF-16"');
    pending += text;
    if (pending.length > 1 << 20) {
      if (!out.write(encodeText(pending, encoding))) await once(out, 'drain');
      pending = '';
    }
  }
  out.write(encodeText(pending, encoding));
  out.end();
  await once(out, 'finish');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      objects: { type: 'string', default: '1000' },
      out: { type: 'string' },
      seed: { type: 'string', default: '1' },
      encoding: { type: 'string', default: 'utf8' },
      indent: { type: 'boolean', default: false },
    },
  });
  if (!values.out) throw new Error('--out FILE is required');
  const encoding = values.encoding as GeneratedEncoding;
  if (!['utf8', 'utf16le', 'utf16be'].includes(encoding)) throw new Error('--encoding must be utf8, utf16le or utf16be');
  await writeGeneratedExport(values.out, { objects: Number(values.objects), seed: Number(values.seed), indent: values.indent, encoding });
}

if (isMainModule(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
