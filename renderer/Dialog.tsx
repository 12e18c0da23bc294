/**
 * A modal dialog as the platform makes it (`<dialog>` with showModal: focus moves in, Escape closes,
 * the page behind is inert). Closing, however it happens, calls `onClose`, which puts focus back.
 */
import { useEffect, useRef, type ReactNode } from 'react';

interface DialogProps {
  label: string;
  onClose: () => void;
  children: ReactNode;
  className?: string;
}

export function Dialog({ label, onClose, children, className = '' }: DialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  return (
    <dialog ref={dialog} className={`dialog ${className}`} aria-label={label} onCancel={onClose}>
      {children}
    </dialog>
  );
}
