import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { commands } from '../../api/commands';
import type { DealDocument } from '../../api/types';
import { ok, refuse } from '../../test/fakeCommands';
import { deal } from '../../test/fixtures';
import { renderScreen } from '../../test/render';
import { DealDocuments } from './DealDocuments';

vi.mock('../../api/commands', async () => ({ commands: (await import('../../test/fakeCommands')).fakeCommands() }));

const theDeal = deal('d1', 'Дах складу', 's1', 0);

function document(id: string, name: string, kind: string | null): DealDocument {
  return {
    document: { id, created_at: 0, updated_at: 0, version: 1, deleted_at: null, deal_id: 'd1', name, path: name, size_bytes: 20_480 },
    kind,
    media_type: kind ? 'application/pdf' : null,
  };
}

describe('DealDocuments', () => {
  it('makes a proposal and opens a kept file; a file kept by its path is only named', async () => {
    vi.mocked(commands.dealDocuments).mockResolvedValue(
      ok([document('doc1', 'Proposal 20260310-1.pdf', 'proposal'), document('doc2', 'Договір.pdf', null)]),
    );
    vi.mocked(commands.openDocument).mockResolvedValue(ok('/tmp/Proposal 20260310-1.pdf'));
    renderScreen(<DealDocuments deal={theDeal} />);
    expect(await screen.findAllByTestId('document-row')).toHaveLength(2);
    expect(screen.getAllByTestId('document-open')).toHaveLength(1);
    await userEvent.click(screen.getByTestId('document-open'));
    await waitFor(() => expect(commands.openDocument).toHaveBeenCalledWith('doc1'));
    await userEvent.click(screen.getByTestId('make-proposal'));
    await waitFor(() => expect(commands.makeProposal).toHaveBeenCalledWith('d1'));
  });

  it('says what a proposal needs when the store refuses it', async () => {
    vi.mocked(commands.makeProposal).mockResolvedValue(refuse('invalid_state', 'items', 'a proposal needs the items'));
    renderScreen(<DealDocuments deal={theDeal} />);
    await userEvent.click(await screen.findByTestId('make-proposal'));
    expect(await screen.findByText("This cannot be done in the record's current state")).toBeInTheDocument();
  });
});
