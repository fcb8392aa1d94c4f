/**
 * A sorted set (treap with subtree sizes): insert, delete and rank in O(log n) expected, in-order walk
 * from the smallest element. The queue index keeps each waiting line in one, so a ticket joining or
 * leaving a line of thousands costs a few dozen comparisons, not a re-sort or an array shift.
 */
interface Node<T> {
  value: T;
  weight: number;
  size: number;
  left: Node<T> | null;
  right: Node<T> | null;
}

const size = <T>(n: Node<T> | null) => (n ? n.size : 0);
const fix = <T>(n: Node<T>) => {
  n.size = 1 + size(n.left) + size(n.right);
  return n;
};

export class OrderedSet<T> {
  private root: Node<T> | null = null;

  constructor(private readonly compare: (a: T, b: T) => number) {}

  get size(): number {
    return size(this.root);
  }

  insert(value: T): void {
    this.root = this.ins(this.root, { value, weight: Math.random(), size: 1, left: null, right: null });
  }

  /** Removes the element equal to `value` (by the comparator); false when absent. */
  delete(value: T): boolean {
    const before = this.size;
    this.root = this.del(this.root, value);
    return this.size < before;
  }

  /** How many elements sort before `value`. */
  rank(value: T): number {
    let n = this.root;
    let r = 0;
    while (n) {
      const c = this.compare(value, n.value);
      if (c === 0) return r + size(n.left);
      if (c < 0) n = n.left;
      else {
        r += size(n.left) + 1;
        n = n.right;
      }
    }
    return r;
  }

  /** In-order walk from the smallest element; stops when the caller stops pulling. */
  *values(): Generator<T> {
    const stack: Node<T>[] = [];
    let n = this.root;
    while (n || stack.length) {
      while (n) {
        stack.push(n);
        n = n.left;
      }
      const top = stack.pop()!;
      yield top.value;
      n = top.right;
    }
  }

  private ins(n: Node<T> | null, x: Node<T>): Node<T> {
    if (!n) return x;
    if (this.compare(x.value, n.value) < 0) {
      n.left = this.ins(n.left, x);
      if (n.left.weight > n.weight) return this.rotateRight(n);
    } else {
      n.right = this.ins(n.right, x);
      if (n.right.weight > n.weight) return this.rotateLeft(n);
    }
    return fix(n);
  }

  private del(n: Node<T> | null, value: T): Node<T> | null {
    if (!n) return null;
    const c = this.compare(value, n.value);
    if (c < 0) n.left = this.del(n.left, value);
    else if (c > 0) n.right = this.del(n.right, value);
    else return this.merge(n.left, n.right);
    return fix(n);
  }

  private merge(a: Node<T> | null, b: Node<T> | null): Node<T> | null {
    if (!a) return b;
    if (!b) return a;
    if (a.weight > b.weight) {
      a.right = this.merge(a.right, b);
      return fix(a);
    }
    b.left = this.merge(a, b.left);
    return fix(b);
  }

  private rotateRight(n: Node<T>): Node<T> {
    const l = n.left!;
    n.left = l.right;
    l.right = fix(n);
    return fix(l);
  }

  private rotateLeft(n: Node<T>): Node<T> {
    const r = n.right!;
    n.right = r.left;
    r.left = fix(n);
    return fix(r);
  }
}
