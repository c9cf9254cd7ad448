// The collection view: index and model stats, adding an image, and looking up (and deleting) an
// image by id. Writes go through the API key flow in api.ts.

import {
  ApiError,
  type Stats,
  type StoredImage,
  addImage,
  deleteImage,
  getImage,
  thumbnailUrl,
} from './api';
import { byId, clearError, formatBytes, formatCount, formatDate, h, pixelateWhenTiny, setBusy, showError, toast } from './ui';

export class CollectionView {
  private readonly addForm = byId<HTMLFormElement>('add-form');
  private readonly addFile = byId<HTMLInputElement>('add-file-input');
  private readonly addLabel = byId<HTMLInputElement>('add-label');
  private readonly addUri = byId<HTMLInputElement>('add-uri');
  private readonly addSubmit = byId<HTMLButtonElement>('add-submit');
  private readonly addResult = byId('add-result');
  private readonly lookupForm = byId<HTMLFormElement>('lookup-form');
  private readonly lookupId = byId<HTMLInputElement>('lookup-id');
  private readonly lookupResult = byId('lookup-result');

  /**
   * @param searchById switches to the search view and searches by an indexed image
   * @param changed called after an add or delete, to refresh stats and labels
   * @param refresh reloads the stats on demand
   */
  constructor(
    private readonly searchById: (id: string, label: string | null) => void,
    private readonly changed: () => void,
    refresh: () => void,
  ) {
    this.addForm.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.add();
    });
    this.lookupForm.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.lookup();
    });
    byId('stats-refresh').addEventListener('click', refresh);
  }

  showStats(stats: Stats): void {
    byId('stats-count').textContent = formatCount(stats.count);
    byId('stats-size').textContent = formatBytes(stats.indexSizeBytes);
    byId('stats-size').title = `${formatCount(stats.indexSizeBytes)} bytes`;
    byId('stats-codes').textContent = `${stats.latent}-d dense · ${stats.bits}-bit hash`;
    const channels = stats.inputChannels === 1 ? 'grayscale' : stats.inputChannels === 3 ? 'RGB' : `${stats.inputChannels} ch`;
    byId('stats-input').textContent = `${stats.inputSize}×${stats.inputSize} ${channels}`;
    byId('stats-segments').textContent = formatCount(stats.segments);
    byId('stats-model').textContent = stats.model || '–';
    byId('stats-model-source').textContent = stats.modelSource ? `(${stats.modelSource})` : '';
    byId('stats-dir').textContent = stats.indexDirectory || '–';
  }

  statsFailed(): void {
    byId('stats-count').textContent = '–';
  }

  setLabels(labels: string[]): void {
    byId('label-options').replaceChildren(...labels.map((label) => h('option', { value: label })));
  }

  // --- Add --------------------------------------------------------------------------------------

  private async add(): Promise<void> {
    const file = this.addFile.files?.[0];
    if (!file) {
      this.addFile.focus();
      showError(new ApiError(0, { title: 'No image chosen', detail: 'Choose an image file to add to the index.' }));
      return;
    }
    clearError();
    setBusy(this.addSubmit, true);
    this.addResult.replaceChildren(h('p', { class: 'muted' }, `Adding ${file.name}…`));
    const label = this.addLabel.value;
    try {
      const id = await addImage(file, label, this.addUri.value);
      this.addForm.reset();
      this.addResult.replaceChildren(this.addedCard(id, label.trim() || null));
      toast(`Added ${file.name}`, 'success');
      this.changed();
    } catch (error) {
      this.addResult.replaceChildren();
      if (error instanceof ApiError && error.cancelled) return;
      showError(error, 'Could not add the image');
    } finally {
      setBusy(this.addSubmit, false);
    }
  }

  private addedCard(id: string, label: string | null): HTMLElement {
    const img = h('img', { src: thumbnailUrl(id), alt: `Added image${label ? `: ${label}` : ''}` });
    pixelateWhenTiny(img);
    const similar = h('button', { type: 'button', class: 'ghost small' }, 'Find similar');
    similar.addEventListener('click', () => this.searchById(id, label));
    return h(
      'div',
      { class: 'mini-card', 'data-testid': 'added-image', 'data-id': id },
      h('span', { class: 'mini-thumb' }, img),
      h(
        'span',
        { class: 'mini-text' },
        h('strong', {}, 'Added'),
        h('code', { 'data-testid': 'added-id' }, id),
        label ? h('span', { class: 'muted' }, label) : null,
      ),
      similar,
    );
  }

  // --- Look up / delete -------------------------------------------------------------------------

  private async lookup(): Promise<void> {
    const id = this.lookupId.value.trim();
    if (!id) return;
    clearError();
    this.lookupResult.replaceChildren(h('p', { class: 'muted' }, 'Looking up…'));
    try {
      const image = await getImage(id);
      this.lookupResult.replaceChildren(this.imageDetails(image));
    } catch (error) {
      this.lookupResult.replaceChildren();
      showError(error, 'Lookup failed');
    }
  }

  private imageDetails(image: StoredImage): HTMLElement {
    const img = h('img', { src: thumbnailUrl(image.id), alt: `Image ${image.label ?? image.id}` });
    pixelateWhenTiny(img);
    const rows: [string, string][] = [
      ['Id', image.id],
      ['Label', image.label ?? '–'],
      ['URI', image.uri ?? '–'],
      ['Added', formatDate(image.addedAt)],
    ];
    for (const [key, value] of Object.entries(image.metadata ?? {})) rows.push([key, value]);
    const similar = h('button', { type: 'button', class: 'ghost small' }, 'Find similar');
    similar.addEventListener('click', () => this.searchById(image.id, image.label));
    const remove = h(
      'button',
      { type: 'button', class: 'danger small', 'data-testid': 'lookup-delete' },
      'Delete',
    );
    const container = h(
      'div',
      { class: 'details', 'data-testid': 'lookup-details', 'data-id': image.id },
      h('span', { class: 'mini-thumb large' }, img),
      h('dl', { class: 'kv' }, ...rows.flatMap(([key, value]) => [h('dt', {}, key), h('dd', {}, value)])),
      h('div', { class: 'row-actions' }, similar, remove),
    );
    remove.addEventListener('click', async () => {
      setBusy(remove, true);
      try {
        await deleteImage(image.id);
        container.replaceWith(h('p', { class: 'muted' }, `Deleted ${image.id}.`));
        toast(`Deleted ${image.id}`, 'success');
        this.changed();
      } catch (error) {
        if (!(error instanceof ApiError && error.cancelled)) showError(error, 'Delete failed');
      } finally {
        setBusy(remove, false);
      }
    });
    return container;
  }
}
