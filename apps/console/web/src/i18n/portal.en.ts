import type { portal as zh } from './portal.zh-CN';

export const portal: typeof zh = {
  title: 'Canteen portal',
};
