/** A ChangeRow for tests: every field empty or zero but those given. */
import type { ChangeRow } from '../rows/change-row.js';

export function changeRow(overrides: Partial<ChangeRow>): ChangeRow {
  return {
    id: '1',
    pending: true,
    operation: 'update',
    objectType: 'user',
    dn: 'CN=x',
    newDn: '',
    userPrincipalName: '',
    displayName: '',
    mail: '',
    primarySmtp: '',
    sourceAnchor: '',
    cloudAnchor: '',
    alias: '',
    samAccountName: '',
    objectGuid: '',
    identitySource: '',
    changedAttributes: [],
    valueChanges: 0,
    errorCount: 0,
    firstError: '',
    fingerprint: '',
    changeDigest: '',
    offset: 0,
    length: 1,
    ...overrides,
  };
}
