/**
 * Two servers' exports of the same connector, for comparing: different cs-object ids, the same DNs
 * (one written in another case), a rename, a move paired by source anchor, values in another order;
 * and a second sync cycle of each, where some differences are gone (transient). Expected figures:
 * COMPARE_FIXTURE.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const COMPARE_FIXTURE = {
  counts: { onlyInFirst: 2, onlyInSecond: 1, different: 3, same: 8 },
  /** With the second cycle of each side: user 8's and user 10's differences were transient. */
  steady: { onlyInFirst: 2, onlyInSecond: 0, different: 2, same: 8 },
  transient: 2,
} as const;

interface Change {
  n: number;
  server: 'A' | 'B';
  operation?: string;
  dn?: string;
  newDn?: string;
  attrs?: string;
  pending?: boolean;
}

const dnOf = (n: number, ou = 'Staff') => `CN=User ${n},OU=${ou},DC=contoso,DC=com`;
const attr = (name: string, values: string[], op = 'replace', valueOps?: string[]) =>
  `<attr name="${name}" type="string" multivalued="${values.length > 1 || !!valueOps}" operation="${op}">${values
    .map((v, i) => `<value${valueOps?.[i] ? ` operation="${valueOps[i]}"` : ''}>${v}</value>`)
    .join('')}</attr>`;

function object({ n, server, operation = 'update', dn = dnOf(n), newDn, attrs = attr('department', ['Marketing']), pending = true }: Change): string {
  const id = `{${server === 'A' ? 'AAAAAAAA' : 'BBBBBBBB'}-0000-4000-8000-${n.toString(16).padStart(12, '0')}}`;
  const now = `<synchronized-hologram><entry dn="${dn}">${attr('userPrincipalName', [`user${n}@contoso.com`])}${attr('displayName', [`User ${n}`])}${attr(
    'sourceAnchor',
    [`anchor-${n}`],
  )}</entry></synchronized-hologram>`;
  const delta = pending
    ? `<unapplied-export><delta operation="${operation}" dn="${dn}"${newDn ? ` newdn="${newDn}"` : ''}>${operation === 'delete' ? '' : attrs}</delta></unapplied-export>`
    : '';
  return `<cs-object cs-dn="${dn}" id="${id}" object-type="user">${delta}${now}</cs-object>\n`;
}

function document(objects: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<cs-objects>\n${objects.join('')}</cs-objects>\n`;
}

function server(name: 'A' | 'B', again: boolean): string {
  const objects: string[] = [];
  const add = (change: Omit<Change, 'server'>) => objects.push(object({ ...change, server: name }));
  for (let n = 1; n <= 5; n++) add({ n });
  add({ n: 6, dn: name === 'A' ? dnOf(6) : dnOf(6).toLowerCase() });
  add({ n: 7, attrs: attr('department', [name === 'A' ? 'Marketing' : 'Finance']) });
  add({ n: 8, operation: name === 'B' && !again ? 'delete' : 'update' });
  if (name === 'A') add({ n: 9 });
  if (name === 'B' && !again) add({ n: 10, operation: 'add' });
  if (name === 'A') add({ n: 11, newDn: 'CN=User Eleven,OU=Staff,DC=contoso,DC=com' });
  else add({ n: 11, dn: 'CN=User Eleven,OU=Staff,DC=contoso,DC=com' });
  add({ n: 12, dn: dnOf(12, name === 'A' ? 'Staff' : 'Moved') });
  const proxies = ['smtp:a13@contoso.com', 'smtp:b13@contoso.com'];
  add({ n: 13, attrs: attr('proxyAddresses', name === 'A' ? proxies : [...proxies].reverse(), 'update', ['add', 'add']) });
  add({ n: 14, pending: name === 'A' });
  return document(objects);
}

/** Writes first.xml, second.xml, first-again.xml and second-again.xml into `dir`; returns their paths. */
export function writeCompareFixture(dir: string): { first: string; second: string; firstAgain: string; secondAgain: string } {
  const paths = {
    first: join(dir, 'first.xml'),
    second: join(dir, 'second.xml'),
    firstAgain: join(dir, 'first-again.xml'),
    secondAgain: join(dir, 'second-again.xml'),
  };
  writeFileSync(paths.first, server('A', false));
  writeFileSync(paths.second, server('B', false));
  writeFileSync(paths.firstAgain, server('A', true));
  writeFileSync(paths.secondAgain, server('B', true));
  return paths;
}
