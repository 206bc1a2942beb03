// Gives CommonJS bundles an `import.meta.url` equivalent (esbuild `inject`).
export const __import_meta_url = typeof document === 'undefined' ? require('url').pathToFileURL(__filename).href : undefined;
