import { Spotlight, useSpotlight } from '@mantine/spotlight';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { groupHits, hitRoute, useSearchHits } from '../api/search';
import { searchSpotlight, searchSpotlightStore } from './searchSpotlightStore';

/** Ctrl+K anywhere, also while typing in a field: the search is the way around the app. */
export function SearchSpotlight() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const { selected } = useSpotlight(searchSpotlightStore);
  const { data } = useSearchHits(query);
  const groups = groupHits(query.trim() ? (data?.items ?? []) : []);
  const first = groups[0]?.hits[0];

  return (
    <Spotlight.Root
      store={searchSpotlightStore}
      query={query}
      onQueryChange={setQuery}
      shortcut={['mod + K']}
      tagsToIgnore={[]}
      scrollable
      maxHeight={480}
    >
      <Spotlight.Search
        placeholder={t('search.placeholder')}
        data-testid="spotlight-input"
        onKeyDown={(e) => {
          if (e.key === 'Enter' && selected < 0 && first) {
            navigate(hitRoute(first));
            searchSpotlight.close();
          }
        }}
      />
      <Spotlight.ActionsList>
        {groups.map((g) => (
          <Spotlight.ActionsGroup key={g.kind} label={t(`search.kind.${g.kind}`)}>
            {g.hits.map((h) => (
              <Spotlight.Action
                key={h.id}
                label={h.title}
                description={h.subtitle ?? undefined}
                onClick={() => navigate(hitRoute(h))}
                data-testid={`spotlight-hit-${h.kind}`}
              />
            ))}
          </Spotlight.ActionsGroup>
        ))}
        {query.trim() && groups.length === 0 && <Spotlight.Empty>{t('search.nothing')}</Spotlight.Empty>}
      </Spotlight.ActionsList>
    </Spotlight.Root>
  );
}
