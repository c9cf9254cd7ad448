// Typed client of the Lookalike REST API. Every error the server returns is an RFC 9457 problem
// document; failures surface as ApiError carrying it, so the UI can show `detail` verbatim.

export type SearchMode = 'diffusion' | 'dense' | 'hash' | 'hybrid' | 'exact';

export const SEARCH_MODES: readonly SearchMode[] = ['diffusion', 'hybrid', 'dense', 'hash', 'exact'];

export interface Hit {
  id: string;
  uri: string | null;
  label: string | null;
  score: number;
  hamming: number;
  distance: number;
}

export interface SearchResponse {
  hits: Hit[];
  mode: string;
  k: number;
  offset: number;
  tookMs: number;
}

export interface StoredImage {
  id: string;
  uri: string | null;
  label: string | null;
  metadata: Record<string, string> | null;
  addedAt: number;
}

export interface Stats {
  count: number;
  model: string;
  modelSource: string;
  latent: number;
  bits: number;
  inputSize: number;
  inputChannels: number;
  indexSizeBytes: number;
  segments: number;
  indexDirectory: string;
}

export interface MapPoint {
  id: string;
  label: string | null;
  x: number;
  y: number;
}

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
}

export interface SearchOptions {
  k: number;
  mode: SearchMode;
  offset: number;
  label: string;
}

/** A failed request: an HTTP error with its problem document, a network failure, or a cancelled key prompt. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(status: number, problem: Problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }

  get title(): string {
    return this.problem.title || (this.status ? `Request failed (HTTP ${this.status})` : 'Request failed');
  }

  get detail(): string {
    return this.problem.detail || '';
  }

  /** True when the user dismissed the API key dialog: nothing to report. */
  get cancelled(): boolean {
    return this.problem.type === 'about:cancelled';
  }
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

// ---------------------------------------------------------------------------------------------
// API key: asked for only after the server refused a write with 401, then kept in sessionStorage.

const KEY_STORAGE = 'lookalike.apiKey';

/** Shows the key dialog; resolves to the key entered, or null when the user cancels. */
export type KeyPrompt = (message: string, retry: boolean) => Promise<string | null>;

let keyPrompt: KeyPrompt = async () => null;

export function setKeyPrompt(prompt: KeyPrompt): void {
  keyPrompt = prompt;
}

function storedKey(): string | null {
  try {
    return sessionStorage.getItem(KEY_STORAGE);
  } catch {
    return null;
  }
}

function storeKey(key: string | null): void {
  try {
    if (key) sessionStorage.setItem(KEY_STORAGE, key);
    else sessionStorage.removeItem(KEY_STORAGE);
  } catch {
    // Storage may be unavailable (private mode); the key then lives for this request only.
  }
}

export function hasStoredKey(): boolean {
  return storedKey() !== null;
}

export function forgetKey(): void {
  storeKey(null);
}

// ---------------------------------------------------------------------------------------------

async function problemOf(response: Response): Promise<Problem> {
  const type = response.headers.get('content-type') ?? '';
  try {
    if (type.includes('json')) {
      const body: unknown = await response.json();
      if (body && typeof body === 'object') return body as Problem;
    } else {
      const text = (await response.text()).trim();
      if (text && text.length < 500 && !text.startsWith('<')) {
        return { status: response.status, title: response.statusText || undefined, detail: text };
      }
    }
  } catch {
    // An unreadable body: fall through to the status line.
  }
  return { status: response.status, title: response.statusText || `HTTP ${response.status}` };
}

async function send(url: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (error) {
    if (isAbort(error)) throw error;
    throw new ApiError(0, {
      title: 'Cannot reach the server',
      detail: 'The Lookalike server did not answer. Check that it is running and try again.',
    });
  }
  return response;
}

async function request(url: string, init: RequestInit = {}): Promise<Response> {
  const response = await send(url, init);
  if (!response.ok) throw new ApiError(response.status, await problemOf(response));
  return response;
}

async function json<T>(url: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  headers.set('Accept', 'application/json');
  const response = await request(url, { ...init, headers });
  return (await response.json()) as T;
}

/**
 * A write (add, delete). Sends the stored key if there is one; on 401 asks for a key, stores it,
 * and retries, until the server accepts or the user cancels.
 */
async function write(url: string, init: () => RequestInit): Promise<Response> {
  let retry = false;
  for (;;) {
    const base = init();
    const headers = new Headers(base.headers);
    headers.set('Accept', 'application/json');
    const key = storedKey();
    if (key) headers.set('X-Api-Key', key);
    const response = await send(url, { ...base, headers });
    if (response.status !== 401) {
      if (!response.ok) throw new ApiError(response.status, await problemOf(response));
      return response;
    }
    const problem = await problemOf(response);
    if (key) forgetKey();
    const entered = await keyPrompt(
      problem.detail || 'This server needs an API key to add or delete images.',
      retry || key !== null,
    );
    if (entered === null) {
      throw new ApiError(401, { type: 'about:cancelled', title: 'API key required', detail: problem.detail });
    }
    storeKey(entered);
    retry = true;
  }
}

function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(name, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

function searchQuery(options: SearchOptions): string {
  return query({ k: options.k, mode: options.mode, offset: options.offset || undefined, label: options.label });
}

const enc = encodeURIComponent;

export function thumbnailUrl(id: string): string {
  return `/api/images/${enc(id)}/thumbnail`;
}

export function searchByImage(file: Blob, options: SearchOptions, signal?: AbortSignal): Promise<SearchResponse> {
  const form = new FormData();
  form.append('image', file, file instanceof File ? file.name : 'query');
  return json<SearchResponse>(`/api/search${searchQuery(options)}`, { method: 'POST', body: form, signal });
}

export function searchSimilar(id: string, options: SearchOptions, signal?: AbortSignal): Promise<SearchResponse> {
  return json<SearchResponse>(`/api/images/${enc(id)}/similar${searchQuery(options)}`, { signal });
}

export function getImage(id: string, signal?: AbortSignal): Promise<StoredImage> {
  return json<StoredImage>(`/api/images/${enc(id)}`, { signal });
}

export function getStats(): Promise<Stats> {
  return json<Stats>('/api/stats');
}

export async function getLabels(): Promise<string[]> {
  const labels = await json<unknown>('/api/labels');
  return Array.isArray(labels) ? labels.filter((l): l is string => typeof l === 'string') : [];
}

export async function getMap(n: number, signal?: AbortSignal): Promise<MapPoint[]> {
  const body = await json<{ points?: MapPoint[] }>(`/api/map${query({ n })}`, { signal });
  return Array.isArray(body.points) ? body.points : [];
}

export async function addImage(file: File, label: string, uri: string): Promise<string> {
  const response = await write('/api/images', () => {
    const form = new FormData();
    form.append('image', file, file.name);
    if (label.trim()) form.append('label', label.trim());
    if (uri.trim()) form.append('uri', uri.trim());
    return { method: 'POST', body: form };
  });
  const body = (await response.json()) as { id: string };
  return body.id;
}

export async function deleteImage(id: string): Promise<void> {
  await write(`/api/images/${enc(id)}`, () => ({ method: 'DELETE' }));
}

/** An indexed image's thumbnail as a PNG blob, to upload it again (for instance to the VAE). */
export async function getThumbnail(id: string, signal?: AbortSignal): Promise<Blob> {
  const response = await request(thumbnailUrl(id), { signal });
  return response.blob();
}

// ---------------------------------------------------------------------------------------------
// Generated images (the server's VAE). Each answers {"images": ["data:image/png;base64,…", …]};
// without a generative model the server answers 503 with type /problems/no-generative-model.

export interface SamplingOptions {
  n: number;
  temperature: number;
  seed: number;
}

/** True when the server has no generative model (503, `/problems/no-generative-model`). */
export function isNoGenerativeModel(error: unknown): boolean {
  return error instanceof ApiError && (error.problem.type ?? '').endsWith('/no-generative-model');
}

async function generated(url: string, init: RequestInit): Promise<string[]> {
  const body = await json<{ images?: unknown }>(url, init);
  const images = Array.isArray(body.images) ? body.images : [];
  // Only images, and only inline ones: the strings go straight into <img src>.
  return images.filter((image): image is string => typeof image === 'string' && image.startsWith('data:image/'));
}

function samplingQuery(options: SamplingOptions): string {
  return query({ n: options.n, temperature: options.temperature.toFixed(1), seed: options.seed });
}

/** `n` variants sampled around an image: `POST /api/augment`. */
export function augment(image: Blob, options: SamplingOptions, signal?: AbortSignal): Promise<string[]> {
  const form = new FormData();
  form.append('image', image, image instanceof File && image.name ? image.name : 'query.png');
  return generated(`/api/augment${samplingQuery(options)}`, { method: 'POST', body: form, signal });
}

/** `steps` images morphing indexed image `a` into indexed image `b`: `GET /api/interpolate`. */
export function interpolateIds(a: string, b: string, steps: number, signal?: AbortSignal): Promise<string[]> {
  return generated(`/api/interpolate${query({ a, b, steps })}`, { signal });
}

/** `steps` images morphing image file `a` into image file `b`: `POST /api/interpolate`. */
export function interpolateFiles(a: Blob, b: Blob, steps: number, signal?: AbortSignal): Promise<string[]> {
  const form = new FormData();
  form.append('a', a, a instanceof File && a.name ? a.name : 'a.png');
  form.append('b', b, b instanceof File && b.name ? b.name : 'b.png');
  return generated(`/api/interpolate${query({ steps })}`, { method: 'POST', body: form, signal });
}

/** `n` samples from the VAE's prior: `GET /api/sample`. */
export function sample(options: SamplingOptions, signal?: AbortSignal): Promise<string[]> {
  return generated(`/api/sample${samplingQuery(options)}`, { signal });
}
