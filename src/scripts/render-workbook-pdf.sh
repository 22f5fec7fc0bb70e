#!/usr/bin/env bash
# Renders the monthly report's workbook to PDF and one PNG per page, to look at it as a reader
# would (not part of CI).
#
#   src/scripts/render-workbook-pdf.sh [OUT_DIR] [monthly flags...]   run the jar's monthly job on sample-data
#   XLSX=path/to/outcomes.xlsx src/scripts/render-workbook-pdf.sh [OUT_DIR]   render an existing workbook
#
# Needs java and target/clinical-outcomes.jar (mvn -q -B package -DskipTests; JAR=... for another),
# LibreOffice Calc (apt-get install libreoffice-calc), pdftoppm (apt-get install poppler-utils) and
# the Carlito font (apt-get install fonts-crosextra-carlito: Calibri's metrics; without it LibreOffice
# measures the columns in a wider font, so widths and page breaks differ from Excel's).
# Every sheet prints as report/PrintLayout sets it up (README.md, "Printing"): A4 landscape, pages
# left to right then down, long tables' header rows and wide tables' key columns repeated.
# Writes OUT_DIR/report (the run's output), OUT_DIR/pdf/*.pdf and OUT_DIR/pages/page-NN.png;
# OUT_DIR defaults to /tmp/workbook-pdf and is replaced.
set -euo pipefail

cd "$(dirname "$0")/../.."
out="${1:-/tmp/workbook-pdf}"
shift || true
jar="${JAR:-target/clinical-outcomes.jar}"
dpi="${DPI:-80}"

if command -v fc-list >/dev/null 2>&1 && ! fc-list | grep -i carlito >/dev/null; then
    echo "render-workbook-pdf: the Carlito font is missing (apt-get install fonts-crosextra-carlito):" \
        "LibreOffice will lay the columns out wider than Excel" >&2
fi
for tool in libreoffice pdftoppm; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "render-workbook-pdf: $tool is not installed (apt-get install libreoffice-calc poppler-utils)" >&2
        exit 2
    fi
done

rm -rf "$out"
mkdir -p "$out/pdf" "$out/pages"

xlsx="${XLSX:-}"
if [ -z "$xlsx" ]; then
    if [ ! -f "$jar" ]; then
        echo "render-workbook-pdf: $jar is missing: run mvn -q -B package -DskipTests first" >&2
        exit 2
    fi
    # A private job repository, so that this run neither resumes nor disturbs another one.
    CLINICAL_OUTCOMES_STATE_DIR="$out/state" \
        java -Djava.awt.headless=true -jar "$jar" monthly --input=sample-data --output="$out/report" --quiet "$@"
    if [ -d "$out/report" ]; then
        xlsx="$(find "$out/report" -maxdepth 1 -name 'outcomes-*.xlsx' | sort | head -n 1)"
    fi
    if [ -z "$xlsx" ]; then
        echo "render-workbook-pdf: the run wrote no outcomes-*.xlsx into $out/report" >&2
        exit 1
    fi
fi

# A private LibreOffice profile: a running LibreOffice (or a stale lock) would otherwise swallow the conversion.
libreoffice -env:UserInstallation="file://$out/libreoffice-profile" --headless \
    --convert-to pdf --outdir "$out/pdf" "$xlsx" >"$out/libreoffice.log" 2>&1
pdf="$out/pdf/$(basename "${xlsx%.xlsx}").pdf"
if [ ! -f "$pdf" ]; then
    echo "render-workbook-pdf: LibreOffice wrote no PDF (see $out/libreoffice.log)" >&2
    exit 1
fi
pdftoppm -r "$dpi" -png "$pdf" "$out/pages/page"

echo "workbook: $xlsx"
echo "pdf:      $pdf ($(find "$out/pages" -name 'page-*.png' | wc -l) pages in $out/pages)"
if [ -d "$out/report/charts" ]; then
    echo "charts:   $out/report/charts"
fi
