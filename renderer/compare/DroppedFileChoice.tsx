/**
 * A file dropped while another is open, and what becomes of it: the choice between opening it
 * instead and comparing the open file with it.
 */
import { useCallback, useState } from 'react';
import { reviewApi } from '../api.js';
import { DropChoiceDialog } from './DropChoiceDialog.js';
import type { ComparisonView } from './useComparison.js';

export interface DroppedFile {
  path: string;
  name: string;
}

/** The dropped file waiting for the choice; `done` forgets it and hands focus back (`afterwards`). */
export function useDroppedFile(afterwards: () => void): [DroppedFile | null, (path: string, name: string) => void, () => void] {
  const [dropped, setDropped] = useState<DroppedFile | null>(null);
  const drop = useCallback((path: string, name: string) => setDropped({ path, name }), []);
  const done = useCallback(() => {
    setDropped(null);
    afterwards();
  }, [afterwards]);
  return [dropped, drop, done];
}

interface DroppedFileChoiceProps {
  dropped: DroppedFile;
  openName: string;
  comparison: ComparisonView;
  onRefused: (message: string) => void;
  onFailure: (error: unknown) => void;
  onDone: () => void;
}

export function DroppedFileChoice({ dropped, openName, comparison, onRefused, onFailure, onDone }: DroppedFileChoiceProps) {
  const choose = (compare: boolean) => {
    onDone();
    if (compare) void comparison.compareWith(dropped.path);
    else
      void reviewApi()
        .openPath(dropped.path)
        .then((refused) => refused && onRefused(refused), onFailure);
  };
  return <DropChoiceDialog dropped={dropped.name} open={openName} onOpenInstead={() => choose(false)} onCompare={() => choose(true)} onClose={onDone} />;
}
