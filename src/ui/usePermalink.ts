// Keeps the address bar in step with the view and the camera, through the one URL codec (view/url-codec.ts),
// and applies the opening link's camera once the graph is first drawn. The link itself is decoded once, at
// start, by main.tsx; nothing here reads the address.
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { LineageRenderer } from '../render/renderer.ts';
import type { CameraView } from '../view/permalink.ts';
import type { ViewState } from '../view/state.ts';
import { encodeLink, type AppLink } from '../view/url-codec.ts';
import { PUBLIC_HUB } from './settings.ts';
import type { Layout } from './useExplorer.ts';
import type { DataRef } from '../lineage/data-ref.ts';

export function usePermalinkSync(
  link: AppLink,
  view: ViewState,
  crawledAt: string | null,
  hubUrl: string,
  rendererRef: RefObject<LineageRenderer | null>,
  layout: Layout | null,
  /** [#11] The published dataset and revision the data shown came from, or null for crawled data. */
  data: DataRef | null = null,
): void {
  const cameraRef = useRef<CameraView | null>(link.camera);
  const pendingCamera = useRef<CameraView | null>(link.camera);
  const [urlTick, setUrlTick] = useState(0);
  // The link's camera is applied once the graph is drawn; from then on the camera feeds the URL.
  useEffect(() => {
    const renderer = rendererRef.current;
    if (!renderer || !layout) return;
    if (pendingCamera.current) renderer.setCamera(pendingCamera.current);
    pendingCamera.current = null;
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
      const q = encodeLink({
        view,
        camera: cameraRef.current,
        crawledAt,
        hub: hubUrl,
        defaultHub: PUBLIC_HUB,
        snap: link.snap,
        data,
      });
      const query = q.toString();
      window.history.replaceState(null, '', query ? `?${query}` : window.location.pathname);
    }, 250);
    return () => clearTimeout(timer);
  }, [view, crawledAt, hubUrl, urlTick, link.snap, data?.repo, data?.revision]); // eslint-disable-line react-hooks/exhaustive-deps
}
