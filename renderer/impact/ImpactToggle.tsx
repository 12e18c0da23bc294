/** The toolbar's button for the Impact view, saying how many thresholds are exceeded. */
export function ImpactToggle({ open, onToggle, exceeded }: { open: boolean; onToggle: (open: boolean) => void; exceeded: number }) {
  return (
    <button type="button" className={`button ${exceeded ? 'button-warn' : ''}`} aria-pressed={open} onClick={() => onToggle(!open)}>
      Impact{exceeded > 0 && <span className="chip-count"> {exceeded} over</span>}
    </button>
  );
}
