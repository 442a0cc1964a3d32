import { PanelLookupArea } from '@/components/panel/PanelLookupArea';

/** The side panel (Chrome's side panel, Firefox's sidebar): the lookup area, beside the page. */
export function App() {
  return (
    <main class="panel">
      <h1 class="visually-hidden">ModelGates Key Lookup</h1>
      {/* The whole lookup area is one component: an unlock form, when one is needed, goes in its place. */}
      <PanelLookupArea />
    </main>
  );
}
