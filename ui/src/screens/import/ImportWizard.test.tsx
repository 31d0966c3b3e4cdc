import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { commands } from '../../api/commands';
import type { ImportInspection, ImportProgress, ImportReport, User } from '../../api/types';
import { ok, refuse } from '../../test/fakeCommands';
import { appInfo, me, rightsOf } from '../../test/fixtures';
import { renderScreen } from '../../test/render';
import { ImportButton } from './ImportButton';

vi.mock('../../api/commands', async () => ({ commands: (await import('../../test/fakeCommands')).fakeCommands() }));
vi.mock('@tauri-apps/api/core', () => ({
  Channel: class<T> {
    constructor(public onmessage: (message: T) => void) {}
  },
}));

const PATH = '/home/olena/клієнти.csv';
const HEADER = ['Назва', 'Телефон', 'Email', 'Місто'];

const inspection: ImportInspection = {
  file: {
    format: 'csv',
    encoding: 'windows-1251',
    delimiter: ';',
    header: HEADER,
    sample: [
      ['Ромашка', '0671110001', 'romashka@example.com', 'Київ'],
      ['Берег', '0671110003', 'не пошта', 'Одеса'],
    ],
  },
  mapping: {
    kind: 'companies',
    columns: [
      { column: 'Назва', field: 'name' },
      { column: 'Телефон', field: 'phone' },
      { column: 'Email', field: 'email' },
      { column: 'Місто', field: null },
    ],
  },
  fields: ['name', 'city', 'phone', 'email', 'owner', 'notes'],
  required: 'name',
};

const report = (dry_run: boolean): ImportReport => ({
  kind: 'companies',
  format: 'csv',
  encoding: 'windows-1251',
  delimiter: ';',
  mapping: inspection.mapping,
  dry_run,
  totals: { rows: 3, new: 1, duplicates: 1, updated: 0, skipped: 1, refused: 1, companies_made: 0, contacts_made: 0, deals_made: 0 },
  preview: [
    { row: 2, cells: inspection.file.sample[0] ?? [], status: 'new', notes: [] },
    {
      row: 3,
      cells: ['Дах', '', '', 'Львів'],
      status: 'skipped',
      notes: [{ code: 'duplicate', field: 'name', message: '«Дах» already exists, owned by Олена Коваль (same name in the same city)' }],
    },
    {
      row: 4,
      cells: inspection.file.sample[1] ?? [],
      status: 'refused',
      notes: [{ code: 'invalid', field: 'email', message: '«не пошта» is not an e-mail address' }],
    },
  ],
  header: HEADER,
  refused: [{ row: 4, cells: inspection.file.sample[1] ?? [], field: 'email', reason: '«не пошта» is not an e-mail address' }],
  import_id: dry_run ? null : 'import-1',
});

const ivan: User = { ...me, id: 'u-ivan', name: 'Іван Шевчук' };
const head = { ...appInfo, user: { ...me, role: 'head' as const }, rights: rightsOf('head') };
const manager = { ...appInfo, rights: rightsOf('manager') };

/** Chooses `name` in the dropdown of the Select `input` (each column has one of its own). */
async function pick(input: HTMLElement, name: string) {
  await userEvent.click(input);
  const list = await waitFor(() => {
    const el = document.getElementById(input.getAttribute('aria-controls') ?? '');
    if (!el) throw new Error('the dropdown is not open');
    return el;
  });
  await userEvent.click(within(list).getByRole('option', { name, hidden: true }));
}

async function openOnFile() {
  vi.mocked(commands.chooseImportFile).mockResolvedValue(ok(PATH));
  vi.mocked(commands.importInspect).mockResolvedValue(ok(inspection));
  await userEvent.click(screen.getByTestId('import-companies'));
  await userEvent.click(await screen.findByTestId('import-choose-file'));
  await screen.findByTestId('import-mapping');
}

describe('the import wizard', () => {
  it('maps the columns as suggested, lets the person change them and needs the required one', async () => {
    renderScreen(<ImportButton kind="companies" />, { info: head });
    await openOnFile();
    expect(commands.importInspect).toHaveBeenCalledWith(PATH, 'companies');
    expect(screen.getByTestId('import-file-info')).toHaveTextContent('CSV · windows-1251 · delimiter ;');
    const fields = screen.getAllByTestId('import-column-field') as HTMLInputElement[];
    expect(fields.map((f) => f.value)).toEqual(['Company name *', 'Phone', 'E-mail', '— skip column —']);

    await pick(fields[3] as HTMLElement, 'City');
    await waitFor(() => expect((screen.getAllByTestId('import-column-field')[3] as HTMLInputElement).value).toBe('City'));

    await pick(fields[0] as HTMLElement, '— skip column —');
    expect(await screen.findByTestId('import-required-missing')).toHaveTextContent('Company name');
    expect(screen.getByTestId('import-next')).toBeDisabled();
  });

  it('previews a dry run with each row’s errors, imports with progress and saves the refused rows', async () => {
    vi.mocked(commands.activeUsers).mockResolvedValue(ok([me, ivan]));
    vi.mocked(commands.importPreview).mockResolvedValue(ok(report(true)));
    const channel: { send?: (p: ImportProgress) => void } = {};
    let finish: (r: ReturnType<typeof ok<ImportReport>>) => void = () => {};
    vi.mocked(commands.importRun).mockImplementation((_path, _choices, sent) => {
      channel.send = (sent as unknown as { onmessage: (p: ImportProgress) => void }).onmessage;
      return new Promise((resolve) => (finish = resolve));
    });
    vi.mocked(commands.chooseExportPath).mockResolvedValue(ok('/home/olena/клієнти_refused.xlsx'));
    vi.mocked(commands.saveRefused).mockResolvedValue(ok(null));
    renderScreen(<ImportButton kind="companies" />, { info: head });
    await openOnFile();
    await userEvent.click(screen.getByTestId('import-next'));

    await userEvent.click(screen.getByTestId('import-duplicates-refuse'));
    await userEvent.click(screen.getByTestId('import-owner-share'));
    expect(screen.getByTestId('import-next')).toBeDisabled();
    const people = await screen.findAllByTestId('import-share-user');
    await userEvent.click(people[1] as HTMLElement);
    await userEvent.click(screen.getByTestId('import-next'));

    const choices = {
      kind: 'companies',
      columns: ['name', 'phone', 'email', null],
      duplicates: 'refuse',
      owners: { share: [ivan.id] },
    };
    expect(commands.importPreview).toHaveBeenCalledWith(PATH, choices);
    const preview = await screen.findByTestId('import-preview');
    expect(within(preview).getByTestId('import-total-new')).toHaveTextContent('1');
    expect(within(preview).getByTestId('import-total-duplicates')).toHaveTextContent('1');
    expect(within(preview).getByTestId('import-total-refused')).toHaveTextContent('1');
    const rows = within(preview).getAllByTestId('import-preview-row');
    expect(rows[2]).toHaveAttribute('data-status', 'refused');
    expect(rows[2]).toHaveTextContent('E-mail: This value is not valid («не пошта» is not an e-mail address)');
    expect(rows[1]).toHaveTextContent('Such a client already exists and has an owner: «Дах» already exists, owned by Олена Коваль');

    await userEvent.click(screen.getByTestId('import-start'));
    expect(commands.importRun).toHaveBeenCalledWith(PATH, choices, expect.anything());
    await screen.findByTestId('import-running');
    act(() => channel.send?.({ rows: 2, new: 1, duplicates: 1, refused: 0 }));
    expect(await screen.findByText('Importing… 2 of 3 rows checked')).toBeInTheDocument();
    act(() => finish(ok(report(false))));

    const result = await screen.findByTestId('import-result');
    expect(within(result).getByTestId('import-total-new')).toHaveTextContent('1');
    await userEvent.click(screen.getByTestId('import-save-refused'));
    await waitFor(() =>
      expect(commands.saveRefused).toHaveBeenCalledWith(
        '/home/olena/клієнти_refused.xlsx',
        HEADER,
        { row: 'Row', reason: 'Reason' },
        report(false).refused,
      ),
    );
    expect(commands.chooseExportPath).toHaveBeenCalledWith('Save the refused rows', 'клієнти_refused.xlsx', 'Excel workbook');
    expect(await screen.findByTestId('import-refused-saved')).toBeInTheDocument();
  });

  it('cancels an import under way and comes back to the preview with nothing written', async () => {
    vi.mocked(commands.importPreview).mockResolvedValue(ok(report(true)));
    let finish: (r: ReturnType<typeof refuse>) => void = () => {};
    vi.mocked(commands.importRun).mockImplementation(() => new Promise((resolve) => (finish = resolve)));
    vi.mocked(commands.cancelImport).mockResolvedValue(ok(null));
    renderScreen(<ImportButton kind="companies" />, { info: manager });
    await openOnFile();
    await userEvent.click(screen.getByTestId('import-next'));
    // A manager imports for herself: no owner to choose, an owner column is not sent.
    expect(screen.getByTestId('import-owner-mine')).toBeInTheDocument();
    expect(screen.queryByTestId('import-owner-share')).not.toBeInTheDocument();
    await userEvent.click(screen.getByTestId('import-next'));
    await userEvent.click(await screen.findByTestId('import-start'));
    await userEvent.click(await screen.findByTestId('import-cancel'));
    expect(commands.cancelImport).toHaveBeenCalled();
    act(() => finish(refuse('invalid_state', 'import', 'the import was cancelled; nothing was written')));
    expect(await screen.findByTestId('import-cancelled')).toHaveTextContent('nothing was written');
    expect(screen.getByTestId('import-preview')).toBeInTheDocument();
  });
});
