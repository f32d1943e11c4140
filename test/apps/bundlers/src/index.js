// What a shop's own code does: imports the two element entries by their package subpaths, each of
// which defines its element. The bundler under test decides what becomes of their on-demand imports.
import 'klarna-elements/osm-placement';
import 'klarna-elements/instant-shopping';
