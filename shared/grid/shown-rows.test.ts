import { describe, expect, it } from 'vitest';
import type { ChangeRow } from '../rows/change-row.js';
import {
  matchesGridFilter,
  matchesOperationChoice,
  NO_GRID_FILTER,
  restOfGridFilter,
  searchWords,
  type GridFilter,
  type RowStates,
} from '../rows/filter-rows.js';
import { changeRow } from '../testing/change-row-fixture.js';
import { seededRandom } from '../testing/seeded-random.js';
import { CHANGES_ATTRIBUTE, columnFilterTest, type CellText, type ColumnFilterModel } from './column-filter.js';
import { SearchIndex } from './search-index.js';
import { ShownRows, type ShownQuery } from './shown-rows.js';
import { sortOrdinals, type ColumnSort } from './sort-rows.js';

const text: CellText<ChangeRow> = (row, colId) =>
  colId === 'changedAttributes' ? row.changedAttributes.join(', ') : String(row[colId as keyof ChangeRow] ?? '');

function query(overrides: Partial<ShownQuery> = {}): ShownQuery {
  return { showsOperation: () => true, keep: null, search: [], filterModel: null, sortModel: [], cellText: text, ...overrides };
}

const people = [
  changeRow({ id: 'a', operation: 'delete', userPrincipalName: 'Dana.Kelly@contoso.com', displayName: 'Dana Kelly', changedAttributes: ['mail'] }),
  changeRow({ id: 'b', operation: 'update', userPrincipalName: 'eve@contoso.com', displayName: 'Eve', changedAttributes: ['mailNickname', 'department'] }),
  changeRow({ id: 'c', operation: 'add', userPrincipalName: '', displayName: 'Chen Wu', dn: 'CN={AB12}', changedAttributes: [] }),
  changeRow({ id: 'd', operation: 'update', userPrincipalName: 'dana.smith@fabrikam.com', displayName: 'Dana Smith', changedAttributes: ['department'] }),
];

function shownIds(shown: ShownRows): string[] {
  return shown.shownRows().map((row) => row.id);
}

describe('the search index', () => {
  it('finds rows with every word, without case, in any searchable field, never across two rows', () => {
    const index = new SearchIndex();
    index.add(people.slice(0, 2));
    index.add(people.slice(2));
    const found = (search: string) => [...index.matching(searchWords(search))].flatMap((hit, k) => (hit ? [people[k]?.id] : []));
    expect(found('dana')).toEqual(['a', 'd']);
    expect(found('DANA kelly')).toEqual(['a']);
    expect(found('{ab12}')).toEqual(['c']);
    expect(found('dana dana')).toEqual(['a', 'd']);
    // "Kelly" ends row a and "@contoso" starts nothing in row b: no match made of two rows' texts.
    expect(found('kelly@contoso.comeve')).toEqual([]);
    expect(found('nobody')).toEqual([]);
    expect(found('')).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('column filters', () => {
  const kept = (model: ColumnFilterModel) => people.filter(columnFilterTest(model, text) ?? (() => true)).map((row) => row.id);

  it('follow the grid text filter: case-insensitive, an empty text keeps every row', () => {
    expect(kept({ displayName: { filterType: 'text', type: 'contains', filter: 'DANA' } })).toEqual(['a', 'd']);
    expect(kept({ displayName: { filterType: 'text', type: 'notContains', filter: 'dana' } })).toEqual(['b', 'c']);
    expect(kept({ displayName: { filterType: 'text', type: 'equals', filter: 'eve' } })).toEqual(['b']);
    expect(kept({ displayName: { filterType: 'text', type: 'notEqual', filter: 'eve' } })).toEqual(['a', 'c', 'd']);
    expect(kept({ displayName: { filterType: 'text', type: 'startsWith', filter: 'ch' } })).toEqual(['c']);
    expect(kept({ displayName: { filterType: 'text', type: 'endsWith', filter: 'SMITH' } })).toEqual(['d']);
    expect(kept({ userPrincipalName: { filterType: 'text', type: 'blank' } })).toEqual(['c']);
    expect(kept({ userPrincipalName: { filterType: 'text', type: 'notBlank' } })).toEqual(['a', 'b', 'd']);
    expect(kept({ displayName: { filterType: 'text', type: 'contains', filter: '' } })).toEqual(['a', 'b', 'c', 'd']);
  });

  it('join two conditions and two columns, and match a whole attribute name with "Changes attribute"', () => {
    const either = {
      filterType: 'text' as const,
      operator: 'OR' as const,
      conditions: [
        { type: 'contains', filter: 'eve' },
        { type: 'contains', filter: 'chen' },
      ],
    };
    expect(kept({ displayName: either })).toEqual(['b', 'c']);
    expect(
      kept({
        displayName: {
          operator: 'AND',
          conditions: [
            { type: 'contains', filter: 'dana' },
            { type: 'notContains', filter: 'smith' },
          ],
        },
      }),
    ).toEqual(['a']);
    expect(kept({ displayName: { type: 'contains', filter: 'dana' }, operation: { type: 'equals', filter: 'update' } })).toEqual(['d']);
    expect(kept({ changedAttributes: { type: CHANGES_ATTRIBUTE, filter: ' MAIL ' } })).toEqual(['a']);
    expect(kept({ changedAttributes: { type: 'contains', filter: 'mail' } })).toEqual(['a', 'b']);
    expect(columnFilterTest({}, text)).toBeUndefined();
  });
});

describe('sorting', () => {
  it('orders by code unit, empty first, ties in file order, each sorted column in turn', () => {
    const ordinals = Int32Array.from([0, 1, 2, 3]);
    const sorted = (sorts: ColumnSort[]) => [...sortOrdinals(Int32Array.from(ordinals), people, sorts, text)].map((k) => people[k]?.id);
    expect(sorted([{ colId: 'userPrincipalName', sort: 'asc' }])).toEqual(['c', 'a', 'd', 'b']);
    expect(sorted([{ colId: 'userPrincipalName', sort: 'desc' }])).toEqual(['b', 'd', 'a', 'c']);
    expect(sorted([{ colId: 'operation', sort: 'asc' }])).toEqual(['c', 'a', 'b', 'd']);
    expect(
      sorted([
        { colId: 'operation', sort: 'desc' },
        { colId: 'displayName', sort: 'desc' },
      ]),
    ).toEqual(['b', 'd', 'a', 'c']);
    expect(sorted([])).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('the rows shown', () => {
  it('filters, searches and sorts, and works out again only when the query or what it reads changed', () => {
    const shown = new ShownRows();
    shown.append(people);
    let deletesOnly = false;
    const keep = (row: ChangeRow) => !deletesOnly || row.operation === 'delete';
    expect(shown.update(query({ keep }))).toBe(true);
    expect(shownIds(shown)).toEqual(['a', 'b', 'c', 'd']);
    deletesOnly = true;
    expect(shown.update(query({ keep }))).toBe(false);
    shown.invalidate();
    expect(shown.update(query({ keep }))).toBe(true);
    expect(shownIds(shown)).toEqual(['a']);
    deletesOnly = false;
    shown.invalidate();
    shown.update(query({ keep, search: ['dana'], sortModel: [{ colId: 'displayName', sort: 'desc' }] }));
    expect(shownIds(shown)).toEqual(['d', 'a']);
    expect(shown.rowAt(1)?.id).toBe('a');
    expect(shown.rowAt(2)).toBeUndefined();
    expect(shown.slice(1, 10).map((row) => row.id)).toEqual(['a']);
  });

  it('shows rows arriving at the end while in file order, and sorts them in once asked to catch up when sorted', () => {
    const shown = new ShownRows();
    shown.append(people.slice(0, 2));
    shown.update(query({ search: ['dana'] }));
    expect(shownIds(shown)).toEqual(['a']);
    shown.append(people.slice(2));
    expect(shownIds(shown)).toEqual(['a', 'd']);
    shown.update(query({ sortModel: [{ colId: 'displayName', sort: 'asc' }] }));
    shown.append([changeRow({ id: 'e', displayName: 'Abe' })]);
    expect(shown.isBehind).toBe(true);
    expect(shown.update(query({ sortModel: [{ colId: 'displayName', sort: 'asc' }] }))).toBe(false);
    expect(shownIds(shown)).toEqual(['c', 'a', 'd', 'b']);
    shown.catchUp();
    expect(shown.update(query({ sortModel: [{ colId: 'displayName', sort: 'asc' }] }))).toBe(true);
    expect(shown.isBehind).toBe(false);
    expect(shownIds(shown)).toEqual(['e', 'c', 'a', 'd', 'b']);
  });

  it('selects by position, a range with shift, every row shown, and hands selected rows back in the order shown', () => {
    const shown = new ShownRows();
    shown.append(people);
    shown.update(query({ sortModel: [{ colId: 'displayName', sort: 'asc' }] }));
    expect(shownIds(shown)).toEqual(['c', 'a', 'd', 'b']);
    shown.toggle(3);
    shown.toggle(1, true);
    expect(shown.selectedRows().map((row) => row.id)).toEqual(['a', 'd', 'b']);
    shown.toggle(2);
    expect(shown.selectedRows().map((row) => row.id)).toEqual(['a', 'b']);
    // Hidden selected rows stay selected, and come after the shown ones.
    shown.update(query({ search: ['dana'] }));
    expect(shownIds(shown)).toEqual(['a', 'd']);
    expect(shown.selectedShown()).toBe(1);
    expect(shown.selectedRows().map((row) => row.id)).toEqual(['a', 'b']);
    shown.selectAllShown(true);
    expect(shown.selectionSize).toBe(3);
    expect(shown.selectedRows().map((row) => row.id)).toEqual(['a', 'd', 'b']);
    shown.selectAllShown(false);
    expect(shown.selectionSize).toBe(0);
    expect(shown.selectedRows()).toEqual([]);
    shown.clear();
    expect([shown.length, shown.total, shown.selectionSize]).toEqual([0, 0, 0]);
  });

  it('filters by operation once per distinct operation, and row by row past as many as it numbers (a hostile file)', () => {
    const shown = new ShownRows();
    const many = Array.from({ length: 70_000 }, (_, k) => changeRow({ id: `r${k}`, operation: k % 2 ? 'delete' : `op${k}`, pending: k !== 3 }));
    shown.append(many);
    shown.update(query({ showsOperation: (row) => row.pending && row.operation === 'delete' }));
    expect(shown.length).toBe(34_999);
    shown.invalidate();
    shown.update(query({ showsOperation: (row) => row.pending && row.operation === 'op69998' }));
    expect(shownIds(shown)).toEqual(['r69998']);
    shown.invalidate();
    shown.update(query({ showsOperation: (row) => !row.pending }));
    expect(shownIds(shown)).toEqual(['r3']);
  });

  it('agrees with filtering and sorting every row one by one, over varied rows and queries', () => {
    const random = seededRandom(12);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const names = ['dana', 'Eve', 'chen', 'Ünal', 'kelly', 'o’brien', ''];
    const rows = Array.from({ length: 1500 }, (_, k) =>
      changeRow({
        id: `id${k}`,
        pending: random() > 0.1,
        operation: pick(['add', 'update', 'delete', 'delete-add']),
        objectType: pick(['user', 'group', 'contact']),
        userPrincipalName: `${pick(names)}.${pick(names)}@${pick(['contoso.com', 'FABRIKAM.com'])}`,
        displayName: `${pick(names)} ${pick(names)}`,
        dn: `CN=${pick(names)},OU=${pick(['Staff', 'Leavers'])}`,
        changedAttributes: [pick(['mail', 'department', 'member']), pick(['mailNickname', 'title'])],
      }),
    );
    const states: RowStates = { stateOf: (row) => (row.id.endsWith('7') ? 'approved' : 'unreviewed'), comparisonOf: () => '' };
    const shown = new ShownRows();
    for (let k = 0; k < rows.length; k += 400) shown.append(rows.slice(k, k + 400));
    for (let round = 0; round < 60; round++) {
      const filter: GridFilter = {
        ...NO_GRID_FILTER,
        operation: pick(['all', 'all deletes', 'update', 'no pending export']),
        objectType: pick(['all', 'user', 'group']),
        review: pick(['all', 'approved', 'unreviewed'] as const),
        search: searchWords(pick(['', 'dana', 'EVE fabrikam', 'ünal', 'leavers kelly', 'x'])),
      };
      const filterModel = pick<ColumnFilterModel | null>([
        null,
        { displayName: { type: 'contains', filter: pick(['e', 'an']) } },
        { changedAttributes: { type: CHANGES_ATTRIBUTE, filter: 'mail' } },
      ]);
      const sortModel: ColumnSort[] = pick([
        [],
        [{ colId: 'displayName', sort: 'asc' }],
        [
          { colId: 'userPrincipalName', sort: 'desc' },
          { colId: 'dn', sort: 'asc' },
        ],
      ]);
      shown.invalidate();
      shown.update({
        showsOperation: (row) => matchesOperationChoice(row, filter.operation),
        keep: restOfGridFilter(filter, states),
        search: filter.search,
        filterModel,
        sortModel,
        cellText: text,
      });
      const columns = columnFilterTest(filterModel, text) ?? (() => true);
      const expected = rows.filter((row) => matchesGridFilter(row, filter, states) && columns(row));
      const order = sortModel.map(({ colId, sort }) => (a: ChangeRow, b: ChangeRow) => {
        const [x, y] = [text(a, colId), text(b, colId)];
        return x === y ? 0 : (x < y ? -1 : 1) * (sort === 'asc' ? 1 : -1);
      });
      expected.sort((a, b) => order.reduce((result, compare) => result || compare(a, b), 0));
      expect(shownIds(shown)).toEqual(expected.map((row) => row.id));
    }
  });
});
