import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderScreen } from '../test/render';
import { FIRST_SHOWN, ShowMore } from './ShowMore';

describe('ShowMore', () => {
  it('draws the first items and the rest on request', async () => {
    const items = Array.from({ length: FIRST_SHOWN + 7 }, (_, i) => `задача ${i}`);
    renderScreen(<ShowMore items={items}>{(s) => <p key={s} data-testid="row">{s}</p>}</ShowMore>);
    expect(screen.getAllByTestId('row')).toHaveLength(FIRST_SHOWN);
    await userEvent.click(screen.getByTestId('show-more'));
    expect(screen.getAllByTestId('row')).toHaveLength(FIRST_SHOWN + 7);
    expect(screen.queryByTestId('show-more')).toBeNull();
  });

  it('offers nothing more when everything fits', () => {
    renderScreen(<ShowMore items={['одна']}>{(s) => <p key={s}>{s}</p>}</ShowMore>);
    expect(screen.queryByTestId('show-more')).toBeNull();
  });
});
