import { render } from 'preact';

render(<p>Key Lookup</p>, document.getElementById('app') as HTMLElement);
