import type { Locator, Page } from 'playwright-core';

/** Opens the page's XML editor with its edit button; returns the editor and the definition it started from. */
export async function openXmlEditor(page: Page, editButton: string): Promise<{ editor: Locator; original: string }> {
  await page.getByRole('button', { name: editButton }).click();
  const editor = page.getByTestId('xml-editor');
  return { editor, original: await editor.inputValue() };
}

/** Puts this XML in the editor and asks for the review of the changes (nothing is saved yet). */
export async function reviewXml(page: Page, editor: Locator, xml: string): Promise<void> {
  await editor.fill(xml);
  await page.getByRole('button', { name: 'Review changes' }).click();
}

/** Reviews this XML and applies it; whether it was saved or refused is for the caller to check. */
export async function applyXml(page: Page, editor: Locator, xml: string): Promise<void> {
  await reviewXml(page, editor, xml);
  await page.getByRole('button', { name: 'Apply' }).click();
}
