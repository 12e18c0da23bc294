import { describe, expect, it } from 'vitest';
import { fileFromCommandLine } from './command-line.js';

describe('fileFromCommandLine', () => {
  it('finds the file after the app, skipping switches', () => {
    expect(fileFromCommandLine(['Export Review.exe', 'C:\\temp\\export.xml'], true)).toBe('C:\\temp\\export.xml');
    expect(fileFromCommandLine(['electron', '.', '--no-sandbox', '/tmp/export.xml'], false)).toBe('/tmp/export.xml');
    expect(fileFromCommandLine(['Export Review.exe', '--allow-file-access-from-files'], true)).toBeUndefined();
  });
});
