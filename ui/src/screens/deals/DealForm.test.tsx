import { screen, waitFor, within } from '@testing-library/react';
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

  it('shows the title the core makes from the template and sends a blank title for it', { timeout: 20_000 }, async () => {
    vi.mocked(commands.search).mockResolvedValue(
      ok({ items: [{ kind: 'company', id: 'c1', title: 'ТОВ Дах', subtitle: 'Львів' }], more: false, offset: 0 }),
    );
    const company = { id: 'c1', name: 'ТОВ Дах', city: 'Львів' };
    vi.mocked(commands.getCompany).mockResolvedValue(ok(company as never));
    vi.mocked(commands.dealTitlePreview).mockImplementation(async (input) =>
      ok([input.product, input.company_id ? 'ТОВ Дах — Львів' : null].filter(Boolean).join(' — ')),
    );
    vi.mocked(commands.createDeal).mockImplementation(async (input) => ok(deal('d9', input.title || 'made', 's1', 0)));
    const onSaved = vi.fn();
    renderScreen(<DealForm deal={null} pipelineId="pipe-1" onSaved={onSaved} />);

    await userEvent.type(screen.getByTestId('deal-company'), 'Дах');
    await userEvent.click(await screen.findByText('ТОВ Дах · Львів'));
    await userEvent.type(screen.getByTestId('deal-product'), 'Профнастил');
    await waitFor(() =>
      expect(screen.getByTestId('deal-title')).toHaveAttribute('placeholder', 'Leave empty for «Профнастил — ТОВ Дах — Львів»'),
    );
    expect(commands.dealTitlePreview).toHaveBeenLastCalledWith(
      expect.objectContaining({ title: '', product: 'Профнастил', company_id: 'c1', pipeline_id: 'pipe-1' }),
    );

    await userEvent.click(screen.getByTestId('deal-form-submit'));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(commands.createDeal).toHaveBeenCalledWith(
      expect.objectContaining({ title: '', product: 'Профнастил', company_id: 'c1', currency: null, owner_id: 'user-1' }),
      null,
    );

    await userEvent.click(screen.getByTestId('deal-title-from-template'));
    expect(screen.getByTestId('deal-title')).toHaveValue('Профнастил — ТОВ Дах — Львів');
  });

  it('offers the dictionary entries still in use, and keeps a retired one the deal has', async () => {
    const entry = (code: string, name: string, active = true) => ({
      id: `e-${code}`, created_at: 0, updated_at: 0, version: 1, deleted_at: null,
      dictionary: 'sales_channel' as const, code, name, position: 0, active,
    });
    vi.mocked(commands.dictionaries).mockResolvedValue(
      ok([entry('direct', 'Прямі продажі'), entry('dealer', 'Дилер', false), entry('tender', 'Тендер', false)]),
    );
    const d = deal('d1', 'Дах', 's1', 0, { sales_channel: 'dealer' });
    renderScreen(<DealForm deal={d} pipelineId="pipe-1" onSaved={() => {}} />);

    const select = await screen.findByRole('textbox', { name: 'Sales channel' });
    await waitFor(() => expect(select).toHaveValue('Дилер'));
    await userEvent.click(select);
    await screen.findByRole('option', { name: 'Дилер', hidden: true });
    const offered = within(screen.getByRole('listbox', { name: 'Sales channel', hidden: true }));
    expect(offered.getAllByRole('option', { hidden: true }).map((o) => o.textContent)).toEqual(['Прямі продажі', 'Дилер']);
  });
});
