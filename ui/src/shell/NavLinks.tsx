import { NavLink } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterLink, useLocation } from 'react-router';
import { useAppInfoContext } from './currentUser';
import { SCREENS } from './shortcuts';

const LINKS: { to: string; key: string; label?: string }[] = SCREENS.map((key) => ({ to: `/${key}`, key }));
/** The Team screen, for those whose rights let them manage users: before Settings. */
const TEAM: { to: string; key: string; label?: string } = { to: '/team', key: 'team' };
/** The monthly plans, which everyone reads (a manager her own and the team's): before Settings. */
const PLANS = { to: '/plans', key: 'plans', label: 'plans.nav' };

export function NavLinks() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const manageUsers = useAppInfoContext()?.rights?.manage_users ?? false;
  const links = [...LINKS.slice(0, -1), PLANS, ...(manageUsers ? [TEAM] : []), ...LINKS.slice(-1)];
  return (
    <>
      {links.map((l) => (
        <NavLink
          key={l.to}
          component={RouterLink}
          to={l.to}
          label={t(l.label ?? `nav.${l.key}`)}
          active={pathname === l.to || pathname.startsWith(`${l.to}/`)}
          data-testid={`nav-${l.key}`}
        />
      ))}
    </>
  );
}
