/** The demo cart, kept in localStorage so it survives a reload. */

export interface CartLine {
  productId: string;
  colour: string;
  size: string;
  unitPrice: number;
  quantity: number;
}

const STORAGE_KEY = 'klarna-elements-demo-cart';

type Listener = (lines: readonly CartLine[]) => void;

class Cart extends EventTarget {
  private lines: CartLine[] = read();

  get items(): readonly CartLine[] {
    return this.lines;
  }

  get count(): number {
    return this.lines.reduce((sum, line) => sum + line.quantity, 0);
  }

  get total(): number {
    return this.lines.reduce((sum, line) => sum + line.unitPrice * line.quantity, 0);
  }

  add(line: CartLine): void {
    const same = this.lines.find((existing) => sameItem(existing, line));
    if (same) same.quantity += line.quantity;
    else this.lines.push({ ...line });
    this.save();
  }

  setQuantity(index: number, quantity: number): void {
    const line = this.lines[index];
    if (!line) return;
    if (quantity <= 0) this.lines.splice(index, 1);
    else line.quantity = quantity;
    this.save();
  }

  subscribe(listener: Listener): void {
    this.addEventListener('change', () => listener(this.lines));
  }

  private save(): void {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(this.lines));
    this.dispatchEvent(new Event('change'));
  }
}

function sameItem(a: CartLine, b: CartLine): boolean {
  return a.productId === b.productId && a.colour === b.colour && a.size === b.size;
}

function read(): CartLine[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(parsed) ? (parsed as CartLine[]) : [];
  } catch {
    return [];
  }
}

export const cart = new Cart();
