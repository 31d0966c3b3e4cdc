import { NavLink } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterLink, useLocation } from 'react-router';
import { useAppInfoContext } from './currentUser';
import { SCREENS } from './shortcuts';

const LINKS: { to: string; key: string }[] = SCREENS.map((key) => ({ to: `/${key}`, key }));
/** The Team screen, for those whose rights let them manage users: before Settings. */
const TEAM = { to: '/team', key: 'team' };

export function NavLinks() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const manageUsers = useAppInfoContext()?.rights?.manage_users ?? false;
  const links = manageUsers ? [...LINKS.slice(0, -1), TEAM, ...LINKS.slice(-1)] : LINKS;
  return (
    <>
      {links.map((l) => (
        <NavLink
          key={l.to}
          component={RouterLink}
          to={l.to}
          label={t(`nav.${l.key}`)}
          active={pathname === l.to || pathname.startsWith(`${l.to}/`)}
          data-testid={`nav-${l.key}`}
        />
      ))}
    </>
  );
}
