import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { commands } from '../../api/commands';
import type { Company } from '../../api/types';
import { ok } from '../../test/fakeCommands';
import { appInfo, me, rightsOf } from '../../test/fixtures';
import { renderScreen } from '../../test/render';
import { CompanyScreen } from './CompanyScreen';

vi.mock('../../api/commands', async () => ({ commands: (await import('../../test/fakeCommands')).fakeCommands() }));

const dah: Company = {
  id: 'c1', created_at: 0, updated_at: 0, version: 1, deleted_at: null, name: 'ТОВ Дах',
  legal_id: null, industry: null, city: 'Львів', address: null, website: null, work_phone: null,
  mobile_phone: null, email: null, currency: 'UAH', monthly_turnover: null, net_profit: null,
  employee_count: null, lead_source: null, owner_id: me.id, tags: [], notes: null, important_dates: [],
};
const at = { route: '/companies/c1', path: '/companies/:id' };

describe('CompanyScreen', () => {
  it('offers a manager no handover', async () => {
    vi.mocked(commands.getCompany).mockResolvedValue(ok(dah));
    renderScreen(<CompanyScreen />, { ...at, info: { ...appInfo, rights: rightsOf('manager') } });
    expect(await screen.findByTestId('company-screen')).toBeInTheDocument();
    expect(screen.queryByTestId('company-handover')).toBeNull();
  });

  it('hands the company over from its card, for the head', async () => {
    vi.mocked(commands.getCompany).mockResolvedValue(ok(dah));
    renderScreen(<CompanyScreen />, { ...at, info: { ...appInfo, user: { ...me, role: 'head' }, rights: rightsOf('head') } });
    await userEvent.click(await screen.findByTestId('company-handover'));
    expect(await screen.findByTestId('handover-dialog')).toBeInTheDocument();
    await waitFor(() => expect(commands.handoverPreview).toHaveBeenCalledWith({ kind: 'companies', company_ids: ['c1'] }));
  });
});
