import { render } from 'preact';
import '@/assets/theme.css';
import { OptionsApp } from './OptionsApp';

render(<OptionsApp />, document.getElementById('app') as HTMLElement);
