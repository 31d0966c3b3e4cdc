import { deal, stage } from '../../test/fixtures';
import { withDealMoved } from './boardCache';

describe('withDealMoved', () => {
  it('moves the card and its amount between columns', () => {
    const cols = [
      { stage: stage('s1', 'A', 0), count: 1, amount: 500, deals: [deal('d1', 'x', 's1', 500)] },
      { stage: stage('s2', 'B', 1), count: 0, amount: 0, deals: [] },
    ];
    const [a, b] = withDealMoved(cols, 'd1', 's2');
    expect(a).toMatchObject({ count: 0, amount: 0, deals: [] });
    expect(b?.count).toBe(1);
    expect(b?.amount).toBe(500);
    expect(b?.deals[0]?.stage_id).toBe('s2');
  });

  it('leaves the board alone for an unknown deal', () => {
    const cols = [{ stage: stage('s1', 'A', 0), count: 0, amount: 0, deals: [] }];
    expect(withDealMoved(cols, 'nope', 's1')).toBe(cols);
  });
});
