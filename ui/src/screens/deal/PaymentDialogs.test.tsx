import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { commands } from '../../api/commands';
import type { Payment } from '../../api/types';
import { ok, refuse } from '../../test/fakeCommands';
import { renderScreen } from '../../test/render';
import { PaidOnDialog, PaymentDialog } from './PaymentDialogs';

vi.mock('../../api/commands', async () => ({ commands: (await import('../../test/fakeCommands')).fakeCommands() }));

const payment: Payment = {
  id: 'pay1', created_at: 0, updated_at: 0, version: 2, deleted_at: null, deal_id: 'd1', amount: 100_000,
  currency: 'UAH', planned_date: '2026-03-20', invoice_number: null, status: 'planned', paid_at: null,
};

describe('PaymentDialogs', () => {
  it('marks a payment paid on the day typed', async () => {
    vi.mocked(commands.markPaymentPaidOn).mockResolvedValue(ok({ ...payment, status: 'paid' }));
    const onClose = vi.fn();
    renderScreen(<PaidOnDialog payment={payment} onClose={onClose} />);
    const input = await screen.findByTestId('paid-on-date');
    await userEvent.clear(input);
    await userEvent.type(input, '05.03.2026');
    fireEvent.blur(input);
    await userEvent.click(screen.getByTestId('paid-on-submit'));
    await waitFor(() => expect(commands.markPaymentPaidOn).toHaveBeenCalledWith('pay1', 2, '2026-03-05'));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
  });

  it('edits a planned payment at its version and shows a refused field under it', async () => {
    vi.mocked(commands.updatePayment).mockResolvedValue(refuse('invalid', 'amount'));
    renderScreen(<PaymentDialog payment={payment} onClose={vi.fn()} />);
    const amount = await screen.findByTestId('payment-amount');
    await userEvent.clear(amount);
    await userEvent.type(amount, 'багато');
    await userEvent.click(screen.getByTestId('payment-submit'));
    await waitFor(() =>
      expect(commands.updatePayment).toHaveBeenCalledWith('pay1', 2, expect.objectContaining({ amount: 'багато', planned_date: '2026-03-20' })),
    );
    expect(await screen.findByText('This value is not valid')).toBeInTheDocument();
  });
});
