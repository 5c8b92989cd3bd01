/**
 * Picks one item with probability proportional to its weight. Items of weight 0 are never picked unless every
 * weight is 0, in which case the pick is uniform. `items` must not be empty.
 */
export function weightedPick<T>(items: readonly T[], weightOf: (item: T) => number, random: () => number): T {
  const weights = items.map((item) => Math.max(0, weightOf(item)));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  if (total <= 0) return items[Math.floor(random() * items.length)] ?? (items[0] as T);
  let point = random() * total;
  for (let index = 0; index < items.length; index += 1) {
    point -= weights[index] as number;
    if (point < 0 && (weights[index] as number) > 0) return items[index] as T;
  }
  // Floating-point rounding can leave the point on the upper edge: the last positive-weight item owns it.
  const lastIndex = weights.findLastIndex((weight) => weight > 0);
  return items[lastIndex] as T;
}

/** Picks uniformly among the items that share the lowest score. `items` must not be empty. */
export function pickLowest<T>(items: readonly T[], scoreOf: (item: T) => number, random: () => number): T {
  const scores = items.map(scoreOf);
  const lowest = Math.min(...scores);
  const best = items.filter((_, index) => scores[index] === lowest);
  return best[Math.floor(random() * best.length)] ?? (best[0] as T);
}
