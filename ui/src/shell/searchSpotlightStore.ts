import { createSpotlight } from '@mantine/spotlight';

/** The Ctrl+K search has its own store so other spotlights could exist without clashing. */
export const [searchSpotlightStore, searchSpotlight] = createSpotlight();

export const openSearchSpotlight = () => searchSpotlight.open();
