import { Button } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Items a long list draws at first: enough to work from, few enough to open at once. */
export const FIRST_SHOWN = 25;

/**
 * The first {@link FIRST_SHOWN} of `items`, and a button that draws the rest: a manager with
 * thousands of open tasks gets Today at once and the tail on request.
 */
export function ShowMore<T>({ items, children }: { items: T[]; children: (item: T) => ReactNode }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const shown = all ? items : items.slice(0, FIRST_SHOWN);
  return (
    <>
      {shown.map(children)}
      {shown.length < items.length && (
        <Button variant="subtle" size="compact-sm" onClick={() => setAll(true)} data-testid="show-more" w="fit-content">
          {t('common.showAll', { count: items.length })}
        </Button>
      )}
    </>
  );
}
