import { render } from 'preact';
import '@/assets/theme.css';
import { askWorker } from '@/utils/messaging/page/worker-client';
import { App } from './App';

// Asked before the first render, so that the worker works on it while the popup paints.
const started = askWorker('popupStart');
render(<App started={started} />, document.getElementById('app') as HTMLElement);
