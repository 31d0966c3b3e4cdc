import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { commands } from '../../api/commands';
import { ok, refuse } from '../../test/fakeCommands';
import { appInfo, me } from '../../test/fixtures';
import { renderScreen } from '../../test/render';
import { ChangePasswordScreen } from './ChangePasswordScreen';

vi.mock('../../api/commands', async () => ({ commands: (await import('../../test/fakeCommands')).fakeCommands() }));

async function choose(password: string, repeated: string) {
  await userEvent.type(screen.getByTestId('new-password'), password);
  await userEvent.type(screen.getByTestId('repeat-password'), repeated);
  await userEvent.click(screen.getByTestId('change-password-submit'));
}

describe('ChangePasswordScreen', () => {
  it('saves a new password typed twice', async () => {
    vi.mocked(commands.setMyPassword).mockResolvedValue(ok(appInfo));
    renderScreen(<ChangePasswordScreen user={me} minChars={10} />);
    expect(screen.getByText(/Оксана Мельник, you signed in with the password you were handed/)).toBeInTheDocument();
    await choose('a-long-own-secret', 'a-long-own-secret');
    await waitFor(() => expect(commands.setMyPassword).toHaveBeenCalledWith('a-long-own-secret'));
  });

  it('refuses a short password and two that differ before asking the database', async () => {
    renderScreen(<ChangePasswordScreen user={me} minChars={10} />);
    await choose('short', 'short');
    expect(await screen.findByText('The password needs at least 10 characters')).toBeInTheDocument();
    await userEvent.clear(screen.getByTestId('new-password'));
    await userEvent.clear(screen.getByTestId('repeat-password'));
    await choose('a-long-own-secret', 'a-long-own-secreT');
    expect(await screen.findByText('The two passwords differ')).toBeInTheDocument();
    expect(commands.setMyPassword).not.toHaveBeenCalled();
  });

  it('shows a refusal of the keychain, translated', async () => {
    vi.mocked(commands.setMyPassword).mockResolvedValue(refuse('keychain', 'password', 'the Secret Service is locked'));
    renderScreen(<ChangePasswordScreen user={me} minChars={10} />);
    await choose('a-long-own-secret', 'a-long-own-secret');
    expect(await screen.findByText('The system keychain refused: the team password could not be kept or read')).toBeInTheDocument();
  });
});
