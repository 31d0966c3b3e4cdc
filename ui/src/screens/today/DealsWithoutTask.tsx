import { Alert, Anchor, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { IconFlagFilled } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { Deal } from '../../api/types';
import { Money } from '../../components/Money';
import { ShowMore } from '../../components/ShowMore';

/** Rule 2: every open deal needs an open task; these have none and are flagged. */
export function DealsWithoutTask({ deals, title }: { deals: Deal[]; title: string }) {
  if (deals.length === 0) return null;
  return (
    <Stack gap="xs" data-testid="deals-without-task">
      <Group gap="xs">
        <Title order={4}>{title}</Title>
        <Badge color="orange" variant="light">
          {deals.length}
        </Badge>
      </Group>
      <Alert color="orange" variant="light">
        <Stack gap={4}>
          <ShowMore items={deals}>
            {(d) => (
              <Group key={d.id} justify="space-between" data-testid="deal-without-task">
                <Anchor component={Link} to={`/deals/${d.id}`}>
                  <IconFlagFilled size={14} style={{ verticalAlign: '-2px', marginRight: 4 }} aria-hidden />
                  {d.title}
                </Anchor>
                <Text size="sm">
                  <Money minor={d.amount} currency={d.currency} />
                </Text>
              </Group>
            )}
          </ShowMore>
        </Stack>
      </Alert>
    </Stack>
  );
}
