// The graph follows the system's colour scheme (prefers-color-scheme): the canvas background, the labels' ink and
// the box drawn behind a hovered or marked model's label come from the one palette (view/palette.ts), and change
// at once when the system switches. sigma's own hover drawer paints that box white whatever the label colour, so a
// dark scheme would put light text on white: the label placer's hover drawer (./labels.ts) takes the theme's box.
import type Sigma from 'sigma';
import type { Attributes } from 'graphology-types';
import type { LabelPlacer } from './labels.ts';
import { GRAPH_THEMES, type ColorScheme, type GraphTheme } from '../view/palette.ts';

const DARK = '(prefers-color-scheme: dark)';

export function colorScheme(): ColorScheme {
  return typeof matchMedia === 'function' && matchMedia(DARK).matches ? 'dark' : 'light';
}

/** Calls back when the system's scheme changes; returns the way to stop listening. */
export function onSchemeChange(callback: (scheme: ColorScheme) => void): () => void {
  if (typeof matchMedia !== 'function') return () => {};
  const query = matchMedia(DARK);
  const listener = (): void => callback(colorScheme());
  query.addEventListener('change', listener);
  return () => query.removeEventListener('change', listener);
}

/** Keeps a sigma instance's themed settings and its container's background in step with the scheme. Made before
 * sigma, which is built with `settings` (its first frame reads them), attached once sigma exists: a setting
 * changed afterwards costs sigma a whole refresh of every model. */
export class SchemeFollower {
  current: GraphTheme = GRAPH_THEMES[colorScheme()];
  private setInk: ((color: string) => void) | null = null;
  private labels: LabelPlacer | null = null;
  private stop: () => void = () => {};

  constructor(private readonly container: HTMLElement) {
    container.style.background = this.current.background;
  }

  /** The themed sigma settings of the current scheme, for sigma's constructor. */
  get settings(): { labelColor: { color: string } } {
    return { labelColor: { color: this.current.ink } };
  }

  /** `labels`: the placer whose hover box follows the scheme. */
  attach<N extends Attributes, E extends Attributes>(
    sigma: Sigma<N, E>,
    labels: LabelPlacer,
    onChange: () => void,
  ): void {
    this.setInk = (color) => sigma.setSetting('labelColor', { color });
    this.labels = labels;
    labels.boxColor = this.current.box;
    this.stop = onSchemeChange((scheme) => {
      this.current = GRAPH_THEMES[scheme];
      this.apply();
      onChange();
    });
  }

  dispose(): void {
    this.stop();
  }

  private apply(): void {
    this.container.style.background = this.current.background;
    this.setInk?.(this.current.ink);
    if (this.labels) this.labels.boxColor = this.current.box;
  }
}
