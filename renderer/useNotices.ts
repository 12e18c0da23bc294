/**
 * The one notice strip: what the app tells the admin (an export written, a call that failed) and
 * what the main process tells it outside any read (a refused "Open with", a vanished recent file).
 */
import { useCallback, useEffect, useState } from 'react';
import { failureMessage, type Notice } from '../shared/app/ipc-contract.js';
import { reviewApi } from './api.js';

export interface Notices {
  notice: Notice | null;
  setNotice: (notice: Notice | null) => void;
  /** For every call that can fail: nothing the admin asks for may fail in silence. */
  showFailure: (error: unknown) => void;
}

export function useNotices(): Notices {
  const [notice, setNotice] = useState<Notice | null>(null);
  const showFailure = useCallback((error: unknown) => setNotice({ kind: 'error', text: failureMessage(error) }), []);
  useEffect(() => reviewApi().onNotice(setNotice), []);
  return { notice, setNotice, showFailure };
}
