// The map view: a 2-D PCA projection of the indexed dense codes drawn on a canvas, coloured by
// label, with a legend, a thumbnail tooltip on hover, and click-to-search.
//
// Point (x, y) in [0, 1] is drawn at CSS pixel (pad + x·(w − 2·pad), pad + (1 − y)·(h − 2·pad))
// of the canvas; the canvas carries data-pad and data-count for browser tests.

import { type MapPoint, getMap, isAbort, thumbnailUrl } from './api';
import { byId, formatCount, h, pixelateWhenTiny, showError } from './ui';

const PAD = 18;
const HIT_RADIUS = 9;

// Tableau 10, then generated hues for larger label sets.
const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];
const UNLABELLED = '#8a8f98';

function colourFor(index: number): string {
  if (index < PALETTE.length) return PALETTE[index];
  const hue = (index * 137.508) % 360;
  return `hsl(${hue.toFixed(0)} 62% 52%)`;
}

interface Placed {
  point: MapPoint;
  colour: string;
  key: string;
}

export class MapView {
  private readonly canvas = byId<HTMLCanvasElement>('map-canvas');
  private readonly wrap = byId('map-wrap');
  private readonly status = byId('map-status');
  private readonly tip = byId('map-tip');
  private readonly tipImg = byId<HTMLImageElement>('map-tip-img');
  private readonly tipLabel = byId('map-tip-label');
  private readonly legend = byId('map-legend');
  private readonly sizeSelect = byId<HTMLSelectElement>('map-n');

  private placed: Placed[] = [];
  private hidden = new Set<string>();
  private hover: Placed | null = null;
  private loadedN = 0;
  private stale = true;
  private request: AbortController | null = null;
  private frame = 0;
  private width = 0;
  private height = 0;

  constructor(
    private readonly visible: () => boolean,
    private readonly searchById: (id: string, label: string | null) => void,
  ) {
    pixelateWhenTiny(this.tipImg, 64);
    new ResizeObserver(() => this.schedule()).observe(this.wrap);
    this.canvas.addEventListener('mousemove', (event) => this.onMove(event));
    this.canvas.addEventListener('mouseleave', () => this.setHover(null));
    this.canvas.addEventListener('click', (event) => {
      const target = this.nearest(event) ?? this.hover;
      if (target) this.searchById(target.point.id, target.point.label);
    });
    this.sizeSelect.addEventListener('change', () => void this.load(true));
    byId('map-reload').addEventListener('click', () => void this.load(true));
    this.canvas.dataset.pad = String(PAD);
    this.canvas.dataset.count = '0';
  }

  /** Called when the view becomes visible: loads once, then only after the collection changed. */
  activate(): void {
    if (this.stale || Number(this.sizeSelect.value) !== this.loadedN) void this.load(false);
    else this.schedule();
  }

  /** The collection changed: reload the next time the map is shown (or now, if it is shown). */
  invalidate(): void {
    this.stale = true;
    if (this.visible()) void this.load(false);
  }

  private async load(force: boolean): Promise<void> {
    if (!force && this.request) return;
    this.request?.abort();
    const controller = new AbortController();
    this.request = controller;
    const n = Number(this.sizeSelect.value) || 2000;
    this.status.textContent = 'Loading map…';
    this.status.hidden = false;
    this.wrap.setAttribute('aria-busy', 'true');
    try {
      const points = await getMap(n, controller.signal);
      if (this.request !== controller) return;
      this.loadedN = n;
      this.stale = false;
      this.place(points);
      this.status.textContent = points.length === 0 ? 'No images in the index yet.' : '';
      this.status.hidden = points.length !== 0;
      this.canvas.setAttribute(
        'aria-label',
        `Scatter plot of ${formatCount(points.length)} indexed images, coloured by label`,
      );
      this.schedule();
    } catch (error) {
      if (isAbort(error) || this.request !== controller) return;
      this.status.textContent = 'The map could not be loaded.';
      this.status.hidden = false;
      showError(error, 'Map failed');
    } finally {
      if (this.request === controller) {
        this.request = null;
        this.wrap.removeAttribute('aria-busy');
      }
    }
  }

  private place(points: MapPoint[]): void {
    const counts = new Map<string, number>();
    for (const point of points) {
      const key = point.label ?? '';
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const labels = [...counts.keys()].filter((key) => key !== '').sort((a, b) => a.localeCompare(b));
    const colours = new Map<string, string>(labels.map((label, i) => [label, colourFor(i)]));
    colours.set('', UNLABELLED);
    this.placed = points
      .filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y))
      .map((point) => {
        const key = point.label ?? '';
        return { point, key, colour: colours.get(key) ?? UNLABELLED };
      });
    this.canvas.dataset.count = String(this.placed.length);
    this.hidden = new Set([...this.hidden].filter((key) => counts.has(key)));
    this.hover = null;
    this.tip.hidden = true;

    const keys = counts.has('') ? [...labels, ''] : labels;
    this.legend.replaceChildren(
      ...keys.map((key) => {
        const button = h(
          'button',
          {
            type: 'button',
            class: 'legend-item',
            'aria-pressed': String(!this.hidden.has(key)),
            'data-label': key,
          },
          h('span', { class: 'swatch', 'aria-hidden': 'true' }),
          h('span', { class: 'legend-name' }, key || 'Unlabelled'),
          h('span', { class: 'legend-count' }, formatCount(counts.get(key) ?? 0)),
        );
        (button.firstElementChild as HTMLElement).style.background = colours.get(key) ?? UNLABELLED;
        button.addEventListener('click', () => {
          if (this.hidden.has(key)) this.hidden.delete(key);
          else this.hidden.add(key);
          button.setAttribute('aria-pressed', String(!this.hidden.has(key)));
          if (this.hover && this.hidden.has(this.hover.key)) this.setHover(null);
          this.schedule();
        });
        return h('li', {}, button);
      }),
    );
  }

  // --- Drawing ----------------------------------------------------------------------------------

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  private position(point: MapPoint): [number, number] {
    const x = PAD + point.x * (this.width - 2 * PAD);
    const y = PAD + (1 - point.y) * (this.height - 2 * PAD);
    return [x, y];
  }

  private draw(): void {
    const rect = this.wrap.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) return;
    const ratio = window.devicePixelRatio || 1;
    this.width = rect.width;
    this.height = rect.height;
    const pixelWidth = Math.round(rect.width * ratio);
    const pixelHeight = Math.round(rect.height * ratio);
    if (this.canvas.width !== pixelWidth || this.canvas.height !== pixelHeight) {
      this.canvas.width = pixelWidth;
      this.canvas.height = pixelHeight;
    }
    const context = this.canvas.getContext('2d');
    if (!context) return;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, this.width, this.height);

    const n = this.placed.length;
    const radius = n > 3000 ? 2 : n > 800 ? 2.6 : 3.4;
    context.globalAlpha = n > 3000 ? 0.7 : 0.82;
    for (const item of this.placed) {
      if (this.hidden.has(item.key)) continue;
      const [x, y] = this.position(item.point);
      context.fillStyle = item.colour;
      context.beginPath();
      context.arc(x, y, radius, 0, Math.PI * 2);
      context.fill();
    }
    context.globalAlpha = 1;
    if (this.hover && !this.hidden.has(this.hover.key)) {
      const [x, y] = this.position(this.hover.point);
      context.fillStyle = this.hover.colour;
      context.strokeStyle = getComputedStyle(this.canvas).color || '#111';
      context.lineWidth = 2;
      context.beginPath();
      context.arc(x, y, radius + 3.5, 0, Math.PI * 2);
      context.fill();
      context.stroke();
    }
  }

  // --- Pointer ----------------------------------------------------------------------------------

  private nearest(event: MouseEvent): Placed | null {
    const rect = this.canvas.getBoundingClientRect();
    const mx = event.clientX - rect.left;
    const my = event.clientY - rect.top;
    let best: Placed | null = null;
    let bestDistance = HIT_RADIUS * HIT_RADIUS;
    for (const item of this.placed) {
      if (this.hidden.has(item.key)) continue;
      const [x, y] = this.position(item.point);
      const d = (x - mx) * (x - mx) + (y - my) * (y - my);
      if (d <= bestDistance) {
        bestDistance = d;
        best = item;
      }
    }
    return best;
  }

  private onMove(event: MouseEvent): void {
    this.setHover(this.nearest(event));
  }

  private setHover(item: Placed | null): void {
    if (item === this.hover) return;
    this.hover = item;
    this.canvas.style.cursor = item ? 'pointer' : 'default';
    if (!item) {
      this.tip.hidden = true;
    } else {
      const [x, y] = this.position(item.point);
      this.tipImg.src = thumbnailUrl(item.point.id);
      this.tipImg.alt = item.point.label ?? 'Unlabelled image';
      this.tipLabel.textContent = item.point.label ?? 'Unlabelled';
      this.tip.dataset.id = item.point.id;
      this.tip.hidden = false;
      // Keep the tooltip inside the map: flip to the left / above near the edges.
      const tipWidth = this.tip.offsetWidth || 120;
      const tipHeight = this.tip.offsetHeight || 130;
      const left = x + 14 + tipWidth > this.width ? x - 14 - tipWidth : x + 14;
      const top = y + 14 + tipHeight > this.height ? y - 14 - tipHeight : y + 14;
      this.tip.style.left = `${Math.max(0, left)}px`;
      this.tip.style.top = `${Math.max(0, top)}px`;
    }
    this.schedule();
  }
}
