// Keeps the address bar in step with the view and the camera, through the one URL codec (view/url-codec.ts) and
// the address bar's writer (address-bar.ts): a pick, a focus or a selection is a new history entry, anything else
// rewrites the current one a moment later. Back and Forward bring back an entry's step (view/history.ts) and its
// camera. Applies the opening link's camera once the graph is first drawn. The opening link itself is decoded
// once, at start, by main.tsx.
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { LineageRenderer } from '../render/renderer.ts';
import { stepKey } from '../view/history.ts';
import type { CameraView } from '../view/permalink.ts';
import type { ViewState } from '../view/state.ts';
import { encodeLink, type AppLink } from '../view/url-codec.ts';
import { AddressWriter, onAddressRestored } from './address-bar.ts';
import { PUBLIC_HUB } from './settings.ts';
import type { Layout } from './useExplorer.ts';
import type { DataRef } from '../lineage/data-ref.ts';

export interface PermalinkSync {
  /** The link of the view as it is now (a write still waiting is made first). */
  linkNow(): string;
}

export function usePermalinkSync(
  link: AppLink,
  view: ViewState,
  crawledAt: string | null,
  hubUrl: string,
  rendererRef: RefObject<LineageRenderer | null>,
  layout: Layout | null,
  /** Called with the view of the history entry Back or Forward brought back. */
  onRestore: (entry: ViewState) => void,
  /** [#11] The published dataset and revision the data shown came from, or null for crawled data. */
  data: DataRef | null = null,
): PermalinkSync {
  const cameraRef = useRef<CameraView | null>(link.camera);
  const pendingCamera = useRef<CameraView | null>(link.camera);
  const [urlTick, setUrlTick] = useState(0);
  const [writer] = useState(() => new AddressWriter(stepKey(link.view)));
  const restoreRef = useRef(onRestore);
  useEffect(() => {
    restoreRef.current = onRestore;
  }, [onRestore]);

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
    const query = encodeLink({
      view,
      camera: cameraRef.current,
      crawledAt,
      hub: hubUrl,
      defaultHub: PUBLIC_HUB,
      snap: link.snap,
      data,
    }).toString();
    writer.write(query, stepKey(view));
  }, [writer, view, crawledAt, hubUrl, urlTick, link.snap, data?.repo, data?.revision]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => () => writer.cancel(), [writer]);

  useEffect(
    () =>
      onAddressRestored((entry) => {
        writer.restored(stepKey(entry.view));
        restoreRef.current(entry.view);
        // Before the graph is drawn, the entry's camera waits like the opening link's.
        if (entry.camera && rendererRef.current) rendererRef.current.setCamera(entry.camera);
        else if (entry.camera) pendingCamera.current = entry.camera;
      }),
    [writer, rendererRef],
  );

  return { linkNow: () => writer.now() };
}
