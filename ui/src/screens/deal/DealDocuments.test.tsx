import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { commands } from '../../api/commands';
import type { ListedDocument } from '../../api/types';
import { ok, refuse } from '../../test/fakeCommands';
import { appInfo, deal, rightsOf } from '../../test/fixtures';
import { renderScreen } from '../../test/render';
import { DealDocuments } from './DealDocuments';

vi.mock('../../api/commands', async () => ({ commands: (await import('../../test/fakeCommands')).fakeCommands() }));

const theDeal = deal('d1', 'Дах складу', 's1', 0);

function document(id: string, name: string, kind: string | null): ListedDocument {
  return {
    document: {
      id,
      created_at: 0,
      updated_at: 0,
      version: 1,
      deleted_at: null,
      deal_id: 'd1',
      company_id: null,
      name,
      path: name,
      size_bytes: 20_480,
      author_id: null,
    },
    kind,
    media_type: kind ? 'application/pdf' : null,
  };
}

describe('DealDocuments', () => {
  it('makes a proposal and opens a kept file; a file kept by its path is only named', async () => {
    vi.mocked(commands.listDocuments).mockResolvedValue(
      ok([document('doc1', 'Proposal 20260310-1.pdf', 'proposal'), document('doc2', 'Договір.pdf', null)]),
    );
    vi.mocked(commands.openDocument).mockResolvedValue(ok('/tmp/Proposal 20260310-1.pdf'));
    renderScreen(<DealDocuments deal={theDeal} />);
    expect(await screen.findAllByTestId('document-row')).toHaveLength(2);
    expect(commands.listDocuments).toHaveBeenCalledWith({ kind: 'deal', id: 'd1' });
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

  it('offers a manager nothing to change on a colleague’s deal', async () => {
    const info = { ...appInfo, rights: rightsOf('manager') };
    renderScreen(<DealDocuments deal={{ ...theDeal, owner_id: 'someone-else' }} />, { info });
    expect(await screen.findByText('No documents yet')).toBeInTheDocument();
    expect(screen.queryByTestId('document-attach')).not.toBeInTheDocument();
    expect(screen.queryByTestId('make-proposal')).not.toBeInTheDocument();
  });
});
