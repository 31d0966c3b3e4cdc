import { Button, Center, Checkbox, Loader, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useFirstStart } from '../../api/app';
import { useFormErrors } from '../../api/useFormErrors';
import type { Language } from '../../api/types';
import { LANGUAGES, setLanguage, type UiLanguage } from '../../i18n';

interface Values {
  name: string;
  language: UiLanguage;
  demo: boolean;
}

export function FirstStartScreen() {
  const { t, i18n } = useTranslation();
  const start = useFirstStart();
  const form = useForm<Values>({
    initialValues: { name: '', language: i18n.language as UiLanguage, demo: false },
  });
  const onError = useFormErrors(form);

  const submit = form.onSubmit((v) => {
    start.mutate({ name: v.name, language: v.language as Language, demo: v.demo }, { onError });
  });

  return (
    <Center mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="xl" w={440}>
        <form onSubmit={submit} data-testid="first-start-form">
          <Stack>
            <Title order={2}>{t('firstStart.title')}</Title>
            <Text c="dimmed" size="sm">
              {t('firstStart.intro')}
            </Text>
            <TextInput
              label={t('firstStart.name')}
              data-autofocus
              data-testid="first-start-name"
              {...form.getInputProps('name')}
            />
            <Select
              label={t('settings.language')}
              data={LANGUAGES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
              allowDeselect={false}
              data-testid="first-start-language"
              {...form.getInputProps('language')}
              onChange={(v) => {
                if (!v) return;
                form.setFieldValue('language', v as UiLanguage);
                void setLanguage(v as UiLanguage);
              }}
            />
            <Checkbox
              label={t('firstStart.demo')}
              description={t('firstStart.demoHint')}
              data-testid="first-start-demo"
              {...form.getInputProps('demo', { type: 'checkbox' })}
            />
            {start.isPending ? (
              <Stack align="center" gap="xs" data-testid="first-start-progress">
                <Loader />
                <Text size="sm" c="dimmed">
                  {form.values.demo ? t('firstStart.loadingDemo') : t('firstStart.loading')}
                </Text>
              </Stack>
            ) : (
              <Button type="submit" data-testid="first-start-submit">
                {t('firstStart.submit')}
              </Button>
            )}
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
