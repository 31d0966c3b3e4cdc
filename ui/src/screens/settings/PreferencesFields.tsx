import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSavePreferences } from '../../api/app';
import { useTimeZones } from '../../api/dictionaries';
import { notifyError } from '../../api/errors';
import type { Language, User } from '../../api/types';
import { LANGUAGES, setLanguage } from '../../i18n';

/**
 * The signed-in user's language and time zone, saved on their user record: notifications,
 * exports and Today's day boundaries follow them, and the app reads them back at start.
 */
export function PreferencesFields({ user }: { user: User }) {
  const { t } = useTranslation();
  const zones = useTimeZones();
  const save = useSavePreferences();
  const choose = (language: Language, timeZone: string) =>
    save.mutate(
      { language, timeZone },
      {
        onSuccess: (saved) => void setLanguage(saved.language),
        onError: (e) => notifyError(t, e),
      },
    );
  return (
    <>
      <Select
        label={t('settings.language')}
        data={LANGUAGES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
        value={user.language}
        onChange={(v) => v && choose(v as Language, user.time_zone)}
        allowDeselect={false}
        data-testid="settings-language"
      />
      <Select
        label={t('settings.timeZone')}
        data={zones.data ?? [user.time_zone]}
        value={user.time_zone}
        onChange={(v) => v && choose(user.language, v)}
        searchable
        allowDeselect={false}
        limit={50}
        data-testid="settings-time-zone"
      />
    </>
  );
}
