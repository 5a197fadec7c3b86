import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUEUE_NAMES } from '@connector/core';
import { observedChangeJobId } from '@connector/state';
import { ALICE, PASSWORD, changeJob, config, startDashboard, type DashboardFixture } from './dashboard.test-support.js';

// Debian's chromium (.ci/run installs it); never a downloaded browser.
const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), '..', 'test-artifacts');

let f: DashboardFixture;
let browser: Browser;
let base: string;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (see .ci/run)`);
  f = await startDashboard('dashboard_browser');
  await f.app.listen({ port: 0, host: '127.0.0.1' });
  const address = f.app.server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  await f.registry.publish([{ crmUser: 'alice', crmUserId: 'u-alice', smtp: ALICE, rules: config.rules }]);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});
afterAll(async () => {
  await browser?.close();
  await f?.close();
});

describe('dashboard in a browser', () => {
  it('refuses a wrong password', async () => {
    const context = await browser.newContext({ httpCredentials: { username: 'admin', password: 'wrong' } });
    const response = await (await context.newPage()).goto(`${base}/`);
    expect(response?.status()).toBe(401);
    expect(await response?.text()).toBe('authentication required');
    await context.close();
  });

  it('lists every queue in the queue view and retries a quarantined item from the mailbox page', async () => {
    const job = changeJob(ALICE, 'Board meeting');
    const entry = await f.state.quarantine.quarantine({
      mailbox: ALICE, objectType: 'appointment', side: 'exchange', sourceId: job.exchange!.itemId, errorCode: 'CRM_REJECTED', reason: 'the CRM refused the record', payload: job,
    });
    const context = await browser.newContext({ httpCredentials: { username: 'admin', password: PASSWORD } });
    const page = await context.newPage();

    await page.goto(`${base}/queues`);
    // bull-board renders its queue list in the browser; wait until every queue shows.
    await expect.poll(() => page.locator('body').innerText(), { timeout: 15_000 }).toSatisfy((text: string) => QUEUE_NAMES.every((n) => text.includes(n)));

    await page.goto(`${base}/`);
    await page.getByRole('link', { name: ALICE }).click();
    const row = page.locator(`tr[data-quarantine="${entry.id}"]`);
    await expect(row.innerText()).resolves.toContain('the CRM refused the record');
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'mailbox-page.png'), fullPage: true });

    await row.getByRole('button', { name: 'Retry' }).click();
    await page.waitForURL(/flash=retried/);
    await expect(page.locator('[data-flash="retried"]').innerText()).resolves.toContain('queued again');
    expect(await row.count()).toBe(0);
    const requeued = await f.queues.changes.queue.getJob(`${observedChangeJobId(job)}-r1`);
    expect(requeued?.data).toMatchObject({ mailbox: ALICE, item: { subject: 'Board meeting' } });
    await context.close();
  });
});
