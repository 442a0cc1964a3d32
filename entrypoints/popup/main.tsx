import '@/assets/theme.css';
import { startPopup } from './mount';

void startPopup(document.getElementById('app') as HTMLElement);
