// The store images that are more than a screenshot of one page, as HTML that Chromium draws at
// their exact size (scripts/lib/store-images.ts): the popup over the web page it was opened on,
// the small promo tile, and the store icon. Colours and fonts are the extension's light theme.
// Runs under plain `node`: erasable TypeScript only.

const FONT = `system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif`;
const MONO = `ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, monospace`;
const ACCENT = '#1f5fbf';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export interface ExportRow {
  date: string;
  hash: string;
  cost: string;
}

/**
 * A billing export open in a browser window, with one hash selected, and the extension's popup
 * (a PNG of the real popup) open under its toolbar icon: what a person sees after pasting the hash.
 */
export function popupOverPageHtml(popupPng: Buffer, iconSvg: string, rows: ExportRow[], selected: string): string {
  const popup = `data:image/png;base64,${popupPng.toString('base64')}`;
  const body = rows
    .map(
      (row) =>
        `<tr><td>${escape(row.date)}</td><td class="hash"><span${row.hash === selected ? ' class="sel"' : ''}>${escape(
          row.hash,
        )}</span></td><td class="num">${escape(row.cost)}</td></tr>`,
    )
    .join('');
  return `<!doctype html><meta charset="utf-8"><style>
  html,body{margin:0;width:1280px;height:800px;overflow:hidden;font:14px/1.4 ${FONT};color:#1a1a1f;background:#dfe3ea}
  .window{position:absolute;inset:24px 24px 0;border-radius:10px 10px 0 0;background:#fff;box-shadow:0 4px 24px rgba(0,0,0,.18);overflow:hidden}
  .bar{display:flex;align-items:center;gap:12px;height:48px;padding:0 14px;background:#f1f3f6;border-bottom:1px solid #d6d6dd}
  .dots{display:flex;gap:7px}.dots i{width:12px;height:12px;border-radius:50%;background:#c9ccd3;display:block}
  .url{flex:1;height:30px;border-radius:15px;background:#fff;border:1px solid #d6d6dd;display:flex;align-items:center;padding:0 14px;color:#55555f}
  .icon{width:28px;height:28px;border-radius:6px;display:grid;place-items:center;background:#dde7f7;outline:2px solid ${ACCENT}}
  .icon svg{width:20px;height:20px}
  .page{padding:28px 40px}
  h1{font-size:22px;margin:0 0 4px}.sub{color:#55555f;margin:0 0 18px}
  table{border-collapse:collapse;font-size:13px}
  th,td{text-align:left;padding:7px 12px;border-bottom:1px solid #e3e3e8}th{background:#f4f4f6}
  .hash{font-family:${MONO};font-size:12px}.num{text-align:right}
  .sel{background:#b4d2fb;outline:1px solid #8ab4f0}
  .popup{position:absolute;top:66px;right:40px;border-radius:8px;box-shadow:0 10px 36px rgba(0,0,0,.28),0 0 0 1px rgba(0,0,0,.12);background:#fff}
  .popup img{display:block;border-radius:8px}
  </style>
  <div class="window">
    <div class="bar"><span class="dots"><i></i><i></i><i></i></span>
      <span class="url">billing.example.com/exports/2026-11</span><span class="icon">${iconSvg}</span></div>
    <div class="page"><h1>November API usage</h1><p class="sub">Export of every request, by key hash</p>
      <table><thead><tr><th>Date</th><th>Key hash</th><th class="num">Cost</th></tr></thead><tbody>${body}</tbody></table>
    </div>
  </div>
  <div class="popup"><img src="${popup}" alt=""></div>`;
}

/** The 440×280 small promo tile: the icon, the name and what the extension does. */
export function promoTileHtml(iconSvg: string): string {
  return `<!doctype html><meta charset="utf-8"><style>
  html,body{margin:0;width:440px;height:280px;overflow:hidden;font-family:${FONT}}
  body{display:grid;grid-template-columns:112px 1fr;align-items:center;gap:22px;padding:0 34px;box-sizing:border-box;
    background:linear-gradient(135deg,#eef3fb 0%,#dbe6f7 100%);color:#1a1a1f}
  svg{width:112px;height:112px;display:block}
  h1{font-size:27px;line-height:1.15;margin:0 0 10px;color:#173f7d}
  p{font-size:16px;line-height:1.35;margin:0;color:#3d3d47}
  </style>${iconSvg}<div><h1>ModelGates Key&nbsp;Lookup</h1><p>Whose API key is it? Paste its hash: owner, status, spend and limit.</p></div>`;
}

/**
 * The 128 px store icon: the same drawing as the extension's icons, 96 px inside 16 px of
 * transparent margin on each side, as the Chrome Web Store asks for.
 */
export function storeIconHtml(iconSvg: string): string {
  return `<!doctype html><style>html,body{margin:0;width:128px;height:128px;background:transparent}
  svg{display:block;width:96px;height:96px;margin:16px}</style>${iconSvg}`;
}
