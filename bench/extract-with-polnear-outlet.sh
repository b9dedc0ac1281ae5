#!/bin/sh
# EXTRACT_CMD for score.mjs that passes the outlet a real ingest knows (from the feed) and the scorer's
# plain CLI run does not: a PolNeAR file name's prefix names its outlet ("wash-post_…" → The Washington Post).
# EXTRACT_CMD="bench/extract-with-polnear-outlet.sh {file}" node <score.mjs> gold --project . --gold <dir> --texts <dir>
file="$1"
case "$(basename "$file")" in
  breitbart_*) outlet="Breitbart" ;;
  huff-post_*) outlet="HuffPost" ;;
  nyt_*) outlet="The New York Times" ;;
  politico_*) outlet="Politico" ;;
  usa-today_*) outlet="USA Today" ;;
  wash-post_*) outlet="The Washington Post" ;;
  west-journal_*) outlet="Western Journal" ;;
  *) outlet="" ;;
esac
if [ -n "$outlet" ]; then exec npm run --silent extract -- "$file" --outlet "$outlet"; fi
exec npm run --silent extract -- "$file"
