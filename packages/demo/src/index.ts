export { startDemo, DASHBOARD_USER, type DemoStatus, type RunningDemo } from './run-demo.js';
export { demoOptionsFromEnv, type DemoOptions } from './demo.config.js';
export { formatSummary, summarizeSince, historyWatermark, totalWrites, type RunSummary, type TypeCounts, type SideCounts } from './summary.js';
