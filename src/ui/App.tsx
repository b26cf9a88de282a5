// The application shell: header with the Hub in use, the graph area and the side panels.
export function App() {
  return (
    <div className="app">
      <header className="app-header">
        <h1>Forkscope</h1>
        <input data-testid="search-input" type="search" placeholder="Search models" aria-label="Search models" />
      </header>
      <main className="app-main">
        <div data-testid="graph" className="graph" aria-label="Model lineage graph" />
        <aside data-testid="crawl-status" aria-live="polite">
          Nothing crawled yet
        </aside>
      </main>
    </div>
  );
}
