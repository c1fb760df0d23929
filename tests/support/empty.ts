// Stands in for the "server-only" package under vitest, which is not a React server bundle.
export {};
