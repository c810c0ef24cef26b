/**
 * Tells the CLI bundle (which also serves as its own worker script) that it runs as a
 * worker. A module of its own so the launcher can name it without loading the analysis.
 */
export const FILE_WORKER_ROLE = 'concurrency-lens/file-worker';
