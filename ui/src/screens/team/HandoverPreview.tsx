import { Accordion, Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { HandoverPlan } from '../../api/types';
import { ShowMore } from '../../components/ShowMore';

const KINDS = ['companies', 'contacts', 'deals', 'tasks'] as const satisfies readonly (keyof HandoverPlan)[];

/** How many records of each kind would move, each kind opening to their names. */
export function HandoverPreview({ plan }: { plan: HandoverPlan }) {
  const { t } = useTranslation();
  return (
    <Accordion multiple variant="contained" data-testid="handover-preview">
      {KINDS.map((kind) => (
        <Accordion.Item key={kind} value={kind}>
          <Accordion.Control disabled={plan[kind].length === 0}>
            <Group justify="space-between" pr="sm">
              <Text size="sm">{t(`handover.kinds.${kind}`)}</Text>
              <Badge variant="light" color={plan[kind].length > 0 ? 'blue' : 'gray'} data-testid={`handover-count-${kind}`}>
                {plan[kind].length}
              </Badge>
            </Group>
          </Accordion.Control>
          <Accordion.Panel>
            <Stack gap={2}>
              <ShowMore items={plan[kind]}>
                {(item) => (
                  <Text key={item.id} size="sm" data-testid="handover-item">
                    {item.title}
                  </Text>
                )}
              </ShowMore>
            </Stack>
          </Accordion.Panel>
        </Accordion.Item>
      ))}
    </Accordion>
  );
}
