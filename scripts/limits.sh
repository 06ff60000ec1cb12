#!/usr/bin/env bash
# Time and peak memory of `briefings import` on hostile sizes (the long variants of tests/limits.rs).
# Usage: scripts/limits.sh [path/to/briefings]   (default: target/release/briefings; needs python3, /usr/bin/time)
set -euo pipefail
bin=${1:-target/release/briefings}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work" <<'PY'
import os, sys
w = sys.argv[1]
head = "Conférence de presse du 29 juillet 2025 tenue par le porte-parole du ministère des Affaires étrangères Guo Jiakun\n\n2025-07-29 20:40\n\n"
para = "La Chine soutient la paix : elle l'a dit, à 3:40, « sans ambiguïté ». " * 20
def write(name, text):
    with open(os.path.join(w, name), "w", encoding="utf-8") as f:
        f.write(text)
parts, size, i = [head], 0, 0
while size < 50_000_000:
    t = f"AFP : Question {i} ?\n\nGuo Jiakun : {para}\n\n"; parts.append(t); size += len(t); i += 1
write("2025-07-29_fifty-mb.txt", "".join(parts))
write("2025-07-29_two-mb-paragraph.txt", head + "AFP : Une question ?\n\nGuo Jiakun : " + ("La paix. " * 230_000) + "\n")
write("2025-07-29_ten-thousand-turns.txt", head + "".join(f"AFP : Question {i} ?\n\nGuo Jiakun : Réponse {i}.\n\n" for i in range(10_000)))
write("2025-07-29_long-label.txt", head + "A" * 10_000 + " : une question ?\n\nGuo Jiakun : une réponse.\n")
write("2025-07-29_nested.html", "<html><body><div class=\"content\">" + "<div><span>" * 100_000 + "<p>AFP : Une question ?</p><p>Guo Jiakun : Une réponse.</p>" + "</span></div>" * 100_000 + "</div></body></html>")
d = w
while len(d) < 4000:
    d = os.path.join(d, "d" * 200)
os.makedirs(d)
write(os.path.relpath(os.path.join(d, "2025-07-29_long-path.txt"), w), head + "AFP : Une question ?\n\nGuo Jiakun : Une réponse.\n")
PY
printf '%-40s %10s %12s  %s\n' case seconds "peak RSS" result
for f in "$work"/*.txt "$work"/*.html "$(find "$work" -name '*long-path.txt')"; do
  corpus="$work/corpus-$(basename "$f")"
  out=$( { /usr/bin/time -f "%e %M" env BRIEFINGS_CACHE="$work/cache" "$bin" --corpus "$corpus" import "$f" 2>&1 >/dev/null; } | tail -1)
  summary=$(env BRIEFINGS_CACHE="$work/cache" "$bin" --corpus "$corpus" list 2>/dev/null | wc -l)
  printf '%-40s %10s %9s KB  %s conference(s)\n' "$(basename "$f" | cut -c1-40)" "${out%% *}" "${out##* }" "$summary"
done
