// Which published lineage dataset the page opens, and when (#11). The link's `data=` wins, then the settings'
// dataset (DEFAULT_DATASET unless changed; empty: always crawl). Once the cache is open:
// - an empty cache opens the dataset and keeps it (a named revision as it is; else the latest, then refreshed);
// - a cache that came from a dataset stays, unless the link or the settings name another dataset or revision;
//   its revision is compared with the dataset's newest, and a newer one is offered;
// - a crawled cache stays, and a link's dataset is only shown beside it (the cache is not replaced); a dataset
//   chosen in the settings replaces it.
// Until that is decided, and while the dataset loads, the app does not start a crawl (`holdCrawl`). A dataset that
// cannot be opened says why (the default one, when absent, only in the status) and the app crawls.
import { useCallback, useEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import { formatDataRef, parseDataRef, shortRevision, type DataRef } from '../lineage/data-ref.ts';
import { newerSnapshot, type NewerSnapshot } from '../snapshot/load.ts';
import { DEFAULT_DATASET } from '../snapshot/default.ts';
import { defaultView } from '../view/state.ts';
import type { AppLink } from '../view/url-codec.ts';
import type { Explorer } from './useExplorer.ts';
import type { HubSettings } from './settings.ts';

const isCommit = (rev: string | undefined): boolean => rev !== undefined && /^[0-9a-f]{40}$/.test(rev);
const utc = (iso: string): string => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

interface Options {
  explorer: Explorer;
  link: AppLink;
  /** The Hub, and the settings' dataset (OWNER/NAME, or '' for none). */
  settings: Pick<HubSettings, 'hubUrl' | 'dataset'>;
  token: string | null;
  /** A token question is open: nothing is sent until it is answered. */
  asking: boolean;
  /** The app's notice, which a dataset's message is added to. */
  setNotice: Dispatch<SetStateAction<string | null>>;
  /** The dataset's families, adopted when the link named none. */
  onSeeds(seeds: { orgs: string[]; roots: string[] }): void;
}

export interface PublishedData {
  holdCrawl: boolean;
  /** The dataset's newest snapshot, when it is newer than the one shown. */
  newer: (NewerSnapshot & { repo: string }) | null;
  takeNewer(): void;
  /** The dataset and revision the data shown came from (what a permalink carries), or null for crawled data. */
  shown: DataRef | null;
}

export function usePublishedData(o: Options): PublishedData {
  const { explorer, link } = o;
  const { hubUrl, dataset } = o.settings;
  const notice = (m: string): void => o.setNotice((n) => (n ? `${n} ${m}` : m));
  const wanted = link.snap ? null : (link.data ?? parseDataRef(dataset));
  const explicit = link.data !== null || dataset !== DEFAULT_DATASET;
  const [newer, setNewer] = useState<PublishedData['newer']>(null);
  const checked = useRef<string | null>(null);
  const { phase, info, storeProblem, dataLoad } = explorer;
  const origin = info?.dataset ?? null;
  const pinned = isCommit(wanted?.revision);
  // What the open cache calls for: keep the dataset as the cache, only show it beside a crawled cache, or nothing.
  // Once asked for, the explorer holds the load's state (an emptied cache or another Hub forgets it, and asks again).
  const tried = dataLoad !== null && dataLoad.ref.repo === wanted?.repo;
  const plan: 'keep' | 'show' | null =
    !wanted || tried
      ? null
      : !info
        ? 'keep'
        : origin
          ? explicit && (origin.repo !== wanted.repo || (pinned && wanted.revision !== origin.revision))
            ? 'keep'
            : null
          : link.data
            ? 'show'
            : explicit
              ? 'keep'
              : null;

  useEffect(() => {
    if (!plan || !wanted || phase !== 'idle' || storeProblem || o.asking) return;
    const keep = plan === 'keep';
    const ref = pinned ? wanted : { repo: wanted.repo };
    explorer.openData(ref, { keep, refresh: keep && !pinned, quietMissing: !explicit });
  }, [plan, phase, storeProblem, o.asking]); // eslint-disable-line react-hooks/exhaustive-deps

  // The dataset's families become the view's when the link named none; a link made on refreshed data says so.
  const adopted = useRef(false);
  useEffect(() => {
    if (dataLoad?.state !== 'loaded' || !info || adopted.current) return;
    adopted.current = true;
    const d = defaultView();
    if (link.view.orgs.join() === d.orgs.join() && link.view.roots.length === 0)
      o.onSeeds({ orgs: info.orgs, roots: info.roots });
    if (link.data?.revision && link.crawledAt && origin && Date.parse(link.crawledAt) > Date.parse(info.crawledAt))
      notice(
        `This link was made on ${origin.repo}@${shortRevision(origin.revision)} brought up to date on ${utc(link.crawledAt)}; shown is that published revision alone (no crawl), so models made since ${utc(origin.watermark)} may be missing.`,
      );
  }, [dataLoad, info]); // eslint-disable-line react-hooks/exhaustive-deps

  // A dataset that could not be opened: a notice, unless it is the default one and simply absent.
  useEffect(() => {
    if (dataLoad?.state === 'failed' && !dataLoad.quiet)
      notice(
        `The lineage dataset ${formatDataRef(dataLoad.ref)} could not be opened: ${dataLoad.message} Crawling instead.`,
      );
  }, [dataLoad]); // eslint-disable-line react-hooks/exhaustive-deps

  // Is there newer published data? One request when not (the dataset's head is the revision shown).
  useEffect(() => {
    if (!origin || phase !== 'idle' || o.asking || checked.current === origin.revision) return;
    checked.current = origin.revision;
    // The latest was just resolved when it loaded: nothing newer to ask about.
    if (dataLoad?.state === 'loaded' && !isCommit(dataLoad.ref.revision)) return;
    const source = { hubUrl, repo: origin.repo, fetch: globalThis.fetch.bind(globalThis) };
    void newerSnapshot(o.token ? { ...source, accessToken: o.token } : source, origin.revision)
      .then((n) => setNewer(n && { ...n, repo: origin.repo }))
      .catch(() => undefined);
  }, [origin, phase, o.asking]); // eslint-disable-line react-hooks/exhaustive-deps

  const takeNewer = useCallback(() => {
    if (!newer) return;
    setNewer(null);
    explorer.openData({ repo: newer.repo }, { keep: true, refresh: true, quietMissing: false });
  }, [newer, explorer]);

  const loading = dataLoad?.state === 'loading' || (dataLoad?.state === 'loaded' && phase === 'opening');
  return {
    holdCrawl: plan !== null || loading || phase === 'opening',
    newer,
    takeNewer,
    shown: origin ? { repo: origin.repo, revision: origin.revision } : null,
  };
}
