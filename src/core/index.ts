// Public surface of the rule core.
export * from './types';
export * from './codes';
export * from './bill';
export * from './i18n';
