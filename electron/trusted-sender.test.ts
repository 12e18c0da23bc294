import { describe, expect, it } from 'vitest';
import { filePathKey, pathOfFileUrl } from './trusted-sender.js';

// URLs as Chromium commits them for the URL Electron's loadFile builds (see chromium-file-url.ts in
// electron/testing, checked against Debian's Chromium by e2e/file-url.spec.ts).
const samePage = (url: string, path: string, platform: NodeJS.Platform) => {
  const fromUrl = pathOfFileUrl(url, platform);
  return fromUrl !== undefined && filePathKey(fromUrl, platform) === filePathKey(path, platform);
};

describe('the page a frame shows, by file path', () => {
  it('matches installs under folders that URL spellings disagree on', () => {
    expect(samePage('file:///C:/Users/JOHNSM~1/AppData/Local/Temp/app/index.html', 'C:\\Users\\JOHNSM~1\\AppData\\Local\\Temp\\app\\index.html', 'win32')).toBe(
      true,
    );
    expect(samePage('file:///opt/[x]/index.html', '/opt/[x]/index.html', 'linux')).toBe(true);
    expect(samePage('file:///opt/100%%20done/index.html', '/opt/100% done/index.html', 'linux')).toBe(true);
    expect(samePage('file:///opt/j%C3%B6rg/index.html', '/opt/jörg/index.html', 'darwin')).toBe(true);
    expect(samePage('file:///opt/%7E/index.html', '/opt/~/index.html', 'linux')).toBe(true);
  });

  it('ignores case on Windows only, and takes the hash and query off', () => {
    expect(samePage('file:///c:/program%20files/export%20review/index.html#x', 'C:\\Program Files\\Export Review\\index.html', 'win32')).toBe(true);
    expect(samePage('file:///opt/App/index.html?q', '/opt/app/index.html', 'linux')).toBe(false);
    expect(samePage('file://server/share/app/index.html', '\\\\server\\share\\app\\index.html', 'win32')).toBe(true);
  });

  it('refuses other pages, other hosts and other schemes', () => {
    expect(samePage('file:///opt/app/other.html', '/opt/app/index.html', 'linux')).toBe(false);
    expect(samePage('file:///opt/app/../app/index.html', '/opt/app/index.html', 'linux')).toBe(true);
    expect(samePage('file://evil.example/opt/app/index.html', '/opt/app/index.html', 'linux')).toBe(false);
    expect(samePage('https://example.com/opt/app/index.html', '/opt/app/index.html', 'linux')).toBe(false);
    expect(pathOfFileUrl('about:blank', 'linux')).toBeUndefined();
  });
});
