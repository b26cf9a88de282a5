// The lineage dataset the app opens when neither a link (`?data=`) nor the settings name one: the one place it is
// named. `npm run demo` publishes its snapshot under the same name on the local Hub, so the demo opens it too.
// On a Hub without it, a first visit says so in the status and crawls, as before datasets existed.
export const DEFAULT_DATASET = 'forkscope/lineage';
