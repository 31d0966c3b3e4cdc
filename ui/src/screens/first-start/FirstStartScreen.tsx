import { Button, Center, Checkbox, Loader, Paper, Progress, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { useFirstStart } from '../../api/app';
import { useFormErrors } from '../../api/useFormErrors';
import type { DemoProgress, Language } from '../../api/types';
import { LANGUAGES, setLanguage, type UiLanguage } from '../../i18n';

interface Values {
  name: string;
  language: UiLanguage;
  demo: boolean;
}

export function FirstStartScreen() {
  const { t, i18n } = useTranslation();
  const [progress, setProgress] = useState<DemoProgress | null>(null);
  const start = useFirstStart(setProgress);
  const form = useForm<Values>({
    initialValues: { name: '', language: i18n.language as UiLanguage, demo: false },
  });
  const onError = useFormErrors(form);

  const submit = form.onSubmit((v) => {
    setProgress(null);
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
                {progress ? <DemoProgressBar progress={progress} /> : <Loader />}
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

/** The demo's deals loaded so far, as a bar and a count. */
export function DemoProgressBar({ progress }: { progress: DemoProgress }) {
  const { t, i18n } = useTranslation();
  const share = progress.total > 0 ? Math.min(100, (progress.done / progress.total) * 100) : 0;
  const number = (n: number) => n.toLocaleString(i18n.language);
  return (
    <Stack gap={4} w="100%">
      <Progress value={share} animated={share < 100} aria-label={t('firstStart.loadingDemo')} data-testid="demo-progress" />
      <Text size="xs" c="dimmed" ta="center" data-testid="demo-progress-count">
        {t('firstStart.dealsLoaded', { done: number(progress.done), total: number(progress.total) })}
      </Text>
    </Stack>
  );
}
