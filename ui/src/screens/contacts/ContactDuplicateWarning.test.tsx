import { screen } from '@testing-library/react';
import { commands } from '../../api/commands';
import { ok } from '../../test/fakeCommands';
import { me } from '../../test/fixtures';
import { renderScreen } from '../../test/render';
import { ContactDuplicateWarning } from './ContactDuplicateWarning';
import { inputFromValues, valuesFromContact } from './contactFormValues';

vi.mock('../../api/commands', async () => ({ commands: (await import('../../test/fakeCommands')).fakeCommands() }));

const blank = () => inputFromValues(valuesFromContact(null, me.id));

describe('ContactDuplicateWarning', () => {
  it('links to the person the typed phone already belongs to', async () => {
    const ivan = { ...blank(), full_name: 'Іван Петренко', position: 'Директор', phones: ['380501112233'], emails: [], messengers: [], important_dates: [], id: 'p1', created_at: 0, updated_at: 0, version: 1, deleted_at: null, owner_id: me.id };
    vi.mocked(commands.contactDuplicates).mockResolvedValue(ok([ivan]));
    const input = { ...blank(), full_name: 'Петренко', phones: ['050-111-22-33'] };
    renderScreen(<ContactDuplicateWarning input={input} except={null} />);
    const warning = await screen.findByTestId('duplicate-warning');
    expect(warning).toHaveTextContent('Іван Петренко · Директор');
    expect(screen.getByRole('link', { name: 'Іван Петренко' })).toHaveAttribute('href', '/contacts/p1');
    expect(commands.contactDuplicates).toHaveBeenCalledWith(input, null);
  });

  it('does not ask while there is nothing to compare', async () => {
    renderScreen(<ContactDuplicateWarning input={{ ...blank(), full_name: 'Іван' }} except={null} />);
    await new Promise((r) => setTimeout(r, 400));
    expect(commands.contactDuplicates).not.toHaveBeenCalled();
    expect(screen.queryByTestId('duplicate-warning')).toBeNull();
  });
});
