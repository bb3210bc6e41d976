import { render, screen } from '@testing-library/react';
import { SortableHeadersFocus } from './SortableHeadersFocus';

describe('SortableHeadersFocus', () => {
  it('outlines a sortable header the keyboard focused, and no other', () => {
    render(
      <SortableHeadersFocus>
        <span className="MuiTableSortLabel-root Mui-focusVisible">SLO</span>
        <span className="MuiTableSortLabel-root">Objective</span>
      </SortableHeadersFocus>,
    );
    // jsdom keeps the shorthand as written; Chromium's is checked in
    // test/e2e/homelabAccessibility.e2e.ts.
    expect(getComputedStyle(screen.getByText('SLO')).outline).toMatch(
      /^2px solid /,
    );
    expect(getComputedStyle(screen.getByText('Objective')).outline).toBe('');
  });
});
