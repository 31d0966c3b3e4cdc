import { act, screen, waitFor, within } from '@testing-library/react';
import { useLocation } from 'react-router';
import type { OpenRecord } from '../api/types';
import { appInfo } from '../test/fixtures';
import { renderScreen } from '../test/render';
import { Shell } from './Shell';

const opens = vi.hoisted(() => ({ handlers: [] as ((p: OpenRecord) => void)[] }));

vi.mock('../api/commands', async () => ({ commands: (await import('../test/fakeCommands')).fakeCommands() }));
vi.mock('./gongSound', () => ({ playGong: vi.fn() }));
// The shell's event bridge is absent in jsdom; the test clicks the notification through the handler.
vi.mock('../api/gong', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api/gong')>()),
  onOpenRecord: (handler: (p: OpenRecord) => void) => {
    opens.handlers.push(handler);
    return Promise.resolve(() => {
      opens.handlers.splice(opens.handlers.indexOf(handler), 1);
    });
  },
}));

function Where() {
  return <div data-testid="where">{useLocation().pathname}</div>;
}

describe('Shell', () => {
  it('has the gong in its header and opens the record a clicked notification names', async () => {
    renderScreen(
      <>
        <Shell info={appInfo} />
        <Where />
      </>,
      { route: '/today' },
    );
    expect(await screen.findByTestId('gong-button')).toBeInTheDocument();
    await screen.findByTestId('where');
    expect(opens.handlers).toHaveLength(1);

    act(() => opens.handlers.forEach((h) => h({ route: '/deals/deal-7' })));

    // The router moves in a transition, once the deal screen's code has loaded.
    await waitFor(() => expect(screen.getByTestId('where')).toHaveTextContent('/deals/deal-7'), { timeout: 5000 });
  });

  it("draws the header's icons as SVG with accessible names, not as text glyphs a font may lack", async () => {
    renderScreen(<Shell info={appInfo} />, { route: '/today' });
    const header = (await screen.findByTestId('gong-button')).closest('header');
    if (!header) throw new Error('the gong button is not in the header');
    for (const id of ['gong-button', 'shortcuts-button', 'theme-toggle']) {
      const button = within(header).getByTestId(id);
      expect(button.querySelector('svg'), id).not.toBeNull();
      expect(button.textContent, id).toBe('');
      expect(button.getAttribute('aria-label'), id).toBeTruthy();
    }
    const search = within(header).getByTestId('search-input');
    expect(search.parentElement?.querySelector('svg')).not.toBeNull();
    // Emoji and other pictographs (\p{So}: bells, suns, moons, flags) have no glyph in many fonts.
    expect(header.textContent).not.toMatch(/\p{So}/u);
  });
});
