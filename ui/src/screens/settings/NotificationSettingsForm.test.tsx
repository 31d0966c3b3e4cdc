import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { commands } from '../../api/commands';
import type { StoredNotificationSettings } from '../../api/types';
import { ok, refuse } from '../../test/fakeCommands';
import { renderScreen } from '../../test/render';
import { NotificationSettingsSection } from './NotificationSettingsSection';

vi.mock('../../api/commands', async () => ({ commands: (await import('../../test/fakeCommands')).fakeCommands() }));

const stored: StoredNotificationSettings = {
  user_id: 'user-1',
  version: 3,
  settings: {
    reminder_lead_minutes: 15,
    overdue_at_due: true,
    head_digest_minutes: 60,
    check_in_times: ['11:00', '14:00'],
    working_days: [1, 2, 3, 4, 5],
    gong_muted: false,
    catch_up_threshold: 5,
  },
};

async function renderForm() {
  vi.mocked(commands.notificationSettings).mockResolvedValue(ok(stored));
  renderScreen(<NotificationSettingsSection />);
  return screen.findByTestId('notification-settings-form');
}

const input = (testId: string) => screen.getByTestId(testId) as HTMLInputElement;

describe('NotificationSettingsForm', () => {
  it('shows the stored settings and saves the edited ones with the version they were read at', async () => {
    vi.mocked(commands.saveNotificationSettings).mockImplementation(async (version, settings) =>
      ok({ user_id: 'user-1', version: version + 1, settings }),
    );
    await renderForm();
    expect(input('notify-reminder-lead')).toHaveValue('15');
    expect(screen.getByText('14:00')).toBeInTheDocument();

    await userEvent.clear(input('notify-reminder-lead'));
    await userEvent.type(input('notify-reminder-lead'), '30');
    await userEvent.type(input('notify-check-ins'), '16:30{Enter}');
    await userEvent.click(within(screen.getByTestId('notify-working-days')).getByText('Fri'));
    await userEvent.click(within(screen.getByTestId('notify-working-days')).getByText('Sat'));
    await userEvent.click(input('notify-overdue'));
    await userEvent.click(input('notify-gong-muted'));
    await userEvent.click(screen.getByTestId('notify-save'));

    await waitFor(() => expect(commands.saveNotificationSettings).toHaveBeenCalledTimes(1));
    expect(commands.saveNotificationSettings).toHaveBeenCalledWith(3, {
      reminder_lead_minutes: 30,
      overdue_at_due: false,
      head_digest_minutes: 60,
      check_in_times: ['11:00', '14:00', '16:30'],
      working_days: [1, 2, 3, 4, 6],
      gong_muted: true,
      catch_up_threshold: 5,
    });
  });

  it('shows a refused check-in time on the check-in field', async () => {
    vi.mocked(commands.saveNotificationSettings).mockResolvedValue(
      refuse('invalid', 'check_in_times[1]', '«14:00» is listed twice'),
    );
    await renderForm();
    await userEvent.click(screen.getByTestId('notify-save'));

    const field = input('notify-check-ins');
    await waitFor(() => expect(field).toHaveAttribute('aria-invalid', 'true'));
    const errorId = field.getAttribute('aria-describedby')?.split(' ').find((id) => id.endsWith('error'));
    expect(document.getElementById(errorId!)).toHaveTextContent('This value is not valid');
    expect(input('notify-reminder-lead')).not.toHaveAttribute('aria-invalid', 'true');
  });

  it('offers to reload when someone saved first', async () => {
    vi.mocked(commands.saveNotificationSettings).mockResolvedValue(refuse('conflict', 'version'));
    await renderForm();
    await userEvent.click(screen.getByTestId('notify-save'));

    expect(await screen.findByTestId('conflict-alert')).toBeInTheDocument();
    vi.mocked(commands.notificationSettings).mockResolvedValue(ok({ ...stored, version: 4, settings: { ...stored.settings, reminder_lead_minutes: 45 } }));
    await userEvent.click(screen.getByTestId('conflict-reload'));
    await waitFor(() => expect(input('notify-reminder-lead')).toHaveValue('45'));
    expect(screen.queryByTestId('conflict-alert')).not.toBeInTheDocument();
  });
});
