import { Center, Loader } from '@mantine/core';
import { HashRouter } from 'react-router';
import { useAppInfo } from './api/app';
import { QueryError } from './components/QueryError';
import { Providers } from './Providers';
import { FirstStartScreen } from './screens/first-start/FirstStartScreen';
import { Shell } from './shell/Shell';

/** Until the database has a user there is nothing to show but the first-start form. */
function Gate() {
  const info = useAppInfo();
  if (info.isPending) {
    return (
      <Center h="100vh">
        <Loader data-testid="app-loading" />
      </Center>
    );
  }
  if (info.isError) {
    return (
      <Center h="100vh" p="xl">
        <QueryError error={info.error} retry={() => void info.refetch()} />
      </Center>
    );
  }
  if (info.data.first_start || !info.data.user) return <FirstStartScreen />;
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
