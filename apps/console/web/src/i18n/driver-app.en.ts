import type { driverApp as zh } from './driver-app.zh-CN';

export const driverApp: typeof zh = {
  title: 'Driver',
};
