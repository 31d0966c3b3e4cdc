import { NavLink } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterLink, useLocation } from 'react-router';

const LINKS = [
  { to: '/today', key: 'today' },
  { to: '/deals', key: 'deals' },
  { to: '/companies', key: 'companies' },
  { to: '/contacts', key: 'contacts' },
  { to: '/settings', key: 'settings' },
] as const;

export function NavLinks() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <>
      {LINKS.map((l) => (
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
