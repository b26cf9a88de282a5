// Knowledge keeps the count of junk tags as models are added, listed again and removed (the crawl reports it after
// every page, so it is not counted again over every kept model each time).
import { describe, expect, it } from 'vitest';
import { Knowledge } from '../../src/crawl/knowledge.ts';
import { hubModel } from './journal-fixtures.ts';

const withJunk = (id: string, junkTags: string[]) => ({ t: 'model' as const, model: { ...hubModel(id), junkTags } });

describe('junk tag report', () => {
  it('counts the tags of the kept models through additions, new listings of a model and removals', () => {
    const k = new Knowledge();
    k.apply([withJunk('a/one', ['base_model:/workspace/ckpt-1', 'base_model:zzz:org/x']), withJunk('b/two', [])]);
    expect(k.junkTagReport()).toEqual({
      count: 2,
      examples: [
        { child: 'a/one', tag: 'base_model:/workspace/ckpt-1' },
        { child: 'a/one', tag: 'base_model:zzz:org/x' },
      ],
    });
    // The same model listed again with one junk tag; another model gains one.
    k.apply([withJunk('A/One', ['base_model:/workspace/ckpt-2']), withJunk('b/two', ['base_model:./local'])]);
    expect(k.junkTagReport(1)).toEqual({
      count: 2,
      examples: [{ child: 'A/One', tag: 'base_model:/workspace/ckpt-2' }],
    });
    k.apply([{ t: 'removed', ids: ['a/one'] }, withJunk('c/three', [])]);
    expect(k.junkTagReport(0)).toEqual({ count: 1, examples: [] });
    k.apply([{ t: 'removed', ids: ['b/two', 'never/kept'] }]);
    expect(k.junkTagReport()).toEqual({ count: 0, examples: [] });
  });

  it('counts the junk parents an older journal kept as parents, once healed', () => {
    const k = new Knowledge();
    const old = { ...hubModel('d/four'), parents: [{ id: '/workspace/out', relation: 'adapter' as const }] };
    k.apply([{ t: 'model', model: old }]);
    expect(k.junkTagReport().count).toBe(1);
  });
});
