import { loadConsoleConfig } from './console-config';
import { createConsoleServer } from './console-server';

const config = loadConsoleConfig();
const server = createConsoleServer(config);
server.listen(config.port, () => {
  process.stdout.write(
    `console listening on http://127.0.0.1:${config.port} (static ${config.staticDir}; dev sign-in ${config.devTokens ? 'on' : 'off'})\n`,
  );
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
