import '@/assets/theme.css';
import { askWorker } from '@/utils/messaging/page/worker-client';
import { mountPopup } from './mount';

// Asked before the first render, so that the worker works on it while the popup paints.
mountPopup(document.getElementById('app') as HTMLElement, askWorker('popupStart'));
