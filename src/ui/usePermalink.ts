// The address bar as the source of truth for shareable state: the link this page was opened with (decoded
// once, with notices for whatever it could not use), and the hook that keeps the URL in step with the view and
// the camera, applying the link's camera once the graph is first drawn.
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { LineageRenderer } from '../render/renderer.ts';
import { decodePermalink, encodePermalink, type CameraView } from '../view/permalink.ts';
import type { ViewState } from '../view/state.ts';
import { parseHubUrl, PUBLIC_HUB } from './settings.ts';
import type { Layout } from './useExplorer.ts';

const decoded = decodePermalink(window.location.search);
export const link = { ...decoded, snapshotUrl: snapshotUrlOf(window.location.search, decoded.notices) };

/** `?snap=URL`: an http(s) snapshot to open instead of the cache; anything else is refused with a notice. */
function snapshotUrlOf(search: string, notices: string[]): string | null {
  const raw = new URLSearchParams(search).get('snap');
  if (raw === null) return null;
  if (parseHubUrl(raw)) return raw;
  notices.push('The link names a snapshot that is not an http(s) address; it was ignored.');
  return null;
}

export function usePermalinkSync(
  view: ViewState,
  crawledAt: string | null,
  hubUrl: string,
  rendererRef: RefObject<LineageRenderer | null>,
  layout: Layout | null,
): void {
  const cameraRef = useRef<CameraView | null>(link.camera);
  const [urlTick, setUrlTick] = useState(0);
  // The link's camera is applied once the graph is drawn; from then on the camera feeds the URL.
  useEffect(() => {
    const renderer = rendererRef.current;
    if (!renderer || !layout) return;
    if (link.camera) renderer.setCamera(link.camera);
    link.camera = null;
    const camera = renderer.sigma.getCamera();
    const onMove = (): void => {
      const { x, y, ratio } = camera.getState();
      cameraRef.current = { x, y, ratio };
      setUrlTick((t) => t + 1);
    };
    camera.on('updated', onMove);
    return () => void camera.off('updated', onMove);
  }, [layout, rendererRef]);

  useEffect(() => {
    const timer = setTimeout(() => {
      const q = encodePermalink({ view, camera: cameraRef.current, crawledAt });
      if (hubUrl !== PUBLIC_HUB) q.set('hub', hubUrl);
      const query = q.toString();
      window.history.replaceState(null, '', query ? `?${query}` : window.location.pathname);
    }, 250);
    return () => clearTimeout(timer);
  }, [view, crawledAt, hubUrl, urlTick]);
}
