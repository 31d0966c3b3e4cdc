import { screen, within } from '@testing-library/react';
import i18n from '../../i18n';
import { renderScreen } from '../../test/render';
import { planFactTable } from '../../test/reportFixtures';
import { ReportTableView } from './ReportTableView';

const cellOf = (row: HTMLElement, col: string) => row.querySelector(`[data-col="${col}"]`);

describe('ReportTableView', () => {
  it('shows money, percents and empty cells by their kind, and the totals row', () => {
    renderScreen(<ReportTableView table={planFactTable} />);
    expect(screen.getByText('Plan and fact')).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: '% of plan' })).toBeInTheDocument();
    const [olena, petro] = screen.getAllByTestId('report-row');
    expect(cellOf(olena!, 'manager')).toHaveTextContent('Олена Коваль');
    expect(cellOf(olena!, 'plan')?.textContent?.replace(/\s/g, ' ')).toMatch(/440,000/);
    expect(cellOf(olena!, 'plan')).toHaveTextContent('UAH');
    expect(cellOf(olena!, 'percent_of_plan')).toHaveTextContent('45.5 %');
    expect(cellOf(petro!, 'percent_of_plan')).toHaveTextContent('—');
    const totals = screen.getByTestId('report-totals');
    expect(cellOf(totals, 'manager')).toHaveTextContent('Team');
    expect(cellOf(totals, 'fact')?.textContent).toMatch(/250,000/);
  });

  it('shows dates and days in the UI language, and headings translated by their keys', async () => {
    await i18n.changeLanguage('uk');
    renderScreen(
      <ReportTableView
        table={{
          key: 'stuck',
          title: 'Stuck over 14 days (1 deals)',
          columns: [
            { key: 'deal', title: 'Deal', kind: 'text' },
            { key: 'days_in_stage', title: 'Days in stage', kind: 'days' },
            { key: 'paid_on', title: 'Paid on', kind: 'date' },
          ],
          rows: [[{ kind: 'text', value: 'Поставка' }, { kind: 'days', value: 21.25 }, { kind: 'date', value: '2026-03-09' }]],
          totals: null,
        }}
      />,
    );
    const row = screen.getByTestId('report-row');
    expect(cellOf(row, 'days_in_stage')?.textContent).toBe('21,3');
    expect(cellOf(row, 'paid_on')).toHaveTextContent('09.03.2026');
    expect(screen.getByRole('columnheader', { name: 'Днів в етапі' })).toBeInTheDocument();
    expect(screen.queryByTestId('report-totals')).not.toBeInTheDocument();
  });

  it('links the cells the report names a page for, and leaves the rest as text', () => {
    renderScreen(<ReportTableView table={planFactTable} link={(row, col) => (row === 0 && col === 'fact' ? '/deals/d-1' : null)} />);
    const links = screen.getAllByTestId('report-link');
    expect(links).toHaveLength(1);
    expect(links[0]).toHaveAttribute('href', '/deals/d-1');
    expect(within(screen.getAllByTestId('report-row')[0]!).getByTestId('report-link').textContent).toMatch(/200,000/);
  });

  it('shows the notes under the title', () => {
    renderScreen(<ReportTableView table={planFactTable} notes={['The first 1000 of 1500']} />);
    expect(screen.getByTestId('report-table-note')).toHaveTextContent('The first 1000 of 1500');
  });

  it('says so when a table has no rows', () => {
    renderScreen(<ReportTableView table={{ ...planFactTable, rows: [], totals: null }} />);
    expect(screen.getByTestId('report-table-empty')).toHaveTextContent('Nothing in this period');
  });
});
