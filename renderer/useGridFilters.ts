/**
 * The grid's filters as the toolbar shows them: the operation chip, the object type and the search
 * text. The chip and type live in a ref the grid's data source reads (no re-render of 500,000
 * rows to change them) and in state for the toolbar; search reaches the grid once typing pauses.
 */
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { ALL_PENDING, ALL_TYPES, NO_GRID_FILTER, searchWords, type ChosenRows, type GridFilter, type OperationChoice } from '../shared/rows/filter-rows.js';
import type { ReviewChoice } from '../shared/review/review-counts.js';

export interface GridFilters {
  filter: GridFilter;
  filterRef: RefObject<GridFilter>;
  search: string;
  chooseOperation: (operation: OperationChoice) => void;
  chooseObjectType: (objectType: string) => void;
  chooseReview: (review: ReviewChoice) => void;
  chooseComparison: (comparison: GridFilter['comparison']) => void;
  /** Shows only these rows (null: all again), with every operation: the chips and search still apply on top. */
  chooseRows: (chosen: ChosenRows | null) => void;
  /** Filters again (after marks change while a review chip is chosen). */
  refilter: () => void;
  setSearch: (text: string) => void;
}

const SEARCH_DEBOUNCE_MS = 150;

/** `refilter`: the grid works out the rows it shows again. */
export function useGridFilters(refilter: () => void, readId: number | undefined): GridFilters {
  const filterRef = useRef<GridFilter>(NO_GRID_FILTER);
  const [filter, setFilter] = useState<GridFilter>(NO_GRID_FILTER);
  const [search, setSearch] = useState('');

  const apply = useCallback(
    (next: GridFilter) => {
      filterRef.current = next;
      setFilter(next);
      refilter();
    },
    [refilter],
  );
  const chooseOperation = useCallback((operation: OperationChoice) => apply({ ...filterRef.current, operation }), [apply]);
  const chooseObjectType = useCallback((objectType: string) => apply({ ...filterRef.current, objectType }), [apply]);
  const chooseReview = useCallback((review: ReviewChoice) => apply({ ...filterRef.current, review }), [apply]);
  const chooseComparison = useCallback((comparison: GridFilter['comparison']) => apply({ ...filterRef.current, comparison }), [apply]);
  const chooseRows = useCallback(
    (chosen: ChosenRows | null) => apply({ ...filterRef.current, chosen, ...(chosen && { operation: ALL_PENDING, objectType: ALL_TYPES }) }),
    [apply],
  );

  // Typing stays responsive on 500,000 rows: the grid filters once the typing pauses.
  useEffect(() => {
    const timer = window.setTimeout(
      () => {
        filterRef.current = { ...filterRef.current, search: searchWords(search) };
        refilter();
      },
      search ? SEARCH_DEBOUNCE_MS : 0,
    );
    return () => window.clearTimeout(timer);
  }, [refilter, search]);

  // A new file starts with every filter cleared.
  useEffect(() => {
    setSearch('');
    apply(NO_GRID_FILTER);
  }, [apply, readId]);

  return { filter, filterRef, search, chooseOperation, chooseObjectType, chooseReview, chooseComparison, chooseRows, refilter, setSearch };
}
