import { act, screen, waitFor } from '@testing-library/react';
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
});
