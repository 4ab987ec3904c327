// Integration specs wait on a real broker: joining a group and topic creation take seconds.
jest.setTimeout(60_000);
