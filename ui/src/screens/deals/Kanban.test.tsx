import { screen, within } from '@testing-library/react';
import type { BoardColumn } from '../../api/types';
import { deal, stage } from '../../test/fixtures';
import { renderScreen } from '../../test/render';
import { Kanban } from './Kanban';

vi.mock('../../api/commands', async () => ({ commands: (await import('../../test/fakeCommands')).fakeCommands() }));

const columns: BoardColumn[] = [
  {
    stage: stage('s1', 'Новий лід', 0),
    count: 2,
    amount: 15_000_000,
    deals: [deal('d1', 'Дах — Львів', 's1', 10_000_000), deal('d2', 'Фасад — Київ', 's1', 5_000_000, { without_task: true })],
  },
  { stage: stage('s2', 'КП надіслано', 1), count: 0, amount: 0, deals: [] },
  { stage: stage('s3', 'Успішно', 2, { kind: 'won' }), count: 1, amount: 123_456_78, deals: [deal('d3', 'Склад', 's3', 123_456_78)] },
];

const format = (major: number) =>
  new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'UAH', minimumFractionDigits: 0, maximumFractionDigits: 0 }).format(major);

describe('Kanban', () => {
  it('shows each stage as a column with its deal count and total amount in whole currency units', () => {
    renderScreen(<Kanban columns={columns} ownerNames={new Map()} onMove={() => {}} />);

    const lead = screen.getByTestId('column-Новий лід');
    expect(within(lead).getByTestId('column-count')).toHaveTextContent('2');
    expect(within(lead).getByTestId('column-amount').textContent).toBe(format(150_000));
    expect(within(lead).getAllByTestId('deal-card')).toHaveLength(2);

    const empty = screen.getByTestId('column-КП надіслано');
    expect(within(empty).getByTestId('column-count')).toHaveTextContent('0');
    expect(within(empty).queryAllByTestId('deal-card')).toHaveLength(0);

    // 123 456.78 rounds to whole hryvnias.
    expect(within(screen.getByTestId('column-Успішно')).getByTestId('column-amount').textContent).toBe(format(123_457));
  });

  it('flags the deals the store says have no open task (rule 2)', () => {
    renderScreen(<Kanban columns={columns} ownerNames={new Map()} onMove={() => {}} />);
    const flagged = screen.getAllByTestId('deal-card').filter((c) => within(c).queryByTestId('deal-without-task-flag'));
    expect(flagged.map((c) => c.getAttribute('data-deal-id'))).toEqual(['d2']);
  });
});
