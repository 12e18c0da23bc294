/**
 * Pairs the pending changes of two exports and puts each in its class. Keys, in order: the DN (the
 * old or new DN of a rename on either side), then the source anchor, the cloud anchor, the
 * objectGUID; DNs and GUIDs without case. Each object pairs at most once.
 */
import type { CompareClass, CompareEntry, ComparedChange, Comparison, PairKey } from './compare-model.js';
import { noCompareCounts } from './compare-model.js';

const lower = (text: string) => text.toLowerCase();

class SecondIndex {
  private readonly byDn = new Map<string, number>();
  private readonly byNewDn = new Map<string, number>();
  private readonly byAnchor = new Map<string, number>();
  private readonly byCloudAnchor = new Map<string, number>();
  private readonly byGuid = new Map<string, number>();
  readonly paired: boolean[];

  constructor(private readonly entries: readonly CompareEntry[]) {
    this.paired = entries.map(() => false);
    entries.forEach((entry, i) => {
      const keep = (map: Map<string, number>, key: string) => key && !map.has(key) && map.set(key, i);
      keep(this.byDn, lower(entry.dn));
      keep(this.byNewDn, lower(entry.newDn));
      keep(this.byAnchor, entry.sourceAnchor);
      keep(this.byCloudAnchor, entry.cloudAnchor);
      keep(this.byGuid, lower(entry.objectGuid));
    });
  }

  private take(map: Map<string, number>, key: string): number | undefined {
    const at = key ? map.get(key) : undefined;
    if (at === undefined || this.paired[at]) return undefined;
    this.paired[at] = true;
    return at;
  }

  /** The unpaired second-side change for `first`, and by which key. */
  pair(first: CompareEntry): { at: number; key: PairKey } | undefined {
    const dn = lower(first.dn);
    const newDn = lower(first.newDn);
    const tries: Array<[PairKey, Map<string, number>, string]> = [
      ['dn', this.byDn, dn],
      ['new-dn', this.byNewDn, dn],
      ['new-dn', this.byDn, newDn],
      ['new-dn', this.byNewDn, newDn],
      ['source-anchor', this.byAnchor, first.sourceAnchor],
      ['cloud-anchor', this.byCloudAnchor, first.cloudAnchor],
      ['object-guid', this.byGuid, lower(first.objectGuid)],
    ];
    for (const [key, map, value] of tries) {
      const at = this.take(map, value);
      if (at !== undefined) return { at, key };
    }
    return undefined;
  }

  entry(at: number): CompareEntry {
    return this.entries[at] as CompareEntry;
  }
}

/** Without re-reading: the operation, the new DN and the digest of the attribute changes. */
function quickDifferences(first: CompareEntry, second: CompareEntry): string[] {
  const differences: string[] = [];
  if (first.operation !== second.operation) differences.push('operation');
  if (lower(first.newDn) !== lower(second.newDn)) differences.push('new DN');
  if (first.digest !== second.digest) differences.push('attributes');
  return differences;
}

export function pairChanges(firstEntries: readonly CompareEntry[], secondEntries: readonly CompareEntry[], keepSame = false): Comparison {
  const second = new SecondIndex(secondEntries);
  const counts = noCompareCounts();
  const byOperation: Comparison['byOperation'] = { onlyInFirst: {}, onlyInSecond: {}, different: {}, same: {} };
  const changes: ComparedChange[] = [];
  const count = (cls: CompareClass, operation: string) => {
    counts[cls]++;
    byOperation[cls][operation] = (byOperation[cls][operation] ?? 0) + 1;
  };
  for (const first of firstEntries) {
    const pair = second.pair(first);
    if (!pair) {
      count('onlyInFirst', first.operation);
      changes.push({ class: 'onlyInFirst', first, differences: [] });
      continue;
    }
    const other = second.entry(pair.at);
    const differences = quickDifferences(first, other);
    const cls: CompareClass = differences.length ? 'different' : 'same';
    count(cls, first.operation);
    if (cls === 'different' || keepSame) changes.push({ class: cls, pairedBy: pair.key, first, second: other, differences });
  }
  secondEntries.forEach((entry, at) => {
    if (second.paired[at]) return;
    count('onlyInSecond', entry.operation);
    changes.push({ class: 'onlyInSecond', second: entry, differences: [] });
  });
  return { counts, byOperation, changes };
}
