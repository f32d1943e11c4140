// The elements are defined in the browser only: the server renders their tags as Vue writes them.
import 'klarna-elements';

export default defineNuxtPlugin(() => {});
