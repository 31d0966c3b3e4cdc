import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import type { AppInfo } from '../api/types';
import { makeQueryClient, Providers } from '../Providers';
import { AppInfoContext } from '../shell/currentUser';
import { appInfo } from './fixtures';

/** Renders a screen as the app would: providers, a router at `route`, a signed-in user. */
export function renderScreen(ui: ReactElement, { route = '/', path, info = appInfo }: { route?: string; path?: string; info?: AppInfo } = {}) {
  const client = makeQueryClient();
  const result = render(
    <Providers client={client}>
      <MemoryRouter initialEntries={[route]}>
        <AppInfoContext.Provider value={info}>
          {path ? (
            <Routes>
              <Route path={path} element={ui} />
            </Routes>
          ) : (
            ui
          )}
        </AppInfoContext.Provider>
      </MemoryRouter>
    </Providers>,
  );
  return { ...result, client };
}
