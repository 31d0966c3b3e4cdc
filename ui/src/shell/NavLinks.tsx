import { NavLink } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterLink, useLocation } from 'react-router';
import { useAppInfoContext } from './currentUser';
import { SCREENS } from './shortcuts';

const LINKS: { to: string; key: string; label?: string }[] = SCREENS.map((key) => ({ to: `/${key}`, key }));
/** The Team screen, for those whose rights let them manage users: before Settings. */
const TEAM: { to: string; key: string; label?: string } = { to: '/team', key: 'team' };
/** The head's team board, for those whose rights show the team's work: after Today. */
const BOARD: { to: string; key: string; label?: string } = { to: '/board', key: 'board' };
/** The monthly plans, which everyone reads (a manager her own and the team's): before Settings. */
const PLANS = { to: '/plans', key: 'plans', label: 'plans.nav' };

export function NavLinks() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const rights = useAppInfoContext()?.rights;
  const links = [
    ...LINKS.slice(0, 1),
    ...(rights?.team_reports ? [BOARD] : []),
    ...LINKS.slice(1, -1),
    PLANS,
    ...(rights?.manage_users ? [TEAM] : []),
    ...LINKS.slice(-1),
  ];
  // A teammate's Today is opened from the team board: the board stays the place one is at.
  const at = pathname.startsWith('/today/') ? BOARD.to : pathname;
  return (
    <>
      {links.map((l) => (
        <NavLink
          key={l.to}
          component={RouterLink}
          to={l.to}
          label={t(l.label ?? `nav.${l.key}`)}
          active={at === l.to || at.startsWith(`${l.to}/`)}
          data-testid={`nav-${l.key}`}
        />
      ))}
    </>
  );
}
