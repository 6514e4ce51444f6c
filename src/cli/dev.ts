import { main } from './cli';

// `npm run dev -- rank …`: the CLI from source through ts-node, for working on the engine without a rebuild.
main();
