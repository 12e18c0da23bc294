/** Light and dark, following the OS (prefers-color-scheme), through AG Grid's Theming API. */
import { useEffect, useState } from 'react';
import { colorSchemeDarkBlue, colorSchemeLight, themeQuartz } from 'ag-grid-community';

const query = '(prefers-color-scheme: dark)';

export function useDarkMode(): boolean {
  const [dark, setDark] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const media = window.matchMedia(query);
    const listener = (event: MediaQueryListEvent) => setDark(event.matches);
    media.addEventListener('change', listener);
    return () => media.removeEventListener('change', listener);
  }, []);
  useEffect(() => {
    document.documentElement.dataset['theme'] = dark ? 'dark' : 'light';
  }, [dark]);
  return dark;
}

const base = { fontFamily: 'inherit', fontSize: 13, headerFontWeight: 600, spacing: 6, wrapperBorderRadius: 0 };
export const lightGridTheme = themeQuartz.withPart(colorSchemeLight).withParams({ ...base, accentColor: '#2563eb' });
export const darkGridTheme = themeQuartz.withPart(colorSchemeDarkBlue).withParams({ ...base, accentColor: '#60a5fa', backgroundColor: '#1f2329' });
