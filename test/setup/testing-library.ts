import { cleanup } from '@testing-library/preact';
import { afterEach } from 'vitest';

// Without vitest globals, Testing Library cannot register its own cleanup: unmount every rendered
// component after each test here, once for all component tests.
afterEach(cleanup);
