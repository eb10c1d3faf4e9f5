namespace OitCrawler.Dashboard;

/// <summary>The dashboard's one stylesheet: report.html's visual language (fonts, palette, tables), served from /assets so the pages need no inline style.</summary>
internal static class DashboardStyles
{
    public const string Css = """
        :root { --ink: #1f2328; --muted: #545d69; --line: #d0d7de; --soft: #f6f8fa; --accent: #0b5394; }
        * { box-sizing: border-box; }
        html { font-family: 'Sarabun','TH Sarabun New','Noto Sans Thai','Loma',sans-serif; color: var(--ink); background: #fff; }
        body { max-width: 1180px; margin: 0 auto; padding: 0 28px 40px; font-size: 15px; line-height: 1.6; }
        .skip { position: absolute; left: -10000px; }
        .skip:focus { left: 8px; top: 8px; background: #fff; padding: 4px 8px; }
        header.top { border-bottom: 1px solid var(--line); padding: 14px 0 8px; margin-bottom: 10px; }
        header.top nav { display: flex; flex-wrap: wrap; gap: 6px 18px; font-size: 16px; }
        header.top nav a { text-decoration: none; padding: 2px 0; border-bottom: 2px solid transparent; }
        header.top nav a[aria-current="page"] { border-bottom-color: var(--accent); font-weight: 700; }
        h1 { font-size: 28px; margin: 10px 0 4px; line-height: 1.3; }
        h2 { font-size: 21px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--accent); color: var(--accent); }
        a { color: var(--accent); }
        .kicker { color: var(--muted); font-size: 14px; margin: 0 0 6px; }
        .meta { color: var(--muted); margin: 2px 0; }
        .lead { font-size: 17px; }
        .en { color: var(--muted); font-size: 13px; font-weight: 400; }
        .small { color: var(--muted); font-size: 13px; font-weight: 400; }
        .cards { display: flex; flex-wrap: wrap; gap: 12px; }
        .card { border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; margin: 0; background: #fff; break-inside: avoid; }
        .score { width: 232px; }
        .score .value { font-size: 34px; font-weight: 700; margin: 4px 0 2px; font-variant-numeric: tabular-nums; }
        .score p { margin: 2px 0; }
        figure.chart { margin: 0; }
        figure.chart svg { width: 100%; max-width: 720px; height: auto; }
        svg text { font-family: 'Sarabun','TH Sarabun New','Noto Sans Thai','Loma',sans-serif; }
        svg .axis { font-size: 12px; fill: #333; }
        svg .grid { stroke: #e3e6ea; }
        svg .axisline { stroke: #555; }
        svg .mark { stroke: #555; stroke-dasharray: 5 4; }
        svg polyline { fill: none; stroke-width: 2.2; }
        .oit { stroke: #1565c0; fill: #1565c0; } .i9 { stroke: #2e7d32; fill: #2e7d32; } .i10 { stroke: #b45309; fill: #b45309; }
        polyline.oit, polyline.i9, polyline.i10 { fill: none; }
        .k-oit { color: #1565c0; } .k-i9 { color: #2e7d32; } .k-i10 { color: #b45309; }
        table { border-collapse: collapse; width: 100%; margin: 6px 0 10px; }
        caption { text-align: left; color: var(--muted); font-size: 13px; padding: 2px 0; }
        th, td { border: 1px solid var(--line); padding: 5px 7px; vertical-align: top; text-align: left; }
        thead th { background: var(--soft); font-weight: 600; }
        th a { color: var(--ink); }
        td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
        td { overflow-wrap: anywhere; }
        .kv th { width: 190px; background: var(--soft); }
        .badge { display: inline-block; color: #fff; border-radius: 4px; padding: 0 7px; font-size: 13px; white-space: nowrap; }
        .s-pass { background: #2e7d32; } .s-missing { background: #c62828; } .s-stale { background: #a34700; }
        .s-incomplete { background: #7a5200; } .s-broken { background: #8e24aa; } .s-review { background: #1565c0; } .s-unreachable { background: #616161; }
        .strip { display: inline-flex; gap: 2px; }
        .dot { display: inline-block; width: 12px; height: 12px; border-radius: 2px; }
        .sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
        .state { font-weight: 600; }
        .state.ok { color: #2e7d32; } .state.bad { color: #b3261e; } .state.warn { color: #8a4b00; } .state.running { color: #1565c0; }
        .change { font-size: 13px; color: #8a4b00; font-weight: 600; }
        .worse { color: #b3261e; } .better { color: #2e7d32; }
        .fixed { color: #2e7d32; }
        .ev { margin-bottom: 6px; overflow-wrap: anywhere; }
        .ev a { word-break: break-all; }
        .nolink { color: var(--muted); word-break: break-all; }
        ul.reasons { margin: 4px 0 0; padding-left: 18px; }
        a.file { margin-right: 10px; }
        details { margin: 8px 0; }
        footer { margin-top: 30px; color: var(--muted); font-size: 13px; border-top: 1px solid var(--line); padding-top: 8px; }
        @page { size: A4; margin: 14mm 12mm 16mm; }
        @media print {
          body { max-width: none; padding: 0; font-size: 10.5pt; }
          header.top nav, .skip, footer a { display: none; }
          section.unit { break-before: page; }
          section.unit:first-of-type { break-before: auto; }
          a { color: inherit; text-decoration: none; }
          .badge, .dot, thead th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }

        """;
}
