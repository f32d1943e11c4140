// A Node server's code against the server and emulator entries, with Node's types.
import { OsmClient } from 'klarna-elements/server';
import { startEmulator } from 'klarna-elements/emulator';

const emulator = await startEmulator();
const osm = new OsmClient({ baseUrl: emulator.url });
const message = await osm.getMessage({ clientId: 'YOUR-OSM-CLIENT-ID', placementKey: 'credit-promotion-badge', locale: 'en-US', purchaseAmount: 32900 });
console.log(message.url);
await emulator.close();
