/**
 * A progress line for long runs: written to stderr only when stderr is a
 * terminal and the run has taken longer than a moment, redrawn in place with
 * `\r`, throttled, and erased when the run ends, so that stdout holds nothing
 * but the report and short runs print nothing at all.
 */

export interface ProgressOptions {
    /** Whether to draw at all (stderr is a TTY). */
    enabled: boolean;
    /** Nothing is drawn before this many milliseconds have passed (default 500). */
    delayMs?: number;
    /** The least time between two redraws (default 100 ms). */
    intervalMs?: number;
    /** The clock, for tests. */
    now?: () => number;
    /** The terminal width, to keep the line on one row. */
    columns?: number;
}

export class ProgressLine {
    private readonly started: number;
    private lastDraw = -Infinity;
    private shown = false;
    private readonly now: () => number;

    constructor(private readonly stream: { write(text: string): unknown }, private readonly options: ProgressOptions) {
        this.now = options.now ?? Date.now;
        this.started = this.now();
    }

    /** Shows `text` as the current state, if the run is long enough and the last redraw is not too recent. */
    update(text: string): void {
        if (!this.options.enabled) return;
        const t = this.now();
        if (t - this.started < (this.options.delayMs ?? 500) || t - this.lastDraw < (this.options.intervalMs ?? 100)) return;
        this.lastDraw = t;
        const width = Math.max(20, (this.options.columns ?? 80) - 1);
        const line = text.length > width ? text.slice(0, width - 1) + '…' : text;
        this.stream.write(`\r${line}\x1b[K`);
        this.shown = true;
    }

    /** Erases the line, if one was drawn. */
    done(): void {
        if (this.shown) this.stream.write('\r\x1b[K');
        this.shown = false;
    }
}
