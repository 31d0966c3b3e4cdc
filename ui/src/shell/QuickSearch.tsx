import { Combobox, Loader, Text, TextInput, useCombobox } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { groupHits, hitRoute, useSearchHits } from '../api/search';

/** The header's search box: results drop down while typing, Enter opens the highlighted one. */
export function QuickSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const { data, isFetching, answers } = useSearchHits(text);
  const groups = groupHits(text.trim() ? (data?.items ?? []) : []);

  // Enter with nothing highlighted still opens the best hit. Only new results reset the
  // highlight: the store object is new on every render, and following it would undo the
  // arrow keys.
  const hasHits = groups.length > 0;
  useEffect(() => {
    if (hasHits) combobox.selectFirstOption();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data, hasHits]);

  const open = (route: string) => {
    navigate(route);
    setText('');
    combobox.closeDropdown();
  };

  return (
    <Combobox store={combobox} onOptionSubmit={open} width={420} position="bottom-start">
      <Combobox.Target>
        <TextInput
          w={{ base: 200, sm: 360 }}
          value={text}
          placeholder={t('search.placeholder')}
          aria-label={t('search.placeholder')}
          data-testid="search-input"
          leftSection={<IconSearch size={16} stroke={1.6} aria-hidden />}
          rightSection={isFetching ? <Loader size="xs" /> : <Text size="xs" c="dimmed">Ctrl K</Text>}
          rightSectionWidth={56}
          onChange={(e) => {
            setText(e.currentTarget.value);
            combobox.openDropdown();
          }}
          onFocus={() => combobox.openDropdown()}
          onBlur={() => combobox.closeDropdown()}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setText('');
          }}
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={!text.trim()} data-testid="search-results" data-answers={answers ?? undefined}>
        <Combobox.Options mah={420} style={{ overflowY: 'auto' }}>
          {groups.map((g) => (
            <Combobox.Group key={g.kind} label={t(`search.kind.${g.kind}`)}>
              {g.hits.map((h) => (
                <Combobox.Option key={h.id} value={hitRoute(h)} data-testid={`search-hit-${h.kind}`}>
                  <Text size="sm">{h.title}</Text>
                  {h.subtitle && (
                    <Text size="xs" c="dimmed">
                      {h.subtitle}
                    </Text>
                  )}
                </Combobox.Option>
              ))}
            </Combobox.Group>
          ))}
          {groups.length === 0 && !isFetching && <Combobox.Empty>{t('search.nothing')}</Combobox.Empty>}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
