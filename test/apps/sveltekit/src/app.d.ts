// The docs' one line for types: the tags join Svelte's `svelteHTML`.
import type {} from 'klarna-elements/svelte';

export {};
