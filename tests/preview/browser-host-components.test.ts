/**
 * The preview host behaves like HubSpot's for an extension: a fixture extension (fixtures/HostFixture.tsx)
 * runs in the same worker set-up as our pages, and the browser checks what its handlers receive —
 * HubSpot's payloads, not DOM events — and that overlays, actions, hooks and unknown components work.
 */
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import express from 'express';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createPreviewRouter } from '../../preview/server/index.ts';
import { REPO_ROOT } from '../../preview/server/project.ts';
import { launchChromium } from './support/chromium.ts';

const FIXTURE = join(REPO_ROOT, 'tests', 'preview', 'fixtures', 'HostFixture.tsx');
const PAGES_FIXTURE = join(REPO_ROOT, 'tests', 'preview', 'fixtures', 'PagesFixture.tsx');
const OUTPUT = join(REPO_ROOT, 'test-output', 'preview');

let server: Server;
let origin: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  mkdirSync(OUTPUT, { recursive: true });
  const site = express().use(
    createPreviewRouter({
      clientSecret: 'unused-by-the-fixture',
      publicApiOrigin: 'http://127.0.0.1:9',
      backendBaseUrl: 'http://127.0.0.1:9',
      portalId: 777,
      userId: 3,
      user: { firstName: 'Ada', lastName: 'Lovelace' },
      entrypoints: { settings: FIXTURE, home: PAGES_FIXTURE },
      outDir: join(REPO_ROOT, 'preview', 'dist', 'host-fixture'),
    }),
  );
  server = createServer(site);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  context.setDefaultTimeout(15_000);
  page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${origin}/preview/settings`);
  await page.getByTestId('fx-context').waitFor();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  if (server) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

/** What the fixture's handlers have received so far. */
async function seen(): Promise<Record<string, unknown>> {
  return JSON.parse((await page.getByTestId('fx-seen').textContent()) ?? '{}') as Record<string, unknown>;
}

/** Waits until the fixture has recorded `key` (handlers run in the worker, asynchronously). */
async function seenValue(key: string): Promise<unknown> {
  await page
    .getByTestId('fx-seen')
    .filter({ hasText: `"${key}":` })
    .waitFor();
  return (await seen())[key];
}

describe('preview host components', () => {
  it('gives the extension a HubSpot-like context through props and hooks', async () => {
    expect(await page.getByTestId('fx-context').textContent()).toBe('portal 777, user Ada Lovelace, settings');
  });

  it('calls onClick with an ExtensionEvent and reactions that open a modal; closeOverlay closes it and onClose runs', async () => {
    await page.getByTestId('fx-open').click();
    expect(await seenValue('click')).toEqual({ type: 'click', hasReactions: true });
    const dialog = page.getByRole('dialog', { name: 'Fixture modal' });
    await dialog.waitFor();
    await page.screenshot({ path: join(OUTPUT, 'host-fixture-modal.png') });
    await page.getByTestId('fx-modal-done').click();
    await dialog.waitFor({ state: 'detached' });
    expect(await seenValue('modalClosed')).toBe(true);
  });

  it('shows addAlert as a toast', async () => {
    await page.getByTestId('fx-alert').click();
    const toast = page.getByTestId('preview-alert');
    await toast.waitFor();
    expect(await toast.textContent()).toContain('The fixture saved.');
  });

  it('sends input values: onInput while typing, onChange when committed', async () => {
    const input = page.getByTestId('fx-input').locator('input');
    await input.fill('Grace');
    expect(await seenValue('input')).toBe('Grace');
    expect((await seen()).change).toBeUndefined();
    await input.press('Tab');
    expect(await seenValue('change')).toBe('Grace');
  });

  it('sends a Toggle its checked state and a Select its option value', async () => {
    await page
      .getByRole('switch', { name: 'Enabled' })
      .or(page.getByTestId('fx-toggle').getByRole('switch'))
      .first()
      .click();
    expect(await seenValue('toggle')).toBe(true);
    await page.getByTestId('fx-select').locator('select').selectOption({ label: 'Large' });
    expect(await seenValue('select')).toBe(2);
  });

  it("sends a DateInput HubSpot's date object (month from 0) and a TimeInput hours and minutes", async () => {
    await page.getByTestId('fx-date').locator('input').fill('2026-11-30');
    expect(await seenValue('date')).toEqual({ year: 2026, month: 10, date: 30, formattedDate: '2026-11-30' });
    await page.getByTestId('fx-time').locator('input').fill('09:05');
    expect(await seenValue('time')).toEqual({ hours: 9, minutes: 5 });
  });

  it('switches uncontrolled Tabs and reports the tab id', async () => {
    await page.getByTestId('fx-tab-a').waitFor();
    await page.getByRole('tab', { name: 'Second' }).click();
    await page.getByTestId('fx-tab-b').waitFor();
    expect(await page.getByTestId('fx-tab-a').count()).toBe(0);
    expect(await seenValue('tab')).toBe('b');
  });

  it('submits a Form with event.targetValue', async () => {
    await page.getByLabel('Email').fill('ada@example.com');
    await page.getByTestId('fx-submit').click();
    expect(await seenValue('submit')).toEqual({ email: 'ada@example.com' });
  });

  it('pages a paginated Table through onPageChange', async () => {
    await page.getByRole('button', { name: '2', exact: true }).click();
    await page.getByTestId('fx-page').filter({ hasText: 'Page 2' }).waitFor();
    await page.getByRole('button', { name: 'Next page' }).click();
    await page.getByTestId('fx-page').filter({ hasText: 'Page 3' }).waitFor();
  });

  it('draws a ProgressBar with its percentage', async () => {
    const bar = page.getByTestId('fx-progress');
    expect(await bar.textContent()).toContain('25%');
    expect(await bar.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('30');
  });

  it('shows a component it does not implement as a visible placeholder', async () => {
    const placeholder = page.locator('[data-preview-unknown="CrmPropertyList"]');
    await placeholder.waitFor();
    expect(await placeholder.textContent()).toContain('cannot show CrmPropertyList');
    await page.screenshot({ path: join(OUTPUT, 'host-fixture.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  });

  it("runs the app pages at the URL's location: links, navigateToPage, Back and deep links move the page router", async () => {
    const pages = await context.newPage();
    pages.on('pageerror', (error) => pageErrors.push(error.message));
    const route = async () =>
      JSON.parse((await pages.getByTestId('px-route').textContent()) ?? '{}') as Record<string, unknown>;
    await pages.goto(`${origin}/preview/home/items/5?tab=files`);
    await pages.getByTestId('px-crumb').waitFor();
    expect(await route()).toEqual({ id: 'item', path: '/items/5', params: { id: '5', tab: 'files' } });

    await pages.getByTestId('px-crumb').click();
    await pages.getByTestId('px-link').waitFor();
    expect(pages.url()).toBe(`${origin}/preview/home`);
    expect(await route()).toEqual({ id: 'index', path: '/', params: {} });
    // A PageLink fills :id from params and keeps the rest as the query.
    expect(await pages.getByTestId('px-link').getAttribute('href')).toBe('/preview/home/items/42?tab=notes');
    await pages.getByTestId('px-link').click();
    await pages.getByTestId('px-crumb').waitFor();
    expect(pages.url()).toBe(`${origin}/preview/home/items/42?tab=notes`);
    expect(await route()).toEqual({ id: 'item', path: '/items/42', params: { id: '42', tab: 'notes' } });

    await pages.goBack();
    await pages.getByTestId('px-navigate').waitFor();
    expect(await route()).toEqual({ id: 'index', path: '/', params: {} });
    await pages.getByTestId('px-navigate').click();
    await pages.getByTestId('px-crumb').waitFor();
    expect(pages.url()).toBe(`${origin}/preview/home/items/7`);
    await pages.close();

    // From another page (settings), navigateToPage opens the app pages there.
    await page.getByTestId('fx-app-page').click();
    await page.waitForURL(`${origin}/preview/home/items/9`);
    await page.getByTestId('px-crumb').waitFor();
    expect(pageErrors).toEqual([]);
  });
});
