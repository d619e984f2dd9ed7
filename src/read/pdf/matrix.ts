/**
 * 2-D affine matrices in PDF order [a, b, c, d, e, f]: x' = a·x + c·y + e, y' = b·x + d·y + f.
 * Reading a page composes content transforms, the viewport (PDF's bottom-left origin and /Rotate
 * → top-left points) and, for sideways content, a turn that makes the text upright.
 */
export type Matrix = readonly [number, number, number, number, number, number];

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** `outer ∘ inner`: apply `inner` first, then `outer`. */
export function compose(outer: Matrix, inner: Matrix): Matrix {
  const [a1, b1, c1, d1, e1, f1] = outer;
  const [a2, b2, c2, d2, e2, f2] = inner;
  return [
    a1 * a2 + c1 * b2,
    b1 * a2 + d1 * b2,
    a1 * c2 + c1 * d2,
    b1 * c2 + d1 * d2,
    a1 * e2 + c1 * f2 + e1,
    b1 * e2 + d1 * f2 + f1,
  ];
}

export function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** A direction vector through the matrix (no translation). */
export function applyVector(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y, m[1] * x + m[3] * y];
}

/** Quarter turns (0–3, clockwise on screen) that bring text running at `angleDeg` back to left-to-right. */
export function quarterTurnsOf(angleDeg: number): 0 | 1 | 2 | 3 {
  const q = Math.round((((angleDeg % 360) + 360) % 360) / 90) % 4;
  return q as 0 | 1 | 2 | 3;
}

/**
 * The matrix that turns a width × height top-left-origin page whose text runs at
 * `turns` × 90° (clockwise on screen, y down) so that the text runs left to right;
 * also the size of the turned page.
 */
export function uprightTurn(
  turns: 0 | 1 | 2 | 3,
  width: number,
  height: number,
): { m: Matrix; width: number; height: number } {
  switch (turns) {
    case 1: // text runs downwards: (x, y) → (y, W − x)
      return { m: [0, -1, 1, 0, 0, width], width: height, height: width };
    case 2: // upside down: (x, y) → (W − x, H − y)
      return { m: [-1, 0, 0, -1, width, height], width, height };
    case 3: // text runs upwards: (x, y) → (H − y, x)
      return { m: [0, 1, -1, 0, height, 0], width: height, height: width };
    default:
      return { m: IDENTITY, width, height };
  }
}
