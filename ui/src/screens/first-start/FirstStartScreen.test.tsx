import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { act } from 'react';
import { commands } from '../../api/commands';
import type { DemoProgress } from '../../api/types';
import { ok, refuse } from '../../test/fakeCommands';
import { me } from '../../test/fixtures';
import { renderScreen } from '../../test/render';
import { FirstStartScreen } from './FirstStartScreen';

// The shell's IPC channel needs the desktop shell; this one hands its messages to the screen.
vi.mock('@tauri-apps/api/core', () => ({
  Channel: class<T> {
    constructor(public onmessage: (message: T) => void) {}
  },
}));
vi.mock('../../api/commands', async () => ({ commands: (await import('../../test/fakeCommands')).fakeCommands() }));

describe('FirstStartScreen', () => {
  it('starts with the name, language and demo choice, showing progress meanwhile', async () => {
    let finish: (v: ReturnType<typeof ok<typeof me>>) => void = () => {};
    vi.mocked(commands.firstStart).mockReturnValue(new Promise((r) => (finish = r)));
    renderScreen(<FirstStartScreen />);

    await userEvent.type(screen.getByTestId('first-start-name'), 'Оксана');
    await userEvent.click(screen.getByTestId('first-start-demo'));
    await userEvent.click(screen.getByTestId('first-start-submit'));

    expect(await screen.findByTestId('first-start-progress')).toHaveTextContent('Creating demo data');
    expect(commands.firstStart).toHaveBeenCalledWith('Оксана', 'en', true, expect.anything());
    finish(ok(me));
    await waitFor(() => expect(screen.getByTestId('first-start-submit')).toBeInTheDocument());
  });

  it('shows how many demo deals are loaded while the demo loads', async () => {
    let finish: (v: ReturnType<typeof ok<typeof me>>) => void = () => {};
    vi.mocked(commands.firstStart).mockReturnValue(new Promise((r) => (finish = r)));
    renderScreen(<FirstStartScreen />);

    await userEvent.type(screen.getByTestId('first-start-name'), 'Оксана');
    await userEvent.click(screen.getByTestId('first-start-demo'));
    await userEvent.click(screen.getByTestId('first-start-submit'));
    await waitFor(() => expect(commands.firstStart).toHaveBeenCalled());
    const channel = vi.mocked(commands.firstStart).mock.calls[0]?.[3] as unknown as { onmessage: (p: DemoProgress) => void };
    act(() => channel.onmessage({ done: 500, total: 2000 }));

    expect(await screen.findByTestId('demo-progress-count')).toHaveTextContent('500 of 2,000 deals');
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '25');
    finish(ok(me));
    await waitFor(() => expect(screen.getByTestId('first-start-submit')).toBeInTheDocument());
  });

  it('shows a refused name under the name field', async () => {
    vi.mocked(commands.firstStart).mockResolvedValue(refuse('invalid', 'name', 'a name cannot be empty'));
    renderScreen(<FirstStartScreen />);
    await userEvent.click(screen.getByTestId('first-start-submit'));
    expect(await screen.findByText('This value is not valid')).toBeInTheDocument();
    expect(screen.getByTestId('first-start-name')).toHaveAttribute('aria-invalid', 'true');
  });
});
