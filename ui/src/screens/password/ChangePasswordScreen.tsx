import { Button, Center, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useSetMyPassword } from '../../api/team';
import { useFormErrors } from '../../api/useFormErrors';
import type { User } from '../../api/types';
import { passwordProblem } from './passwordRules';

interface Values {
  password: string;
  repeated: string;
}

/**
 * A teammate's first sign-in: the password on their card was seen by whoever handed it over,
 * so they choose their own before anything else. The shell keeps it in the OS keychain.
 */
export function ChangePasswordScreen({ user, minChars }: { user: User | null; minChars: number }) {
  const { t } = useTranslation();
  const save = useSetMyPassword();
  const form = useForm<Values>({ initialValues: { password: '', repeated: '' } });
  const onError = useFormErrors(form);
  const submit = form.onSubmit((v) => {
    const problem = passwordProblem(v.password, v.repeated, minChars);
    if (problem) {
      form.setFieldError(problem.field, t(problem.key, { min: minChars }));
      return;
    }
    save.mutate(v.password, { onError });
  });
  return (
    <Center mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="xl" w={440}>
        <form onSubmit={submit} data-testid="change-password-form">
          <Stack>
            <Title order={2}>{t('password.title')}</Title>
            <Text c="dimmed" size="sm">
              {user ? t('password.introNamed', { name: user.name }) : t('password.intro')}
            </Text>
            <PasswordInput
              label={t('password.new')}
              description={t('password.hint', { min: minChars })}
              data-autofocus
              data-testid="new-password"
              {...form.getInputProps('password')}
            />
            <PasswordInput label={t('password.repeat')} data-testid="repeat-password" {...form.getInputProps('repeated')} />
            <Button type="submit" loading={save.isPending} data-testid="change-password-submit">
              {t('password.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
