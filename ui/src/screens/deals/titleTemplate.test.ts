import { titleFromTemplate, DEFAULT_TITLE_TEMPLATE } from './titleTemplate';

describe('titleFromTemplate', () => {
  it('fills every placeholder', () => {
    expect(titleFromTemplate(DEFAULT_TITLE_TEMPLATE, { product: 'Дах', company: 'ТОВ Дах', city: 'Львів' })).toBe(
      'Дах — ТОВ Дах — Львів',
    );
  });

  it('drops a part whose value is missing, with its separator', () => {
    expect(titleFromTemplate(DEFAULT_TITLE_TEMPLATE, { product: 'Дах', company: 'ТОВ Дах', city: '' })).toBe(
      'Дах — ТОВ Дах',
    );
    expect(titleFromTemplate(DEFAULT_TITLE_TEMPLATE, { product: '', company: 'ТОВ Дах', city: null })).toBe('ТОВ Дах');
  });
});
