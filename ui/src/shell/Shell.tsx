import { AppShell, Burger, Group, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useDisclosure } from '@mantine/hooks';
import { Navigate, Route, Routes, useNavigate } from 'react-router';
import { useChangeEvents } from '../api/changeEvents';
import { onOpenRecord } from '../api/gong';
import { useShellEvent } from '../api/shellEvents';
import type { AppInfo } from '../api/types';
import { ListSkeleton } from '../components/ListSkeleton';
import { TodayScreen } from '../screens/today/TodayScreen';
import { ColorSchemeToggle } from './ColorSchemeToggle';
import { GongFeed } from './GongFeed';
import { LocalFileBadge } from './LocalFileBadge';
import { AppInfoContext, homePath } from './currentUser';
import { NavLinks } from './NavLinks';
import { QuickSearch } from './QuickSearch';
import { SearchSpotlight } from './SearchSpotlight';
import { ShortcutsHelp } from './ShortcutsHelp';

// Today is the first screen of the day and comes with the app; the others load on first visit,
// so the start parses only what Today needs.
const DealsScreen = lazy(() => import('../screens/deals/DealsScreen').then((m) => ({ default: m.DealsScreen })));
const DealScreen = lazy(() => import('../screens/deal/DealScreen').then((m) => ({ default: m.DealScreen })));
const CompaniesScreen = lazy(() =>
  import('../screens/companies/CompaniesScreen').then((m) => ({ default: m.CompaniesScreen })),
);
const CompanyScreen = lazy(() => import('../screens/companies/CompanyScreen').then((m) => ({ default: m.CompanyScreen })));
const ContactsScreen = lazy(() => import('../screens/contacts/ContactsScreen').then((m) => ({ default: m.ContactsScreen })));
const ContactScreen = lazy(() => import('../screens/contacts/ContactScreen').then((m) => ({ default: m.ContactScreen })));
const CatalogScreen = lazy(() => import('../screens/catalog/CatalogScreen').then((m) => ({ default: m.CatalogScreen })));
const ReportsScreen = lazy(() => import('../screens/reports/ReportsScreen').then((m) => ({ default: m.ReportsScreen })));
const TeamScreen = lazy(() => import('../screens/team/TeamScreen').then((m) => ({ default: m.TeamScreen })));
const TeamBoardScreen = lazy(() =>
  import('../screens/board/TeamBoardScreen').then((m) => ({ default: m.TeamBoardScreen })),
);
const PlansScreen = lazy(() => import('../screens/plans/PlansScreen').then((m) => ({ default: m.PlansScreen })));
const SettingsScreen = lazy(() => import('../screens/settings/SettingsScreen').then((m) => ({ default: m.SettingsScreen })));

export function Shell({ info }: { info: AppInfo }) {
  const [opened, { toggle }] = useDisclosure();
  const home = homePath(info);
  useChangeEvents();
  const navigate = useNavigate();
  // A clicked desktop notification brings the window up; this shows the record it was about.
  useShellEvent(onOpenRecord, ({ route }) => void navigate(route));
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
              {info.team_waiting && <LocalFileBadge />}
            </Group>
            <QuickSearch />
            <Group gap={4} wrap="nowrap">
              <GongFeed />
              <ShortcutsHelp />
              <ColorSchemeToggle />
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="xs">
          <NavLinks />
        </AppShell.Navbar>
        <AppShell.Main>
          <Suspense fallback={<ListSkeleton />}>
            <Routes>
              <Route path="/" element={<Navigate to={home} replace />} />
              <Route path="/today" element={<TodayScreen />} />
              {info.rights?.team_reports && <Route path="/today/:userId" element={<TodayScreen />} />}
              {info.rights?.team_reports && <Route path="/board" element={<TeamBoardScreen />} />}
              <Route path="/deals" element={<DealsScreen />} />
              <Route path="/deals/:id" element={<DealScreen />} />
              <Route path="/companies" element={<CompaniesScreen />} />
              <Route path="/companies/:id" element={<CompanyScreen />} />
              <Route path="/contacts" element={<ContactsScreen />} />
              <Route path="/contacts/:id" element={<ContactScreen />} />
              <Route path="/catalog" element={<CatalogScreen />} />
              <Route path="/reports" element={<ReportsScreen />} />
              <Route path="/reports/:name" element={<ReportsScreen />} />
              {info.rights?.manage_users && <Route path="/team" element={<TeamScreen />} />}
              <Route path="/plans" element={<PlansScreen />} />
              <Route path="/settings" element={<SettingsScreen />} />
              <Route path="/settings/:tab" element={<SettingsScreen />} />
              <Route path="*" element={<Navigate to={home} replace />} />
            </Routes>
          </Suspense>
        </AppShell.Main>
      </AppShell>
      <SearchSpotlight />
    </AppInfoContext.Provider>
  );
}
