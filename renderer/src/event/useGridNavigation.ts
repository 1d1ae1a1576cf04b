import { useLayoutEffect, useRef, type KeyboardEvent, type RefObject } from 'react';
import { CELL_WIDGETS, nextGridPosition, type GridPosition } from './gridNavigation.js';

/**
 * Roving tabindex over one table (see gridNavigation.ts). Cells are the elements with
 * `data-grid-cell` and `data-grid-row` / `data-grid-col`; the hook keeps exactly one of them in the
 * tab sequence and every button or link inside cells out of it, until Enter goes into a cell.
 */
export function useGridNavigation(grid: RefObject<HTMLElement | null>): {
  onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
  onFocus: (event: React.FocusEvent<HTMLElement>) => void;
} {
  const active = useRef<GridPosition>({ row: 0, col: 0 });
  const inside = useRef<HTMLElement | null>(null);

  const cellAt = (pos: GridPosition): HTMLElement | null =>
    grid.current?.querySelector<HTMLElement>(
      `[data-grid-cell][data-grid-row="${pos.row}"][data-grid-col="${pos.col}"]`,
    ) ?? null;

  const size = (): { rows: number; cols: number } => {
    let rows = 0;
    let cols = 0;
    for (const cell of grid.current?.querySelectorAll<HTMLElement>('[data-grid-cell]') ?? []) {
      rows = Math.max(rows, Number(cell.dataset['gridRow']) + 1);
      cols = Math.max(cols, Number(cell.dataset['gridCol']) + 1);
    }
    return { rows, cols };
  };

  // After every render: one cell in the tab sequence, the widgets inside cells out of it.
  useLayoutEffect(() => {
    const root = grid.current;
    if (!root) {
      return;
    }
    if (!cellAt(active.current)) {
      active.current = { row: 0, col: 0 };
    }
    for (const cell of root.querySelectorAll<HTMLElement>('[data-grid-cell]')) {
      const here =
        Number(cell.dataset['gridRow']) === active.current.row &&
        Number(cell.dataset['gridCol']) === active.current.col;
      cell.tabIndex = here ? 0 : -1;
      for (const widget of cell.querySelectorAll<HTMLElement>(CELL_WIDGETS)) {
        if (widget.dataset['gridKeep'] === undefined) {
          widget.tabIndex = -1;
        }
      }
    }
  });

  const focusCell = (pos: GridPosition): void => {
    const cell = cellAt(pos);
    if (!cell) {
      return;
    }
    const previous = cellAt(active.current);
    if (previous) {
      previous.tabIndex = -1;
    }
    active.current = pos;
    cell.tabIndex = 0;
    inside.current = null;
    cell.focus();
  };

  const onFocus = (event: React.FocusEvent<HTMLElement>): void => {
    const cell = (event.target as HTMLElement).closest<HTMLElement>('[data-grid-cell]');
    if (cell) {
      const pos = { row: Number(cell.dataset['gridRow']), col: Number(cell.dataset['gridCol']) };
      if (pos.row !== active.current.row || pos.col !== active.current.col) {
        const previous = cellAt(active.current);
        if (previous) {
          previous.tabIndex = -1;
        }
        active.current = pos;
        cell.tabIndex = 0;
      }
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>): void => {
    if (event.defaultPrevented) {
      return;
    }
    const target = event.target as HTMLElement;
    const cell = target.closest<HTMLElement>('[data-grid-cell]');
    if (!cell || !grid.current?.contains(cell)) {
      return;
    }
    const onCell = target === cell;
    const widgets = [...cell.querySelectorAll<HTMLElement>(CELL_WIDGETS)].filter(
      (w) => w.getClientRects().length > 0,
    );
    if (!onCell) {
      // Inside a cell: Escape goes back out, Tab cycles through the cell's widgets.
      if (event.key === 'Escape') {
        event.preventDefault();
        focusCell(active.current);
      } else if (event.key === 'Tab' && widgets.length > 0) {
        event.preventDefault();
        const index = widgets.indexOf(target);
        const next = (index + (event.shiftKey ? -1 : 1) + widgets.length) % widgets.length;
        widgets[next]?.focus();
      }
      return;
    }
    if ((event.key === 'Enter' || event.key === 'F2') && widgets.length > 0) {
      event.preventDefault();
      inside.current = cell;
      widgets[0]?.focus();
      return;
    }
    const next = nextGridPosition(event.key, active.current, size(), event.ctrlKey || event.metaKey);
    if (next) {
      event.preventDefault();
      focusCell(next);
    }
  };

  return { onKeyDown, onFocus };
}
