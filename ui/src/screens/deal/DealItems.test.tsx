import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { commands } from '../../api/commands';
import type { DealItem } from '../../api/types';
import { ok, paged } from '../../test/fakeCommands';
import { deal } from '../../test/fixtures';
import { renderScreen } from '../../test/render';
import { product } from '../../test/catalogFixtures';
import { DealItems } from './DealItems';

vi.mock('../../api/commands', async () => ({ commands: (await import('../../test/fakeCommands')).fakeCommands() }));

const theDeal = deal('d1', 'Дах складу', 's1', 0);

function item(over: Partial<DealItem> = {}): DealItem {
  return {
    id: 'i1', created_at: 0, updated_at: 0, version: 1, deleted_at: null, deal_id: 'd1', product_id: 'p1',
    name: 'Профнастил 1', quantity: 150, unit_price: 32_050, currency: 'UAH', discount_bp: 0, ...over,
  };
}

describe('DealItems', () => {
  it('fills the name and price from the product picked, and warns when the stock is short', async () => {
    vi.mocked(commands.listProducts).mockResolvedValue(ok(paged([product(1)])));
    vi.mocked(commands.addDealItem).mockResolvedValue(
      ok({
        item: item(),
        deal: theDeal,
        stock: { product: 'Профнастил 1', unit: 'м²', quantity: 150, stock: 100, lead_time_days: 7 },
      }),
    );
    renderScreen(<DealItems deal={theDeal} />);
    await userEvent.type(screen.getByTestId('product-picker'), 'проф');
    await userEvent.click(await screen.findByRole('option', { name: /Профнастил 1 · PS1/, hidden: true }));
    expect(screen.getByTestId('product-picker')).toHaveValue('Профнастил 1');
    expect(screen.getByTestId('item-new-price')).toHaveValue('320.5');
    await userEvent.click(screen.getByTestId('add-item-submit'));
    await waitFor(() =>
      expect(commands.addDealItem).toHaveBeenCalledWith(
        expect.objectContaining({ deal_id: 'd1', product_id: 'p1', name: 'Профнастил 1', unit_price: 32_050 }),
      ),
    );
    expect(await screen.findByTestId('stock-warning')).toHaveTextContent('7');
  });

  it('shows the totals the store counted and removes a line', async () => {
    vi.mocked(commands.dealLines).mockResolvedValue(
      ok({
        lines: [{ item: item({ quantity: 2, discount_bp: 1_000 }), total: 57_690 }],
        totals: { gross: 64_100, discount: 6_410, net: 57_690, vat: null, payable: 57_690, currency: 'UAH' },
      }),
    );
    vi.mocked(commands.removeDealItem).mockResolvedValue(ok(theDeal));
    renderScreen(<DealItems deal={theDeal} />);
    expect(await screen.findByTestId('items-total')).toHaveTextContent(/576[.,]90/);
    await userEvent.click(screen.getByTestId('item-remove'));
    await waitFor(() => expect(commands.removeDealItem).toHaveBeenCalledWith('i1', 1));
  });

  it('switches the amount to follow the items', async () => {
    vi.mocked(commands.setAmountFromItems).mockResolvedValue(ok({ ...theDeal, amount_from_items: true }));
    renderScreen(<DealItems deal={theDeal} />);
    await userEvent.click(screen.getByTestId('amount-from-items'));
    await waitFor(() => expect(commands.setAmountFromItems).toHaveBeenCalledWith('d1', 1, true));
  });
});
