import { Button, Checkbox, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function ColumnChooser({ all, labels, visible, onChange }: {
  all: readonly string[];
  labels: Record<string, string>;
  visible: string[];
  onChange: (visible: string[]) => void;
}) {
  const { t } = useTranslation();
  return (
    <Menu closeOnItemClick={false} position="bottom-end">
      <Menu.Target>
        <Button variant="default" size="xs" data-testid="column-chooser">
          {t('table.columns')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {all.map((key) => (
          <Menu.Item key={key}>
            <Checkbox
              label={labels[key]}
              checked={visible.includes(key)}
              onChange={(e) =>
                onChange(
                  e.currentTarget.checked ? all.filter((k) => k === key || visible.includes(k)) : visible.filter((k) => k !== key),
                )
              }
            />
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
