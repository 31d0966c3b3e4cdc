export const DEFAULT_TITLE_TEMPLATE = '{product} — {company} — {city}';

/**
 * Fills a deal title template; a part whose placeholder has no value is dropped with its
 * separator, as the Rust side's title_from_template does, so "{product} — {company} — {city}"
 * without a city reads "Roof — Dakh LLC".
 */
export function titleFromTemplate(template: string, values: Record<string, string | null | undefined>): string {
  const parts: string[] = [];
  for (const part of template.split(' — ')) {
    let text = part;
    let empty = false;
    for (const [key, value] of Object.entries(values)) {
      const placeholder = `{${key}}`;
      if (text.includes(placeholder)) {
        const v = (value ?? '').trim();
        empty ||= v === '';
        text = text.split(placeholder).join(v);
      }
    }
    if (!empty && !text.includes('{') && text.trim() !== '') parts.push(text.trim());
  }
  return parts.join(' — ');
}
