import 'reflect-metadata';
export * from './kafka-probe';
export * from './test-service';
