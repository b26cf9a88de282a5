// What the command line prints: Hub text made inert (control characters shown as escapes, so an id cannot set the
// window title, colour the terminal or move the cursor), and progress as one updating line with an ETA on a
// terminal, plain lines elsewhere. Every CLI message that carries Hub text goes through inert().

/** C0 and C1 controls, DEL, and the bidirectional overrides that reorder what a terminal shows. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function inert(text: string): string {
  return text.replace(CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A duration as a person reads it: "2 h 05 min", "7 min", "under a minute". */
export function hoursMinutes(ms: number): string {
  if (!Number.isFinite(ms)) return 'unknown';
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return 'under a minute';
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

export interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** Progress on one line rewritten in place on a terminal; messages print above it. */
export class StatusLine {
  private shown = '';

  constructor(private readonly out: Output) {}

  /** The current progress (already inert). */
  update(text: string): void {
    if (!this.out.isTTY) {
      this.out.write(`${text}\n`);
      return;
    }
    const width = Math.max(20, (this.out.columns || 100) - 1);
    this.shown = text.length > width ? `${text.slice(0, width - 1)}…` : text;
    this.out.write(`\r${this.shown}\u001b[K`);
  }

  /** A message on its own line (already inert), the progress line drawn again under it. */
  say(text: string): void {
    if (!this.out.isTTY || !this.shown) {
      this.out.write(`${text}\n`);
      return;
    }
    this.out.write(`\r\u001b[K${text}\n${this.shown}\u001b[K`);
  }

  /** Leaves the last progress on screen and ends its line. */
  end(): void {
    if (this.out.isTTY && this.shown) this.out.write('\n');
    this.shown = '';
  }
}
