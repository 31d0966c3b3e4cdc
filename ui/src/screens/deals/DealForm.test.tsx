import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { commands } from '../../api/commands';
import { ok, refuse } from '../../test/fakeCommands';
import { deal } from '../../test/fixtures';
import { renderScreen } from '../../test/render';
import { DealForm } from './DealForm';

vi.mock('../../api/commands', async () => ({ commands: (await import('../../test/fakeCommands')).fakeCommands() }));

describe('DealForm', () => {
  it('saves at the version it was read with and offers a reload when someone saved first', async () => {
    const d = { ...deal('d1', 'Дах — Львів', 's1', 1_000_000), version: 4 };
    vi.mocked(commands.updateDeal).mockResolvedValue(refuse('conflict', 'version'));
    const onReload = vi.fn();
    renderScreen(<DealForm deal={d} pipelineId="pipe-1" onSaved={() => {}} onReload={onReload} />);

    await userEvent.clear(screen.getByTestId('deal-amount'));
    await userEvent.type(screen.getByTestId('deal-amount'), '12 500');
    await userEvent.click(screen.getByTestId('deal-form-submit'));

    expect(await screen.findByTestId('conflict-alert')).toHaveTextContent('Changed by someone else');
    expect(commands.updateDeal).toHaveBeenCalledWith('d1', 4, expect.objectContaining({ amount: '12 500', title: 'Дах — Львів' }));
    await userEvent.click(screen.getByTestId('conflict-reload'));
    expect(onReload).toHaveBeenCalled();
  });

  it('creates a deal titled from the template, with the picked company and its city', async () => {
    vi.mocked(commands.search).mockResolvedValue(
      ok({ items: [{ kind: 'company', id: 'c1', title: 'ТОВ Дах', subtitle: 'Львів' }], more: false, offset: 0 }),
    );
    const company = { id: 'c1', name: 'ТОВ Дах', city: 'Львів' };
    vi.mocked(commands.getCompany).mockResolvedValue(ok(company as never));
    vi.mocked(commands.createDeal).mockImplementation(async (input) => ok(deal('d9', input.title, 's1', 0)));
    const onSaved = vi.fn();
    renderScreen(<DealForm deal={null} pipelineId="pipe-1" onSaved={onSaved} />);

    await userEvent.type(screen.getByTestId('deal-company'), 'Дах');
    await userEvent.click(await screen.findByText('ТОВ Дах · Львів'));
    await userEvent.type(screen.getByTestId('deal-product'), 'Профнастил');
    await waitFor(() => expect(commands.getCompany).toHaveBeenCalledWith('c1'));
    await userEvent.click(screen.getByTestId('deal-title-from-template'));
    expect(screen.getByTestId('deal-title')).toHaveValue('Профнастил — ТОВ Дах — Львів');

    await userEvent.click(screen.getByTestId('deal-form-submit'));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(commands.createDeal).toHaveBeenCalledWith(
      expect.objectContaining({ title: 'Профнастил — ТОВ Дах — Львів', company_id: 'c1', pipeline_id: 'pipe-1', owner_id: 'user-1' }),
      null,
    );
  });
});
