// The docs' one line for types: the tags join Vue's GlobalComponents.
import type {} from 'klarna-elements/vue';
