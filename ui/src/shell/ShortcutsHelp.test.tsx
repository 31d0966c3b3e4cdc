import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router';
import { renderScreen } from '../test/render';
import { keyLabel, SHORTCUTS } from './shortcuts';
import { ShortcutsHelp } from './ShortcutsHelp';

function Where() {
  return <div data-testid="where">{useLocation().pathname}</div>;
}

describe('ShortcutsHelp', () => {
  it('lists every shortcut with its keys and a translated description', async () => {
    renderScreen(<ShortcutsHelp />);
    await userEvent.click(screen.getByTestId('shortcuts-button'));
    const rows = (await screen.findByTestId('shortcuts-help')).querySelectorAll('tr');
    expect(rows).toHaveLength(SHORTCUTS.length);
    expect(rows[0]).toHaveTextContent('Ctrl + K');
    expect(rows[0]).toHaveTextContent('Quick search');
    expect(screen.getByTestId('shortcuts-help')).not.toHaveTextContent('shortcuts.');
  });

  it('opens on F1 and goes to a screen on Alt+digit', async () => {
    renderScreen(
      <>
        <ShortcutsHelp />
        <Where />
      </>,
      { path: '*' },
    );
    fireEvent.keyDown(document.documentElement, { key: '3', code: 'Digit3', altKey: true });
    expect(screen.getByTestId('where')).toHaveTextContent('/companies');
    fireEvent.keyDown(document.documentElement, { key: 'F1', code: 'F1' });
    expect(await screen.findByTestId('shortcuts-help')).toBeInTheDocument();
  });

  it('reads hotkeys the way each platform writes them', () => {
    expect(keyLabel('mod+K', false)).toBe('Ctrl + K');
    expect(keyLabel('mod+K', true)).toBe('⌘ + K');
    expect(keyLabel('alt+2', false)).toBe('Alt + 2');
  });
});
