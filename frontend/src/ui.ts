// Small DOM helpers shared by the views: element lookup and creation, the error banner, toasts,
// number formatting, and crisp scaling of tiny thumbnails.

import { ApiError } from './api';

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`Missing element #${id}`);
  return element as T;
}

type Attrs = Record<string, string | number | boolean | undefined>;

/** Creates an element with attributes (`class`, `data-*`, `aria-*`, …) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Node | string | null | undefined | false)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child);
  }
  return element;
}

// --- Formatting -------------------------------------------------------------------------------

const integer = new Intl.NumberFormat('en-US');

export function formatCount(n: number): string {
  return integer.format(n);
}

export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '–';
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  if (ms < 1) return `${ms.toFixed(2)} ms`;
  if (ms < 100) return `${ms.toFixed(1)} ms`;
  if (ms < 10_000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}

export function formatDate(epoch: number): string {
  if (!Number.isFinite(epoch) || epoch <= 0) return '–';
  // The API may send epoch seconds or milliseconds.
  const date = new Date(epoch < 1e12 ? epoch * 1000 : epoch);
  return date.toLocaleString();
}

// --- Images -----------------------------------------------------------------------------------

/** Thumbnails of small images (Fashion-MNIST is 28×28) are scaled up with hard pixel edges. */
export function pixelateWhenTiny(img: HTMLImageElement, threshold = 64): void {
  const apply = () => {
    const tiny = img.naturalWidth > 0 && Math.max(img.naturalWidth, img.naturalHeight) <= threshold;
    img.classList.toggle('pixelated', tiny);
  };
  if (img.complete && img.naturalWidth > 0) apply();
  img.addEventListener('load', apply);
}

// --- Error banner -----------------------------------------------------------------------------

export function showError(error: unknown, fallbackTitle = 'Something went wrong'): void {
  let title = fallbackTitle;
  let detail = '';
  if (error instanceof ApiError) {
    if (error.cancelled) return;
    title = error.title;
    detail = error.detail;
  } else if (error instanceof Error) {
    detail = error.message;
  } else if (typeof error === 'string') {
    detail = error;
  }
  byId('error-title').textContent = title;
  byId('error-detail').textContent = detail;
  byId('error').hidden = false;
}

export function clearError(): void {
  byId('error').hidden = true;
  byId('error-title').textContent = '';
  byId('error-detail').textContent = '';
}

export function initErrorBanner(): void {
  byId('error-close').addEventListener('click', clearError);
}

// --- Toasts -----------------------------------------------------------------------------------

export function toast(message: string, kind: 'info' | 'success' | 'error' = 'info', ms = 4000): void {
  const item = h('div', { class: `toast toast-${kind}`, role: kind === 'error' ? 'alert' : 'status' }, message);
  byId('toasts').append(item);
  window.setTimeout(() => {
    item.classList.add('leaving');
    window.setTimeout(() => item.remove(), 300);
  }, ms);
}

export function setBusy(button: HTMLButtonElement, busy: boolean): void {
  button.disabled = busy;
  button.classList.toggle('busy', busy);
  button.setAttribute('aria-busy', String(busy));
}
