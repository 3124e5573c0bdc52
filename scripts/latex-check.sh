#!/usr/bin/env bash
# Compiles every report's LaTeX tables (summary.tex) and PDF figures (figures.tex) in a two-column paper
# skeleton (IEEEtran from Debian's texlive-publishers; article with twocolumn at IEEE's dimensions when the
# class is missing) and fails on any LaTeX error, overfull box or float too large. Writes the compiled
# preview next to each report (report/preview.pdf). Installs a TeX distribution from Debian's packages when
# pdflatex is missing. docs/latex.md explains the outputs.
#
#   scripts/latex-check.sh                 every committed study (results/*/ and results/reference/*/ with report/summary.tex)
#   scripts/latex-check.sh results/quick   the given results folders
#   KEEP=1 scripts/latex-check.sh ...      also keep the .log next to the preview (for a failure: always kept)
#   CLASS=article scripts/latex-check.sh   the article fallback even when IEEEtran is installed (Computer Modern)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

if ! command -v pdflatex >/dev/null 2>&1; then
  echo "latex-check: pdflatex missing; installing TeX Live from Debian's packages (about 30 MB download) ..." >&2
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  # base: LaTeX and graphicx; recommended: booktabs; fonts-recommended: Times (IEEEtran's font); publishers: IEEEtran.cls
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
    texlive-latex-base texlive-latex-recommended texlive-fonts-recommended texlive-publishers >/dev/null
fi

if [ "${CLASS:-IEEEtran}" = IEEEtran ] && kpsewhich IEEEtran.cls >/dev/null 2>&1; then
  preamble='\documentclass[journal]{IEEEtran}'
else
  [ "${CLASS:-IEEEtran}" = article ] || echo "latex-check: IEEEtran.cls not found (texlive-publishers); using article, twocolumn, at IEEEtran's dimensions" >&2
  preamble='\documentclass[10pt,twocolumn]{article}
\setlength{\textwidth}{516pt}\setlength{\columnsep}{12pt}\setlength{\oddsidemargin}{-0.25in}\setlength{\evensidemargin}{-0.25in}
\setlength{\textheight}{9.5in}\setlength{\topmargin}{-0.5in}'
fi

dirs=("$@")
if [ ${#dirs[@]} -eq 0 ]; then
  for d in results/*/ results/reference/*/; do [ -f "$d/report/summary.tex" ] && dirs+=("${d%/}"); done
fi
[ ${#dirs[@]} -gt 0 ] || { echo "latex-check: no report with a summary.tex under results/ (run ./edgesplit report DIR first)" >&2; exit 2; }

# The same inputs give the same preview.pdf bytes (pdfTeX takes its dates and /ID from these): a re-run diffs clean.
export SOURCE_DATE_EPOCH=0 FORCE_SOURCE_DATE=1
status=0
for d in "${dirs[@]}"; do
  rep="$(cd "$d/report" && pwd)"
  [ -f "$rep/summary.tex" ] && [ -f "$rep/figures.tex" ] || { echo "FAIL $d: no summary.tex/figures.tex (./edgesplit report $d)" >&2; status=1; continue; }
  missing=""
  for svg in "$rep"/plots/*.svg; do
    [ -e "$svg" ] || continue
    stem="$(basename "$svg" .svg)"
    [ -f "$rep/figures/$stem.pdf" ] || missing="$missing $stem"
  done
  [ -z "$missing" ] || { echo "FAIL $d: plots without a PDF:$missing" >&2; status=1; }
  work="$(mktemp -d)"
  cat >"$work/preview.tex" <<TEX
$preamble
\usepackage{booktabs}
\usepackage{graphicx}
\graphicspath{{$rep/figures/}}
\begin{document}
\title{Paper tables and figures of \texttt{$(basename "$d")}}
\author{edgesplit report, compiled by scripts/latex-check.sh}
\maketitle
This preview compiles \texttt{report/summary.tex} and \texttt{report/figures.tex} as a paper would
\texttt{\string\input} them: every table fits \texttt{\string\columnwidth} (table) or \texttt{\string\textwidth} (table*).
\input{$rep/summary.tex}
\clearpage
\input{$rep/figures.tex}
\end{document}
TEX
  ok=1
  for pass in 1 2; do # the second pass settles float placement and references
    if ! (cd "$work" && pdflatex -interaction=nonstopmode -halt-on-error preview.tex >/dev/null 2>&1); then ok=0; break; fi
  done
  log="$work/preview.log"
  problems="$(grep -E '^! |Overfull \\[hv]box|Float too large|Too many unprocessed floats' "$log" || true)"
  if [ "$ok" = 0 ] || [ -n "$problems" ]; then
    echo "FAIL $d:" >&2
    echo "${problems:-pdflatex failed}" | head -20 >&2
    cp "$log" "$rep/preview.log"
    echo "     (log: $rep/preview.log)" >&2
    status=1
  else
    pages="$(grep -oE 'Output written on preview.pdf \(([0-9]+) page' "$log" | grep -oE '[0-9]+ page' || true)"
    cp "$work/preview.pdf" "$rep/preview.pdf"
    rm -f "$rep/preview.log"
    [ "${KEEP:-0}" = 1 ] && cp "$log" "$rep/preview.log"
    echo "ok   $d: 0 errors, 0 overfull boxes, ${pages:-? page}s -> $d/report/preview.pdf"
  fi
  rm -rf "$work"
done
exit $status
