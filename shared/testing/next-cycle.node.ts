/**
 * Test support: the AAD sample as the same server would export it one sync cycle later. One pending
 * change is different (Dana's new UPN); the rest only moved in ways a review mark must survive (a
 * hologram value, csexport's bookkeeping, the order of a multivalued update's values).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { samplePath } from './samples.node.js';

export const CHANGED_ID = '{0000000C-1111-4A4A-9B9B-000000001012}';
export const REORDERED_ID = '{00000002-1111-4A4A-9B9B-000000001002}';

function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`expected exactly one ${from} in the sample`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

export function nextCycleOfAadSample(): string {
  let text = readFileSync(samplePath('aad-connector-utf8.xml'), 'utf8');
  const upn = '<attr name="userPrincipalName" type="string" multivalued="false" operation="replace"><value>';
  text = replaceOnce(text, `${upn}dana.kelly@contoso.com</value>`, `${upn}dana.kelly-obrien@contoso.com</value>`);
  text = replaceOnce(
    text,
    '<value operation="add">smtp:birgit.krause@contoso.com</value><value operation="delete">smtp:boelsner@contoso.mail.onmicrosoft.com</value>',
    '<value operation="delete">smtp:boelsner@contoso.mail.onmicrosoft.com</value><value operation="add">smtp:birgit.krause@contoso.com</value>',
  );
  text = replaceOnce(text, '<value>Birgit Ölsner</value>', '<value>Birgit Oelsner</value>');
  return text.replaceAll('2026-03-04 08:02:40.117', '2026-03-04 08:32:40.117');
}

export function writeNextCycleOfAadSample(path: string): void {
  writeFileSync(path, nextCycleOfAadSample());
}
