import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { commands } from '../../api/commands';
import { ok, refuse } from '../../test/fakeCommands';
import { me } from '../../test/fixtures';
import { renderScreen } from '../../test/render';
import { MyContactsForm } from './MyContactsForm';

vi.mock('../../api/commands', async () => ({ commands: (await import('../../test/fakeCommands')).fakeCommands() }));

describe('MyContactsForm', () => {
  it('saves my name, email and phone at the version it read', async () => {
    const saved = { ...me, version: 2, email: 'oksana@firm.ua', phone: '380675551234' };
    vi.mocked(commands.setMyContacts).mockResolvedValue(ok(saved));
    renderScreen(<MyContactsForm user={me} />);

    expect(screen.getByTestId('my-contacts-save')).toBeDisabled();
    await userEvent.type(screen.getByTestId('my-email'), 'oksana@firm.ua');
    await userEvent.type(screen.getByTestId('my-phone'), '067 555 12 34');
    await userEvent.click(screen.getByTestId('my-contacts-save'));

    await waitFor(() =>
      expect(commands.setMyContacts).toHaveBeenCalledWith(1, {
        name: 'Оксана Мельник',
        email: 'oksana@firm.ua',
        phone: '067 555 12 34',
      }),
    );
    await waitFor(() => expect(screen.getByTestId('my-phone')).toHaveValue('380675551234'));
  });

  it('shows the store’s refusal under the phone', async () => {
    vi.mocked(commands.setMyContacts).mockResolvedValue(refuse('invalid', 'phone', 'not a phone number'));
    renderScreen(<MyContactsForm user={me} />);

    await userEvent.type(screen.getByTestId('my-phone'), 'дзвоніть');
    await userEvent.click(screen.getByTestId('my-contacts-save'));

    expect(await screen.findByText('This value is not valid', {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByTestId('my-phone')).toHaveValue('дзвоніть');
  });
});
