import { Key } from 'webdriverio';

// Waiting, clicking and typing in the app's UI.
//
// Visibility and text are read from the DOM here, not through WebDriver: this WebKitWebDriver
// calls Mantine badges and autosized textareas "not displayed" and returns no text for them,
// and WebdriverIO's waitForDisplayed missed elements that were plainly on screen.

export const tid = (id) => `[data-testid="${id}"]`;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const DEFAULT_TIMEOUT = 15_000;

/** XPath string literal for any text (XPath 1.0 has no escapes). */
export function xpathLiteral(text) {
  if (!text.includes('"')) return `"${text}"`;
  if (!text.includes("'")) return `'${text}'`;
  return `concat(${text.split('"').map((p) => `"${p}"`).join(`, '"', `)})`;
}

async function displayedIn(browser, selector) {
  const found = await browser.$$(selector);
  if (found.length === 0) return [];
  let shown;
  try {
    shown = await browser.execute(
      (...els) =>
        els.map((e) => {
          if (!e.isConnected) return false;
          const style = getComputedStyle(e);
          if (style.visibility === 'hidden' || style.display === 'none') return false;
          // A modal's root is a zero-height wrapper; it is shown when what it holds has a size.
          const boxed = (n) => {
            const r = n.getBoundingClientRect();
            return r.width > 0 && r.height > 0;
          };
          return boxed(e) || [...e.querySelectorAll('*')].some(boxed);
        }),
      ...found,
    );
  } catch {
    // Re-rendered between the find and the question: the next round finds it again.
    return [];
  }
  return found.filter((_, i) => shown[i]);
}

/** The element's text as the DOM holds it (before CSS upper-cases a badge), spaces collapsed. */
export async function textOf(browser, el) {
  return browser.execute((e) => e.textContent.replace(/\s+/g, ' ').trim(), el);
}

/** The first displayed element matching `selector` (CSS, or XPath when it starts with "/" or "("). */
export async function waitFor(browser, selector, { timeout = DEFAULT_TIMEOUT, what = selector } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const shown = await displayedIn(browser, selector);
    if (shown.length > 0) return shown[0];
    if (Date.now() > deadline) throw new Error(`${what} did not appear within ${timeout} ms`);
    await sleep(100);
  }
}

export async function waitAll(browser, selector, { timeout = DEFAULT_TIMEOUT, min = 1, what = selector } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const shown = await displayedIn(browser, selector);
    if (shown.length >= min) return shown;
    if (Date.now() > deadline) throw new Error(`fewer than ${min} of ${what} within ${timeout} ms`);
    await sleep(100);
  }
}

export async function waitGone(browser, selector, { timeout = DEFAULT_TIMEOUT, what = selector } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    if ((await displayedIn(browser, selector)).length === 0) return;
    if (Date.now() > deadline) throw new Error(`${what} still shown after ${timeout} ms`);
    await sleep(100);
  }
}

/** Polls `check()` until it returns something truthy; `describe()` explains a timeout. */
export async function eventually(check, { timeout = DEFAULT_TIMEOUT, describe = async () => '' } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) {
      const why = await describe().catch(() => '');
      throw new Error(`condition not met within ${timeout} ms${why ? `: ${why}` : ''}${last ? ` (${last.message})` : ''}`);
    }
    await sleep(100);
  }
}

/** Text of the first displayed match, once it satisfies `expected` (string: contains; RegExp: matches). */
export async function waitText(browser, selector, expected, opts = {}) {
  let seen = '';
  return eventually(
    async () => {
      const el = await waitFor(browser, selector, { timeout: 1000 });
      seen = await textOf(browser, el);
      const ok = typeof expected === 'string' ? seen.includes(expected) : expected.test(seen);
      return ok ? seen : null;
    },
    { ...opts, describe: async () => `${selector} shows ${JSON.stringify(seen)}, expected ${expected}` },
  );
}

/**
 * Clicks once the element is displayed. A modal fading in or out can cover it for a moment;
 * such an intercepted click is tried again until the timeout.
 */
export async function click(browser, selector, { timeout = DEFAULT_TIMEOUT } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const el = await waitFor(browser, selector, { timeout: Math.max(deadline - Date.now(), 1) });
    try {
      await el.click();
      return el;
    } catch (e) {
      const retriable = /intercepted|stale|not interactable/i.test(e.message);
      if (!retriable || Date.now() > deadline) throw e;
      await sleep(150);
    }
  }
}

/**
 * Replaces an input's text by keystrokes and checks that the input kept it. WebDriver's own
 * "clear" bypasses React, so a controlled number input got its old value back before typing.
 */
export async function fill(browser, selectorOrElement, value) {
  const el = typeof selectorOrElement === 'string' ? await waitFor(browser, selectorOrElement) : selectorOrElement;
  await el.click();
  await browser.keys([Key.Ctrl, 'a']);
  await browser.keys(['Backspace']);
  await el.addValue(String(value));
  const got = await el.getValue();
  if (got !== String(value)) throw new Error(`typed ${JSON.stringify(value)}, the input holds ${JSON.stringify(got)}`);
  return el;
}

/** The input a visible <label> names, inside `scope` (a CSS selector of a form). */
export async function byLabel(browser, scope, label) {
  const form = await waitFor(browser, scope);
  const labelEl = await form.$(`.//label[normalize-space()=${xpathLiteral(label)}]`);
  const id = await labelEl.getAttribute('for');
  if (!id) throw new Error(`no label "${label}" with an input in ${scope}`);
  return waitFor(browser, `[id="${id}"]`, { what: `input labelled "${label}"` });
}

export const optionXPath = (text) =>
  `//*[@role="option"][contains(normalize-space(), ${xpathLiteral(text)})]`;

/**
 * Chooses an option of a Mantine Select / MultiSelect: opens it, types `search` when given
 * (searchable pickers ask the server), and clicks the option containing `option`.
 */
export async function choose(browser, input, option, { search = null } = {}) {
  const el = typeof input === 'string' ? await waitFor(browser, input) : input;
  await el.click();
  if (search !== null) {
    await browser.keys([Key.Ctrl, 'a']);
    await browser.keys(['Backspace']);
    await el.addValue(search);
  }
  await click(browser, optionXPath(option));
}

/** Rectangle of an element in viewport coordinates. */
export async function rect(browser, el) {
  return browser.execute((e) => {
    const r = e.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  }, el);
}

/**
 * Drags with the mouse: press on `from`, travel in small steps (dnd-kit's pointer sensor wants
 * some distance before a drag starts and tracks every move), release over `to`.
 */
export async function drag(browser, from, to, { steps = 15, toOffsetY = null } = {}) {
  const a = await rect(browser, from);
  const b = await rect(browser, to);
  const x0 = Math.round(a.x + a.width / 2);
  const y0 = Math.round(a.y + a.height / 2);
  const x1 = Math.round(b.x + b.width / 2);
  const y1 = Math.round(b.y + (toOffsetY ?? Math.min(b.height / 2, 120)));
  const actions = [
    { type: 'pointerMove', duration: 0, x: x0, y: y0 },
    { type: 'pointerDown', button: 0 },
    { type: 'pause', duration: 100 },
  ];
  for (let i = 1; i <= steps; i++) {
    actions.push({
      type: 'pointerMove',
      duration: 30,
      x: Math.round(x0 + ((x1 - x0) * i) / steps),
      y: Math.round(y0 + ((y1 - y0) * i) / steps),
    });
  }
  actions.push({ type: 'pause', duration: 150 }, { type: 'pointerUp', button: 0 });
  await browser.performActions([{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions }]);
  await browser.releaseActions();
}

export async function route(browser) {
  return browser.execute(() => location.hash);
}

/** Error texts Mantine shows under form fields inside `scope`. */
export async function fieldErrors(browser, scope) {
  return browser.execute(
    (s) => [...document.querySelectorAll(`${s} .mantine-InputWrapper-error`)].map((e) => e.textContent.trim()),
    scope,
  );
}
