import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes, useLocation } from 'react-router';
import { commands } from '../api/commands';
import { ok, paged } from '../test/fakeCommands';
import { renderScreen } from '../test/render';
import { QuickSearch } from './QuickSearch';

vi.mock('../api/commands', async () => ({ commands: (await import('../test/fakeCommands')).fakeCommands() }));

function Where() {
  return <div data-testid="where">{useLocation().pathname}</div>;
}

describe('QuickSearch', () => {
  beforeEach(() => {
    vi.mocked(commands.search).mockResolvedValue(
      ok(
        paged([
          { kind: 'deal', id: 'd1', title: 'Дах — Львів', subtitle: 'ТОВ Дах' },
          { kind: 'company', id: 'c1', title: 'ТОВ Дах', subtitle: 'Львів' },
          { kind: 'company', id: 'c2', title: 'Дахпром', subtitle: 'Київ' },
          { kind: 'contact', id: 'p1', title: 'Іван Дахно', subtitle: 'директор' },
        ]),
      ),
    );
  });

  it('shows hits while typing, grouped by kind in a fixed order', async () => {
    renderScreen(<QuickSearch />);
    await userEvent.type(screen.getByTestId('search-input'), 'дах');

    const results = await screen.findByTestId('search-results');
    await waitFor(() => expect(within(results).getAllByTestId('search-hit-company')).toHaveLength(2));
    expect(commands.search).toHaveBeenLastCalledWith('дах', { offset: 0, limit: 30 });
    const groups = within(results).getAllByText(/^(Companies|Contacts|Deals)$/).map((g) => g.textContent);
    expect(groups).toEqual(['Companies', 'Contacts', 'Deals']);
    expect(within(results).getByText('Іван Дахно')).toBeInTheDocument();
  });

  it("names the text its hits answer, and none while the previous text's hits are still shown", async () => {
    renderScreen(<QuickSearch />);
    const input = screen.getByTestId('search-input');
    await userEvent.type(input, 'дах');
    const results = await screen.findByTestId('search-results');
    await waitFor(() => expect(results).toHaveAttribute('data-answers', 'дах'));

    let answer: (v: Awaited<ReturnType<typeof commands.search>>) => void = () => {};
    vi.mocked(commands.search).mockImplementationOnce(() => new Promise((r) => (answer = r)));
    await userEvent.type(input, 'пром');
    expect(results).not.toHaveAttribute('data-answers');
    await waitFor(() => expect(commands.search).toHaveBeenLastCalledWith('дахпром', { offset: 0, limit: 30 }));
    expect(within(results).getAllByTestId('search-hit-company')).toHaveLength(2);
    expect(results).not.toHaveAttribute('data-answers');

    answer(ok(paged([{ kind: 'company', id: 'c2', title: 'Дахпром', subtitle: 'Київ' }])));
    await waitFor(() => expect(results).toHaveAttribute('data-answers', 'дахпром'));
    expect(within(results).getAllByTestId('search-hit-company')).toHaveLength(1);
  });

  it('opens the first hit on Enter', async () => {
    renderScreen(
      <>
        <QuickSearch />
        <Routes>
          <Route path="*" element={<Where />} />
        </Routes>
      </>,
    );
    await userEvent.type(screen.getByTestId('search-input'), 'дах');
    await screen.findAllByTestId('search-hit-company');
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByTestId('where')).toHaveTextContent('/companies/c1'));
  });
});
