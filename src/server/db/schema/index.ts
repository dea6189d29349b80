export * from './plan';
export * from './platform';
export * from './reference';
export * from './registry';
export * from './projects';
