/**
 * Above the grid while the open file is compared with another export: reading progress with Cancel,
 * a failure naming the file, or the comparison chips (Only here, Only in other, Different, Same)
 * with the comparison's CSV and the way back to the plain review.
 */
import { useState } from 'react';
import type { CompareClass } from '../../shared/compare/compare-model.js';
import { formatCount } from '../format.js';
import type { ComparisonView } from './useComparison.js';
import { OnlyInOtherDialog } from './OnlyInOtherDialog.js';
import type { GridFilters } from '../useGridFilters.js';

interface ComparisonStripProps {
  comparison: ComparisonView;
  thisName: string;
  filters: Pick<GridFilters, 'filter' | 'chooseComparison'>;
}

const CHIPS: Array<[Exclude<CompareClass, 'onlyInSecond'>, string]> = [
  ['onlyInFirst', 'Only here'],
  ['different', 'Different'],
  ['same', 'Same'],
];

export function ComparisonStrip({ comparison, thisName, filters }: ComparisonStripProps) {
  const choice = filters.filter.comparison;
  const onChoose = filters.chooseComparison;
  const onExport = (level: 'object' | 'attribute') => void comparison.exportCsv(level);
  const [listing, setListing] = useState(false);
  const { state, other, counts, reading } = comparison;
  if (state === 'none' || !other) return null;
  if (state === 'reading') {
    const percent = reading ? Math.floor((100 * reading.progress.bytesRead) / Math.max(1, reading.progress.totalBytes)) : 0;
    return (
      <div className="strip comparison-strip" data-testid="comparison">
        <span>
          Comparing with <strong>{other.name}</strong>: reading {reading?.file === 2 ? other.name : thisName} ({reading?.file ?? 1} of 2), {percent} %
        </span>
        <button type="button" className="button" onClick={() => void comparison.close()}>
          Cancel
        </button>
      </div>
    );
  }
  if (state === 'failed')
    return (
      <div className="strip comparison-strip delete-banner-alert" role="alert" data-testid="comparison">
        <span>
          Not compared with <strong>{other.name}</strong>: {comparison.message}
        </span>
        <button type="button" className="button" onClick={() => void comparison.close()}>
          Close
        </button>
      </div>
    );
  const chip = (value: 'all' | CompareClass, label: string, count: number) => (
    <button
      key={value}
      type="button"
      className={`chip ${choice === value ? 'chip-active' : ''}`}
      aria-pressed={choice === value}
      onClick={() => onChoose(choice === value ? 'all' : value)}
    >
      {label} <span className="chip-count">{formatCount(count)}</span>
    </button>
  );
  return (
    <div className="strip comparison-strip" data-testid="comparison">
      <span>
        Compared with <strong title={other.path}>{other.name}</strong>
      </span>
      <div className="chips" role="group" aria-label="Comparison">
        {CHIPS.map(([value, label]) => chip(value, label, counts?.[value] ?? 0))}
        <button type="button" className="chip" onClick={() => setListing(true)}>
          Only in other <span className="chip-count">{formatCount(counts?.onlyInSecond ?? 0)}</span>
        </button>
      </div>
      <span className="spacer" />
      <button type="button" className="button" onClick={() => onExport('object')}>
        Export comparison…
      </button>
      <button type="button" className="button" onClick={() => onExport('attribute')}>
        Export attribute differences…
      </button>
      <button type="button" className="button" onClick={() => void comparison.close()}>
        Close comparison
      </button>
      {listing && <OnlyInOtherDialog other={other.name} entries={comparison.onlyInOther} onClose={() => setListing(false)} />}
    </div>
  );
}
