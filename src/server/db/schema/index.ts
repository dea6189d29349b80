export * from './jobs';
export * from './plan';
export * from './platform';
export * from './policies';
export * from './projects';
export * from './recommendations';
export * from './reference';
export * from './registry';
