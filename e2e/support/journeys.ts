import { expect } from 'vitest';
import type { Page } from 'playwright-core';

export const adminPassword = 'admin-password-123';

export async function createFirstAdmin(page: Page, setupCode: string, username = 'admin'): Promise<void> {
  await page.goto('/');
  await page.waitForURL('**/setup');
  await page.getByLabel('Setup code').fill(setupCode);
  await page.getByLabel('Admin user name').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(adminPassword);
  await page.getByLabel('Repeat password').fill(adminPassword);
  await page.getByRole('button', { name: 'Create admin account' }).click();
  await page.waitForURL((u) => u.pathname === '/');
  expect(await page.getByTestId('current-user').textContent()).toContain(username);
}

export async function login(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => u.pathname === '/');
}

export async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL('**/login');
}

/** Calls the API from inside the page, with its cookies and CSRF token, as the UI would. */
export async function apiFromPage(page: Page, path: string, method = 'GET', body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  return page.evaluate(
    async ({ path, method, body }) => {
      const csrf = decodeURIComponent(document.cookie.match(/(?:^|;\s*)vireo_csrf=([^;]*)/)?.[1] ?? '');
      const res = await fetch(path, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json().catch(() => ({}))) as Record<string, unknown> };
    },
    { path, method, body },
  );
}
