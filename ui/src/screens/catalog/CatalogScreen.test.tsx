import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { commands } from '../../api/commands';
import { product } from '../../test/catalogFixtures';
import { ok, paged } from '../../test/fakeCommands';
import { appInfo, rightsOf } from '../../test/fixtures';
import { renderScreen } from '../../test/render';
import { CatalogScreen } from './CatalogScreen';

vi.mock('../../api/commands', async () => ({ commands: (await import('../../test/fakeCommands')).fakeCommands() }));

describe('CatalogScreen', () => {
  it('asks the store for a page sorted by name, then by the column clicked', async () => {
    vi.mocked(commands.listProducts).mockResolvedValue(ok(paged([product(1), product(2)])));
    renderScreen(<CatalogScreen />);
    await screen.findByTestId('catalog-table');
    expect(commands.listProducts).toHaveBeenCalledWith(
      { text: null, archived: false, sort: 'name', descending: false },
      { offset: 0, limit: 200 },
    );
    await userEvent.click(screen.getByTestId('sort-price'));
    await waitFor(() =>
      expect(commands.listProducts).toHaveBeenLastCalledWith(expect.objectContaining({ sort: 'price' }), expect.anything()),
    );
  });

  it('filters by text and shows the archive when asked', async () => {
    renderScreen(<CatalogScreen />);
    await userEvent.type(screen.getByTestId('catalog-filter'), 'проф');
    await waitFor(() =>
      expect(commands.listProducts).toHaveBeenLastCalledWith(expect.objectContaining({ text: 'проф' }), expect.anything()),
    );
    await userEvent.click(screen.getByTestId('catalog-archived'));
    await waitFor(() =>
      expect(commands.listProducts).toHaveBeenLastCalledWith(expect.objectContaining({ archived: true }), expect.anything()),
    );
  });

  it('lets the admin add a product with its price in minor units, and shows the field a refusal names', async () => {
    vi.mocked(commands.createProduct).mockResolvedValueOnce({
      status: 'error',
      error: { code: 'invalid', field: 'name', message: 'a name is needed' },
    });
    renderScreen(<CatalogScreen />);
    await userEvent.click(await screen.findByTestId('new-product'));
    await userEvent.type(screen.getByTestId('product-price'), '12.5');
    await userEvent.click(screen.getByTestId('product-submit'));
    expect(await screen.findByText('This value is not valid')).toBeInTheDocument();
    expect(commands.createProduct).toHaveBeenCalledWith(expect.objectContaining({ price: 1250, name: '' }));
  });

  it('offers a manager no way to change the catalog', async () => {
    vi.mocked(commands.listProducts).mockResolvedValue(ok(paged([product(1)])));
    renderScreen(<CatalogScreen />, { info: { ...appInfo, rights: rightsOf('manager') } });
    await screen.findByTestId('catalog-table');
    expect(screen.queryByTestId('new-product')).toBeNull();
  });
});
