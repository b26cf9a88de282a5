// The families panel: the orgs and root models whose forests are crawled and shown (add, remove). What can be
// added follows the URL codec's rules (link-rules.ts), bounded in length and count with a visible message, so
// every family here also fits in a link.
import { useState } from 'react';
import { normalizeRepoId } from '../lineage/repo-id.ts';
import { isOrg, MAX_LIST, MAX_NAME } from '../view/link-rules.ts';
import type { ViewState } from '../view/state.ts';

interface Props {
  view: ViewState;
  onChange(patch: Partial<ViewState>): void;
}

export function Families({ view, onChange }: Props) {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const add = (): void => {
    const value = text.trim();
    if (value.length > MAX_NAME)
      return setProblem(`An org or a model id has at most ${MAX_NAME} characters; this one has ${value.length}.`);
    if (view.orgs.length + view.roots.length >= MAX_LIST)
      return setProblem(`At most ${MAX_LIST} families and roots; remove one first.`);
    if (isOrg(value)) onChange({ orgs: [...new Set([...view.orgs, value])] });
    else {
      const id = normalizeRepoId(value);
      if (!id) return setProblem('Type an org (such as deepseek-ai) or a model id (owner/name).');
      onChange({ roots: [...new Set([...view.roots, id])] });
    }
    setText('');
    setProblem(null);
  };
  const chips = [
    ...view.orgs.map((o) => ({ kind: 'orgs' as const, value: o })),
    ...view.roots.map((r) => ({ kind: 'roots' as const, value: r })),
  ];
  return (
    <section aria-labelledby="families-h">
      <h2 id="families-h">Families</h2>
      <ul className="chips" data-testid="families">
        {chips.map((c) => (
          <li key={`${c.kind}:${c.value}`}>
            {c.value}
            <button
              type="button"
              aria-label={`Remove ${c.value}`}
              onClick={() => onChange({ [c.kind]: view[c.kind].filter((v) => v !== c.value) })}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={(e) => (e.preventDefault(), add())} className="row">
        <input
          aria-label="Add an org or a model as a root"
          placeholder="org or owner/model"
          value={text}
          maxLength={MAX_NAME + 1}
          onChange={(e) => setText(e.target.value)}
          data-testid="add-family-input"
        />
        <button type="submit">Add</button>
      </form>
      {problem && (
        <p role="alert" className="problem">
          {problem}
        </p>
      )}
    </section>
  );
}
