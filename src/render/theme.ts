// The graph follows the system's colour scheme (prefers-color-scheme): the canvas background, the labels' ink and
// the box sigma draws behind a hovered or marked model's label come from the one palette (view/palette.ts), and
// change at once when the system switches. sigma's own hover drawer paints that box white whatever the label
// colour, so a dark scheme would put light text on white: the drawer here is sigma's with the box colour themed.
import type Sigma from 'sigma';
import { drawDiscNodeLabel } from 'sigma/rendering';
import type { NodeDisplayData, PartialButFor } from 'sigma/types';
import type { Settings } from 'sigma/settings';
import type { Attributes } from 'graphology-types';
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

type HoverData = PartialButFor<NodeDisplayData, 'x' | 'y' | 'size' | 'label' | 'color'>;

/** Keeps a sigma instance's themed settings and its container's background in step with the scheme. Made before
 * sigma (whose first frame reads `current`), attached once sigma exists. */
export class SchemeFollower {
  current: GraphTheme = GRAPH_THEMES[colorScheme()];
  private sigma: Sigma | null = null;
  private stop: () => void = () => {};

  constructor(private readonly container: HTMLElement) {
    container.style.background = this.current.background;
  }

  attach(sigma: Sigma, onChange: () => void): void {
    this.sigma = sigma;
    this.apply();
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
    this.sigma?.setSetting('labelColor', { color: this.current.ink });
    this.sigma?.setSetting('defaultDrawNodeHover', this.drawHover);
  }

  /** sigma's drawDiscNodeHover (sigma/rendering), with the box in the theme's colour. */
  private readonly drawHover = <N extends Attributes, E extends Attributes, G extends Attributes>(
    context: CanvasRenderingContext2D,
    data: HoverData,
    settings: Settings<N, E, G>,
  ): void => {
    const size = settings.labelSize;
    context.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
    context.fillStyle = this.current.box;
    context.shadowOffsetX = 0;
    context.shadowOffsetY = 0;
    context.shadowBlur = 8;
    context.shadowColor = '#000';
    const PADDING = 2;
    context.beginPath();
    if (typeof data.label === 'string') {
      const boxWidth = Math.round(context.measureText(data.label).width + 5);
      const boxHeight = Math.round(size + 2 * PADDING);
      const radius = Math.max(data.size, size / 2) + PADDING;
      const angle = Math.asin(boxHeight / 2 / radius);
      const dx = Math.sqrt(Math.abs(radius ** 2 - (boxHeight / 2) ** 2));
      context.moveTo(data.x + dx, data.y + boxHeight / 2);
      context.lineTo(data.x + radius + boxWidth, data.y + boxHeight / 2);
      context.lineTo(data.x + radius + boxWidth, data.y - boxHeight / 2);
      context.lineTo(data.x + dx, data.y - boxHeight / 2);
      context.arc(data.x, data.y, radius, angle, -angle);
    } else context.arc(data.x, data.y, data.size + PADDING, 0, Math.PI * 2);
    context.closePath();
    context.fill();
    context.shadowBlur = 0;
    drawDiscNodeLabel(context, data, settings);
  };
}
