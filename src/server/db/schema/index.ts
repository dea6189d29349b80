export * from './jobs';
export * from './market';
export * from './plan';
export * from './platform';
export * from './policies';
export * from './projects';
export * from './reference';
export * from './registry';
