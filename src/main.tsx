// Browser entry: reads the address once (the one URL codec) and mounts the React app with it, inside the
// top-level error boundary. Nothing else runs at import time.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App.tsx';
import { decodeLink } from './view/url-codec.ts';
import './ui/app.css';

function start(): void {
  const root = document.getElementById('root');
  if (!root) throw new Error('main: #root is missing from index.html');
  const link = decodeLink(window.location.search);
  createRoot(root).render(
    <StrictMode>
      <App link={link} />
    </StrictMode>,
  );
}

start();
