import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// The base styles come first, so each feature's CSS (imported by its views) builds on them.
import './styles.css';
import { App } from './app/App.js';

const container = document.getElementById('root');
if (!container) {
  throw new Error('index.html has no #root element.');
}
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
