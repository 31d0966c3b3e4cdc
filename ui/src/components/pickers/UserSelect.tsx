import { Select, type SelectProps } from '@mantine/core';
import { useActiveUsers, useUserNames } from '../../api/dictionaries';

/**
 * Chooses among the users the store lists as active. A value that names someone no longer
 * active (an existing record's owner) stays shown, so the form keeps it unless changed.
 */
export function UserSelect(props: Omit<SelectProps, 'data'>) {
  const users = useActiveUsers();
  const names = useUserNames();
  const data = (users.data ?? []).map((u) => ({ value: u.id, label: u.name }));
  const value = props.value;
  if (value && !data.some((d) => d.value === value) && names.has(value)) {
    data.push({ value, label: names.get(value) ?? value });
  }
  return <Select data={data} {...props} />;
}
