// Usage: the service's stats (GET /upload/stats, counted by its database) as a small bar chart of
// images and videos per persona, with the same numbers in a table for screen readers and for copying.
import type { JSX } from "preact";
import { useEffect, useState } from "preact/hooks";
import type { Persona, UploadStats } from "@personamedia/sdk";
import { session } from "./session.js";
import { ErrorMessage, formatBytes, problemOf, type Problem } from "./ui.js";

interface Row {
  id: string;
  name: string;
  images: number;
  videos: number;
  bytes: number;
}

export function StatsView(): JSX.Element {
  const [data, setData] = useState<{ stats: UploadStats; personas: Persona[] } | undefined>(undefined);
  const [problem, setProblem] = useState<Problem | undefined>(undefined);

  useEffect(() => {
    Promise.all([session.call((client) => client.media.stats()), session.call((client) => client.personas.list())])
      .then(([stats, personas]) => setData({ stats, personas }), (error: unknown) => setProblem(problemOf(error)));
  }, []);

  if (data === undefined) {
    return (
      <main id="main" tabIndex={-1}>
        <h1>Usage</h1>
        {problem === undefined ? <p role="status">Loading…</p> : <ErrorMessage problem={problem} />}
      </main>
    );
  }

  const { stats, personas } = data;
  // Every persona, those without files too (the service lists only personas that have some).
  const rows: Row[] = personas.map((persona) => {
    const usage = stats.persona_stats[String(persona.id)];
    return { id: String(persona.id), name: persona.name, images: usage?.images ?? 0, videos: usage?.videos ?? 0, bytes: usage?.total_size ?? 0 };
  });
  const share = stats.quota_bytes > 0 ? stats.used_bytes / stats.quota_bytes : 0;
  return (
    <main id="main" tabIndex={-1}>
      <h1>Usage</h1>
      <section class="card" aria-labelledby="totals-title">
        <h2 id="totals-title">All personas</h2>
        <p>
          {stats.image_count} {stats.image_count === 1 ? "photo" : "photos"} and {stats.video_count} {stats.video_count === 1 ? "video" : "videos"},{" "}
          {formatBytes(stats.used_bytes)} of your {formatBytes(stats.quota_bytes)} ({(share * 100).toFixed(1)}%). Files may be up to {stats.file_size_limit_mb} MiB each.
        </p>
        <label class="meter">
          Storage used
          <meter min={0} max={stats.quota_bytes} value={stats.used_bytes} high={stats.quota_bytes * 0.9} />
        </label>
      </section>
      <section class="card" aria-labelledby="chart-title">
        <h2 id="chart-title">Photos and videos per persona</h2>
        {rows.length === 0 ? <p>No files yet.</p> : <Chart rows={rows} />}
      </section>
    </main>
  );
}

/** Horizontal bars, two per persona, scaled to the largest count; the table below holds the numbers. */
function Chart({ rows }: { rows: Row[] }): JSX.Element {
  const largest = Math.max(1, ...rows.flatMap((row) => [row.images, row.videos]));
  const bar = 18;
  const gap = 6;
  const group = bar * 2 + gap * 3 + 18;
  const labelWidth = 0;
  const width = 560;
  const height = rows.length * group;
  const length = (count: number): number => Math.max(count > 0 ? 2 : 0, (count / largest) * (width - 40));
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby="chart-summary" preserveAspectRatio="xMinYMin meet">
        <title id="chart-summary">{rows.map((row) => `${row.name}: ${row.images} photos, ${row.videos} videos`).join("; ")}</title>
        {rows.map((row, index) => {
          const top = index * group;
          return (
            <g key={row.id} transform={`translate(${labelWidth} ${top})`}>
              <text x={0} y={13} class="chart-label">{row.name}</text>
              <rect x={0} y={18} width={length(row.images)} height={bar} class="bar images" />
              <text x={length(row.images) + 4} y={18 + 13} class="chart-value">{row.images}</text>
              <rect x={0} y={18 + bar + gap} width={length(row.videos)} height={bar} class="bar videos" />
              <text x={length(row.videos) + 4} y={18 + bar + gap + 13} class="chart-value">{row.videos}</text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        <span class="legend images">Photos</span> <span class="legend videos">Videos</span>
      </figcaption>
      <table class="stats-table">
        <caption class="visually-hidden">Files per persona</caption>
        <thead>
          <tr><th scope="col">Persona</th><th scope="col">Photos</th><th scope="col">Videos</th><th scope="col">Size</th></tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}><th scope="row">{row.name}</th><td>{row.images}</td><td>{row.videos}</td><td>{formatBytes(row.bytes)}</td></tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
