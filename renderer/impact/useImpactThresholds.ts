/** The impact thresholds the banner warns above, remembered on this machine as the delete threshold is. */
import { useCallback, useState } from 'react';
import { thresholdsFrom, type ImpactThresholds } from '../../shared/impact/impact-thresholds.js';

const THRESHOLDS_KEY = 'export-review.impact-thresholds';

function storedThresholds(): ImpactThresholds {
  try {
    return thresholdsFrom(JSON.parse(window.localStorage.getItem(THRESHOLDS_KEY) ?? 'null'));
  } catch {
    return thresholdsFrom(null);
  }
}

export function useImpactThresholds(): [ImpactThresholds, (key: string, value: number) => void] {
  const [thresholds, setThresholds] = useState(storedThresholds);
  const update = useCallback((key: string, value: number) => {
    setThresholds((current) => {
      const next = { ...current, [key]: value };
      window.localStorage.setItem(THRESHOLDS_KEY, JSON.stringify(next));
      return next;
    });
  }, []);
  return [thresholds, update];
}
