// As `npx sv create` makes it, with the Node adapter: the test starts the built server.
import adapter from '@sveltejs/adapter-node';

export default { kit: { adapter: adapter() } };
