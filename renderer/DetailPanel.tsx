/**
 * Everything about one object, read on demand from the file by its byte offset: who it is (and where
 * each name came from), every attribute change as old → new, and for a delete the object as it is now.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { rowLabel, type ChangeRow } from '../shared/rows/change-row.js';
import type { AttributeChange, AttributeValue, CsObjectRecord, HologramAttribute, Identity } from '../shared/model/csexport-model.js';
import { IDENTITY_FIELDS } from '../shared/model/csexport-model.js';
import { failureMessage, type ObjectDetails } from '../shared/app/ipc-contract.js';
import type { ReferenceTarget } from '../shared/rows/reference-index.js';
import { displayValue } from '../shared/model/attribute-values.js';
import { reviewApi } from './api.js';
import { operationLabel } from './format.js';
import { GroupMembers } from './impact/GroupMembers.js';

interface DetailPanelProps {
  readId: number;
  row: ChangeRow | undefined;
  onClose: () => void;
  /** The review section (it knows the marks; the panel knows the object). */
  review: ReactNode;
  /** The comparison section, while the file is compared with another export. */
  comparison?: ReactNode;
  onExportMembers: (groupId: string) => void;
}

const FIELD_LABELS: Record<(typeof IDENTITY_FIELDS)[number], string> = {
  userPrincipalName: 'UPN',
  displayName: 'Display name',
  mail: 'Mail',
  primarySmtp: 'Primary SMTP',
  sourceAnchor: 'Source anchor',
  cloudAnchor: 'Cloud anchor',
  alias: 'Alias',
  samAccountName: 'sAMAccountName',
  objectGuid: 'objectGUID',
};

function Value({ value, reference, references }: { value: AttributeValue; reference: boolean; references: ObjectDetails['references'] }) {
  const shown = displayValue(value);
  if (!reference) {
    return (
      <span className="value" title={value.raw !== shown ? `As written: ${value.raw}` : undefined}>
        {shown === '' ? <em>(empty)</em> : shown}
      </span>
    );
  }
  const target: ReferenceTarget | null | undefined = references[value.raw];
  return (
    <span className="value">
      {target ? (
        <>
          <strong>{target.userPrincipalName || target.displayName}</strong>
          {target.userPrincipalName && target.displayName ? ` (${target.displayName})` : ''} <span className="muted">{value.raw}</span>
        </>
      ) : (
        <>
          {value.raw} <span className="badge">not in this file</span>
        </>
      )}
    </span>
  );
}

function ChangeView({ change, references }: { change: AttributeChange; references: ObjectDetails['references'] }) {
  const perValue = change.values.some((v) => v.operation);
  return (
    <li className="change">
      <div className="change-head">
        <span className="attr-name">{change.name}</span> <span className="muted">{change.operation}</span>
        {change.type !== 'string' && <span className="muted"> · {change.type}</span>}
      </div>
      {change.operation === 'delete' || (change.values.length === 0 && !perValue) ? (
        <div className="old-new">
          <span className="old">
            {change.oldValues.length ? (
              change.oldValues.map((v, i) => <Value key={i} value={v} reference={change.reference} references={references} />)
            ) : (
              <em>(no value now)</em>
            )}
          </span>
          <span className="arrow">→</span>
          <em>(removed)</em>
        </div>
      ) : perValue ? (
        <ul className="value-changes">
          {change.values.map((v, i) => (
            <li key={i} className={v.operation === 'delete' ? 'removed' : 'added'}>
              <span className="sign">{v.operation === 'delete' ? '−' : '+'}</span>
              <Value value={v.value} reference={change.reference} references={references} />
            </li>
          ))}
        </ul>
      ) : (
        <div className="old-new">
          <span className="old">
            {change.oldValues.length ? (
              change.oldValues.map((v, i) => <Value key={i} value={v} reference={change.reference} references={references} />)
            ) : (
              <em>(none)</em>
            )}
          </span>
          <span className="arrow">→</span>
          <span className="new">
            {change.values.map((v, i) => (
              <Value key={i} value={v.value} reference={change.reference} references={references} />
            ))}
          </span>
        </div>
      )}
    </li>
  );
}

function ObjectNow({ attributes, references }: { attributes: HologramAttribute[]; references: ObjectDetails['references'] }) {
  return (
    <table className="facts">
      <tbody>
        {attributes.map((attribute) => (
          <tr key={attribute.name}>
            <th>{attribute.name}</th>
            <td>
              {attribute.values.map((v, i) => (
                <div key={i}>
                  <Value value={v} reference={attribute.reference} references={references} />
                </div>
              ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One object's details, re-read by the main process when the focused row changes. */
function useObjectDetails(readId: number, row: ChangeRow | undefined): { details: ObjectDetails | null; error: string | null } {
  const [details, setDetails] = useState<ObjectDetails | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setDetails(null);
    setError(null);
    if (!row) return;
    let current = true;
    reviewApi()
      .getDetails(readId, row.id)
      .then((result) => current && setDetails(result))
      .catch((e: unknown) => current && setError(failureMessage(e)));
    return () => {
      current = false;
    };
  }, [readId, row]);
  return { details, error };
}

function IdentityFacts({ identity }: { identity: Identity }) {
  return (
    <section>
      <h3>Identity</h3>
      <table className="facts">
        <tbody>
          {IDENTITY_FIELDS.filter((f) => identity[f] !== undefined).map((field) => (
            <tr key={field}>
              <th>{FIELD_LABELS[field]}</th>
              <td>
                {identity[field]}
                <div className="source">from {identity.sources[field]}</div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function RecordErrors({ errors }: { errors: CsObjectRecord['errors'] }) {
  return (
    <section>
      <h3>Errors</h3>
      {errors.map((e, i) => (
        <div key={i} className="error-box">
          <strong>{e.literal ?? e.type}</strong> {e.code && <span className="muted">{e.code}</span>}
          {e.detail && <p>{e.detail}</p>}
          {e.retryCount !== undefined && (
            <p className="muted">
              Retried {e.retryCount} times; last {e.dateOccurred}
            </p>
          )}
        </div>
      ))}
    </section>
  );
}

function RecordSections({ details, onExportMembers }: { details: ObjectDetails; onExportMembers: (groupId: string) => void }) {
  const { record, references } = details;
  return (
    <>
      <IdentityFacts identity={record.identity} />
      {record.kind === 'pending-change' && <GroupMembers group={record} references={references} onExport={() => onExportMembers(record.id)} />}
      {record.kind === 'pending-change' && record.objectNow && (
        <section>
          <h3>The object as it is now (synchronized hologram)</h3>
          <ObjectNow attributes={record.objectNow} references={references} />
        </section>
      )}
      {record.kind === 'pending-change' && record.changes.length > 0 && (
        <section>
          <h3>Attribute changes ({record.changes.length})</h3>
          <ul className="changes">
            {record.changes.map((change, i) => (
              <ChangeView key={`${change.name}-${i}`} change={change} references={references} />
            ))}
          </ul>
        </section>
      )}
      {record.kind === 'no-pending-export' && <p>No pending export. Other states: {record.states.join(', ') || 'none'}.</p>}
      {record.errors.length > 0 && <RecordErrors errors={record.errors} />}
    </>
  );
}

export function DetailPanel({ readId, row, onClose, review, comparison, onExportMembers }: DetailPanelProps) {
  const { details, error } = useObjectDetails(readId, row);
  if (!row) return null;
  return (
    <aside className="detail-panel" aria-label="Details">
      <div className="detail-head">
        <span className={`op-pill op-${row.operation.replace(/[^a-z-]/g, '-')}`}>{operationLabel(row.operation)}</span>
        <h2>{rowLabel(row)}</h2>
        <button type="button" className="icon-button" aria-label="Close details" onClick={onClose}>
          ×
        </button>
      </div>
      {/* Focusable, so a keyboard can scroll a long object (axe: scrollable-region-focusable). */}
      <div className="detail-body" tabIndex={0} aria-label={`Details of ${rowLabel(row)}`}>
        {review}
        {comparison}
        <p className="muted dn">
          {row.objectType} · {row.dn}
          {row.newDn && <> → {row.newDn}</>}
        </p>
        {error && <p className="error-text">{error}</p>}
        {!details && !error && <p className="muted">Reading the object…</p>}
        {details && <RecordSections details={details} onExportMembers={onExportMembers} />}
      </div>
    </aside>
  );
}
