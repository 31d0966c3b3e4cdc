import { Center, Loader } from '@mantine/core';
import { lazy, Suspense, useEffect } from 'react';
import { HashRouter } from 'react-router';
import { useAppInfo } from './api/app';
import { QueryError } from './components/QueryError';
import { Providers } from './Providers';
import i18n, { setLanguage } from './i18n';
import { Shell } from './shell/Shell';

// Only a new database needs it: a returning person goes straight to Today.
const FirstStartScreen = lazy(() =>
  import('./screens/first-start/FirstStartScreen').then((m) => ({ default: m.FirstStartScreen })),
);
// Only a teammate's first sign-in needs it.
const ChangePasswordScreen = lazy(() =>
  import('./screens/password/ChangePasswordScreen').then((m) => ({ default: m.ChangePasswordScreen })),
);
// Only a start whose database failed needs it.
const StartProblemScreen = lazy(() =>
  import('./screens/start-problem/StartProblemScreen').then((m) => ({ default: m.StartProblemScreen })),
);

function Loading() {
  return (
    <Center h="100vh">
      <Loader data-testid="app-loading" />
    </Center>
  );
}

/**
 * A database that failed at start leaves only the start-up screen's choices; until the
 * database has a user there is nothing to show but the first-start form.
 */
function Gate() {
  const info = useAppInfo();
  // The signed-in user's language is the one saved on them; the browser's storage only keeps
  // it for the moment before the database answers.
  const language = info.data?.state === 'ready' ? info.data.user?.language : undefined;
  useEffect(() => {
    if (language && i18n.language !== language) void setLanguage(language);
  }, [language]);
  if (info.isPending) return <Loading />;
  if (info.isError) {
    return (
      <Center h="100vh" p="xl">
        <QueryError error={info.error} retry={() => void info.refetch()} />
      </Center>
    );
  }
  if (info.data.state === 'problem') {
    return (
      <Suspense fallback={<Loading />}>
        <StartProblemScreen problem={info.data} />
      </Suspense>
    );
  }
  if (info.data.must_change_password) {
    return (
      <Suspense fallback={<Loading />}>
        <ChangePasswordScreen user={info.data.user} minChars={info.data.min_password_chars} />
      </Suspense>
    );
  }
  if (info.data.first_start || !info.data.user) {
    return (
      <Suspense fallback={<Loading />}>
        <FirstStartScreen />
      </Suspense>
    );
  }
  return (
    <HashRouter>
      <Shell info={info.data} />
    </HashRouter>
  );
}

export function App() {
  return (
    <Providers>
      <Gate />
    </Providers>
  );
}
