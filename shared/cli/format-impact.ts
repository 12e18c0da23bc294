/** The text `export-review impact` prints: attributes by objects changed, value patterns, groups by members lost. */
import { formatCount } from '../format-count.js';
import type { ImpactReport } from '../impact/impact-model.js';
import { textTable } from './text-table.js';
import { describePattern } from '../impact/describe-pattern.js';

const n = formatCount;
const ATTRIBUTE_OPERATIONS = ['add', 'replace', 'update', 'delete'];

export function formatImpact(file: string, report: ImpactReport, patternsPerAttribute = 5): string {
  let out = `${file}\n\nAttributes changed on existing objects (pending updates and replaces; adds and deletes are counted by operation):\n`;
  if (report.attributes.length === 0) out += '  none\n';
  else {
    const rows = [['  object type / attribute', 'objects', ...ATTRIBUTE_OPERATIONS, 'values added', 'values removed']];
    for (const a of report.attributes)
      rows.push([
        `  ${a.objectType} / ${a.attribute}`,
        n(a.objects),
        ...ATTRIBUTE_OPERATIONS.map((op) => n(a.operations[op] ?? 0)),
        a.multivalued ? n(a.valuesAdded) : '',
        a.multivalued ? `${n(a.valuesRemoved)}${a.valuesNowUnknown ? ` (+? on ${n(a.valuesNowUnknown)})` : ''}` : '',
      ]);
    out += textTable(rows);
  }

  out += '\nValue patterns (single-valued text attributes, what differs between the value now and after):\n';
  if (report.patternCoverage.length === 0) out += '  none\n';
  for (const coverage of report.patternCoverage) {
    out += `  ${coverage.objectType} / ${coverage.attribute} (${n(coverage.objects)} objects, ${n(coverage.patterns)} patterns):\n`;
    const patterns = report.valueChanges
      .filter((v) => v.objectType === coverage.objectType && v.attribute === coverage.attribute)
      .slice(0, patternsPerAttribute);
    const rows = patterns.map((p) => [`    ${describePattern(p)}`, n(p.objects), `e.g. ${p.examples.map((e) => e.label).join(', ')}`]);
    if (rows.length) out += textTable(rows);
    const rest = coverage.objects - coverage.notTracked - patterns.reduce((sum, p) => sum + p.objects, 0);
    if (rest > 0) out += `    and ${n(rest)} more objects in other patterns\n`;
    if (coverage.notTracked) out += `    and ${n(coverage.notTracked)} objects whose pattern was not counted (more than the patterns kept per attribute)\n`;
    if (coverage.valueNowUnknown)
      out += `    ${n(coverage.valueNowUnknown)} objects without their value now in the file (no synchronized hologram): no pattern\n`;
  }

  out += `\nGroups with member changes (${n(report.groups.length)}):\n`;
  if (report.groups.length === 0) out += '  none\n';
  else {
    const rows = [['  group', 'members removed', 'members added']];
    for (const g of report.groups) rows.push([`  ${g.displayName || g.dn}`, `${n(g.membersRemoved)}${g.complete ? '' : ' (at least)'}`, n(g.membersAdded)]);
    out += textTable(rows);
  }
  return out;
}
