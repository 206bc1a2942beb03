/**
 * "Did you mean …": the declared name closest to a misspelt one, by
 * Damerau–Levenshtein distance, ignoring case first.
 */

/** Optimal-string-alignment distance between two strings. */
export function editDistance(a: string, b: string): number {
    const m = a.length, n = b.length;
    if (m === 0) return n;
    if (n === 0) return m;
    let prev2 = new Array<number>(n + 1).fill(0);
    let prev = Array.from({ length: n + 1 }, (_, j) => j);
    let cur = new Array<number>(n + 1).fill(0);
    for (let i = 1; i <= m; i++) {
        cur[0] = i;
        for (let j = 1; j <= n; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
            cur[j] = v;
        }
        [prev2, prev, cur] = [prev, cur, prev2];
    }
    return prev[n];
}

/** The candidate closest to `name`, if one is close enough to be a likely typo. */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
    const lower = name.toLowerCase();
    let best: string | undefined;
    let bestDistance = Infinity;
    for (const c of candidates) {
        if (c === name) continue;
        const cl = c.toLowerCase();
        if (cl === lower) return c;
        if (Math.abs(c.length - name.length) > bestDistance) continue;
        const d = editDistance(lower, cl);
        if (d < bestDistance || (d === bestDistance && best !== undefined && c < best)) {
            best = c;
            bestDistance = d;
        }
    }
    const limit = Math.max(1, Math.min(3, Math.floor(name.length / 3)));
    return bestDistance <= limit ? best : undefined;
}
