export * from './shared.types';
export * from './orders.events';
export * from './procurement.events';
export * from './delivery.events';
export * from './aftersales.events';
export * from './catalogue';
