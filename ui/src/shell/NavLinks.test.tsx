import { screen } from '@testing-library/react';
import { appInfo, me, rightsOf } from '../test/fixtures';
import { renderScreen } from '../test/render';
import { NavLinks } from './NavLinks';

vi.mock('../api/commands', async () => ({ commands: (await import('../test/fakeCommands')).fakeCommands() }));

describe('NavLinks', () => {
  it("offers the team board only to those who see the team's work", () => {
    renderScreen(<NavLinks />, { info: { ...appInfo, rights: rightsOf('manager') } });
    expect(screen.getByTestId('nav-today')).toBeInTheDocument();
    expect(screen.queryByTestId('nav-board')).toBeNull();
  });

  it('shows the head the team board', () => {
    renderScreen(<NavLinks />, { info: { ...appInfo, user: { ...me, role: 'head' }, rights: rightsOf('head') } });
    expect(screen.getByTestId('nav-board')).toHaveTextContent('Team board');
    expect(screen.getByTestId('nav-board')).toHaveAttribute('href', '/board');
  });
});
