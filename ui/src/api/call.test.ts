import type { ErrorCode } from './types';
import i18n from '../i18n';
import { ApiError, call, isApiError } from './call';
import { applyFieldError, errorText } from './errors';

function fakeForm(values: object) {
  const errors: Record<string, string> = {};
  return { errors, getValues: () => values, setFieldError: (p: string, e: string) => (errors[p] = e) };
}

describe('call', () => {
  it('returns the data of an ok answer', async () => {
    await expect(call(Promise.resolve({ status: 'ok' as const, data: 42 }))).resolves.toBe(42);
  });

  it('throws an ApiError that keeps the code, field and message', async () => {
    const refused = call(
      Promise.resolve({ status: 'error' as const, error: { code: 'conflict', field: 'version', message: 'stale' } }),
    );
    await expect(refused).rejects.toBeInstanceOf(ApiError);
    const e = await refused.catch((x: unknown) => x);
    expect(isApiError(e, 'conflict')).toBe(true);
    expect(e).toMatchObject({ code: 'conflict', field: 'version', message: 'stale' });
  });
});

describe('server errors on forms', () => {
  const t = i18n.t.bind(i18n);

  it('puts an error on the field it names, translated by its code', () => {
    const form = fakeForm({ work_phone: '12' });
    const landed = applyFieldError(form, new ApiError({ code: 'invalid', field: 'work_phone', message: '«12» is not a phone' }), t);
    expect(landed).toBe(true);
    expect(form.errors).toEqual({ work_phone: 'This value is not valid' });
  });

  it('maps list items and aliased fields onto form paths', () => {
    const form = fakeForm({ qualification: [], next: {} });
    applyFieldError(form, new ApiError({ code: 'invalid', field: 'qualification[1]', message: 'x' }), t);
    applyFieldError(form, new ApiError({ code: 'invalid', field: 'title', message: 'x' }), t, { title: 'next.title' });
    expect(Object.keys(form.errors)).toEqual(['qualification.1', 'next.title']);
  });

  it('reports failure for a field the form does not have, so the caller can show it elsewhere', () => {
    const form = fakeForm({ title: '' });
    expect(applyFieldError(form, new ApiError({ code: 'stage_requirements', field: 'items', message: 'x' }), t)).toBe(false);
    expect(applyFieldError(form, new Error('boom'), t)).toBe(false);
  });

  it('falls back to the server message for a code it does not know', () => {
    expect(errorText(t, new ApiError({ code: 'brand_new' as ErrorCode, field: null, message: 'Something new' }))).toBe('Something new');
  });

  it('says what a refusal by the rights was about, in the user\'s language', async () => {
    const refused = new ApiError({ code: 'forbidden', field: 'deal', message: 'your role may not change this deal' });
    expect(errorText(t, refused)).toBe('Your role may work only with your own deals');
    await i18n.changeLanguage('uk');
    expect(errorText(i18n.t.bind(i18n), refused)).toBe('Ваша роль може працювати лише з власними угодами');
    await i18n.changeLanguage('en');
    const unknown = new ApiError({ code: 'forbidden', field: 'something_new', message: 'x' });
    expect(errorText(t, unknown)).toBe('Your role may not do this');
  });
});
