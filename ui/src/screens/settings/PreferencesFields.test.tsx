import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { commands } from '../../api/commands';
import { ok, refuse } from '../../test/fakeCommands';
import { me } from '../../test/fixtures';
import { renderScreen } from '../../test/render';
import { PreferencesFields } from './PreferencesFields';

vi.mock('../../api/commands', async () => ({ commands: (await import('../../test/fakeCommands')).fakeCommands() }));

describe('PreferencesFields', () => {
  it('offers the zones the Rust side lists and saves the chosen one on the user', async () => {
    vi.mocked(commands.timeZones).mockResolvedValue(['America/New_York', 'Asia/Tokyo', 'Europe/Kyiv']);
    vi.mocked(commands.setMyPreferences).mockResolvedValue(ok({ ...me, time_zone: 'Asia/Tokyo' }));
    renderScreen(<PreferencesFields user={me} />);

    await userEvent.click(screen.getByTestId('settings-time-zone'));
    await userEvent.click(await screen.findByText('Asia/Tokyo'));

    await waitFor(() => expect(commands.setMyPreferences).toHaveBeenCalledWith('en', 'Asia/Tokyo'));
    expect(commands.timeZones).toHaveBeenCalled();
  });

  it('says why the store refused a zone', async () => {
    vi.mocked(commands.timeZones).mockResolvedValue(['Europe/Kyiv', 'UTC']);
    vi.mocked(commands.setMyPreferences).mockResolvedValue(refuse('invalid', 'time_zone', 'not a time zone'));
    renderScreen(<PreferencesFields user={me} />);

    await userEvent.click(screen.getByTestId('settings-time-zone'));
    await userEvent.click(await screen.findByText('UTC'));

    expect(await screen.findByText('This value is not valid')).toBeInTheDocument();
  });
});
