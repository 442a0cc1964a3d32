import '@/assets/theme.css';
import { startPopup } from './mount';

// This file is also the one the other pages load for the code they share with the popup
// (wxt.config.ts, `popupChunk`): only popup.html starts the popup.
if (location.pathname === '/popup.html') void startPopup(document.getElementById('app') as HTMLElement);
