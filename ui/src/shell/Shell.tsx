import { AppShell, Burger, Group, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Navigate, Route, Routes } from 'react-router';
import { useChangeEvents } from '../api/changeEvents';
import type { AppInfo } from '../api/types';
import { CompaniesScreen } from '../screens/companies/CompaniesScreen';
import { CompanyScreen } from '../screens/companies/CompanyScreen';
import { ContactScreen } from '../screens/contacts/ContactScreen';
import { ContactsScreen } from '../screens/contacts/ContactsScreen';
import { DealScreen } from '../screens/deal/DealScreen';
import { DealsScreen } from '../screens/deals/DealsScreen';
import { SettingsScreen } from '../screens/settings/SettingsScreen';
import { TodayScreen } from '../screens/today/TodayScreen';
import { ColorSchemeToggle } from './ColorSchemeToggle';
import { DatabaseWarning } from './DatabaseWarning';
import { AppInfoContext } from './currentUser';
import { NavLinks } from './NavLinks';
import { QuickSearch } from './QuickSearch';
import { SearchSpotlight } from './SearchSpotlight';

export function Shell({ info }: { info: AppInfo }) {
  const [opened, { toggle }] = useDisclosure();
  useChangeEvents();
  return (
    <AppInfoContext.Provider value={info}>
      <AppShell
        header={{ height: 56 }}
        navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
        padding="md"
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group wrap="nowrap">
              <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" />
              <Title order={4}>Voronka</Title>
            </Group>
            <QuickSearch />
            <ColorSchemeToggle />
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="xs">
          <NavLinks />
        </AppShell.Navbar>
        <AppShell.Main>
          {info.warning && <DatabaseWarning warning={info.warning} />}
          <Routes>
            <Route path="/" element={<Navigate to="/today" replace />} />
            <Route path="/today" element={<TodayScreen />} />
            <Route path="/deals" element={<DealsScreen />} />
            <Route path="/deals/:id" element={<DealScreen />} />
            <Route path="/companies" element={<CompaniesScreen />} />
            <Route path="/companies/:id" element={<CompanyScreen />} />
            <Route path="/contacts" element={<ContactsScreen />} />
            <Route path="/contacts/:id" element={<ContactScreen />} />
            <Route path="/settings" element={<SettingsScreen />} />
            <Route path="*" element={<Navigate to="/today" replace />} />
          </Routes>
        </AppShell.Main>
      </AppShell>
      <SearchSpotlight />
    </AppInfoContext.Provider>
  );
}
