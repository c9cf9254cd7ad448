// The results grid: one card per hit with rank, thumbnail, score, Hamming distance and label.

import { type Hit, thumbnailUrl } from './api';
import { byId, h, pixelateWhenTiny } from './ui';

export interface ResultHandlers {
  /** The user picked a result: search by it. */
  open(hit: Hit): void;
  /** The user asked to delete a result from the index. */
  remove(hit: Hit, card: HTMLElement): void;
  /** The user asked for the morph (interpolation) from the query to a result. */
  morph(hit: Hit, rank: number): void;
}

const TRASH =
  '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M4 7h16M10 11v6M14 11v6M6 7l1 12a2 2 0 0 0 2 2h6a2 2 0 0 0 2-2l1-12M9 7V4h6v3"/></svg>';

const MORPH =
  '<svg viewBox="0 0 24 24" aria-hidden="true"><circle cx="5.5" cy="12" r="3.5"/><path d="M10.5 12h3.5m-1.75-2 2 2-2 2"/><rect x="17" y="8.5" width="6" height="7" rx="1.2"/></svg>';

function labelText(hit: Hit): string {
  return hit.label && hit.label.trim() ? hit.label : 'Unlabelled';
}

function card(hit: Hit, rank: number, queryId: string | null, handlers: ResultHandlers): HTMLElement {
  const label = labelText(hit);
  const score = Number.isFinite(hit.score) ? hit.score.toFixed(3) : '–';
  const img = h('img', {
    src: thumbnailUrl(hit.id),
    alt: `Result ${rank}: ${label}`,
    loading: rank > 24 ? 'lazy' : undefined,
    decoding: 'async',
    draggable: 'true',
    width: 96,
    height: 96,
  });
  pixelateWhenTiny(img);
  img.addEventListener('error', () => img.closest('.thumb')?.classList.add('broken'), { once: true });

  const same = queryId !== null && hit.id === queryId;
  const open = h(
    'button',
    {
      type: 'button',
      class: 'card-open',
      title: hit.uri ?? hit.id,
      'aria-label': `Search by result ${rank}, ${label}, score ${score}`,
    },
    h('span', { class: 'thumb' }, img),
    h('span', { class: 'rank', 'aria-hidden': 'true' }, `#${rank}`),
    same ? h('span', { class: 'same', 'aria-hidden': 'true' }, 'query') : null,
  );
  open.addEventListener('click', () => handlers.open(hit));

  const bar = h('span', { class: 'score-bar', 'aria-hidden': 'true' });
  bar.style.setProperty('--score', String(Math.max(0, Math.min(1, hit.score))));

  const remove = h('button', {
    type: 'button',
    class: 'card-delete',
    'data-testid': 'delete-button',
    'aria-label': `Delete image ${label} (${hit.id}) from the index`,
    title: 'Delete from index',
  });
  remove.innerHTML = TRASH;
  // A sibling of the card's button (buttons do not nest), in the thumbnail's bottom-right corner.
  const morph = h('button', {
    type: 'button',
    class: 'card-morph',
    'data-testid': 'morph-button',
    'aria-label': `Morph the query into result ${rank}, ${label}`,
    title: 'Morph the query into this image',
  });
  morph.innerHTML = `${MORPH}<span class="card-morph-text" aria-hidden="true">morph</span>`;
  morph.addEventListener('click', (event) => {
    event.stopPropagation();
    handlers.morph(hit, rank);
  });

  const article = h(
    'article',
    {
      class: same ? 'card is-query' : 'card',
      'data-testid': 'result-card',
      'data-id': hit.id,
      'data-rank': rank,
      'data-label': hit.label ?? '',
    },
    h('div', { class: 'card-media' }, open, morph),
    bar,
    h(
      'div',
      { class: 'card-meta' },
      h('span', { class: 'card-label', 'data-testid': 'result-label', title: label }, label),
      h(
        'span',
        { class: 'card-numbers' },
        h('span', { class: 'visually-hidden' }, 'Score '),
        h('span', { class: 'score', 'data-testid': 'result-score', title: 'Similarity score' }, score),
        h(
          'span',
          { class: 'hamming', title: 'Hamming distance of the binary codes' },
          h('span', { class: 'hamming-unit', 'aria-hidden': 'true' }, 'ham '),
          h('span', { class: 'visually-hidden' }, 'Hamming distance '),
          h('span', { 'data-testid': 'result-hamming' }, String(hit.hamming)),
        ),
      ),
    ),
    remove,
  );
  remove.addEventListener('click', (event) => {
    event.stopPropagation();
    handlers.remove(hit, article);
  });
  return article;
}

export class ResultsView {
  private readonly grid = byId('results');
  private readonly empty = byId('results-empty');

  constructor(private readonly handlers: ResultHandlers) {}

  /** Placeholder cards while a search runs. */
  loading(count: number, append: boolean): void {
    this.grid.setAttribute('aria-busy', 'true');
    if (!append) this.clearCards();
    this.empty.hidden = true;
    const n = Math.min(count, 20);
    for (let i = 0; i < n; i++) {
      this.grid.append(h('div', { class: 'card skeleton', 'aria-hidden': 'true' }, h('span', { class: 'thumb' })));
    }
  }

  show(hits: Hit[], offset: number, queryId: string | null, append: boolean): void {
    this.removeSkeletons();
    if (!append) this.clearCards();
    const fragment = document.createDocumentFragment();
    hits.forEach((hit, i) => fragment.append(card(hit, offset + i + 1, queryId, this.handlers)));
    this.grid.append(fragment);
    this.grid.setAttribute('aria-busy', 'false');
    this.empty.hidden = this.cardCount() > 0;
    if (!append && hits.length === 0) this.message('No matches', 'Nothing in the index matches this query with the current filter.');
  }

  /** A search failed: drop skeletons, keep whatever results were there before an append. */
  failed(append: boolean): void {
    this.removeSkeletons();
    if (!append) this.clearCards();
    this.grid.setAttribute('aria-busy', 'false');
    this.empty.hidden = this.cardCount() > 0;
  }

  reset(): void {
    this.clearCards();
    this.grid.setAttribute('aria-busy', 'false');
    this.message('Find lookalikes', 'Drop, paste or pick an image to see the most similar images in the collection. Click any result to search by it.');
  }

  cardCount(): number {
    return this.grid.querySelectorAll('[data-testid="result-card"]').length;
  }

  private message(title: string, text: string): void {
    this.empty.replaceChildren(h('p', { class: 'empty-title' }, title), h('p', {}, text));
    this.empty.hidden = false;
  }

  private clearCards(): void {
    this.grid.querySelectorAll('.card').forEach((element) => element.remove());
  }

  private removeSkeletons(): void {
    this.grid.querySelectorAll('.skeleton').forEach((element) => element.remove());
  }
}
