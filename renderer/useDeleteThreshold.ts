/** The mass-delete threshold the banner warns above, remembered on this machine (500, as the sync engine's). */
import { useCallback, useState } from 'react';

const THRESHOLD_KEY = 'export-review.delete-threshold';
const DEFAULT_THRESHOLD = 500;

function storedThreshold(): number {
  const value = Number(window.localStorage.getItem(THRESHOLD_KEY));
  return Number.isInteger(value) && value > 0 ? value : DEFAULT_THRESHOLD;
}

export function useDeleteThreshold(): [number, (value: number) => void] {
  const [threshold, setThreshold] = useState(storedThreshold);
  const update = useCallback((value: number) => {
    setThreshold(value);
    window.localStorage.setItem(THRESHOLD_KEY, String(value));
  }, []);
  return [threshold, update];
}
