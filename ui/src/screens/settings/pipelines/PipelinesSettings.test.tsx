import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { commands } from '../../../api/commands';
import type { Pipeline } from '../../../api/types';
import { ok, refuse } from '../../../test/fakeCommands';
import { appInfo, rightsOf, stage } from '../../../test/fixtures';
import { renderScreen } from '../../../test/render';
import { PipelinesSettings } from './PipelinesSettings';

vi.mock('../../../api/commands', async () => ({ commands: (await import('../../../test/fakeCommands')).fakeCommands() }));

const pipeline = (id: string, name: string, over: Partial<Pipeline> = {}): Pipeline => ({
  id, created_at: 0, updated_at: 0, version: 1, deleted_at: null, name, position: 0, is_default: true, archived: false, ...over,
});

const stages = [
  stage('s1', 'Новий лід', 0),
  stage('s2', 'КП надіслано', 1, { required_fields: ['company', 'amount'], win_probability: 25 }),
  stage('s3', 'Успішно', 2, { kind: 'won', win_probability: 100 }),
  stage('s4', 'Програно', 3, { kind: 'lost', win_probability: 0 }),
];
const serviceStages = [stage('x1', 'Прийом', 0, { pipeline_id: 'pipe-2' }), stage('x2', 'Виконано', 1, { pipeline_id: 'pipe-2', kind: 'won' })];

function answer() {
  vi.mocked(commands.listPipelines).mockResolvedValue(ok([pipeline('pipe-1', 'Продажі'), pipeline('pipe-2', 'Сервіс', { is_default: false })]));
  vi.mocked(commands.listStages).mockImplementation(async (id) => ok(id === 'pipe-1' ? stages : serviceStages));
}

// Typing into a dialog outlasts the default 5 s on a busy two-core machine.
const TYPING = 20_000;

describe('PipelinesSettings', () => {
  it('lists the stages with their kind, probability and required fields', async () => {
    answer();
    renderScreen(<PipelinesSettings />);
    const row = await screen.findByTestId('stage-row-КП надіслано');
    expect(row).toHaveTextContent('Open');
    expect(row).toHaveTextContent('25%');
    expect(row).toHaveTextContent('Company');
    expect(row).toHaveTextContent('Amount');
  });

  it('adds an open stage before the won and lost ones', { timeout: TYPING }, async () => {
    answer();
    vi.mocked(commands.createStage).mockResolvedValue(ok(stage('s9', 'Зустріч', 2)));
    renderScreen(<PipelinesSettings />);
    await userEvent.click(await screen.findByTestId('stage-add'));
    await userEvent.type(await screen.findByTestId('stage-name'), 'Зустріч');
    await userEvent.type(screen.getByTestId('stage-probability'), '40');
    await userEvent.click(screen.getByTestId('stage-required'));
    await userEvent.click(await screen.findByRole('option', { name: 'Contact', hidden: true }));
    await userEvent.click(screen.getByTestId('stage-save'));
    await waitFor(() =>
      expect(commands.createStage).toHaveBeenCalledWith({
        pipeline_id: 'pipe-1', name: 'Зустріч', position: 2, kind: 'open', win_probability: 40, required_fields: ['contact'],
      }),
    );
  });

  it('moves a stage down by its arrow as a whole new order', async () => {
    answer();
    vi.mocked(commands.reorderStages).mockResolvedValue(ok(stages));
    renderScreen(<PipelinesSettings />);
    const row = (await screen.findByTestId('stage-row-Новий лід')).closest('[data-testid="sortable-row"]') as HTMLElement;
    await userEvent.click(within(row).getByRole('button', { name: 'Move down' }));
    expect(commands.reorderStages).toHaveBeenCalledWith('pipe-1', ['s2', 's1', 's3', 's4'].map((id) => ({ id, version: 1 })));
  });

  it('archives a stage into a stage of the same kind, and shows a refusal on the choice', async () => {
    answer();
    vi.mocked(commands.archiveStage).mockResolvedValue(
      refuse('stage_requirements', 'move_to', '«Дах» cannot move there: fill amount'),
    );
    renderScreen(<PipelinesSettings />);
    const row = await screen.findByTestId('stage-row-Новий лід');
    await userEvent.click(within(row).getByTestId('stage-archive'));
    const picker = await screen.findByTestId('archive-move-to');
    await userEvent.click(picker);
    const choice = await screen.findByRole('option', { name: 'Сервіс → Прийом', hidden: true });
    const offered = within(screen.getByRole('listbox', { name: 'Move its deals to', hidden: true }));
    expect(offered.getAllByRole('option', { hidden: true }).map((o) => o.textContent)).toEqual([
      'Продажі → КП надіслано',
      'Сервіс → Прийом',
    ]);
    await userEvent.click(choice);
    await userEvent.click(screen.getByTestId('archive-stage-confirm'));
    expect(commands.archiveStage).toHaveBeenCalledWith('s1', 1, 'x1');
    expect(await screen.findByText(/cannot move there/)).toBeInTheDocument();
  });

  it('shows the set-up without its controls to anyone but the admin', async () => {
    answer();
    renderScreen(<PipelinesSettings />, { info: { ...appInfo, rights: rightsOf('head') } });
    await screen.findByTestId('stage-row-Новий лід');
    expect(screen.queryByTestId('stage-add')).not.toBeInTheDocument();
    expect(screen.queryByTestId('stage-archive')).not.toBeInTheDocument();
    expect(screen.getByText(/Only an admin changes this/)).toBeInTheDocument();
  });
});
