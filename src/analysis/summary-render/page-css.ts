/**
 * The one rule set of the summary page's fragment (`renderSummaryBody`): the
 * counts, the banner, the findings strip, the evidence gap map, the tables,
 * the effects and the forest plots. Both faces use it as is: the HTML report
 * (`REPORT_CSS` in html.ts, after its own variables) and the VS Code preview
 * (`dist/preview.css` = this + `media/preview.css`, whose variables come from
 * VS Code's theme; `scripts/preview-css.mjs` writes it at build time, and the
 * playground's stylesheet holds it too).
 *
 * Each face defines the variables; the rules never name a colour or a font:
 * - colours: `--fg`, `--bg`, `--muted`, `--border`, `--head` (header cells),
 *   `--desirable`, `--adverse`, `--neutral`, `--no-change`, `--warning`,
 *   `--info`, `--cert-high`, `--cert-moderate`, `--cert-low`,
 *   `--cert-very-low`, `--banner`, `--banner-border`;
 * - code: `--code-font`, `--code-background`, `--code-border` (a border
 *   shorthand), `--code-block` (the background of a snippet).
 *
 * It imports nothing, so the build can read it without the rest of the core.
 */
export const SUMMARY_CSS = `
.totals { font-weight: 600; margin: .6em 0 0; }
.by, .legend, .where, .subtitle, .detail, .empty, .intro, .zoom-hint, .country, .achieved-none { color: var(--muted); }
.where, .subtitle { font-size: .85em; font-weight: normal; }
code { font-family: var(--code-font); font-size: .95em; color: inherit; background: var(--code-background); border: var(--code-border);
  padding: 0 .2em; border-radius: 3px; }
pre { background: var(--code-block); padding: 8px; overflow-x: auto; }
pre code { background: none; border: 0; padding: 0; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid var(--border); padding: 4px 6px; vertical-align: top; text-align: left; }
thead th { background: var(--head); }
ul { margin: 0; padding-left: 1.1em; }
ul.effects { list-style: none; padding: 0; }
figure { margin: 0 0 1em; }

/* States */
.banner { border: 2px solid var(--banner-border); background: var(--banner); padding: 4px 12px; margin: 8px 0 1em; }
.banner h2 { margin: .3em 0; }
.empty-state button { margin-top: 4px; }

/* Findings strip and contents */
nav.contents ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 14px; margin: .5em 0 0; }
ul.strip { list-style: none; padding: 0; }
.strip-item { padding: 3px 0; border-bottom: 1px solid var(--border); }
.strip-item .name { font-weight: 600; }
.strip-item .first-message { display: block; }
.severity.error, .finding.error { color: var(--adverse); }
.severity.warning, .finding.warning { color: var(--warning); }
.severity.info, .finding.info { color: var(--info); }
.achieved-low { color: var(--adverse); }
.achieved-medium { color: var(--warning); }
.achieved-high { color: var(--desirable); }

/* The evidence gap map: frozen headers, narrow columns (fits a 600 px side panel). */
.map-scroll { overflow: auto; max-height: 75vh; border: 1px solid var(--border); width: fit-content; max-width: 100%; }
section.counts { margin-top: 1em; }
table.gap-map { width: auto; border-collapse: separate; border-spacing: 0; }
table.gap-map th, table.gap-map td { border-width: 0 1px 1px 0; }
table.gap-map thead { position: sticky; top: 0; z-index: 2; }
table.gap-map thead th { background: var(--head); font-size: .9em; min-width: 7em; }
table.gap-map th.outcome, table.gap-map th.corner, table.gap-map tr.domain th { position: sticky; left: 0; background: var(--bg); z-index: 1; }
table.gap-map th.corner { background: var(--head); z-index: 3; }
table.gap-map th.outcome { min-width: 7em; max-width: 10em; font-weight: normal; }
table.gap-map tr.domain th { background: var(--head); font-weight: 600; }
table.gap-map td { min-width: 7em; font-size: .9em; }
td.not-measured, .empty-cell .not-measured-word, .filtered { color: var(--muted); font-style: italic; }
td.not-measured { text-align: center; vertical-align: middle; }
.entry { display: block; padding: 1px 2px; }
.entry + .entry { border-top: 1px dotted var(--border); }
.entry .signs { font-weight: 600; }
.entry .cert, .entry .sources, .entry .subgroup { display: block; }
.entry .subgroup { font-style: italic; }
.dot { display: inline-block; border-radius: 50%; vertical-align: middle; border: 1px solid var(--fg); width: 10px; height: 10px; }
.size-2 .dot { width: 14px; height: 14px; }
.size-3 .dot { width: 18px; height: 18px; }
.cert-high .dot { background: var(--cert-high); }
.cert-moderate .dot { background: var(--cert-moderate); }
.cert-low .dot { background: var(--cert-low); }
.cert-very-low .dot { background: var(--cert-very-low); }
.legend-item { white-space: nowrap; margin-right: .6em; }

/* Tables and effects */
.coordination-table th[scope="row"] { position: sticky; left: 0; background: var(--bg); z-index: 1; min-width: 9em; }
.coordination-table td { min-width: 8em; }
.coordination-table td:nth-child(3) { min-width: 20em; }
table.matrix .effect { white-space: nowrap; }
.effect .word { font-size: .8em; }
.effect.desirable .mark { color: var(--desirable); }
.effect.adverse .mark { color: var(--adverse); font-weight: 600; }
.effect.neutral .mark { color: var(--neutral); }
.effect.no-change .mark { color: var(--no-change); }

/* Forest plots and the network's size */
svg.forest-plot { max-width: 100%; height: auto; }
svg.forest-plot text { fill: var(--fg); }
svg.forest-plot line, svg.forest-plot path.diamond { stroke: var(--fg); }
svg.forest-plot path.diamond { fill: var(--fg); }
svg.coord-network { max-width: 100%; height: auto; }
`;
