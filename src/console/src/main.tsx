import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { startConsoleTheme } from './app/theme';
import { initConsoleI18n } from './i18n';
import '@renderer/styles/tokens.css';
import '@renderer/styles/base.css';
import '@renderer/styles/ui.css';
import './console.css';

// Theme and language before the first paint, so nothing flashes.
startConsoleTheme();
initConsoleI18n();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
