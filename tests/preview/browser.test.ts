/**
 * The user journey in a real browser: Debian's Chromium driven by playwright-core, on the local
 * preview of the app's HubSpot pages (the unchanged entry files), against the real backend in this
 * process (every call signed by the preview proxy and verified by the backend as in production), with
 * the HubSpot and Pipedrive sandboxes. Screenshots go to test-output/preview/.
 *
 * Chromium is required, not optional: without it this suite fails and says how to install it.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { REPO_ROOT } from '../../preview/server/project.ts';
import { launchChromium } from './support/chromium.ts';
import { PREVIEW_PORTAL_ID, type PreviewStack, startPreviewStack } from './support/preview-stack.ts';
const OUTPUT = join(REPO_ROOT, 'test-output', 'preview');
/** How long one UI state may take to appear (an audit of the sandbox runs in a few seconds). */
const UI_TIMEOUT = 30_000;

let stack: PreviewStack;
let browser: Browser;
let context: BrowserContext;
const pageErrors: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  mkdirSync(OUTPUT, { recursive: true });
  stack = await startPreviewStack();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  context.setDefaultTimeout(UI_TIMEOUT);
  // Errors of the preview pages (the host and the extension's worker); the backend's own OAuth pages are not ours.
  context.on('page', (page) => {
    const ours = () => page.url().includes('/preview/');
    page.on('pageerror', (error) => {
      if (ours()) pageErrors.push(`${page.url()}: ${error.message}`);
    });
    page.on('console', (message) => {
      if (ours() && message.type() === 'error') pageErrors.push(`${page.url()}: console: ${message.text()}`);
    });
  });
}, 120_000);

beforeEach(() => {
  pageErrors.length = 0;
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await stack?.close();
});

/** A screenshot of the whole page, or of the window only (an open overlay covers the window). */
const shot = (page: Page, name: string, fullPage = true) =>
  page.screenshot({ path: join(OUTPUT, `${name}.png`), fullPage });

/** Nothing on the page is a component the host could not render. */
async function expectNoPlaceholders(page: Page): Promise<void> {
  const placeholders = page.locator('[data-preview-unknown]');
  const names: (string | null)[] = [];
  for (let i = 0; i < (await placeholders.count()); i += 1)
    names.push(await placeholders.nth(i).getAttribute('data-preview-unknown'));
  expect(names).toEqual([]);
}

const visible = (locator: Locator) => locator.waitFor({ state: 'visible' });

/** Opens a preview page and waits until the extension has rendered into it. */
async function openPreview(path: string, ready: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${stack.origin}${path}`);
  await visible(page.getByTestId(ready));
  return page;
}

/** The tab a click opens (a link with target=_blank), however it was opened. */
function nextTab(): Promise<Page> {
  return context.waitForEvent('page');
}

describe('local preview in Chromium', () => {
  it('connect flow: a second browser that opens an authorize URL started by another gets a refusal page, and nothing is connected', async () => {
    const page = await openPreview('/preview/home', 'source-pipedrive');
    await page.getByTestId('connect-pipedrive').click();
    const continueLink = page.getByTestId('continue-pipedrive');
    await visible(continueLink);
    const connectUrl = (await continueLink.getAttribute('href')) as string;
    await page.close();
    // The first browser starts the flow (it gets the flow's cookie) but stops at the authorize URL…
    const started = await context.request.get(connectUrl, { maxRedirects: 0 });
    expect(started.status()).toBe(302);
    const authorizeUrl = started.headers().location as string;
    // …and sends it to someone else, whose browser opens it.
    const other = await browser.newContext();
    try {
      const victim = await other.newPage();
      await victim.goto(authorizeUrl);
      await victim.waitForURL(/\/oauth\/pipedrive\/callback\?/);
      await visible(victim.getByRole('heading', { name: 'Connection failed' }));
      expect(await victim.textContent('body')).toContain('Start again from HubSpot');
      await shot(victim, 'connect-other-browser-refused');
    } finally {
      await other.close();
    }
    const connections = await stack.db.pool.query('SELECT count(*)::int AS n FROM connections WHERE portal_id = $1', [
      PREVIEW_PORTAL_ID,
    ]);
    expect(connections.rows[0].n).toBe(0);
  }, 60_000);

  it('app home: finds Pipedrive with the search box and clicks Transfer', async () => {
    const page = await openPreview('/preview/home', 'source-pipedrive');
    const tiles = page.locator('[data-testid^="source-"]:not([data-testid="source-search"])');
    expect(await tiles.count()).toBeGreaterThan(1);
    await expect(page.getByTestId('availability-pipedrive').textContent()).resolves.toBe('Available');
    await shot(page, 'home');

    const search = page.getByTestId('source-search').locator('input');
    await search.fill('pipe');
    await page.getByTestId('source-zoho').waitFor({ state: 'detached' });
    await visible(page.getByTestId('source-pipedrive'));
    expect(await tiles.count()).toBe(1);

    await search.fill('no such app');
    await visible(page.getByTestId('no-matches'));
    await page.getByTestId('clear-search').click();
    await visible(page.getByTestId('source-zoho'));
    expect(await search.inputValue()).toBe('');
    await search.fill('Pipedrive');
    await page.getByTestId('source-zoho').waitFor({ state: 'detached' });

    await page.getByTestId('connect-pipedrive').click();
    const continueLink = page.getByTestId('continue-pipedrive');
    await visible(continueLink);
    expect(await continueLink.getAttribute('href')).toMatch(
      new RegExp(`^${stack.origin}/oauth/pipedrive/start\\?ticket=`),
    );
    expect(await continueLink.getAttribute('target')).toBe('_blank');
    await shot(page, 'home-transfer');
    await expectNoPlaceholders(page);
    expect(pageErrors).toEqual([]);
    await page.close();
  }, 60_000);

  it('settings: switches tabs, connects Pipedrive, audits twice with a comparison, opens a detail and exports the CSV', async () => {
    const page = await openPreview('/preview/settings', 'guide-progress');
    const tab = (name: string) => page.getByRole('tab', { name });
    expect(await tab('User guide').getAttribute('aria-selected')).toBe('true');
    await shot(page, 'settings-user-guide');

    // Tabs: Smart Transfer, back to User guide, then Smart Transfer for the rest.
    await tab('Smart Transfer').click();
    await visible(page.getByTestId('step-section-connect'));
    expect(await page.getByTestId('guide-progress').count()).toBe(0);
    await tab('User guide').click();
    await visible(page.getByTestId('guide-progress'));
    await tab('Smart Transfer').click();
    await visible(page.getByTestId('step-section-connect'));
    await expect(page.getByTestId('connection-pipedrive').textContent()).resolves.toBe('Not connected');

    // Connect through the real flow: ticket → new tab → /oauth/pipedrive/start → Pipedrive authorize → callback.
    await page.getByTestId('connect-pipedrive').click();
    await visible(page.getByTestId('continue-pipedrive'));
    const connectTabOpened = nextTab();
    await page.getByTestId('continue-pipedrive').click();
    const connectTab = await connectTabOpened;
    await connectTab.waitForURL(/\/oauth\/pipedrive\/callback\?/);
    await visible(connectTab.getByRole('heading', { name: 'Pipedrive is connected' }));
    await shot(connectTab, 'settings-connect-callback');
    await connectTab.close();
    await page.getByTestId('check-connection-pipedrive').click();
    await page.getByText('Connected', { exact: true }).first().waitFor();
    await visible(page.getByTestId('audit-workspace-pipedrive'));
    await shot(page, 'settings-connected');

    // First audit.
    await page.getByTestId('audit-start').click();
    await visible(page.getByTestId('audit-complete'));
    await visible(page.getByTestId('audit-objects'));
    await shot(page, 'settings-audit');

    // A detail: the fields of the first object, in its panel.
    const firstCount = page.locator('[data-testid^="object-properties-"]').first();
    const objectKey = (await firstCount.getAttribute('data-testid'))?.replace('object-properties-', '');
    await firstCount.click();
    const panel = page.getByRole('dialog');
    await visible(panel);
    expect(await panel.getAttribute('data-testid')).toBe(`audit-object-${objectKey}`);
    await visible(panel.getByRole('heading', { name: 'Fields' }));
    await shot(page, 'settings-audit-detail', false);
    await panel.getByRole('button', { name: 'Close' }).click();
    await panel.waitFor({ state: 'detached' });

    // Something changes in Pipedrive, then a second audit and its comparison with the first.
    const token = stack.pipedrive.state.apiToken();
    const created = await fetch(`${stack.pipedrive.apiBaseUrl}/api/v2/persons?api_token=${encodeURIComponent(token)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Preview Person' }),
    });
    expect(created.status).toBeLessThan(300);
    await page.getByTestId('audit-start').click();
    await visible(page.getByTestId('audit-running'));
    await visible(page.getByTestId('audit-complete'));
    // The comparison with the first audit: one more person.
    const changes = page.getByTestId('section-changes');
    await visible(changes.getByTestId('changes-records'));
    expect(await changes.getByTestId('no-previous-audit').count()).toBe(0);
    await shot(page, 'settings-audit-comparison');

    // Export: a single-use link, opened in a new tab, downloads the CSV.
    await page.getByTestId('audit-export').click();
    await visible(page.getByTestId('audit-download'));
    await shot(page, 'settings-export');
    // Chromium reports the download of a link opened in a new tab on the page that opened it.
    const downloaded = page.waitForEvent('download');
    await page.getByTestId('audit-download').click();
    const download = await downloaded;
    expect(download.suggestedFilename()).toMatch(/^smart-transfer-audit-pipedrive-\d{4}-\d{2}-\d{2}\.csv$/);
    const csvPath = join(OUTPUT, download.suggestedFilename());
    await download.saveAs(csvPath);
    const csv = readFileSync(csvPath, 'utf8');
    expect(csv.split('\n').length).toBeGreaterThan(2);

    await expectNoPlaceholders(page);
    expect(pageErrors).toEqual([]);
    await page.close();
  }, 120_000);

  // Continues from the connected and audited source of the test above (the wizard works on the latest audit).
  it('prepare HubSpot: walks Data types → Configure → Review → Transfer, and what the ledger holds exists in HubSpot', async () => {
    // A Professional portal: the sandbox's pipelines need more than Starter's two deal pipelines.
    const tier = await fetch(`${stack.hubspot.apiBaseUrl}/_sandbox/portals/${PREVIEW_PORTAL_ID}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tier: 'professional' }),
    });
    expect(tier.status).toBe(200);
    const page = await openPreview('/preview/settings', 'guide-progress');
    await page.getByRole('tab', { name: 'Smart Transfer' }).click();
    const wizard = page.getByTestId('step-section-configure').getByTestId('setup-wizard');
    await visible(wizard);

    // Data types: the defaults, saved.
    await visible(wizard.getByTestId('data-types-save'));
    await shot(page, 'setup-data-types');
    await wizard.getByTestId('data-types-save').click();

    // Configure: the existing-property picker lists the portal's properties (a signed call to the backend,
    // which reads HubSpot), those that can take the field as options; then the field goes back to a new property.
    await visible(wizard.getByTestId('configure-save'));
    const mappable = wizard
      .locator('[data-testid^="property-mode-"] select')
      .filter({ has: page.locator('option', { hasText: 'Map onto an existing property' }) })
      .first();
    await mappable.selectOption({ label: 'Map onto an existing property' });
    const picker = wizard.locator('[data-testid^="property-existing-"]:not([data-testid*="-search-"]) select');
    await visible(picker);
    expect(await picker.locator('option').count()).toBeGreaterThan(1);
    await shot(page, 'setup-existing-property');
    await mappable.selectOption({ label: 'Create a property' });
    await picker.waitFor({ state: 'detached' });

    // Configure: a rate for each currency HubSpot lacks (the readiness asks for them), then save.
    const rates = wizard.locator('[data-testid^="exchange-rate-"] input');
    for (let i = 0; i < (await rates.count()); i += 1) {
      await rates.nth(i).fill('1.25');
      await rates.nth(i).blur();
    }
    await shot(page, 'setup-configure');
    await wizard.getByTestId('configure-save').click();

    // Review: the totals, nothing left to fill in.
    const totals = wizard.getByTestId('review-totals');
    await visible(totals);
    expect(await wizard.getByTestId('review-not-ready').count()).toBe(0);
    const toCreate = Number((await totals.locator('.pv-stat-number').first().textContent())?.replace(/\D/g, ''));
    expect(toCreate).toBeGreaterThan(0);
    await shot(page, 'setup-review');

    // Transfer: the setup runs to completion, with its tiles.
    await wizard.getByTestId('setup-transfer').click();
    await visible(wizard.getByTestId('setup-progress'));
    await wizard.getByTestId('setup-status').getByText('Complete', { exact: true }).waitFor({ timeout: 120_000 });
    const tiles = wizard.getByTestId('setup-tiles').locator('.pv-stat');
    expect(await tiles.locator('.pv-stat-label').allTextContents()).toEqual(['Created', 'Reused', 'Failed']);
    const tile = async (index: number) =>
      Number((await tiles.nth(index).locator('.pv-stat-number').textContent())?.replace(/\D/g, ''));
    expect(await tile(0)).toBeGreaterThan(0);
    expect(await tile(2)).toBe(0);
    await shot(page, 'setup-complete');

    // Through HubSpot's API (the sandbox's inspection): every property, group and pipeline the ledger holds exists.
    const { rows } = await stack.db.pool.query<{
      item_type: string;
      hubspot_object: string;
      item_key: string;
      hubspot_id: string;
    }>(`SELECT item_type, hubspot_object, item_key, hubspot_id FROM ledger_entries WHERE state = 'confirmed'`);
    const response = await fetch(`${stack.hubspot.apiBaseUrl}/_sandbox/portals/${PREVIEW_PORTAL_ID}/state`);
    const state = (await response.json()) as {
      properties: Record<string, { custom: { name: string }[]; groups: { name: string }[] }>;
      pipelines: { deals: { id: string }[] };
    };
    const inHubSpot = (type: string) =>
      Object.entries(state.properties).flatMap(([object, entry]) =>
        (type === 'property' ? entry.custom : entry.groups).map((item) => `${object}.${item.name}`),
      );
    const inLedger = (type: string) =>
      rows.filter((row) => row.item_type === type).map((row) => `${row.hubspot_object}.${row.item_key}`);
    for (const type of ['property', 'property_group']) {
      expect(inLedger(type).length).toBeGreaterThan(0);
      expect(inHubSpot(type)).toEqual(expect.arrayContaining(inLedger(type)));
    }
    const pipelines = rows.filter((row) => row.item_type === 'pipeline').map((row) => row.hubspot_id);
    expect(pipelines.length).toBeGreaterThan(0);
    expect(state.pipelines.deals.map((pipeline) => pipeline.id)).toEqual(expect.arrayContaining(pipelines));

    // Sync records: automatic sync (on by default) started when setup completed; it runs to the end, per task.
    const sync = page.getByTestId('step-section-sync').getByTestId('sync-step');
    await visible(sync);
    await sync.getByTestId('sync-status').getByText('Complete', { exact: true }).waitFor({ timeout: 180_000 });
    await visible(sync.getByTestId('sync-tasks'));
    const syncTiles = sync.getByTestId('sync-tiles').locator('.pv-stat-label');
    expect(await syncTiles.allTextContents()).toEqual(['Read', 'Written', 'Skipped', 'Failed']);
    await shot(page, 'sync-complete');

    await expectNoPlaceholders(page);
    expect(pageErrors).toEqual([]);
    await page.close();
  }, 420_000);

  // Continues from the connected and audited source of the tests above.
  it("app home pages: the SDK's page router moves with links, the browser's Back and a deep link", async () => {
    const page = await openPreview('/preview/home', 'source-pipedrive');
    const home = `${stack.origin}/preview/home`;

    // navigateToPage: the audit's full results, then Prepare HubSpot; each page has its own URL.
    await page.getByTestId('source-pipedrive').getByTestId('audit-open-results').click();
    await visible(page.getByTestId('audit-objects'));
    expect(page.url()).toBe(`${home}/sources/pipedrive/audit`);
    await page.getByTestId('open-setup').click();
    await visible(page.getByTestId('setup-wizard'));
    expect(page.url()).toBe(`${home}/sources/pipedrive/setup`);
    await shot(page, 'home-setup');

    // The browser's Back button moves the extension too, and a breadcrumb link moves in place.
    await page.goBack();
    await visible(page.getByTestId('audit-objects'));
    expect(await page.getByTestId('setup-wizard').count()).toBe(0);
    const toApps = page.getByTestId('back-to-apps');
    expect(await toApps.getAttribute('href')).toBe('/preview/home');
    await toApps.click();
    await visible(page.getByTestId('source-search'));
    expect(page.url()).toBe(home);

    // A deep link (or a reload) opens that page directly.
    await page.goto(`${home}/sources/pipedrive/setup`);
    await visible(page.getByTestId('setup-wizard'));
    await visible(page.getByTestId('back-to-audit'));
    await page.goto(`${home}/no/such/page`);
    await visible(page.getByTestId('page-not-found'));

    await expectNoPlaceholders(page);
    expect(pageErrors).toEqual([]);
    await page.close();
  }, 60_000);
});
