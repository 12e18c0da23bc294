import { describe, expect, it } from 'vitest';
import { valuePattern } from './value-pattern.js';

describe('valuePattern', () => {
  it('keeps what differs between the old and the new value', () => {
    expect(valuePattern('dana@contoso.com', 'dana@fabrikam.com')).toEqual({ kind: 'changed', from: 'contoso', to: 'fabrikam' });
    expect(valuePattern('Sales', 'Marketing')).toEqual({ kind: 'changed', from: 'Sales', to: 'Marketing' });
    expect(valuePattern('abc', 'abcd')).toEqual({ kind: 'changed', from: '', to: 'd' });
    expect(valuePattern('same', 'same')).toEqual({ kind: 'changed', from: '', to: '' });
  });

  it('calls an empty old value "set" and an empty new one "cleared"', () => {
    expect(valuePattern('', 'Finance')).toEqual({ kind: 'set', from: '', to: 'Finance' });
    expect(valuePattern('Sales', '')).toEqual({ kind: 'cleared', from: 'Sales', to: '' });
  });

  it('never cuts a character outside the BMP in two', () => {
    // U+1F600 and U+1F601 share their high surrogate: the pattern keeps both halves.
    expect(valuePattern('a\u{1F600}b', 'a\u{1F601}b')).toEqual({ kind: 'changed', from: '\u{1F600}', to: '\u{1F601}' });
    // U+1F600 and U+1F200 share their low surrogate.
    const low = valuePattern('\u{1F600}', '\u{1F200}');
    expect([low.from, low.to]).toEqual(['\u{1F600}', '\u{1F200}']);
  });
});
