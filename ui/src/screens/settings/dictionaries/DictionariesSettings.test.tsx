import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { commands } from '../../../api/commands';
import type { DictionaryEntry } from '../../../api/types';
import { ok } from '../../../test/fakeCommands';
import { renderScreen } from '../../../test/render';
import { DictionariesSettings } from './DictionariesSettings';

vi.mock('../../../api/commands', async () => ({ commands: (await import('../../../test/fakeCommands')).fakeCommands() }));

const entry = (code: string, name: string, position: number, active = true): DictionaryEntry => ({
  id: `e-${code}`, created_at: 0, updated_at: 0, version: 1, deleted_at: null,
  dictionary: 'lead_source', code, name, position, active,
});
const reason = (id: string, name: string, position: number) => ({
  id, created_at: 0, updated_at: 0, version: 1, deleted_at: null, name, position, active: true,
});

describe('DictionariesSettings', () => {
  beforeEach(() => {
    vi.mocked(commands.listLossReasons).mockResolvedValue(ok([reason('r1', 'Ціна', 0), reason('r2', 'Немає бюджету', 1)]));
    vi.mocked(commands.dictionaries).mockResolvedValue(ok([entry('site', 'Сайт', 0), entry('cold', 'Холодний контакт', 1, false)]));
  });

  it('adds a loss reason at the end of the list', async () => {
    vi.mocked(commands.createLossReason).mockResolvedValue(ok(reason('r3', 'Обрали дешевше', 2)));
    renderScreen(<DictionariesSettings />);
    await screen.findByTestId('dictionary-entry-Ціна');
    await userEvent.type(screen.getByTestId('dictionary-new-entry'), 'Обрали дешевше{Enter}');
    await waitFor(() => expect(commands.createLossReason).toHaveBeenCalledWith({ name: 'Обрали дешевше', position: 2, active: true }));
  });

  it('renames in place, switches an entry off and reorders a dictionary of the database', { timeout: 20_000 }, async () => {
    vi.mocked(commands.updateDictionaryEntry).mockResolvedValue(ok(entry('site', 'Наш сайт', 0)));
    vi.mocked(commands.reorderDictionary).mockResolvedValue(ok([]));
    renderScreen(<DictionariesSettings />);
    await userEvent.click(await screen.findByTestId('dictionary-select'));
    await userEvent.click(await screen.findByRole('option', { name: 'Lead sources', hidden: true }));

    const site = await screen.findByTestId('dictionary-entry-Сайт');
    const name = within(site).getByRole('textbox');
    await userEvent.clear(name);
    await userEvent.type(name, 'Наш сайт{Enter}');
    expect(commands.updateDictionaryEntry).toHaveBeenCalledWith('e-site', 1, { name: 'Наш сайт', position: null, active: true });

    const cold = screen.getByTestId('dictionary-entry-Холодний контакт');
    expect(within(cold).getByRole('switch')).not.toBeChecked();
    await userEvent.click(within(cold).getByRole('switch'));
    expect(commands.updateDictionaryEntry).toHaveBeenLastCalledWith('e-cold', 1, {
      name: 'Холодний контакт', position: null, active: true,
    });

    const row = site.closest('[data-testid="sortable-row"]') as HTMLElement;
    await userEvent.click(within(row).getByRole('button', { name: 'Move down' }));
    expect(commands.reorderDictionary).toHaveBeenCalledWith('lead_source', [
      { id: 'e-cold', version: 1 },
      { id: 'e-site', version: 1 },
    ]);
  });
});
