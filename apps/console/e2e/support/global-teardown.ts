import mongoose from 'mongoose';
import { stopSystem, systemInfo } from './system';

/** Stops what global setup started and drops its databases. */
export default async function globalTeardown(): Promise<void> {
  const info = systemInfo();
  stopSystem(info);
  await new Promise((r) => setTimeout(r, 1000));
  const connection = await mongoose
    .createConnection(process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017')
    .asPromise();
  try {
    for (const db of info.databases) await connection.useDb(db).dropDatabase();
  } finally {
    await connection.close();
  }
}
