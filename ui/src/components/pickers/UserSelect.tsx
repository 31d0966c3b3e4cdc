import { Select, type SelectProps } from '@mantine/core';
import { useUsers } from '../../api/dictionaries';

export function UserSelect(props: Omit<SelectProps, 'data'>) {
  const users = useUsers();
  return (
    <Select
      data={(users.data ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }))}
      {...props}
    />
  );
}
