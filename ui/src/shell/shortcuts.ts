/**
 * The app's keyboard shortcuts, in one list: the help window shows exactly what is bound.
 * `keys` are Mantine hotkey strings; `label` is an i18n key under `shortcuts.`.
 */
export interface Shortcut {
  keys: string[];
  label: string;
  /** Where it works; empty means everywhere. */
  where?: string;
}

/** Alt+1…7 open the screens in the order the navigation lists them. */
export const SCREENS = ['today', 'deals', 'companies', 'contacts', 'catalog', 'reports', 'settings'] as const;

export const SHORTCUTS: Shortcut[] = [
  { keys: ['mod+K'], label: 'search' },
  ...SCREENS.map((screen, i) => ({ keys: [`alt+${i + 1}`], label: `goto.${screen}` })),
  { keys: ['N'], label: 'new', where: 'lists' },
  { keys: ['Enter'], label: 'openHit', where: 'search' },
  { keys: ['Escape'], label: 'close' },
  { keys: ['shift+?', 'F1'], label: 'help' },
];

/** A hotkey as people read it: "Ctrl + K" ("⌘ + K" on a Mac). */
export function keyLabel(hotkey: string, mac: boolean): string {
  return hotkey
    .split('+')
    .map((part) => {
      const p = part.trim();
      if (p === 'mod') return mac ? '⌘' : 'Ctrl';
      if (p === 'alt') return mac ? '⌥' : 'Alt';
      if (p === 'shift') return 'Shift';
      return p.length === 1 ? p.toUpperCase() : p;
    })
    .join(' + ');
}
