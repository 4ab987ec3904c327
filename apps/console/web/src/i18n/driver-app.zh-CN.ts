/** 配送员手机端 (driver PWA) messages. */
export const driverApp = {
  title: '配送员',
};
