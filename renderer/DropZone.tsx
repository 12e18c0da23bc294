/**
 * Drag and drop on the whole window: highlights while a file is dragged over, accepts exactly one
 * .xml file, and says clearly why anything else is refused.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { failureMessage } from '../shared/app/ipc-contract.js';
import { reviewApi } from './api.js';

interface DropZoneProps {
  children: ReactNode;
  onRefused: (message: string) => void;
  /** While a file is open: the page asks whether to open the dropped one instead or compare with it. */
  onDroppedWhileOpen?: ((path: string, name: string) => void) | undefined;
}

export function DropZone({ children, onRefused, onDroppedWhileOpen }: DropZoneProps) {
  const [dragging, setDragging] = useState(false);
  const depth = useRef(0);

  useEffect(() => {
    const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') === true;
    const enter = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      depth.current++;
      setDragging(true);
    };
    const over = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const leave = () => {
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setDragging(false);
    };
    const drop = (event: DragEvent) => {
      event.preventDefault();
      depth.current = 0;
      setDragging(false);
      const files = Array.from(event.dataTransfer?.files ?? []);
      if (files.length === 0) return;
      if (files.length > 1) return onRefused(`Drop one file at a time (you dropped ${files.length}).`);
      const file = files[0] as File;
      if (!/\.xml$/i.test(file.name)) return onRefused(`${file.name} is not an XML file. Drop the export.xml written by csexport "Connector" export.xml /f:x.`);
      const path = reviewApi().getPathForFile(file);
      if (!path) return onRefused(`${file.name} has no path on disk; open it with File › Open instead.`);
      if (onDroppedWhileOpen) return onDroppedWhileOpen(path, file.name);
      void reviewApi()
        .openPath(path)
        .then((refused) => refused && onRefused(refused))
        .catch((error: unknown) => onRefused(failureMessage(error)));
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [onRefused, onDroppedWhileOpen]);

  return (
    <div className={`drop-root ${dragging ? 'drop-active' : ''}`} data-dragging={dragging}>
      {children}
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          Drop export.xml to review it
        </div>
      )}
    </div>
  );
}

export function EmptyState({ onOpen }: { onOpen: () => void }) {
  return (
    <main className="empty-state">
      <div className="drop-target" role="region" aria-label="Drop zone">
        <div className="drop-icon" aria-hidden="true">
          ⤓
        </div>
        <h1>Drop export.xml here, or press Ctrl+O</h1>
        <p>
          On the staging server, write the pending exports with <code>csexport &quot;Name of Connector&quot; export.xml /f:x</code>, then review every add,
          update and delete before you leave staging mode.
        </p>
        <button type="button" className="button button-primary" onClick={onOpen}>
          Open export.xml…
        </button>
      </div>
    </main>
  );
}
