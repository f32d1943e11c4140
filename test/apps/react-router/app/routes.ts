import { type RouteConfig, route } from '@react-router/dev/routes';

export default [route('product', 'routes/product.tsx')] satisfies RouteConfig;
