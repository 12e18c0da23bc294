import { describe, expect, it } from 'vitest';
import { ROW_FIELDS } from './row-fields.js';
import { OBJECT_COLUMNS } from '../csv/csv-rows.js';
import { toChangeRow } from './change-row.js';
import { fingerprintChange } from '../review/fingerprint.node.js';
import { readAllRecords, samplePath } from '../testing/samples.node.js';

describe('ROW_FIELDS', () => {
  it('names every field of a row exactly once', async () => {
    const { records } = await readAllRecords(samplePath('aad-connector-utf8.xml'));
    const keys = Object.keys(toChangeRow(records[0] as Parameters<typeof toChangeRow>[0], fingerprintChange)).sort();
    expect(ROW_FIELDS.map((f) => f.key).sort()).toEqual(keys);
  });

  it("keeps the object-level CSV's columns as admins' scripts know them", () => {
    expect(OBJECT_COLUMNS).toEqual([
      'Operation',
      'Object type',
      'DN',
      'UPN',
      'Display name',
      'Mail',
      'Primary SMTP',
      'Source anchor',
      'Alias',
      'sAMAccountName',
      'Changed attributes',
      'Identity source',
      'New DN',
      'Error',
      'Id',
      'Review',
      'Review note',
      'Reviewed by',
      'Reviewed at',
    ]);
  });
});
