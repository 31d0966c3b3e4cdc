import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { commands } from '../../../api/commands';
import type { ProcessSettings } from '../../../api/types';
import { ok, refuse } from '../../../test/fakeCommands';
import { appInfo, rightsOf } from '../../../test/fixtures';
import { renderScreen } from '../../../test/render';
import { ProcessSettingsForm } from './ProcessSettingsForm';

vi.mock('../../../api/commands', async () => ({ commands: (await import('../../../test/fakeCommands')).fakeCommands() }));

const stored: ProcessSettings = {
  id: '00000000-0000-0000-0000-000000000000', created_at: 0, updated_at: 0, version: 0, deleted_at: null,
  title_template: '{product} — {company} — {city}',
  lead_response_minutes: 15,
  stuck_days: 14,
  idle_days: 30,
  task_horizon_days: 30,
  working_days: [1, 2, 3, 4, 5],
  holidays: ['2026-01-01', '2026-03-09'],
  default_currency: 'UAH',
};

describe('ProcessSettingsForm', () => {
  // Typing a template, minutes and a date outlasts the default 5 s on a busy two-core machine.
  it('saves the edited settings at the version they were read', { timeout: 20_000 }, async () => {
    vi.mocked(commands.processSettings).mockResolvedValue(ok(stored));
    vi.mocked(commands.saveProcessSettings).mockResolvedValue(ok({ ...stored, version: 1 }));
    renderScreen(<ProcessSettingsForm />);
    const template = await screen.findByTestId('process-title-template');
    expect(template).toHaveValue('{product} — {company} — {city}');
    await userEvent.clear(template);
    await userEvent.type(template, '{{company}: {{product}');
    await userEvent.clear(screen.getByTestId('process-lead-minutes'));
    await userEvent.type(screen.getByTestId('process-lead-minutes'), '30');
    await userEvent.click(screen.getByText('Sat'));
    await userEvent.type(screen.getByTestId('process-holidays'), '2026-08-24{Enter}');
    await userEvent.click(screen.getByTestId('process-save'));
    await waitFor(() => expect(commands.saveProcessSettings).toHaveBeenCalledTimes(1));
    expect(commands.saveProcessSettings).toHaveBeenCalledWith(0, {
      title_template: '{company}: {product}',
      lead_response_minutes: 30,
      stuck_days: 14,
      idle_days: 30,
      task_horizon_days: 30,
      working_days: [1, 2, 3, 4, 5, 6],
      holidays: ['2026-01-01', '2026-03-09', '2026-08-24'],
      default_currency: 'UAH',
    });
  });

  it('shows a refused holiday on the holidays field', async () => {
    vi.mocked(commands.processSettings).mockResolvedValue(ok(stored));
    vi.mocked(commands.saveProcessSettings).mockResolvedValue(refuse('invalid', 'holidays[1]', '«31.12» is not a date'));
    renderScreen(<ProcessSettingsForm />);
    await userEvent.click(await screen.findByTestId('process-save'));
    expect(await screen.findByText(/is not a date/)).toBeInTheDocument();
    expect(screen.getByTestId('process-holidays')).toHaveAttribute('aria-invalid', 'true');
  });

  it('is read-only for anyone but the admin', async () => {
    vi.mocked(commands.processSettings).mockResolvedValue(ok(stored));
    renderScreen(<ProcessSettingsForm />, { info: { ...appInfo, rights: rightsOf('head') } });
    expect(await screen.findByTestId('process-title-template')).toBeDisabled();
    expect(screen.queryByTestId('process-save')).not.toBeInTheDocument();
  });
});
