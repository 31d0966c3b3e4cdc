import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { commands } from '../../api/commands';
import type { Company } from '../../api/types';
import { ok, paged } from '../../test/fakeCommands';
import { me } from '../../test/fixtures';
import { renderScreen } from '../../test/render';
import { CompaniesScreen } from './CompaniesScreen';

vi.mock('../../api/commands', async () => ({ commands: (await import('../../test/fakeCommands')).fakeCommands() }));

function company(i: number): Company {
  return {
    id: `c${i}`, created_at: 0, updated_at: 0, version: 1, deleted_at: null, name: `Компанія ${i}`,
    legal_id: null, industry: null, city: 'Львів', address: null, website: null, work_phone: null,
    mobile_phone: null, email: null, currency: 'UAH', monthly_turnover: null, net_profit: null,
    employee_count: null, lead_source: null, owner_id: me.id, tags: [], notes: null, important_dates: [],
  };
}

describe('CompaniesScreen', () => {
  it('shows an empty state when the store has no companies', async () => {
    renderScreen(<CompaniesScreen />);
    expect(await screen.findByTestId('companies-empty')).toBeInTheDocument();
  });

  it('asks the store for 200 rows at a time, the next page as the end comes near', async () => {
    vi.mocked(commands.listCompanies)
      .mockResolvedValueOnce(ok(paged([company(1), company(2)], true)))
      .mockResolvedValue(ok({ items: [company(3)], more: false, offset: 2 }));
    renderScreen(<CompaniesScreen />);
    await screen.findByTestId('companies-table');
    expect(commands.listCompanies).toHaveBeenCalledWith(
      { owner_id: null, city: null, sort: 'name', descending: false },
      { offset: 0, limit: 200 },
    );
    await waitFor(() =>
      expect(commands.listCompanies).toHaveBeenLastCalledWith(expect.anything(), { offset: 2, limit: 200 }),
    );
  });

  it('re-asks sorted when a column header is clicked, and reversed on a second click', async () => {
    vi.mocked(commands.listCompanies).mockResolvedValue(ok(paged([company(1), company(2)])));
    renderScreen(<CompaniesScreen />);
    await screen.findByTestId('companies-table');
    await userEvent.click(screen.getByTestId('sort-city'));
    await waitFor(() =>
      expect(commands.listCompanies).toHaveBeenLastCalledWith(
        expect.objectContaining({ sort: 'city', descending: false }),
        { offset: 0, limit: 200 },
      ),
    );
    await userEvent.click(screen.getByTestId('sort-city'));
    await waitFor(() =>
      expect(commands.listCompanies).toHaveBeenLastCalledWith(
        expect.objectContaining({ sort: 'city', descending: true }),
        expect.anything(),
      ),
    );
  });

  it('filters by city after a pause in typing', async () => {
    renderScreen(<CompaniesScreen />);
    await userEvent.type(screen.getByTestId('companies-city-filter'), 'Київ');
    await waitFor(() =>
      expect(commands.listCompanies).toHaveBeenLastCalledWith(expect.objectContaining({ city: 'Київ' }), expect.anything()),
    );
  });
});
