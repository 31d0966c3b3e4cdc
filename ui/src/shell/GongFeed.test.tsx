import { notifications } from '@mantine/notifications';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router';
import { commands } from '../api/commands';
import type { GongEvent } from '../api/types';
import { ok, refuse } from '../test/fakeCommands';
import { gong, progress } from '../test/gongFixtures';
import { renderScreen } from '../test/render';
import { GongFeed } from './GongFeed';
import { playGong } from './gongSound';

const rings = vi.hoisted(() => ({ handlers: [] as ((g: GongEvent) => void)[] }));

vi.mock('../api/commands', async () => ({ commands: (await import('../test/fakeCommands')).fakeCommands() }));
vi.mock('./gongSound', () => ({ playGong: vi.fn() }));
// The shell's event bridge is absent in jsdom; the test rings the gong through the handler.
vi.mock('../api/gong', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api/gong')>()),
  onGong: (handler: (g: GongEvent) => void) => {
    rings.handlers.push(handler);
    return Promise.resolve(() => {
      rings.handlers.splice(rings.handlers.indexOf(handler), 1);
    });
  },
}));

function Where() {
  return <div data-testid="where">{useLocation().pathname}</div>;
}

const ring = (g: GongEvent) => act(() => rings.handlers.forEach((h) => h(g)));

function settings(gong_muted: boolean) {
  return ok({
    user_id: 'user-1',
    version: 1,
    settings: {
      reminder_lead_minutes: 15,
      overdue_at_due: true,
      head_digest_minutes: 60,
      check_in_times: ['11:00'],
      working_days: [1, 2, 3, 4, 5],
      gong_muted,
      catch_up_threshold: 5,
    },
  });
}

async function openFeed() {
  await userEvent.click(screen.getByTestId('gong-button'));
  return screen.findByTestId('gong-feed');
}

describe('GongFeed', () => {
  beforeEach(() => {
    rings.handlers.length = 0;
    vi.mocked(playGong).mockClear();
    act(() => {
      notifications.clean();
      notifications.cleanQueue();
    });
    vi.mocked(commands.notificationSettings).mockResolvedValue(settings(false));
  });

  it('lists the recent gongs newest first under the team progress of the newest', async () => {
    vi.mocked(commands.recentGongs).mockResolvedValue(
      ok([
        gong(1, { deal_title: 'Roof for ТОВ Дах', amount: 12_000_000 }),
        gong(2, { kind: 'paid', user_name: 'Petro', deal_title: 'Fence', amount: 500_000, payment_id: 'pay-1', progress: progress({ fact: 16_000_000, today_share_bp: 10_000, month_share_bp: 3_636 }) }),
      ]),
    );
    renderScreen(<GongFeed />);
    const feed = await openFeed();

    const entries = await within(feed).findAllByTestId('gong-entry');
    // Intl groups thousands with a no-break space.
    expect(entries.map((e) => e.querySelector('p')?.textContent?.replace(/\s/g, ' '))).toEqual([
      'Petro: payment received for «Fence» — UAH 5,000',
      'Olena closed «Roof for ТОВ Дах» — UAH 120,000',
    ]);
    expect(entries[1]).toHaveTextContent('ТОВ Дах');
    expect(within(feed).getByTestId('gong-progress-today')).toHaveTextContent(
      'UAH 160,000 received of UAH 160,000 expected by today — 100%',
    );
    expect(within(feed).getByTestId('gong-progress-month')).toHaveTextContent('36% of the month plan UAH 440,000');
    expect(screen.getByTestId('gong-badge')).not.toHaveTextContent(/\d/);
  });

  it('says so when nothing has rung', async () => {
    renderScreen(<GongFeed />);
    const feed = await openFeed();
    expect(within(feed).getByTestId('gong-empty')).toHaveTextContent('No gongs yet');
    expect(within(feed).queryByTestId('gong-progress')).not.toBeInTheDocument();
  });

  it('tells why the feed could not be read', async () => {
    vi.mocked(commands.recentGongs).mockResolvedValue(refuse('storage', null));
    renderScreen(<GongFeed />);
    const feed = await openFeed();
    expect(await within(feed).findByTestId('query-error')).toHaveTextContent('The database could not be reached');
  });

  it('puts a new gong on top, counts it, plays the sound and shows a toast with the day plan', async () => {
    vi.mocked(commands.recentGongs).mockResolvedValue(ok([gong(1)]));
    renderScreen(<GongFeed />);
    await screen.findByTestId('gong-button');
    await waitFor(() => expect(rings.handlers).toHaveLength(1));
    await waitFor(() => expect(commands.notificationSettings).toHaveBeenCalled());

    ring(gong(2, { deal_title: 'Warehouse', amount: 30_000_000, progress: progress({ today_share_bp: 8_449 }) }));

    expect(await screen.findByTestId('gong-toast')).toHaveTextContent(
      "Olena closed «Warehouse» — UAH 300,000 · team at 84% of today's plan",
    );
    expect(playGong).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('gong-badge')).toHaveTextContent('1');
    const feed = await openFeed();
    const entries = within(feed).getAllByTestId('gong-entry');
    expect(entries).toHaveLength(2);
    expect(entries[0]).toHaveTextContent('Warehouse');

    // The same gong again (read at start and rung) stays one line.
    ring(gong(2, { deal_title: 'Warehouse' }));
    expect(within(feed).getAllByTestId('gong-entry')).toHaveLength(2);
  });

  it('keeps quiet when the user muted the gong, but still shows the toast', async () => {
    vi.mocked(commands.notificationSettings).mockResolvedValue(settings(true));
    const { client } = renderScreen(<GongFeed />);
    await waitFor(() => expect(rings.handlers).toHaveLength(1));
    await waitFor(() => expect(client.getQueryData(['notificationSettings'])).toBeDefined());

    ring(gong(3));

    expect(await screen.findByTestId('gong-toast')).toBeInTheDocument();
    expect(playGong).not.toHaveBeenCalled();
  });

  it('opens the deal of a clicked entry', async () => {
    vi.mocked(commands.recentGongs).mockResolvedValue(ok([gong(1), gong(2)]));
    renderScreen(
      <>
        <GongFeed />
        <Where />
      </>,
      { route: '/today' },
    );
    const feed = await openFeed();
    const [newest] = await within(feed).findAllByTestId('gong-entry');
    await userEvent.click(newest!);
    expect(screen.getByTestId('where')).toHaveTextContent('/deals/deal-2');
  });
});
