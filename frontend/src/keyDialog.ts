// The API key dialog: opened by api.ts only after the server refused a write with 401.

import { setKeyPrompt } from './api';
import { byId } from './ui';

export function initKeyDialog(): void {
  const dialog = byId<HTMLDialogElement>('api-key-dialog');
  const form = byId<HTMLFormElement>('api-key-form');
  const input = byId<HTMLInputElement>('api-key-input');
  const message = byId('api-key-message');
  const cancel = byId<HTMLButtonElement>('api-key-cancel');

  let pending: ((key: string | null) => void) | null = null;

  const finish = (key: string | null) => {
    const resolve = pending;
    pending = null;
    if (dialog.open) dialog.close();
    input.value = '';
    resolve?.(key);
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const key = input.value.trim();
    if (!key) {
      input.focus();
      return;
    }
    finish(key);
  });
  cancel.addEventListener('click', () => finish(null));
  // Escape closes a modal dialog through its 'cancel' event.
  dialog.addEventListener('cancel', (event) => {
    event.preventDefault();
    finish(null);
  });
  dialog.addEventListener('close', () => {
    if (pending) finish(null);
  });

  setKeyPrompt(
    (detail, retry) =>
      new Promise<string | null>((resolve) => {
        if (pending) pending(null);
        pending = resolve;
        message.textContent = retry
          ? 'The server refused that key. Enter a valid API key to continue.'
          : 'This server needs an API key to add or delete images.';
        if (detail) message.append(document.createElement('br'), Object.assign(document.createElement('small'), {
          className: 'muted',
          textContent: detail,
        }));
        dialog.classList.toggle('retry', retry);
        input.value = '';
        if (typeof dialog.showModal === 'function') dialog.showModal();
        else dialog.setAttribute('open', '');
        input.focus();
      }),
  );
}
