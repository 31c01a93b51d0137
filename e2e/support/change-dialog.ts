import type { Locator } from 'playwright-core';

/**
 * Fields of a form or dialog by their exact labels, in the order they are set (a field may appear only once an
 * earlier one is set): `true` ticks a radio button or checkbox, text is picked in a select or typed into any other field.
 */
export type Fields = Record<string, string | true>;

export async function setFields(scope: Locator, fields: Fields): Promise<void> {
  for (const [label, value] of Object.entries(fields)) {
    const field = scope.getByLabel(label, { exact: true });
    if (value === true) await field.check();
    else if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption(value);
    else await field.fill(value);
  }
}

/** Opens a change dialog with its button in `section`; the dialog is named as the button ("Add disk…" opens "Add disk") unless told. */
export async function openDialog(section: Locator, button: string, dialog = button.replace(/…$/, '')): Promise<Locator> {
  await section.getByRole('button', { name: button }).click();
  return section.page().getByRole('dialog', { name: dialog });
}

/** Sets the dialog's fields, submits it with its `submit` button and waits for it to close: the change was accepted. */
export async function submitDialog(dialog: Locator, fields: Fields, submit: string, timeout = 60_000): Promise<void> {
  await setFields(dialog, fields);
  await dialog.getByRole('button', { name: submit }).click();
  await dialog.waitFor({ state: 'hidden', timeout });
}
