"""Reads an EnPlan figure CSV as a Danish spreadsheet would (';', decimal comma, UTF-8 with BOM)
and checks that every cell of the table is one number or one word: prints each problem, exits 1
if there is one. The table starts at the row whose first cell is "Nøgle"."""
import csv, re, sys

number = re.compile(r"^-?\d+(,\d+)?$")
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline=""), delimiter=";"))
start = next(i for i, r in enumerate(rows) if r and r[0] == "Nøgle")
header, body = rows[start], rows[start + 1:]
problems = []
for r in body:
    if len(r) != len(header):
        problems.append(f"row {r[:2]} has {len(r)} cells, the header {len(header)}")
    for name, cell in zip(header[2:-1], r[2:-1]):
        if cell == "" or number.match(cell):
            if cell:
                float(cell.replace(",", "."))   # a number a Danish spreadsheet reads
            continue
        if re.search(r"[%()/]|\d\s\d", cell):
            problems.append(f"{r[0]} / {name}: {cell!r} is no single number or word")
typed = sum(1 for r in body for c in r[2:-1] if number.match(c))
print(f"{len(body)} rows, {typed} numbers")
for p in problems:
    print(p)
sys.exit(1 if problems else 0)
