import { Center, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export function EmptyState({ title, hint, action, testId }: {
  title: string;
  hint?: string;
  action?: ReactNode;
  testId?: string;
}) {
  return (
    <Center py="xl" data-testid={testId ?? 'empty-state'}>
      <Stack align="center" gap="xs">
        <Text fw={500}>{title}</Text>
        {hint && (
          <Text size="sm" c="dimmed">
            {hint}
          </Text>
        )}
        {action}
      </Stack>
    </Center>
  );
}
