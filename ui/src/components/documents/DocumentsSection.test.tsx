import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { commands } from '../../api/commands';
import type { ListedDocument } from '../../api/types';
import { ok, refuse } from '../../test/fakeCommands';
import { me } from '../../test/fixtures';
import { renderScreen } from '../../test/render';
import { DocumentsSection } from './DocumentsSection';

vi.mock('../../api/commands', async () => ({ commands: (await import('../../test/fakeCommands')).fakeCommands() }));

const company = { kind: 'company', id: 'c1' } as const;

function listed(id: string, name: string, size: number, kind: string | null = 'attachment'): ListedDocument {
  return {
    document: {
      id,
      created_at: Date.UTC(2026, 2, 10, 9, 0),
      updated_at: 0,
      version: 3,
      deleted_at: null,
      deal_id: null,
      company_id: 'c1',
      name,
      path: name,
      size_bytes: size,
      author_id: me.id,
    },
    kind,
    media_type: kind ? 'application/pdf' : null,
  };
}

describe('DocumentsSection', () => {
  beforeEach(() => {
    vi.mocked(commands.listUsers).mockResolvedValue(ok([me]));
    vi.mocked(commands.listDocuments).mockResolvedValue(
      ok([listed('doc1', 'Договір №17.pdf', 20_480), listed('doc2', 'Прайс.xlsx', 3 * 1024 * 1024)]),
    );
  });

  it('lists name, size and who added each file, and attaches, saves, opens and deletes them', async () => {
    vi.mocked(commands.attachDocument).mockResolvedValue(ok(listed('doc3', 'Скан.png', 10).document));
    vi.mocked(commands.saveDocument).mockResolvedValue(ok('/home/me/Договір №17.pdf'));
    vi.mocked(commands.openDocument).mockResolvedValue(ok('/tmp/Договір №17.pdf'));
    vi.mocked(commands.deleteDocument).mockResolvedValue(ok(listed('doc1', 'Договір №17.pdf', 20_480).document));
    renderScreen(<DocumentsSection of={company} mayChange />);
    const rows = await screen.findAllByTestId('document-row');
    expect(rows).toHaveLength(2);
    expect(commands.listDocuments).toHaveBeenCalledWith(company);
    const first = within(rows[0] as HTMLElement);
    expect(first.getByText('20 KB')).toBeInTheDocument();
    expect(await first.findByText(me.name)).toBeInTheDocument();
    expect(within(rows[1] as HTMLElement).getByText('3 MB')).toBeInTheDocument();

    await userEvent.click(screen.getByTestId('document-attach'));
    await waitFor(() => expect(commands.attachDocument).toHaveBeenCalledWith(company, 'Attach a file', 'All files'));
    expect(await screen.findByText('«Скан.png» is attached')).toBeInTheDocument();

    await userEvent.click(first.getByTestId('document-save'));
    await waitFor(() => expect(commands.saveDocument).toHaveBeenCalledWith('doc1', 'Save the document', 'Document'));
    await userEvent.click(first.getByTestId('document-open'));
    await waitFor(() => expect(commands.openDocument).toHaveBeenCalledWith('doc1'));

    await userEvent.click(first.getByTestId('document-delete'));
    const dialog = await screen.findByTestId('document-delete-dialog');
    expect(within(dialog).getByText(/«Договір №17.pdf» will leave this card/)).toBeInTheDocument();
    expect(commands.deleteDocument).not.toHaveBeenCalled();
    await userEvent.click(within(dialog).getByTestId('document-delete-confirm'));
    await waitFor(() => expect(commands.deleteDocument).toHaveBeenCalledWith('doc1', 3));
  });

  it('hides attaching and deleting where the rights say no, and still saves and opens', async () => {
    renderScreen(<DocumentsSection of={company} mayChange={false} />);
    expect(await screen.findAllByTestId('document-row')).toHaveLength(2);
    expect(screen.queryByTestId('document-attach')).not.toBeInTheDocument();
    expect(screen.queryByTestId('document-delete')).not.toBeInTheDocument();
    expect(screen.getAllByTestId('document-save')).toHaveLength(2);
    expect(screen.getAllByTestId('document-open')).toHaveLength(2);
  });

  it('names the size limit when a file is refused for it', async () => {
    vi.mocked(commands.attachDocument).mockResolvedValue(refuse('file_too_large', 'file', 'the file is 30.0 MB'));
    renderScreen(<DocumentsSection of={company} mayChange />);
    await userEvent.click(await screen.findByTestId('document-attach'));
    expect(await screen.findByText('This file is too large: Voronka keeps files of up to 25 MB')).toBeInTheDocument();
  });
});
