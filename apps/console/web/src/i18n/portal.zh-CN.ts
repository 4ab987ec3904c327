/** 营业点门户 (canteen portal) messages. */
export const portal = {
  title: '营业点门户',
};
