export * from './generations.js';
