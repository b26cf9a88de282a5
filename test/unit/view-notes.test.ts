// What the page notes about the view it opened on, and what a dismissal keeps away.
import { describe, expect, it } from 'vitest';
import { missingPick, viewNotes } from '../../src/ui/useViewNotes.ts';

const moved = 'This link was made on data crawled 2026-11-01 10:00 UTC; the data shown was crawled later (…).';

describe('viewNotes', () => {
  it('notes the data moved on and a pick the graph does not hold, each under a key that stays', () => {
    const notes = viewNotes({ movedOn: moved, missing: 'nobody/gone', models: 1234, dismissed: new Set() });
    expect(notes.map((n) => n.key)).toEqual(['moved-on', 'missing:nobody/gone']);
    expect(notes[1]?.text).toBe(missingPick('nobody/gone', 1234));
    expect(notes[1]?.text).toMatch(/^nobody\/gone, picked in this view, is not among the 1,234 models here/);
  });

  it('keeps a dismissed note away when its numbers change (a refresh, a later crawl)', () => {
    const dismissed = new Set(['moved-on', 'missing:nobody/gone']);
    const later = moved.replace('later (…)', 'later (2026-12-01 09:00 UTC)');
    expect(viewNotes({ movedOn: later, missing: 'nobody/gone', models: 2000, dismissed })).toEqual([]);
    // Another missing pick is another note.
    expect(viewNotes({ movedOn: null, missing: 'other/gone', models: 2000, dismissed }).map((n) => n.key)).toEqual([
      'missing:other/gone',
    ]);
  });

  it('notes nothing when the link is current and the pick is there', () => {
    expect(viewNotes({ movedOn: null, missing: null, models: 5, dismissed: new Set() })).toEqual([]);
  });
});
