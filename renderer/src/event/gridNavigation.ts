/**
 * Keyboard movement in the plan grid (the WAI-ARIA grid pattern): the grid is one tab stop, the
 * arrow keys move between cells (no wrapping, as in a spreadsheet), Home/End go to the first/last
 * cell of the row, Ctrl+Home/Ctrl+End to the first/last cell of the grid, Page Up/Down three rows.
 * Enter (or F2) goes into a cell to its buttons and links; Escape comes back out to the cell.
 */

/** A cell position: row and column, counted from 0 (the header row and column included). */
export interface GridPosition {
  row: number;
  col: number;
}

const PAGE_ROWS = 3;

/** Where `key` moves from `at` in a grid of `rows` x `cols`, or null for keys the grid leaves alone. */
export function nextGridPosition(
  key: string,
  at: GridPosition,
  size: { rows: number; cols: number },
  ctrl = false,
): GridPosition | null {
  if (size.rows <= 0 || size.cols <= 0) {
    return null;
  }
  const clampRow = (row: number): number => Math.min(size.rows - 1, Math.max(0, row));
  const clampCol = (col: number): number => Math.min(size.cols - 1, Math.max(0, col));
  switch (key) {
    case 'ArrowUp':
      return { row: clampRow(at.row - 1), col: at.col };
    case 'ArrowDown':
      return { row: clampRow(at.row + 1), col: at.col };
    case 'ArrowLeft':
      return { row: at.row, col: clampCol(at.col - 1) };
    case 'ArrowRight':
      return { row: at.row, col: clampCol(at.col + 1) };
    case 'Home':
      return ctrl ? { row: 0, col: 0 } : { row: at.row, col: 0 };
    case 'End':
      return ctrl ? { row: size.rows - 1, col: size.cols - 1 } : { row: at.row, col: size.cols - 1 };
    case 'PageUp':
      return { row: clampRow(at.row - PAGE_ROWS), col: at.col };
    case 'PageDown':
      return { row: clampRow(at.row + PAGE_ROWS), col: at.col };
    default:
      return null;
  }
}

/** The elements a person can act on inside a cell. */
export const CELL_WIDGETS = 'a[href], button, input, select, textarea, [tabindex]:not([data-grid-cell])';
