export * from './generations.js';
export * from './generationMessages.js';
export * from './quota.js';
export * from './apiRequests.js';
export * from './operator.js';
export * from './health.js';
export * from './serverKeys.js';
