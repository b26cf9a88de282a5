// Browser entry: reads the address (ui/address-bar.ts, through the one URL codec) and mounts the React app with
// it, inside the top-level error boundary. Nothing else runs at import time.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App.tsx';
import { readAddress } from './ui/address-bar.ts';
import { ErrorBoundary } from './ui/ErrorBoundary.tsx';
import { loadSettings } from './ui/settings.ts';
import './ui/app.css';

function start(): void {
  const root = document.getElementById('root');
  if (!root) throw new Error('main: #root is missing from index.html');
  const link = readAddress();
  const initial = loadSettings(link.hub);
  // The Hub in use, kept up to date by the app, for the error screen's "empty the cache".
  let hubInUse = initial.settings.hubUrl;
  createRoot(root).render(
    <StrictMode>
      <ErrorBoundary hubUrl={() => hubInUse}>
        <App
          link={link}
          initial={initial}
          onHub={(hub) => {
            hubInUse = hub;
          }}
        />
      </ErrorBoundary>
    </StrictMode>,
  );
}

start();
