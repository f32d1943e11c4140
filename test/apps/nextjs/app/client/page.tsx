import { klarnaSettings } from '../../klarna';
import { Product } from './product';

export const dynamic = 'force-dynamic';

export default async function ClientPage({ searchParams }: { searchParams: Promise<{ client?: string; instance?: string }> }) {
  const { client = '', instance = 'next-client' } = await searchParams;
  return <Product clientId={client} instanceId={instance} {...klarnaSettings()} />;
}
