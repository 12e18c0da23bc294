/**
 * Commands from the keyboard and the native menu (Ctrl/Cmd+F focuses search; the menu sends Find
 * and Export CSV), and, last of the subscriptions, telling the main process the page is listening:
 * files asked for before that wait there until now.
 */
import { useEffect, type RefObject } from 'react';
import { reviewApi } from './api.js';

export function useAppCommands(
  searchRef: RefObject<HTMLInputElement | null>,
  startExport: () => void,
  chooseReviewFile: () => Promise<void>,
  compareWith: () => Promise<void>,
): void {
  useEffect(() => {
    const focusSearch = () => {
      searchRef.current?.focus();
      searchRef.current?.select();
    };
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f') {
        event.preventDefault();
        focusSearch();
      }
    };
    window.addEventListener('keydown', onKey);
    const unsubscribe = reviewApi().onMenuCommand((command) => {
      if (command === 'find') focusSearch();
      if (command === 'export-csv') startExport();
      if (command === 'choose-review-file') void chooseReviewFile();
      if (command === 'compare-with') void compareWith();
    });
    return () => {
      window.removeEventListener('keydown', onKey);
      unsubscribe();
    };
  }, [searchRef, startExport, chooseReviewFile, compareWith]);
}

/** Call after every hook that subscribes to the main process's events. */
export function useListening(showFailure: (error: unknown) => void): void {
  useEffect(() => void reviewApi().listening().catch(showFailure), [showFailure]);
}
