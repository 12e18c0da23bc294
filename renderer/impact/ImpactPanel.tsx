/**
 * The Impact view beside the grid: attributes by objects changed, the most frequent value patterns
 * per attribute, groups by members removed, and the thresholds the banner warns above. Each entry is
 * a button that leaves exactly its objects in the grid.
 */
import { useState } from 'react';
import type { AttributeImpact, GroupImpact, ImpactReport, ValueChangeImpact } from '../../shared/impact/impact-model.js';
import { describePattern } from '../../shared/impact/describe-pattern.js';
import { MEMBER_REMOVALS, type ImpactThresholds } from '../../shared/impact/impact-thresholds.js';
import { formatCount } from '../format.js';
import { attributeLabel, choiceLabels } from './impact-choices.js';
import type { ImpactView } from './useImpactView.js';

interface ImpactPanelProps {
  /** Null while the file reads: the impact is counted with the rows and known at the end. */
  report: ImpactReport | null;
  /** The label of the rows the grid shows now, when they were chosen here. */
  chosen: string | null;
  view: ImpactView;
}

interface ChoiceProps {
  report: ImpactReport;
  chosen: string | null;
}

const ATTRIBUTES_SHOWN = 12;
const PATTERN_ATTRIBUTES_SHOWN = 6;
const PATTERNS_SHOWN = 5;
const GROUPS_SHOWN = 15;

function Bar({ value, max }: { value: number; max: number }) {
  return (
    <span className="impact-bar" aria-hidden="true">
      <span style={{ width: `${max > 0 ? Math.max(2, (100 * value) / max) : 0}%` }} />
    </span>
  );
}

function Entry({
  label,
  count,
  max,
  chosen,
  onClick,
  detail,
}: {
  label: string;
  count: string;
  max?: [number, number];
  chosen: boolean;
  onClick: () => void;
  detail?: string;
}) {
  return (
    <li>
      <button type="button" className={`impact-entry ${chosen ? 'impact-entry-chosen' : ''}`} aria-pressed={chosen} onClick={onClick} title={detail}>
        <span className="impact-label">{label}</span>
        <span className="impact-count">{count}</span>
        {max && <Bar value={max[0]} max={max[1]} />}
      </button>
    </li>
  );
}

function Attributes({ report, chosen, onAttribute }: ChoiceProps & { onAttribute: (attribute: AttributeImpact) => void }) {
  const [all, setAll] = useState(false);
  const max = report.attributes[0]?.objects ?? 0;
  const shown = all ? report.attributes : report.attributes.slice(0, ATTRIBUTES_SHOWN);
  return (
    <section aria-labelledby="impact-attributes">
      <h3 id="impact-attributes">Attributes changed</h3>
      {report.attributes.length === 0 ? (
        <p className="muted">No attribute changes on existing objects.</p>
      ) : (
        <ol className="impact-list">
          {shown.map((a) => {
            const label = attributeLabel(a);
            return (
              <Entry
                key={label}
                label={label}
                count={formatCount(a.objects)}
                max={[a.objects, max]}
                chosen={chosen === choiceLabels.attribute(a.attribute, a.objectType)}
                onClick={() => onAttribute(a)}
              />
            );
          })}
        </ol>
      )}
      {report.attributes.length > ATTRIBUTES_SHOWN && (
        <button type="button" className="link-button" onClick={() => setAll(!all)}>
          {all ? 'Show fewer' : `Show all ${formatCount(report.attributes.length)}`}
        </button>
      )}
    </section>
  );
}

function Patterns({ report, chosen, onPattern }: ChoiceProps & { onPattern: (pattern: ValueChangeImpact) => void }) {
  const coverage = report.patternCoverage.filter((c) => c.objects > 0).slice(0, PATTERN_ATTRIBUTES_SHOWN);
  return (
    <section aria-labelledby="impact-patterns">
      <h3 id="impact-patterns">Value patterns</h3>
      {coverage.length === 0 && <p className="muted">No single-valued text attribute changes.</p>}
      {coverage.map((c) => {
        const patterns = report.valueChanges.filter((v) => v.objectType === c.objectType && v.attribute === c.attribute).slice(0, PATTERNS_SHOWN);
        const label = attributeLabel(c);
        return (
          <div key={label} className="impact-patterns">
            <h4>
              {label} <span className="muted">{formatCount(c.objects)} objects</span>
            </h4>
            <ol className="impact-list">
              {patterns.map((p) => {
                const text = describePattern(p);
                return (
                  <Entry
                    key={text}
                    label={text}
                    count={formatCount(p.objects)}
                    max={[p.objects, c.objects]}
                    chosen={chosen === choiceLabels.pattern(p)}
                    onClick={() => onPattern(p)}
                    detail={p.examples.map((e) => `${e.label}: ${e.before} → ${e.after}`).join('\n')}
                  />
                );
              })}
            </ol>
            {c.notTracked > 0 && <p className="muted">{formatCount(c.notTracked)} objects in patterns not counted (too many distinct values).</p>}
          </div>
        );
      })}
    </section>
  );
}

function Groups({ report, chosen, onGroup }: ChoiceProps & { onGroup: (group: GroupImpact) => void }) {
  const max = Math.max(0, ...report.groups.map((g) => g.membersRemoved + g.membersAdded));
  return (
    <section aria-labelledby="impact-groups">
      <h3 id="impact-groups">Groups by members removed</h3>
      {report.groups.length === 0 && <p className="muted">No group member changes.</p>}
      <ol className="impact-list">
        {report.groups.slice(0, GROUPS_SHOWN).map((g) => {
          const name = g.displayName || g.dn;
          return (
            <Entry
              key={g.id}
              label={name}
              count={`−${formatCount(g.membersRemoved)}${g.complete ? '' : '+'} +${formatCount(g.membersAdded)}`}
              max={[g.membersRemoved + g.membersAdded, max]}
              chosen={chosen === choiceLabels.group(g)}
              onClick={() => onGroup(g)}
              detail={`${formatCount(g.membersRemoved)} members removed, ${formatCount(g.membersAdded)} added`}
            />
          );
        })}
      </ol>
      {report.groups.length > GROUPS_SHOWN && <p className="muted">and {formatCount(report.groups.length - GROUPS_SHOWN)} more groups.</p>}
    </section>
  );
}

function Thresholds({ thresholds, onThreshold }: { thresholds: ImpactThresholds; onThreshold: (key: string, value: number) => void }) {
  return (
    <section aria-labelledby="impact-thresholds">
      <h3 id="impact-thresholds">Warn above</h3>
      <div className="impact-thresholds">
        {Object.entries(thresholds).map(([key, value]) => (
          <label key={key}>
            <input
              type="number"
              min={0}
              value={value}
              onChange={(e) => {
                const next = Number(e.target.value);
                if (Number.isSafeInteger(next) && next >= 0) onThreshold(key, next);
              }}
            />{' '}
            {key === MEMBER_REMOVALS ? 'members removed from groups' : `objects changing ${key}`}
          </label>
        ))}
      </div>
    </section>
  );
}

export function ImpactPanel({ report, chosen, view }: ImpactPanelProps) {
  return (
    <aside className="impact-panel" aria-label="Impact">
      <div className="detail-head">
        <h2>Impact</h2>
        <button type="button" className="icon-button" aria-label="Close impact" onClick={() => view.setOpen(false)}>
          ×
        </button>
      </div>
      <div className="detail-body" tabIndex={0} aria-label="Impact on existing objects">
        <p className="muted">Pending updates and replaces of existing objects. Choose an entry to show exactly those objects.</p>
        {report ? (
          <>
            <Attributes report={report} chosen={chosen} onAttribute={view.showAttribute} />
            <Patterns report={report} chosen={chosen} onPattern={view.showPattern} />
            <Groups report={report} chosen={chosen} onGroup={view.showGroup} />
          </>
        ) : (
          <p className="muted">Counted as the file reads; shown when it is read.</p>
        )}
        <Thresholds thresholds={view.thresholds} onThreshold={view.setThreshold} />
      </div>
    </aside>
  );
}
