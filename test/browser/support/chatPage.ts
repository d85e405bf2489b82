// One person's chat in the Agents Playground page, driven by Playwright: type a message,
// wait for a card or a text from the bot, press a card's button by its title, fill a card's
// input by its label. The Playground renders Adaptive Cards with the adaptivecards renderer
// (`.ac-adaptiveCard`, buttons named by their titles, inputs labelled by their labels) inside
// its message bubbles (`.fai-OutputCard`); the compose box is a rich-text editor.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

const COMPOSE_BOX = '[data-lexical-editor="true"]';
export const BOT_MESSAGE = '.fai-OutputCard';
export const CARD = '.ac-adaptiveCard';

/** A card as the person sees it: its text, its inputs (by label) and its buttons (by title). */
export interface CardView {
  /** The text blocks and facts, without the inputs' labels and the buttons' titles. */
  question: string;
  inputs: CardInput[];
  buttons: string[];
}

export interface CardInput {
  /** The element's id, to reach it again. */
  id: string;
  label: string;
  kind: 'text' | 'textarea' | 'number' | 'date' | 'time' | 'select' | 'radio' | 'checkbox' | 'toggle';
  /** The options of a choice list. */
  options: string[];
  required: boolean;
}

export class PlaygroundChat {
  /** Requests the page made outside 127.0.0.1 (the Playground asks a CDN for fonts); refused. */
  readonly refusedRequests: string[] = [];

  private constructor(
    readonly page: Page,
    private readonly context: BrowserContext,
    private readonly screenshotsDir: string,
    readonly who: string,
  ) {}

  /** Opens the Playground at `url` in a new browser context and waits for the compose box. */
  static async open(browser: Browser, url: string, who: string, screenshotsDir: string): Promise<PlaygroundChat> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 1100 }, locale: 'es-ES', timezoneId: 'Europe/Madrid' });
    const page = await context.newPage();
    const chat = new PlaygroundChat(page, context, screenshotsDir, who);
    await page.route('**/*', (route) => {
      const { hostname, protocol } = new URL(route.request().url());
      if (hostname === '127.0.0.1' || protocol === 'data:' || protocol === 'blob:') return route.continue();
      chat.refusedRequests.push(route.request().url());
      return route.abort('blockedbyclient');
    });
    await page.goto(url);
    await page.locator(COMPOSE_BOX).waitFor();
    return chat;
  }

  async close(): Promise<void> {
    await this.context.close();
  }

  botMessages(): Locator {
    return this.page.locator(BOT_MESSAGE);
  }

  cards(): Locator {
    return this.page.locator(CARD);
  }

  /** Types `text` in the compose box and sends it (each line break as Shift+Enter). */
  async send(text: string): Promise<void> {
    const box = this.page.locator(COMPOSE_BOX);
    await box.click();
    const lines = text.split('\n');
    for (const [i, line] of lines.entries()) {
      if (i > 0) await this.page.keyboard.press('Shift+Enter');
      await this.page.keyboard.insertText(line);
    }
    await this.page.keyboard.press('Enter');
    // Sent once the box is empty again.
    await this.page.waitForFunction((selector) => (document.querySelector(selector)?.textContent ?? '').trim() === '', COMPOSE_BOX);
  }

  /** Waits for a message from the bot showing `text`, and returns the last such message. */
  async waitForText(text: string | RegExp, timeoutMs = 30_000): Promise<Locator> {
    const message = this.botMessages().filter({ hasText: text }).last();
    await message.waitFor({ timeout: timeoutMs });
    return message;
  }

  /** Waits for a card showing `text`, and returns the last such card. */
  async waitForCard(text: string | RegExp, timeoutMs = 30_000): Promise<Locator> {
    const card = this.cards().filter({ hasText: text }).last();
    await card.waitFor({ timeout: timeoutMs });
    return card;
  }

  /** Presses the button titled `title` on `card`. */
  async press(card: Locator, title: string | RegExp): Promise<void> {
    await card.getByRole('button', { name: title, exact: typeof title === 'string' }).click();
  }

  /** Fills the input labelled `label` on `card`: a box is typed in, a list option picked by its title, a date given as YYYY-MM-DD. */
  async fill(card: Locator, label: string | RegExp, value: string): Promise<void> {
    const input = (await describeCard(card)).inputs.find((i) => (typeof label === 'string' ? i.label === label : label.test(i.label)));
    if (!input) throw new Error(`no input labelled ${String(label)} on the card: ${JSON.stringify(await describeCard(card))}`);
    await fillInput(card, input, value);
  }

  /** A screenshot of the chat with `element` (a card) scrolled to show its end, where its button is. */
  async screenshotOf(element: Locator, name: string): Promise<string> {
    await element.evaluate((e) => e.scrollIntoView({ block: 'end' }));
    return this.screenshot(name);
  }

  async screenshot(name: string): Promise<string> {
    await mkdir(this.screenshotsDir, { recursive: true });
    const path = join(this.screenshotsDir, `${name}.png`);
    await this.page.screenshot({ path });
    return path;
  }
}

/** What `card` shows: read from the rendered page, as the person would. */
export async function describeCard(card: Locator): Promise<CardView> {
  return card.evaluate((root) => {
    const textOf = (ids: string | null) =>
      (ids ?? '')
        .split(/\s+/)
        .map((id) => (id ? document.getElementById(id)?.textContent : ''))
        .find((t) => t?.trim())
        ?.replace(/\s*\*\s*$/, '')
        .trim() ?? '';
    const labelOf = (el: HTMLElement): string =>
      textOf(el.getAttribute('aria-labelledby')) ||
      (el.id
        ? (root
            .querySelector(`label[for="${CSS.escape(el.id)}"]`)
            ?.textContent?.replace(/\s*\*\s*$/, '')
            .trim() ?? '')
        : '') ||
      (el.getAttribute('aria-label') ?? '');
    const inputs: Array<{ id: string; label: string; kind: string; options: string[]; required: boolean }> = [];
    const groups = new Set<string>();
    for (const el of Array.from(root.querySelectorAll<HTMLElement>('input, textarea, select'))) {
      const type = el instanceof HTMLInputElement ? el.type : el.tagName.toLowerCase();
      const required = el.getAttribute('aria-required') === 'true' || el.hasAttribute('required');
      const group = el.closest<HTMLElement>('[role="radiogroup"], [role="group"]');
      if (el.getAttribute('role') === 'combobox') {
        // The Playground draws Input.Date as a date picker and a compact Input.ChoiceSet as a
        // drop-down: both text boxes with a pop-up; a drop-down's options show once it is opened.
        const kind = el.getAttribute('aria-haspopup') === 'dialog' ? 'date' : 'select';
        inputs.push({ id: el.id, label: labelOf(el), kind, options: [], required });
        continue;
      }
      if (type === 'checkbox' && !group) {
        // A toggle (Input.Toggle): one box, on or off.
        inputs.push({ id: el.id, label: labelOf(el), kind: 'toggle', options: [], required });
        continue;
      }
      if (type === 'radio' || type === 'checkbox') {
        // A choice list shown expanded: one group of options, labelled by its container.
        const name = (el as HTMLInputElement).name || group?.id || el.id;
        if (groups.has(name)) continue;
        groups.add(name);
        const members = group ? Array.from(group.querySelectorAll<HTMLInputElement>('input')) : [el as HTMLInputElement];
        const groupRequired = group?.getAttribute('aria-required') === 'true';
        inputs.push({
          id: el.id,
          label: group ? labelOf(group) : labelOf(el),
          kind: type,
          options: members.map((o) => labelOf(o)),
          required: required || groupRequired,
        });
        continue;
      }
      if (type === 'hidden') continue;
      const options = el instanceof HTMLSelectElement ? Array.from(el.options).map((o) => o.text.trim()) : [];
      const kind = ['number', 'date', 'time', 'textarea', 'select'].includes(type) ? type : 'text';
      inputs.push({ id: el.id, label: labelOf(el), kind, options, required });
    }
    const buttons = Array.from(root.querySelectorAll<HTMLElement>('button')).map((b) => b.getAttribute('title') ?? b.textContent?.trim() ?? '');
    const question = Array.from(root.querySelectorAll<HTMLElement>('.ac-textBlock, .ac-factset, .ac-richTextBlock'))
      .filter((el) => !el.closest('label, button'))
      .map((el) => (el.textContent ?? '').trim())
      .filter(Boolean)
      .join('\n');
    return { question, inputs, buttons } as CardView;
  });
}

/** Gives `value` to one input of `card`, the way a person would. */
export async function fillInput(card: Locator, input: CardInput, value: string): Promise<void> {
  const element = card.locator(`[id="${input.id}"]`);
  switch (input.kind) {
    case 'select': {
      if ((await element.getAttribute('role')) !== 'combobox') {
        await element.selectOption({ label: pickOption(input, value) });
        return;
      }
      // A drop-down: opened, its options read, the one named picked.
      await element.click();
      const options = card.page().getByRole('option');
      await options.first().waitFor();
      const named = pickOption({ ...input, options: (await options.allTextContents()).map((o) => o.trim()) }, value);
      await card.page().getByRole('option', { name: named, exact: true }).click();
      return;
    }
    case 'date':
      if ((await element.getAttribute('role')) !== 'combobox') {
        await element.fill(value);
        return;
      }
      // A date picker reads what is typed with Date.parse on Enter: «2026-11-29» would be
      // midnight UTC, past a card's latest day east of Greenwich; «2026/11/29» is local midnight.
      await element.fill(value.replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$1/$2/$3'));
      await element.press('Enter');
      // A calendar left open would take the next click meant for the inputs below it.
      if ((await element.getAttribute('aria-expanded')) === 'true') await element.press('Escape');
      await expect.poll(() => element.getAttribute('aria-expanded')).not.toBe('true');
      return;
    case 'toggle':
      await element.setChecked(/^(si|yes|true)$/.test(fold(value)));
      return;
    case 'radio':
    case 'checkbox': {
      // The options are found within their own list: two lists may both offer «Sí».
      const list = element.locator('xpath=ancestor::*[@role="radiogroup" or @role="group"][1]');
      const wanted = value.split(',').map((v) => pickOption(input, v.trim()));
      for (const option of wanted) await list.getByLabel(option, { exact: true }).check();
      return;
    }
    default:
      await element.fill(value);
  }
}

/** The option of a list named by `value`: its exact title, else the one title that starts with it. */
function pickOption(input: CardInput, value: string): string {
  const wanted = fold(value);
  const exact = input.options.find((o) => fold(o) === wanted);
  if (exact) return exact;
  const starting = input.options.filter((o) => fold(o).startsWith(wanted));
  if (starting.length === 1) return starting[0]!;
  throw new Error(`«${value}» names none of the options of «${input.label}»: ${input.options.join(' | ')}`);
}

/** Lower case without accents, for comparing what a person reads. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .trim();
}
