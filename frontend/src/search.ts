// The search view: query input (drop, paste, pick), search options, and running searches by an
// uploaded image or by an indexed image, with "load more" paging.

import {
  ApiError,
  type Hit,
  type SearchMode,
  type SearchOptions,
  type SearchResponse,
  SEARCH_MODES,
  deleteImage,
  getImage,
  getMap,
  isAbort,
  searchByImage,
  searchSimilar,
  thumbnailUrl,
} from './api';
import { ResultsView } from './results';
import { byId, clearError, formatBytes, formatCount, formatMs, h, pixelateWhenTiny, showError, toast } from './ui';
import { VariantsPanel } from './variants';

type Query =
  | { kind: 'file'; file: Blob; name: string; url: string }
  | { kind: 'id'; id: string; label: string | null };

const MODE_HELP: Record<SearchMode, string> = {
  diffusion:
    'Diffusion: the nearest codes re-ranked by what their neighbourhood in your collection points to. Best matches.',
  hybrid: 'Hybrid: Hamming-distance candidates re-ranked by dense cosine similarity. Fast and accurate.',
  dense: 'Dense: approximate nearest neighbours of the dense codes (HNSW graph), by cosine similarity.',
  hash: 'Hash: binary codes compared by Hamming distance through bucket lookups. Fastest.',
  exact: 'Exact: brute-force cosine similarity over every image. Slowest, but the ground truth.',
};

const THUMB_PATH = /\/api\/images\/([^/?#]+)\/thumbnail/;
/** A generated image (variant or morph step) dragged from the variants panel. */
const DATA_IMAGE = /^data:image\/[\w.+-]+;base64,/;

export class SearchView {
  private readonly dropZone = byId('drop-zone');
  private readonly fileInput = byId<HTMLInputElement>('file-input');
  private readonly queryCard = byId('query-card');
  private readonly queryImage = byId<HTMLImageElement>('query-image');
  private readonly queryName = byId('query-name');
  private readonly queryMeta = byId('query-meta');
  private readonly kSelect = byId<HTMLSelectElement>('k-select');
  private readonly modeSelect = byId<HTMLSelectElement>('mode-select');
  private readonly labelSelect = byId<HTMLSelectElement>('label-select');
  private readonly modeHelp = byId('mode-help');
  private readonly took = byId('took');
  private readonly loadMore = byId<HTMLButtonElement>('load-more');
  private readonly randomButton = byId<HTMLButtonElement>('random-button');
  private readonly results: ResultsView;
  private readonly variants = new VariantsPanel();

  private query: Query | null = null;
  private running: AbortController | null = null;
  private loaded = 0;
  private exhausted = true;
  private totalMs = 0;

  /**
   * @param active whether the search view is the visible one (pasting elsewhere does not search)
   * @param show switches to the search view
   * @param changed called after the collection changed (a delete)
   */
  constructor(
    private readonly active: () => boolean,
    private readonly show: () => void,
    private readonly changed: () => void,
  ) {
    this.results = new ResultsView({
      open: (hit) => this.searchById(hit.id, hit.label),
      remove: (hit, card) => void this.remove(hit, card),
      morph: (hit, rank) => void this.variants.morph(hit, rank),
    });
    this.wireInput();
    this.wireControls();
    this.queryImage.addEventListener('error', () => this.queryCard.classList.add('no-preview'));
    this.queryImage.addEventListener('load', () => this.queryCard.classList.remove('no-preview'));
    pixelateWhenTiny(this.queryImage);
    byId('query-clear').addEventListener('click', () => this.clear());
    this.loadMore.addEventListener('click', () => void this.run(true));
    this.randomButton.addEventListener('click', () => void this.random());
    this.updateModeHelp();
  }

  // --- Public -----------------------------------------------------------------------------------

  /** Searches with an uploaded (dropped, pasted, picked) image. */
  searchByFile(file: Blob, name?: string): void {
    this.setQuery({
      kind: 'file',
      file,
      name: name ?? (file instanceof File && file.name ? file.name : 'Pasted image'),
      url: URL.createObjectURL(file),
    });
    void this.run(false);
  }

  /** Searches by an image already in the index. */
  searchById(id: string, label: string | null = null): void {
    this.setQuery({ kind: 'id', id, label });
    this.show();
    void this.run(false);
    window.scrollTo({ top: 0, behavior: 'smooth' });
  }

  /** Fills the label filter with the labels present in the index. */
  setLabels(labels: string[]): void {
    const current = this.labelSelect.value;
    const options = [h('option', { value: '' }, 'Any label')];
    for (const label of [...labels].sort((a, b) => a.localeCompare(b))) {
      options.push(h('option', { value: label }, label));
    }
    this.labelSelect.replaceChildren(...options);
    this.labelSelect.value = labels.includes(current) ? current : '';
  }

  // --- Input ------------------------------------------------------------------------------------

  private wireInput(): void {
    const zone = this.dropZone;
    zone.addEventListener('click', () => this.fileInput.click());
    zone.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        this.fileInput.click();
      }
    });
    this.fileInput.addEventListener('change', () => {
      const file = this.fileInput.files?.[0];
      if (file) this.searchByFile(file);
      // Picking the same file again must fire 'change' again.
      this.fileInput.value = '';
    });

    let depth = 0;
    zone.addEventListener('dragenter', (event) => {
      event.preventDefault();
      depth++;
      zone.classList.add('dragging');
    });
    zone.addEventListener('dragleave', () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) zone.classList.remove('dragging');
    });
    zone.addEventListener('dragover', (event) => {
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    });
    zone.addEventListener('drop', (event) => {
      event.preventDefault();
      event.stopPropagation();
      depth = 0;
      zone.classList.remove('dragging');
      this.handleDrop(event.dataTransfer);
    });

    // A drop that misses the zone must not navigate away from the app; on the search view it
    // counts as a query anyway.
    const onFileInput = (event: Event) =>
      event.target instanceof Element && event.target.closest('input[type=file]') !== null;
    window.addEventListener('dragover', (event) => {
      if (!onFileInput(event)) event.preventDefault();
    });
    window.addEventListener('drop', (event) => {
      if (onFileInput(event)) return;
      event.preventDefault();
      if (this.active()) this.handleDrop(event.dataTransfer);
    });

    document.addEventListener('paste', (event) => {
      const items = event.clipboardData?.items;
      if (!items) return;
      for (const item of Array.from(items)) {
        if (item.kind === 'file' && item.type.startsWith('image/')) {
          const file = item.getAsFile();
          if (!file) continue;
          event.preventDefault();
          this.show();
          this.searchByFile(file, file.name && file.name !== 'image.png' ? file.name : 'Pasted image');
          return;
        }
      }
    });
  }

  private handleDrop(data: DataTransfer | null): void {
    if (!data) return;
    const file = Array.from(data.files).find((f) => f.type.startsWith('image/')) ?? data.files[0];
    if (file) {
      this.searchByFile(file);
      return;
    }
    // A thumbnail dragged from the results grid or the map: search by its id.
    const uri = (data.getData('text/uri-list') || data.getData('text/plain')).trim();
    if (DATA_IMAGE.test(uri)) {
      void this.searchByDataUrl(uri);
      return;
    }
    const match = uri ? THUMB_PATH.exec(uri) : null;
    if (match) {
      this.searchById(decodeURIComponent(match[1]));
      return;
    }
    if (uri) {
      showError(
        new ApiError(0, {
          title: 'Cannot use this drop',
          detail: 'Drop an image file (or paste one). Images from other web pages must be saved first.',
        }),
      );
    }
  }

  private async searchByDataUrl(url: string): Promise<void> {
    try {
      const blob = await (await fetch(url)).blob();
      this.searchByFile(blob, 'Generated image');
    } catch (error) {
      showError(error, 'Cannot use this drop');
    }
  }

  // --- Controls ---------------------------------------------------------------------------------

  private wireControls(): void {
    const rerun = () => {
      if (this.query) void this.run(false);
    };
    this.kSelect.addEventListener('change', rerun);
    this.labelSelect.addEventListener('change', rerun);
    this.modeSelect.addEventListener('change', () => {
      this.updateModeHelp();
      rerun();
    });
    byId('controls').addEventListener('submit', (event) => event.preventDefault());
  }

  private updateModeHelp(): void {
    const mode = this.mode();
    this.modeHelp.textContent = MODE_HELP[mode];
  }

  private mode(): SearchMode {
    const value = this.modeSelect.value as SearchMode;
    return SEARCH_MODES.includes(value) ? value : 'diffusion';
  }

  private k(): number {
    const k = Number.parseInt(this.kSelect.value, 10);
    return Number.isFinite(k) && k >= 1 ? Math.min(k, 1000) : 10;
  }

  private options(offset: number): SearchOptions {
    return { k: this.k(), mode: this.mode(), offset, label: this.labelSelect.value };
  }

  // --- Query ------------------------------------------------------------------------------------

  private setQuery(query: Query): void {
    if (this.query?.kind === 'file') URL.revokeObjectURL(this.query.url);
    this.query = query;
    this.queryCard.hidden = false;
    this.queryCard.classList.remove('no-preview');
    this.dropZone.classList.add('has-query');
    if (query.kind === 'file') {
      this.queryImage.src = query.url;
      this.queryImage.alt = `Query image: ${query.name}`;
      this.queryName.textContent = query.name;
      this.queryName.title = query.name;
      const type = query.file.type ? query.file.type.replace('image/', '').toUpperCase() : 'file';
      this.queryMeta.textContent = `Uploaded ${type} · ${formatBytes(query.file.size)}`;
    } else {
      this.queryImage.src = thumbnailUrl(query.id);
      const label = query.label ?? 'Indexed image';
      this.queryImage.alt = `Query image: ${label}`;
      this.queryName.textContent = label;
      this.queryName.title = query.id;
      this.queryMeta.textContent = `Indexed · ${query.id}`;
      if (query.label === null) void this.fillLabel(query);
    }
    this.variants.setQuery(query.kind === 'file' ? { kind: 'file', file: query.file } : { kind: 'id', id: query.id });
  }

  private async fillLabel(query: Query & { kind: 'id' }): Promise<void> {
    try {
      const image = await getImage(query.id);
      if (this.query !== query) return;
      query.label = image.label;
      if (image.label) {
        this.queryName.textContent = image.label;
        this.queryImage.alt = `Query image: ${image.label}`;
      }
      if (image.uri) this.queryMeta.textContent = `Indexed · ${image.uri}`;
    } catch {
      // Only a caption: the search itself reports a missing image.
    }
  }

  private clear(): void {
    this.running?.abort();
    this.running = null;
    if (this.query?.kind === 'file') URL.revokeObjectURL(this.query.url);
    this.query = null;
    this.queryCard.hidden = true;
    this.queryImage.removeAttribute('src');
    this.dropZone.classList.remove('has-query');
    this.took.textContent = '';
    this.loadMore.hidden = true;
    this.results.reset();
    this.variants.clear();
    clearError();
  }

  // --- Running ----------------------------------------------------------------------------------

  private async run(append: boolean): Promise<void> {
    const query = this.query;
    if (!query) return;
    this.running?.abort();
    const controller = new AbortController();
    this.running = controller;
    const options = this.options(append ? this.loaded : 0);
    clearError();
    this.loadMore.hidden = true;
    this.results.loading(options.k, append);
    if (!append) this.took.textContent = 'Searching…';
    this.dropZone.setAttribute('aria-busy', 'true');
    try {
      const response: SearchResponse =
        query.kind === 'file'
          ? await searchByImage(query.file, options, controller.signal)
          : await searchSimilar(query.id, options, controller.signal);
      if (this.running !== controller) return;
      const hits: Hit[] = Array.isArray(response.hits) ? response.hits : [];
      this.loaded = (append ? this.loaded : 0) + hits.length;
      this.totalMs = (append ? this.totalMs : 0) + (response.tookMs ?? 0);
      this.exhausted = hits.length < options.k || this.loaded >= 1000;
      this.results.show(hits, options.offset, query.kind === 'id' ? query.id : null, append);
      this.took.textContent =
        `${formatCount(this.loaded)} ${this.loaded === 1 ? 'result' : 'results'} · ` +
        `${formatMs(append ? this.totalMs : response.tookMs)} · ${response.mode ?? options.mode}` +
        (options.label ? ` · ${options.label}` : '');
      this.loadMore.hidden = this.exhausted;
    } catch (error) {
      if (isAbort(error) || this.running !== controller) return;
      this.results.failed(append);
      this.took.textContent = '';
      this.loadMore.hidden = !append || this.exhausted;
      showError(error, 'Search failed');
    } finally {
      if (this.running === controller) {
        this.running = null;
        this.dropZone.removeAttribute('aria-busy');
      }
    }
  }

  private async random(): Promise<void> {
    this.randomButton.disabled = true;
    try {
      const points = await getMap(200);
      if (points.length === 0) {
        toast('The index is empty: add some images first.', 'info');
        return;
      }
      const point = points[Math.floor(Math.random() * points.length)];
      this.searchById(point.id, point.label);
    } catch (error) {
      showError(error, 'Could not pick a random image');
    } finally {
      this.randomButton.disabled = false;
    }
  }

  private async remove(hit: Hit, card: HTMLElement): Promise<void> {
    const button = card.querySelector<HTMLButtonElement>('[data-testid="delete-button"]');
    if (button) button.disabled = true;
    card.classList.add('deleting');
    try {
      await deleteImage(hit.id);
      card.classList.add('deleted');
      window.setTimeout(() => card.remove(), 250);
      this.loaded = Math.max(0, this.loaded - 1);
      toast(`Deleted ${hit.label ?? 'image'} (${hit.id})`, 'success');
      this.changed();
    } catch (error) {
      card.classList.remove('deleting');
      if (button) button.disabled = false;
      if (error instanceof ApiError && error.cancelled) return;
      showError(error, 'Delete failed');
    }
  }
}
