import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';

/** Pause after typing before asking: one question per thought, not per keystroke. */
export const DUPLICATE_DEBOUNCE_MS = 300;

export interface PossibleDuplicate {
  id: string;
  route: string;
  name: string;
  /** What else tells the person who it is: city, position, owner. */
  detail: string;
}

/** The records a form's input may duplicate, each a link to its card; nothing when none. */
export function DuplicateAlert({ title, found }: { title: string; found: PossibleDuplicate[] }) {
  if (found.length === 0) return null;
  return (
    <Alert color="orange" title={title} data-testid="duplicate-warning">
      <Stack gap={2}>
        {found.map((d) => (
          <Text key={d.id} size="sm">
            <Anchor component={Link} to={d.route}>
              {d.name}
            </Anchor>
            {d.detail && ` ${d.detail}`}
          </Text>
        ))}
      </Stack>
    </Alert>
  );
}
