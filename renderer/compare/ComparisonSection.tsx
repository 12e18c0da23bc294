/** The detail panel's comparison: how this change stands against the other export's, attribute by attribute. */
import { useEffect, useState } from 'react';
import type { ChangeRow } from '../../shared/rows/change-row.js';
import type { ComparisonDetails } from '../../shared/compare/compare-model.js';
import { failureMessage } from '../../shared/app/ipc-contract.js';
import { CLASS_LABELS } from '../../shared/compare/compare-csv.js';
import { reviewApi } from '../api.js';
import type { ComparisonView } from './useComparison.js';

function useComparisonDetails(readId: number, row: ChangeRow, wanted: boolean): { details: ComparisonDetails | null; error: string | null } {
  const [found, setFound] = useState<{ id: string; details: ComparisonDetails | null; error: string | null } | null>(null);
  useEffect(() => {
    if (!wanted) return;
    let current = true;
    reviewApi()
      .getComparisonDetails(readId, row.id)
      .then(
        (details) => current && setFound({ id: row.id, details, error: null }),
        (error: unknown) => current && setFound({ id: row.id, details: null, error: failureMessage(error) }),
      );
    return () => {
      current = false;
    };
  }, [readId, row.id, wanted]);
  return found?.id === row.id ? found : { details: null, error: null };
}

export function ComparisonSection({ readId, row, comparison }: { readId: number; row: ChangeRow; comparison: ComparisonView }) {
  const compared = comparison.classOf(row);
  const { details, error } = useComparisonDetails(readId, row, compared === 'different');
  if (!compared || !comparison.other) return null;
  const other = comparison.other.name;
  const pairedBy = comparison.rowOf(row.id)?.pairedBy;
  return (
    <section aria-label="Comparison">
      <h3>Comparison with {other}</h3>
      <p className={`compare-pill compare-${compared}`} data-testid="detail-comparison">
        {CLASS_LABELS[compared]}
        {pairedBy && <span className="muted"> · paired by {pairedBy}</span>}
      </p>
      {compared === 'onlyInFirst' && <p className="muted">{other} has no pending change for this object.</p>}
      {compared === 'same' && <p className="muted">{other} has the same pending change.</p>}
      {error && <p className="error-text">{error}</p>}
      {compared === 'different' && !details && !error && <p className="muted">Reading both objects…</p>}
      {details && (
        <table className="compare-table">
          <thead>
            <tr>
              <th scope="col">What differs</th>
              <th scope="col">This file</th>
              <th scope="col">{other}</th>
            </tr>
          </thead>
          <tbody>
            {details.differences.includes('operation') && (
              <tr className="compare-differs">
                <th scope="row">operation</th>
                <td>{row.operation}</td>
                <td>{details.other?.operation}</td>
              </tr>
            )}
            {details.differences.includes('new DN') && (
              <tr className="compare-differs">
                <th scope="row">new DN</th>
                <td>{row.newDn || '(none)'}</td>
                <td>{details.other?.newDn || '(none)'}</td>
              </tr>
            )}
            {details.attributes.map((a) => (
              <tr key={a.attribute} className="compare-differs">
                <th scope="row">
                  {a.attribute}
                  <span className="muted">
                    {' '}
                    {a.firstOperation || '—'} / {a.secondOperation || '—'}
                  </span>
                </th>
                <td>{a.onlyFirst.join('; ') || <em>{a.firstOperation ? '(no other value)' : '(not changed here)'}</em>}</td>
                <td>{a.onlySecond.join('; ') || <em>{a.secondOperation ? '(no other value)' : '(not changed there)'}</em>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
