import { NavLink } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterLink, useLocation } from 'react-router';
import { SCREENS } from './shortcuts';

const LINKS = SCREENS.map((key) => ({ to: `/${key}`, key }));

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
