import { render } from 'preact';
import '@/assets/theme.css';
import { OptionsApp } from './App';

render(<OptionsApp />, document.getElementById('app') as HTMLElement);
