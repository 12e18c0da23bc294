/**
 * An export with planted mass changes and exact figures, for the impact's tests: a UPN suffix change
 * on hundreds of users, a department change (with values set and cleared), and groups losing and
 * gaining members, by per-value update and by replace. Written in UTF-8 or UTF-16 (with a BOM).
 */
import { writeFileSync } from 'node:fs';

export const IMPACT_FIXTURE = {
  upnChanged: 300,
  departmentChanged: 120,
  departmentSet: 10,
  departmentCleared: 5,
  adds: 20,
  deletes: 15,
  allStaffRemoved: 250,
  /** Of All Staff's removed members, not in the file (so not resolvable). */
  allStaffRemovedElsewhere: 3,
  phoenixAdded: 30,
  phoenixRemoved: 5,
  /** Finance Approvers' members are replaced: 10 now, 10 after, 2 of them new. */
  approversAdded: 2,
  approversRemoved: 2,
} as const;

const F = IMPACT_FIXTURE;

const hex = (n: number, width: number) => n.toString(16).toUpperCase().padStart(width, '0');
export const userId = (n: number) => `{${hex(n, 8)}-3333-4C4C-9D9D-${hex(n, 12)}}`;
export const userDn = (n: number) => `CN={${hex(n, 32)}}`;
export const userUpn = (n: number) => `user${n}@contoso.com`;
const groupId = (n: number) => `{${hex(n, 8)}-4444-4D4D-9E9E-${hex(n, 12)}}`;
const groupDn = (n: number) => `CN={${'9'.repeat(24)}${hex(n, 8)}}`;

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

function attr(name: string, values: string[], options: { op?: string; valueOps?: string[]; multivalued?: boolean } = {}): string {
  const op = options.op ? ` operation="${options.op}"` : '';
  const values_ = values.map((v, i) => `<value${options.valueOps?.[i] ? ` operation="${options.valueOps[i]}"` : ''}>${escape(v)}</value>`).join('');
  return `<attr name="${name}" type="string" multivalued="${options.multivalued ?? false}"${op}>${values_}</attr>`;
}

function members(dns: string[], options: { op?: string; valueOps?: string[] } = {}): string {
  const op = options.op ? ` operation="${options.op}"` : '';
  const values = dns
    .map((dn, i) => `<dn-value${options.valueOps?.[i] ? ` operation="${options.valueOps[i]}"` : ''}><dn>${escape(dn)}</dn></dn-value>`)
    .join('');
  return `<dn-attr name="member" multivalued="true"${op}>${values}</dn-attr>`;
}

function csObject(id: string, dn: string, type: string, operation: string, delta: string, now?: string, after?: string): string {
  const hologram = (tag: string, body: string | undefined) => (body === undefined ? '' : `<${tag}><entry dn="${escape(dn)}">${body}</entry></${tag}>`);
  return (
    `<cs-object cs-dn="${escape(dn)}" id="${id}" object-type="${type}">` +
    `<unapplied-export><delta operation="${operation}" dn="${escape(dn)}">${delta}</delta></unapplied-export>` +
    hologram('synchronized-hologram', now) +
    hologram('unapplied-export-hologram', after) +
    `<export-delta-operation>${operation}</export-delta-operation></cs-object>\n`
  );
}

interface User {
  n: number;
  upn: string;
  department?: string;
}

function userBody(user: User, changes: Partial<User> = {}): string {
  const next = { ...user, ...changes };
  return (
    attr('userPrincipalName', [next.upn]) +
    attr('displayName', [`User ${user.n}`]) +
    attr('mail', [user.upn]) +
    (next.department === undefined ? '' : attr('department', [next.department]))
  );
}

/** The fixture's text; `impactFixtureExpectations` in the tests say what it holds. */
export function impactFixtureXml(): string {
  const objects: string[] = [];
  let n = 0;
  const update = (user: User, delta: string, changes: Partial<User>) =>
    objects.push(csObject(userId(user.n), userDn(user.n), 'user', 'update', delta, userBody(user), userBody(user, changes)));
  for (let i = 0; i < F.upnChanged; i++) {
    const user = { n: ++n, upn: userUpn(n), department: 'Sales' };
    const upn = user.upn.replace('@contoso.com', '@fabrikam.com');
    update(user, attr('userPrincipalName', [upn], { op: 'replace' }), { upn });
  }
  for (let i = 0; i < F.departmentChanged; i++) {
    const user = { n: ++n, upn: userUpn(n), department: 'Sales' };
    update(user, attr('department', ['Marketing'], { op: 'replace' }), { department: 'Marketing' });
  }
  for (let i = 0; i < F.departmentSet; i++) {
    const user = { n: ++n, upn: userUpn(n) };
    update(user, attr('department', ['Finance'], { op: 'replace' }), { department: 'Finance' });
  }
  for (let i = 0; i < F.departmentCleared; i++) {
    const user = { n: ++n, upn: userUpn(n), department: 'Sales' };
    objects.push(
      csObject(
        userId(user.n),
        userDn(user.n),
        'user',
        'update',
        attr('department', [], { op: 'delete' }),
        userBody(user),
        userBody({ ...user, department: undefined }),
      ),
    );
  }
  for (let i = 0; i < F.adds; i++) {
    const user = { n: ++n, upn: userUpn(n), department: 'Sales' };
    const body = userBody(user);
    objects.push(csObject(userId(user.n), userDn(user.n), 'user', 'add', body.replace(/<attr ([^>]*)>/g, '<attr $1 operation="add">'), undefined, body));
  }
  for (let i = 0; i < F.deletes; i++) {
    const user = { n: ++n, upn: userUpn(n), department: 'Sales' };
    objects.push(csObject(userId(user.n), userDn(user.n), 'user', 'delete', '', userBody(user)));
  }
  const group = (g: number, name: string, operation: string, delta: string, now: string[] = []) => {
    const body = (dns: string[]) => attr('displayName', [name]) + (dns.length ? members(dns) : '');
    objects.push(csObject(groupId(g), groupDn(g), 'group', operation, delta, operation === 'add' ? undefined : body(now), body([])));
  };
  const removed = Array.from({ length: F.allStaffRemoved }, (_, i) => (i < F.allStaffRemovedElsewhere ? `CN={${'E'.repeat(24)}${hex(i, 8)}}` : userDn(i + 1)));
  group(1, 'All Staff', 'update', members(removed, { op: 'update', valueOps: removed.map(() => 'delete') }));
  const phoenix = [
    ...Array.from({ length: F.phoenixAdded }, (_, i) => userDn(300 + i + 1)),
    ...Array.from({ length: F.phoenixRemoved }, (_, i) => userDn(i + 1)),
  ];
  group(2, 'Project Phoenix', 'update', members(phoenix, { op: 'update', valueOps: phoenix.map((_, i) => (i < F.phoenixAdded ? 'add' : 'delete')) }));
  const approversNow = Array.from({ length: 10 }, (_, i) => userDn(i + 1));
  // The directory compares DNs without case: one kept member is written in lower case after.
  const approversAfter = [...approversNow.slice(2, 9), approversNow[9]?.toLowerCase() ?? '', userDn(11), userDn(12)];
  group(3, 'Finance Approvers', 'replace', members(approversAfter, { op: 'replace' }), approversNow);
  group(4, 'New Starters', 'add', attr('displayName', ['New Starters'], { op: 'add' }) + members([userDn(1), userDn(2)], { op: 'add' }));
  return `<?xml version="1.0" encoding="UTF-8"?>\n<cs-objects>\n${objects.join('')}</cs-objects>\n`;
}

export function writeImpactFixture(path: string, encoding: 'utf8' | 'utf16le' = 'utf8'): void {
  const text = impactFixtureXml();
  if (encoding === 'utf8') writeFileSync(path, text);
  else writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.replace('encoding="UTF-8"', 'encoding="UTF-16"'), 'utf16le')]));
}
