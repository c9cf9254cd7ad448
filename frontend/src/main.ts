// Entry point: tabs (with #search / #collection / #map in the address bar), the views, and the
// stats and labels shared between them.

import './style.css';
import { getLabels, getStats } from './api';
import { CollectionView } from './collection';
import { initKeyDialog } from './keyDialog';
import { MapView } from './map';
import { SearchView } from './search';
import { byId, formatCount, initErrorBanner } from './ui';

type View = 'search' | 'collection' | 'map';
const VIEWS: readonly View[] = ['search', 'collection', 'map'];

let current: View = 'search';

function viewFromHash(): View {
  const name = location.hash.replace(/^#\/?/, '');
  return (VIEWS as readonly string[]).includes(name) ? (name as View) : 'search';
}

function select(view: View, options: { focus?: boolean; updateHash?: boolean } = {}): void {
  current = view;
  for (const name of VIEWS) {
    const tab = byId(`tab-${name}`);
    const active = name === view;
    tab.setAttribute('aria-selected', String(active));
    tab.tabIndex = active ? 0 : -1;
    byId(`view-${name}`).hidden = !active;
  }
  if (options.focus) byId(`tab-${view}`).focus();
  if (options.updateHash !== false) {
    const hash = view === 'search' ? '' : `#${view}`;
    if (location.hash !== hash) history.replaceState(null, '', hash || location.pathname + location.search);
  }
  if (view === 'map') map.activate();
  if (view === 'collection') refresh();
}

// --- Views ------------------------------------------------------------------------------------

initErrorBanner();
initKeyDialog();

const search = new SearchView(
  () => current === 'search',
  () => {
    if (current !== 'search') select('search');
  },
  () => collectionChanged(),
);

const collection = new CollectionView(
  (id, label) => search.searchById(id, label),
  () => collectionChanged(),
  () => refresh(),
);

const map = new MapView(
  () => current === 'map',
  (id, label) => search.searchById(id, label),
);

function collectionChanged(): void {
  refresh();
  map.invalidate();
}

let refreshing: Promise<void> | null = null;

function refresh(): void {
  if (refreshing) return;
  refreshing = (async () => {
    const [stats, labels] = await Promise.allSettled([getStats(), getLabels()]);
    if (stats.status === 'fulfilled') {
      collection.showStats(stats.value);
      const count = stats.value.count;
      byId('header-count').textContent = `${formatCount(count)} ${count === 1 ? 'image' : 'images'}`;
    } else {
      collection.statsFailed();
      byId('header-count').textContent = '';
    }
    if (labels.status === 'fulfilled') {
      search.setLabels(labels.value);
      collection.setLabels(labels.value);
    }
  })().finally(() => {
    refreshing = null;
  });
}

// --- Tabs -------------------------------------------------------------------------------------

const tablist = document.querySelector<HTMLElement>('[role="tablist"]');
for (const name of VIEWS) {
  byId(`tab-${name}`).addEventListener('click', () => select(name));
}
tablist?.addEventListener('keydown', (event) => {
  const index = VIEWS.indexOf(current);
  let next: number | null = null;
  if (event.key === 'ArrowRight') next = (index + 1) % VIEWS.length;
  else if (event.key === 'ArrowLeft') next = (index + VIEWS.length - 1) % VIEWS.length;
  else if (event.key === 'Home') next = 0;
  else if (event.key === 'End') next = VIEWS.length - 1;
  if (next === null) return;
  event.preventDefault();
  select(VIEWS[next], { focus: true });
});
window.addEventListener('hashchange', () => select(viewFromHash(), { updateHash: false }));

const initial = viewFromHash();
select(initial, { updateHash: false });
// The collection view refreshes itself when selected.
if (initial !== 'collection') refresh();
