import { render } from 'preact';
import '@/assets/theme.css';
import './panel.css';
import { App } from './App';

render(<App />, document.getElementById('app') as HTMLElement);
