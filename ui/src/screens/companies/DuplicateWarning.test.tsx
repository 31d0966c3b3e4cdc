import { screen } from '@testing-library/react';
import { commands } from '../../api/commands';
import { ok } from '../../test/fakeCommands';
import { me } from '../../test/fixtures';
import { renderScreen } from '../../test/render';
import { inputFromValues, valuesFromCompany } from './companyFormValues';
import { DuplicateWarning } from './DuplicateWarning';

vi.mock('../../api/commands', async () => ({ commands: (await import('../../test/fakeCommands')).fakeCommands() }));

describe('DuplicateWarning', () => {
  it('names the existing client and its owner', async () => {
    vi.mocked(commands.listUsers).mockResolvedValue(ok([me]));
    vi.mocked(commands.activeUsers).mockResolvedValue(ok([me]));
    vi.mocked(commands.companyDuplicates).mockResolvedValue(
      ok([{ ...inputFromValues(valuesFromCompany(null, me.id)), id: 'c1', name: 'ТОВ Дах', city: 'Львів', created_at: 0, updated_at: 0, version: 1, deleted_at: null, currency: 'UAH', owner_id: me.id, tags: [], important_dates: [] }]),
    );
    const input = { ...inputFromValues(valuesFromCompany(null, me.id)), name: 'Дах', city: 'Львів' };
    renderScreen(<DuplicateWarning input={input} except={null} />);
    const warning = await screen.findByTestId('duplicate-warning');
    expect(warning).toHaveTextContent('ТОВ Дах');
    expect(await screen.findByText(/owned by Оксана Мельник/)).toBeInTheDocument();
    expect(commands.companyDuplicates).toHaveBeenCalledWith(input, null);
  });
});
