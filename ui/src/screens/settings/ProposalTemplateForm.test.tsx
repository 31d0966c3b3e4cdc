import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { commands } from '../../api/commands';
import type { ProposalTemplate } from '../../api/types';
import { ok, refuse } from '../../test/fakeCommands';
import { renderScreen } from '../../test/render';
import { ProposalTemplateForm } from './ProposalTemplateForm';

vi.mock('../../api/commands', async () => ({ commands: (await import('../../test/fakeCommands')).fakeCommands() }));

const saved: ProposalTemplate = {
  id: 't1', created_at: 0, updated_at: 0, version: 3, deleted_at: null, company_name: 'ТОВ Покрівля',
  requisites: null, logo: null, terms: null, validity_days: 14, vat_rate_bp: 2_000, prices_include_vat: true,
};

describe('ProposalTemplateForm', () => {
  it('sets the first template with the VAT in basis points and no version', async () => {
    vi.mocked(commands.saveProposalTemplate).mockResolvedValue(ok(saved));
    renderScreen(<ProposalTemplateForm />);
    await userEvent.type(await screen.findByTestId('template-company'), 'ТОВ Покрівля');
    await userEvent.type(screen.getByTestId('template-vat'), '20');
    await userEvent.click(screen.getByTestId('template-submit'));
    await waitFor(() =>
      expect(commands.saveProposalTemplate).toHaveBeenCalledWith(
        null,
        expect.objectContaining({ company_name: 'ТОВ Покрівля', vat_rate_bp: 2_000, prices_include_vat: true, validity_days: 14 }),
      ),
    );
  });

  it('changes the saved template at its version and shows the field a refusal names', async () => {
    vi.mocked(commands.proposalTemplate).mockResolvedValue(ok(saved));
    vi.mocked(commands.saveProposalTemplate).mockResolvedValue(refuse('invalid', 'validity_days'));
    renderScreen(<ProposalTemplateForm />);
    const days = await screen.findByTestId('template-validity');
    await userEvent.clear(days);
    await userEvent.type(days, '30');
    await userEvent.click(screen.getByTestId('template-submit'));
    expect(await screen.findByText('This value is not valid')).toBeInTheDocument();
    expect(commands.saveProposalTemplate).toHaveBeenCalledWith(3, expect.objectContaining({ validity_days: 30 }));
  });
});
